//! Sharded extraction: `warta extract --jsonl -` in parallel processes, then
//! `warta load`, gives the store a single `warta build` gives, quad for quad;
//! the README's GNU parallel recipe does too.

use super::support::*;
use crate::common::*;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// The article graphs and the merged graph of a store, as N-Quads.
fn contents(store: &str) -> (String, String) {
    (ok(&["export", "--store", store, "--format", "nquads"]), ok(&["export", "--store", store, "--merged", "--format", "nquads"]))
}

fn single_build(corpus: &Path, dir: &Path) -> (String, String) {
    let store = dir.join("single").display().to_string();
    ok(&["build", &corpus.display().to_string(), "--store", &store, "--quiet"]);
    contents(&store)
}

#[test]
fn four_parallel_extractions_load_into_the_same_store_as_one_build() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, articles) = sample_corpus(tmp.path());
    let text = std::fs::read_to_string(&corpus).unwrap();
    // Four shards, round robin by line.
    let mut shards = vec![String::new(); 4];
    for (i, line) in text.lines().enumerate() {
        shards[i % 4].push_str(&format!("{line}\n"));
    }
    let children: Vec<_> = shards
        .iter()
        .map(|shard| {
            let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
                .args(["extract", "--jsonl", "-"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start warta extract");
            let mut stdin = child.stdin.take().unwrap();
            let shard = shard.clone();
            std::thread::spawn(move || stdin.write_all(shard.as_bytes()));
            child
        })
        .collect();
    let mut files = Vec::new();
    for (n, child) in children.into_iter().enumerate() {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "shard {n}: {}", stderr(&o));
        let path = tmp.path().join(format!("shard-{n}.nq"));
        std::fs::write(&path, &o.stdout).unwrap();
        files.push(path.display().to_string());
    }
    let union = tmp.path().join("union").display().to_string();
    let mut args = vec!["load", "--store", union.as_str(), "--quiet"];
    args.extend(files.iter().map(String::as_str));
    ok(&args);
    let (graphs, merged) = contents(&union);
    let (want_graphs, want_merged) = single_build(&corpus, tmp.path());
    let named: std::collections::BTreeSet<&str> = graphs.lines().filter_map(|l| l.rsplit(' ').nth(1)).collect();
    assert_eq!(named.len(), articles, "one graph per article");
    assert!(graphs == want_graphs, "sharded article graphs differ from a single build");
    assert!(!merged.is_empty() && merged == want_merged, "sharded merged graph differs from a single build");
    // Loading the same shards again changes nothing.
    ok(&args);
    assert!(contents(&union).0 == want_graphs);
}

#[test]
fn extract_jsonl_streams_each_article_as_it_comes() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, _) = sample_corpus(tmp.path());
    let first = std::fs::read_to_string(&corpus).unwrap().lines().next().unwrap().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["extract", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{first}").unwrap();
    stdin.flush().unwrap();
    // The first article's quads arrive while standard input is still open.
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let _ = tx.send(lines.next().and_then(Result::ok));
        let rest: Vec<String> = lines.map_while(Result::ok).collect();
        let _ = tx.send(Some(rest.join("\n")));
    });
    let line = rx.recv_timeout(Duration::from_secs(30)).expect("no output before end of input").unwrap_or_default();
    assert!(line.ends_with(" .") && line.contains("<https://w3id.org/warta/id/graph/"), "{line}");
    // A broken line is reported with its number; the others load; exit 2.
    writeln!(stdin, "{{\"title\": \"broken").unwrap();
    writeln!(stdin, "{first}").unwrap();
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("stdin:2: not a valid JSON article line"), "{}", stderr(&o));
    let rest = rx.recv_timeout(Duration::from_secs(30)).unwrap().unwrap_or_default();
    assert!(rest.lines().count() > 20);
    // `--jsonl` takes no other inputs or formats.
    let o = warta(&["extract", "--jsonl", "-", "--format", "turtle"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = warta(&["load", &corpus.display().to_string(), "--store", &tmp.path().join("s").display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not N-Quads"), "{}", stderr(&o));
}

/// The first ```sh block of the README's "Scaling out" section.
fn readme_recipe() -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme.split("## Scaling out").nth(1).expect("a Scaling out section in README.md");
    let block = section.split("```sh\n").nth(1).expect("a sh block in Scaling out");
    block.split("```").next().unwrap().to_string()
}

#[test]
fn the_readme_gnu_parallel_recipe_gives_the_same_store() {
    if !tool("parallel", "--version") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, _) = sample_corpus(tmp.path());
    let recipe = readme_recipe();
    assert!(recipe.contains("parallel") && recipe.contains("warta load"), "{recipe}");
    let path = format!("{}:{}", warta_dir().display(), std::env::var("PATH").unwrap_or_default());
    let o = Command::new("sh").args(["-ec", &recipe]).current_dir(tmp.path()).env("PATH", path).output().unwrap();
    assert!(o.status.success(), "the README recipe failed:\n{recipe}\n{}", stderr(&o));
    let built = contents(&tmp.path().join("out/store").display().to_string());
    assert!(built == single_build(&corpus, tmp.path()), "the README recipe built another store than `warta build`");
}
