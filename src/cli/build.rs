//! `warta build`: articles into the on-disk store, one named graph per article;
//! unchanged articles are not extracted again, the merged graph is recomputed.

use super::Exit;
use crate::store::{Access, Build, BuildSummary, WartaStore, DEFAULT_STORE};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

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
    /// Remove the graphs of articles that are no longer in the input (skipped when an input fails to read).
    #[arg(long)]
    pub prune: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Builds (or updates) the store at `store_path` from `inputs`.
pub fn build(inputs: &[PathBuf], store_path: &Path, published: Option<NaiveDate>, prune: bool) -> anyhow::Result<BuildSummary> {
    let store = WartaStore::open(store_path, Access::Write)?;
    let mut b = Build::new(&store);
    let (_, failures) = super::extract::read_articles(inputs, published, |a| {
        b.add(&a, super::extract::pack_for(&a))?;
        Ok(())
    })?;
    b.add_failures(failures);
    Ok(b.finish(prune)?)
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let s = build(&a.inputs, &a.store, a.published, a.prune)?;
    if s.prune_skipped {
        eprintln!("warta: warning: --prune skipped: {} input(s) failed to read, and their articles' graphs are kept", s.failures);
    }
    if !a.quiet {
        eprintln!(
            "warta: {} article(s) loaded, {} unchanged, {} failed; {} new, {} replaced, {} pruned, {} extracted; \
             store {} holds {} article graphs, {} quads; merged: {} meetings ({} with conflicting dates), {} demands ({:.1}s)",
            s.loaded(),
            s.unchanged,
            s.failures,
            s.added,
            s.replaced,
            s.removed,
            s.extracted,
            a.store.display(),
            s.articles,
            s.quads,
            s.merged.meetings,
            s.merged.date_conflicts,
            s.merged.demands,
            s.seconds
        );
    }
    Ok(super::extract::exit_for(s.loaded() + s.unchanged, s.failures))
}
