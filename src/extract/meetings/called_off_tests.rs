//! A meeting called off was not held: no meeting, whichever side of the cue says so.

use super::super::tests::meetings;

#[test]
fn talks_cancelled_or_postponed_are_no_meeting() {
    for (lang, body) in [
        ("en", "Canberra cancelled, on Friday, talks with Jakarta that were to be held in Bali on Saturday."),
        ("en", "The planned summit of the Thai and Cambodian leaders in Kuala Lumpur was postponed on Sunday."),
        ("id", "Pertemuan Menlu Thailand dan Menlu Kamboja di Kuala Lumpur pekan ini ditunda."),
        ("id", "Jepang membatalkan, Kamis lalu, perundingan dengan Korea Selatan yang dijadwalkan di Seoul."),
    ] {
        assert!(meetings(lang, body, "2024-05-20").is_empty(), "{body}");
    }
}

#[test]
fn talks_held_and_then_suspended_were_held() {
    let found = meetings("en", "Mediators suspended talks between Thailand and Cambodia in Kuala Lumpur on Sunday.", "2024-05-20");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Kuala Lumpur");
    let found = meetings("id", "Menlu Thailand dan Menlu Kamboja bertemu di Kuala Lumpur pada Minggu.", "2024-05-20");
    assert_eq!(found.len(), 1, "{found:?}");
}
