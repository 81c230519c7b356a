//! warta's benchmark: a deterministic corpus generator and a run that prints
//! the figures of BENCHMARKS.md.
//!
//! cargo run --release --example bench -- gen N DIR [--seed S]
//!     writes N Indonesian articles as DIR/txt/NNN/NNNNNN.txt and as DIR/corpus.jsonl
//! cargo run --release --example bench -- run N [--seed S] [--dir DIR] [--keep]
//!     generates the corpus in DIR (default: a temporary folder), then measures
//!     single-core extraction, full build, no-op rebuild, 1%-changed rebuild,
//!     peak RSS, store size, query latency, and pyoxigraph's bulk load of the
//!     same quads (`pip install pyoxigraph`) with the ratio of the two.
//!
//! The articles are composed from the Indonesian lexicon's cue words and the
//! gazetteer's actors, cities, regions and office holders, with boilerplate
//! noise ("loading...", "A A A", copyright lines) and repeated paragraphs as in
//! real scraped news. Same N and seed, same bytes.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;
use warta::lang::{gazetteer, indonesian, EntityType};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("gen") => gen_cmd(&args[1..]),
        Some("run") => run_cmd(&args[1..]),
        _ => Err("usage: bench gen N DIR [--seed S] | bench run N [--seed S] [--dir DIR] [--keep]".into()),
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

// ---------------------------------------------------------------- generator

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
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// What sentences are made of: names from the gazetteer, cues from the lexicon.
struct Vocabulary {
    actors: Vec<String>,
    cities: Vec<String>,
    regions: Vec<String>,
    /// (title, side, name) of known office holders.
    people: Vec<(String, String, String)>,
    demand_verbs: Vec<String>,
    reject_verbs: Vec<String>,
    meeting_nouns: Vec<String>,
    annexed: Vec<String>,
    occupied: Vec<String>,
    contested: Vec<String>,
}

impl Vocabulary {
    fn new() -> Vocabulary {
        let g = gazetteer();
        let lex = &indonesian().lexicon;
        let id_name = |e: &warta::lang::EntityDef| e.label_id.clone().unwrap_or_else(|| e.label_en.clone());
        let mut actors = Vec::new();
        let mut cities = Vec::new();
        let mut regions = Vec::new();
        let mut people = Vec::new();
        for e in &g.entities {
            match e.etype {
                EntityType::Country | EntityType::Organization if !e.flags.geo && !e.flags.media => actors.push(id_name(e)),
                EntityType::City if e.flags.capital || e.flags.venue => cities.push(id_name(e)),
                EntityType::Region if e.flags.disputed => regions.push(id_name(e)),
                EntityType::Person => {
                    if let (Some(role), Some(side)) = (&e.role_id, e.side.as_deref().and_then(|s| g.get(s))) {
                        people.push((role.clone(), id_name(side.1), e.label_en.clone()));
                    }
                }
                _ => {}
            }
        }
        let strong = |v: &[String], weak: &[String]| v.iter().filter(|w| !weak.contains(w) && w.starts_with("me")).cloned().collect();
        Vocabulary {
            actors,
            cities,
            regions,
            people,
            demand_verbs: strong(&lex.demand.verbs, &lex.demand.weak_verbs),
            reject_verbs: lex.reject.verbs.iter().filter(|w| w.starts_with("me")).cloned().collect(),
            meeting_nouns: vec!["pertemuan".into(), "pembicaraan".into(), "perundingan".into(), "KTT".into()],
            annexed: vec!["dianeksasi".into(), "dicaplok".into()],
            occupied: vec!["diduduki".into(), "dikuasai".into()],
            contested: vec!["disengketakan".into(), "diperebutkan".into()],
        }
    }
}

