//! Tests of the demands stage on whole short articles (the pipeline up to demands).

use crate::extract::test_support::{demands_in, pairs, sorted_pairs};

/// (demander, addressee, action) of every demand in an article.
fn demands(lang: &str, title: &str, body: &str) -> Vec<(String, String, String)> {
    demands_in(lang, title, body)
}

#[test]
fn an_apposition_between_the_addressee_and_untuk() {
    let found =
        demands("id", "", "Menlu Retno mendesak Myanmar, anggota termuda ASEAN, untuk menghentikan kekerasan terhadap warga sipil.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Myanmar")]);
    assert_eq!(found[0].2, "menghentikan kekerasan terhadap warga sipil");
}

#[test]
fn an_english_apposition_before_to() {
    let found = demands("en", "", "Washington urged Beijing, Pyongyang's main trading partner, to enforce the sanctions.");
    assert_eq!(pairs(&found), vec![("United States", "China")]);
}

#[test]
fn no_apposition_across_a_quote_or_a_relative_clause() {
    let found = demands("id", "", "Jepang mendorong Korea Selatan, yang baru saja berunding dengan Amerika Serikat, untuk bersabar.");
    assert!(pairs(&found).iter().all(|&(_, o)| o == "South Korea"), "{found:?}");
}

#[test]
fn a_relative_clause_on_an_event_asks_nothing() {
    let found = demands(
        "id",
        "",
        "Media Korea Utara melaporkan serangan itu, yang mendorong Amerika Serikat untuk mengirim kapal induk ke Semenanjung Korea.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_relative_clause_on_an_actor_asks_for_it() {
    let found = demands("id", "", "Ukraina menyerang gudang Rusia, yang menuntut NATO untuk menghentikan pengiriman senjata.");
    assert_eq!(pairs(&found), vec![("Russia", "NATO")]);
}

#[test]
fn something_requested_from_a_party() {
    let found = demands("id", "", "Filipina akan meminta penjelasan dari China terkait insiden kapal di Laut China Selatan.");
    assert_eq!(pairs(&found), vec![("Philippines", "China")]);
    let found = demands("id", "", "Korea Selatan meminta jaminan Amerika Serikat atas payung nuklirnya.");
    assert_eq!(pairs(&found), vec![("South Korea", "United States")]);
    let found = demands("en", "", "Kyiv demanded assurances from NATO about future membership.");
    assert_eq!(pairs(&found), vec![("Ukraine", "NATO")]);
}

#[test]
fn no_request_for_things_not_given_by_a_party() {
    // Recognition of Palestine is not something Palestine is asked to give.
    assert!(demands("id", "", "Liga Arab menuntut pengakuan Palestina sebagai negara merdeka.").is_empty());
    // A weak cue stays weak.
    assert!(demands("id", "", "Indonesia mendorong dukungan Jepang bagi pembangunan pelabuhan.").is_empty());
}

#[test]
fn a_group_whose_members_the_next_sentence_lists() {
    let found = demands(
        "id",
        "",
        "Australia mengajak negara-negara Pasifik untuk menolak pangkalan militer asing. Negara-negara tersebut di antaranya Fiji, Tonga dan Samoa.",
    );
    assert_eq!(pairs(&found), vec![("Australia", "Fiji"), ("Australia", "Tonga"), ("Australia", "Samoa")]);
}

#[test]
fn we_in_a_statement_is_its_author() {
    let found = demands(
        "en",
        "Statement by President Joe Biden on the Elections in Venezuela",
        "The vote was neither free nor fair. We call on Venezuela to release all political prisoners.",
    );
    assert_eq!(pairs(&found), vec![("United States", "Venezuela")]);
    let found = demands(
        "en",
        "Leaders meet in Caracas",
        "The vote was neither free nor fair. We call on Venezuela to release all political prisoners.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_statement_from_an_actor_calling_on_another() {
    let found =
        demands("en", "", "Britain welcomed the statement from the European Union calling on Belarus to free all political prisoners.");
    assert_eq!(pairs(&found), vec![("European Union", "Belarus")]);
    assert_eq!(found[0].2, "free all political prisoners");
    let found = demands("en", "", "Jordan backed the UN resolution urging Israel to halt settlement building.");
    assert_eq!(pairs(&found), vec![("United Nations", "Israel")]);
}

#[test]
fn no_participle_demand_without_an_author_or_a_to_clause() {
    // No author of the statement, no source noun, no "to": nothing.
    assert!(demands("en", "", "Britain welcomed a statement calling on Belarus to free all political prisoners.").is_empty());
    assert!(demands("en", "", "Protesters marched through Minsk, urging Belarus to free political prisoners.").is_empty());
    assert!(demands("en", "", "The statement from the European Union calling on Belarus was brief.").is_empty());
}

#[test]
fn encouraged_and_pushed_ask_only_with_an_addressee_and_to() {
    let found = demands(
        "en",
        "",
        "Washington encouraged Kenya and Somalia to resume the border talks. \
         The envoy said he was encouraged by the progress of the talks. \
         Officials pushed back against the report. Brazil pushed Venezuela to publish the vote tallies.",
    );
    assert_eq!(pairs(&found), vec![("United States", "Kenya"), ("United States", "Somalia"), ("Brazil", "Venezuela")]);
    assert_eq!(found[2].2, "publish the vote tallies");
}

#[test]
fn a_countrys_people_in_a_subject_list_are_no_actor() {
    // The list goes on past "aktivis Iran": the groups and governments before it demand.
    let found = demands(
        "id",
        "",
        "Kelompok pembela hak asasi manusia internasional, pemerintah negara Barat dan aktivis Iran sebelumnya telah mendesak Teheran agar membebaskan wartawan itu.",
    );
    assert_eq!(pairs(&found), vec![("Human rights groups", "Iran"), ("Western countries", "Iran")]);
    // Alone, a country's activists are not the country.
    let found = demands("id", "", "Aktivis Iran mendesak Amerika Serikat mencabut sanksi.");
    assert!(found.is_empty(), "{found:?}");
    let found = demands("id", "", "Jepang dan warga Korea Selatan mendesak Korea Utara membebaskan sandera.");
    assert_eq!(pairs(&found), vec![("Japan", "North Korea")]);
    // The state itself still demands.
    let found = demands("id", "", "Pemerintah Iran mendesak Amerika Serikat mencabut sanksi.");
    assert_eq!(pairs(&found), vec![("Iran", "United States")]);
}

// English round 3: how government statements and readouts name who asks whom.

#[test]
fn he_opening_a_sentence_continues_the_last_subject() {
    // The pronoun is the President, who was the subject, not the emir named last.
    let found = demands(
        "en",
        "Readout of President Joe Biden's Call with Emir Tamim bin Hamad Al Thani of Qatar",
        "President Biden spoke today with Emir Tamim bin Hamad Al Thani of Qatar. He urged the Emir to keep pressing Hamas to accept the proposal.",
    );
    assert_eq!(pairs(&found), vec![("United States", "Qatar")]);
    // After a quote, the one who spoke is who the next sentence is about.
    let found = demands(
        "en",
        "",
        "Kosovo's Albin Kurti met the envoys. \"Albin Kurti wants a fight,\" said Aleksandar Vucic. He also urged Pristina to withdraw its police units.",
    );
    assert_eq!(pairs(&found), vec![("Serbia", "Kosovo")]);
}

#[test]
fn the_president_of_a_statement_is_its_author_not_a_president_named_after() {
    let found = demands(
        "en",
        "Readout of President Joe Biden's Meeting with President Volodymyr Zelenskyy of Ukraine",
        "The President encouraged President Zelenskyy to continue anti-corruption reforms. \
         The President also urged Russia to return the deported children.",
    );
    assert_eq!(pairs(&found), vec![("United States", "Ukraine"), ("United States", "Russia")]);
}

#[test]
fn the_government_of_a_country_is_that_country() {
    let found = demands(
        "en",
        "",
        "Ethiopia closed its border. The United States urged the Government of Sudan to open the border crossings. \
         Washington called on the Governments of Armenia and Azerbaijan to return to talks.",
    );
    assert_eq!(pairs(&found), vec![("United States", "Sudan"), ("United States", "Armenia"), ("United States", "Azerbaijan")]);
    // "the government" alone still points back to the country last named.
    let found = demands("en", "", "Ethiopia declared a truce. The United Nations urged the government to let aid convoys through.");
    assert_eq!(pairs(&found), vec![("United Nations", "Ethiopia")]);
}

#[test]
fn a_joint_statement_speaks_for_both_authors() {
    let found = demands(
        "en",
        "Joint Statement by President Biden and Prime Minister Albanese",
        "We call on China to respect freedom of navigation in the South China Sea.",
    );
    assert_eq!(sorted_pairs(&found), vec![("Australia", "China"), ("United States", "China")]);
    // A possessive ends the authors: the readout is the President's alone.
    let found = demands(
        "en",
        "Readout of President Biden's Call with Prime Minister Albanese",
        "We call on China to respect freedom of navigation in the South China Sea.",
    );
    assert_eq!(pairs(&found), vec![("United States", "China")]);
}

#[test]
fn the_two_leaders_are_the_people_just_named() {
    let found = demands(
        "en",
        "",
        "Russia fired missiles at Kyiv overnight. President Biden met Prime Minister Fumio Kishida of Japan at the summit. \
         The two leaders called on North Korea to halt its missile launches.",
    );
    assert_eq!(sorted_pairs(&found), vec![("Japan", "North Korea"), ("United States", "North Korea")]);
    let found = demands(
        "en",
        "",
        "President Biden met Prime Minister Fumio Kishida of Japan at the summit. The leaders urged China to refrain from coercion.",
    );
    assert_eq!(sorted_pairs(&found), vec![("Japan", "China"), ("United States", "China")]);
    // People named in different sentences are no pair of leaders.
    let found = demands(
        "en",
        "",
        "Prime Minister Fumio Kishida arrived on Monday. President Emmanuel Macron spoke on Tuesday. The leaders urged China to refrain from coercion.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_call_for_the_support_of_a_party() {
    let found = demands(
        "en",
        "Joint Statement by President Biden and President Macron",
        "We call for the urgent support of the Governments of Israel and Lebanon for the truce plan.",
    );
    assert_eq!(
        sorted_pairs(&found),
        vec![("France", "Israel"), ("France", "Lebanon"), ("United States", "Israel"), ("United States", "Lebanon")]
    );
    let found = demands("en", "", "Egypt called for the release of the hostages held by Hamas.");
    assert_eq!(pairs(&found), vec![("Egypt", "Hamas")]);
    // The one released, or supported, is not asked to act.
    assert!(demands("en", "", "Egypt called for the release of Hamas prisoners.").is_empty());
    assert!(demands("en", "", "Egypt called for international support for Lebanon.").is_empty());
}

#[test]
fn a_demonym_title_and_name_are_one_addressee() {
    let found = demands("en", "", "Blinken pressed Israeli Prime Minister Benjamin Netanyahu on Wednesday to let more aid trucks in.");
    assert_eq!(pairs(&found), vec![("United States", "Israel")]);
    assert_eq!(found[0].2, "let more aid trucks in");
    // A person of another side after the demonym is not the same addressee: no complement is taken past him.
    let found = demands("en", "", "Blinken pressed Israeli officials and President Mahmoud Abbas on Wednesday to let more aid trucks in.");
    assert!(pairs(&found).iter().all(|&(_, o)| o != "United States"), "{found:?}");
}

#[test]
fn an_apostrophe_alone_is_the_possessive_of_a_name_in_s() {
    let found = demands("en", "", "Israel rejected Hamas' demand that it withdraw from the Rafah crossing.");
    assert_eq!(pairs(&found), vec![("Hamas", "Israel")]);
    // A quoted name is no possessor.
    let found = demands("en", "", "Israel rejected the so-called 'Hamas' demands for a truce.");
    assert!(found.iter().all(|(b, _, _)| b != "Hamas"), "{found:?}");
}

#[test]
fn an_obligation_stressed_in_a_that_clause_is_a_demand() {
    let found = demands(
        "en",
        "",
        "President Biden stressed that Israel must protect civilians and allow more aid into Gaza. \
         Blinken underscored that Hamas should free the remaining hostages.",
    );
    assert_eq!(pairs(&found), vec![("United States", "Israel"), ("United States", "Israel"), ("United States", "Hamas")]);
    assert_eq!(found[2].2, "free the remaining hostages");
    // A passive, the speaker's own side, or a condition: no demand.
    let none = demands(
        "en",
        "",
        "President Biden stressed that Russia must be held accountable. Blinken underscored that the United States must stay the course. \
         Biden stressed that if Hamas agreed, Israel should pause its offensive.",
    );
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn a_negated_request_keeps_its_negation_and_a_possessed_action_its_noun() {
    let found = demands("en", "", "NATO allies urged Moscow not to escalate the conflict.");
    assert_eq!(pairs(&found), vec![("NATO", "Russia")]);
    assert_eq!(found[0].2, "not to escalate the conflict");
    let found = demands("en", "", "The Group of Seven demanded Russia's immediate withdrawal from Ukrainian territory.");
    assert_eq!(pairs(&found), vec![("G7", "Russia")]);
    assert_eq!(found[0].2, "immediate withdrawal from Ukrainian territory");
}

#[test]
fn a_call_by_an_actor_names_its_author() {
    let found = demands("en", "", "The Taliban rejected calls by the United Nations to reopen girls' schools.");
    assert_eq!(pairs(&found), vec![("United Nations", "Taliban")]);
    assert_eq!(found[0].2, "reopen girls' schools");
    // "by" naming no actor gives no author.
    assert!(demands("en", "", "The Taliban rejected calls by activists to reopen girls' schools.").is_empty());
}

#[test]
fn asking_a_party_for_a_thing_it_is_to_give() {
    let found = demands("en", "", "Seoul asked Tokyo for an apology over the wartime labour ruling.");
    assert_eq!(pairs(&found), vec![("South Korea", "Japan")]);
    assert_eq!(found[0].2, "an apology over the wartime labour ruling");
    // Asked about, or for something the lexicon does not list as given: nothing.
    assert!(demands("en", "", "Seoul asked Tokyo for the second time in a week.").is_empty());
}

#[test]
fn a_passive_request_names_its_agent_after_by() {
    let found = demands("en", "", "Israel was urged by the United States to allow more aid into Gaza.");
    assert_eq!(pairs(&found), vec![("United States", "Israel")]);
    assert_eq!(found[0].2, "allow more aid into Gaza");
    let found = demands("en", "", "Hamas is being pressed by Qatar and Egypt to accept the deal.");
    assert_eq!(sorted_pairs(&found), vec![("Egypt", "Hamas"), ("Qatar", "Hamas")]);
    // No agent, or a passive that asks nothing: no demand, and never the agent asked.
    assert!(demands("en", "", "Israel was urged to allow more aid into Gaza.").is_empty());
    assert!(demands("en", "", "The talks were pushed by Qatar into next week.").is_empty());
}

#[test]
fn a_name_in_commas_after_the_addressee_before_untuk() {
    let found = demands("id", "", "Pemerintah Filipina menuntut Presiden China, Xi Jinping, untuk menarik kapal patroli dari Scarborough.");
    assert_eq!(pairs(&found), vec![("Philippines", "China")]);
    assert_eq!(found[0].2, "menarik kapal patroli dari Scarborough");
}

#[test]
fn the_members_of_an_organisation_as_the_subject() {
    let found = demands(
        "id",
        "",
        "Sebanyak 27 negara yang tergabung dalam Uni Eropa, mendesak Rusia untuk membebaskan para jurnalis yang ditahan.",
    );
    assert_eq!(pairs(&found), vec![("European Union", "Russia")]);
    // Without the membership phrase the organisation before the comma is no subject.
    let found = demands("id", "", "Setelah pertemuan dengan Uni Eropa, mendesak Rusia untuk membebaskan para jurnalis.");
    assert!(found.iter().all(|(b, _, _)| b != "European Union"), "{found:?}");
}

#[test]
fn the_indonesian_armed_forces_speak_for_indonesia() {
    let found = demands("id", "", "TNI meminta Australia menjelaskan pelanggaran wilayah udara itu.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Australia")]);
}

#[test]
fn an_honorific_before_the_addressee() {
    let found = demands("id", "", "\"Kami mendesak agar Tuan Putin menarik pasukannya,\" kata Menlu Retno.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Russia")]);
    assert_eq!(found[0].2, "menarik pasukannya");
}

