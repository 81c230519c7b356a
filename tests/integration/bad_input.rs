//! Bad input gives one clear error naming the input, never a panic, and never
//! damages an existing store.

use crate::common::*;
use std::process::Output;

fn no_panic(o: &Output) {
    let e = stderr(o);
    assert!(!e.contains("panicked") && !e.contains("RUST_BACKTRACE"), "panic: {e}");
}

fn sample_store() -> (tempfile::TempDir, String) {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store").display().to_string();
    ok(&["build", "examples/articles", "--store", &store, "--quiet"]);
    (tmp, store)
}

fn quads(store: &str) -> usize {
    ok(&["export", "--store", store]).lines().count()
}

#[test]
fn missing_path() {
    let o = warta(&["extract", "no/such/article.txt"]);
    assert!(!o.status.success());
    no_panic(&o);
    assert!(stderr(&o).contains("no/such/article.txt: no such file"), "{}", stderr(&o));
}

#[test]
fn empty_binary_and_latin1_files() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty.txt");
    std::fs::write(&empty, "  \n\n").unwrap();
    let png = tmp.path().join("image.txt");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    let latin = tmp.path().join("latin1.txt");
    std::fs::write(&latin, b"Rusia Menolak\nMenteri Luar Negeri Rusia Sergey Lavrov bertemu di Jenewa. Caf\xe9 \xabkata\xbb.\n").unwrap();
    for (path, want) in [(&empty, "is empty"), (&png, "binary file (PNG image)")] {
        let o = warta(&["extract", &path.display().to_string()]);
        assert_eq!(o.status.code(), Some(1));
        no_panic(&o);
        assert!(stderr(&o).contains(&path.display().to_string()) && stderr(&o).contains(want), "{}", stderr(&o));
    }
    let o = warta(&["extract", &latin.display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("not valid UTF-8") && stderr(&o).contains("Windows-1252"), "{}", stderr(&o));
    assert!(stdout(&o).contains("Sergey Lavrov"));
}

#[test]
fn folder_with_bad_files_loads_the_good_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(root().join("examples/articles/rusia_ukraina_istanbul.txt"), dir.join("good.txt")).unwrap();
    std::fs::write(dir.join("bad.txt"), b"\x7fELF\x02\x01\x01\0").unwrap();
    std::fs::write(
        dir.join("feed.jsonl"),
        "{\"id\": \"a1\", \"title\": \"Rusia Desak NATO\", \"text\": \"MOSKOW - Rusia meminta NATO untuk menarik pasukan dari Polandia.\", \"published\": \"2022-02-01\"}\n{not json}\n\n{\"id\": 7, \"text\": \"Judul\\nChina menolak tuntutan Filipina.\"}\n",
    )
    .unwrap();
    let store = tmp.path().join("store").display().to_string();
    let o = warta(&["build", &dir.display().to_string(), "--store", &store]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "some inputs failed: {}", stderr(&o));
    assert!(stderr(&o).contains("feed.jsonl:2: not a valid JSON article line"), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.txt: looks like a binary file"), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 article(s) loaded"), "{}", stderr(&o));
    let nq = ok(&["export", "--store", &store]);
    assert!(nq.contains("menarik pasukan dari Polandia"), "the JSONL article was loaded");
    assert!(nq.contains("\"2022-02-01\"^^<http://www.w3.org/2001/XMLSchema#date>"), "JSONL published date kept");
}

#[test]
fn malformed_sparql_names_line_and_column() {
    let (tmp, store) = sample_store();
    let q = tmp.path().join("broken.rq");
    std::fs::write(&q, "PREFIX w: <https://w3id.org/warta/ontology#>\nSELECT ?x WHERE {\n  ?x w:demands ?y\n").unwrap();
    let o = warta(&["query", &q.display().to_string(), "--store", &store]);
    assert_eq!(o.status.code(), Some(1));
    no_panic(&o);
    let e = stderr(&o);
    assert!(e.contains("broken.rq") && e.contains("SPARQL syntax error") && e.contains("4:1"), "{e}");
    let o = warta(&["query", "no-such-query", "--store", &store]);
    assert!(stderr(&o).contains("the library has: demands"), "{}", stderr(&o));
}

