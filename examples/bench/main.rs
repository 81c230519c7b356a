//! warta's benchmark: a deterministic corpus generator and a run that prints
//! the figures of BENCHMARKS.md.
//!
//! cargo run --release --example bench -- gen N DIR [--seed S]
//!     writes N Indonesian articles as DIR/txt/NNN/NNNNNN.txt and as DIR/corpus.jsonl
//! cargo run --release --example bench -- run N [--seed S] [--dir DIR] [--keep]
//!     generates the corpus in DIR (default: a temporary folder), then measures
//!     single-core extraction, full build, no-op rebuild, 1%-changed rebuild,
//!     peak RSS, store size, export time, query latency, pyoxigraph's bulk load
//!     of the same quads and its dump of them (`pip install pyoxigraph`) with
//!     the ratios, then the query part below on the store it built.
//! cargo run --release --example bench -- queries (--store STORE | --dir DIR) [--nq FILE] [--virtuoso] [--threads N]
//!     the query part alone, on a built store (`--dir DIR`: DIR/store as
//!     `run --dir DIR` leaves it): `ASK {}` through `warta query`; `warta serve`
//!     per request, per library query, under load and beside a runaway query;
//!     with --virtuoso, Virtuoso 7 loading the same N-Quads (exported first
//!     unless --nq names a file holding the store's current quads, such as the
//!     DIR/store.nq that `run` leaves) and answering the same queries.
//!
//! The articles are composed from the Indonesian lexicon's cue words and the
//! gazetteer's actors, cities, regions and office holders, with boilerplate
//! noise ("loading...", "A A A", copyright lines) and repeated paragraphs as in
//! real scraped news. Same N and seed, same bytes.

mod client;
mod corpus;
mod measure;
mod serve;
mod virtuoso;

use corpus::{article_path, generate};
use measure::{dir_size, phases, timed, warta_bin, Timed, QUERY_TIMEOUT_S};
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;
use warta::lang::indonesian;

