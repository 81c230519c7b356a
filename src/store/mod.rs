//! The on-disk oxigraph store: one named graph per article plus the derived
//! merged and meta graphs, guarded by a lock file so that one writer and no
//! concurrent reader ever meet.

mod articles;
pub mod build;
pub mod ingest;
pub mod merge;
pub mod status;
pub mod union;

use crate::error::{Result, WartaError};
use crate::vocab::wid;
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::{StorageError, Store};
use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

pub use build::{Build, LoadOutcome};
pub use status::{BuildSummary, Status};

pub const DEFAULT_STORE: &str = "out/store";
const LOCK_FILE: &str = "warta.lock";

/// An open store and the lock that keeps other warta processes out.
pub struct WartaStore {
    pub store: Store,
    pub path: PathBuf,
    _lock: File,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Write,
    Read,
}

impl WartaStore {
    /// Opens (creating for `Write`) the store at `path`.
    pub fn open(path: &Path, access: Access) -> Result<Self> {
        let err = |message: String| WartaError::Store { path: path.to_path_buf(), message };
        if access == Access::Read && !path.join("CURRENT").exists() {
            return Err(err("no store here; build one first with `warta build ARTICLES... --store DIR`".into()));
        }
        std::fs::create_dir_all(path).map_err(|e| err(format!("cannot create the folder: {e}")))?;
        let lock = lock(path, access)?;
        #[cfg(feature = "store")]
        if access == Access::Write && !path.join("CURRENT").exists() {
            create(path).map_err(|e| err(format!("cannot create the store: {e}")))?;
        }
        #[cfg(feature = "store")]
        let opened = match access {
            Access::Write => Store::open(path),
            Access::Read => Store::open_read_only(path),
        };
        #[cfg(not(feature = "store"))]
        let opened: std::result::Result<Store, StorageError> =
            Err(StorageError::Other("this warta was built without the `store` feature (RocksDB)".into()));
        let store = opened.map_err(|e| {
            let m = e.to_string();
            if m.contains("lock") || m.contains("Resource temporarily unavailable") {
                err("is opened by another program (an oxigraph server?); stop it and try again".into())
            } else {
                err(format!("cannot open: {m}"))
            }
        })?;
        Ok(WartaStore { store, path: path.to_path_buf(), _lock: lock })
    }

    pub(crate) fn error(&self, e: impl std::fmt::Display) -> WartaError {
        WartaError::Store { path: self.path.clone(), message: e.to_string() }
    }

    pub fn quad_count(&self) -> Result<usize> {
        self.store.len().map_err(|e| self.error(e))
    }

    /// Every named graph, sorted: the article graphs and the derived ones.
    pub fn graphs(&self) -> Result<Vec<NamedNode>> {
        named_graphs(&self.store, |_| true).map_err(|e| self.error(e))
    }

    /// The named graphs that hold one article each (not the merged or meta graph), sorted.
    pub fn article_graphs(&self) -> Result<Vec<NamedNode>> {
        article_graphs(&self.store).map_err(|e| self.error(e))
    }

    /// Up to `n` article graphs, in the store's order (cheap: stops after `n`).
    pub fn article_graphs_sample(&self, n: usize) -> Result<Vec<NamedNode>> {
        let mut out = Vec::new();
        for g in self.store.named_graphs() {
            if out.len() >= n {
                break;
            }
            if let NamedOrBlankNode::NamedNode(g) = g.map_err(|e| self.error(e))? {
                if !is_derived_graph(g.as_str()) {
                    out.push(g);
                }
            }
        }
        Ok(out)
    }

    pub fn has_graph(&self, graph: &NamedNode) -> Result<bool> {
        self.store.contains_named_graph(graph).map_err(|e| self.error(e))
    }

    /// All quads of the whole store.
    pub fn quads(&self) -> Result<Vec<Quad>> {
        self.store.iter().collect::<std::result::Result<Vec<_>, _>>().map_err(|e| self.error(e))
    }

