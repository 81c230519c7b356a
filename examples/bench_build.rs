//! Benchmark of incremental builds: N synthetic articles (the sentences of the
//! bundled examples/articles recombined, with the actors swapped; seeded, so the
//! same N and seed give the same articles), built into a fresh store, then built
//! again. The second build must extract nothing; the ratio says what that saves.
//!
//! cargo run --release --example bench_build -- [N=200] [SEED=1] [STORE_DIR]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use warta::article::Article;
use warta::store::{Access, Build, BuildSummary, WartaStore};

/// Indonesian names of actors the gazetteer knows, swapped for one another.
const ACTORS: &[&str] = &[
    "Rusia",
    "Ukraina",
    "China",
    "Amerika Serikat",
    "Jepang",
    "Korea Selatan",
    "Korea Utara",
    "Indonesia",
    "Filipina",
    "Vietnam",
    "Malaysia",
    "Australia",
    "India",
    "Iran",
    "Turki",
    "Prancis",
    "Jerman",
    "Inggris",
    "Mesir",
    "Arab Saudi",
    "NATO",
    "ASEAN",
];

/// splitmix64: a small, seeded, dependency-free generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The sentences of the bundled articles (lines of prose, split at full stops).
fn sentence_pool(dir: &Path) -> Result<Vec<String>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut pool = Vec::new();
    for f in files {
        for a in warta::article::read_file(&f).articles {
            for line in a.body.lines().filter(|l| l.len() > 60) {
                pool.extend(line.split_inclusive(". ").map(str::trim).filter(|s| s.len() > 40).map(String::from));
            }
        }
    }
    if pool.is_empty() {
        return Err(format!("{}: no sentences to combine", dir.display()));
    }
    Ok(pool)
}

/// Article `i`: 8 to 14 sentences of the pool, every known actor swapped for a random one.
fn synthetic(i: usize, pool: &[String], rng: &mut Rng) -> Article {
    let n = 8 + rng.below(7);
    let mut body = Vec::new();
    for _ in 0..n {
        let mut s = pool[rng.below(pool.len())].clone();
        for actor in ACTORS {
            if s.contains(actor) {
                s = s.replace(actor, ACTORS[rng.below(ACTORS.len())]);
            }
        }
        body.push(s);
    }
    let published = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).map(|d| d + chrono::Days::new((i % 365) as u64));
    Article {
        title: format!("Berita sintetis {i}: {}", body[0].chars().take(60).collect::<String>()),
        body: body.join("\n\n"),
        published,
        source: format!("synthetic/{i:05}.txt"),
        url: None,
        external_id: None,
    }
}

/// A build's summary, its time, and the part of it spent after the articles (merge and record).
fn build(store: &Path, articles: &[Article]) -> Result<(BuildSummary, f64, f64), String> {
    let started = Instant::now();
    let store = WartaStore::open(store, Access::Write).map_err(|e| e.to_string())?;
    let mut b = Build::new(&store);
    for a in articles {
        b.add(a, warta::lang::indonesian()).map_err(|e| e.to_string())?;
    }
    let finishing = Instant::now();
    let summary = b.finish(false).map_err(|e| e.to_string())?;
    Ok((summary, started.elapsed().as_secs_f64(), finishing.elapsed().as_secs_f64()))
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map(|s| s.parse().map_err(|_| format!("N must be a number, not {s:?}"))).transpose()?.unwrap_or(200);
    let seed: u64 = args.next().map(|s| s.parse().map_err(|_| format!("SEED must be a number, not {s:?}"))).transpose()?.unwrap_or(1);
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let store = args.next().map(PathBuf::from).unwrap_or_else(|| tmp.path().join("store"));
    let pool = sentence_pool(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles"))?;
    let mut rng = Rng(seed);
    let articles: Vec<Article> = (0..n).map(|i| synthetic(i, &pool, &mut rng)).collect();
    println!("{n} synthetic articles from {} sentences (seed {seed}), store {}", pool.len(), store.display());
    let (first, t1, m1) = build(&store, &articles)?;
    println!(
        "first build:  {t1:8.2} s  (merge and record {m1:.2} s)  {} extracted, {} article graphs, {} quads; merged: {} meetings ({} with conflicting dates), {} demands",
        first.extracted, first.articles, first.quads, first.merged.meetings, first.merged.date_conflicts, first.merged.demands
    );
    let (second, t2, m2) = build(&store, &articles)?;
    println!("second build: {t2:8.2} s  (merge and record {m2:.2} s)  {} extracted, {} unchanged", second.extracted, second.unchanged);
    println!("ratio first/second: {:.1}x", t1 / t2.max(1e-9));
    if second.extracted != 0 || second.unchanged != first.extracted {
        return Err(format!("the second build re-extracted {} article(s); it should extract none", second.extracted));
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench_build: {e}");
            ExitCode::FAILURE
        }
    }
}
