//! `warta extract`: articles in, RDF on standard output, no store.

use super::Exit;
use crate::rdf::{article_quads, write_quads, Format};
use chrono::NaiveDate;
use oxigraph::model::GraphName;
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
    pub lang: String,
    /// Stream mode for sharded runs: read JSON articles, one per line, from FILE (`-`: standard
    /// input) and write N-Quads, each article in its own graph, flushed after each article.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["inputs", "format"])]
    pub jsonl: Option<PathBuf>,
}

/// Reads every input (articles not yet extracted); reports bad inputs on
/// stderr and returns (articles read, inputs failed).
pub fn read_articles(
    inputs: &[PathBuf],
    published: Option<NaiveDate>,
    mut f: impl FnMut(crate::article::Article) -> anyhow::Result<()>,
) -> anyhow::Result<(usize, usize)> {
    let (files, list_errors) = crate::article::list_inputs(inputs);
    let mut failures = list_errors.len();
    for e in list_errors {
        eprintln!("warta: error: {e}");
    }
    let mut ok = 0;
    for file in files {
        let outcome = crate::article::read_file(&file);
        for w in outcome.warnings {
            eprintln!("warta: warning: {}", w.0);
        }
        failures += outcome.errors.len();
        for e in outcome.errors {
            eprintln!("warta: error: {e}");
        }
        for mut a in outcome.articles {
            if published.is_some() {
                a.published = published;
            }
            f(a)?;
            ok += 1;
        }
    }
    Ok((ok, failures))
}

/// The language pack an article is extracted with: detected from its text.
pub fn pack_for(article: &crate::article::Article) -> &'static crate::lang::LanguagePack {
    crate::lang::detect_article(article)
}

/// As `each_article`, in the language pack `lang` ("auto": detected per article).
pub fn each_article_in(
    inputs: &[PathBuf],
    published: Option<NaiveDate>,
    lang: &str,
    mut f: impl FnMut(crate::extract::Extraction) -> anyhow::Result<()>,
) -> anyhow::Result<(usize, usize)> {
    let fixed = crate::lang::pack(lang);
    read_articles(inputs, published, |a| f(crate::extract::extract(&a, fixed.unwrap_or_else(|| pack_for(&a)))))
}

pub fn exit_for(ok: usize, failures: usize) -> Exit {
    match (ok, failures) {
        (_, 0) => Exit::Ok,
        (0, _) => Exit::Failed,
        _ => Exit::Partial,
    }
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    if let Some(source) = &a.jsonl {
        return super::stream::run(source, a.published, &a.lang);
    }
    let mut quads = Vec::new();
    let graphs = a.format.keeps_graphs();
    let (ok, failures) = each_article_in(&a.inputs, a.published, &a.lang, |x| {
        let g = if graphs { GraphName::NamedNode(crate::rdf::graph_iri(&x.hash)) } else { GraphName::DefaultGraph };
        quads.extend(article_quads(&x, g));
        Ok(())
    })?;
    let mut out = super::output(None)?;
    write_quads(quads, a.format, &mut out)?;
    out.flush()?;
    Ok(exit_for(ok, failures))
}

use std::io::Write;
