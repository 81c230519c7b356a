//! `warta extract` on the seeds: the contract's triples are there.

use crate::common::*;

fn p(local: &str) -> String {
    format!("<{W}{local}>")
}

fn has(ts: &[(String, String, String)], s: &str, pr: &str, o: &str) -> bool {
    ts.iter().any(|t| t.0 == s && t.1 == pr && t.2 == o)
}

#[test]
fn seed_000_demand_meeting_rejection() {
    let Some(f) = seed(SEED_000) else { return };
    let ts = triples(&ok(&["extract", &f, "--format", "ntriples", "--published", "2022-01-21"]));
    // Russia demands of NATO an action about expansion.
    let actions: Vec<&String> = ts.iter().filter(|t| t.0 == RUSSIA && t.1 == p("demands")).map(|t| &t.2).collect();
    assert!(
        actions
            .iter()
            .any(|a| has(&ts, a, &p("addressee"), NATO)
                && ts.iter().any(|t| &&t.0 == a && t.1.ends_with("#label>") && t.2.contains("ekspansi"))),
        "no Russia→NATO demand about expansion in {actions:?}"
    );
    // A meeting held in Geneva on 2022-01-10 with Russia and the US.
    let meetings: Vec<&String> = ts.iter().filter(|t| t.1 == p("heldIn") && t.2 == GENEVA).map(|t| &t.0).collect();
    assert!(meetings.iter().any(|m| has(&ts, m, &p("date"), "\"2022-01-10\"^^<http://www.w3.org/2001/XMLSchema#date>")));
    assert!(meetings.iter().any(|m| has(&ts, m, &p("participant"), RUSSIA) && has(&ts, m, &p("participant"), US)));
    // The US and NATO reject Russia's demands.
    assert!(ts.iter().any(|t| t.0 == US && t.1 == p("rejects")));
    assert!(ts.iter().any(|t| t.0 == NATO && t.1 == p("rejects")));
    // Lavrov is Russia's foreign minister.
    let lavrov = ts.iter().find(|t| t.1.ends_with("#label>") && t.2.starts_with("\"Sergey Lavrov\"")).map(|t| t.0.clone()).expect("Lavrov");
    assert!(has(&ts, &lavrov, &p("represents"), RUSSIA));
    assert!(ts.iter().any(|t| t.0 == lavrov && t.1 == p("role") && t.2.contains("Menteri Luar Negeri")));
}

#[test]
fn seed_002_regions_and_demands() {
    let Some(f) = seed(SEED_002) else { return };
    let ts = triples(&ok(&["extract", &f, "--published", "2022-01-13"]));
    let status = |region_label: &str| -> Vec<String> {
        let node = ts.iter().find(|t| t.1.ends_with("#label>") && t.2.starts_with(&format!("\"{region_label}\""))).map(|t| t.0.clone());
        ts.iter().filter(|t| Some(&t.0) == node.as_ref() && t.1 == p("disputedStatus")).map(|t| t.2.clone()).collect()
    };
    assert!(status("Crimea").iter().any(|s| s.contains("Annexed") || s.contains("Breakaway")), "{:?}", status("Crimea"));
    for r in ["Transnistria", "Abkhazia", "South Ossetia"] {
        assert!(status(r).iter().any(|s| s.contains("ForeignMilitaryPresence")), "{r}: {:?}", status(r));
    }
    // NATO asks Russia to withdraw its troops.
    let nato_actions: Vec<&String> = ts.iter().filter(|t| t.0 == NATO && t.1 == p("demands")).map(|t| &t.2).collect();
    assert!(nato_actions.iter().any(|a| has(&ts, a, &p("addressee"), RUSSIA)
        && ts.iter().any(|t| &&t.0 == a && t.1.ends_with("#label>") && t.2.contains("menarik pasukan"))));
    // Every fact node carries evidence with a sentence.
    for a in nato_actions {
        let m = ts.iter().find(|t| &t.0 == a && t.1 == p("evidence")).map(|t| t.2.clone()).expect("evidence");
        assert!(ts.iter().any(|t| t.0 == m && t.1 == p("text") && t.2.contains("Rusia")));
    }
}

#[test]
fn output_is_deterministic_and_formats_parse() {
    let Some(f) = seed(SEED_002) else { return };
    let a = ok(&["extract", &f, "--format", "turtle"]);
    let b = ok(&["extract", &f, "--format", "turtle"]);
    assert_eq!(a, b);
    let n = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle).for_slice(a.as_bytes()).count();
    let nt = triples(&ok(&["extract", &f]));
    assert_eq!(n, nt.len());
    let nq = ok(&["extract", &f, "--format", "nquads"]);
    assert!(nq.lines().all(|l| l.contains("<https://w3id.org/warta/id/graph/")), "nquads keeps the article graph");
}

#[test]
fn bundled_samples_give_all_five_kinds() {
    let out = ok(&["extract", "examples/articles"]);
    for prop in ["demands", "rejects", "heldIn", "disputedStatus", "role"] {
        assert!(out.contains(&format!("<{W}{prop}>")), "no {prop} in the bundled samples' output");
    }
}
