//! One incremental build: articles in, each extracted only when its graph is
//! missing or from another extractor version; then prune, merge and record.

use super::articles::hash_of_graph;
use super::{merge, status, WartaStore};
use crate::article::Article;
use crate::error::Result;
use crate::extract::Extraction;
use crate::lang::LanguagePack;
use crate::rdf;
use oxigraph::model::{GraphName, Quad};
use oxigraph::store::BulkLoader;
use std::collections::HashSet;
use std::time::Instant;

/// New article graphs go to oxigraph's bulk loader in batches of this many
/// quads (a few hundred MB at most), committed together at the end.
const BULK_BATCH_QUADS: usize = 200_000;

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
    /// Facts (demands, rejections, meetings, region statuses, roles) of the extracted articles.
    pub facts: usize,
    /// Sentences of the extracted articles.
    pub sentences: usize,
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

/// An article made ready for the store, on any thread: its content hash, and
/// its extraction unless its graph is already there from this extractor version.
pub struct Prepared {
    pub hash: String,
    pub extraction: Option<Box<Extraction>>,
}

impl WartaStore {
    /// Hashes an article and extracts it unless its graph is current. Safe to
    /// call from many threads at once (the store is only read).
    pub fn prepare(&self, article: &Article, pack: &'static LanguagePack) -> Result<Prepared> {
        let hash = crate::extract::content_hash(article);
        self.prepare_hashed(article, hash, pack)
    }

    /// As `prepare`, for an article whose content hash is known.
    pub fn prepare_hashed(&self, article: &Article, hash: String, pack: &'static LanguagePack) -> Result<Prepared> {
        if self.is_current(&hash)? {
            return Ok(Prepared { hash, extraction: None });
        }
        Ok(Prepared { hash, extraction: Some(Box::new(crate::extract::extract(article, pack))) })
    }
}

/// A build in progress on a store opened for writing.
///
/// Replaced articles are swapped in one transaction each (old graphs out, new
/// graph in). New articles' graphs go to oxigraph's bulk loader, which writes
/// them to the store atomically when the build finishes: a build that is
/// killed or fails leaves none of them, and a rerun extracts them again.
pub struct Build<'a> {
    store: &'a WartaStore,
    /// Content hashes of every article of this build's input.
    seen: HashSet<String>,
    /// New article graphs handed to the bulk loader, not yet visible in the store.
    pending: HashSet<String>,
    loader: Option<BulkLoader<'a>>,
    buffer: Vec<Quad>,
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
            loader: None,
            buffer: Vec::new(),
            summary,
            clock: Instant::now(),
        }
    }

    /// Loads one article, extracting it only when its graph is missing or stale.
    pub fn add(&mut self, article: &Article, pack: &'static LanguagePack) -> Result<LoadOutcome> {
        let prepared = self.store.prepare(article, pack)?;
        self.apply(prepared)
    }

    /// Counts an input article known to be in the store already (its file unchanged).
    pub fn add_unchanged(&mut self, hash: String) {
        self.seen.insert(hash);
        self.summary.unchanged += 1;
    }

    /// Writes a prepared article (see `WartaStore::prepare`).
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
        self.summary.sentences += x.sentences.len();
        self.seen.insert(x.hash.clone());
        let graph = rdf::graph_iri(&x.hash);
        // Earlier versions of this source go, unless this input still holds them (a duplicate file).
        let mut old = self.store.graphs_of_source(&x.source)?;
        old.retain(|g| *g != graph && !hash_of_graph(g).is_some_and(|h| self.seen.contains(h)));
        if old.is_empty() && !self.store.has_graph(&graph)? {
            self.buffer.extend(rdf::article_quads(&x, GraphName::NamedNode(graph)));
            self.pending.insert(x.hash.clone());
            if self.buffer.len() >= BULK_BATCH_QUADS {
                self.load_buffer()?;
            }
            self.summary.added += 1;
            return Ok(LoadOutcome::Added);
        }
        self.store.replace(&x, &old)?;
        self.summary.replaced += 1;
        Ok(LoadOutcome::Replaced)
    }

    /// Hands the buffered quads to the bulk loader (sorted and written to files
    /// beside the store; visible only once the build finishes).
    fn load_buffer(&mut self) -> Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let store = self.store;
        let loader = self.loader.get_or_insert_with(|| {
            store.store.bulk_loader().with_num_threads(2).with_max_memory_size_in_megabytes(BULK_BATCH_QUADS * 2 / 1000)
        });
        let quads = std::mem::take(&mut self.buffer);
        loader.load_quads(quads).map_err(|e| store.error(e))
    }

    /// Writes every new article graph of this build to the store, at once.
    fn commit_new(&mut self) -> Result<()> {
        self.load_buffer()?;
        if let Some(loader) = self.loader.take() {
            loader.commit().map_err(|e| self.store.error(e))?;
        }
        self.pending.clear();
        Ok(())
    }

    /// Counts inputs that could not be read (they keep their graphs: see `finish`).
    pub fn add_failures(&mut self, n: usize) {
        self.summary.failures += n;
    }

    /// Prunes (when asked and every input was read), recomputes the merged
    /// graph, records the build in the meta graph and flushes.
    pub fn finish(mut self, prune: bool) -> Result<BuildSummary> {
        self.commit_new()?;
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
