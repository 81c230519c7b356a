//! Tests of the words around a title: a modifier after it, a portfolio in lower case before
//! the side, an aide's title before the principal's, and spelling variants.

use super::roles;
use crate::extract::test_support::analysed;
use crate::extract::Context;

/// (person, title, side) of every role found, sorted.
fn found(lang: &str, body: &str) -> Vec<(String, String, String)> {
    found_titled(lang, "", body)
}

/// The same for an article with a headline.
fn found_titled(lang: &str, title: &str, body: &str) -> Vec<(String, String, String)> {
    let mut run = analysed(lang, title, body);
    let ctx = Context { pack: run.pack, text: &run.norm.text, published: None, dateline_city: None };
    let found = roles(&ctx, &mut run.sents, &mut run.table);
    let mut rows: Vec<_> = found.iter().map(|r| (run.key(r.person).to_string(), r.title.clone(), run.key(r.of).to_string())).collect();
    rows.sort();
    rows.dedup();
    rows
}

fn row(person: &str, title: &str, side: &str) -> (String, String, String) {
    (person.to_string(), title.to_string(), side.to_string())
}

#[test]
fn a_modifier_after_the_title_belongs_to_it() {
    assert_eq!(found("id", "Presiden interim Mali Assimi Goita tiba di Accra."), vec![row("Assimi Goïta", "Presiden interim", "Mali")]);
    // "sementara itu" (meanwhile) is no modifier.
    assert!(found("id", "Presiden sementara itu tiba di Accra.").is_empty());
}

#[test]
fn a_portfolio_in_lower_case_between_the_title_and_the_side() {
    assert_eq!(
        found("id", "Kepala kebijakan luar negeri Uni Eropa Kaja Kallas tiba di Kairo."),
        vec![row("Kaja Kallas", "Kepala kebijakan luar negeri", "European Union")]
    );
    assert_eq!(
        found("id", "Ia bertemu kepala kehakiman Mesir Ahmed Saleh di Kairo."),
        vec![row("Ahmed Saleh", "kepala kehakiman", "Egypt")]
    );
    // A preposition after the title opens a phrase, not a portfolio; a head noun stands for the side.
    assert!(found("id", "Menlu dalam pertemuan dengan Jepang Taro Suzuki membahas hal itu.").is_empty());
    assert_eq!(
        found("id", "Juru bicara pemerintah Kanada Jean Tremblay mengatakan hal itu."),
        vec![row("Jean Tremblay", "Juru bicara", "Canada")]
    );
}

#[test]
fn an_aides_title_before_the_principals() {
    assert_eq!(
        found("id", "Delegasi itu dipimpin oleh ajudan presiden Rusia Dmitri Volkov."),
        vec![row("Dmitri Volkov", "ajudan presiden", "Russia")]
    );
    // A known person with a known side: "ajudan presiden Yuri Ushakov" is no president.
    assert_eq!(
        found("id", "Delegasi itu dipimpin oleh ajudan presiden Yuri Ushakov."),
        vec![row("Yuri Ushakov", "ajudan presiden", "Russia")]
    );
}

#[test]
fn a_spokesperson_spelt_as_one_word() {
    assert_eq!(
        found("id", "Jurubicara Kementerian Luar Negeri China Wang Lei mengatakan hal itu."),
        vec![row("Wang Lei", "Jurubicara", "China")]
    );
}

#[test]
fn the_chief_cabinet_secretary_is_one_title() {
    assert_eq!(
        found("en", "Japan's Chief Cabinet Secretary Hiroshi Tanaka said so at a news conference."),
        vec![row("Hiroshi Tanaka", "Chief Cabinet Secretary", "Japan")]
    );
}

#[test]
fn a_military_rank_with_a_side_is_a_role() {
    assert_eq!(
        found("en", "Sudanese General Ahmed Osman told the envoy he would consider the request."),
        vec![row("Ahmed Osman", "General", "Sudan")]
    );
    assert_eq!(
        found("en", "Iran's Lieutenant General Reza Karimi arrived in Baghdad."),
        vec![row("Reza Karimi", "Lieutenant General", "Iran")]
    );
}

