//! Crash safety: `build` killed with SIGKILL at many moments leaves a store that reopens,
//! and the next `build` converges to exactly the quads of an uninterrupted build.

use crate::common::*;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// A few hundred distinct articles made from the bundled samples and fixtures.
fn corpus(dir: &Path, n: usize) {
    let mut texts = Vec::new();
    for sub in ["examples/articles", "tests/fixtures/id/articles"] {
        let mut files: Vec<_> = std::fs::read_dir(root().join(sub)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        texts.extend(files.into_iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let t = &texts[i % texts.len()];
        let (title, body) = t.split_once('\n').unwrap();
        std::fs::write(dir.join(format!("a{i:04}.txt")), format!("{title} ({i})\n{body}\nArtikel nomor {i}.\n")).unwrap();
    }
}

fn sorted_quads(store: &str) -> Vec<String> {
    let mut lines: Vec<String> = ok(&["export", "--store", store, "--format", "nquads"]).lines().map(String::from).collect();
    lines.sort();
    lines
}

#[test]
fn killed_builds_converge_to_the_uninterrupted_graph() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("corpus");
    corpus(&input, 240);
    let input = input.display().to_string();
    let reference = tmp.path().join("reference").display().to_string();
    ok(&["build", &input, "--store", &reference, "--quiet"]);
    let want = sorted_quads(&reference);
    assert!(want.len() > 10_000, "{}", want.len());

    let store = tmp.path().join("crashed").display().to_string();
    let mut killed = 0;
    for step in 0..10u64 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(["build", &input, "--store", &store, "--quiet"])
            .current_dir(root())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(40 + step * 170));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        child.wait().unwrap();
        // The store reopens after every kill (unless the build died before creating it).
        if Path::new(&store).join("CURRENT").exists() {
            let o = warta(&["export", "--store", &store, "--format", "nquads"]);
            assert!(o.status.success(), "store unreadable after kill {step}: {}", stderr(&o));
        }
    }
    assert!(killed >= 5, "the builds finished before they could be killed ({killed} kills)");
    ok(&["build", &input, "--store", &store, "--quiet"]);
    let got = sorted_quads(&store);
    assert_eq!(got.len(), want.len(), "quad count after recovery");
    assert!(got == want, "recovered store differs from the uninterrupted build");
}

#[test]
fn a_second_build_on_a_busy_store_fails_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("corpus");
    corpus(&input, 240);
    let input = input.display().to_string();
    let store = tmp.path().join("store").display().to_string();
    let mut first = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["build", &input, "--store", &store, "--quiet"])
        .current_dir(root())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    if first.try_wait().unwrap().is_none() {
        let started = std::time::Instant::now();
        let o = warta(&["build", &input, "--store", &store]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("is locked by process"), "{}", stderr(&o));
        assert!(started.elapsed() < Duration::from_secs(5), "the second build must not wait");
        let o = warta(&["query", "demands", "--store", &store]);
        assert!(!o.status.success() && stderr(&o).contains("locked"), "a reader sees no half-written store: {}", stderr(&o));
    }
    assert!(first.wait().unwrap().success());
}
