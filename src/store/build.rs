//! One incremental build: articles in, each extracted only when its graph is
//! missing or from another extractor version; then prune, merge and record.

use super::articles::{hash_of_graph, BulkWriter};
use super::status::{self, BuildSummary};
use super::{merge, union, WartaStore};
use crate::article::Article;
use crate::error::Result;
use crate::extract::Extraction;
use crate::lang::LanguagePack;
use crate::progress::phase;
use crate::rdf;
use oxigraph::model::{GraphName, NamedNode, Triple};
use std::collections::HashSet;
use std::time::Instant;

/// The merged graph is updated part by part when fewer than one article in
/// this many changed; otherwise recomputed whole.
const PART_BY_PART_BELOW: usize = 5;

/// The default graph follows removals when fewer than one article graph in
/// this many goes (their triples are held in memory meanwhile); otherwise it
/// is recomputed whole.
const UNION_IN_STEP_BELOW: usize = 50;

/// Article graphs removed per transaction.
const GRAPHS_PER_TRANSACTION: usize = 200;

/// What adding one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadOutcome {
    /// A new article: no graph had its content or its source.
    Added,
    /// Its source's earlier version, or its content extracted by another
    /// extractor version, was replaced.
    Replaced,
    /// Its graph is there, written by this extractor version: not extracted.
    Unchanged,
}

/// An article made ready for the store, on any thread: its content hash, and
/// its extraction unless its graph is already there from this extractor version.
pub struct Prepared {
    pub hash: String,
    pub extraction: Option<Box<Extraction>>,
}

impl WartaStore {
    /// Extracts an article whose content hash is `hash`, unless its graph is
    /// current. Safe to call from many threads at once (the store is only read).
    pub fn prepare_hashed(&self, article: &Article, hash: String, pack: &'static LanguagePack) -> Result<Prepared> {
        if self.is_current(&hash)? {
            return Ok(Prepared { hash, extraction: None });
        }
        Ok(Prepared { hash, extraction: Some(Box::new(crate::extract::extract(article, pack))) })
    }
}

/// A build in progress on a store opened for writing.
///
/// New and changed articles' graphs go to oxigraph's bulk loader, which writes
/// them to the store at once when the build finishes; the graphs they replace
/// are removed just before. A build that is killed or fails leaves none of the
/// new graphs, and a rerun (whose input still holds the articles) extracts them again.
pub struct Build<'a> {
    store: &'a WartaStore,
    /// Content hashes of every article of this build's input.
    seen: HashSet<String>,
    /// New article graphs handed to the bulk loader, not yet visible in the store.
    pending: HashSet<String>,
    new_graphs: BulkWriter<'a>,
    /// Graphs that replaced articles' new graphs take the place of: removed when the build finishes.
    replaced: Vec<NamedNode>,
    /// What the article graphs written and removed touch in the merged graph.
    dirty: merge::Dirty,
    /// Were the merged graph and the default graph up to date before this
    /// build's first write? (Asked once, then.)
    merged_was_current: Option<bool>,
    union_was_current: bool,
    /// The article graphs' fingerprint (`merge::fingerprint`) when that was asked.
    first_fingerprint: String,
    summary: BuildSummary,
    clock: Instant,
}

