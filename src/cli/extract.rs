//! `warta extract`: articles in, RDF on standard output, no store.

use super::Exit;
use crate::rdf::{article_quads, write_quads, Format};
use chrono::NaiveDate;
use oxigraph::model::GraphName;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Article files (.txt: title on the first line; .jsonl: one article per line) or folders.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// RDF syntax to print.
    #[arg(long, value_enum, default_value = "ntriples")]
    pub format: Format,
    /// Publication date (YYYY-MM-DD), to resolve relative dates ("kemarin", "Desember lalu").
    #[arg(long, value_parser = super::parse_date)]
    pub published: Option<NaiveDate>,
}

/// Reads every input and extracts each article; reports bad inputs on stderr.
pub fn each_article(
    inputs: &[PathBuf],
    published: Option<NaiveDate>,
    mut f: impl FnMut(crate::extract::Extraction) -> anyhow::Result<()>,
) -> anyhow::Result<(usize, usize)> {
    let pack = crate::lang::indonesian();
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
            f(crate::extract::extract(&a, pack))?;
            ok += 1;
        }
    }
    Ok((ok, failures))
}

pub fn exit_for(ok: usize, failures: usize) -> Exit {
    match (ok, failures) {
        (_, 0) => Exit::Ok,
        (0, _) => Exit::Failed,
        _ => Exit::Partial,
    }
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let mut quads = Vec::new();
    let graphs = a.format.keeps_graphs();
    let (ok, failures) = each_article(&a.inputs, a.published, |x| {
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
