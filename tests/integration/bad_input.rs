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

/// A sentence whose demand names `tag`, so that each good file's facts can be found.
fn demand(tag: &str) -> String {
    format!("Rusia meminta NATO untuk menarik pasukan {tag} dari Eropa Timur.")
}

#[test]
fn nasty_corpus_loads_every_good_file_and_reports_each_bad_one_once() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nasty");
    std::fs::create_dir(&dir).unwrap();
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    // Bad files, each with the words its one error must carry.
    let mut bad: Vec<(&str, &str)> = Vec::new();
    w("empty.txt", b"");
    bad.push(("empty.txt", "is empty"));
    w("blank.txt", b" \n\t\r\n  \n");
    bad.push(("blank.txt", "is empty"));
    w("random.txt", &(0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect::<Vec<u8>>());
    bad.push(("random.txt", "binary"));
    w("nul.txt", format!("Judul\n{}\0\0\0{}", demand("nul"), demand("nul2")).as_bytes());
    bad.push(("nul.txt", "binary"));
    w("elf.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0");
    bad.push(("elf.txt", "binary"));
    let mut huge = String::from("Artikel Raksasa\n");
    while huge.len() < 50 * 1024 * 1024 {
        huge.push_str(&demand("raksasa"));
        huge.push('\n');
    }
    w("huge_50mb.txt", huge.as_bytes());
    bad.push(("huge_50mb.txt", "too large"));
    w("one_line_5mb.txt", "Rusia meminta NATO mundur, ".repeat(5 * 1024 * 1024 / 27 + 1).as_bytes());
    bad.push(("one_line_5mb.txt", "too large"));
    symlink(dir.join("no-such-target.txt"), dir.join("dangling.txt")).unwrap();
    bad.push(("dangling.txt", "dangling.txt"));
    std::fs::create_dir(dir.join("loop")).unwrap();
    symlink(&dir, dir.join("loop").join("back")).unwrap();
    bad.push(("loop", "loop"));
    w("unreadable.txt", format!("Judul\n{}", demand("terkunci")).as_bytes());
    std::fs::set_permissions(dir.join("unreadable.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let root_user = std::fs::read(dir.join("unreadable.txt")).is_ok(); // root reads anything
    if !root_user {
        bad.push(("unreadable.txt", "permission denied"));
    }
    // JSONL: bad lines are reported as path:line; the good lines load.
    w(
        "mixed.jsonl",
        format!(
            "{{\"title\": \"Baik\", \"text\": \"{}\"}}\n{{\"title\": 5, \"text\": [\"salah\"], \"published\": true}}\n[1, 2, 3]\nnull\n{{\"title\": \"Terpotong\", \"te",
            demand("jsonl")
        )
        .as_bytes(),
    );
    bad.extend([
        ("mixed.jsonl:2:", "mixed.jsonl:2:"),
        ("mixed.jsonl:3:", "mixed.jsonl:3:"),
        ("mixed.jsonl:4:", "mixed.jsonl:4:"),
        ("mixed.jsonl:5:", "mixed.jsonl:5:"),
    ]);
    // Good files: each must load and its demand must reach the store.
    let mut good: Vec<&str> = Vec::new();
    w("latin1.txt", b"Rusia Menolak\nRusia meminta NATO untuk menarik pasukan latin dari Eropa Timur. Caf\xe9 \xabkata\xbb.\n");
    good.push("latin");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(format!("Judul UTF-16\r\n{}\r\n", demand("utf16")).encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    w("utf16_bom.txt", &utf16);
    good.push("utf16");
    w("bom_crlf.txt", format!("\u{feff}Judul\r\n{}\r\n", demand("crlf")).as_bytes());
    good.push("crlf");
    let nested = format!("Kutipan\n{}{}{}", "«“‘\"".repeat(2000), demand("kutipan"), "\"’”»".repeat(2000));
    w("nested_quotes.txt", nested.as_bytes());
    good.push("kutipan");
    w("rtl.txt", format!("عنوان الخبر\nقال المتحدث إن روسيا طالبت حلف الناتو. שלום עולם. {}\n", demand("rtl")).as_bytes());
    good.push("rtl");
    w("emoji.txt", format!("🔥 Berita 🔥\n😀🇷🇺🇺🇦 {} 👍🏽👨‍👩‍👧\n", demand("emoji")).as_bytes());
    good.push("emoji");
    w("controls.txt", format!("Judul\x07\n\x1b[31m{}\x1b[0m\x0c\x08\n", demand("kontrol")).as_bytes());
    good.push("kontrol");
    w("zero_width.txt", format!("Ju\u{200b}dul\n{}\u{200d}\u{2060}\n", demand("lebar")).as_bytes());
    good.push("lebar");
    let mut tiny = String::new();
    for i in 0..10_000 {
        tiny.push_str(&format!("{{\"id\": \"t{i}\", \"title\": \"Berita {i}\", \"text\": \"Kabar singkat nomor {i}.\"}}\n"));
    }
    w("tiny_10000.jsonl", tiny.as_bytes());
    w("upper.TXT", format!("Huruf Besar\n{}\n", demand("besar")).as_bytes());
    good.push("besar");
    std::fs::create_dir(dir.join("folder.txt")).unwrap(); // a folder named like an article: not an input
    w("notes.md", b"# not an article"); // other extensions: not inputs

    let store = tmp.path().join("store").display().to_string();
    let o = warta(&["build", &dir.display().to_string(), "--store", &store]);
    no_panic(&o);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "some inputs failed: {err}");
    let error_lines: Vec<&str> = err.lines().filter(|l| l.starts_with("warta: error:")).collect();
    for (name, reason) in &bad {
        let lines: Vec<&&str> = error_lines.iter().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "{name} reported once: {error_lines:#?}");
        assert!(lines[0].to_lowercase().contains(&reason.to_lowercase()), "{name}: {reason}: {}", lines[0]);
    }
    assert_eq!(error_lines.len(), bad.len(), "no other errors: {error_lines:#?}");
    let loaded = 10_000 + good.len() + 1 + usize::from(root_user);
    assert!(err.contains(&format!("{loaded} article(s) loaded")), "{err}");
    let nq = ok(&["export", "--store", &store]);
    for tag in good.iter().chain(&["jsonl"]) {
        assert!(nq.contains(&format!("menarik pasukan {tag} dari Eropa Timur")), "{tag}'s demand is in the store");
    }
    assert!(nq.contains("\"Berita 9999\""), "the last tiny JSONL article is in the store");
    // Run again: the same failures, nothing lost, nothing new.
    let again = warta(&["build", &dir.display().to_string(), "--store", &store]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains(&format!("0 article(s) loaded, {loaded} unchanged")), "{}", stderr(&again));
    let _ = std::fs::set_permissions(dir.join("unreadable.txt"), std::fs::Permissions::from_mode(0o644));
}
