//! The derived graph `wid:graph/merged`: one node per meeting and per demand
//! however many articles tell it, each linked to its sources with
//! `prov:wasDerivedFrom`, plus the labels of every entity it mentions.
//! Recomputed from the article graphs at the end of every build; its IRIs and
//! contents depend only on the facts, never on the order articles came in.

mod actions;
mod meetings;

use super::articles::BulkWriter;
use super::{Row, WartaStore};
use crate::error::Result;
use crate::progress::phase;
use crate::vocab::{owl, rdf, rdfs, skos, warta, wid};
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

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
    wid::MERGED_GRAPH.into_owned()
}

/// Which parts of the merged graph a build's changes can touch. Meetings merge
/// city by city, demands pair by pair (demander, addressee), and entity labels
/// entity by entity, so only those parts need recomputing.
#[derive(Debug, Default, Clone)]
pub struct Dirty {
    pub cities: BTreeSet<NamedNode>,
    pub pairs: BTreeSet<actions::Pair>,
    /// People whose sides may have changed: every meeting they attended is touched.
    pub people: BTreeSet<NamedNode>,
    /// Entities whose labels may have changed, with the label statements of the changed graphs.
    pub entities: BTreeMap<NamedNode, HashSet<(NamedNode, Term)>>,
}

impl Dirty {
    /// Notes what one article graph's quads (written or removed) touch.
    pub fn note<'a>(&mut self, quads: impl IntoIterator<Item = &'a Quad>) {
        let mut demander: HashMap<&str, &NamedNode> = HashMap::new();
        let mut addressee: HashMap<&str, &NamedNode> = HashMap::new();
        for q in quads {
            let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&q.subject, &q.object) else {
                if let (NamedOrBlankNode::NamedNode(s), rdfs::LABEL | skos::ALT_LABEL) = (&q.subject, q.predicate.as_ref()) {
                    if crate::rdf::is_entity_iri(s.as_str()) {
                        self.entities.entry(s.clone()).or_default().insert((q.predicate.clone(), q.object.clone()));
                    }
                }
                continue;
            };
            match q.predicate.as_ref() {
                warta::HELD_IN => {
                    self.cities.insert(o.clone());
                }
                warta::REPRESENTS => {
                    self.people.insert(s.clone());
                }
                warta::DEMANDS => {
                    demander.insert(o.as_str(), s);
                }
                warta::ADDRESSEE => {
                    addressee.insert(s.as_str(), o);
                }
                rdf::TYPE | owl::SAME_AS if crate::rdf::is_entity_iri(s.as_str()) => {
                    self.entities.entry(s.clone()).or_default().insert((q.predicate.clone(), q.object.clone()));
                }
                _ => {}
            }
        }
        for (action, d) in demander {
            if let Some(o) = addressee.get(action) {
                self.pairs.insert(((*d).clone(), (*o).clone()));
            }
        }
    }
}

/// Recomputes the whole merged graph from the article graphs, part by part,
/// through the bulk loader (its memory bounded by the largest part).
/// `fingerprint` is the article graphs' (see `fingerprint`), recorded with it.
pub fn rebuild(store: &WartaStore, fingerprint: &str) -> Result<MergeSummary> {
    let facts = Facts { store };
    clear(store)?;
    phase("merge: old graph cleared");
    let sides = meetings::read_sides(&facts)?;
    let mut sink = BulkWriter::new(store);
    let mut summary = MergeSummary::default();
    let mut entities = BTreeSet::new();
    for city in meetings::all_cities(&facts)? {
        let mut out = Quads::default();
        let merged = meetings::merge(&facts, &sides, &city, &mut out)?;
        summary.meetings += merged.len();
        summary.date_conflicts += merged.iter().filter(|m| m.dates.len() > 1).count();
        entities.append(&mut out.entities);
        sink.add(out.quads)?;
    }
    phase("merge: meetings");
    let demanders: BTreeSet<NamedNode> = actions::all_demanders(&facts)?.into_iter().collect();
    for d in &demanders {
        let mut out = Quads::default();
        summary.demands += actions::merge(&facts, d, None, &mut out)?;
        entities.append(&mut out.entities);
        sink.add(out.quads)?;
    }
    phase("merge: actions");
    for e in &entities {
        sink.add(labels(&facts, e)?)?;
    }
    sink.add([fingerprint_quad(fingerprint)])?;
    sink.commit()?;
    phase("merge: written");
    Ok(summary)
}

