//! Tests of the role stage: sentences written for them, answers on content.

use super::roles;
use crate::extract::test_support::{analysed, Run};
use crate::extract::Context;

/// (person, title, side, rule) of every role found.
fn found(run: &mut Run) -> Vec<(String, String, String, &'static str)> {
    found_at(run, None)
}

/// The same, with the article's dateline city.
fn found_at(run: &mut Run, dateline_city: Option<crate::extract::EntRef>) -> Vec<(String, String, String, &'static str)> {
    let ctx = Context { pack: run.pack, text: &run.norm.text, published: None, dateline_city };
    let found = roles(&ctx, &mut run.sents, &mut run.table);
    found.iter().map(|r| (run.key(r.person).to_string(), r.title.clone(), run.key(r.of).to_string(), r.evidence.rule)).collect()
}

fn row(person: &str, title: &str, side: &str, rule: &'static str) -> (String, String, String, &'static str) {
    (person.to_string(), title.to_string(), side.to_string(), rule)
}

#[test]
fn a_title_then_its_side_then_a_new_name() {
    let mut run = analysed("id", "", "Menteri Luar Negeri Filipina Budi Santoso mengatakan pembicaraan berjalan baik.");
    assert_eq!(found(&mut run), vec![row("Budi Santoso", "Menteri Luar Negeri", "Philippines", "role.title-name")]);
    assert_eq!(run.at(0, "Menteri"), vec!["Budi Santoso"]);
}

#[test]
fn a_name_before_a_title_set_off_by_commas() {
    let mut run = analysed("en", "", "Tom Becker, the U.S. envoy, said the offer stood.");
    let roles = found(&mut run);
    assert_eq!(roles.len(), 1, "{roles:?}");
    assert_eq!((roles[0].0.as_str(), roles[0].2.as_str(), roles[0].3), ("Tom Becker", "United States", "role.appositive"));
}

#[test]
fn a_lower_case_title_without_a_side_is_no_role() {
    let mut run = analysed("id", "", "Seorang menteri luar negeri mengatakan pembicaraan berjalan baik.");
    assert!(found(&mut run).is_empty());
}

#[test]
fn a_counterpart_takes_the_last_title() {
    let mut run = analysed("id", "", "Menteri Luar Negeri Filipina Budi Santoso bertemu timpalannya dari Jepang Hiro Tanaka di Manila.");
    assert_eq!(
        found(&mut run),
        vec![
            row("Budi Santoso", "Menteri Luar Negeri", "Philippines", "role.title-name"),
            row("Hiro Tanaka", "Menteri Luar Negeri", "Japan", "role.counterpart"),
        ]
    );
}

/// (person, title, side) of every role found, in order.
fn roles_of(lang: &str, title: &str, body: &str) -> Vec<(String, String, String, &'static str)> {
    let mut run = analysed(lang, title, body);
    found(&mut run)
}

#[test]
fn an_indonesian_minister_with_no_side_serves_indonesia_at_home() {
    let roles = roles_of("id", "", "Jakarta, CNN Indonesia -- Menteri Keuangan Budi Hartono mengatakan anggaran RI tahun depan aman.");
    assert_eq!(roles, vec![row("Budi Hartono", "Menteri Keuangan", "Indonesia", "role.title-name-home")]);
    // A portfolio of two words joined by "dan", then a comma-name.
    let roles = roles_of("id", "", "Jakarta - Menteri Pemuda dan Olahraga, Andi Pratama, membuka acara itu di Jakarta.");
    assert_eq!(roles, vec![row("Andi Pratama", "Menteri Pemuda dan Olahraga", "Indonesia", "role.title-name-home")]);
}

#[test]
fn a_domestic_title_next_to_another_side_is_no_home_role() {
    // Another country in the sentence: the minister may be its own.
    let roles = roles_of("id", "", "Jakarta - Menteri Keuangan Peter Hollis menyebut Inggris tetap di pasar tunggal.");
    assert!(roles.is_empty(), "{roles:?}");
    // A foreign minister's title is not domestic.
    let roles = roles_of("id", "", "Jakarta - Menteri Luar Negeri Hiro Tanaka mengatakan hal itu.");
    assert!(roles.is_empty(), "{roles:?}");
}

