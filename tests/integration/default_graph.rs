//! The store's default graph — what a query without `GRAPH` reads — holds the
//! union of the article graphs, kept in step with every build (articles
//! added, changed, pruned); an article's identity is its file, however the
//! path to it was spelled.

use crate::common::*;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::GraphName;
use std::collections::BTreeSet;
use std::path::Path;

/// The distinct triples of the article graphs, from `export` (article graphs only).
fn union_of_article_graphs(store: &str) -> BTreeSet<String> {
    let nq = ok(&["export", "--format", "nquads", "--store", store]);
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(nq.as_bytes())
        .map(|q| {
            let q = q.expect("valid N-Quads");
            assert!(matches!(q.graph_name, GraphName::NamedNode(_)));
            format!("{} {} {}", q.subject, q.predicate, q.object)
        })
        .collect()
}

/// The triples a query without `GRAPH` sees.
fn default_graph(store: &str, dir: &Path) -> BTreeSet<String> {
    let q = dir.join("all.rq");
    std::fs::write(&q, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").unwrap();
    let nt = ok(&["query", &q.display().to_string(), "--rdf-format", "ntriples", "--store", store]);
    triples(&nt).into_iter().map(|(s, p, o)| format!("{s} {p} {o}")).collect()
}

fn build(args: &[&str]) -> String {
    let o = warta(args);
    assert!(o.status.success(), "warta {args:?}: {}", stderr(&o));
    stderr(&o)
}

/// A folder with copies of the two seed articles.
fn seed_folder(tmp: &Path) -> Option<std::path::PathBuf> {
    let seeds = seeds()?;
    let dir = tmp.join("articles");
    std::fs::create_dir_all(&dir).unwrap();
    for (from, to) in [(SEED_000, "a.txt"), (SEED_002, "b.txt")] {
        std::fs::copy(seeds.join(from), dir.join(to)).unwrap();
    }
    Some(dir)
}

#[test]
fn default_graph_follows_added_changed_and_pruned_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(dir) = seed_folder(tmp.path()) else { return };
    let store = tmp.path().join("store").display().to_string();
    let d = dir.display().to_string();
    build(&["build", &d, "--store", &store, "--quiet"]);
    let first = default_graph(&store, tmp.path());
    assert!(first.len() > 300, "{}", first.len());
    assert_eq!(first, union_of_article_graphs(&store));
    // A changed article: its old graph's own triples leave the default graph, its new ones come in.
    let a = dir.join("a.txt");
    let text = std::fs::read_to_string(&a).unwrap() + "\nRusia juga meminta AS untuk menarik pasukan dari Polandia.\n";
    std::fs::write(&a, text).unwrap();
    build(&["build", &d, "--store", &store, "--quiet"]);
    let changed = default_graph(&store, tmp.path());
    assert_eq!(changed, union_of_article_graphs(&store));
    assert!(changed.iter().any(|t| t.contains("menarik pasukan dari Polandia")));
    let gone: Vec<_> = first.difference(&changed).collect();
    assert!(gone.iter().any(|t| t.contains("contentHash")), "the old version's hash is gone: {gone:?}");
    // Shared triples (an entity's label told by both articles) stay while one article holds them.
    assert!(changed.iter().any(|t| t.contains("entity/Q159> <http://www.w3.org/2000/01/rdf-schema#label> \"Rusia\"@id")));
    // A pruned article: only what the other one also says is left.
    std::fs::remove_file(dir.join("b.txt")).unwrap();
    build(&["build", &d, "--store", &store, "--quiet", "--prune"]);
    let pruned = default_graph(&store, tmp.path());
    assert_eq!(pruned, union_of_article_graphs(&store));
    assert!(pruned.len() < changed.len());
    // A no-op build leaves it as it is.
    build(&["build", &d, "--store", &store, "--quiet"]);
    assert_eq!(default_graph(&store, tmp.path()), pruned);
}

#[test]
fn the_same_folder_by_another_path_replaces_never_adds() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(dir) = seed_folder(tmp.path()) else { return };
    let store = tmp.path().join("store").display().to_string();
    build(&["build", &dir.display().to_string(), "--store", &store, "--quiet"]);
    let append = |line: &str| {
        let a = dir.join("a.txt");
        let text = std::fs::read_to_string(&a).unwrap() + line;
        std::fs::write(&a, text).unwrap();
    };
    // By a relative path, from the folder above.
    append("\nRusia juga meminta AS untuk menarik pasukan dari Polandia.\n");
    let o = warta_in(tmp.path(), &["build", "articles", "--store", &store]);
    assert!(o.status.success(), "{}", stderr(&o));
    let log = stderr(&o);
    assert!(log.contains("0 new, 1 replaced") && log.contains("holds 2 article graphs"), "{log}");
    // Through a symlink, with `./` and `..` in the path.
    let link = tmp.path().join("link");
    std::os::unix::fs::symlink(&dir, &link).unwrap();
    append("\nNATO menolak tuntutan Rusia.\n");
    let spelled = format!("{}/./../link", link.display());
    let log = build(&["build", &spelled, "--store", &store]);
    assert!(log.contains("0 new, 1 replaced") && log.contains("holds 2 article graphs"), "{log}");
    let status = ok(&["status", "--store", &store]);
    assert!(status.contains("articles:     2\n"), "{status}");
}

#[test]
fn a_store_without_its_default_graph_is_refused_until_rebuilt() {
    let Some((_tmp, store)) = seed_store() else { return };
    let before = ok(&["query", "demands", "--format", "csv", "--store", &store]);
    assert!(before.lines().count() > 3, "{before}");
    {
        // What a store built by an older warta looks like: no default graph, no record.
        let s = oxigraph::store::Store::open(&store).unwrap();
        let update = "DELETE WHERE { ?s ?p ?o } ; DELETE WHERE { GRAPH <https://w3id.org/warta/id/graph/meta> { ?m <https://w3id.org/warta/ontology#defaultGraphFrom> ?f } }";
        oxigraph::sparql::SparqlEvaluator::new().parse_update(update).unwrap().on_store(&s).execute().unwrap();
    }
    let o = warta(&["query", "demands", "--store", &store]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("default graph") && stderr(&o).contains("warta build"), "{}", stderr(&o));
    let o = warta(&["serve", "--store", &store, "--bind", "127.0.0.1:0"]);
    assert_eq!(o.status.code(), Some(1), "serve must refuse it too");
    // Building again (nothing to extract) restores it.
    build(&["build", &seeds().unwrap().display().to_string(), "--store", &store, "--quiet"]);
    assert_eq!(ok(&["query", "demands", "--format", "csv", "--store", &store]), before);
}