#[test]
fn one_title_for_two_sides_and_two_people_in_order() {
    assert_eq!(
        found("en", "The foreign ministers of Serbia and Kosovo, Marko Petrovic and Arta Berisha, met in Brussels."),
        vec![row("Arta Berisha", "foreign minister", "Kosovo"), row("Marko Petrovic", "foreign minister", "Serbia")]
    );
    assert_eq!(
        found("id", "Menteri Luar Negeri Serbia dan Kosovo, Marko Petrovic dan Arta Berisha, bertemu di Brussel."),
        vec![row("Arta Berisha", "Menteri Luar Negeri", "Kosovo"), row("Marko Petrovic", "Menteri Luar Negeri", "Serbia")]
    );
    // One person for two organisations is a joint post, not two people.
    assert_eq!(
        found("id", "Utusan Khusus PBB dan Liga Arab, Budi Santoso, tiba di Damaskus."),
        vec![row("Budi Santoso", "Utusan Khusus", "Arab League"), row("Budi Santoso", "Utusan Khusus", "United Nations")]
    );
}

#[test]
fn a_second_title_after_the_comma_is_no_part_of_the_name() {
    assert_eq!(
        found("id", "Ia bertemu kepala Majelis Syura Oman, Ketua Parlemen Khalid Al Maawali, di Muscat."),
        vec![row("Khalid Al Maawali", "kepala Majelis Syura", "Oman")]
    );
}

#[test]
fn a_title_word_inside_a_known_name_is_no_title() {
    let body = "Iranian Foreign Minister Hossein Amir Abdollahian arrived in Vienna. Amir Abdollahian said the talks would go on.";
    assert_eq!(found("en", body), vec![row("Hossein Amir-Abdollahian", "Foreign Minister", "Iran")]);
}

#[test]
fn a_list_of_titled_names_gives_each_its_own_title() {
    let body = "Perjanjian itu ditandatangani oleh Presiden Azerbaijan, Ilham Aliyev, Perdana Menteri Armenia, Nikol Pashinyan, dan Presiden Rusia, Vladimir Putin.";
    assert_eq!(
        found("id", body),
        vec![
            row("Ilham Aliyev", "Presiden", "Azerbaijan"),
            row("Nikol Pashinyan", "Perdana Menteri", "Armenia"),
            row("Vladimir Putin", "Presiden", "Russia")
        ]
    );
}

#[test]
fn names_end_where_a_headline_verb_or_an_institution_word_stands() {
    assert_eq!(found("id", "Menhan Israel Ancam Pemimpin Hezbollah Soal Serangan Balasan Ke Lebanon Utara"), vec![]);
    assert_eq!(found("en", "Omar Haddad, official spokesman of the Palestinian Presidency, said so."), vec![]);
    assert_eq!(
        found("en", "Spokesperson for the UN Secretary-General Farhan Aziz told reporters in New York."),
        vec![row("Farhan Aziz", "Spokesperson", "United Nations")]
    );
    // A known person after the principal's title: the principal's title is no part of the name.
    assert_eq!(
        found("en", "Spokesperson for the UN Secretary-General Stephane Dujarric told reporters in New York."),
        vec![row("Stéphane Dujarric", "Spokesperson", "United Nations")]
    );
}

#[test]
fn a_given_name_before_a_known_persons_name_and_a_name_glued_by_a_hyphen() {
    assert_eq!(
        found("id", "Menteri Luar Negeri Iran, Mohammed Javad Zarif, terbang ke Wina."),
        vec![row("Mohammad Javad Zarif", "Menteri Luar Negeri", "Iran")]
    );
    assert_eq!(
        found("id", "Pemimpin Houthi, Ahmed Saleh al-Houthi mengatakan hal itu."),
        vec![row("Ahmed Saleh al-Houthi", "Pemimpin", "Houthis")]
    );
}

#[test]
fn a_known_person_after_a_possessed_title_and_a_comma() {
    assert_eq!(
        found("en", "Germany's foreign minister, Frank-Walter Steinmeier, traveled to Kyiv on Tuesday."),
        vec![row("Frank-Walter Steinmeier", "foreign minister", "Germany")]
    );
    assert_eq!(found("en", "The summit was attended by Israeli FM Daniel Levy."), vec![row("Daniel Levy", "FM", "Israel")]);
}

