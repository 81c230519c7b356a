//! Tests of roles held for two organisations at once (a joint post).

use super::roles;
use crate::extract::test_support::analysed;
use crate::extract::Context;

/// (person, title, side, rule) of every role found, sorted.
fn found(lang: &str, body: &str) -> Vec<(String, String, String, &'static str)> {
    let mut run = analysed(lang, "", body);
    let ctx = Context { pack: run.pack, text: &run.norm.text, published: None, dateline_city: None };
    let found = roles(&ctx, &mut run.sents, &mut run.table);
    let mut rows: Vec<_> =
        found.iter().map(|r| (run.key(r.person).to_string(), r.title.clone(), run.key(r.of).to_string(), r.evidence.rule)).collect();
    rows.sort();
    rows
}

fn row(person: &str, title: &str, side: &str, rule: &'static str) -> (String, String, String, &'static str) {
    (person.to_string(), title.to_string(), side.to_string(), rule)
}

#[test]
fn a_joint_post_of_two_organisations() {
    let got = found("id", "Utusan Khusus PBB dan Uni Afrika, Budi Santoso tiba di Khartoum.");
    assert_eq!(
        got,
        vec![
            row("Budi Santoso", "Utusan Khusus", "African Union", "role.title-name"),
            row("Budi Santoso", "Utusan Khusus", "United Nations", "role.title-name")
        ]
    );
    // Two countries with their two ministers: no joint post, no role misread.
    assert!(found("id", "Menlu Rusia dan China, Budi Santoso dan Adi Wijaya, bertemu.")
        .iter()
        .all(|r| r.0 != "Budi Santoso" || r.2 != "China"));
}
