//! Visits that are meetings: a courtesy call on a host, a traveller who arrives and will hold
//! talks, a venue named before its city.

use super::super::tests::{row, sorted_meetings};

fn found(lang: &str, body: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    sorted_meetings(lang, body, "2023-03-16")
}

#[test]
fn a_courtesy_call_meets_its_host() {
    assert_eq!(
        found("id", "Menteri Luar Negeri Vietnam melakukan kunjungan kehormatan kepada Presiden Filipina di Manila, Rabu."),
        vec![row("Manila", "2023-03-15", &["Philippines", "Vietnam"])]
    );
    assert_eq!(
        found("en", "Vietnam's foreign minister paid a courtesy call on the Philippine president in Manila on Wednesday."),
        vec![row("Manila", "2023-03-15", &["Philippines", "Vietnam"])]
    );
    // "kepada" far from the cue names no host.
    assert_eq!(
        found("id", "Menteri Luar Negeri Vietnam melakukan pertemuan di Manila, Rabu, lalu mengirim pesan kepada Jepang."),
        vec![row("Manila", "2023-03-15", &["Vietnam"])]
    );
    // A phone call is no meeting.
    assert!(found("en", "Vietnam's foreign minister held a phone call with the Philippine president on Wednesday.").is_empty());
}

#[test]
fn a_traveller_who_will_hold_talks_there() {
    assert_eq!(
        found(
            "en",
            "Vietnam's foreign minister arrived in Manila on Wednesday and will hold talks with the Philippine president on Thursday."
        ),
        vec![row("Manila", "2023-03-16", &["Philippines", "Vietnam"])]
    );
    assert_eq!(
        found("id", "Menlu Vietnam tiba di Manila pada Rabu dan akan mengadakan pembicaraan dengan Presiden Filipina pada Kamis 16 Maret."),
        vec![row("Manila", "2023-03-16", &["Philippines", "Vietnam"])]
    );
}

#[test]
fn a_long_venue_name_and_a_comma_before_the_city() {
    assert_eq!(
        found("id", "Pertemuan Menlu Vietnam dan Menlu Filipina di Gedung Serbaguna Kementerian Luar Negeri Filipina, Manila, Rabu."),
        vec![row("Manila", "2023-03-15", &["Philippines", "Vietnam"])]
    );
}

#[test]
fn a_cabinet_session_and_a_place_in_what_is_said_are_no_meeting_places() {
    assert!(found("id", "Menlu mengatakan hal itu usai sidang kabinet di Istana Negara, Jakarta, Rabu.").is_empty());
    assert!(found("en", "The foreign minister spoke after a cabinet meeting in Hanoi on Wednesday.").is_empty());
    // "bertemu … dengan X bahwa …": a place after "bahwa" belongs to what was said.
    let found = found("id", "Menlu Vietnam mengatakan setelah bertemu dengan Menlu Filipina bahwa pangkalan di Subic tidak akan dibuka.");
    assert!(found.iter().all(|m| m.0 != "Subic Bay"), "{found:?}");
}

#[test]
fn the_meeting_between_two_sides_right_after_its_place() {
    assert_eq!(
        found(
            "en",
            "The talks are being held in Manila. The meeting between the Vietnamese foreign minister and the Philippine foreign minister began on Thursday."
        ),
        vec![row("Manila", "2023-03-16", &["Philippines", "Vietnam"])]
    );
    // Further away it names another meeting.
    let found = found(
        "en",
        "The talks are being held in Manila. Fishermen protested. The meeting between the Vietnamese and the Philippine ministers began.",
    );
    assert!(found.iter().all(|m| m.2.is_empty()), "{found:?}");
}

#[test]
fn a_capital_named_in_apposition() {
    assert_eq!(
        found("en", "The Vietnamese and Philippine foreign ministers held talks in the Philippines' capital, Manila, on Wednesday."),
        vec![row("Manila", "2023-03-15", &["Philippines", "Vietnam"])]
    );
}
