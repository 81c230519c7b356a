//! The store: incremental builds (nothing re-extracted, changed articles
//! replaced, --prune), the merged graph, query parameters, the query library
//! against its expected results, export formats and `status`.

use crate::common::*;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad, Term};
use std::collections::BTreeSet;
use std::path::Path;

const MERGED: &str = "https://w3id.org/warta/id/graph/merged";
const BRUSSELS: &str = "<https://w3id.org/warta/id/entity/brussels>";

fn parse(data: &str, format: RdfFormat) -> Vec<Quad> {
    RdfParser::from_format(format).for_slice(data.as_bytes()).map(|q| q.unwrap_or_else(|e| panic!("{format}: {e}\n{data}"))).collect()
}

/// Every quad of every graph, the merged and meta graphs included.
fn all_quads(store: &str) -> Vec<Quad> {
    parse(&ok(&["export", "--all", "--format", "nquads", "--store", store]), RdfFormat::NQuads)
}

fn in_graph(quads: &[Quad], graph: &str) -> usize {
    quads.iter().filter(|q| matches!(&q.graph_name, GraphName::NamedNode(g) if g.as_str() == graph)).count()
}

/// The graph holding the article read from `file`.
fn graph_of(store: &str, file: &str) -> String {
    let quads = parse(&ok(&["export", "--format", "nquads", "--store", store]), RdfFormat::NQuads);
    let q = quads
        .iter()
        .find(|q| {
            q.predicate.as_str() == "http://purl.org/dc/terms/source" && matches!(&q.object, Term::Literal(l) if l.value().ends_with(file))
        })
        .unwrap_or_else(|| panic!("no article from {file}"));
    match &q.graph_name {
        GraphName::NamedNode(g) => g.as_str().to_string(),
        other => panic!("article in {other}"),
    }
}

fn build(inputs: &[&str], store: &str, extra: &[&str]) -> String {
    let mut args = vec!["build"];
    args.extend(inputs);
    args.extend(["--store", store]);
    args.extend(extra);
    let o = warta(&args);
    assert!(o.status.success(), "build failed: {}", stderr(&o));
    stderr(&o)
}

/// A folder with copies of the two seed articles, and a store path beside it.
fn seed_copies() -> Option<(tempfile::TempDir, String, String)> {
    let seeds = seeds()?;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("articles");
    std::fs::create_dir(&dir).unwrap();
    for (from, to) in [(SEED_000, "a.txt"), (SEED_002, "b.txt")] {
        std::fs::copy(seeds.join(from), dir.join(to)).unwrap();
    }
    let store = tmp.path().join("store").display().to_string();
    Some((tmp, dir.display().to_string(), store))
}

#[test]
fn rebuild_extracts_nothing_and_changes_nothing() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let articles = ok(&["export", "--format", "nquads", "--store", &store]);
    let merged = ok(&["export", "--merged", "--format", "nquads", "--store", &store]);
    let log = build(&[&seeds().unwrap().display().to_string()], &store, &[]);
    assert!(log.contains("0 article(s) loaded, 2 unchanged") && log.contains("0 extracted"), "{log}");
    assert_eq!(ok(&["export", "--format", "nquads", "--store", &store]), articles, "article graphs unchanged");
    assert_eq!(ok(&["export", "--merged", "--format", "nquads", "--store", &store]), merged, "merged graph recomputed identically");
    let status = ok(&["status", "--store", &store]);
    assert!(status.contains("articles:     2\n"), "{status}");
    assert!(status.contains("unchanged 2, removed 0, extracted 0, failed 0"), "last build re-extracted nothing: {status}");
    assert!(status.contains("(2 articles, current)"), "{status}");
}

#[test]
fn status_counts_match_the_queries() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let status = ok(&["status", "--store", &store]);
    let rows = |q: &str| ok(&["query", q, "--format", "csv", "--store", &store]).lines().count() - 1;
    let demands = ok(&["query", "demands", "--format", "csv", "--store", &store]).lines().skip(1).collect::<BTreeSet<_>>().len();
    assert!(status.contains(&format!("demands {demands},")), "{status}");
    assert!(status.contains(&format!("meetings {},", rows("meetings"))), "{status}");
    assert!(status.contains(&format!("merged:       meetings {},", rows("meetings-timeline"))), "{status}");
    assert!(status.contains("roles 3") && status.contains("region statuses 5"), "{status}");
}

