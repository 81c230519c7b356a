//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/seeds` beside the repository. CI has it; a user's clone may not,
/// in which case seed tests are skipped outside CI and fail inside it.
pub fn seeds() -> Option<PathBuf> {
    shared("seeds", "000_e43f02ee6ccfe38c.txt")
}

/// `../shared/dev`, the real-news development corpus with its gold; like the seeds,
/// skipped outside CI when absent and required under CI=true.
pub fn dev() -> Option<PathBuf> {
    shared("dev", "gold.toml")
}

/// `../shared/NAME` when it holds `marker`.
fn shared(name: &str, marker: &str) -> Option<PathBuf> {
    let dir = root().join("../shared").join(name);
    if dir.join(marker).exists() {
        return Some(dir);
    }
    if in_ci() {
        panic!("CI=true but ../shared/{name} is missing: CI must run beside shared/");
    }
    eprintln!("skipping: ../shared/{name} not found (not in CI)");
    None
}

pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Is an external tool on PATH? Under CI=true a missing tool fails the test.
pub fn tool(name: &str, version_arg: &str) -> bool {
    let ok = Command::new(name).arg(version_arg).output().is_ok();
    if !ok && in_ci() {
        panic!("CI=true but `{name}` is not installed: .ci/run must install it");
    }
    if !ok {
        eprintln!("skipping the `{name}` part: not installed");
    }
    ok
}

pub fn warta(args: &[&str]) -> Output {
    warta_in(&root(), args)
}

pub fn warta_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warta")).args(args).current_dir(dir).output().expect("run warta")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs warta and insists on success, showing stderr otherwise.
pub fn ok(args: &[&str]) -> String {
    let o = warta(args);
    assert!(o.status.success(), "warta {args:?} failed: {}", stderr(&o));
    stdout(&o)
}

pub fn seed(name: &str) -> Option<String> {
    seeds().map(|d| d.join(name).display().to_string())
}

pub const SEED_000: &str = "000_e43f02ee6ccfe38c.txt";
pub const SEED_002: &str = "002_90dde23477cdf8f1.txt";

/// A fresh store built from the seeds, in a temporary folder.
pub fn seed_store() -> Option<(tempfile::TempDir, String)> {
    let seeds = seeds()?;
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store").display().to_string();
    ok(&["build", &seeds.display().to_string(), "--store", &store, "--quiet"]);
    Some((tmp, store))
}

/// N-Triples lines parsed into (s, p, o) strings.
pub fn triples(nt: &str) -> Vec<(String, String, String)> {
    oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NTriples)
        .for_slice(nt.as_bytes())
        .map(|q| {
            let q = q.expect("valid N-Triples");
            (q.subject.to_string(), q.predicate.to_string(), q.object.to_string())
        })
        .collect()
}

pub const W: &str = "https://w3id.org/warta/ontology#";
pub const RUSSIA: &str = "<https://w3id.org/warta/id/entity/Q159>";
pub const NATO: &str = "<https://w3id.org/warta/id/entity/Q7184>";
pub const US: &str = "<https://w3id.org/warta/id/entity/Q30>";
pub const GENEVA: &str = "<https://w3id.org/warta/id/entity/Q71>";
