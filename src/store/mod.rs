//! The on-disk oxigraph store: one named graph per article, guarded by a lock
//! file so that one writer and no concurrent reader ever meet.

use crate::error::{Result, WartaError};
use crate::extract::Extraction;
use crate::rdf;
use crate::vocab::warta;
use oxigraph::model::{GraphName, GraphNameRef, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::Store;
use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

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

/// What loading one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadOutcome {
    Added,
    Unchanged,
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
        let store = match access {
            Access::Write => Store::open(path),
            Access::Read => Store::open_read_only(path),
        }
        .map_err(|e| {
            let m = e.to_string();
            if m.contains("lock") || m.contains("Resource temporarily unavailable") {
                err("is opened by another program (an oxigraph server?); stop it and try again".into())
            } else {
                err(format!("cannot open: {m}"))
            }
        })?;
        Ok(WartaStore { store, path: path.to_path_buf(), _lock: lock })
    }

    fn error(&self, e: impl std::fmt::Display) -> WartaError {
        WartaError::Store { path: self.path.clone(), message: e.to_string() }
    }

    /// Replaces the article's graph (atomically) unless the same content was
    /// already loaded by this extractor version.
    pub fn load(&self, x: &Extraction) -> Result<LoadOutcome> {
        let graph = rdf::graph_iri(&x.hash);
        if self.is_current(&x.hash)? {
            return Ok(LoadOutcome::Unchanged);
        }
        let quads = rdf::article_quads(x, GraphName::NamedNode(graph.clone()));
        let mut tx = self.store.start_transaction().map_err(|e| self.error(e))?;
        tx.clear_graph(GraphNameRef::NamedNode(graph.as_ref())).map_err(|e| self.error(e))?;
        tx.extend(quads.iter());
        tx.commit().map_err(|e| self.error(e))?;
        Ok(LoadOutcome::Added)
    }

    /// The article graph exists and was written by this extractor version.
    pub fn is_current(&self, hash: &str) -> Result<bool> {
        let graph = rdf::graph_iri(hash);
        let article = rdf::article_iri(hash);
        let version = oxigraph::model::Literal::new_typed_literal(
            crate::extractor_version(),
            NamedNodeRef::new_unchecked("http://www.w3.org/2001/XMLSchema#string"),
        );
        let q = Quad::new(
            NamedOrBlankNode::from(article),
            NamedNodeRef::new_unchecked(warta::EXTRACTOR_VERSION).into_owned(),
            Term::from(version),
            GraphName::NamedNode(graph),
        );
        self.store.contains(&q).map_err(|e| self.error(e))
    }

    pub fn quad_count(&self) -> Result<usize> {
        self.store.len().map_err(|e| self.error(e))
    }

    pub fn graph_count(&self) -> Result<usize> {
        Ok(self.store.named_graphs().count())
    }

    pub fn quads(&self) -> Result<Vec<Quad>> {
        self.store.iter().collect::<std::result::Result<Vec<_>, _>>().map_err(|e| self.error(e))
    }

    pub fn flush(&self) -> Result<()> {
        self.store.flush().map_err(|e| self.error(e))
    }
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