#[test]
fn changed_article_replaces_its_graph() {
    let Some((_tmp, dir, store)) = seed_copies() else {
        return;
    };
    build(&[&dir], &store, &[]);
    let old = graph_of(&store, "a.txt");
    let before = all_quads(&store);
    assert!(in_graph(&before, &old) > 50);
    let a = Path::new(&dir).join("a.txt");
    let text = std::fs::read_to_string(&a).unwrap() + "\nRusia juga meminta AS untuk menarik pasukan dari Polandia.\n";
    std::fs::write(&a, text).unwrap();
    let log = build(&[&dir], &store, &[]);
    assert!(log.contains("1 replaced") && log.contains("1 extracted") && log.contains("1 unchanged"), "{log}");
    let after = all_quads(&store);
    assert_eq!(in_graph(&after, &old), 0, "the old graph is gone");
    let new = graph_of(&store, "a.txt");
    assert_ne!(new, old);
    assert!(ok(&["export", "--graph", &new, "--format", "ntriples", "--store", &store]).contains("menarik pasukan dari Polandia"));
    let status = ok(&["status", "--store", &store]);
    assert!(status.contains("articles:     2\n") && status.contains("replaced 1"), "{status}");
    // The merged graph cites the new graph's nodes only.
    let merged = ok(&["export", "--merged", "--format", "nquads", "--store", &store]);
    let old_hash = old.rsplit('/').next().unwrap();
    assert!(!merged.contains(old_hash), "merged graph still cites the old article");
}