/// Brings the merged graph up to date after changes to the article graphs
/// that `dirty` describes, when it was up to date before them: only the
/// touched cities, pairs and entities are recomputed, and the difference is
/// written in one transaction.
pub fn update(store: &WartaStore, dirty: &Dirty, fingerprint: &str) -> Result<MergeSummary> {
    let facts = Facts { store };
    let sides = meetings::read_sides(&facts)?;
    let mut diff = Diff::default();
    let mut entities: BTreeSet<NamedNode> = dirty.entities.keys().cloned().collect();
    let mut cities = dirty.cities.clone();
    cities.append(&mut meetings::cities_of(&facts, &dirty.people)?);
    let graph = merged_graph();
    let g = Some(GraphNameRef::NamedNode(graph.as_ref()));
    for city in &cities {
        let mut out = Quads::default();
        meetings::merge(&facts, &sides, city, &mut out)?;
        let mut old = Vec::new();
        for q in store.store.quads_for_pattern(None, Some(warta::HELD_IN), Some(city.as_ref().into()), g) {
            old.extend(node_quads(store, &q.map_err(|e| store.error(e))?.subject)?);
        }
        diff.add(old, out, &mut entities);
    }
    phase("merge: meetings recomputed");
    let mut by_demander: BTreeMap<&NamedNode, BTreeSet<NamedNode>> = BTreeMap::new();
    for (d, o) in &dirty.pairs {
        by_demander.entry(d).or_default().insert(o.clone());
    }
    for (d, addressees) in by_demander {
        let mut out = Quads::default();
        actions::merge(&facts, d, Some(&addressees), &mut out)?;
        let mut old = Vec::new();
        for q in store.store.quads_for_pattern(None, Some(warta::AGENT), Some(d.as_ref().into()), g) {
            let node = q.map_err(|e| store.error(e))?.subject;
            let to = store.store.quads_for_pattern(Some(node.as_ref()), Some(warta::ADDRESSEE), None, g).next();
            if let Some(Quad { object: Term::NamedNode(o), .. }) = to.transpose().map_err(|e| store.error(e))? {
                if addressees.contains(&o) {
                    old.extend(node_quads(store, &node)?);
                }
            }
        }
        diff.add(old, out, &mut entities);
    }
    phase("merge: parts recomputed");
    // Labels: an entity's labels change when it comes to be mentioned (all of
    // them are copied), stops being mentioned (all go), or a changed article
    // graph holds some (each of those, and of the ones it had, is kept while
    // some article graph still says it).
    let mut wanted: Vec<&NamedNode> = Vec::new();
    for e in &entities {
        let before = mentions_in_store(store, e, &HashSet::new())?;
        let after = diff.mentioned.contains(e) || mentions_in_store(store, e, &diff.stale)?;
        let changed = dirty.entities.get(e);
        if before && after && changed.is_none() {
            continue;
        }
        let mut current: HashSet<Quad> = HashSet::new();
        for p in LABEL_PREDICATES {
            for q in store.store.quads_for_pattern(Some(e.as_ref().into()), Some(p), None, g) {
                current.insert(q.map_err(|e| store.error(e))?);
            }
        }
        if !after {
            diff.stale.extend(current);
        } else if !before {
            diff.stale.extend(current);
            wanted.push(e);
        } else {
            let mut candidates: HashSet<(NamedNode, Term)> = current.iter().map(|q| (q.predicate.clone(), q.object.clone())).collect();
            candidates.extend(changed.into_iter().flatten().cloned());
            for (p, o) in candidates {
                let q = Quad::new(e.clone(), p, o, GraphName::NamedNode(graph.clone()));
                let said = store.in_article_graph(q.subject.as_ref(), q.predicate.as_ref(), q.object.as_ref())?;
                if said && !current.contains(&q) {
                    diff.fresh.insert(q);
                } else if !said && current.contains(&q) {
                    diff.stale.insert(q);
                }
            }
        }
    }
    for e in wanted {
        diff.fresh.extend(labels(&facts, e)?);
    }
    phase("merge: labels");
    for q in store.store.quads_for_pattern(
        Some(graph.as_ref().into()),
        Some(warta::MERGED_FROM),
        None,
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    ) {
        diff.stale.insert(q.map_err(|e| store.error(e))?);
    }
    diff.fresh.insert(fingerprint_quad(fingerprint));
    let both: Vec<Quad> = diff.stale.intersection(&diff.fresh).cloned().collect();
    for q in &both {
        diff.stale.remove(q);
        diff.fresh.remove(q);
    }
    let mut tx = store.store.start_transaction().map_err(|e| store.error(e))?;
    diff.stale.iter().for_each(|q| tx.remove(q));
    tx.extend(diff.fresh.iter());
    tx.commit().map_err(|e| store.error(e))?;
    phase("merge: written");
    summary(store)
}

