//! `warta eval`: score the extractor against gold annotations, with the same numbers
//! as `../shared/tools/score-gold.py`.

use super::Exit;
use crate::eval::{evaluate, Gold};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Gold annotation files (TOML; format: ../shared/gold/README.md).
    #[arg(required = true, value_name = "GOLD.toml")]
    pub gold: Vec<PathBuf>,
    /// Folder holding the article files the gold files name.
    #[arg(long, value_name = "DIR")]
    pub texts: PathBuf,
    /// Print every false positive (FP) and false negative (FN) to standard error.
    #[arg(long)]
    pub detail: bool,
    /// Print the scores as JSON: {"scores": {KIND: {p, r, f, tp, fp, fn}}, "failures": [[FILE, WHY]]}.
    #[arg(long)]
    pub json: bool,
    /// Also print, per language and rule, how many of its facts were right (its precision),
    /// the confidence it gave them, and precision per confidence band.
    #[arg(long, conflicts_with = "json")]
    pub calibration: bool,
    /// Score only the articles whose file name starts with this prefix.
    #[arg(long, value_name = "PREFIX", default_value = "")]
    pub only: String,
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let gold = Gold::load(&a.gold)?;
    if !a.texts.is_dir() {
        eprintln!("warta: warning: {}: no such folder; every article will count as finding nothing", a.texts.display());
    }
    let report = evaluate(&gold, &a.texts, &a.only);
    if a.detail {
        let mut err = std::io::stderr().lock();
        for line in report.detail_lines() {
            writeln!(err, "{line}")?;
        }
    }
    let mut out = super::output(None)?;
    if a.json {
        writeln!(out, "{}", report.json())?;
    } else {
        write!(out, "{}", report.table())?;
    }
    if a.calibration {
        write!(out, "{}", crate::eval::calibration::table(&report.judged))?;
    }
    out.flush()?;
    Ok(Exit::Ok)
}