    /// The quads of some named graphs.
    pub fn graph_quads(&self, graphs: &[NamedNode]) -> Result<Vec<Quad>> {
        let mut out = Vec::new();
        for g in graphs {
            for q in self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref()))) {
                out.push(q.map_err(|e| self.error(e))?);
            }
        }
        Ok(out)
    }

    /// Removes every quad of `graph`, in transactions of at most `chunk` quads
    /// (one transaction for millions of quads would hold them all in memory).
    pub(crate) fn clear_graph(&self, graph: GraphNameRef<'_>, chunk: usize) -> Result<()> {
        loop {
            let quads: Vec<Quad> = self
                .store
                .quads_for_pattern(None, None, None, Some(graph))
                .take(chunk)
                .collect::<std::result::Result<_, _>>()
                .map_err(|e| self.error(e))?;
            if quads.is_empty() {
                return Ok(());
            }
            self.remove_quads(&quads)?;
        }
    }

    pub fn flush(&self) -> Result<()> {
        #[cfg(feature = "store")]
        self.store.flush().map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Runs one of warta's own SELECT queries (prefixes `warta:`, `wid:`,
    /// `rdfs:` and `prov:` declared).
    pub(crate) fn select(&self, query: &str) -> Result<Vec<Row>> {
        let err = |e: String| self.error(format!("internal query failed: {e}"));
        let prepared = SparqlEvaluator::new().parse_query(&format!("{}{query}", *PROLOGUE)).map_err(|e| err(e.to_string()))?;
        let results = prepared.on_store(&self.store).execute().map_err(|e| err(e.to_string()))?;
        rows(results).map_err(|e| err(e.to_string()))
    }
}

/// The solutions of a SELECT as rows, in order; other results have none.
pub(crate) fn rows(results: QueryResults<'_>) -> std::result::Result<Vec<Row>, QueryEvaluationError> {
    let QueryResults::Solutions(solutions) = results else {
        return Ok(Vec::new());
    };
    solutions.map(|s| s.map(|s| s.iter().map(|(v, t)| (v.as_str().to_string(), t.clone())).collect())).collect()
}

/// A SPARQL filter keeping `?VAR` to article graphs. One index scan with this
/// filter is much cheaper than a dataset naming every article graph.
pub(crate) fn article_graph_filter(var: &str) -> String {
    format!("FILTER(?{var} NOT IN ({}, {}))", wid::MERGED_GRAPH, wid::META_GRAPH)
}

/// One solution of a SELECT: variable name → value.
pub type Row = HashMap<String, Term>;

/// A variable's value: the IRI or the literal's text; empty when unbound.
pub fn text(row: &Row, var: &str) -> String {
    match row.get(var) {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// The prefixes of warta's own store queries.
static PROLOGUE: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| crate::vocab::sparql_prologue(&["warta", "wid", "rdfs", "prov"]));

/// Is this named graph derived by `build` (merged facts, build records) rather than one article's?
pub fn is_derived_graph(graph: &str) -> bool {
    graph == wid::MERGED_GRAPH.as_str() || graph == wid::META_GRAPH.as_str()
}

/// The article graphs of a store, sorted: what queries see as their default graph.
pub fn article_graphs(store: &Store) -> std::result::Result<Vec<NamedNode>, StorageError> {
    named_graphs(store, |g| !is_derived_graph(g.as_str()))
}

fn named_graphs(store: &Store, keep: impl Fn(&NamedNode) -> bool) -> std::result::Result<Vec<NamedNode>, StorageError> {
    let mut out = Vec::new();
    for g in store.named_graphs() {
        if let NamedOrBlankNode::NamedNode(n) = g? {
            if keep(&n) {
                out.push(n);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Creates an empty store at `path` so that a kill at any moment leaves either
/// none (no `CURRENT` file: the next build starts over) or a whole one: RocksDB
/// makes it in a folder inside, its files are moved up, `CURRENT` last.
#[cfg(feature = "store")]
fn create(path: &Path) -> std::result::Result<(), String> {
    let tmp = path.join(".warta-creating");
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
    }
    drop(Store::open(&tmp).map_err(|e| e.to_string())?);
    let mut files: Vec<_> = std::fs::read_dir(&tmp).map_err(|e| e.to_string())?.filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    files.sort_by_key(|f| f == "CURRENT");
    for f in files {
        std::fs::rename(tmp.join(&f), path.join(&f)).map_err(|e| format!("{}: {e}", tmp.join(&f).display()))?;
    }
    File::open(path).and_then(|d| d.sync_all()).map_err(|e| e.to_string())?;
    std::fs::remove_dir_all(&tmp).map_err(|e| e.to_string())
}

fn lock(path: &Path, access: Access) -> Result<File> {
    let lock_path = path.join(LOCK_FILE);
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(|e| WartaError::Store { path: path.to_path_buf(), message: format!("cannot create {}: {e}", lock_path.display()) })?;
    let got = match access {
        Access::Write => f.try_lock(),
        Access::Read => f.try_lock_shared(),
    };
    if got.is_err() {
        let mut pid = String::new();
        let _ = f.read_to_string(&mut pid);
        let pid = pid.trim();
        return Err(WartaError::Locked { path: path.to_path_buf(), pid: if pid.is_empty() { "unknown".into() } else { pid.to_string() } });
    }
    if access == Access::Write {
        let _ = f.set_len(0);
        let _ = f.rewind();
        let _ = write!(f, "{}", std::process::id());
        let _ = f.flush();
    }
    Ok(f)
}
