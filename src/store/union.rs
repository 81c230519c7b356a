//! The store's default graph: the union of the article graphs, stored as a
//! graph of its own so that a query without `GRAPH` reads one index instead of
//! one per article (a dataset naming 100,000 graphs made every query pay for
//! listing them, and every triple pattern look in each).
//!
//! It is kept in step with the article graphs: a new article's triples are
//! copied in with its graph (same bulk load), a removed article's triples
//! leave it unless another article graph still holds them. A record in the
//! meta graph says which article graphs it was computed from (the merged
//! graph's fingerprint); a store whose record is missing or stale (a build
//! killed half-way, a store from an older warta) gets it recomputed whole.

use super::articles::BulkWriter;
use super::WartaStore;
use crate::error::{Result, WartaError};
use crate::progress::phase;
use crate::vocab::{warta, wid};
use oxigraph::model::{GraphName, GraphNameRef, Literal, Quad, Term, Triple};
use std::collections::HashSet;

/// Quads removed from the default graph per transaction.
const REMOVE_PER_TRANSACTION: usize = 50_000;

/// The default-graph copies of an article graph's quads.
pub fn copies(quads: &[Quad]) -> impl Iterator<Item = Quad> + '_ {
    quads.iter().map(|q| Quad::new(q.subject.clone(), q.predicate.clone(), q.object.clone(), GraphName::DefaultGraph))
}

/// Adds article graphs' quads, and their copies in the default graph, in one transaction.
pub fn insert_articles(store: &WartaStore, quads: &[Quad]) -> Result<()> {
    let mut tx = store.store.start_transaction().map_err(|e| store.error(e))?;
    tx.extend(quads.iter());
    tx.extend(copies(quads).collect::<Vec<_>>().iter());
    tx.commit().map_err(|e| store.error(e))
}

/// Removes from the default graph those of `triples` that no article graph
/// holds any more (call after their graphs were removed).
pub fn remove_orphans(store: &WartaStore, triples: HashSet<Triple>) -> Result<usize> {
    let mut orphans = Vec::new();
    for t in triples {
        if !store.in_article_graph(t.subject.as_ref(), t.predicate.as_ref(), t.object.as_ref())? {
            orphans.push(t.in_graph(GraphName::DefaultGraph));
        }
    }
    orphans.sort_by_cached_key(ToString::to_string);
    for chunk in orphans.chunks(REMOVE_PER_TRANSACTION) {
        store.remove_quads(chunk)?;
    }
    Ok(orphans.len())
}

/// Recomputes the default graph from the article graphs: emptied, then every
/// article graph copied through the bulk loader.
pub fn rebuild(store: &WartaStore) -> Result<()> {
    clear(store)?;
    let mut sink = BulkWriter::new(store);
    for g in store.article_graphs()? {
        let quads = store.graph_quads(std::slice::from_ref(&g))?;
        sink.add(copies(&quads).collect::<Vec<_>>())?;
    }
    sink.commit()?;
    phase("default graph recomputed");
    Ok(())
}

fn clear(store: &WartaStore) -> Result<()> {
    forget(store)?;
    store.clear_graph(GraphNameRef::DefaultGraph, REMOVE_PER_TRANSACTION)
}

fn record_pattern(store: &WartaStore) -> impl Iterator<Item = std::result::Result<Quad, oxigraph::store::StorageError>> + '_ {
    store.store.quads_for_pattern(
        Some(wid::META_GRAPH.into()),
        Some(warta::DEFAULT_GRAPH_FROM),
        None,
        Some(GraphNameRef::NamedNode(wid::META_GRAPH)),
    )
}

/// The fingerprint of the article graphs the default graph was computed from.
fn recorded(store: &WartaStore) -> Result<Option<String>> {
    match record_pattern(store).next().transpose().map_err(|e| store.error(e))? {
        Some(Quad { object: Term::Literal(l), .. }) => Ok(Some(l.value().to_string())),
        _ => Ok(None),
    }
}

/// Drops the record (the default graph is about to change in ways it does not say).
fn forget(store: &WartaStore) -> Result<()> {
    let old: Vec<Quad> = record_pattern(store).collect::<std::result::Result<_, _>>().map_err(|e| store.error(e))?;
    store.remove_quads(&old)
}

/// Records that the default graph now is the union of the article graphs
/// whose fingerprint is `fingerprint`.
pub fn record(store: &WartaStore, fingerprint: &str) -> Result<()> {
    forget(store)?;
    let meta = wid::META_GRAPH.into_owned();
    let q = Quad::new(meta.clone(), warta::DEFAULT_GRAPH_FROM, Literal::new_simple_literal(fingerprint), GraphName::NamedNode(meta));
    store.insert(&[q])
}

/// Is the default graph the union of exactly the article graphs with this
/// fingerprint? (A new store, empty, is: the union of no graphs.)
pub fn is_current(store: &WartaStore, fingerprint: &str) -> Result<bool> {
    match recorded(store)? {
        Some(r) => Ok(r == fingerprint),
        None => {
            let empty_default = store.store.quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph)).next().is_none();
            Ok(empty_default && store.article_graphs_sample(1)?.is_empty())
        }
    }
}

/// For readers: fails with what to do when the store has no default graph
/// record (built by a warta from before it kept one, or whose build was
/// killed before it finished), since queries would then see no articles.
pub fn check(store: &WartaStore) -> Result<()> {
    if recorded(store)?.is_some() {
        return Ok(());
    }
    let has_articles = !store.article_graphs_sample(1)?.is_empty();
    if !has_articles {
        return Ok(());
    }
    Err(WartaError::Store {
        path: store.path.clone(),
        message: "its default graph (the union of the article graphs that queries read) is missing or out of date: the store \
                  comes from an older warta, or its last build was stopped; run `warta build` on it again (unchanged \
                  articles are not extracted again)"
            .into(),
    })
}
