//! Tests of who asks and who is asked when the text names them in other shapes: speakers
//! coordinated after the clause, "they" after a coordinated subject, an office before its side,
//! a participle clause after a comma, abbreviations inside the action.

use crate::extract::test_support::{demands_in, pairs, sorted_pairs};

fn demands(lang: &str, body: &str) -> Vec<(String, String, String)> {
    demands_in(lang, "Berita", body)
}

#[test]
fn coordinated_speakers_after_the_clause_all_ask() {
    let found = demands(
        "en",
        "Iran should return to the negotiating table without conditions, the foreign ministers of France and Germany said on Tuesday in Paris.",
    );
    assert_eq!(sorted_pairs(&found), vec![("France", "Iran"), ("Germany", "Iran")]);
    // One speaker stays one.
    let found = demands("en", "Iran should return to the negotiating table, the French foreign minister said on Tuesday.");
    assert_eq!(pairs(&found), vec![("France", "Iran")]);
}

#[test]
fn they_after_a_coordinated_subject_is_every_side() {
    let found = demands(
        "en",
        "The defence ministers of Poland, Lithuania and Latvia met in Riga on Friday. They urged Belarus to stop pushing migrants towards the border.",
    );
    assert_eq!(sorted_pairs(&found), vec![("Latvia", "Belarus"), ("Lithuania", "Belarus"), ("Poland", "Belarus")]);
    // After one subject, "they" is that subject.
    let found = demands("en", "Poland closed two crossings on Friday. They urged Belarus to stop pushing migrants towards the border.");
    assert_eq!(pairs(&found), vec![("Poland", "Belarus")]);
}

#[test]
fn an_obligation_after_a_comma_and_in_a_participle_clause() {
    let found =
        demands("id", "Juru bicara PBB mengatakan, Sudan Utara dan Sudan Selatan harus membuka kembali jalur perdagangan di perbatasan.");
    assert_eq!(sorted_pairs(&found), vec![("United Nations", "South Sudan"), ("United Nations", "Sudan")]);
    // ", seraya mengatakan …": the sentence's subject speaks, not the party it just asked.
    let found = demands(
        "id",
        "Presiden Filipina mendesak Abu Sayyaf untuk membebaskan para nelayan, seraya mengatakan bahwa Abu Sayyaf harus menyerahkan senjatanya.",
    );
    let actions: Vec<&str> = found.iter().map(|d| d.2.as_str()).collect();
    assert_eq!(pairs(&found), vec![("Philippines", "Abu Sayyaf"), ("Philippines", "Abu Sayyaf")]);
    assert_eq!(actions, vec!["membebaskan para nelayan", "menyerahkan senjatanya"]);
}

#[test]
fn an_office_before_its_side_is_the_side_asked() {
    let found = demands("id", "Presiden Jokowi meminta Raja Yordania untuk membuka kembali jalur ziarah.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Jordan")]);
    let found = demands("id", "Indonesia meminta Perdana Menteri Malaysia untuk melindungi pekerja migran.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Malaysia")]);
    let found = demands("en", "Canada urged the Prime Minister of India to open an inquiry.");
    assert_eq!(pairs(&found), vec![("Canada", "India")]);
    let found = demands("en", "Egypt called on the King of Jordan to reopen the bridge.");
    assert_eq!(pairs(&found), vec![("Egypt", "Jordan")]);
    // A demand noun with "ke" and a titled person: the person's side.
    let found = demands("id", "Indonesia menyampaikan permintaan ke Raja Salman untuk menambah kuota jemaah.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Saudi Arabia")]);
}

#[test]
fn abbreviations_and_plain_shapes_inside_the_action() {
    let found = demands("en", "Japan prodded China to respect the Oct. 12 agreement on fishing zones.");
    assert_eq!(pairs(&found), vec![("Japan", "China")]);
    assert_eq!(found[0].2, "respect the Oct. 12 agreement on fishing zones");
    let found = demands("en", "Georgia demanded the withdrawal of the Russian army from South Ossetia.");
    assert_eq!(pairs(&found), vec![("Georgia", "Russia")]);
    let found = demands("en", "The Georgian president said that Russian troops must be withdrawn from South Ossetia.");
    assert_eq!(pairs(&found), vec![("Georgia", "Russia")]);
    // A passive on the troops that is no withdrawal asks nothing of the party.
    assert!(demands("en", "The Georgian president said that Russian troops must be punished.").is_empty());
}