#[test]
fn ministers_by_portfolio() {
    assert_eq!(
        found("en", "Eritrea's Information Minister, Yemane Gebremeskel, dismissed the report as false."),
        vec![row("Yemane Gebremeskel", "Information Minister", "Eritrea")]
    );
    assert_eq!(
        found("en", "Australian Trade Minister Simon Birmingham denounced the tariffs."),
        vec![row("Simon Birmingham", "Trade Minister", "Australia")]
    );
    assert_eq!(
        found("en", "Kenya's Minister of Interior Kithure Kindiki flew to Haiti."),
        vec![row("Kithure Kindiki", "Minister of Interior", "Kenya")]
    );
}

#[test]
fn an_appositive_title_without_a_side_serves_a_known_persons_side() {
    assert_eq!(
        found("en", "The review was announced by Penny Wong, the Foreign Minister, on Friday."),
        vec![row("Penny Wong", "Foreign Minister", "Australia")]
    );
    // An unknown person gets no side from it.
    assert!(found("en", "The review was announced by Dana Holloway, the Foreign Minister, on Friday.").is_empty());
}

#[test]
fn a_copula_may_open_an_aside() {
    assert_eq!(
        found("id", "Lavrov, sebagai Menteri Luar Negeri Rusia, menolak tuduhan itu."),
        vec![row("Sergey Lavrov", "Menteri Luar Negeri", "Russia")]
    );
    // A person of another side holds no office of the organisation it chairs (one side per person).
    let rows = found("id", "Presiden Senegal Macky Sall hadir selaku Ketua Uni Afrika.");
    assert_eq!(rows, vec![row("Macky Sall", "Presiden", "Senegal")]);
}

#[test]
fn a_title_after_its_principals_possessive() {
    assert_eq!(
        found("en", "Guterres's spokesman Pierre Lamont said the talks would go on."),
        vec![row("Pierre Lamont", "spokesman", "United Nations")]
    );
    assert_eq!(
        found("en", "Putin's spokesman, Dmitry Peskov, told reporters the talks had failed."),
        vec![row("Dmitry Peskov", "spokesman", "Russia")]
    );
    // The title with the side before it keeps working.
    assert_eq!(
        found("en", "State Department spokesperson Ned Price said the talks failed."),
        vec![row("Ned Price", "spokesperson", "United States")]
    );
}

#[test]
fn a_name_with_a_particle_after_the_comma() {
    assert_eq!(
        found("id", "Perdana Menteri Libya, Khalid al Mansouri, menyambut usulan gencatan senjata itu."),
        vec![row("Khalid al Mansouri", "Perdana Menteri", "Libya")]
    );
    assert_eq!(
        found("en", "Libya's Prime Minister, Abdul Hamid al-Dbeibah, said the talks would resume."),
        vec![row("Abdul Hamid al-Dbeibah", "Prime Minister", "Libya")]
    );
}

#[test]
fn two_sides_before_a_plural_title_go_to_the_two_names_in_order() {
    assert_eq!(
        found("en", "Armenian and Azerbaijani Foreign Ministers Ararat Mirzoyan and Jeyhun Bayramov met in Almaty."),
        vec![row("Ararat Mirzoyan", "Foreign Minister", "Armenia"), row("Jeyhun Bayramov", "Foreign Minister", "Azerbaijan")]
    );
    // One side before the title: the shape does not apply.
    let rows = found("en", "Armenian Foreign Minister Ararat Mirzoyan and Jeyhun Bayramov met in Almaty.");
    assert_eq!(rows, vec![row("Ararat Mirzoyan", "Foreign Minister", "Armenia")]);
}

#[test]
fn an_organisations_chief_and_a_long_eu_title() {
    assert_eq!(found("en", "UN chief Antonio Guterres spoke to reporters."), vec![row("António Guterres", "chief", "United Nations")]);
    assert_eq!(
        found("en", "EU High Representative for Foreign Affairs and Security Policy Josep Borrell flew to Kyiv."),
        vec![row("Josep Borrell", "High Representative for Foreign Affairs and Security Policy", "European Union")]
    );
    assert!(found("en", "The chief of the delegation arrived on Monday.").is_empty());
}

#[test]
fn a_party_after_a_title_is_no_person() {
    let rows = found("id", "Tentara menahan Presiden Myanmar Win Myint serta ketua Partai Persatuan Rakyat Nasional kemarin.");
    assert!(rows.iter().all(|r| !r.0.starts_with("Partai")), "{rows:?}");
    assert!(rows.contains(&row("Win Myint", "Presiden", "Myanmar")), "{rows:?}");
    let rows = found("en", "Soldiers detained the chairman of the National Unity Party Tun Aung yesterday.");
    assert!(rows.iter().all(|r| !r.0.contains("Party")), "{rows:?}");
}

