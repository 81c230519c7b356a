//! `warta build`: articles into the on-disk store, one named graph per article.

use super::Exit;
use crate::store::{Access, LoadOutcome, WartaStore, DEFAULT_STORE};
use chrono::NaiveDate;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Article files or folders (walked recursively for .txt and .jsonl).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Store folder (created if missing).
    #[arg(long, default_value = DEFAULT_STORE)]
    pub store: PathBuf,
    /// Publication date for articles that carry none (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date)]
    pub published: Option<NaiveDate>,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// What a build did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub added: usize,
    pub unchanged: usize,
    pub failures: usize,
    pub quads: usize,
    pub graphs: usize,
}

pub fn build(inputs: &[PathBuf], store_path: &std::path::Path, published: Option<NaiveDate>) -> anyhow::Result<Summary> {
    let store = WartaStore::open(store_path, Access::Write)?;
    let mut s = Summary::default();
    let (_, failures) = super::extract::each_article(inputs, published, |x| {
        match store.load(&x)? {
            LoadOutcome::Added => s.added += 1,
            LoadOutcome::Unchanged => s.unchanged += 1,
        }
        Ok(())
    })?;
    store.flush()?;
    s.failures = failures;
    s.quads = store.quad_count()?;
    s.graphs = store.graph_count()?;
    Ok(s)
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let started = std::time::Instant::now();
    let s = build(&a.inputs, &a.store, a.published)?;
    if !a.quiet {
        eprintln!(
            "warta: {} article(s) loaded, {} unchanged, {} failed; store {} holds {} graphs, {} quads ({:.1}s)",
            s.added,
            s.unchanged,
            s.failures,
            a.store.display(),
            s.graphs,
            s.quads,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(super::extract::exit_for(s.added + s.unchanged, s.failures))
}
