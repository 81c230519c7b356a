//! `warta validate`: check a store or RDF files against the SHACL shapes.

use super::Exit;
use crate::store::{Access, WartaStore, DEFAULT_STORE};
use crate::validate::{self, DataGraph, Shapes};
use std::io::Write;
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One line per result and a summary.
    Text,
    /// A W3C SHACL validation report (sh:ValidationReport) in Turtle.
    Turtle,
}

#[derive(clap::Args)]
pub struct Args {
    /// RDF files to validate (.ttl, .nt, .nq, .trig, .rdf, .jsonld); their union is the data graph.
    /// Without files, the store's article graphs are validated.
    pub files: Vec<PathBuf>,
    /// Store folder (used when no files are given).
    #[arg(long, default_value = DEFAULT_STORE, conflicts_with = "files")]
    pub store: PathBuf,
    /// Shapes file (Turtle); the built-in ontology/shapes.ttl by default.
    #[arg(long)]
    pub shapes: Option<PathBuf>,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Write the report to a file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let shapes_text = match &a.shapes {
        Some(p) => std::fs::read_to_string(p).map_err(|e| anyhow::anyhow!("{}: cannot read the shapes: {e}", p.display()))?,
        None => validate::SHAPES.to_string(),
    };
    let shapes_name = a.shapes.as_ref().map_or_else(|| "ontology/shapes.ttl".to_string(), |p| p.display().to_string());
    let shapes = Shapes::parse(&shapes_text, validate::ONTOLOGY).map_err(|e| anyhow::anyhow!("{shapes_name}: {e}"))?;
    let report = if a.files.is_empty() {
        let store = WartaStore::open(&a.store, Access::Read)?;
        let graphs = store.article_graphs()?;
        validate::validate(&DataGraph { store: &store.store, graphs: Some(graphs) }, &shapes)?
    } else {
        let store = validate::load_files(&a.files)?;
        validate::validate(&DataGraph { store: &store, graphs: None }, &shapes)?
    };
    let mut out = super::output(a.output.as_ref())?;
    match a.format {
        ReportFormat::Text => validate::write_text(&report, &mut out)?,
        ReportFormat::Turtle => validate::write_turtle(&report, &mut out)?,
    }
    out.flush()?;
    if a.format == ReportFormat::Turtle {
        let (v, w) = (report.count(validate::Severity::Violation), report.count(validate::Severity::Warning));
        eprintln!("warta: {v} violation(s), {w} warning(s)");
    }
    Ok(if report.conforms() { Exit::Ok } else { Exit::Failed })
}
