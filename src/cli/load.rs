//! `warta load`: bulk-load N-Quads (or TriG) of article graphs — the output of
//! sharded `warta extract --jsonl` runs — into a store, then rebuild the
//! merged graph, so the store answers as if `warta build` had made it.

use super::Exit;
use crate::store::{merge, union, Access, WartaStore, DEFAULT_STORE};
use anyhow::Context;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// N-Quads files (`.nq`; `.trig` is read as TriG; `-`: N-Quads on standard input).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Store folder (created if missing).
    #[arg(long, default_value = DEFAULT_STORE)]
    pub store: PathBuf,
    /// A graph in the input replaces the store's graph of the same name (default: quads are added).
    #[arg(long)]
    pub replace: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// What loading one file gave.
struct FileLoad {
    quads: Vec<Quad>,
    graphs: BTreeSet<NamedNode>,
    /// Quads skipped: derived graphs (recomputed here) — counted, not loaded.
    derived: usize,
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let started = std::time::Instant::now();
    let store = WartaStore::open(&a.store, Access::Write)?;
    let (mut loaded, mut failed, mut quads, mut derived) = (0usize, 0usize, 0usize, 0usize);
    let mut graphs = BTreeSet::new();
    let union_was_current = union::is_current(&store, &merge::fingerprint(&store)?)?;
    // Graphs replaced: their triples may linger in the default graph, which is then recomputed.
    let mut replaced = false;
    for path in &a.files {
        // A file loads whole or not at all: parsed first, then written in one transaction.
        let file = match read(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("warta: error: {e:#}");
                failed += 1;
                continue;
            }
        };
        if a.replace {
            let old: Vec<_> = file.graphs.iter().cloned().collect();
            for g in &old {
                replaced |= store.has_graph(g)?;
            }
            store.remove_graphs(&old)?;
        }
        union::insert_articles(&store, &file.quads)?;
        loaded += 1;
        quads += file.quads.len();
        derived += file.derived;
        graphs.extend(file.graphs);
    }
    let mut merged = None;
    if loaded > 0 || !union_was_current {
        let fingerprint = merge::fingerprint(&store)?;
        if loaded > 0 {
            merged = Some(merge::rebuild(&store, &fingerprint)?);
        }
        if replaced || !union_was_current {
            union::rebuild(&store)?;
        }
        union::record(&store, &fingerprint)?;
    }
    store.flush()?;
    if derived > 0 {
        eprintln!("warta: warning: skipped {derived} quads of derived graphs (merged, meta); the merged graph is recomputed from the article graphs");
    }
    if !a.quiet {
        eprintln!(
            "warta: {loaded} file(s) loaded, {failed} failed: {quads} quads in {} graphs; store {} holds {} article graphs, {} quads{} ({:.1}s)",
            graphs.len(),
            a.store.display(),
            store.article_graphs()?.len(),
            store.quad_count()?,
            merged.map(|m| format!("; merged: {} meetings, {} demands", m.meetings, m.demands)).unwrap_or_default(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(Exit::for_counts(loaded, failed))
}

fn read(path: &Path) -> anyhow::Result<FileLoad> {
    let shown = path.display().to_string();
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin().lock().read_to_end(&mut bytes).context("standard input: cannot read")?;
    } else {
        bytes = std::fs::read(path).map_err(|e| crate::error::WartaError::io(path, e))?;
    }
    let format = match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("trig") => RdfFormat::TriG,
        Some("nq" | "nquads") | None => RdfFormat::NQuads,
        Some(other) => {
            anyhow::bail!("{shown}: .{other} is not N-Quads; give .nq files (from `warta extract --jsonl` or `--format nquads`) or .trig")
        }
    };
    let mut out = FileLoad { quads: Vec::new(), graphs: BTreeSet::new(), derived: 0 };
    for q in RdfParser::from_format(format).for_slice(&bytes) {
        let q = q.map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
        let GraphName::NamedNode(g) = &q.graph_name else {
            anyhow::bail!(
                "{shown}: a quad outside any named graph ({} {} {}); warta stores one named graph per article — give N-Quads from `warta extract --jsonl` or `--format nquads`",
                q.subject,
                q.predicate,
                q.object
            );
        };
        if crate::store::is_derived_graph(g.as_str()) {
            out.derived += 1;
            continue;
        }
        out.graphs.insert(g.clone());
        out.quads.push(q);
    }
    Ok(out)
}