#[test]
fn the_entourage_of_a_home_official_serves_the_home_side() {
    // Abroad, with a foreign country named later in the list: the ministers listed after
    // "didampingi" accompany the home side's president.
    let body = "SEOUL - Presiden Indonesia Arif Wibowo didampingi Menteri Keuangan Dewi Lestari, Sekretaris Kabinet \
                Rudi Hartanto, dan Duta Besar Indonesia untuk Korea Selatan Maya Putri dalam jamuan itu.";
    let roles = roles_of("id", "", body);
    for (person, title) in [("Dewi Lestari", "Menteri Keuangan"), ("Rudi Hartanto", "Sekretaris Kabinet")] {
        assert!(roles.contains(&row(person, title, "Indonesia", "role.title-name-home")), "{person}: {roles:?}");
    }
}

#[test]
fn two_titles_joined_by_dan_are_two_roles() {
    // An unknown name, then "dan" and another title: not one long title up to the country.
    let body = "SEOUL - Presiden Indonesia Arif Wibowo didampingi Sekretaris Kabinet Rudi Hartanto dan Duta Besar \
                Indonesia untuk Korea Selatan Maya Putri dalam jamuan itu.";
    let roles = roles_of("id", "", body);
    assert!(roles.contains(&row("Rudi Hartanto", "Sekretaris Kabinet", "Indonesia", "role.title-name-home")), "{roles:?}");
    assert!(roles.contains(&row("Maya Putri", "Duta Besar", "Indonesia", "role.title-name")), "{roles:?}");
    // A portfolio joined by "dan" still belongs to its title.
    let roles = roles_of("id", "", "Jakarta - Menteri Kelautan dan Perikanan Sari Dewanti meninjau pelabuhan itu.");
    assert_eq!(roles, vec![row("Sari Dewanti", "Menteri Kelautan dan Perikanan", "Indonesia", "role.title-name-home")]);
}

#[test]
fn the_entourage_of_a_foreign_official_is_not_the_home_side() {
    // The one accompanied is of another side: his minister is not Indonesia's.
    let body = "SEOUL - Perdana Menteri Jepang Kenji Sato didampingi Menteri Keuangan Hiro Tanaka dalam pertemuan itu.";
    let roles = roles_of("id", "", body);
    assert!(!roles.iter().any(|r| r.0 == "Hiro Tanaka" && r.2 == "Indonesia"), "{roles:?}");
    // Another side between the cue and the title: the list is not the home side's.
    let body = "SEOUL - Presiden Indonesia Arif Wibowo didampingi Presiden Korea Selatan Lee Min dan Menteri Keuangan Park Joon.";
    let roles = roles_of("id", "", body);
    assert!(!roles.iter().any(|r| r.0 == "Park Joon" && r.2 == "Indonesia"), "{roles:?}");
}

#[test]
fn a_statement_headline_gives_its_staff_the_authors_side() {
    let roles = roles_of(
        "en",
        "Statement by Press Secretary Dana Whitfield on President Biden's Call with Allies",
        "Today, Senior Advisor Carl Jennings met civil society leaders.",
    );
    assert_eq!(
        roles,
        vec![
            row("Dana Whitfield", "Press Secretary", "United States", "role.title-name-home"),
            row("Joe Biden", "President", "United States", "role.title-name"),
            row("Carl Jennings", "Senior Advisor", "United States", "role.title-name-home"),
        ]
    );
    // The author's title may follow an organ's acronym (the NSC is the United States' own);
    // the headline may name another side.
    let roles = roles_of(
        "en",
        "Statement by NSC Spokesperson Dana Whitfield on President Biden's Meeting with President Ana Flores of Peru",
        "The two leaders met in Lima.",
    );
    assert_eq!(roles[0], row("Dana Whitfield", "Spokesperson", "United States", "role.title-name"));
    // Without a statement headline, an English text has no home side.
    let roles = roles_of("en", "Talks resume", "Senior Advisor Carl Jennings met civil society leaders.");
    assert!(roles.is_empty(), "{roles:?}");
}

