//! Meetings found in short articles written for the purpose: the city, the date, the sides.

pub(super) use crate::extract::test_support::{
    meeting_row as row, meetings_in as meetings, sorted_meetings_in as sorted_meetings, FoundMeeting as Found,
};

fn cities(found: &[Found]) -> Vec<&str> {
    found.iter().map(|m| m.0.as_str()).collect()
}

#[test]
fn a_venue_after_di_is_its_city_not_the_dateline() {
    let found = meetings(
        "id",
        "Jakarta, CNN Indonesia -- Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri AS Antony Blinken di Gedung Putih pada Selasa (12/3).",
        "2024-03-13",
    );
    assert_eq!(cities(&found), vec!["Washington, D.C."]);
    assert_eq!(found[0].1.as_deref(), Some("2024-03-12"));
    assert!(found[0].2.contains(&"Indonesia".to_string()) && found[0].2.contains(&"United States".to_string()), "{found:?}");
    let kremlin = meetings(
        "en",
        "LONDON (Reuters) - Prime Minister Narendra Modi met President Vladimir Putin at the Kremlin on Tuesday.",
        "2024-07-10",
    );
    assert_eq!(cities(&kremlin), vec!["Moscow"]);
    let palace = meetings(
        "id",
        "Presiden Joko Widodo menerima kunjungan Perdana Menteri Jepang Fumio Kishida di Istana Merdeka, Kamis (5/1).",
        "2023-01-06",
    );
    assert_eq!(cities(&palace), vec!["Jakarta"]);
}

#[test]
fn a_venue_with_its_own_city_or_a_longer_name_is_not_the_seat() {
    let geneva = meetings("id", "Para diplomat Rusia dan Ukraina bertemu di Markas PBB di Jenewa pada Senin (4/3).", "2024-03-05");
    assert_eq!(cities(&geneva), vec!["Geneva"]);
    // "Istana Negara Malaysia" is another palace than Jakarta's Istana Negara.
    let kl = meetings("id", "Menlu Retno bertemu dengan Raja Malaysia di Istana Negara Malaysia pada Senin (4/3).", "2024-03-05");
    assert!(!cities(&kl).contains(&"Jakarta"), "{kl:?}");
}

#[test]
fn a_city_state_is_the_meetings_place() {
    let found = meetings(
        "id",
        "Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri China Wang Yi di Singapura pada Sabtu (3/6).",
        "2023-06-05",
    );
    assert_eq!(cities(&found), vec!["Singapore"]);
    assert_eq!(found[0].1.as_deref(), Some("2023-06-03"));
}

#[test]
fn a_dateline_glued_to_the_first_word_names_the_city() {
    let found = meetings("id", "Tokyo-Perdana Menteri Jepang Fumio Kishida bertemu dengan Presiden Joko Widodo pada Senin.", "2023-05-23");
    assert_eq!(cities(&found), vec!["Tokyo"]);
    // A pair of countries is no dateline.
    let pair = meetings("id", "Amerika-Rusia kembali memanas. Menlu Rusia Sergey Lavrov bertemu dengan Menlu Retno.", "2023-05-23");
    assert!(pair.is_empty(), "{pair:?}");
}

#[test]
fn a_weekday_with_its_day_and_month_is_not_moved_a_week() {
    let dated = meetings("id", "Presiden dijadwalkan bertemu dengan Presiden Korea Selatan di Washington pada Kamis (29/6).", "2017-06-30");
    assert_eq!(dated[0].1.as_deref(), Some("2017-06-29"));
    // A bare weekday of a meeting to come lies ahead.
    let ahead = meetings("id", "Presiden akan bertemu dengan Presiden Korea Selatan di Washington pada Kamis.", "2017-06-30");
    assert_eq!(ahead[0].1.as_deref(), Some("2017-07-06"));
}

