//! The derived graph `wid:graph/merged`: one node per meeting and per demand
//! however many articles tell it, each linked to its sources with
//! `prov:wasDerivedFrom`, plus the labels of every entity it mentions.
//! Recomputed from the article graphs at the end of every build; its IRIs and
//! contents depend only on the facts, never on the order articles came in.

mod actions;
mod meetings;

use super::{Row, WartaStore};
use crate::error::Result;
use crate::progress::phase;
use crate::vocab::{owl, rdf, rdfs, skos, wid};
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, Quad, Term};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashSet};

pub use actions::normalise_label;
pub use meetings::{cluster, MergedMeeting, ReportedMeeting};

/// What the merged graph holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub meetings: usize,
    pub demands: usize,
    /// Merged meetings whose sources give different dates.
    pub date_conflicts: usize,
}

pub fn merged_graph() -> NamedNode {
    NamedNode::new_unchecked(wid::MERGED_GRAPH)
}

/// Recomputes the merged graph from the article graphs and swaps it in atomically.
pub fn rebuild(store: &WartaStore) -> Result<MergeSummary> {
    let facts = Facts { store };
    let mut out = Quads::default();
    let meetings = meetings::merge(&facts, &mut out)?;
    phase("merge: meetings");
    let actions = actions::merge(&facts, &mut out)?;
    phase("merge: actions");
    let date_conflicts = meetings.iter().filter(|m| m.dates.len() > 1).count();
    let entities = out.entities.clone();
    copy_entity_labels(&facts, &entities, &mut out)?;
    // Which article graphs (and extractor versions) it was computed from, so an
    // unchanged store need not recompute it (and a crash between the article writes
    // and this one is noticed).
    out.add(&merged_graph(), MERGED_FROM, Literal::new_simple_literal(fingerprint(store)?));
    write(store, out.quads)?;
    phase("merge: written");
    Ok(MergeSummary { meetings: meetings.len(), demands: actions, date_conflicts })
}

/// A merged graph that differs by at most this many quads is updated in one
/// transaction; a larger change removes in one and bulk-loads the rest.
const TRANSACTION_QUADS: usize = 50_000;

/// Makes the merged graph hold `new`, touching only the quads that differ: an
/// unchanged graph (the usual rebuild) is left as it is, a small change is one
/// transaction, a fresh graph goes through the bulk loader (atomic at its
/// commit). A large change removes the stale quads (the `mergedFrom` record
/// with them) before the new ones are loaded, so that a build killed between
/// the two leaves a graph the next build knows to recompute.
fn write(store: &WartaStore, mut new: HashSet<Quad>) -> Result<()> {
    let graph = merged_graph();
    let mut stale = Vec::new();
    for q in store.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
        let q = q.map_err(|e| store.error(e))?;
        if !new.remove(&q) {
            stale.push(q);
        }
    }
    if stale.is_empty() && new.is_empty() {
        return Ok(());
    }
    if stale.len() + new.len() <= TRANSACTION_QUADS {
        let mut tx = store.store.start_transaction().map_err(|e| store.error(e))?;
        stale.iter().for_each(|q| tx.remove(q));
        tx.extend(new.iter());
        return tx.commit().map_err(|e| store.error(e));
    }
    if !stale.is_empty() {
        let mut tx = store.store.start_transaction().map_err(|e| store.error(e))?;
        stale.iter().for_each(|q| tx.remove(q));
        tx.commit().map_err(|e| store.error(e))?;
    }
    store.bulk_insert(new.into_iter().collect())
}

const MERGED_FROM: &str = "https://w3id.org/warta/ontology#mergedFrom";

/// A hash of every article graph's name and extractor version.
fn fingerprint(store: &WartaStore) -> Result<String> {
    let rows = store
        .select(&format!("SELECT ?g ?v WHERE {{ GRAPH ?g {{ ?a warta:extractorVersion ?v }} {} }}", super::article_graph_filter("g")))?;
    let mut parts: Vec<String> = rows.iter().map(|r| format!("{}|{}", term(r, "g"), term(r, "v"))).collect();
    parts.sort();
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    Ok(crate::extract::short_hash(&refs))
}

fn term(r: &Row, k: &str) -> String {
    r.get(k).map(|t| t.to_string()).unwrap_or_default()
}