#[test]
fn my_envoy_for_a_country_serves_the_author_and_for_is_the_portfolio() {
    let roles = roles_of(
        "en",
        "Statement by President Biden on the Truce",
        "I thank my Special Envoy for Sudan Mark Ellis, who worked with UN Special Envoy for Sudan Lena Berg.",
    );
    assert_eq!(
        roles,
        vec![
            row("Joe Biden", "President", "United States", "role.title-name"),
            row("Mark Ellis", "Special Envoy for Sudan", "United States", "role.title-name-own"),
            row("Lena Berg", "Special Envoy for Sudan", "United Nations", "role.title-name"),
        ]
    );
}

#[test]
fn the_side_may_follow_the_name() {
    let roles = roles_of("en", "", "The adviser met Foreign Minister Liam Byrne of Ireland in Dublin.");
    assert_eq!(roles, vec![row("Liam Byrne", "Foreign Minister", "Ireland", "role.title-name-of")]);
}

#[test]
fn a_partner_joined_to_a_titled_person_shares_its_side_unless_the_titles_are_the_same() {
    let roles = roles_of("id", "", "Menteri Pertahanan Jepang Kenji Sato bersama Menlu Hiro Tanaka tiba di Manila.");
    assert_eq!(
        roles,
        vec![
            row("Kenji Sato", "Menteri Pertahanan", "Japan", "role.title-name"),
            row("Hiro Tanaka", "Menlu", "Japan", "role.title-name-shared"),
        ]
    );
    let roles = roles_of("en", "", "Peruvian President Ana Flores and his wife, Vice President Luis Ortega, spoke.");
    assert_eq!(roles[1], row("Luis Ortega", "Vice President", "Peru", "role.title-name-shared"));
    // Two presidents are two sides; "dengan" is not a coordination.
    let roles = roles_of("id", "", "Presiden Filipina Ana Cruz dan Presiden Hiro Tanaka bertemu.");
    assert_eq!(roles.len(), 1, "{roles:?}");
    let roles = roles_of("id", "", "Menhan Jepang Kenji Sato bertemu dengan Menlu Hiro Tanaka di Manila.");
    assert_eq!(roles.len(), 1, "{roles:?}");
}

#[test]
fn a_deputy_title_words_between_title_and_side_and_ranks_with_initials() {
    let roles = roles_of("id", "", "Wakil Duta Besar Jepang untuk PBB Kenji Sato menolak usulan itu.");
    assert_eq!(roles, vec![row("Kenji Sato", "Wakil Duta Besar", "Japan", "role.title-name")]);
    let roles = roles_of("id", "", "Juru bicara pemerintah Kanada Tom Becker mengatakan hal itu.");
    assert_eq!(roles, vec![row("Tom Becker", "Juru bicara", "Canada", "role.title-name")]);
    let roles = roles_of("id", "", "Kasal Filipina Laksamana Muda R. Santos Cruz hadir di acara itu.");
    assert_eq!(roles, vec![row("R. Santos Cruz", "Kasal", "Philippines", "role.title-name")]);
}

#[test]
fn an_of_phrase_without_a_side_names_no_person() {
    let roles = roles_of(
        "en",
        "Statement by President Biden on Voting Rights",
        "Participants included Ana Lee, Senior Vice President of Policy & Strategy, National Action Network.",
    );
    assert!(roles.iter().all(|r| r.0 != "Policy"), "{roles:?}");
}

/// Roles with the dateline read as the extractor reads it.
fn roles_datelined(lang: &str, body: &str) -> Vec<(String, String, String, &'static str)> {
    let mut run = analysed(lang, "", body);
    let dateline_city = crate::extract::places::dateline_city(&run.norm.text, &run.norm.paragraphs, &run.table);
    found_at(&mut run, dateline_city)
}