#[test]
fn a_known_name_spelled_with_a_space_for_its_hyphen_or_a_comma_before_jr() {
    let rows = found("en", "Iranian Foreign Minister, Hossein Amir Abdollahian, arrived in Oslo on Monday.");
    assert_eq!(rows, vec![row("Hossein Amir-Abdollahian", "Foreign Minister", "Iran")]);
    let rows = found("en", "Beijing criticised the government of President Ferdinand R. Marcos, Jr. on Monday.");
    assert_eq!(rows, vec![row("Ferdinand Marcos Jr.", "President", "Philippines")]);
    let rows = found("en", "EU chief diplomat Josep Borrell arrived in Kyiv.");
    assert_eq!(rows, vec![row("Josep Borrell", "chief diplomat", "European Union")]);
}

#[test]
fn the_sides_own_commission_closes_the_title() {
    let rows = found("en", "The Chairperson of the African Union Commission, Moussa Faki Mahamat, flew to Khartoum.");
    assert_eq!(rows, vec![row("Moussa Faki Mahamat", "Chairperson", "African Union")]);
    // A place after the side is no body of it.
    let rows = found("en", "The President of Ghana Nana Akufo-Addo flew to Abuja.");
    assert_eq!(rows, vec![row("Nana Akufo-Addo", "President", "Ghana")]);
}

#[test]
fn an_ambassador_to_a_country_serves_the_side_named_first() {
    assert_eq!(
        found("en", "Moldovan Ambassador to Romania Ana Ceban warned that the move would not go unanswered."),
        vec![row("Ana Ceban", "Ambassador", "Moldova")]
    );
    assert_eq!(
        found("en", "Pieter Jansen, the Dutch Ambassador to Indonesia, said the case was closed."),
        vec![row("Pieter Jansen", "Ambassador", "Netherlands")]
    );
    // An article before the post.
    assert_eq!(
        found("en", "Canadian Ambassador to the U.N. Marie Lefebvre abstained."),
        vec![row("Marie Lefebvre", "Ambassador", "Canada")]
    );
}

#[test]
fn a_members_envoy_to_an_organisation_serves_the_member() {
    assert_eq!(found("en", "Chile's UN Ambassador Pablo Rojas voted against."), vec![row("Pablo Rojas", "Ambassador", "Chile")]);
    assert_eq!(found("en", "Kenyan U.N. Ambassador Grace Wanjiru spoke first."), vec![row("Grace Wanjiru", "Ambassador", "Kenya")]);
    // Not an envoy: the organisation's own official.
    assert_eq!(found("en", "Kenyan UN Secretary-General candidate spoke."), Vec::<(String, String, String)>::new());
    assert_eq!(found("en", "The UN Ambassador Pablo Rojas voted against."), vec![row("Pablo Rojas", "Ambassador", "United Nations")]);
}

#[test]
fn a_breakaway_territorys_officials_serve_it() {
    assert_eq!(
        found("en", "Transnistrian Foreign Minister Ivan Petrov said the format had no alternative."),
        vec![row("Ivan Petrov", "Foreign Minister", "Transnistria")]
    );
    assert_eq!(found("en", "Turkish Cypriot leader Mehmet Aydin rejected it."), vec![row("Mehmet Aydin", "leader", "Northern Cyprus")]);
    // A disputed region with no government of its own serves no one.
    assert!(found("en", "Crimean Foreign Minister Ivan Petrov said so.").is_empty());
}

#[test]
fn in_a_list_of_titled_names_the_name_after_the_title_holds_it() {
    let body = "The meeting brought together Anna Berg, the Secretary General of NATO, Piotr Nowak, and others.";
    let rows = found("en", body);
    assert!(rows.iter().all(|r| r.0 != "Anna Berg"), "{rows:?}");
    assert!(rows.contains(&row("Piotr Nowak", "Secretary General", "NATO")), "{rows:?}");
    // A single appositive keeps its name before the title.
    assert_eq!(found("en", "Anna Berg, the Secretary General of NATO, said so."), vec![row("Anna Berg", "Secretary General", "NATO")]);
}

