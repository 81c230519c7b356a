//! `warta build` twice changes nothing; library queries return the expected rows.

use crate::common::*;
use std::path::Path;

#[test]
fn build_is_idempotent() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let count = || ok(&["export", "--store", &store, "--format", "nquads"]).lines().count();
    let first = count();
    assert!(first > 100, "too few quads: {first}");
    let again = warta(&["build", &seeds().unwrap().display().to_string(), "--store", &store]);
    assert!(again.status.success());
    assert!(stderr(&again).contains("0 article(s) loaded, 2 unchanged"), "{}", stderr(&again));
    assert_eq!(count(), first);
    // Two article graphs.
    let nq = ok(&["export", "--store", &store]);
    let graphs: std::collections::BTreeSet<&str> = nq.lines().filter_map(|l| l.rsplit(' ').nth(1)).collect();
    assert_eq!(graphs.len(), 2, "{graphs:?}");
}

/// Each library query's CSV over the seed store equals queries/expected/seeds/NAME.csv.
#[test]
fn library_queries_return_expected_rows() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let expected_dir = root().join("queries/expected/seeds");
    let mut checked = 0;
    for entry in std::fs::read_dir(&expected_dir).expect("queries/expected/seeds") {
        let path = entry.unwrap().path();
        // Queries with parameters and CONSTRUCT results are checked by store.rs's manifest test.
        if path.extension().is_none_or(|e| e != "csv") || path.with_extension("params").exists() {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let got = ok(&["query", &name, "--store", &store, "--format", "csv"]).replace("\r\n", "\n");
        let want = std::fs::read_to_string(&path).unwrap().replace("\r\n", "\n");
        assert_eq!(got, want, "query {name}: rows differ from {}", path.display());
        checked += 1;
    }
    assert!(checked >= 5, "expected results for the five core queries");
}

#[test]
fn query_formats() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let json = ok(&["query", "meetings", "--store", &store, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON results");
    let rows = v["results"]["bindings"].as_array().expect("bindings");
    assert!(rows.iter().any(|r| r["city"]["value"] == "Brussels"));
    let table = ok(&["query", "meetings", "--store", &store]);
    assert!(table.contains("Geneva") && table.contains(" │ "), "{table}");
    let tsv = ok(&["query", "roles", "--store", &store, "--format", "tsv"]);
    assert!(tsv.starts_with("?person\t?role\t?side"), "{tsv}");
    let xml = ok(&["query", "roles", "--store", &store, "--format", "xml"]);
    roxmltree::Document::parse(&xml).expect("XML results");
    // A query from a file.
    let tmp = tempfile::tempdir().unwrap();
    let q = tmp.path().join("count.rq");
    std::fs::write(&q, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").unwrap();
    let csv = ok(&["query", &q.display().to_string(), "--store", &store, "--format", "csv"]);
    let n: usize = csv.lines().nth(1).unwrap().trim().parse().unwrap();
    assert!(n > 100);
}

#[test]
fn export_formats_parse_back() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let nq = ok(&["export", "--store", &store, "--format", "nquads"]);
    let trig = ok(&["export", "--store", &store, "--format", "trig"]);
    let count = |data: &str, f| {
        oxigraph::io::RdfParser::from_format(f).for_slice(data.as_bytes()).filter(|q| q.as_ref().map_err(|e| panic!("{e}")).is_ok()).count()
    };
    assert_eq!(count(&nq, oxigraph::io::RdfFormat::NQuads), count(&trig, oxigraph::io::RdfFormat::TriG));
    let ttl = ok(&["export", "--store", &store, "--format", "turtle"]);
    let nt = ok(&["export", "--store", &store, "--format", "ntriples"]);
    assert_eq!(count(&ttl, oxigraph::io::RdfFormat::Turtle), count(&nt, oxigraph::io::RdfFormat::NTriples));
    assert_eq!(ok(&["export", "--store", &store, "--format", "turtle"]), ttl, "export is deterministic");
}

#[test]
fn demo_writes_results_and_diagrams() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = warta(&["demo", "--out", &out.display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    for f in [
        "results/demands.csv",
        "results/meetings.txt",
        "diagrams/demands.svg",
        "diagrams/meetings-timeline.dot",
        "diagrams/who-met-whom.svg",
        "graph.trig",
    ] {
        assert!(Path::new(&out.join(f)).exists(), "demo did not write {f}");
    }
    let demands = std::fs::read_to_string(out.join("results/demands.csv")).unwrap();
    assert!(demands.lines().count() > 5, "{demands}");
}

#[test]
fn query_limit_and_timeout_bound_a_script() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store").display().to_string();
    ok(&["build", "examples/articles", "--store", &store, "--quiet"]);
    // --limit: at most that many rows, and a warning that says so.
    let all = warta(&["query", "demands", "--format", "csv", "--store", &store]);
    assert!(all.status.success(), "{}", stderr(&all));
    let rows = stdout(&all).lines().count() - 1;
    assert!(rows > 2, "the samples have several demands: {rows}");
    let cut = warta(&["query", "demands", "--format", "csv", "--limit", "2", "--store", &store]);
    assert!(cut.status.success(), "{}", stderr(&cut));
    assert_eq!(stdout(&cut).lines().count(), 3, "header and two rows: {}", stdout(&cut));
    assert!(stderr(&cut).contains("results cut at 2 rows (--limit)"), "{}", stderr(&cut));
    // --timeout: a runaway query (a three-way cross product) stops with a clear error.
    let rq = tmp.path().join("runaway.rq");
    std::fs::write(&rq, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n").unwrap();
    let started = std::time::Instant::now();
    let o = warta(&["query", &rq.display().to_string(), "--timeout", "1", "--store", &store]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("stopped after the --timeout of 1s"), "{}", stderr(&o));
    assert!(started.elapsed() < std::time::Duration::from_secs(30), "stopped in time: {:?}", started.elapsed());
}