#[test]
fn a_side_named_well_after_the_name_does_not_make_a_home_title_foreign() {
    // Set at home: the object of what the minister does is no side of his.
    let roles = roles_datelined(
        "id",
        "Surabaya, Kompas -- Menteri Pertahanan Budi Hartono akan mengajak negara tetangga membendung pengaruh Taliban.",
    );
    assert_eq!(roles, vec![row("Budi Hartono", "Menteri Pertahanan", "Indonesia", "role.title-name-home")]);
    // Named right after the title, the other side still blocks it.
    let roles = roles_datelined("id", "Surabaya, Kompas -- Di depan Menteri Pertahanan Budi Hartono dari Jepang, para kadet berbaris.");
    assert!(!roles.iter().any(|r| r.2 == "Indonesia"), "{roles:?}");
    // Set abroad, any other side in the sentence blocks it.
    let roles = roles_datelined(
        "id",
        "Tokyo, Kompas -- Menteri Pertahanan Budi Hartono akan mengajak negara tetangga membendung pengaruh Taliban.",
    );
    assert!(roles.is_empty(), "{roles:?}");
}

#[test]
fn the_post_city_between_side_and_name_is_skipped() {
    let roles = roles_of("id", "", "Kepala kantor itu, kata Konsul Jenderal RI di Osaka, Jepang, Dewi Lestari, sudah dihubungi.");
    assert_eq!(roles, vec![row("Dewi Lestari", "Konsul Jenderal", "Indonesia", "role.title-name")]);
    let roles = roles_of("id", "", "Duta Besar Republik Indonesia di Kairo, Hendra Wijaya, menerima rombongan itu.");
    assert_eq!(roles, vec![row("Hendra Wijaya", "Duta Besar", "Indonesia", "role.title-name")]);
}

#[test]
fn an_acronym_in_brackets_after_the_side_names_the_body() {
    let roles = roles_of("id", "", "Kepala Badan Energi Atom Internasional PBB (IAEA) Hiro Tanaka mengatakan inspeksi akan dilanjutkan.");
    assert_eq!(roles, vec![row("Hiro Tanaka", "Kepala", "IAEA", "role.title-name")]);
    // The side's own acronym changes nothing.
    let roles = roles_of("id", "", "Menteri Luar Negeri Amerika Serikat (AS) Tom Becker tiba di Jakarta.");
    assert_eq!(roles, vec![row("Tom Becker", "Menteri Luar Negeri", "United States", "role.title-name")]);
}

#[test]
fn the_side_next_to_a_known_name_is_the_articles_word() {
    // Mark Rutte is NATO's Secretary-General in the gazetteer; an older article calls him
    // the Dutch prime minister, title, side and name in one phrase.
    let mut run = analysed("id", "", "Perdana Menteri Belanda Mark Rutte menyatakan sanksi itu tidak adil.");
    let roles = found(&mut run);
    assert_eq!(roles, vec![row("Mark Rutte", "Perdana Menteri", "Netherlands", "role.title-name")]);
    let rutte = run.table.iter().find(|(_, e)| e.key == "Mark Rutte").map(|(_, e)| e.side).unwrap();
    assert_eq!(rutte.map(|s| run.key(s).to_string()).as_deref(), Some("Netherlands"), "the article's side, not the gazetteer's");
    // Set apart by a comma it is a misparse, as before.
    let roles = roles_of("id", "", "Bertemu Menlu Jepang, Retno Marsudi meminta dukungan.");
    assert!(roles.is_empty(), "{roles:?}");
}

#[test]
fn an_unknown_organisation_between_title_and_name() {
    let roles = roles_of("id", "", "Saksi yang dipanggil adalah Dirut PT Sinar Jaya bernama Wahyu hari ini.");
    assert_eq!(roles, vec![row("Wahyu", "Dirut", "PT Sinar Jaya", "role.title-org-name")]);
    let roles = roles_of("id", "", "Investor itu juga menemui miliuner CEO Nusantara Foods, yaitu Andi Wijaya.");
    assert_eq!(roles, vec![row("Andi Wijaya", "CEO", "Nusantara Foods", "role.title-org-name")]);
    // Where the text doesn't mark the organisation's end, no guess.
    for text in [
        "Menurut Direktur Lembaga Kajian Strategi Asia Budi Santoso, situasinya tegang.",
        "Pasar itu masih terbuka, papar CEO Acme Logistics Gurnam Singh di London.",
        "Kami diperiksa lagi, kata Juru Bicara LPKR Febri Santoso di kantornya.",
    ] {
        let roles = roles_of("id", "", text);
        assert!(roles.is_empty(), "{text}: {roles:?}");
    }
}