#[test]
fn a_photo_caption_after_a_title_is_no_name() {
    assert!(found("id", "Jenderal Budi kini menjadi Presiden Lebanon Foto: ANTARA / AFP").iter().all(|r| r.0 != "Foto"));
    assert!(found("en", "The general became President of Lebanon Photo: AFP").iter().all(|r| r.0 != "Photo"));
}

#[test]
fn a_known_person_after_a_capitalised_portfolio_holds_the_whole_title() {
    assert_eq!(
        found("en", "Indian Minister for External Affairs Sushma Swaraj arrived in Beijing."),
        vec![row("Sushma Swaraj", "Minister for External Affairs", "India")]
    );
    // An unknown name after the portfolio: where it starts is a guess, so no role.
    assert!(found("en", "Slovak Minister of Foreign and European Affairs Peter Kovac arrived.").is_empty());
}

#[test]
fn a_capitals_deputy_envoy_to_an_organisation_serves_its_country() {
    assert_eq!(
        found("en", "John Miller, Washington's deputy U.N. ambassador, spoke."),
        vec![row("John Miller", "ambassador", "United States")]
    );
}

#[test]
fn a_ministrys_spokesperson_with_the_ministry_capitalised() {
    assert_eq!(
        found("en", "Thai Foreign Affairs spokesperson Nikorndej Balankura said the border would reopen."),
        vec![row("Nikorndej Balankura", "Foreign Affairs spokesperson", "Thailand")]
    );
    assert_eq!(
        found("en", "Japanese Foreign Ministry spokesman Kenji Ota said the talks would resume."),
        vec![row("Kenji Ota", "Foreign Ministry spokesman", "Japan")]
    );
}

#[test]
fn deputi_is_a_deputy() {
    assert_eq!(found("id", "Deputi Menlu Jepang Kenji Ota tiba di Seoul."), vec![row("Kenji Ota", "Deputi Menlu", "Japan")]);
}

#[test]
fn an_indonesian_minister_by_portfolio() {
    assert_eq!(
        found("id", "Menteri Perdagangan Malaysia Azman Hakim tiba di Jakarta."),
        vec![row("Azman Hakim", "Menteri Perdagangan", "Malaysia")]
    );
    assert_eq!(
        found("id", "Menteri Kelautan dan Perikanan Vietnam Le Minh Hoan tiba di Jakarta."),
        vec![row("Le Minh Hoan", "Menteri Kelautan dan Perikanan", "Vietnam")]
    );
}

#[test]
fn a_counterparts_side_right_before_the_word() {
    assert_eq!(
        found("en", "Thai Foreign Minister Somchai Ruang met his Cambodian counterpart Sok Vanna in Bangkok."),
        vec![row("Sok Vanna", "Foreign Minister", "Cambodia"), row("Somchai Ruang", "Foreign Minister", "Thailand")]
    );
    // Two sides for two names: neither is known to be whose.
    assert_eq!(
        found("en", "Thai Foreign Minister Somchai Ruang met his Cambodian and Lao counterparts Sok Vanna and Bounmy Keo."),
        vec![row("Somchai Ruang", "Foreign Minister", "Thailand")]
    );
}

#[test]
fn a_deputy_minister_is_nobodys_principal() {
    // The title before his name is his own, not that of a spokesperson serving him.
    assert_eq!(
        found("id", "Jakarta - Juru Bicara Arrmanatha Nasir mengatakan pemulangan itu masih diproses."),
        vec![row("Arrmanatha Nasir", "Juru Bicara", "Indonesia")]
    );
}

#[test]
fn a_name_only_a_headline_gives_is_no_name() {
    let roles_of = |title: &str, body: &str| found_titled("id", title, body).into_iter().map(|r| r.0).collect::<Vec<_>>();
    // "Presiden Chile Setujui Perjanjian Dagang": the headline's capitalised verb is no name.
    let found = roles_of("Presiden Chile Setujui Perjanjian Dagang", "Pemerintah Chile menyetujui perjanjian itu pada Senin.");
    assert!(found.is_empty(), "{found:?}");
    // A name the body repeats stands.
    let found = roles_of("Presiden Chile Gabriel Ramos: Perjanjian Dagang Segera Diteken", "Gabriel Ramos disambut di bandara pada Senin.");
    assert_eq!(found, vec!["Gabriel Ramos"]);
}
