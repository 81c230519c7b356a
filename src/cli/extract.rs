//! `warta extract`: articles in, RDF on standard output, no store.

use super::Exit;
use crate::lang::LangChoice;
use crate::rdf::{article_quads, write_quads, Format};
use chrono::NaiveDate;
use oxigraph::model::GraphName;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Article files (.txt: title on the first line; .jsonl: one article per line) or folders.
    #[arg(required_unless_present = "jsonl")]
    pub inputs: Vec<PathBuf>,
    /// RDF syntax to print.
    #[arg(long, value_enum, default_value = "ntriples")]
    pub format: Format,
    /// Publication date (YYYY-MM-DD), to resolve relative dates ("kemarin", "Desember lalu").
    #[arg(long, value_parser = super::parse_date)]
    pub published: Option<NaiveDate>,
    /// Language of the articles: a registered pack (id, en) or auto (detected per article).
    #[arg(long, default_value = "auto", value_parser = super::parse_lang)]
    pub lang: LangChoice,
    /// Stream mode for sharded runs: read JSON articles, one per line, from FILE (`-`: standard
    /// input) and write N-Quads, each article in its own graph, flushed after each article.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["inputs", "format"])]
    pub jsonl: Option<PathBuf>,
}

/// Extracts every article of `inputs` (bad inputs reported on stderr) and hands
/// each extraction to `f`; returns (articles extracted, inputs failed).
pub fn each_extraction(
    inputs: &[PathBuf],
    published: Option<NaiveDate>,
    lang: LangChoice,
    mut f: impl FnMut(crate::extract::Extraction) -> anyhow::Result<()>,
) -> anyhow::Result<(usize, usize)> {
    let count = crate::article::for_each_article(inputs, published, |a| f(crate::extract::extract(&a, lang.pack_for(&a))))?;
    Ok((count.articles, count.failures))
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    if let Some(source) = &a.jsonl {
        return super::stream::run(source, a.published, a.lang);
    }
    let mut quads = Vec::new();
    let graphs = a.format.keeps_graphs();
    let (ok, failures) = each_extraction(&a.inputs, a.published, a.lang, |x| {
        let g = if graphs { GraphName::NamedNode(crate::rdf::graph_iri(&x.hash)) } else { GraphName::DefaultGraph };
        quads.extend(article_quads(&x, g));
        Ok(())
    })?;
    let mut out = super::output(None)?;
    write_quads(quads, a.format, &mut out)?;
    out.flush()?;
    Ok(Exit::for_counts(ok, failures))
}
