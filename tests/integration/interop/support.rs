//! Helpers of the interoperability tests: background servers that are
//! stopped when dropped, HTTP through curl, Python one-liners, a JSONL corpus.

use crate::common::*;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// A server process of a test; killed (if still running) when dropped.
pub struct Background {
    pub child: Child,
    /// Its standard error so far.
    pub log: Arc<Mutex<String>>,
}

impl Background {
    /// Starts `cmd`, collecting stderr; waits for a stderr line containing `ready` (if given).
    pub fn start(mut cmd: Command, ready: Option<&str>, wait: Duration) -> (Background, String) {
        let mut child = cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("start a server");
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let out: Box<dyn std::io::Read + Send> = Box::new(child.stdout.take().expect("stdout"));
        let err: Box<dyn std::io::Read + Send> = Box::new(child.stderr.take().expect("stderr"));
        for stream in [out, err] {
            let (log, tx, ready) = (Arc::clone(&log), tx.clone(), ready.map(str::to_string));
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    log.lock().unwrap().push_str(&format!("{line}\n"));
                    if ready.as_deref().is_some_and(|r| line.contains(r)) {
                        let _ = tx.send(line);
                    }
                }
            });
        }
        let line = if ready.is_some() { rx.recv_timeout(wait).unwrap_or_default() } else { String::new() };
        (Background { child, log }, line)
    }

    pub fn pid(&self) -> String {
        self.child.id().to_string()
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// Waits until something accepts connections on the port.
pub fn wait_port(port: u16, limit: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

/// An HTTP exchange through curl: status, headers (lower-cased names) and body.
pub struct Http {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

/// `curl ARGS URL`, with headers captured.
pub fn curl(args: &[&str], url: &str) -> Http {
    let o =
        Command::new("curl").args(["-s", "-S", "-i", "--max-time", "60", "-H", "Expect:"]).args(args).arg(url).output().expect("run curl");
    assert!(o.status.success(), "curl {args:?} {url}: {}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout).replace("\r\n", "\n");
    let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Http { status, headers: head.to_ascii_lowercase(), body: body.to_string() }
}

/// Runs `python3 -c CODE ARGS…` and insists on success.
pub fn python(code: &str, args: &[&str]) -> String {
    let o = Command::new("python3").arg("-c").arg(code).args(args).output().expect("run python3");
    assert!(o.status.success(), "python3 failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Is a Python module importable? Under CI=true a missing one fails the test.
pub fn python_module(name: &str) -> bool {
    let ok = Command::new("python3").args(["-c", &format!("import {name}")]).output().is_ok_and(|o| o.status.success());
    if !ok && in_ci() {
        panic!("CI=true but the Python module `{name}` is missing: .ci/run must install it");
    }
    if !ok {
        eprintln!("skipping the `{name}` part: Python module not installed");
    }
    ok
}

pub fn run(cmd: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(cmd).args(args).current_dir(dir).output().unwrap_or_else(|e| panic!("run {cmd}: {e}"))
}

/// A JSONL corpus of the bundled sample articles, each with a URL (so its
/// source, and hence its graph, does not depend on the file it is read from).
pub fn sample_corpus(dir: &Path) -> (PathBuf, usize) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("examples/articles"))
        .expect("examples/articles")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut lines = String::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("sample article");
        let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        let line =
            serde_json::json!({ "id": name, "title": title.trim(), "text": body, "url": format!("https://example.org/articles/{name}") });
        lines.push_str(&format!("{line}\n"));
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, lines).expect("write corpus");
    (path, files.len())
}

/// The warta binary's folder, to put on PATH for shell recipes.
pub fn warta_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_warta")).parent().expect("bin dir").to_path_buf()
}

/// Distinct non-empty lines, sorted: N-Quads or CSV rows as a set.
pub fn line_set(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text.replace("\r\n", "\n").lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect();
    v.sort();
    v.dedup();
    v
}