/// Quads removed per transaction when the merged graph is cleared.
const CLEAR_QUADS: usize = 50_000;

const LABEL_PREDICATES: [NamedNodeRef<'_>; 4] = [rdf::TYPE, rdfs::LABEL, skos::ALT_LABEL, owl::SAME_AS];
/// Predicates whose object is an entity the merged graph mentions.
const MENTIONS_AS_OBJECT: [NamedNodeRef<'_>; 5] = [warta::HELD_IN, warta::PARTICIPANT, warta::AGENT, warta::ADDRESSEE, warta::STATED_BY];
/// Predicates whose subject is an entity the merged graph mentions.
const MENTIONS_AS_SUBJECT: [NamedNodeRef<'_>; 2] = [warta::DEMANDS, warta::REJECTS];

/// Quads to remove from and add to the merged graph.
#[derive(Default)]
struct Diff {
    stale: HashSet<Quad>,
    fresh: HashSet<Quad>,
    /// Entities the recomputed parts mention.
    mentioned: BTreeSet<NamedNode>,
}

impl Diff {
    /// One part: its quads in the store (`old`) and recomputed (`new`).
    fn add(&mut self, old: Vec<Quad>, new: Quads, entities: &mut BTreeSet<NamedNode>) {
        for q in &old {
            entities.extend(mentioned_by(q));
        }
        let old: HashSet<Quad> = old.into_iter().collect();
        self.fresh.extend(new.quads.iter().filter(|q| !old.contains(*q)).cloned());
        self.stale.extend(old.into_iter().filter(|q| !new.quads.contains(q)));
        entities.extend(new.entities.iter().cloned());
        self.mentioned.extend(new.entities);
    }
}

/// The entity a merged-graph quad mentions, if any.
fn mentioned_by(q: &Quad) -> Option<NamedNode> {
    let p = q.predicate.as_ref();
    match (&q.subject, &q.object) {
        (_, Term::NamedNode(o)) if MENTIONS_AS_OBJECT.contains(&p) => Some(o.clone()),
        (NamedOrBlankNode::NamedNode(s), _) if MENTIONS_AS_SUBJECT.contains(&p) => Some(s.clone()),
        _ => None,
    }
}

/// Does a quad of the merged graph, other than `stale` ones, mention `e`?
fn mentions_in_store(store: &WartaStore, e: &NamedNode, stale: &HashSet<Quad>) -> Result<bool> {
    let graph = merged_graph();
    let g = Some(GraphNameRef::NamedNode(graph.as_ref()));
    for p in MENTIONS_AS_OBJECT {
        for q in store.store.quads_for_pattern(None, Some(p), Some(e.as_ref().into()), g) {
            if !stale.contains(&q.map_err(|e| store.error(e))?) {
                return Ok(true);
            }
        }
    }
    for p in MENTIONS_AS_SUBJECT {
        for q in store.store.quads_for_pattern(Some(e.as_ref().into()), Some(p), None, g) {
            if !stale.contains(&q.map_err(|e| store.error(e))?) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Empties the merged graph, its `mergedFrom` record first (so that a build
/// killed meanwhile leaves a graph the next one knows to recompute), then the
/// rest in transactions of bounded size.
fn clear(store: &WartaStore) -> Result<()> {
    let graph = merged_graph();
    let g = Some(GraphNameRef::NamedNode(graph.as_ref()));
    let record: Vec<Quad> = store
        .store
        .quads_for_pattern(None, Some(warta::MERGED_FROM), None, g)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| store.error(e))?;
    store.remove_quads(&record)?;
    store.clear_graph(GraphNameRef::NamedNode(graph.as_ref()), CLEAR_QUADS)
}

/// Type, labels, alternative names and Wikidata links of entity `e`, copied
/// from the article graphs so that queries over the merged graph need no other.
fn labels(facts: &Facts, e: &NamedNode) -> Result<HashSet<Quad>> {
    let mut out = Quads::default();
    let preds: Vec<String> = LABEL_PREDICATES.iter().map(ToString::to_string).collect();
    // DISTINCT works on the store's ids: an entity told by a thousand articles costs little.
    for r in facts.select("DISTINCT ?p ?o", &format!("{e} ?p ?o FILTER(?p IN ({}))", preds.join(", ")))? {
        if let (Some(p), Some(o)) = (iri(&r, "p"), r.get("o")) {
            out.add(e, p.as_ref(), o.clone());
        }
    }
    Ok(out.quads)
}

/// Every quad of the merged graph with `node` as subject or object.
fn node_quads(store: &WartaStore, node: &NamedOrBlankNode) -> Result<Vec<Quad>> {
    let graph = merged_graph();
    let g = Some(GraphNameRef::NamedNode(graph.as_ref()));
    let as_term: Term = node.clone().into();
    store
        .store
        .quads_for_pattern(Some(node.as_ref()), None, None, g)
        .chain(store.store.quads_for_pattern(None, None, Some(as_term.as_ref()), g))
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| store.error(e))
}

/// Which article graphs (and extractor versions) the merged graph was computed
/// from, so that an unchanged store need not recompute it, and a crash between
/// the article writes and the merge is noticed.
fn fingerprint_quad(fingerprint: &str) -> Quad {
    let graph = merged_graph();
    Quad::new(graph.clone(), warta::MERGED_FROM, Literal::new_simple_literal(fingerprint), GraphName::NamedNode(graph))
}

/// A hash of every article graph's name and extractor version.
pub fn fingerprint(store: &WartaStore) -> Result<String> {
    let mut parts = Vec::new();
    for q in store.store.quads_for_pattern(None, Some(warta::EXTRACTOR_VERSION), None, None) {
        let q = q.map_err(|e| store.error(e))?;
        if let GraphName::NamedNode(g) = &q.graph_name {
            if !super::is_derived_graph(g.as_str()) {
                parts.push(format!("{g}|{}", q.object));
            }
        }
    }
    parts.sort();
    parts.dedup();
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    Ok(crate::extract::short_hash(&refs))
}

/// The fingerprint the merged graph records.
fn recorded_fingerprint(store: &WartaStore) -> Result<Option<String>> {
    let graph = merged_graph();
    let g = Some(GraphNameRef::NamedNode(graph.as_ref()));
    let first = store.store.quads_for_pattern(Some(graph.as_ref().into()), Some(warta::MERGED_FROM), None, g).next();
    Ok(match first.transpose().map_err(|e| store.error(e))? {
        Some(Quad { object: Term::Literal(l), .. }) => Some(l.value().to_string()),
        _ => None,
    })
}

/// Is the merged graph computed from exactly the article graphs whose
/// fingerprint (see `fingerprint`) is given?
pub fn is_current(store: &WartaStore, fingerprint: &str) -> Result<bool> {
    Ok(recorded_fingerprint(store)?.as_deref() == Some(fingerprint))
}

/// What the merged graph holds, counted.
pub fn summary(store: &WartaStore) -> Result<MergeSummary> {
    let count = |pattern: &str| -> Result<usize> {
        let rows = store.select(&format!("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH {} {{ {pattern} }} }}", wid::MERGED_GRAPH))?;
        Ok(rows
            .first()
            .and_then(|r| match r.get("n") {
                Some(Term::Literal(l)) => l.value().parse().ok(),
                _ => None,
            })
            .unwrap_or(0))
    };
    Ok(MergeSummary {
        meetings: count("?x a warta:Meeting")?,
        demands: count("?x a warta:Action")?,
        date_conflicts: count("?x warta:dateConflict true")?,
    })
}

/// Reads facts out of the article graphs (never out of the derived ones).
pub struct Facts<'a> {
    pub(crate) store: &'a WartaStore,
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

/// Quads of the merged graph being built, and the entities they mention.
#[derive(Default)]
pub struct Quads {
    quads: HashSet<Quad>,
    entities: BTreeSet<NamedNode>,
}

impl Quads {
    pub fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.insert(Quad::new(s.clone(), p, o.into(), GraphName::NamedNode(merged_graph())));
    }
    /// Adds a statement whose object is an entity, remembered for its labels.
    pub fn entity(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, e: &NamedNode) {
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
    crate::rdf::wid_iri(&format!("merged/{kind}/{hex}"))
}