const MONTHS: &[&str] =
    &["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const DAYS: &[&str] = &["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
const ACTIONS: &[&str] = &[
    "menarik pasukannya dari perbatasan",
    "menghentikan latihan militer di kawasan itu",
    "membuka kembali jalur perundingan",
    "memberikan jaminan keamanan tertulis",
    "mencabut sanksi ekonomi",
    "membebaskan para tahanan politik",
    "menghentikan pembangunan pangkalan baru",
    "mematuhi resolusi Dewan Keamanan",
    "menunda pengiriman senjata",
    "mengizinkan bantuan kemanusiaan masuk",
];
const FILLER: &[&str] = &[
    "Situasi di kawasan itu terus memanas dalam beberapa pekan terakhir.",
    "Para analis menilai ketegangan ini bisa berlangsung lama.",
    "Harga minyak dunia naik tipis setelah kabar tersebut beredar.",
    "Sejumlah warga mengaku khawatir dengan perkembangan terbaru.",
    "Belum ada tanggapan resmi dari pihak lain hingga berita ini diturunkan.",
    "Pengamat hubungan internasional menyebut langkah itu sebagai sinyal penting.",
];
const NOISE: &[&str] = &["loading...", "A A A", "Baca Juga: Berita terkait lainnya", "Copyright © 2022 SINDOnews.com, All Rights Reserved"];

/// Article `i`'s text (title line first) and its publication date.
fn article(i: usize, v: &Vocabulary, rng: &mut Rng) -> (String, String) {
    let year = 2020 + rng.below(4);
    let month = rng.below(12);
    let day = 1 + rng.below(28);
    let published = format!("{year}-{:02}-{day:02}", month + 1);
    let a = rng.pick(&v.actors).clone();
    let mut b = rng.pick(&v.actors).clone();
    if b == a {
        b = v.actors[(v.actors.iter().position(|x| *x == a).unwrap_or(0) + 1) % v.actors.len()].clone();
    }
    let city = rng.pick(&v.cities).clone();
    let mut paragraphs: Vec<String> = Vec::new();
    let title = format!("{a} {} {b} {}", rng.pick(&v.demand_verbs), rng.pick(ACTIONS));
    paragraphs.push(format!(
        "{}, {} - {}",
        city.to_uppercase(),
        format_args!("{} {} {}", day, MONTHS[month], year),
        sentence(v, rng, &a, &b, &city, day, month, year)
    ));
    let n = 4 + rng.below(8);
    for _ in 0..n {
        let mut p = String::new();
        for k in 0..1 + rng.below(3) {
            if k > 0 {
                p.push(' ');
            }
            p.push_str(&sentence(v, rng, &a, &b, &city, day, month, year));
        }
        paragraphs.push(p);
        if rng.chance(10) {
            paragraphs.push(rng.pick(NOISE).to_string());
        }
        // Scraped pages repeat paragraphs.
        if rng.chance(8) {
            let again = paragraphs[rng.below(paragraphs.len())].clone();
            paragraphs.push(again);
        }
    }
    paragraphs.push(format!("(Artikel {i})"));
    paragraphs.push(NOISE[3].to_string());
    (format!("{title}\n{}\n", paragraphs.join("\n\n")), published)
}

#[allow(clippy::too_many_arguments)]
fn sentence(v: &Vocabulary, rng: &mut Rng, a: &str, b: &str, city: &str, day: usize, month: usize, year: usize) -> String {
    let other = rng.pick(&v.actors).clone();
    let (a, b) = if rng.chance(30) { (other.as_str(), a) } else { (a, b) };
    match rng.below(9) {
        0 | 1 => format!("{a} {} {b} untuk {}.", rng.pick(&v.demand_verbs), rng.pick(ACTIONS)),
        2 => format!("{b} {} tuntutan {a} tersebut.", rng.pick(&v.reject_verbs)),
        3 => {
            let wd = DAYS[rng.below(7)];
            format!("Delegasi {a} dan {b} menggelar {} di {city} pada {wd} ({day}/{}/{year}).", rng.pick(&v.meeting_nouns), month + 1)
        }
        4 => {
            let r = rng.pick(&v.regions);
            match rng.below(3) {
                0 => format!("{r}, yang {} oleh {a} pada {}, tetap menjadi sumber ketegangan.", rng.pick(&v.annexed), 2014 + rng.below(8)),
                1 => format!("Sebagian wilayah {r} masih {} pasukan {a}.", rng.pick(&v.occupied)),
                _ => format!("Status {r} masih {} oleh {a} dan {b}.", rng.pick(&v.contested)),
            }
        }
        5 => {
            let (title, side, name) = rng.pick(&v.people);
            format!("\"Kami tidak akan mundur,\" kata {title} {side} {name} kepada wartawan di {city}.")
        }
        _ => rng.pick(FILLER).to_string(),
    }
}

/// Writes the corpus; returns its size in bytes (one copy).
fn generate(n: usize, seed: u64, dir: &Path) -> Result<u64, String> {
    let v = Vocabulary::new();
    let txt = dir.join("txt");
    std::fs::create_dir_all(&txt).map_err(|e| format!("{}: {e}", txt.display()))?;
    let jsonl_path = dir.join("corpus.jsonl");
    let mut jsonl = std::io::BufWriter::new(std::fs::File::create(&jsonl_path).map_err(|e| format!("{}: {e}", jsonl_path.display()))?);
    let mut bytes = 0u64;
    for i in 0..n {
        let mut rng = Rng(seed.wrapping_mul(1_000_003).wrapping_add(i as u64));
        let (text, published) = article(i, &v, &mut rng);
        let path = article_path(dir, i);
        if i % 1000 == 0 {
            std::fs::create_dir_all(path.parent().unwrap()).map_err(|e| e.to_string())?;
        }
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
        let line = serde_json::json!({"id": format!("bench-{i}"), "title": title, "text": body, "published": published});
        writeln!(jsonl, "{line}").map_err(|e| e.to_string())?;
        bytes += text.len() as u64;
    }
    jsonl.flush().map_err(|e| e.to_string())?;
    Ok(bytes)
}

fn article_path(dir: &Path, i: usize) -> PathBuf {
    dir.join("txt").join(format!("{:03}", i / 1000)).join(format!("{i:06}.txt"))
}

// ---------------------------------------------------------------- measuring

struct Timed {
    seconds: f64,
    max_rss_kb: i64,
    ok: bool,
    stderr: String,
}

/// Runs a command, returns its wall time and peak RSS (from wait4).
fn timed(cmd: &mut Command) -> Result<Timed, String> {
    let t = Instant::now();
    let child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().map_err(|e| format!("{cmd:?}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut stderr = child.stderr.ok_or("no stderr")?;
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
        s
    });
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; usage is a valid out-parameter.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = t.elapsed().as_secs_f64();
    if r < 0 {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    let stderr = reader.join().unwrap_or_default();
    Ok(Timed { seconds, max_rss_kb: usage.ru_maxrss, ok: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, stderr })
}

fn warta_bin() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    // target/release/examples/bench → target/release/warta
    let bin = exe.parent().and_then(Path::parent).map(|p| p.join("warta")).ok_or("cannot find target dir")?;
    if !bin.exists() {
        return Err(format!("{} is missing: run `cargo build --release` first", bin.display()));
    }
    Ok(bin)
}

fn dir_size(path: &Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// The build's phase timings (`WARTA_TIMINGS=1`), indented under its line.
fn phases(line: &mut impl FnMut(String), stderr: &str) {
    for l in stderr.lines().filter_map(|l| l.strip_prefix("warta: timing: ")) {
        line(format!("    {l}"));
    }
}

/// A library query running longer than this is stopped and reported as such.
const QUERY_TIMEOUT_S: u64 = 60;

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

    // 5. The floor: pyoxigraph's bulk loader on the same quads.
    let quads = std::fs::read(&nq).map(|b| b.iter().filter(|&&c| c == b'\n').count()).unwrap_or(0);
    let py = dir.join("pyoxigraph-store");
    let _ = std::fs::remove_dir_all(&py);
    let script = "import sys, time, pyoxigraph as ox\nt = time.perf_counter()\ns = ox.Store(sys.argv[2])\ns.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)\ns.flush()\nprint(time.perf_counter() - t)\n";
    let out = Command::new("python3").arg("-c").arg(script).arg(&nq).arg(&py).output().map_err(|e| format!("python3: {e}"))?;
    if !out.status.success() {
        line(format!("pyoxigraph bulk load: failed ({}) — pip install pyoxigraph", String::from_utf8_lossy(&out.stderr).trim()));
    } else {
        let py_s: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().map_err(|_| "pyoxigraph printed no time")?;
        line(format!(
            "pyoxigraph bulk load of the same {quads} quads: {py_s:.1}s; warta full build {:.1}s; ratio warta/pyoxigraph = {:.2}",
            full.seconds,
            full.seconds / py_s
        ));
    }
    if args.iter().any(|a| a == "--keep") {
        let kept = tmp.keep();
        eprintln!("kept {}", kept.display());
    }
    Ok(())
}