#[test]
fn the_dateline_does_not_place_a_meeting_told_elsewhere() {
    let home =
        meetings("id", "Jakarta, CNN Indonesia -- Menlu Retno Marsudi bertemu dengan Menlu China Wang Yi, Senin (4/3).", "2024-03-05");
    assert_eq!(cities(&home), vec!["Jakarta"]);
    let unknown =
        meetings("id", "Jakarta, CNN Indonesia -- Tim KBRI sudah bertemu dengan pejabat Turki di Mersin, Senin (4/3).", "2024-03-05");
    assert!(unknown.is_empty(), "{unknown:?}");
    let visit = meetings(
        "id",
        "Jakarta, CNN Indonesia -- Kunjungan Blinken ke Meksiko untuk melakukan pertemuan dengan pejabat setempat.",
        "2024-03-05",
    );
    assert!(visit.is_empty(), "{visit:?}");
    let quoted = meetings(
        "id",
        "Jakarta, CNN Indonesia -- \"Kami terus melakukan pembicaraan dengan pemerintah Yordania,\" kata Lavrov.",
        "2024-03-05",
    );
    assert!(quoted.is_empty(), "{quoted:?}");
    let planned = meetings("id", "Jakarta, CNN Indonesia -- Menlu Retno akan bertemu dengan Menlu China Wang Yi.", "2024-03-05");
    assert!(planned.is_empty(), "{planned:?}");
}

#[test]
fn a_long_venue_name_between_di_and_the_city() {
    let found = meetings(
        "id",
        "Para pemimpin ASEAN menghadiri KTT ASEAN Ke-43 di Jakarta International Convention Center (JICC) Jakarta, Selasa (5/9).",
        "2023-09-06",
    );
    assert_eq!(cities(&found), vec!["Jakarta"]);
    assert_eq!(found[0].1.as_deref(), Some("2023-09-05"));
    // Lower-case words between "di" and the city are another phrase.
    let far = meetings("id", "KTT itu membahas krisis di kawasan yang selama ini dilanda konflik bersenjata Kabul.", "2023-09-06");
    assert!(far.is_empty(), "{far:?}");
}

#[test]
fn a_place_fronted_before_the_subject() {
    let en = meetings("en", "Today in Jeddah, President Biden met with Crown Prince Mohammed bin Salman of Saudi Arabia.", "2022-07-16");
    assert_eq!(cities(&en), vec!["Jeddah"]);
    let id = meetings(
        "id",
        "Jakarta, CNN Indonesia -- Di Tokyo, Presiden Joko Widodo bertemu dengan Perdana Menteri Fumio Kishida.",
        "2023-05-23",
    );
    assert_eq!(cities(&id), vec!["Tokyo"], "not the dateline's Jakarta");
    // A place that is not followed by the comma of a fronted phrase is no fronted place.
    let topic = meetings("en", "Officials in Jeddah said the President met with the Crown Prince.", "2022-07-16");
    assert!(!cities(&topic).contains(&"Jeddah") || topic.is_empty(), "{topic:?}");
}

#[test]
fn an_undated_meeting_takes_the_date_of_the_sentence_before() {
    let found = meetings(
        "id",
        "Washington (ANTARA News) - Presiden Joko Widodo pada Minggu (25/9) menyampaikan sikap Indonesia kepada Perdana Menteri Jepang Fumio Kishida. Dalam pertemuan dengan Kishida di New York, Jokowi membahas kerja sama maritim.",
        "2022-09-27",
    );
    assert_eq!(found, vec![("New York City".to_string(), Some("2022-09-25".to_string()), vec!["Japan".to_string()])]);
    // The report's own date (a timestamp line) dates nothing.
    let stamped = meetings("id", "Selasa, 27 Sep 2022 07:30 WIB\n\nPertemuan para menteri di Bogor membahas kerja sama.", "2022-09-27");
    assert_eq!(stamped.first().map(|m| m.1.as_deref()), Some(Some("2022-09-27")));
}

#[test]
fn a_turkish_city_is_a_place() {
    let found = meetings(
        "id",
        "Menteri Luar Negeri Turki bertemu dengan Menteri Luar Negeri Rusia Sergey Lavrov di Adana, Senin (4/3).",
        "2024-03-05",
    );
    assert_eq!(cities(&found), vec!["Adana"]);
}

