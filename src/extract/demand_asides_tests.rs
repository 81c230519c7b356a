//! Tests of what stands between a demand's addressee and what is asked: quotation marks,
//! asides set off by commas, several things requested, and words before the addressee's name.

use crate::extract::test_support::{demands_in, pairs, sorted_pairs};

fn demands(lang: &str, body: &str) -> Vec<(String, String, String)> {
    demands_in(lang, "", body)
}

#[test]
fn a_quotation_opening_with_the_complementiser() {
    let found = demands("en", "The European Union urged Serbia and Kosovo \"to refrain from any step that could raise tensions\".");
    assert_eq!(sorted_pairs(&found), vec![("European Union", "Kosovo"), ("European Union", "Serbia")]);
    assert!(found.iter().all(|d| d.2 == "refrain from any step that could raise tensions"), "{found:?}");
    let found =
        demands("id", "Perdana Menteri Jepang mendesak Korea Utara \"untuk menghentikan uji coba rudal balistik\", kata juru bicaranya.");
    assert_eq!(pairs(&found), vec![("Japan", "North Korea")]);
    assert_eq!(found[0].2, "menghentikan uji coba rudal balistik");
    // A quotation after the addressee that does not open with "to" is no complement: a weak
    // verb ("told") then asks nothing.
    assert!(demands("en", "The European Union told Serbia \"we are ready to help with the talks\".").is_empty());
}

#[test]
fn an_aside_between_the_addressee_and_to() {
    let found = demands("en", "Egypt urged all Sudanese parties, backed by the African Union, to return to the talks in Jeddah.");
    assert_eq!(pairs(&found), vec![("Egypt", "Sudan")]);
    assert_eq!(found[0].2, "return to the talks in Jeddah");
    let found = demands("en", "Norway urged Israel, which rejects the report, to allow the inquiry.");
    assert_eq!(pairs(&found), vec![("Norway", "Israel")]);
    assert_eq!(found[0].2, "allow the inquiry");
    // A capitalised word after the comma opens a list or a new name, not an aside.
    let found = demands("en", "Norway urged Israel, Egypt and Qatar to reopen the crossing.");
    assert_eq!(sorted_pairs(&found), vec![("Norway", "Egypt"), ("Norway", "Israel"), ("Norway", "Qatar")]);
}

#[test]
fn the_withdrawal_in_quotation_marks_of_a_sides_troops() {
    let found = demands("en", "Kenya called for the \"immediate withdrawal\" of Ethiopian troops from the border area.");
    assert_eq!(pairs(&found), vec![("Kenya", "Ethiopia")]);
    let found = demands("en", "Kenya appeals for the withdrawal of Ethiopian troops from the border area.");
    assert_eq!(pairs(&found), vec![("Kenya", "Ethiopia")]);
}

#[test]
fn the_palestinians_are_palestines_side() {
    let found = demands("en", "Canada urged Israel and the Palestinians to resume direct talks.");
    assert_eq!(sorted_pairs(&found), vec![("Canada", "Israel"), ("Canada", "Palestine")]);
}

#[test]
fn several_things_requested_from_one_side() {
    let found = demands("id", "Menlu Retno Marsudi meminta penjelasan dan jaminan dari pemerintah Malaysia.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Malaysia")]);
    // Something that is not asked for before "dari" does not make the next name an addressee.
    assert!(demands("id", "Menlu Retno Marsudi meminta penjelasan dan pulang dari Malaysia.").is_empty());
}

#[test]
fn words_before_the_addressees_name() {
    let found = demands("id", "Uni Afrika menuntut personel militer Niger untuk kembali ke barak dalam 15 hari.");
    assert_eq!(pairs(&found), vec![("African Union", "Niger")]);
    assert_eq!(found[0].2, "kembali ke barak dalam 15 hari");
    let found = demands("id", "ECOWAS mendesak para petinggi junta Mali agar segera menggelar pemilu.");
    assert_eq!(pairs(&found), vec![("ECOWAS", "Mali")]);
    // Words that are not such heads still block: the citizens of a country are not its side.
    assert!(demands("id", "Uni Afrika menuntut warga Niger untuk kembali ke rumah.").is_empty());
}