#[test]
fn an_order_to_another_party_and_a_subject_in_apposition() {
    let found = demands("en", "The International Court of Justice ordered Honduras to halt the works on the island.");
    assert_eq!(pairs(&found), vec![("International Court of Justice", "Honduras")]);
    let found = demands("id", "Mahkamah Internasional memerintahkan Honduras untuk menghentikan pembangunan di pulau itu.");
    assert_eq!(pairs(&found), vec![("International Court of Justice", "Honduras")]);
    // An order to one's own forces asks no other side.
    assert!(demands("en", "The Honduran president ordered the Honduran army to leave the island.").is_empty());
    // "the U.N.'s court - the ICJ - Tuesday ordered": the apposition, past the weekday, is the subject.
    let found = demands(
        "en",
        "The U.N.'s highest court - the International Court of Justice - Tuesday ordered Honduras and Nicaragua to keep their troops away.",
    );
    assert_eq!(sorted_pairs(&found), vec![("International Court of Justice", "Honduras"), ("International Court of Justice", "Nicaragua")]);
}

#[test]
fn a_second_addressee_after_and_for() {
    let found = demands("en", "Qatar called for Hamas to free the captives and for Israel to let fuel into Gaza.");
    assert_eq!(pairs(&found), vec![("Qatar", "Hamas"), ("Qatar", "Israel")]);
    assert_eq!(found[1].2, "let fuel into Gaza");
    // "and for" with no party after it stays in the action.
    let found = demands("en", "Qatar called for Hamas to free the captives and for calm.");
    assert_eq!(pairs(&found), vec![("Qatar", "Hamas")]);
}

#[test]
fn a_resolution_is_its_organs_not_the_parent_named_later() {
    let found = demands(
        "en",
        "The United Nations Security Council approved Resolution 2334 on Friday. The UN decree followed an Israeli decision on settlements. \
         The resolution calls for Israel to stop settlement activity.",
    );
    assert_eq!(pairs(&found), vec![("UN Security Council", "Israel")]);
}

#[test]
fn an_obligation_after_a_fronted_phrase() {
    let found = demands(
        "en",
        "The Thai foreign minister said that, as a signatory of the treaty since 1998, Cambodia must hand over the suspects.",
    );
    assert_eq!(pairs(&found), vec![("Thailand", "Cambodia")]);
    let found =
        demands("id", "Menlu Thailand mengatakan bahwa sebagai penanda tangan perjanjian itu, Kamboja harus menyerahkan para tersangka.");
    assert_eq!(pairs(&found), vec![("Thailand", "Cambodia")]);
    // The speaker's own side after the phrase is asked nothing.
    assert!(demands("en", "The Thai foreign minister said that, in the talks, Thailand must keep calm.").is_empty());
}

#[test]
fn indonesian_media_epithets_name_their_countries() {
    let found = demands("id", "Negeri Paman Sam mendesak Negeri Ginseng untuk menghentikan ekspor chip ke Negeri Tirai Bambu.");
    assert_eq!(pairs(&found), vec![("United States", "South Korea")]);
    let found = demands("id", "Negeri Kangguru meminta Negeri Seribu Pagoda membebaskan para tahanan politik.");
    assert_eq!(pairs(&found), vec![("Australia", "Myanmar")]);
}

#[test]
fn seeking_a_partys_cooperation_and_pleading_with_it() {
    let found = demands("en", "Seoul sought the cooperation of Japan and the United States toward the return of the abductees.");
    assert_eq!(sorted_pairs(&found), vec![("South Korea", "Japan"), ("South Korea", "United States")]);
    let found = demands("en", "Manila pleaded with Hanoi to release the fishermen.");
    assert_eq!(pairs(&found), vec![("Philippines", "Vietnam")]);
    // Seeking to do something, or seeking talks, asks no one.
    assert!(demands("en", "Seoul sought to calm tensions with Tokyo.").is_empty());
    assert!(demands("en", "Seoul sought talks with Tokyo on the issue.").is_empty());
}