impl<'a> Build<'a> {
    pub fn new(store: &'a WartaStore) -> Self {
        let summary =
            BuildSummary { started: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true), ..Default::default() };
        Build {
            store,
            seen: HashSet::new(),
            pending: HashSet::new(),
            new_graphs: BulkWriter::new(store),
            replaced: Vec::new(),
            dirty: merge::Dirty::default(),
            merged_was_current: None,
            union_was_current: false,
            first_fingerprint: String::new(),
            summary,
            clock: Instant::now(),
        }
    }

    /// Facts of the articles extracted so far.
    pub fn facts(&self) -> usize {
        self.summary.facts
    }

    /// Writes a prepared article (see `WartaStore::prepare_hashed`).
    pub fn apply(&mut self, p: Prepared) -> Result<LoadOutcome> {
        self.seen.insert(p.hash.clone());
        let Some(x) = p.extraction else {
            self.summary.unchanged += 1;
            return Ok(LoadOutcome::Unchanged);
        };
        // The same content twice in one input: the first copy is on its way.
        if self.pending.contains(&x.hash) {
            self.summary.unchanged += 1;
            return Ok(LoadOutcome::Unchanged);
        }
        self.summary.extracted += 1;
        self.summary.facts += x.fact_count();
        let graph = rdf::graph_iri(&x.hash);
        // Earlier versions of this source go, unless this input still holds them (a duplicate file).
        let mut old = self.store.graphs_of_source(&x.source)?;
        old.retain(|g| *g != graph && !hash_of_graph(g).is_some_and(|h| self.seen.contains(h)));
        let quads = rdf::article_quads(&x, GraphName::NamedNode(graph.clone()));
        self.dirty.note(&quads);
        self.before_first_write()?;
        // Copies for the default graph, unless it is to be recomputed whole anyway.
        let copies: Vec<_> = if self.union_was_current { union::copies(&quads).collect() } else { Vec::new() };
        // Its graph from another extractor version goes too.
        if self.store.has_graph(&graph)? {
            old.push(graph);
        }
        let outcome = if old.is_empty() { LoadOutcome::Added } else { LoadOutcome::Replaced };
        match outcome {
            LoadOutcome::Added => self.summary.added += 1,
            _ => self.summary.replaced += 1,
        }
        self.replaced.extend(old);
        self.new_graphs.add(quads)?;
        self.new_graphs.add(copies)?;
        self.pending.insert(x.hash.clone());
        Ok(outcome)
    }

    /// Notes, before the store changes, the article graphs' fingerprint and
    /// whether the merged and default graphs match it: only then can the build
    /// update them part by part. Asked once, at the first article or at the end.
    fn before_first_write(&mut self) -> Result<()> {
        if self.merged_was_current.is_none() {
            self.first_fingerprint = merge::fingerprint(self.store)?;
            self.merged_was_current = Some(merge::is_current(self.store, &self.first_fingerprint)?);
            self.union_was_current = union::is_current(self.store, &self.first_fingerprint)?;
        }
        Ok(())
    }

    /// Counts inputs that could not be read (they keep their graphs: see `finish`).
    pub fn add_failures(&mut self, n: usize) {
        self.summary.failures += n;
    }

    /// Prunes (when asked and every input was read), recomputes the merged
    /// graph, records the build in the meta graph and flushes.
    pub fn finish(mut self, prune: bool) -> Result<BuildSummary> {
        phase("articles extracted");
        self.before_first_write()?;
        let before = self.store.article_graphs()?;
        let mut gone = std::mem::take(&mut self.replaced);
        if prune && self.summary.failures > 0 {
            self.summary.prune_skipped = true;
        } else if prune {
            let replaced: HashSet<&NamedNode> = gone.iter().collect();
            let stale: Vec<_> = before
                .iter()
                .filter(|g| !replaced.contains(g) && !hash_of_graph(g).is_some_and(|h| self.seen.contains(h)))
                .cloned()
                .collect();
            self.summary.removed = stale.len();
            gone.extend(stale);
        }
        gone.sort();
        gone.dedup();
        // A few changes to a merged graph that was up to date: only the parts they
        // touch are recomputed; many changes, or a graph out of date: all of it.
        let few = (self.summary.loaded() + self.summary.removed) * PART_BY_PART_BELOW <= before.len();
        let part_by_part = few && self.merged_was_current == Some(true);
        // The default graph likewise: the removed graphs' triples are looked up
        // once each after the removal (a triple told by several of them, once), or,
        // after many changes, it is recomputed whole.
        let union_in_step = self.union_was_current && gone.len() * UNION_IN_STEP_BELOW <= before.len();
        let mut removed_triples = HashSet::new();
        if part_by_part || union_in_step {
            for chunk in gone.chunks(GRAPHS_PER_TRANSACTION) {
                let quads = self.store.graph_quads(chunk)?;
                if part_by_part {
                    self.dirty.note(&quads);
                }
                if union_in_step {
                    removed_triples.extend(quads.into_iter().map(Triple::from));
                }
            }
        }
        // Old graphs out, then the new ones in at once: a build killed between the
        // two has lost replaced articles, which the next build (whose input still
        // holds them) extracts again; the merged graph's record tells it to recompute.
        for chunk in gone.chunks(GRAPHS_PER_TRANSACTION) {
            self.store.remove_graphs(chunk)?;
        }
        if union_in_step {
            union::remove_orphans(self.store, removed_triples)?;
        }
        phase("old graphs removed");
        std::mem::replace(&mut self.new_graphs, BulkWriter::new(self.store)).commit()?;
        self.pending.clear();
        phase("bulk load committed");
        // Nothing written or removed and the merged graph still matches the article
        // graphs: it is left as it is (a no-op rebuild stays cheap).
        let unchanged = self.summary.loaded() == 0 && self.summary.removed == 0;
        self.summary.articles = if unchanged { before.len() } else { self.store.article_graphs()?.len() };
        // The fingerprint the derived graphs record: read once more only if articles changed.
        let fingerprint = if unchanged { std::mem::take(&mut self.first_fingerprint) } else { merge::fingerprint(self.store)? };
        // (Nothing was written since `merged_was_current` was asked.)
        self.summary.merged = if unchanged && self.merged_was_current == Some(true) {
            merge::summary(self.store)?
        } else if part_by_part && !unchanged {
            merge::update(self.store, &self.dirty, &fingerprint)?
        } else {
            merge::rebuild(self.store, &fingerprint)?
        };
        phase("merged graph");
        // The default graph followed the changes above, or is recomputed whole: after
        // many changes, or when it was stale (a build killed half-way, a store from
        // an older warta).
        if !(unchanged && self.union_was_current) {
            if !union_in_step {
                union::rebuild(self.store)?;
            }
            union::record(self.store, &fingerprint)?;
        }
        self.summary.seconds = self.clock.elapsed().as_secs_f64();
        status::record(self.store, &self.summary)?;
        phase("status recorded");
        // No quad count here: it scans a whole index (seconds at 100,000 articles).
        self.store.flush()?;
        phase("flushed");
        Ok(self.summary)
    }
}
