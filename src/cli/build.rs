//! `warta build`: articles into the on-disk store, one named graph per article;
//! unchanged articles are not extracted again, the merged graph is recomputed.

use super::Exit;
use crate::lang::LangChoice;
use crate::progress::Progress;
use crate::store::ingest::{self, BuildConfig};
use crate::store::{Access, BuildSummary, WartaStore, DEFAULT_STORE};
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
    /// Language of the articles: a registered pack (id, en) or auto (detected per article).
    #[arg(long, default_value = "auto", value_parser = super::parse_lang)]
    pub lang: LangChoice,
    /// Remove the graphs of articles that are no longer in the input (skipped when an input fails to read).
    #[arg(long)]
    pub prune: bool,
    /// Read every input file again, even those whose size and modification time say they are unchanged.
    #[arg(long)]
    pub rescan: bool,
    /// Print nothing but errors (no progress bar, no summary).
    #[arg(long, short)]
    pub quiet: bool,
}

impl Args {
    /// The options the build pipeline reads, converted once.
    pub fn config(&self) -> BuildConfig {
        BuildConfig { published: self.published, lang: self.lang, prune: self.prune, rescan: self.rescan, quiet: self.quiet }
    }
}

/// Builds (or updates) the store at `store_path` from `inputs`.
pub fn build(inputs: &[PathBuf], store_path: &Path, config: &BuildConfig) -> anyhow::Result<BuildSummary> {
    let store = WartaStore::open(store_path, Access::Write)?;
    let progress = Progress::new(config.quiet);
    Ok(ingest::build(&store, inputs, config, &progress)?)
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let s = build(&a.inputs, &a.store, &a.config())?;
    if s.prune_skipped {
        eprintln!("warta: warning: --prune skipped: {} input(s) failed to read, and their articles' graphs are kept", s.failures);
    }
    if !a.quiet {
        eprintln!(
            "warta: {} article(s) loaded, {} unchanged, {} failed; {} new, {} replaced, {} pruned, {} extracted ({} facts); \
             store {} holds {} article graphs; merged: {} meetings ({} with conflicting dates), {} demands ({:.1}s)",
            s.loaded(),
            s.unchanged,
            s.failures,
            s.added,
            s.replaced,
            s.removed,
            s.extracted,
            s.facts,
            a.store.display(),
            s.articles,
            s.merged.meetings,
            s.merged.date_conflicts,
            s.merged.demands,
            s.seconds
        );
    }
    Ok(Exit::for_counts(s.loaded() + s.unchanged, s.failures))
}
