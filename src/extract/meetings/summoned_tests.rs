//! A summoned envoy meets the summoning government: in the city named after the envoy, else
//! in the summoner's capital, on the day the sentence gives. Also: a city in another clause
//! after the meeting ("at a time when Moscow …") is not where it was held.

use super::super::tests::{row, sorted_meetings};

fn found(lang: &str, body: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    sorted_meetings(lang, body, "2024-05-20")
}

#[test]
fn a_summoned_ambassador_meets_the_summoner_in_its_capital() {
    let body = "Chile's foreign ministry on Friday summoned Peru's ambassador over the border incident.";
    assert_eq!(found("en", body), vec![row("Santiago", "2024-05-17", &["Chile", "Peru"])]);
    let body = "Vietnam summoned the Chinese envoy on Monday to protest against the seizure of a fishing boat.";
    assert_eq!(found("en", body), vec![row("Hanoi", "2024-05-20", &["China", "Vietnam"])]);
    let body = "Kementerian Luar Negeri Malaysia memanggil Duta Besar Australia pada Kamis (16/5) untuk menyampaikan protes.";
    assert_eq!(found("id", body), vec![row("Kuala Lumpur", "2024-05-16", &["Australia", "Malaysia"])]);
}

#[test]
fn the_city_named_after_the_envoy_is_where_they_met() {
    let body = "Menlu Jepang memanggil kuasa usaha Korea Selatan di Osaka, Selasa (14/5).";
    assert_eq!(found("id", body), vec![row("Osaka", "2024-05-14", &["Japan", "South Korea"])]);
}

#[test]
fn recalling_ones_own_envoy_is_no_meeting() {
    assert!(found("en", "Somalia on Friday summoned its ambassador to Kenya for consultations.").is_empty());
    assert!(found("id", "Indonesia memanggil pulang Duta Besar Indonesia untuk Brasil, Jumat (17/5).").is_empty());
    // A summons of no envoy.
    assert!(found("en", "Thailand on Friday summoned the courage to reopen talks with Cambodia.").is_empty());
}

#[test]
fn a_city_in_a_when_clause_after_the_meeting_is_not_its_place() {
    let body = "All eyes are on a meeting between the two ministers on Friday at a time when Moscow has urged restraint.";
    assert!(found("en", body).iter().all(|m| m.0 != "Moscow"), "{:?}", found("en", body));
    // The place after "in" still counts.
    let body = "The two ministers held a meeting in Geneva on Friday when the talks resumed.";
    assert_eq!(found("en", body).first().map(|m| m.0.as_str()), Some("Geneva"));
}