#[test]
fn an_obligation_added_in_a_quote_and_a_reproach() {
    let found = demands("en", "China said, adding that Tokyo \"must not betray its promise\" on the islands.");
    assert_eq!(pairs(&found), vec![("China", "Japan")]);
    assert_eq!(found[0].2, "not betray its promise");
    let found = demands("en", "Manila insisted that Beijing must withdraw its vessels.");
    assert_eq!(pairs(&found), vec![("Philippines", "China")]);
    // "should have …" reproaches what was done: no action asked.
    assert!(demands("en", "Manila said Beijing should have withdrawn its vessels.").is_empty());
}

#[test]
fn more_indonesian_verbs_report_an_obligation() {
    let found = demands("id", "Menlu Malaysia menyampaikan bahwa Myanmar harus menghentikan kekerasan.");
    assert_eq!(pairs(&found), vec![("Malaysia", "Myanmar")]);
    let found = demands("id", "Menlu Malaysia menambahkan bahwa Myanmar wajib membuka akses bantuan.");
    assert_eq!(pairs(&found), vec![("Malaysia", "Myanmar")]);
    // The speaker's own side obliged asks no one.
    assert!(demands("id", "Menlu Malaysia mengungkapkan bahwa Malaysia harus bersiap.").is_empty());
}

#[test]
fn it_after_the_verb_is_the_one_other_side_named_before() {
    let found = demands("en", "The EU welcomed Serbia's steps on the border and urged it to recognise the licence plates.");
    assert_eq!(pairs(&found), vec![("European Union", "Serbia")]);
    // Two other sides before it: "it" could be either.
    assert!(demands("en", "The EU welcomed Serbia's and Kosovo's steps and urged it to go further.").is_empty());
    // "insisted it wanted …": the pronoun is the clause's subject, not an addressee.
    assert!(demands("en", "The EU welcomed Serbia's steps and insisted it wanted more.").is_empty());
}

#[test]
fn a_place_after_an_event_and_a_hyphened_word_in_the_lead() {
    // "talks in Thailand urged": the place of the talks is no subject; the ministers are.
    let found =
        demands("en", "Southeast Asian ministers at the end of two-day talks in Thailand on Friday urged Myanmar to free the prisoners.");
    assert_eq!(pairs(&found), vec![("ASEAN", "Myanmar")]);
    // People in a place stand for it.
    let found = demands("en", "Officials in Thailand urged Myanmar to free the prisoners.");
    assert_eq!(pairs(&found), vec![("Thailand", "Myanmar")]);
}

#[test]
fn entreated_in_the_passive_asks_the_subject() {
    let found = demands("en", "Guinea has also been entreated by ECOWAS to publish a transition timeline within one month.");
    assert_eq!(pairs(&found), vec![("ECOWAS", "Guinea")]);
}

#[test]
fn the_military_in_a_country_is_its_side() {
    let found = demands("en", "ECOWAS urged the military rulers in Burkina Faso to release the detained president.");
    assert_eq!(pairs(&found), vec![("ECOWAS", "Burkina Faso")]);
    let found = demands("id", "ECOWAS mendesak militer di Burkina Faso untuk membebaskan presiden yang ditahan.");
    assert_eq!(pairs(&found), vec![("ECOWAS", "Burkina Faso")]);
}

#[test]
fn an_expectation_put_on_a_party() {
    let found = demands("en", "The Australian government says it expects China to lift the tariffs on wine.");
    assert_eq!(pairs(&found), vec![("Australia", "China")]);
    // Expecting to do something oneself, or what others expect: no demand.
    assert!(demands("en", "Australia expects to sign the deal next month.").is_empty());
    assert!(demands("en", "Analysts expect China to lift the tariffs.").is_empty());
}
