//! Tests of the demands stage on whole short articles (the pipeline up to demands).

use crate::article::Article;
use crate::extract::extract;

/// (demander, addressee, action) of every demand in an article.
fn demands(lang: &str, title: &str, body: &str) -> Vec<(String, String, String)> {
    let pack = crate::lang::pack(lang).expect("a registered pack");
    let article = Article { title: title.into(), body: body.into(), published: None, source: "test".into(), url: None, external_id: None };
    let x = extract(&article, pack);
    x.demands.iter().map(|d| (x.entities.get(d.by).key.clone(), x.entities.get(d.of).key.clone(), d.action.clone())).collect()
}

fn pairs(found: &[(String, String, String)]) -> Vec<(&str, &str)> {
    found.iter().map(|(b, o, _)| (b.as_str(), o.as_str())).collect()
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