#[test]
fn a_quotation_standing_alone_goes_on_the_one_before() {
    let body = "\"Kami sangat kecewa,\" kata Menlu Retno. \"Kami mendesak agar Myanmar membuka akses bantuan.\"";
    assert_eq!(pairs(&demands("id", "", body)), vec![("Indonesia", "Myanmar")]);
    // Not after a sentence that quoted no one.
    let body = "Menlu Retno tiba di Yangon. \"Kami mendesak agar Myanmar membuka akses bantuan.\"";
    assert!(demands("id", "", body).is_empty());
}

#[test]
fn a_need_told_in_a_quotation_is_the_speakers_demand() {
    let found = demands("en", "", "\"Both Armenia and Azerbaijan need to pull back their troops,\" Blinken said.");
    assert_eq!(sorted_pairs(&found), vec![("United States", "Armenia"), ("United States", "Azerbaijan")]);
    // A demand noun keeps its owner: the subject's demand, not the speaker's.
    let found = demands("en", "", "\"Russia made demands to end NATO enlargement,\" Blinken said.");
    assert!(found.iter().all(|(b, _, _)| b != "United States"), "{found:?}");
}

#[test]
fn a_while_clause_has_the_actor_before_it() {
    let found = demands("id", "", "Hal itu disampaikan Menlu Retno saat mendesak Myanmar untuk membuka akses bantuan.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Myanmar")]);
    // Not a place before it: "di Ankara" governs the city.
    let found = demands("id", "", "Erdogan berbicara di Ankara saat mendesak Israel menghentikan serangan.");
    assert_eq!(pairs(&found), vec![("Turkey", "Israel")]);
}