#[test]
fn other_extractor_version_is_replaced_not_kept_beside() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    {
        let s = oxigraph::store::Store::open(&store).unwrap();
        let update = "PREFIX warta: <https://w3id.org/warta/ontology#>
            DELETE { GRAPH ?g { ?a warta:extractorVersion ?v } } INSERT { GRAPH ?g { ?a warta:extractorVersion \"0.0.0+old\" } }
            WHERE { GRAPH ?g { ?a warta:extractorVersion ?v . ?a warta:contentHash \"c49ced88083129fa\" } }";
        oxigraph::sparql::SparqlEvaluator::new().parse_update(update).unwrap().on_store(&s).execute().unwrap();
    }
    let status = ok(&["status", "--store", &store]);
    assert!(status.contains("0.0.0+old (1 article)"), "{status}");
    let log = build(&[&seeds().unwrap().display().to_string()], &store, &[]);
    assert!(log.contains("1 replaced") && log.contains("1 extracted") && log.contains("1 unchanged"), "{log}");
    let status = ok(&["status", "--store", &store]);
    assert!(!status.contains("0.0.0+old") && status.contains("(2 articles, current)"), "{status}");
    assert!(status.contains("articles:     2\n"), "{status}");
}

#[test]
fn prune_removes_graphs_of_articles_no_longer_given() {
    let Some((_tmp, dir, store)) = seed_copies() else {
        return;
    };
    build(&[&dir], &store, &[]);
    let gone = graph_of(&store, "b.txt");
    std::fs::remove_file(Path::new(&dir).join("b.txt")).unwrap();
    build(&[&dir], &store, &[]);
    assert!(in_graph(&all_quads(&store), &gone) > 0, "without --prune the graph stays");
    // A failed input might be an article that still exists: prune nothing then.
    let missing = format!("{dir}/no-such.txt");
    let o = warta(&["build", &dir, &missing, "--store", &store, "--prune"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--prune skipped"), "{}", stderr(&o));
    assert!(in_graph(&all_quads(&store), &gone) > 0);
    let log = build(&[&dir], &store, &["--prune"]);
    assert!(log.contains("1 pruned") && log.contains("holds 1 article graphs"), "{log}");
    let quads = all_quads(&store);
    assert_eq!(in_graph(&quads, &gone), 0);
    let merged = ok(&["export", "--merged", "--format", "nquads", "--store", &store]);
    assert!(!merged.contains(gone.rsplit('/').next().unwrap()), "merged graph recomputed without the pruned article");
}

#[test]
fn merged_graph_holds_one_brussels_meeting_with_both_dates() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let nt = ok(&["export", "--merged", "--format", "ntriples", "--store", &store]);
    let t = triples(&nt);
    let brussels: BTreeSet<&str> =
        t.iter().filter(|(_, p, o)| p.as_str() == format!("<{W}heldIn>") && o == BRUSSELS).map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(brussels.len(), 1, "one Brussels meeting: {brussels:?}");
    let m = *brussels.iter().next().unwrap();
    let of = |p: &str| t.iter().filter(|(s, pp, _)| s == m && pp.as_str() == p).map(|(_, _, o)| o.clone()).collect::<BTreeSet<_>>();
    let dates = of(&format!("<{W}date>"));
    assert_eq!(
        dates,
        BTreeSet::from([
            "\"2022-01-12\"^^<http://www.w3.org/2001/XMLSchema#date>".into(),
            "\"2022-01-13\"^^<http://www.w3.org/2001/XMLSchema#date>".into()
        ])
    );
    assert_eq!(of(&format!("<{W}dateConflict>")), BTreeSet::from(["\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>".to_string()]));
    assert_eq!(of(&format!("<{W}participant>")), BTreeSet::from([RUSSIA.to_string(), NATO.to_string()]));
    let sources = of("<http://www.w3.org/ns/prov#wasDerivedFrom>");
    assert_eq!(sources.len(), 2, "{sources:?}");
    // Each source is a meeting node of a different article graph.
    let all = all_quads(&store);
    let graphs: BTreeSet<String> = all
        .iter()
        .filter(|q| sources.contains(&q.subject.to_string()) && q.predicate.as_str() == format!("{W}heldIn"))
        .map(|q| q.graph_name.to_string())
        .collect();
    assert_eq!(graphs.len(), 2, "{graphs:?}");
    // Entities are labelled inside the merged graph, and the Geneva talks of the 10th are one meeting too.
    assert!(nt.contains(&format!("{RUSSIA} <http://www.w3.org/2000/01/rdf-schema#label> \"Russia\"@en")));
    assert_eq!(t.iter().filter(|(_, p, o)| p.as_str() == format!("<{W}heldIn>") && o == GENEVA).count(), 2, "10 and 21 January");
}

#[test]
fn merged_graph_does_not_depend_on_article_order() {
    let Some(seeds) = seeds() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (seeds.join(SEED_000).display().to_string(), seeds.join(SEED_002).display().to_string());
    let (one, two) = (tmp.path().join("one").display().to_string(), tmp.path().join("two").display().to_string());
    build(&[&a, &b], &one, &["-q"]);
    build(&[&b], &two, &["-q"]);
    build(&[&a], &two, &["-q"]);
    let merged = |s: &str| ok(&["export", "--merged", "--format", "nquads", "--store", s]);
    assert_eq!(merged(&one), merged(&two));
    assert!(in_graph(&all_quads(&one), MERGED) > 50);
}

#[test]
fn parameters_are_bound_not_pasted() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let by = |actor: &str| warta(&["query", "demands-by", "--param", &format!("actor={actor}"), "--format", "csv", "--store", &store]);
    let rows = stdout(&by("Russia"));
    assert_eq!(rows.lines().count(), 5, "{rows}");
    assert!(rows.lines().skip(1).all(|l| l.contains(",Russia,NATO,")), "{rows}");
    assert_eq!(stdout(&by("  rUSSIA ")), rows, "any case");
    assert_eq!(stdout(&by("Federasi Rusia")), rows, "alternative names");
    assert_eq!(stdout(&by("wid:entity/Q159")), rows, "IRIs");
    let before = all_quads(&store).len();
    for evil in ["Russia\" } DROP ALL #", "Russia' } DROP ALL #", "<x> } DROP ALL #", "Russia\" . ?x ?y ?z } #"] {
        let o = by(evil);
        assert_eq!(o.status.code(), Some(1), "{evil}");
        let e = stderr(&o);
        assert!(e.contains("no such entity") && e.lines().count() == 1 && !e.contains("SPARQL"), "{evil}: {e}");
        assert!(stdout(&o).is_empty());
    }
    let o = warta(&["query", "sources", "--param", "fact=<x> } DROP ALL #", "--store", &store]);
    assert!(stderr(&o).contains("not an IRI"), "{}", stderr(&o));
    assert_eq!(all_quads(&store).len(), before, "nothing changed");
    let o = warta(&["query", "demands-by", "--store", &store]);
    assert!(stderr(&o).contains("missing parameter \"actor\""), "{}", stderr(&o));
    let o = warta(&["query", "demands-by", "--param", "actor=Russia", "--param", "side=NATO", "--store", &store]);
    assert!(stderr(&o).contains("unknown parameter \"side\""), "{}", stderr(&o));
    let o = warta(&["query", "demands", "--param", "actor=Russia", "--store", &store]);
    assert!(stderr(&o).contains("takes no parameters"), "{}", stderr(&o));
}

/// Every .rq in queries/ gives, over the seed store, the results kept in
/// queries/expected/seeds/: NAME.csv (rows) or NAME.nt (CONSTRUCT), with
/// parameters from NAME.params. Without ORDER BY, order does not count.
#[test]
fn every_library_query_gives_its_expected_results() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let expected = root().join("queries/expected/seeds");
    let mut checked = 0;
    let mut paths: Vec<_> = std::fs::read_dir(root().join("queries")).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for rq in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "rq")) {
        let name = rq.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(rq).unwrap();
        let mut args = vec!["query".to_string(), name.clone(), "--store".into(), store.clone()];
        if let Ok(params) = std::fs::read_to_string(expected.join(format!("{name}.params"))) {
            args.extend(params.lines().filter(|l| !l.trim().is_empty()).flat_map(|l| ["--param".to_string(), l.to_string()]));
        }
        let graph = warta::queries::returns_graph(&text);
        let file = expected.join(format!("{name}.{}", if graph { "nt" } else { "csv" }));
        let want = std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("{name}: no expected results; write {}", file.display()));
        args.extend(if graph { ["--rdf-format", "ntriples"] } else { ["--format", "csv"] }.map(String::from));
        let got = ok(&args.iter().map(String::as_str).collect::<Vec<_>>()).replace("\r\n", "\n");
        let want = want.replace("\r\n", "\n");
        if text.contains("ORDER BY") && !graph {
            assert_eq!(got, want, "query {name}: results differ from {}", file.display());
        } else {
            let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
            let (mut g, mut w) = (lines(&got), lines(&want));
            g.sort();
            w.sort();
            assert_eq!(g, w, "query {name}: results differ from {} (in any order)", file.display());
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} queries checked");
}