const USAGE: &str = "usage: bench gen N DIR [--seed S] | bench run N [--seed S] [--dir DIR] [--keep] [--no-virtuoso] [--threads N] \
                     | bench queries (--store STORE | --dir DIR) [--nq FILE] [--virtuoso] [--threads N]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("gen") => gen_cmd(&args[1..]),
        Some("run") => run_cmd(&args[1..]),
        Some("queries") => queries_cmd(&args[1..]),
        _ => Err(USAGE.into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn count_arg(args: &[String]) -> Result<usize, String> {
    let n = args.first().ok_or("give N, the number of articles")?;
    let n = n.replace('_', "").replace("k", "000");
    n.parse().map_err(|_| format!("{n:?} is not a number of articles"))
}

fn gen_cmd(args: &[String]) -> Result<(), String> {
    let n = count_arg(args)?;
    let dir = PathBuf::from(args.get(1).ok_or("give the output folder")?);
    let seed = flag(args, "--seed").map_or(Ok(1), |s| s.parse().map_err(|_| "bad --seed".to_string()))?;
    let t = Instant::now();
    let bytes = generate(n, seed, &dir)?;
    println!("wrote {n} articles ({:.1} MB) to {} in {:.1}s", bytes as f64 / 1e6, dir.display(), t.elapsed().as_secs_f64());
    Ok(())
}

fn run_cmd(args: &[String]) -> Result<(), String> {
    let n = count_arg(args)?;
    let seed = flag(args, "--seed").map_or(Ok(1), |s| s.parse().map_err(|_| "bad --seed".to_string()))?;
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let dir = flag(args, "--dir").map(PathBuf::from).unwrap_or_else(|| tmp.path().to_path_buf());
    let warta = warta_bin()?;
    let mut report = String::new();
    let mut line = |s: String| {
        println!("{s}");
        report.push_str(&s);
        report.push('\n');
    };
    line(format!("# warta benchmark: N = {n} articles, seed {seed}"));
    line(format!(
        "machine: {} cores, {}; warta {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|c| c.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string()))
            .unwrap_or_default(),
        warta::extractor_version()
    ));

    // 1. The corpus.
    let t = Instant::now();
    let bytes = generate(n, seed, &dir)?;
    line(format!("corpus: {:.1} MB of .txt (and the same as JSONL), generated in {:.1}s", bytes as f64 / 1e6, t.elapsed().as_secs_f64()));

    // 2. Extraction on one core, in process (a sample of at most 20,000 articles).
    let sample = n.min(20_000);
    let mut articles = Vec::with_capacity(sample);
    for i in 0..sample {
        articles.extend(warta::article::read_file(&article_path(&dir, i)).articles);
    }
    let mb: f64 = articles.iter().map(|a| (a.title.len() + a.body.len()) as f64).sum::<f64>() / 1e6;
    let pack = indonesian();
    let t = Instant::now();
    let mut sentences = 0;
    let mut facts = 0;
    for a in &articles {
        let x = warta::extract::extract(a, pack);
        sentences += x.sentences.len();
        facts += x.fact_count();
    }
    let s = t.elapsed().as_secs_f64();
    drop(articles);
    line(format!(
        "extraction, 1 core ({sample} articles, {sentences} sentences, {facts} facts): {:.0} articles/s, {:.0} sentences/s, {:.2} MB/s",
        sample as f64 / s,
        sentences as f64 / s,
        mb / s
    ));

    // 3. Builds.
    let store = dir.join("store");
    let _ = std::fs::remove_dir_all(&store);
    let build = |label: &str| -> Result<Timed, String> {
        let r = timed(Command::new(&warta).arg("build").arg(dir.join("txt")).arg("--store").arg(&store).env("WARTA_TIMINGS", "1"))?;
        if !r.ok {
            return Err(format!("{label} build failed: {}", r.stderr));
        }
        Ok(r)
    };
    let full = build("full")?;
    let summary = full.stderr.lines().last().unwrap_or("").to_string();
    line(format!("full build: {:.1}s, peak RSS {:.0} MB — {summary}", full.seconds, full.max_rss_kb as f64 / 1024.0));
    phases(&mut line, &full.stderr);
    let store_mb = dir_size(&store) as f64 / 1e6;
    line(format!("store size on disk: {store_mb:.0} MB"));
    // Every quad the full build stored (article graphs, merged graph, build records), for the floor below.
    let nq = dir.join("store.nq");
    let export = timed(Command::new(&warta).args(["export", "--all", "--format", "nquads", "-o"]).arg(&nq).arg("--store").arg(&store))?;
    if !export.ok {
        return Err(format!("export failed: {}", export.stderr));
    }
    line(format!("export --all as N-Quads: {:.1}s", export.seconds));
    let rebuild = |label: &str, what: &str, r: &Timed| {
        format!(
            "{label} rebuild{what}: {:.2}s ({:.1}% of the full build), peak RSS {:.0} MB",
            r.seconds,
            100.0 * r.seconds / full.seconds,
            r.max_rss_kb as f64 / 1024.0
        )
    };
    let noop = build("no-op")?;
    line(rebuild("no-op", "", &noop));
    // 1% of the articles change: one sentence appended.
    let changed = (n / 100).max(1);
    for k in 0..changed {
        let p = article_path(&dir, k * (n / changed));
        let mut f = std::fs::OpenOptions::new().append(true).open(&p).map_err(|e| e.to_string())?;
        writeln!(f, "\nRusia mendesak NATO untuk menghentikan perluasan ke timur (pembaruan {k}).").map_err(|e| e.to_string())?;
    }
    let one = build("1%-changed")?;
    line(rebuild("1%-changed", &format!(" ({changed} articles)"), &one));
    phases(&mut line, &one.stderr);

    // 4. Query latency (each a fresh process: open the store, run, write CSV).
    let mut lat = String::new();
    for (name, text) in warta::queries::LIBRARY {
        if !warta::queries::declared(text).is_empty() {
            continue;
        }
        let mut best = f64::MAX;
        for _ in 0..3 {
            let r = timed(
                Command::new(&warta)
                    .args(["query", name, "--format", "csv", "--timeout", &QUERY_TIMEOUT_S.to_string(), "--store"])
                    .arg(&store),
            )?;
            if !r.ok && r.stderr.contains("--timeout") {
                best = f64::INFINITY;
                break;
            }
            if !r.ok {
                return Err(format!("query {name} failed: {}", r.stderr));
            }
            best = best.min(r.seconds);
            if r.seconds > 10.0 {
                break; // slow enough that one run tells
            }
        }
        if best.is_infinite() {
            let _ = write!(lat, "{name} > {QUERY_TIMEOUT_S} s (stopped); ");
        } else {
            let _ = write!(lat, "{name} {:.0} ms; ", best * 1000.0);
        }
    }
    line(format!("query latency (best of 3, whole process; one run when over 10 s): {lat}"));

    // 5. The floor: pyoxigraph's bulk loader on the same quads, and its dump of them.
    let quads = std::fs::read(&nq).map(|b| b.iter().filter(|&&c| c == b'\n').count()).unwrap_or(0);
    let py = dir.join("pyoxigraph-store");
    let _ = std::fs::remove_dir_all(&py);
    let dump = dir.join("pyoxigraph-dump.nq");
    let out =
        Command::new("python3").arg("-c").arg(PYOXIGRAPH).arg(&nq).arg(&py).arg(&dump).output().map_err(|e| format!("python3: {e}"))?;
    let _ = std::fs::remove_file(&dump);
    let times: Vec<f64> = String::from_utf8_lossy(&out.stdout).split_whitespace().filter_map(|t| t.parse().ok()).collect();
    match (out.status.success(), times.as_slice()) {
        (true, [load_s, dump_s]) => {
            line(format!(
                "pyoxigraph bulk load of the same {quads} quads: {load_s:.1}s; warta full build {:.1}s; ratio warta/pyoxigraph = {:.2}",
                full.seconds,
                full.seconds / load_s
            ));
            line(format!(
                "export as N-Quads: warta export --all {:.1}s; pyoxigraph Store.dump of the same quads {dump_s:.1}s; ratio warta/pyoxigraph = {:.2}",
                export.seconds,
                export.seconds / dump_s
            ));
        }
        _ => line(format!("pyoxigraph: skipped, it failed ({}) — pip install pyoxigraph", String::from_utf8_lossy(&out.stderr).trim())),
    }

    // 6. Queries: the fixed cost, serve, Virtuoso.
    let threads = threads_arg(args)?;
    // Virtuoso gets the store as it is now (after the rebuilds), exported again over store.nq.
    query_part(&warta, &store, None, &nq, threads, !args.iter().any(|a| a == "--no-virtuoso"), &mut line)?;
    if args.iter().any(|a| a == "--keep") {
        let kept = tmp.keep();
        eprintln!("kept {}", kept.display());
    }
    Ok(())
}

/// Loads the N-Quads (argv 1) into a new store (argv 2), then dumps it as N-Quads (argv 3); prints both times.
const PYOXIGRAPH: &str = "import sys, time, pyoxigraph as ox
t = time.perf_counter()
s = ox.Store(sys.argv[2])
s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)
s.flush()
print(time.perf_counter() - t)
t = time.perf_counter()
s.dump(output=sys.argv[3], format=ox.RdfFormat.N_QUADS)
print(time.perf_counter() - t)
";