#[test]
fn a_topic_discussed_with_an_official_is_a_talk_with_that_side() {
    let body = "Jakarta, Kompas -- Menteri Pertahanan Budi Hartono membuka forum itu di Jakarta, Rabu (31/5).\n\
                Dalam kesempatan yang sama, Budi juga membicarakan persoalan Taliban dengan Menteri Pertahanan Selandia Baru Mark Mitchell.";
    let found = meetings("id", body, "2017-05-31");
    let talk = found.iter().find(|m| m.2.contains(&"New Zealand".to_string())).expect("a talk with New Zealand");
    assert_eq!((talk.0.as_str(), talk.1.as_deref()), ("Jakarta", Some("2017-05-31")));
    assert_eq!(talk.2, vec!["Indonesia".to_string(), "New Zealand".to_string()], "the topic (Taliban) is no participant");
    // Discussed earnestly, by phone, or with no actor after "dengan": no meeting.
    for text in [
        "Jakarta, Kompas -- Menteri Pertahanan Budi Hartono membahas persoalan Taliban dengan serius, Rabu (31/5).",
        "Jakarta, Kompas -- Menteri Pertahanan Budi Hartono membahas persoalan Taliban dengan Menteri Pertahanan Selandia Baru Mark Mitchell melalui telepon, Rabu (31/5).",
        "Jakarta, Kompas -- Menteri Pertahanan Budi Hartono membahas anggaran, lalu makan siang dengan Menteri Pertahanan Selandia Baru Mark Mitchell.",
    ] {
        let found = meetings("id", text, "2017-05-31");
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn a_symposium_with_its_place_and_a_spaced_date() {
    let body =
        "Denpasar, Antara -- Ketahanan pangan kawasan dibahas dalam Simposium Pangan Asia 2019 di Nusa Dua, Bali, Selasa (9/7 / 2019).";
    let found = meetings("id", body, "2019-07-10");
    assert_eq!(found.iter().map(|m| (m.0.as_str(), m.1.as_deref())).collect::<Vec<_>>(), vec![("Nusa Dua", Some("2019-07-09"))]);
}

#[test]
fn a_summit_after_di_is_where_the_meeting_before_it_happens() {
    let body = "Presiden Joko Widodo melakukan pertemuan bilateral dengan Perdana Menteri Kanada Justin Trudeau di KTT G20, Osaka, Jepang, Sabtu (29/6).";
    let found = meetings("id", body, "2019-06-30");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_deref()), ("Osaka", Some("2019-06-29")));
    for side in ["Indonesia", "Canada"] {
        assert!(found[0].2.contains(&side.to_string()), "{side} at the table: {found:?}");
    }
}

#[test]
fn who_attended_the_event_told_before() {
    let body =
        "Denpasar, Antara -- Menteri Luar Negeri Retno Marsudi membuka pertemuan menteri ASEAN di Nusa Dua, Bali, Selasa (9/7 / 2019).\n\
                Acara tersebut juga dihadiri oleh delegasi dari Australia dan Selandia Baru.";
    let found = meetings("id", body, "2019-07-10");
    assert_eq!(found.len(), 1, "{found:?}");
    for side in ["Australia", "New Zealand"] {
        assert!(found[0].2.contains(&side.to_string()), "{side} attended: {found:?}");
    }
    // A funeral attended is no meeting's attendance.
    let body =
        "Denpasar, Antara -- Menteri Luar Negeri Retno Marsudi membuka pertemuan menteri ASEAN di Nusa Dua, Bali, Selasa (9/7 / 2019).\n\
                Pemakaman itu dihadiri oleh Duta Besar Jepang.";
    let found = meetings("id", body, "2019-07-10");
    assert!(found.iter().all(|m| !m.2.contains(&"Japan".to_string())), "{found:?}");
}

// English round 3: how readouts place meetings and name who sat at the table.

#[test]
fn welcoming_a_guest_to_a_venue_is_a_meeting_there() {
    let found = meetings(
        "en",
        "President Biden welcomed Prime Minister Anthony Albanese of Australia to the White House on Tuesday.",
        "2024-05-02",
    );
    assert_eq!(cities(&found), vec!["Washington, D.C."]);
    assert_eq!(found[0].1.as_deref(), Some("2024-04-30"));
    assert!(found[0].2.contains(&"Australia".to_string()) && found[0].2.contains(&"United States".to_string()), "{found:?}");
    let found = meetings("en", "President Biden received Chancellor Olaf Scholz of Germany at the White House on Friday.", "2024-05-04");
    assert_eq!(cities(&found), vec!["Washington, D.C."]);
    // Welcoming a decision, or a letter sent to the White House, is no meeting.
    assert!(meetings("en", "Japan welcomed the ceasefire agreement reached in Cairo on Tuesday.", "2024-05-02").is_empty());
    assert!(meetings("en", "Kenya welcomed the decision and sent a letter to the White House.", "2024-05-02").is_empty());
}

