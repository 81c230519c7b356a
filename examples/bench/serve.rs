//! Query speed through `warta query` (the fixed cost of a process) and
//! through `warta serve` (per request, each library query, and under load
//! with and without a runaway query holding a worker).

use crate::client::{agent, ms, percentile, sparql, Guard};
use crate::measure::{timed, QUERY_TIMEOUT_S};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What the load clients send, in turn.
const LIGHT: [&str; 2] = ["SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 5", "ASK {}"];
/// A query that does not end on its own (before the server's time limit).
const RUNAWAY: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }";
const CLIENTS: usize = 8;
const LOAD_SECONDS: u64 = 10;

/// A library query answered through serve (or not).
pub struct Served {
    pub name: &'static str,
    pub text: &'static str,
    /// Best time in seconds and rows; or why there is none.
    pub result: Result<(f64, usize), String>,
}

/// The library's queries without parameters.
pub fn library() -> impl Iterator<Item = (&'static str, &'static str)> {
    warta::queries::LIBRARY.iter().copied().filter(|(_, text)| warta::queries::declared(text).is_empty())
}

/// `warta query` of `ASK {}`: opening the store, checking it, answering, exiting.
pub fn ask_whole_process(warta: &Path, store: &Path, line: &mut impl FnMut(String)) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let rq = dir.path().join("ask.rq");
    std::fs::write(&rq, "ASK {}\n").map_err(|e| e.to_string())?;
    let mut best = f64::MAX;
    for _ in 0..3 {
        let r = timed(Command::new(warta).arg("query").arg(&rq).args(["--format", "csv", "--store"]).arg(store))?;
        if !r.ok {
            return Err(format!("warta query ASK {{}} failed: {}", r.stderr.trim()));
        }
        best = best.min(r.seconds);
    }
    line(format!("query ASK {{}} (best of 3, whole process: the fixed cost of `warta query`): {}", ms(best)));
    Ok(())
}

/// A `warta serve` on a free loopback port, stopped when dropped.
struct Server {
    guard: Guard,
    url: String,
}

fn start(warta: &Path, store: &Path, threads: usize) -> Result<Server, String> {
    let mut cmd = Command::new(warta);
    cmd.arg("serve").arg("--store").arg(store).args(["--bind", "127.0.0.1:0", "--threads", &threads.to_string()]);
    cmd.args(["--timeout-secs", &QUERY_TIMEOUT_S.to_string(), "--max-rows", "1000000000"]);
    let mut guard = Guard::spawn(cmd.stdout(Stdio::null()).stderr(Stdio::piped()), Duration::from_secs(5))?;
    let stderr = guard.child.stderr.take().ok_or("serve: no stderr")?;
    // The URL comes on stderr; after it one line per request, read (and dropped) so that the pipe never fills.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut early = String::new();
        let mut sent = false;
        for l in BufReader::new(stderr).lines().map_while(Result::ok) {
            if sent {
                continue;
            }
            if let Some(url) = l.split_whitespace().find(|w| w.starts_with("http://")) {
                let _ = tx.send(Ok(url.to_string()));
                sent = true;
            } else {
                early.push_str(&l);
                early.push('\n');
            }
        }
        if !sent {
            let _ = tx.send(Err(early));
        }
    });
    match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(Ok(url)) => Ok(Server { guard, url }),
        Ok(Err(stderr)) => Err(format!("warta serve exited: {}", stderr.trim())),
        Err(_) => Err("warta serve printed no URL within 120 s".into()),
    }
}