#[test]
fn heads_of_state_agencies_serve_indonesia() {
    let roles = roles_of("id", "", "Presiden Joko Widodo didampingi Kepala BKPM Budi Hartono dan Menteri Keuangan Sri Mulyani.");
    assert!(roles.contains(&row("Budi Hartono", "Kepala BKPM", "Indonesia", "role.title-name-home")), "{roles:?}");
}

#[test]
fn a_known_name_that_holds_its_office_title() {
    // The gazetteer names him "Raja Salman" and gives his office: king of Saudi Arabia.
    let roles = roles_of("id", "", "Setelah itu Raja Salman menerima rombongan dari Qatar di istananya.");
    assert_eq!(roles, vec![row("Salman bin Abdulaziz", "Raja", "Saudi Arabia", "role.title-in-name")]);
}

#[test]
fn an_appositive_title_closed_by_its_side_after_a_long_portfolio() {
    let roles =
        roles_of("id", "", "Langkah itu perlu, kata Maria Lopez, Direktur Kantor Pengawasan Ekspor-Impor Kementerian Perdagangan Meksiko.");
    assert_eq!(
        roles,
        vec![row("Maria Lopez", "Direktur Kantor Pengawasan Ekspor-Impor Kementerian Perdagangan", "Mexico", "role.appositive")]
    );
    // A side inside the portfolio that doesn't close the appositive is no side of the title.
    let roles = roles_of("id", "", "Langkah itu perlu, kata Maria Lopez, Direktur Kantor Kajian Meksiko di kampus itu.");
    assert!(roles.is_empty(), "{roles:?}");
}

#[test]
fn a_title_naming_no_side_then_a_known_person_after_a_comma() {
    // Zhao Lijian is a known spokesperson of China's foreign ministry.
    let roles = roles_of("id", "", "Hal itu ditegaskan juru bicara kementerian, Zhao Lijian, dalam jumpa pers harian.");
    assert_eq!(roles, vec![row("Zhao Lijian", "juru bicara kementerian", "China", "role.title-known-name")]);
    // An unknown name gives no side to such a title.
    let roles = roles_of("id", "", "Hal itu ditegaskan juru bicara kementerian, Budi Santoso, dalam jumpa pers harian.");
    assert!(roles.is_empty(), "{roles:?}");
}

#[test]
fn a_readouts_participant_list_item_by_item() {
    let title = "Readout of National Security Advisor Jake Sullivan's Meeting with Caribbean Leaders";
    let body = "Participants:\n- Mary Smithson, Assistant Secretary for Western Hemisphere, State Department - Karl Olsen, Senior Director for Partnerships, National Security Council - Anan Persaud, Minister of Foreign Affairs, Guyana - Derrick Moore, President, Harbour Alliance";
    let roles = roles_of("en", title, body);
    assert!(
        roles.contains(&row("Mary Smithson", "Assistant Secretary for Western Hemisphere", "United States", "role.list-item")),
        "{roles:?}"
    );
    assert!(roles.contains(&row("Karl Olsen", "Senior Director for Partnerships", "United States", "role.list-item")), "{roles:?}");
    assert!(roles.contains(&row("Anan Persaud", "Minister of Foreign Affairs", "Guyana", "role.list-item")), "{roles:?}");
    // A president of a body the gazetteer doesn't know is no official of the readout's side.
    assert!(!roles.iter().any(|r| r.0 == "Derrick Moore"), "{roles:?}");
    // Outside a government's statement, a dash-separated list is not read this way.
    let roles = roles_of("en", "Caribbean leaders meet", body);
    assert!(!roles.iter().any(|r| r.3 == "role.list-item"), "{roles:?}");
}