#[test]
fn an_opening_phrase_or_a_where_clause_places_the_meeting() {
    let found = meetings(
        "en",
        "On the sidelines of the G20 summit in New Delhi, President Biden met with Prime Minister Giorgia Meloni of Italy.",
        "2023-09-10",
    );
    assert_eq!(cities(&found), vec!["New Delhi"]);
    assert!(found[0].2.contains(&"United States".to_string()) && found[0].2.contains(&"Italy".to_string()), "{found:?}");
    let found =
        meetings("en", "Secretary Antony Blinken traveled to Cairo, where he met with President Abdel Fattah el-Sisi.", "2024-02-06");
    assert_eq!(cities(&found), vec!["Cairo"]);
    assert!(found[0].2.contains(&"United States".to_string()), "{found:?}");
    // A verb in the opening phrase makes it a clause of its own, not a place for the meeting.
    let found = meetings("en", "After he arrived from Doha, the envoy met with Qatari officials.", "2024-02-06");
    assert!(found.iter().all(|m| m.0 != "Doha"), "{found:?}");
}

#[test]
fn the_side_after_a_name_or_title_is_at_the_table() {
    let found = meetings("en", "President Biden met with King Abdullah II of Jordan at the White House on Monday.", "2024-02-14");
    assert_eq!(cities(&found), vec!["Washington, D.C."]);
    assert!(found[0].2.contains(&"Jordan".to_string()), "{found:?}");
    // A place after "of" with no name before it is no side: "the future of Gaza".
    let found = meetings(
        "en",
        "President Biden met with King Abdullah II at the White House on Monday to discuss the future of Gaza.",
        "2024-02-14",
    );
    assert!(!found[0].2.contains(&"Palestine".to_string()), "{found:?}");
}

#[test]
fn a_verb_meeting_is_placed_past_a_summit_it_was_held_at() {
    let found = meetings("en", "Biden and Xi met on the sidelines of the APEC summit in San Francisco on Wednesday.", "2023-11-17");
    assert_eq!(cities(&found), vec!["San Francisco"]);
    assert_eq!(found[0].1.as_deref(), Some("2023-11-15"));
    assert!(found[0].2.contains(&"United States".to_string()) && found[0].2.contains(&"China".to_string()), "{found:?}");
    // "During a visit to Beijing, ...": an opening phrase with "during".
    let found = meetings("en", "During a visit to Beijing, Blinken met with Chinese Foreign Minister Wang Yi on Friday.", "2023-11-17");
    assert_eq!(cities(&found), vec!["Beijing"]);
    // A summit named after another verb's own clause does not place the first meeting.
    let found = meetings("en", "Biden met Xi, who then flew to the APEC summit in San Francisco.", "2023-11-17");
    assert!(found.iter().all(|m| !m.2.contains(&"United States".to_string()) || m.0 != "San Francisco"), "{found:?}");
}

#[test]
fn a_travel_destination_places_the_meeting_told_after_it() {
    let found = meetings("en", "Blinken traveled to Beijing to meet Chinese Foreign Minister Wang Yi on Friday.", "2024-03-08");
    assert_eq!(cities(&found), vec!["Beijing"]);
    assert!(found[0].2.contains(&"United States".to_string()) && found[0].2.contains(&"China".to_string()), "{found:?}");
    let found = meetings("en", "Sergey Lavrov visited Pyongyang and held talks with Kim Jong Un on Wednesday.", "2024-03-08");
    assert_eq!(cities(&found), vec!["Pyongyang"]);
    assert!(found[0].2.contains(&"Russia".to_string()) && found[0].2.contains(&"North Korea".to_string()), "{found:?}");
    let found = meetings("en", "Olaf Scholz flew to Kyiv, meeting Volodymyr Zelenskyy on Tuesday.", "2024-03-08");
    assert_eq!(cities(&found), vec!["Kyiv"]);
    assert!(found[0].2.contains(&"Germany".to_string()) && found[0].2.contains(&"Ukraine".to_string()), "{found:?}");
    // A destination inside a relative clause does not place the main clause's meeting.
    let found = meetings("en", "Blinken, who visited Beijing in June, met Wang Yi by video link on Friday.", "2024-03-08");
    assert!(found.is_empty(), "{found:?}");
    // Another verb between the travel and the cue starts a clause of its own.
    let found = meetings("en", "Austin, who visited Kyiv last year, will host a meeting of defence ministers on Friday.", "2024-03-08");
    assert!(cities(&found).iter().all(|&c| c != "Kyiv"), "{found:?}");
}