#[test]
fn a_title_with_one_word_of_a_known_persons_name_is_that_person() {
    let body = "Sekretaris Jenderal PBB Antonio Guterres menawarkan diri menjadi penengah antara Armenia dan Azerbaijan. \
                Guterres menyerukan kepada kedua pihak untuk menahan diri. \
                Sudah saatnya Sekretaris Jenderal Guterres turun tangan, kata diplomat itu.";
    let found = demands("id", body);
    assert_eq!(sorted_pairs(&found), vec![("United Nations", "Armenia"), ("United Nations", "Azerbaijan")]);
}

#[test]
fn all_parties_in_a_report_on_one_country_are_its_parties() {
    let body = "The members of the Security Council condemned the clashes in Tripoli on Saturday. \
                They called on all parties to preserve the calm on the ground.";
    let found = demands("en", body);
    assert_eq!(pairs(&found), vec![("UN Security Council", "Libya")]);
    let found = demands("id", "Uni Eropa menyerukan semua pihak di Yaman untuk kembali ke meja perundingan.");
    assert_eq!(pairs(&found), vec![("European Union", "Yemen")]);
    // Two countries named, or only the demander's own, or one in brackets after a person: no one.
    let body = "Delegations from Sudan and Chad met in Geneva. Norway called on all parties to show restraint.";
    assert!(demands("en", body).is_empty());
    let body = "Norway held a conference in Oslo. Norway called on all parties to show restraint.";
    assert!(demands("en", body).is_empty());
    let body = "The statement was issued by Council President Jean Dupont (France). The Council called on all parties to show restraint.";
    assert!(demands("en", body).is_empty());
}

#[test]
fn an_action_ends_before_a_pronoun_subjects_next_demand() {
    let body = "The members of the Security Council called on Libyan parties to respect international law, \
                and they urged all parties to allow full, safe and unhindered humanitarian access.";
    let found = demands("en", body);
    let actions: Vec<&str> = found.iter().map(|d| d.2.as_str()).collect();
    assert_eq!(actions, vec!["respect international law", "allow full, safe and unhindered humanitarian access"]);
}

#[test]
fn a_possessed_title_and_its_holders_name_are_the_addressee() {
    let found =
        demands("en", "Japan's foreign minister Kenji Sato urged China's top nuclear envoy, Li Wei, to consider joining the talks.");
    assert_eq!(pairs(&found), vec![("Japan", "China")]);
    assert_eq!(found[0].2, "consider joining the talks");
}

#[test]
fn people_from_two_sides_are_a_group_of_two() {
    let body = "Defence officials from Thailand and Cambodia will hold talks on Wednesday. \
                Southeast Asian foreign ministers urged both sides to exercise maximum restraint.";
    let found = demands("en", body);
    assert_eq!(sorted_pairs(&found), vec![("ASEAN", "Cambodia"), ("ASEAN", "Thailand")]);
    let body = "Delegasi dari Thailand dan Kamboja akan berunding pekan ini. Indonesia mendesak kedua pihak untuk menahan diri.";
    assert_eq!(sorted_pairs(&demands("id", body)), vec![("Indonesia", "Cambodia"), ("Indonesia", "Thailand")]);
    // Travel from a place is no membership: "flew from Bangkok and Phnom Penh" names no group.
    let body = "The envoy flew in from Thailand and Cambodia on Monday. Norway urged both sides to exercise restraint.";
    assert!(demands("en", body).is_empty());
}

#[test]
fn a_warning_to_act_is_a_demand_a_warning_that_is_not() {
    let found = demands("en", "China has warned the Philippines to \"stop any provocative acts\" after a confrontation near the shoal.");
    assert_eq!(pairs(&found), vec![("China", "Philippines")]);
    assert_eq!(found[0].2, "stop any provocative acts");
    let found = demands("id", "Amerika Serikat memperingatkan Rusia untuk menghentikan penumpukan pasukan di perbatasan.");
    assert_eq!(pairs(&found), vec![("United States", "Russia")]);
    assert!(demands("en", "Washington warned that Moscow would pay a heavy price.").is_empty());
    assert!(demands("en", "Washington warned Moscow that it would pay a heavy price.").is_empty());
    assert!(demands("id", "Amerika Serikat memperingatkan bahwa Rusia akan membayar mahal.").is_empty());
}

#[test]
fn the_sudanese_army_is_the_sudanese_armed_forces() {
    let found = demands("en", "Saudi Arabia urged the Sudanese army and the RSF to agree on a new ceasefire.");
    assert_eq!(sorted_pairs(&found), vec![("Saudi Arabia", "Rapid Support Forces"), ("Saudi Arabia", "Sudanese Armed Forces")]);
}
