//! `warta validate` and pyshacl read ontology/shapes.ttl alike: the seed
//! export conforms, and a graph broken on purpose gets the same results.

use super::support::*;
use crate::common::*;
use std::collections::BTreeSet;
use std::path::Path;

type Result = (String, String, String, String, String);

/// (focus, path, component, severity, value) of each result of a SHACL report in Turtle.
fn results(report_ttl: &str) -> BTreeSet<Result> {
    let sh = |l: &str| format!("<http://www.w3.org/ns/shacl#{l}>");
    let quads: Vec<_> = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
        .for_slice(report_ttl.as_bytes())
        .collect::<std::result::Result<_, _>>()
        .expect("a Turtle report");
    let value = |s: &str, p: &str| -> String {
        quads
            .iter()
            .find(|q| q.subject.to_string() == s && q.predicate.to_string() == sh(p))
            .map(|q| q.object.to_string())
            .unwrap_or_default()
    };
    quads
        .iter()
        .filter(|q| q.predicate.to_string() == sh("result"))
        .map(|q| {
            let r = q.object.to_string();
            (
                value(&r, "focusNode"),
                value(&r, "resultPath"),
                value(&r, "sourceConstraintComponent"),
                value(&r, "resultSeverity"),
                value(&r, "value"),
            )
        })
        .collect()
}

fn pyshacl(data: &Path) -> (bool, String) {
    let root = root();
    let o = run(
        "pyshacl",
        &[
            "-s",
            &root.join("ontology/shapes.ttl").display().to_string(),
            "-e",
            &root.join("ontology/warta.ttl").display().to_string(),
            "-w",
            "-f",
            "turtle",
            &data.display().to_string(),
        ],
        &root,
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "pyshacl failed: {}", stderr(&o));
    (o.status.success(), stdout(&o))
}

fn warta_report(data: &Path) -> (bool, String) {
    let o = warta(&["validate", &data.display().to_string(), "--format", "turtle"]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "warta validate failed: {}", stderr(&o));
    (o.status.success(), stdout(&o))
}

#[test]
fn seed_store_conforms_to_the_shapes() {
    let Some((_tmp, store)) = seed_store() else { return };
    let o = warta(&["validate", "--store", &store]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("conforms: 0 violations"), "{}", stdout(&o));
}

#[test]
fn pyshacl_agrees_that_the_seed_export_conforms() {
    let Some((tmp, store)) = seed_store() else { return };
    if !tool("pyshacl", "--version") {
        return;
    }
    let data = tmp.path().join("seeds.ttl");
    ok(&["export", "--store", &store, "--format", "turtle", "-o", &data.display().to_string()]);
    let (py_ok, py) = pyshacl(&data);
    let (w_ok, ours) = warta_report(&data);
    assert!(py_ok, "pyshacl: the seed export does not conform:\n{py}");
    assert!(w_ok, "warta validate: the seed export does not conform:\n{ours}");
    assert_eq!(results(&py), results(&ours), "pyshacl and warta validate report different results");
}

#[test]
fn pyshacl_and_warta_report_the_same_results_on_a_broken_graph() {
    let data = root().join("tests/fixtures/shacl/broken.ttl");
    let (w_ok, ours) = warta_report(&data);
    assert!(!w_ok, "the broken graph conforms?\n{ours}");
    let ours = results(&ours);
    // Every kind of constraint of the shapes fails at least once.
    let components: BTreeSet<String> = ours.iter().map(|r| r.2.trim_start_matches("<http://www.w3.org/ns/shacl#").to_string()).collect();
    for c in [
        "MinCount",
        "MaxCount",
        "Datatype",
        "Class",
        "NodeKind",
        "In",
        "MinInclusive",
        "MaxInclusive",
        "MinLength",
        "Pattern",
        "Or",
        "SPARQL",
    ] {
        assert!(components.contains(&format!("{c}ConstraintComponent>")), "no {c} result in {components:?}");
    }
    assert!(ours.iter().any(|r| r.0.ends_with("meeting/nowhere>") && r.1.ends_with("#heldIn>") && r.3.ends_with("#Violation>")));
    assert!(ours.iter().any(|r| r.0.ends_with("meeting/nowhere>") && r.1.ends_with("#participant>") && r.3.ends_with("#Warning>")));
    assert!(ours.iter().any(|r| r.0.ends_with("meeting/nowhere>") && r.4.contains("2022-13-45")), "an invalid xsd:date passed");
    if !tool("pyshacl", "--version") {
        return;
    }
    let (py_ok, py) = pyshacl(&data);
    assert!(!py_ok);
    assert_eq!(results(&py), ours, "pyshacl and warta validate report different results");
}

#[test]
fn warnings_do_not_fail_and_violations_do() {
    let tmp = tempfile::tempdir().unwrap();
    let meeting = "@prefix warta: <https://w3id.org/warta/ontology#> .\n\
        <https://w3id.org/warta/id/meeting/m> a warta:Meeting ; warta:heldIn <https://w3id.org/warta/id/entity/Q71> ;\n\
        warta:evidence <https://w3id.org/warta/id/mention/x> .\n\
        <https://w3id.org/warta/id/entity/Q71> a warta:City ; <http://www.w3.org/2000/01/rdf-schema#label> \"Geneva\"@en .\n\
        <https://w3id.org/warta/id/mention/x> a warta:Mention ; warta:text \"Rapat di Jenewa.\" ; warta:start 0 ; warta:end 16 ;\n\
        warta:rule \"meeting.verb\" ; warta:confidence 0.8 ; warta:article <https://w3id.org/warta/id/article/a> .\n\
        <https://w3id.org/warta/id/article/a> a warta:Article ; <http://purl.org/dc/terms/title> \"A\" ;\n\
        <http://purl.org/dc/terms/source> \"a.txt\" ; warta:contentHash \"a\" .\n";
    let file = tmp.path().join("meeting.ttl");
    std::fs::write(&file, meeting).unwrap();
    let o = warta(&["validate", &file.display().to_string()]);
    assert!(o.status.success(), "a warning failed the run: {}", stdout(&o));
    assert!(stdout(&o).contains("warning: wid:meeting/m warta:participant"), "{}", stdout(&o));
    assert!(stdout(&o).contains("conforms: 0 violations, 1 warning"), "{}", stdout(&o));
    std::fs::write(&file, meeting.replace("warta:heldIn <https://w3id.org/warta/id/entity/Q71> ;", "")).unwrap();
    let o = warta(&["validate", &file.display().to_string()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("violation: wid:meeting/m warta:heldIn"), "{}", stdout(&o));
}

#[test]
fn validate_refuses_shapes_it_cannot_check() {
    let tmp = tempfile::tempdir().unwrap();
    let shapes = tmp.path().join("shapes.ttl");
    std::fs::write(
        &shapes,
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:closed true .\n",
    )
    .unwrap();
    let data = root().join("tests/fixtures/shacl/broken.ttl");
    let o = warta(&["validate", &data.display().to_string(), "--shapes", &shapes.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("sh:closed is not supported"), "{}", stderr(&o));
    let o = warta(&["validate", "--store", &tmp.path().join("none").display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no store here"), "{}", stderr(&o));
}
