//! Article graphs: is an article's graph current, which graphs came from a
//! source, and replacing or removing graphs, each change in one transaction.

use super::WartaStore;
use crate::error::Result;
use crate::rdf;
use crate::vocab::{dcterms, warta, xsd};
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, Term};

impl WartaStore {
    /// The article graph `hash` exists and was written by this extractor version.
    pub fn is_current(&self, hash: &str) -> Result<bool> {
        let version = Literal::new_typed_literal(crate::extractor_version(), NamedNodeRef::new_unchecked(xsd::STRING));
        let q = Quad::new(rdf::article_iri(hash), NamedNode::new_unchecked(warta::EXTRACTOR_VERSION), version, rdf::graph_iri(hash));
        self.store.contains(&q).map_err(|e| self.error(e))
    }

    /// The article graphs whose article came from `source` (a path or URL).
    pub fn graphs_of_source(&self, source: &str) -> Result<Vec<NamedNode>> {
        let value = Term::from(Literal::new_typed_literal(source, NamedNodeRef::new_unchecked(xsd::STRING)));
        let mut out = Vec::new();
        for q in self.store.quads_for_pattern(None, Some(NamedNodeRef::new_unchecked(dcterms::SOURCE)), Some(value.as_ref()), None) {
            if let GraphName::NamedNode(g) = q.map_err(|e| self.error(e))?.graph_name {
                if !super::is_derived_graph(g.as_str()) && !out.contains(&g) {
                    out.push(g);
                }
            }
        }
        out.sort();
        Ok(out)
    }

    /// Removes graphs (their quads and names) in one transaction.
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