/// The merged graph's summary when it is up to date with the article graphs, else `None`.
pub fn up_to_date(store: &WartaStore) -> Result<Option<MergeSummary>> {
    let fp = fingerprint(store)?;
    let rows = store.select(&format!("SELECT ?fp WHERE {{ GRAPH <{g}> {{ <{g}> <{MERGED_FROM}> ?fp }} }}", g = wid::MERGED_GRAPH))?;
    let recorded = rows.first().and_then(|r| match r.get("fp") {
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        _ => None,
    });
    if recorded.as_deref() != Some(fp.as_str()) {
        return Ok(None);
    }
    let count = |pattern: &str| -> Result<usize> {
        let rows = store.select(&format!("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH <{}> {{ {pattern} }} }}", wid::MERGED_GRAPH))?;
        Ok(rows
            .first()
            .and_then(|r| match r.get("n") {
                Some(Term::Literal(l)) => l.value().parse().ok(),
                _ => None,
            })
            .unwrap_or(0))
    };
    Ok(Some(MergeSummary {
        meetings: count("?x a warta:Meeting")?,
        demands: count("?x a warta:Action")?,
        date_conflicts: count("?x warta:dateConflict true")?,
    }))
}

/// Reads facts out of the article graphs (never out of the derived ones).
pub struct Facts<'a> {
    store: &'a WartaStore,
}

impl Facts<'_> {
    /// `SELECT {projection} WHERE { GRAPH ?g { {pattern} } }` over the article graphs.
    pub fn select(&self, projection: &str, pattern: &str) -> Result<Vec<Row>> {
        self.store.select(&format!("SELECT {projection} WHERE {{ GRAPH ?g {{ {pattern} }} {} }}", super::article_graph_filter("g")))
    }
}

/// A variable's IRI value.
pub fn iri(row: &Row, var: &str) -> Option<NamedNode> {
    match row.get(var) {
        Some(Term::NamedNode(n)) => Some(n.clone()),
        _ => None,
    }
}

/// A variable's literal value.
pub fn literal(row: &Row, var: &str) -> Option<Literal> {
    match row.get(var) {
        Some(Term::Literal(l)) => Some(l.clone()),
        _ => None,
    }
}

/// Quads of the merged graph being built, and the entities they mention.
#[derive(Default)]
pub struct Quads {
    quads: HashSet<Quad>,
    entities: BTreeSet<NamedNode>,
}

impl Quads {
    pub fn add(&mut self, s: &NamedNode, p: &str, o: impl Into<Term>) {
        self.quads.insert(Quad::new(s.clone(), NamedNode::new_unchecked(p), o.into(), GraphName::NamedNode(merged_graph())));
    }
    /// Adds a statement whose object is an entity, remembered for its labels.
    pub fn entity(&mut self, s: &NamedNode, p: &str, e: &NamedNode) {
        self.entities.insert(e.clone());
        self.add(s, p, e.clone());
    }
    /// An entity that is the subject of a statement.
    pub fn mention(&mut self, e: &NamedNode) {
        self.entities.insert(e.clone());
    }
}

/// A merged node's IRI: `wid:merged/KIND/HASH`, the hash of its identifying parts.
pub fn merged_iri(kind: &str, parts: &[&str]) -> NamedNode {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0x1f]);
    }
    let hex: String = h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    NamedNode::new_unchecked(format!("{}merged/{kind}/{hex}", crate::vocab::WID))
}

/// Copies type, labels, alternative names and Wikidata links of `entities`
/// from the article graphs, so that queries over the merged graph need no other.
fn copy_entity_labels(facts: &Facts, entities: &BTreeSet<NamedNode>, out: &mut Quads) -> Result<()> {
    for p in [rdf::TYPE, rdfs::LABEL, skos::ALT_LABEL, owl::SAME_AS] {
        // DISTINCT works on the store's ids: an entity told by a thousand articles costs little.
        for r in facts.select("DISTINCT ?e ?o", &format!("?e <{p}> ?o"))? {
            if let (Some(e), Some(o)) = (iri(&r, "e").filter(|e| entities.contains(e)), r.get("o")) {
                out.add(&e, p, o.clone());
            }
        }
    }
    Ok(())
}
