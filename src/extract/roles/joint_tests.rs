//! Tests of roles held for two organisations at once (a joint post), and of one plural title
//! for two known people of two sides.

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

#[test]
fn a_plural_title_before_two_known_people_of_two_sides() {
    assert_eq!(
        found("en", "Presidents Vladimir Putin and Recep Tayyip Erdogan spoke to reporters in Sochi."),
        vec![
            row("Recep Tayyip Erdoğan", "President", "Turkey", "role.plural-known"),
            row("Vladimir Putin", "President", "Russia", "role.plural-known")
        ]
    );
    assert_eq!(
        found("en", "The envoy met the two foreign ministers, Sergey Lavrov and Wang Yi, separately."),
        vec![
            row("Sergey Lavrov", "foreign minister", "Russia", "role.plural-known"),
            row("Wang Yi", "foreign minister", "China", "role.plural-known")
        ]
    );
    // Unknown people: their sides are not told.
    assert!(found("en", "Presidents Jan Novak and Petr Svoboda met in Brno.").is_empty());
    // A singular title: the second person is no holder of it.
    let rows = found("en", "Secretary of State Antony Blinken and Wang Yi met in Rome.");
    assert!(rows.iter().all(|r| r.0 != "Wang Yi"), "{rows:?}");
}
