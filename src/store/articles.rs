//! Article graphs: is an article's graph current, which graphs came from a
//! source, and replacing or removing graphs, each change in one transaction.

use super::WartaStore;
use crate::error::Result;
use crate::rdf;
use crate::vocab::{dcterms, warta, xsd};
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, Term, TermRef};

impl WartaStore {
    /// The article graph `hash` exists and was written by this extractor version.
    pub fn is_current(&self, hash: &str) -> Result<bool> {
        let version = Literal::new_typed_literal(crate::extractor_version(), xsd::STRING);
        let q = Quad::new(rdf::article_iri(hash), warta::EXTRACTOR_VERSION, version, rdf::graph_iri(hash));
        self.store.contains(&q).map_err(|e| self.error(e))
    }

    /// The article graphs whose article came from `source` (a path or URL).
    pub fn graphs_of_source(&self, source: &str) -> Result<Vec<NamedNode>> {
        let value = Term::from(Literal::new_typed_literal(source, xsd::STRING));
        let mut out = Vec::new();
        for q in self.store.quads_for_pattern(None, Some(dcterms::SOURCE), Some(value.as_ref()), None) {
            if let GraphName::NamedNode(g) = q.map_err(|e| self.error(e))?.graph_name {
                if !super::is_derived_graph(g.as_str()) && !out.contains(&g) {
                    out.push(g);
                }
            }
        }
        out.sort();
        Ok(out)
    }

    /// Does some article graph (not a derived one) state `subject predicate object`?
    /// Stops at the first.
    pub fn in_article_graph(&self, subject: NamedOrBlankNodeRef<'_>, predicate: NamedNodeRef<'_>, object: TermRef<'_>) -> Result<bool> {
        for q in self.store.quads_for_pattern(Some(subject), Some(predicate), Some(object), None) {
            if let GraphName::NamedNode(g) = q.map_err(|e| self.error(e))?.graph_name {
                if !super::is_derived_graph(g.as_str()) {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Removes quads, in one transaction.
    pub fn remove_quads(&self, quads: &[Quad]) -> Result<()> {
        let mut tx = self.store.start_transaction().map_err(|e| self.error(e))?;
        quads.iter().for_each(|q| tx.remove(q));
        tx.commit().map_err(|e| self.error(e))
    }

    /// Removes graphs (their quads and names) in one transaction. The default
    /// graph is the caller's to bring in step (see `union`).
    pub fn remove_graphs(&self, graphs: &[NamedNode]) -> Result<()> {
        let mut tx = self.store.start_transaction().map_err(|e| self.error(e))?;
        for g in graphs {
            tx.remove_named_graph(g).map_err(|e| self.error(e))?;
        }
        tx.commit().map_err(|e| self.error(e))
    }

    /// Adds quads (to whatever graphs they name) in one transaction.
    pub fn insert(&self, quads: &[Quad]) -> Result<()> {
        let mut tx = self.store.start_transaction().map_err(|e| self.error(e))?;
        tx.extend(quads.iter());
        tx.commit().map_err(|e| self.error(e))
    }

    /// How many quads a graph holds.
    pub fn graph_len(&self, graph: &NamedNode) -> Result<usize> {
        let mut n = 0;
        for q in self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
            q.map_err(|e| self.error(e))?;
            n += 1;
        }
        Ok(n)
    }
}

/// The content hash an article graph's IRI was minted from.
pub fn hash_of_graph(graph: &NamedNode) -> Option<&str> {
    graph.as_str().strip_prefix(rdf::graph_iri("").as_str())
}

/// Quads handed to oxigraph's bulk loader at a time (a few hundred MB at most).
const BULK_BATCH_QUADS: usize = 200_000;

/// Writes many quads through oxigraph's bulk loader: buffered, sorted into
/// files beside the store in batches, and visible all at once on `commit`.
pub struct BulkWriter<'a> {
    store: &'a WartaStore,
    loader: Option<oxigraph::store::BulkLoader<'a>>,
    buffer: Vec<Quad>,
}

impl<'a> BulkWriter<'a> {
    pub fn new(store: &'a WartaStore) -> Self {
        BulkWriter { store, loader: None, buffer: Vec::new() }
    }

    pub fn add(&mut self, quads: impl IntoIterator<Item = Quad>) -> Result<()> {
        self.buffer.extend(quads);
        if self.buffer.len() >= BULK_BATCH_QUADS {
            self.load_buffer()?;
        }
        Ok(())
    }

    fn load_buffer(&mut self) -> Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let store = self.store;
        let loader = self.loader.get_or_insert_with(|| {
            store.store.bulk_loader().with_num_threads(2).with_max_memory_size_in_megabytes(BULK_BATCH_QUADS * 2 / 1000)
        });
        loader.load_quads(std::mem::take(&mut self.buffer)).map_err(|e| store.error(e))
    }

    /// Writes everything added to the store, at once.
    pub fn commit(mut self) -> Result<()> {
        self.load_buffer()?;
        match self.loader {
            Some(loader) => loader.commit().map_err(|e| self.store.error(e)),
            None => Ok(()),
        }
    }
}
