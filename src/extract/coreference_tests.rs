//! Tests of coreference: pronouns, short names, collective and group references.

use super::resolve_references;
use crate::extract::test_support::{analysed, Run};

fn resolved(lang: &str, body: &str) -> Run {
    let mut run = analysed(lang, "", body);
    resolve_references(&mut run.sents, &mut run.table, run.pack, &[]);
    run
}

#[test]
fn a_pronoun_points_to_the_person_last_named() {
    let run = resolved("id", "Sergey Lavrov tiba di Jenewa pada Minggu. Ia mengatakan Rusia tidak akan mundur.");
    assert_eq!(run.at(1, "Ia"), vec!["Sergey Lavrov"]);
}

#[test]
fn a_later_family_name_is_the_person() {
    let run = resolved("en", "Antony Blinken arrived in Geneva. Blinken said the talks were frank.");
    assert_eq!(run.at(1, "Blinken"), vec!["Antony Blinken"]);
}

#[test]
fn both_countries_are_the_last_two_sides_named() {
    let run = resolved("id", "Amerika Serikat dan Rusia bertemu di Jenewa. Kedua negara sepakat melanjutkan pembicaraan.");
    assert_eq!(run.at(1, "Kedua"), vec!["United States", "Russia"]);
}

#[test]
fn the_alliance_is_the_organization_last_named() {
    let run = resolved("en", "Russia met NATO envoys in Brussels. The alliance rejected the demands.");
    assert_eq!(run.at(1, "The"), vec!["NATO"]);
}

#[test]
fn the_speaker_of_a_quote_and_we_inside_it() {
    let run = resolved("id", "Sergey Lavrov tiba di Jenewa. \"Kami tidak akan mundur,\" kata Lavrov.");
    let s = &run.sents[1];
    assert_eq!(s.speaker.map(|e| run.key(e)), Some("Sergey Lavrov"));
    assert_eq!(run.at(1, "Kami"), vec!["Russia"]);
}

#[test]
fn the_shoal_is_the_region_named_before() {
    let run = resolved("en", "Chinese ships blocked Scarborough Shoal on Monday. Manila said the shoal lies within its waters.");
    assert_eq!(run.at(1, "shoal"), vec!["Scarborough Shoal"]);
}

#[test]
fn an_organisations_head_word_with_a_demonstrative_is_the_organisation() {
    let run = resolved("id", "Liga Arab bersidang di Kairo pada Sabtu. Liga tersebut meminta Dewan Keamanan PBB bertindak.");
    assert_eq!(run.at(1, "Liga"), vec!["Arab League"]);
    // Without a demonstrative, or with no such organisation named before, it is nobody.
    let run = resolved("id", "Liga Arab bersidang di Kairo. Liga sepak bola Mesir ditunda.");
    assert!(run.at(1, "Liga").is_empty());
    let run = resolved("id", "Mesir bersidang di Kairo. Dewan itu meminta gencatan senjata.");
    assert!(run.at(1, "Dewan").is_empty());
}

#[test]
fn the_first_words_of_an_organisations_name_are_the_organisation() {
    let run = resolved(
        "id",
        "Dewan Keamanan PBB bersidang pada Senin. Dewan Keamanan yang beranggotakan 15 negara itu menyerukan gencatan senjata.",
    );
    assert_eq!(run.at(1, "Dewan"), vec!["UN Security Council"]);
    // A capitalised word after them makes another body's name.
    let run = resolved("id", "Dewan Keamanan PBB bersidang pada Senin. Dewan Keamanan Nasional Filipina menggelar rapat.");
    assert!(run.at(1, "Dewan").is_empty());
}

#[test]
fn all_parties_in_a_report_on_a_conflict_are_its_two_sides() {
    let run = resolved("id", "Bentrokan antara pasukan Armenia dan Azerbaijan berlanjut. Uni Eropa meminta semua pihak menahan diri.");
    assert_eq!(run.at(1, "semua"), vec!["Armenia", "Azerbaijan"]);
    let run = resolved("en", "Fighting between Ethiopia and Eritrea resumed. The African Union urged all parties to stop.");
    assert_eq!(run.at(1, "all"), vec!["Ethiopia", "Eritrea"]);
    // No conflict named: nobody.
    let run = resolved("id", "Armenia dan Azerbaijan bertemu di Moskow. Uni Eropa meminta semua pihak menahan diri.");
    assert!(run.at(1, "semua").is_empty());
}

