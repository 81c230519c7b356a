//! Tests of the role stage: sentences written for them, answers on content.

use super::roles;
use crate::extract::test_support::{analysed, Run};
use crate::extract::Context;

/// (person, title, side, rule) of every role found.
fn found(run: &mut Run) -> Vec<(String, String, String, &'static str)> {
    let ctx = Context { pack: run.pack, text: &run.norm.text, published: None, dateline_city: None };
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
