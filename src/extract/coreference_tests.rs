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