#[test]
fn a_relative_clause_on_the_addressee_before_untuk() {
    let found =
        demands("id", "", "China meminta Amerika Serikat, yang mengirim kapal perang ke kawasan itu, untuk menghentikan provokasi.");
    assert_eq!(pairs(&found), vec![("China", "United States")]);
    assert_eq!(found[0].2, "menghentikan provokasi");
}

#[test]
fn a_national_security_council_statement_speaks_for_the_united_states() {
    let found = demands(
        "en",
        "Statement from NSC Spokesperson Maria Ellison on Iran's Drone Transfers",
        "We urge all nations to enforce the arms embargo and call on Tehran to halt these transfers at once.",
    );
    assert_eq!(pairs(&found), vec![("United States", "International community"), ("United States", "Iran")]);
    assert_eq!(found[0].2, "enforce the arms embargo");
}

#[test]
fn an_actor_opening_a_clause_with_must_in_a_statement_is_asked_by_the_author() {
    let found = demands(
        "en",
        "Statement by President Joe Biden on the Crisis in Sudan",
        "The fighting has gone on for weeks, but Khartoum must immediately allow aid convoys to reach the west.",
    );
    assert_eq!(pairs(&found), vec![("United States", "Sudan")]);
    assert_eq!(found[0].2, "immediately allow aid convoys to reach the west");
}