#[test]
fn every_export_format_parses_back() {
    let Some((tmp, store)) = seed_store() else {
        return;
    };
    let count = |args: &[&str], format: RdfFormat| {
        let mut a = vec!["export", "--store", &store];
        a.extend(args);
        parse(&ok(&a), format).len()
    };
    let quads = count(&["--format", "nquads"], RdfFormat::NQuads);
    let triples = count(&["--format", "ntriples"], RdfFormat::NTriples);
    assert!(quads > triples && triples > 100, "{quads} quads, {triples} triples");
    let jsonld = RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() };
    for (ext, format, n) in [
        ("nq", RdfFormat::NQuads, quads),
        ("trig", RdfFormat::TriG, quads),
        ("jsonld", jsonld, quads),
        ("ttl", RdfFormat::Turtle, triples),
        ("nt", RdfFormat::NTriples, triples),
        ("rdf", RdfFormat::RdfXml, triples),
    ] {
        let file = tmp.path().join(format!("graph.{ext}"));
        ok(&["export", "--store", &store, "-o", &file.display().to_string()]);
        let got = parse(&std::fs::read_to_string(&file).unwrap(), format).len();
        assert_eq!(got, n, "{ext}: the format guessed from -o parses back whole");
    }
    let all = all_quads(&store);
    let merged = in_graph(&all, MERGED);
    assert_eq!(count(&["--merged", "--format", "jsonld"], jsonld), merged);
    assert_eq!(count(&["--merged", "--format", "rdfxml"], RdfFormat::RdfXml), merged);
    let article = graph_of(&store, SEED_002);
    assert_eq!(count(&["--graph", &article, "--format", "trig"], RdfFormat::TriG), in_graph(&all, &article));
    let o = warta(&["export", "--store", &store, "--graph", "wid:graph/nothing"]);
    assert!(stderr(&o).contains("no such graph"), "{}", stderr(&o));
    let o = warta(&["export", "--store", &store, "-o", &tmp.path().join("graph.xyz").display().to_string()]);
    assert!(stderr(&o).contains("cannot tell the RDF format"), "{}", stderr(&o));
    // CONSTRUCT results in every RDF syntax.
    for (name, format) in [("turtle", RdfFormat::Turtle), ("ntriples", RdfFormat::NTriples), ("rdfxml", RdfFormat::RdfXml)] {
        let out = ok(&["query", "meets-with", "--rdf-format", name, "--store", &store]);
        assert_eq!(parse(&out, format).len(), 7, "{name}: {out}");
    }
}