/// Items (a)–(d): per request, the library, load, load beside a runaway query.
pub fn measure(warta: &Path, store: &Path, threads: usize, line: &mut impl FnMut(String)) -> Result<Vec<Served>, String> {
    let mut server = start(warta, store, threads)?;
    let url = server.url.clone();
    line(format!("serve: --threads {threads}, --timeout-secs {QUERY_TIMEOUT_S}, at {url}"));
    let client = agent(Duration::from_secs(QUERY_TIMEOUT_S + 30));

    // (a) The cost of one request.
    let mut lat = Vec::with_capacity(200);
    for _ in 0..200 {
        let a = sparql(&client, &url, "ASK {}")?;
        if a.status != 200 {
            return Err(format!("serve: ASK {{}}: {}", a.brief()));
        }
        lat.push(a.seconds);
    }
    lat.sort_by(f64::total_cmp);
    line(format!(
        "serve ASK {{}} (200 sequential requests, one connection): median {}, p95 {}",
        ms(percentile(&lat, 0.5)),
        ms(percentile(&lat, 0.95))
    ));

    // (b) The library, warm.
    let mut served = Vec::new();
    let mut parts = String::new();
    for (name, text) in library() {
        let result = best_of_3(&client, &url, text);
        match &result {
            Ok((s, rows)) => parts.push_str(&format!("{name} {} ({rows} rows); ", ms(*s))),
            Err(e) => parts.push_str(&format!("{name} failed ({e}); ")),
        }
        served.push(Served { name, text, result });
    }
    line(format!("serve library queries (best of 3, POST, CSV or N-Triples; one run when over 10 s): {parts}"));

    // (c) Light queries from 8 clients.
    let l = load(&url);
    line(format!("serve load ({CLIENTS} clients, {LOAD_SECONDS} s, light queries): {}", l.summary()));

    // (d) The same with a runaway query holding one worker.
    let runaway = {
        let url = url.clone();
        std::thread::spawn(move || sparql(&agent(Duration::from_secs(QUERY_TIMEOUT_S + 60)), &url, RUNAWAY))
    };
    std::thread::sleep(Duration::from_millis(500));
    let l = load(&url);
    let state = if runaway.is_finished() {
        match runaway.join() {
            Ok(Ok(a)) => format!("the runaway query ended after {:.1} s with {}", a.seconds, a.brief()),
            Ok(Err(e)) => format!("the runaway query failed: {e}"),
            Err(_) => "the runaway client panicked".into(),
        }
    } else {
        format!("the runaway query was still running (serve stops it at {QUERY_TIMEOUT_S} s)")
    };
    line(format!("serve load beside a runaway query ({CLIENTS} clients, {LOAD_SECONDS} s): {}; {state}", l.summary()));
    let stop = server.guard.stop();
    line(format!("serve: {stop}"));
    Ok(served)
}

fn best_of_3(client: &ureq::Agent, url: &str, text: &str) -> Result<(f64, usize), String> {
    let mut best: Option<(f64, usize)> = None;
    for _ in 0..3 {
        let a = sparql(client, url, text)?;
        if a.status != 200 {
            return Err(if a.head.contains("limit and was stopped") { format!("> {QUERY_TIMEOUT_S} s, stopped") } else { a.brief() });
        }
        if best.is_none_or(|(s, _)| a.seconds < s) {
            best = Some((a.seconds, a.rows));
        }
        if a.seconds > 10.0 {
            break;
        }
    }
    best.ok_or_else(|| "no run".into())
}

struct Load {
    /// Latencies of the answers with status 200, sorted.
    ok: Vec<f64>,
    /// Other answers by status ("error" when no answer came).
    other: BTreeMap<String, usize>,
    seconds: f64,
}

impl Load {
    fn summary(&self) -> String {
        let bad: usize = self.other.values().sum();
        let detail: Vec<String> = self.other.iter().map(|(k, v)| format!("{v}× {k}")).collect();
        format!(
            "{:.0} queries/s answered 200 ({} in {:.1} s), median {}, p95 {}; {bad} not 200{}",
            self.ok.len() as f64 / self.seconds,
            self.ok.len(),
            self.seconds,
            ms(percentile(&self.ok, 0.5)),
            ms(percentile(&self.ok, 0.95)),
            if detail.is_empty() { String::new() } else { format!(" ({})", detail.join(", ")) }
        )
    }
}

/// `CLIENTS` threads, each sending the light queries in turn for `LOAD_SECONDS`.
fn load(url: &str) -> Load {
    let started = Instant::now();
    let deadline = started + Duration::from_secs(LOAD_SECONDS);
    let handles: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let url = url.to_string();
            std::thread::spawn(move || {
                let client = agent(Duration::from_secs(30));
                let (mut ok, mut other) = (Vec::new(), BTreeMap::<String, usize>::new());
                let mut i = c;
                while Instant::now() < deadline {
                    match sparql(&client, &url, LIGHT[i % LIGHT.len()]) {
                        Ok(a) if a.status == 200 => ok.push(a.seconds),
                        Ok(a) => *other.entry(a.status.to_string()).or_default() += 1,
                        Err(_) => *other.entry("error".into()).or_default() += 1,
                    }
                    i += 1;
                }
                (ok, other)
            })
        })
        .collect();
    let mut total = Load { ok: Vec::new(), other: BTreeMap::new(), seconds: 0.0 };
    for h in handles {
        if let Ok((ok, other)) = h.join() {
            total.ok.extend(ok);
            for (k, v) in other {
                *total.other.entry(k).or_default() += v;
            }
        }
    }
    total.seconds = started.elapsed().as_secs_f64();
    total.ok.sort_by(f64::total_cmp);
    total
}