#[test]
fn must_in_a_news_report_or_after_another_subject_asks_nothing() {
    // No statement headline: no author to ask.
    assert!(demands("en", "Sudan fighting enters third week", "Khartoum must allow aid convoys to reach the west.").is_empty());
    // The actors do not open the clause; a passive puts no action on its subject; the author's own side.
    for body in [
        "Talks between Khartoum and Cairo must resume before the rainy season.",
        "Khartoum must be held accountable for the attacks on aid workers.",
        "The United States must stand with the people of Sudan.",
    ] {
        let found = demands("en", "Statement by President Joe Biden on the Crisis in Sudan", body);
        assert!(found.is_empty(), "{body}: {found:?}");
    }
}

#[test]
fn all_parties_in_a_readout_of_a_call_is_the_counterpart() {
    let title = "Readout of Secretary Antony Blinken's Call with Prime Minister Nikol Pashinyan of Armenia";
    for body in [
        "Secretary Blinken spoke today with Prime Minister Pashinyan. He called on all parties to refrain from provocative steps along the border.",
        "Secretary Blinken spoke today with Prime Minister Pashinyan. The Secretary urged both sides to return to negotiations.",
    ] {
        let found = demands("en", title, body);
        assert_eq!(pairs(&found), vec![("United States", "Armenia")], "{body}");
    }
    // "Both sides" after a pair named together is that pair, not the counterpart alone.
    let found = demands(
        "en",
        title,
        "Secretary Blinken discussed the clashes between Armenia and Azerbaijan. He urged both sides to return to negotiations.",
    );
    assert_eq!(sorted_pairs(&found), vec![("United States", "Armenia"), ("United States", "Azerbaijan")]);
}