#[test]
fn a_rank_beside_an_office_is_no_role() {
    let mut run =
        analysed("id", "", "Panglima TNI Jenderal Budi Santoso tiba di Canberra. Kunjungan Jenderal Budi Santoso berlangsung tiga hari.");
    assert_eq!(found(&mut run), vec![row("Budi Santoso", "Panglima", "Indonesia", "role.title-name")]);
    // Alone, the rank with its side is still read.
    let mut run = analysed("id", "", "Jenderal Rusia Sergei Volkov tiba di Damaskus.");
    assert_eq!(found(&mut run), vec![row("Sergei Volkov", "Jenderal", "Russia", "role.title-name")]);
}

#[test]
fn a_title_serving_a_known_person_names_another_holder() {
    let mut run = analysed(
        "id",
        "",
        "Presiden Filipina Rodrigo Duterte tiba di Tokyo. Juru bicara Duterte Maria Santos mengatakan Manila siap berunding.",
    );
    let rows = found(&mut run);
    assert!(rows.contains(&row("Maria Santos", "Juru bicara", "Philippines", "role.principal")), "{rows:?}");
    let mut run = analysed("id", "", "\"Kami siap,\" kata Tun Aung, juru bicara kantor Min Aung Hlaing, kepada wartawan.");
    assert_eq!(found(&mut run), vec![row("Tun Aung", "juru bicara", "Myanmar", "role.principal")]);
    // The principal alone is no holder of the title.
    let mut run = analysed("id", "", "Juru bicara Min Aung Hlaing mengatakan militer siap berunding.");
    assert!(found(&mut run).is_empty());
}

#[test]
fn a_rank_and_its_service_before_the_name() {
    let rows = roles_datelined("id", "Jakarta (ANTARA News) - Panglima TNI Jenderal TNI Budi Santoso tiba di Canberra.");
    assert_eq!(rows, vec![row("Budi Santoso", "Panglima", "Indonesia", "role.title-name")]);
}

#[test]
fn a_deputy_title_listed_whole_as_domestic() {
    let rows = roles_datelined("id", "Jakarta, CNN Indonesia -- Wakil Presiden Rahmat Hidayat menyatakan kasus itu telah selesai.");
    assert_eq!(rows, vec![row("Rahmat Hidayat", "Wakil Presiden", "Indonesia", "role.title-name-home")]);
    // Its head alone is no domestic title: a president with no side stays unread.
    assert!(roles_datelined("id", "Jakarta, CNN Indonesia -- Presiden Rahmat Hidayat menyatakan kasus itu telah selesai.").is_empty());
}

#[test]
fn the_speaker_of_the_house_serves_the_house() {
    let rows = roles_datelined("id", "Jakarta (ANTARA News) - Ketua DPR Rahmat Hidayat membantah tuduhan itu.");
    assert_eq!(rows, vec![row("Rahmat Hidayat", "Ketua", "People's Representative Council", "role.title-name")]);
}

#[test]
fn a_numbered_participant_list_item_by_item() {
    let title = "Readout of the Second Meeting of the White House Housing Task Force";
    let body = "Participants in the meeting included: 1. Marcia Delgado, Secretary of Transportation 2. Owen Pratt, Deputy Secretary of Labor 3. Ruth Okafor, Director of the Office of Science and Technology Policy 4. Dale Whitcombe, Senior Counselor at the Federal Housing Finance Agency 5. Nina Sorensen, Chair of the Harbour Alliance 6. Paul Amsel, Vice Chair, Riverside Bank";
    let roles = roles_of("en", title, body);
    for expected in [
        row("Marcia Delgado", "Secretary of Transportation", "United States", "role.list-item"),
        row("Owen Pratt", "Deputy Secretary of Labor", "United States", "role.list-item"),
        row("Ruth Okafor", "Director", "Office of Science and Technology Policy", "role.list-item"),
        row("Dale Whitcombe", "Senior Counselor", "Federal Housing Finance Agency", "role.list-item"),
    ] {
        assert!(roles.contains(&expected), "{expected:?} not in {roles:?}");
    }
    // A body without a government body's head noun, and an item with no known body, give nothing.
    assert!(!roles.iter().any(|r| r.0 == "Nina Sorensen" || r.0 == "Paul Amsel"), "{roles:?}");
    // Without a statement headline, a domestic title alone has no side.
    let roles = roles_of("en", "Housing task force meets", body);
    assert!(!roles.iter().any(|r| r.0 == "Marcia Delgado"), "{roles:?}");
    assert!(roles.contains(&row("Ruth Okafor", "Director", "Office of Science and Technology Policy", "role.list-item")), "{roles:?}");
}

