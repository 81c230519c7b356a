//! `warta validate`: SHACL shapes (ontology/shapes.ttl) checked against a
//! store or RDF files, by compiling each constraint to a SPARQL query.

mod read;
mod report;
pub mod shapes;
mod sparql;

pub use report::{write_text, write_turtle};
pub use shapes::{Path, Severity, Shapes};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::path::Path as FsPath;

/// The shapes a warta graph must conform to.
pub const SHAPES: &str = include_str!("../../ontology/shapes.ttl");
/// The ontology, for the class hierarchy that sh:class follows.
pub const ONTOLOGY: &str = include_str!("../../ontology/warta.ttl");

#[derive(Debug, thiserror::Error)]
pub enum ShapesError {
    #[error("shapes: not valid Turtle: {0}")]
    Syntax(String),
    #[error("shapes: {0}")]
    Invalid(String),
    #[error("shapes: {0}")]
    Unsupported(String),
    #[error("{path}: {message}")]
    Data { path: String, message: String },
    #[error("validation query failed: {0}")]
    Query(String),
}

/// `warta:Meeting` rather than the full IRI, where a known prefix fits.
pub(crate) fn short(iri: &str) -> String {
    if let Some(short) = crate::vocab::prefixed(iri) {
        return short;
    }
    for (p, ns) in [("sh", crate::vocab::sh::NS), ("wshape", crate::vocab::WSHAPE)] {
        if let Some(rest) = iri.strip_prefix(ns) {
            return format!("{p}:{rest}");
        }
    }
    format!("<{iri}>")
}

/// One result: a focus node that breaks a constraint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub focus: Term,
    /// The predicate (or `^predicate`) of the property shape, as an IRI.
    pub path: Option<String>,
    pub value: Option<Term>,
    pub component: String,
    pub shape: NamedOrBlankNode,
    pub message: String,
}

/// What validation found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Compiled checks run.
    pub checks: usize,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }
    /// Conforms: no result of severity Violation (warnings and infos pass).
    pub fn conforms(&self) -> bool {
        self.count(Severity::Violation) == 0
    }
}

/// The data graph: the union of some graphs of a store.
pub struct DataGraph<'a> {
    pub store: &'a Store,
    /// The graphs whose union is validated; `None`: every graph.
    pub graphs: Option<Vec<NamedNode>>,
}

/// Reads RDF files (format from the extension) into one in-memory store.
pub fn load_files(paths: &[std::path::PathBuf]) -> Result<Store, ShapesError> {
    let store = Store::new().map_err(|e| ShapesError::Query(e.to_string()))?;
    for path in paths {
        let shown = path.display().to_string();
        let data_err = |message: String| ShapesError::Data { path: shown.clone(), message };
        let format = format_of(path)
            .ok_or_else(|| data_err("unknown RDF file type; use .ttl, .nt, .nq, .trig, .rdf/.owl/.xml or .jsonld".into()))?;
        let file = std::fs::File::open(path).map_err(|e| data_err(format!("cannot read: {e}")))?;
        let mut quads = Vec::new();
        for q in RdfParser::from_format(format).for_reader(std::io::BufReader::new(file)) {
            quads.push(q.map_err(|e| data_err(e.to_string()))?);
        }
        store.extend(quads).map_err(|e| data_err(e.to_string()))?;
    }
    Ok(store)
}

fn format_of(path: &FsPath) -> Option<RdfFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "ttl" | "turtle" => RdfFormat::Turtle,
        "nt" | "ntriples" => RdfFormat::NTriples,
        "nq" | "nquads" => RdfFormat::NQuads,
        "trig" => RdfFormat::TriG,
        "rdf" | "owl" | "xml" => RdfFormat::RdfXml,
        "jsonld" => RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() },
        _ => return None,
    })
}

/// Runs every check of `shapes` over the data graph; findings sorted.
pub fn validate(data: &DataGraph<'_>, shapes: &Shapes) -> Result<Report, ShapesError> {
    let checks = sparql::compile(shapes)?;
    let mut findings = Vec::new();
    for check in &checks {
        let mut prepared = SparqlEvaluator::new().parse_query(&check.query).map_err(|e| {
            ShapesError::Invalid(format!("{}: compiled to a query that does not parse ({e}):\n{}", check.shape, check.query))
        })?;
        match &data.graphs {
            Some(graphs) => prepared.dataset_mut().set_default_graph(graphs.iter().cloned().map(GraphName::NamedNode).collect()),
            None => prepared.dataset_mut().set_default_graph_as_union(),
        }
        let QueryResults::Solutions(rows) = prepared.on_store(data.store).execute().map_err(|e| ShapesError::Query(e.to_string()))? else {
            continue;
        };
        for row in rows {
            let row = row.map_err(|e| ShapesError::Query(e.to_string()))?;
            let Some(focus) = row.get("this").cloned() else { continue };
            findings.push(Finding {
                severity: check.severity,
                focus,
                path: check.path.as_ref().map(|p| match p {
                    Path::Predicate(n) => n.as_str().to_string(),
                    Path::Inverse(n) => format!("^{}", n.as_str()),
                }),
                value: row.get("value").cloned(),
                component: check.component.clone(),
                shape: check.shape.clone(),
                message: check.message.clone(),
            });
        }
    }
    findings.sort_by_cached_key(|f: &Finding| {
        (f.severity, f.focus.to_string(), f.path.clone(), f.component.clone(), f.value.as_ref().map(Term::to_string), f.shape.to_string())
    });
    findings.dedup();
    Ok(Report { findings, checks: checks.len() })
}