#[test]
fn menemui_meets_an_actor_not_a_difficulty() {
    let found = meetings(
        "id",
        "Jakarta, CNN Indonesia -- Perdana Menteri Malaysia Anwar Ibrahim menemui Presiden Prabowo Subianto di Istana Merdeka pada Senin (3/2).",
        "2025-02-04",
    );
    assert_eq!(found, vec![("Jakarta".to_string(), Some("2025-02-03".to_string()), vec!["Indonesia".to_string(), "Malaysia".to_string()])]);
    let none = meetings("id", "Tim SAR Indonesia menemui kesulitan di Kabul pada Senin (3/2).", "2025-02-04");
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn a_home_dateline_places_only_a_meeting_with_the_home_side() {
    // Two foreign sides, no place named, filed from Jakarta: no meeting in Jakarta.
    let foreign = meetings(
        "id",
        "Jakarta, CNN Indonesia -- Armenia akhirnya menerima tawaran untuk mengadakan pertemuan dengan Azerbaijan pada Jumat (5/1).",
        "2024-01-06",
    );
    assert!(foreign.is_empty(), "{foreign:?}");
    // With the home side taking part, the dateline still places it.
    let home = meetings("id", "Jakarta, CNN Indonesia -- Menlu Retno Marsudi bertemu dengan Menlu Armenia pada Jumat (5/1).", "2024-01-06");
    assert_eq!(cities(&home), vec!["Jakarta"]);
    // Filed abroad, the reporter is where the talks are.
    let abroad = meetings("id", "NEW YORK, KOMPAS.com - Menlu Iran bertemu dengan Menlu Kanada pada Rabu (20/9).", "2023-09-22");
    assert_eq!(cities(&abroad), vec!["New York City"]);
}

#[test]
fn a_bilateral_on_the_sidelines_of_a_summit_is_placed_in_the_summit_city() {
    let found = meetings(
        "id",
        "Presiden Jokowi dan Presiden Filipina Rodrigo Duterte menggelar pertemuan bilateral di sela-sela KTT ASEAN di Manila, Senin (13/11).",
        "2017-11-14",
    );
    let bilateral = found.iter().find(|m| m.2.contains(&"Philippines".to_string())).expect("the bilateral meeting");
    assert_eq!(bilateral.0, "Manila");
    assert!(bilateral.2.contains(&"Indonesia".to_string()), "{found:?}");
}

#[test]
fn the_visitor_of_a_visit_sits_at_the_table() {
    let found = meetings(
        "id",
        "Perdana Menteri Malaysia Anwar Ibrahim melakukan kunjungan ke Jakarta dan bertemu dengan Presiden Prabowo Subianto, Kamis (26/10).",
        "2023-10-27",
    );
    assert_eq!(cities(&found), vec!["Jakarta"]);
    assert_eq!(found[0].1.as_deref(), Some("2023-10-26"));
    let mut sides = found[0].2.clone();
    sides.sort();
    assert_eq!(sides, vec!["Indonesia", "Malaysia"]);
    // A visit's destination places only a meeting told after it in the same clause.
    let later = meetings("id", "Anwar Ibrahim tiba di Jakarta pada Rabu (25/10). Ia juga dijadwalkan berpidato.", "2023-10-27");
    assert!(later.is_empty(), "{later:?}");
}

#[test]
fn talks_at_the_korean_dmz_are_in_panmunjom() {
    let found = meetings("id", "Delegasi Korea Selatan dan Korea Utara bertemu di zona demiliterisasi (DMZ), Selasa (9/1).", "2018-01-10");
    assert_eq!(cities(&found), vec!["Panmunjom"]);
    assert_eq!(found[0].1.as_deref(), Some("2018-01-09"));
}

#[test]
fn a_time_without_its_day_gives_no_date() {
    let found = meetings("id", "Menlu Retno Marsudi bertemu Menlu Malaysia di Kuala Lumpur pekan lalu.", "2017-10-23");
    assert_eq!(found, vec![("Kuala Lumpur".to_string(), None, vec!["Indonesia".to_string(), "Malaysia".to_string()])]);
    let found = meetings("en", "Blinken met Wang Yi in Beijing last month.", "2024-05-10");
    assert_eq!(found[0].1, None);
    // With no time at all, a meeting told in the past is dated by the report.
    let found = meetings("id", "Menlu Retno Marsudi bertemu Menlu Malaysia di Kuala Lumpur.", "2017-10-23");
    assert_eq!(found[0].1.as_deref(), Some("2017-10-23"));
}

#[test]
fn a_question_about_a_meeting_is_no_meeting() {
    let found =
        meetings("en", "Will Biden meet Chinese President Xi Jinping in San Francisco next week? Officials would not say.", "2024-03-13");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_dateline_places_no_meeting_of_one_side() {
    let found = meetings("en", "BERLIN (Reuters) - Chancellor Olaf Scholz said talks would continue.", "2024-03-13");
    assert!(found.is_empty(), "{found:?}");
    // The country after the dateline's city is no participant.
    let found = meetings(
        "en",
        "NUSA DUA, Indonesia (Reuters) - Biden and Xi met on the sidelines of the G20 summit in Bali on Monday.",
        "2024-03-13",
    );
    assert!(found.iter().all(|m| !m.2.contains(&"Indonesia".to_string())), "{found:?}");
    assert!(found.iter().any(|m| m.2.contains(&"China".to_string()) && m.2.contains(&"United States".to_string())), "{found:?}");
}

#[test]
fn a_meeting_next_week_has_no_date_yet() {
    let found = meetings("en", "Biden and Xi Jinping met in San Francisco next week.", "2024-03-13");
    assert_eq!(found[0].1, None, "{found:?}");
}

#[test]
fn a_host_receiving_a_guest_is_a_meeting() {
    let found = meetings(
        "id",
        "Presiden Prabowo Subianto menerima Perdana Menteri Malaysia Anwar Ibrahim di Istana Bogor, Senin (27/1).",
        "2025-01-28",
    );
    assert_eq!(cities(&found), vec!["Bogor"]);
    // Receiving aid or welcoming a proposal is no meeting.
    assert!(meetings("id", "Indonesia menerima bantuan dari Jepang di Jakarta, Senin (27/1).", "2025-01-28").is_empty());
    assert!(meetings("id", "Jokowi menyambut baik usulan Malaysia di Jakarta, Senin (27/1).", "2025-01-28").is_empty());
}

#[test]
fn the_body_names_where_a_meeting_placed_by_the_dateline_was_held() {
    let found = meetings(
        "id",
        "ANKARA, Kompas - Presiden Turki Recep Tayyip Erdogan dan Presiden Iran Hassan Rouhani, Senin (3/9/2018) bertemu untuk membahas Suriah. \
         \"Kami punya banyak isu,\" kata Erdogan di awal pertemuan yang digelar di kota wisata Antalya itu.",
        "2018-09-04",
    );
    assert_eq!(found, vec![("Antalya".to_string(), Some("2018-09-03".to_string()), vec!["Turkey".to_string(), "Iran".to_string()])]);
    // A meeting the body places with another side is another meeting; the dateline's stays.
    let found = meetings(
        "id",
        "ANKARA, Kompas - Presiden Turki Recep Tayyip Erdogan dan Presiden Iran Hassan Rouhani, Senin (3/9/2018) bertemu untuk membahas Suriah. \
         Sebelumnya Erdogan menggelar pertemuan dengan Kanselir Jerman Angela Merkel di Berlin.",
        "2018-09-04",
    );
    assert!(cities(&found).contains(&"Ankara"), "{found:?}");
}

#[test]
fn a_meeting_noun_with_its_possessive_suffix() {
    let found = meetings(
        "id",
        "Menlu Retno Marsudi, dalam pertemuannya dengan Menlu Malaysia Saifuddin Abdullah di Jakarta, Kamis (3/2/2022), membahas perbatasan.",
        "2022-02-04",
    );
    assert_eq!(found, vec![("Jakarta".to_string(), Some("2022-02-03".to_string()), vec!["Indonesia".to_string(), "Malaysia".to_string()])]);
}

#[test]
fn a_joint_news_conference_with_a_counterpart_is_a_meeting() {
    let found = meetings(
        "en",
        "The Dutch foreign minister spoke at a joint press briefing with his Polish counterpart in Warsaw on Tuesday.",
        "2024-05-15",
    );
    assert_eq!(cities(&found), vec!["Warsaw"]);
    assert_eq!(found[0].1.as_deref(), Some("2024-05-14"));
    assert!(found[0].2.contains(&"Netherlands".to_string()) && found[0].2.contains(&"Poland".to_string()), "{found:?}");
    // A news conference of one side alone is none.
    assert!(meetings(
        "en",
        "The Dutch foreign minister told a news conference in Warsaw on Tuesday that the sanctions would stay.",
        "2024-05-15"
    )
    .is_empty());
}

#[test]
fn a_day_told_later_dates_a_meeting_that_had_only_the_reports_day() {
    let body = "Menlu Armenia dan Menlu Azerbaijan menggelar pembicaraan di Jenewa untuk membahas perjanjian damai. \
                Pembicaraan di Jenewa, Senin (4/3/2024), berlangsung tertutup.";
    let found = meetings("id", body, "2024-03-05");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("2024-03-04"));
    // A day long before the report is another round, not the same meeting.
    let body = "Menlu Armenia dan Menlu Azerbaijan menggelar pembicaraan di Jenewa untuk membahas perjanjian damai. \
                Kedua menteri juga bertemu di Jenewa pada Senin (5/2/2024).";
    let mut dates: Vec<Option<String>> = meetings("id", body, "2024-03-05").into_iter().map(|m| m.1).collect();
    dates.sort();
    assert_eq!(dates, vec![Some("2024-02-05".to_string()), Some("2024-03-05".to_string())]);
}

#[test]
fn a_building_named_after_a_conference_is_no_meeting() {
    let found =
        meetings("id", "Di Bandung, warga Palestina meresmikan taman di dekat gedung Konferensi Asia Afrika, Senin (14/10).", "2024-10-15");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_speaker_met_whom_the_clause_after_names() {
    let body = "\"Ini saat yang genting,\" kata Duta Besar Pakistan Ahmad Khan setelah bertemu dengan Sekjen PBB Antonio Guterres di New York, Jumat (30/9).";
    let found = meetings("id", body, "2022-10-01");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, vec!["Pakistan".to_string(), "United Nations".to_string()]);
    let body = "\"This is a critical moment,\" Pakistan's ambassador Ahmad Khan said after meeting UN Secretary-General Antonio Guterres in New York on Friday.";
    let found = meetings("en", body, "2022-10-01");
    assert_eq!(found[0].2, vec!["Pakistan".to_string(), "United Nations".to_string()]);
    // After a meeting told by a bare noun, the speaker may not have been at the table.
    let body = "\"Ini saat yang genting,\" kata Duta Besar Pakistan Ahmad Khan setelah pertemuan Uni Afrika di Addis Ababa, Jumat (30/9).";
    assert_eq!(meetings("id", body, "2022-10-01")[0].2, vec!["African Union".to_string()]);
}

#[test]
fn the_day_of_an_attribution_is_not_the_meetings() {
    let body = "US special representative Zalmay Khalilzad will hold three days of talks with the Taliban in Doha, the State Department announced on Monday.";
    let found = meetings("en", body, "2021-08-10");
    assert_eq!(cities(&found), vec!["Doha"]);
    assert_eq!(found[0].1, None, "{found:?}");
    // A day in the meeting's own clause stays.
    let body =
        "US special representative Zalmay Khalilzad will hold talks with the Taliban in Doha on Thursday, the State Department said.";
    assert_eq!(meetings("en", body, "2021-08-10")[0].1.as_deref(), Some("2021-08-12"));
}