#[test]
fn all_parties_without_a_counterpart_in_the_headline_is_nobody() {
    // A news report, and a statement that names no call or meeting with another side.
    for title in ["Blinken urges calm in the Caucasus", "Statement by Secretary Antony Blinken on the Caucasus"] {
        let found = demands("en", title, "Secretary Antony Blinken called on all parties to refrain from provocative steps.");
        assert!(found.is_empty(), "{title}: {found:?}");
    }
}

#[test]
fn semua_pihak_in_a_press_release_on_a_meeting_is_the_counterpart() {
    let found = demands(
        "id",
        "Siaran Pers: Pertemuan Menlu Retno Marsudi dengan Menlu Filipina",
        "Dalam pertemuan itu, Menlu Retno meminta semua pihak untuk menahan diri di Laut China Selatan.",
    );
    assert_eq!(pairs(&found), vec![("Indonesia", "Philippines")]);
}

#[test]
fn a_closing_attribution_names_the_speaker_of_the_next_quotation() {
    let body = "\"Kami sangat kecewa,\" demikian pernyataan misi Uni Eropa. \"Kami mendesak agar Rusia membebaskan para jurnalis itu.\"";
    assert_eq!(pairs(&demands("id", "", body)), vec![("European Union", "Russia")]);
    // "demikian" far from any actor names no one.
    let body = "\"Kami sangat kecewa,\" demikian isi pernyataan yang dibacakan pada sore itu. \"Kami mendesak agar Rusia membebaskan para jurnalis.\"";
    assert!(demands("id", "", body).is_empty());
}

#[test]
fn an_adverb_inside_the_verb_phrase() {
    let found = demands("en", "", "The Netherlands calls again on Iran to release the detained sailors.");
    assert_eq!(pairs(&found), vec![("Netherlands", "Iran")]);
    assert_eq!(found[0].2, "release the detained sailors");
    // Calls heard again are no demand.
    assert!(demands("en", "", "The calls again grew louder in Tehran.").is_empty());
}