fn threads_arg(args: &[String]) -> Result<usize, String> {
    flag(args, "--threads")
        .map_or(Ok(4), |t| t.parse().ok().filter(|&t| t > 0).ok_or_else(|| format!("--threads {t:?}: give a number of workers, e.g. 4")))
}

/// `bench queries`: the query part alone, on a built store.
fn queries_cmd(args: &[String]) -> Result<(), String> {
    let dir = flag(args, "--dir").map(PathBuf::from);
    let store = match (flag(args, "--store"), &dir) {
        (Some(s), _) => PathBuf::from(s),
        (None, Some(d)) => d.join("store"),
        (None, None) => return Err(format!("give --store STORE or --dir DIR\n{USAGE}")),
    };
    if !store.is_dir() {
        return Err(format!("{}: no store there; build one first (bench run N --dir DIR --keep, or warta build)", store.display()));
    }
    let nq = flag(args, "--nq").map(PathBuf::from);
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let warta = warta_bin()?;
    let mut line = |s: String| println!("{s}");
    line(format!("# warta query benchmark: {}; warta {}", store.display(), warta::extractor_version()));
    query_part(
        &warta,
        &store,
        nq.as_deref(),
        &tmp.path().join("store.nq"),
        threads_arg(args)?,
        args.iter().any(|a| a == "--virtuoso"),
        &mut line,
    )
}

/// `ASK {}` through `warta query`, then serve, then (when asked) Virtuoso on
/// the same quads: `nq` when given (it must hold the store's current quads),
/// else exported to `export_to` first.
fn query_part(
    warta: &Path,
    store: &Path,
    nq: Option<&Path>,
    export_to: &Path,
    threads: usize,
    with_virtuoso: bool,
    line: &mut impl FnMut(String),
) -> Result<(), String> {
    serve::ask_whole_process(warta, store, line)?;
    let served = serve::measure(warta, store, threads, line)?;
    if !with_virtuoso {
        line("virtuoso: skipped (not asked for)".into());
        return Ok(());
    }
    if let Some(why) = virtuoso::missing() {
        line(why);
        return Ok(());
    }
    let nq = match nq {
        Some(nq) => nq.to_path_buf(),
        None => {
            let nq = export_to.to_path_buf();
            let r = timed(Command::new(warta).args(["export", "--all", "--format", "nquads", "-o"]).arg(&nq).arg("--store").arg(store))?;
            if !r.ok {
                return Err(format!("export failed: {}", r.stderr));
            }
            line(format!("export --all as N-Quads (for Virtuoso): {:.1}s", r.seconds));
            nq
        }
    };
    virtuoso::compare(&nq, &served, line)
}