#[test]
fn it_opening_a_sentence_is_the_organisation_last_the_subject() {
    let run = resolved("id", "Uni Afrika mengecam kudeta itu. Ini juga meminta militer Niger membebaskan presiden.");
    assert_eq!(run.at(1, "Ini"), vec!["African Union"]);
    let run = resolved("en", "NATO condemned the strike. It also called on Russia to stop.");
    assert_eq!(run.at(1, "It"), vec!["NATO"]);
    // After a country or a person, or with no verb after it, "ini" is nobody.
    let run = resolved("id", "Rusia mengecam serangan itu. Ini juga meminta perhatian.");
    assert!(run.at(1, "Ini").is_empty());
    let run = resolved("id", "Uni Afrika mengecam kudeta itu. Ini sebuah langkah penting.");
    assert!(run.at(1, "Ini").is_empty());
}

#[test]
fn a_document_speaks_for_the_body_that_adopted_it() {
    let run =
        resolved("en", "The Security Council adopted a resolution on Haiti on Monday. The resolution urges the gangs to lay down arms.");
    assert_eq!(run.at(1, "The"), vec!["UN Security Council"]);
    let run = resolved("id", "ECOWAS mengeluarkan keputusan soal Niger. Keputusan itu meminta junta membebaskan tahanan.");
    assert_eq!(run.at(1, "Keputusan"), vec!["ECOWAS"]);
    // No body named with a document before: no referent.
    let run = resolved("en", "Talks stalled in Geneva. The resolution urges restraint.");
    assert!(run.at(1, "The").is_empty());
}

#[test]
fn the_ministry_is_the_country_whose_office_was_named() {
    let run = resolved("en", "The envoy was summoned to the Peruvian Foreign Ministry on Monday. The ministry demanded an apology.");
    assert_eq!(run.at(1, "The"), vec!["Peru"]);
    let run = resolved("id", "Kementerian Luar Negeri Jepang memanggil duta besar itu. Kementerian itu menuntut penjelasan.");
    assert_eq!(run.at(1, "Kementerian"), vec!["Japan"]);
    // A country the office acts on is not its owner.
    let run = resolved("en", "The Foreign Ministry summoned the Chilean ambassador. The ministry demanded an apology.");
    assert!(run.at(1, "The").is_empty());
}

#[test]
fn the_court_is_the_recent_body_with_court_in_its_name() {
    let run = resolved("en", "Cambodia took the case to the International Court of Justice. The court asked both sides to withdraw.");
    assert_eq!(run.at(1, "The"), vec!["International Court of Justice"]);
    // No such body named recently: no referent.
    let run = resolved("en", "Cambodia and Thailand met in Bangkok. The court asked both sides to withdraw.");
    assert!(run.at(1, "The").is_empty());
}

#[test]
fn a_country_that_only_names_a_document_did_not_issue_it() {
    let body = "The Security Council adopted a resolution on Gaza. Chile said it supported the resolution. The resolution urges Hamas to free the hostages.";
    let run = resolved("en", body);
    assert_eq!(run.at(2, "The"), vec!["UN Security Council"]);
}

#[test]
fn a_side_named_in_a_short_phrase_before_the_speech_verb_speaks() {
    let run = resolved("en", "\"We will not reopen the crossing,\" the Kenyan foreign ministry said.");
    assert_eq!(run.sents[0].speaker.map(|e| run.key(e)), Some("Kenya"));
    // A side named far before the verb is not the speaker.
    let run = resolved("en", "\"We will not reopen the crossing,\" said a spokesman.");
    assert_eq!(run.sents[0].speaker.map(|e| run.key(e)), None);
}

#[test]
fn a_group_with_a_modifier_before_its_demonstrative() {
    let run = resolved("id", "Abu Sayyaf menculik tiga nelayan pekan lalu. Manila mendesak kelompok militan tersebut membebaskan mereka.");
    assert_eq!(run.at(1, "kelompok"), vec!["Abu Sayyaf"]);
    // A verb after the head is no modifier: "kelompok menyerang itu" is not read.
    let run = resolved("id", "Abu Sayyaf menculik tiga nelayan. Kelompok bersenjata menyerang desa itu.");
    assert!(run.at(1, "Kelompok").is_empty());
}
