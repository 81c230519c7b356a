//! `warta export`: the store's graphs as RDF, in a format given or guessed
//! from the output file's extension.

use super::Exit;
use crate::rdf::{write_graphs, write_quads, Format};
use crate::store::merge::merged_graph;
use crate::store::{Access, WartaStore, DEFAULT_STORE};
use anyhow::{anyhow, bail};
use oxigraph::model::NamedNode;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// RDF syntax [default: from -o's extension (.nq .trig .ttl .nt .rdf .jsonld), else nquads].
    /// nquads, trig and jsonld keep one named graph per article; the others merge them.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Store folder.
    #[arg(long, default_value = DEFAULT_STORE)]
    pub store: PathBuf,
    /// Write to a file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Only this named graph (an article's graph IRI, or wid:graph/…); repeat for several.
    #[arg(long, value_name = "IRI", conflicts_with_all = ["merged", "all"])]
    pub graph: Vec<String>,
    /// Only the merged graph (facts merged across articles, with their sources).
    #[arg(long, conflicts_with = "all")]
    pub merged: bool,
    /// Every graph: the article graphs, the merged graph and the build records.
    #[arg(long)]
    pub all: bool,
}

/// The format asked for, else the one `-o`'s extension names, else N-Quads.
pub fn choose_format(format: Option<Format>, output: Option<&Path>) -> anyhow::Result<Format> {
    match (format, output) {
        (Some(f), _) => Ok(f),
        (None, Some(p)) if p.extension().is_some() => Format::from_path(p).ok_or_else(|| {
            anyhow!(
                "{}: cannot tell the RDF format from the extension; use .nq .trig .ttl .nt .rdf or .jsonld, or give --format",
                p.display()
            )
        }),
        (None, _) => Ok(Format::Nquads),
    }
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let format = choose_format(a.format, a.output.as_deref())?;
    let store = WartaStore::open(&a.store, Access::Read)?;
    let graphs = if a.all {
        store.graphs()?
    } else if a.merged {
        vec![merged_graph()]
    } else if !a.graph.is_empty() {
        a.graph.iter().map(|g| named_graph(&store, g)).collect::<anyhow::Result<_>>()?
    } else {
        store.article_graphs()?
    };
    let mut out = super::output(a.output.as_ref())?;
    if matches!(format, Format::Nquads | Format::Trig) {
        // Graph by graph (in IRI order, each sorted): memory bounded by the largest graph.
        write_graphs(graphs.iter().map(|g| store.graph_quads(std::slice::from_ref(g))), format, &mut out)?;
    } else {
        write_quads(store.graph_quads(&graphs)?, format, &mut out)?;
    }
    out.flush()?;
    Ok(Exit::Ok)
}

/// A graph of the store by IRI (full, `<…>`, or `wid:graph/…`).
fn named_graph(store: &WartaStore, given: &str) -> anyhow::Result<NamedNode> {
    let trimmed = given.trim().trim_start_matches('<').trim_end_matches('>');
    let full = match trimmed.strip_prefix("wid:") {
        Some(rest) => format!("{}{rest}", crate::vocab::WID),
        None => trimmed.to_string(),
    };
    let graph = NamedNode::new(full).map_err(|e| anyhow!("--graph {given:?} is not an IRI: {e}"))?;
    if !store.has_graph(&graph)? {
        let some: Vec<String> = store.graphs()?.iter().take(8).map(|g| format!("  {}", g.as_str())).collect();
        bail!("--graph {given:?}: the store has no such graph; it has, e.g.:\n{}", some.join("\n"));
    }
    Ok(graph)
}