#[test]
fn a_numbered_sentence_with_a_verb_is_no_list_item() {
    let roles = roles_of(
        "en",
        "Readout of the Second Meeting of the White House Housing Task Force",
        "The task force set two goals for 2025. Ruth Okafor, Director of the Office of Science and Technology Policy, said the plan was ready.",
    );
    assert!(!roles.iter().any(|r| r.3 == "role.list-item"), "{roles:?}");
}

#[test]
fn the_head_of_a_presidents_office_is_no_president() {
    let roles = roles_of("en", "", "Head of the Office of the President of Ukraine Andriy Yermak arrived in Riyadh.");
    assert_eq!(roles, vec![row("Andriy Yermak", "Head of the Office of the President", "Ukraine", "role.title-name")]);
}

#[test]
fn a_portfolio_of_capitalised_words_before_an_unknown_name_gives_no_holder() {
    // Where "for Regional Trade Policy" ends and the name starts is a guess: no role.
    let roles = roles_of("en", "", "Sullivan met Kenyan Special Envoy for Regional Trade Policy Wanjiru Otieno in Nairobi.");
    assert!(!roles.iter().any(|r| r.1.starts_with("Special Envoy")), "{roles:?}");
    // A portfolio the gazetteer names still ends where the holder's name starts.
    let roles = roles_of("en", "", "Sullivan met Kenyan Special Envoy for Sudan Wanjiru Otieno in Nairobi.");
    assert!(roles.iter().any(|r| r.0 == "Wanjiru Otieno" && r.2 == "Kenya"), "{roles:?}");
}

#[test]
fn a_plural_title_after_its_side_gives_both_holders() {
    let roles = roles_of("en", "", "They were joined by European Commission Executive Vice Presidents Anna Lindqvist and Pieter Claes.");
    assert_eq!(
        roles,
        vec![
            row("Anna Lindqvist", "Executive Vice Presidents", "European Commission", "role.title-name"),
            row("Pieter Claes", "Executive Vice Presidents", "European Commission", "role.title-name"),
        ]
    );
    // Without a side before the title, two ministers may serve two sides: no role for either's side guessed.
    let roles = roles_of("en", "", "Foreign Ministers Anna Lindqvist and Pieter Claes met in Oslo.");
    assert!(!roles.iter().any(|r| r.0 == "Pieter Claes"), "{roles:?}");
}

#[test]
fn a_role_told_with_a_copula() {
    let mut run = analysed("id", "", "Sergei Lavrov adalah Menteri Luar Negeri Rusia sejak 2004.");
    assert_eq!(found(&mut run), vec![row("Sergey Lavrov", "Menteri Luar Negeri", "Russia", "role.copula")]);
    let mut run = analysed("en", "", "Jose Manuel Albares is the foreign minister of Spain.");
    assert_eq!(found(&mut run), vec![row("José Manuel Albares", "foreign minister", "Spain", "role.copula")]);
    // No title, or no person before the copula: nothing.
    let mut run = analysed("id", "", "Sergei Lavrov adalah orang yang cemerlang. Rusia adalah Menteri Luar Negeri.");
    assert!(found(&mut run).is_empty());
    // A known person serving another side is no holder.
    let mut run = analysed("id", "", "Sergei Lavrov adalah mantan Menteri Luar Negeri Ukraina.");
    assert!(found(&mut run).is_empty());
}

