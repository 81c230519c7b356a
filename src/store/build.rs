//! One incremental build: articles in, each extracted only when its graph is
//! missing or from another extractor version; then prune, merge and record.

use super::articles::hash_of_graph;
use super::{merge, status, WartaStore};
use crate::article::Article;
use crate::error::Result;
use crate::lang::LanguagePack;
use crate::rdf;
use std::collections::HashSet;
use std::time::Instant;

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

/// What a build did, and what the store holds afterwards.
#[derive(Debug, Clone, Default)]
pub struct BuildSummary {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Article graphs removed by `--prune`.
    pub removed: usize,
    /// Articles that ran through the extractor (added + replaced).
    pub extracted: usize,
    pub failures: usize,
    /// `--prune` was asked for but skipped because some inputs failed to read.
    pub prune_skipped: bool,
    pub articles: usize,
    pub quads: usize,
    pub merged: merge::MergeSummary,
    /// When the build started (RFC 3339, UTC) and how long it took.
    pub started: String,
    pub seconds: f64,
}

impl BuildSummary {
    /// Articles written to the store (new or replaced).
    pub fn loaded(&self) -> usize {
        self.added + self.replaced
    }
}

/// A build in progress on a store opened for writing.
pub struct Build<'a> {
    store: &'a WartaStore,
    /// Content hashes of every article of this build's input.
    seen: HashSet<String>,
    summary: BuildSummary,
    clock: Instant,
}

impl<'a> Build<'a> {
    pub fn new(store: &'a WartaStore) -> Self {
        let summary =
            BuildSummary { started: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true), ..Default::default() };
        Build { store, seen: HashSet::new(), summary, clock: Instant::now() }
    }

    /// Loads one article, extracting it only when its graph is missing or stale.
    pub fn add(&mut self, article: &Article, pack: &'static LanguagePack) -> Result<LoadOutcome> {
        let hash = crate::extract::content_hash(article);
        self.seen.insert(hash.clone());
        if self.store.is_current(&hash)? {
            self.summary.unchanged += 1;
            return Ok(LoadOutcome::Unchanged);
        }
        let x = crate::extract::extract(article, pack);
        self.summary.extracted += 1;
        self.seen.insert(x.hash.clone());
        let graph = rdf::graph_iri(&x.hash);
        // Earlier versions of this source go, unless this input still holds them (a duplicate file).
        let mut old = self.store.graphs_of_source(&x.source)?;
        old.retain(|g| *g != graph && !hash_of_graph(g).is_some_and(|h| self.seen.contains(h)));
        let existed = self.store.has_graph(&graph)?;
        self.store.replace(&x, &old)?;
        Ok(if old.is_empty() && !existed {
            self.summary.added += 1;
            LoadOutcome::Added
        } else {
            self.summary.replaced += 1;
            LoadOutcome::Replaced
        })
    }

    /// Counts inputs that could not be read (they keep their graphs: see `finish`).
    pub fn add_failures(&mut self, n: usize) {
        self.summary.failures += n;
    }

    /// Prunes (when asked and every input was read), recomputes the merged
    /// graph, records the build in the meta graph and flushes.
    pub fn finish(mut self, prune: bool) -> Result<BuildSummary> {
        if prune && self.summary.failures > 0 {
            self.summary.prune_skipped = true;
        } else if prune {
            let stale: Vec<_> =
                self.store.article_graphs()?.into_iter().filter(|g| !hash_of_graph(g).is_some_and(|h| self.seen.contains(h))).collect();
            self.store.remove_graphs(&stale)?;
            self.summary.removed = stale.len();
        }
        // Nothing written or removed and the merged graph still matches the article
        // graphs: it is left as it is (a no-op rebuild stays cheap).
        let unchanged = self.summary.loaded() == 0 && self.summary.removed == 0;
        self.summary.merged = match if unchanged { merge::up_to_date(self.store)? } else { None } {
            Some(summary) => summary,
            None => merge::rebuild(self.store)?,
        };
        self.summary.articles = self.store.article_graphs()?.len();
        self.summary.seconds = self.clock.elapsed().as_secs_f64();
        status::record(self.store, &self.summary)?;
        self.summary.quads = self.store.quad_count()?;
        self.store.flush()?;
        Ok(self.summary)
    }
}