#[test]
fn missing_store() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("nothing").display().to_string();
    for cmd in [vec!["query", "demands"], vec!["export"], vec!["render"]] {
        let mut args = cmd.clone();
        args.extend(["--store", &store]);
        let o = warta(&args);
        assert_eq!(o.status.code(), Some(1));
        no_panic(&o);
        assert!(stderr(&o).contains("no store here") && stderr(&o).contains("warta build"), "{}", stderr(&o));
    }
}

#[test]
fn locked_store_fails_clearly_and_keeps_data() {
    let (_tmp, store) = sample_store();
    let before = quads(&store);
    // Hold the write lock as another warta process would.
    let lock = std::fs::OpenOptions::new().read(true).write(true).open(std::path::Path::new(&store).join("warta.lock")).unwrap();
    lock.try_lock().unwrap();
    std::fs::write(std::path::Path::new(&store).join("warta.lock"), "4242").unwrap();
    let o = warta(&["build", "examples/articles", "--store", &store]);
    assert_eq!(o.status.code(), Some(1));
    no_panic(&o);
    assert!(stderr(&o).contains("is locked by process 4242"), "{}", stderr(&o));
    let o = warta(&["query", "demands", "--store", &store]);
    assert!(stderr(&o).contains("is locked"), "readers wait for the writer: {}", stderr(&o));
    drop(lock);
    assert_eq!(quads(&store), before, "nothing stored was lost");
}

#[test]
fn bad_arguments_suggest_values() {
    let o = warta(&["extract", "x.txt", "--format", "turtl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("turtle"), "{}", stderr(&o));
    let o = warta(&["extract", "x.txt", "--published", "21/01/2022"]);
    assert!(stderr(&o).contains("YYYY-MM-DD"), "{}", stderr(&o));
}

#[test]
fn huge_and_truncated_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let huge = tmp.path().join("huge.txt");
    let line = "Rusia meminta NATO untuk menghentikan ekspansi ke timur. ".repeat(20);
    let mut text = String::from("Judul\n");
    while text.len() <= warta::article::MAX_ARTICLE_BYTES {
        text.push_str(&line);
        text.push('\n');
    }
    std::fs::write(&huge, &text).unwrap();
    let o = warta(&["extract", &huge.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    no_panic(&o);
    assert!(stderr(&o).contains("too large for one article") && stderr(&o).contains(".jsonl"), "{}", stderr(&o));
    // A JSONL file cut off in the middle of its last line, and a text cut inside a UTF-8 sequence.
    let cut = tmp.path().join("cut.jsonl");
    std::fs::write(
        &cut,
        "{\"id\": 1, \"title\": \"Judul\", \"text\": \"Rusia meminta NATO untuk mundur.\"}\n{\"id\": 2, \"title\": \"Dua\", \"te",
    )
    .unwrap();
    let o = warta(&["extract", &cut.display().to_string()]);
    assert_eq!(o.status.code(), Some(2), "one good line, one broken: {}", stderr(&o));
    assert!(stderr(&o).contains("cut.jsonl:2:"), "{}", stderr(&o));
    assert!(stdout(&o).contains("https://w3id.org/warta/ontology#demands"));
    let half = tmp.path().join("half.txt");
    let mut bytes = "Judul\nRusia meminta NATO untuk mundur dari Eropa Timur. Caf".as_bytes().to_vec();
    bytes.push(0xC3); // first byte of "é", cut off
    std::fs::write(&half, bytes).unwrap();
    let o = warta(&["extract", &half.display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    no_panic(&o);
    assert!(stdout(&o).contains("https://w3id.org/warta/ontology#demands"));
}