#[test]
fn a_lower_case_title_with_its_portfolio_before_the_side() {
    let mut run =
        analysed("id", "", "Sementara itu, kepala bidang kebijakan luar negeri Uni Eropa, Maria Lindqvist, meminta Turki menahan diri.");
    assert_eq!(found(&mut run), vec![row("Maria Lindqvist", "kepala bidang kebijakan luar negeri", "European Union", "role.title-name")]);
    // Without a comma and a name after the side, the lower-case words are no portfolio.
    let mut run = analysed("id", "", "Ia menjadi kepala rumah tangga di Uni Eropa sejak lama.");
    assert!(found(&mut run).is_empty());
}

#[test]
fn the_anti_corruption_commission_is_a_side() {
    let mut run = analysed("id", "", "Juru Bicara KPK Rahmat Hidayat mengatakan penyidik telah memeriksa tiga saksi.");
    assert_eq!(found(&mut run), vec![row("Rahmat Hidayat", "Juru Bicara", "Corruption Eradication Commission", "role.title-name")]);
}

#[test]
fn a_given_name_of_a_known_person_is_no_part_of_the_title() {
    let mut run = analysed("en", "", "Turkish President Tayyip Erdogan met Swedish Prime Minister Ulf Kristersson on Tuesday.");
    let rows = found(&mut run);
    assert!(rows.iter().any(|r| r.0 == "Recep Tayyip Erdoğan" && r.1 == "President" && r.2 == "Turkey"), "{rows:?}");
}

#[test]
fn a_portfolio_before_an_acronym_is_no_name() {
    let rows = roles_datelined("id", "Jakarta, CNN Indonesia -- Direktur Perlindungan WNI Kemlu Rahmat Hidayat mengatakan hal itu.");
    assert!(rows.iter().all(|r| r.0 != "Perlindungan"), "{rows:?}");
    // A name with no acronym after it is still read.
    let rows = roles_datelined("id", "Jakarta, CNN Indonesia -- Menteri Keuangan Rahmat Hidayat mengatakan APBN aman.");
    assert_eq!(rows, vec![row("Rahmat Hidayat", "Menteri Keuangan", "Indonesia", "role.title-name-home")]);
}

#[test]
fn a_possessive_side_and_modifiers_before_a_lower_case_title() {
    let rows = roles_of("en", "", "Norway's top nuclear envoy, Lars Henning Dahl, arrived in Vienna on Monday.");
    assert_eq!(rows, vec![row("Lars Henning Dahl", "envoy", "Norway", "role.title-name")]);
    // A modifier with no side before it names none.
    assert!(roles_of("en", "", "The top envoy, Lars Henning Dahl, arrived in Vienna.").is_empty());
}

#[test]
fn a_lower_case_envoy_for_a_country_serves_the_side_named_first() {
    let rows = roles_of("en", "", "Canadian special envoy for Sudan, Mr Owen Carlisle, urged Khartoum to allow aid in.");
    assert_eq!(rows, vec![row("Owen Carlisle", "special envoy for Sudan", "Canada", "role.title-name")]);
    assert!(roles_of("en", "", "A special envoy for Sudan, Owen Carlisle, urged Khartoum to allow aid in.").iter().all(|r| r.2 != "Sudan"));
}

#[test]
fn a_portfolio_after_of_with_the_side_named_first_is_no_name() {
    let rows = roles_of("en", "", "Blinken met Czech Minister of Regional and European Affairs Tomas Novak in Prague.");
    assert!(rows.iter().all(|r| r.0 != "Regional"), "{rows:?}");
    // A title naming its side after "of" still reads the name.
    let rows = roles_of("en", "", "Blinken met the President of Finland Anna Virtanen in Helsinki.");
    assert!(rows.iter().any(|r| r.0 == "Anna Virtanen" && r.2 == "Finland"), "{rows:?}");
}

#[test]
fn a_reigning_king_known_by_name_alone() {
    let rows = roles_of("en", "", "King Mohamed VI repeated that position in a speech on Saturday.");
    assert!(rows.iter().any(|r| r.0 == "Mohammed VI" && r.1 == "King" && r.2 == "Morocco"), "{rows:?}");
}
