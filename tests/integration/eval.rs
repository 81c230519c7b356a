//! `warta eval`: the seed scores stay high (the regression guard), the numbers equal
//! those of ../shared/tools/score-gold.py, and a bad gold file gives one clear error.

use crate::common::*;
use serde_json::Value;
use std::process::Command;

const KINDS: [&str; 5] = ["demands", "meetings", "rejections", "regions", "roles"];
const ROWS: [&str; 7] = ["demands", "meetings", "rejections", "regions", "roles", "participants", "all"];

/// The gold sets: (gold file, article folder), relative to the repository; the seeds
/// only when ../shared is there.
fn gold_sets() -> Vec<(String, String)> {
    let mut sets = Vec::new();
    if let Some(seeds) = seeds() {
        let gold = root().join("../shared/gold/seeds.toml");
        assert!(gold.exists(), "{} is missing beside the seeds", gold.display());
        sets.push((gold.display().to_string(), seeds.display().to_string()));
    }
    sets.push(("examples/gold.toml".into(), "examples/articles".into()));
    sets.push(("tests/fixtures/id/gold.toml".into(), "tests/fixtures/id/articles".into()));
    sets
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn num(v: &Value, row: &str, field: &str) -> f64 {
    v["scores"][row][field].as_f64().unwrap_or_else(|| panic!("no scores.{row}.{field} in {v}"))
}

#[test]
fn seeds_score_high() {
    let Some(seeds) = seeds() else { return };
    let gold = root().join("../shared/gold/seeds.toml").display().to_string();
    let v = json(&ok(&["eval", &gold, "--texts", &seeds.display().to_string(), "--json"]));
    assert_eq!(v["failures"], Value::Array(vec![]), "articles failed: {v}");
    assert!(num(&v, "all", "f") >= 0.90, "overall F1 below 0.90: {v}");
    for kind in KINDS {
        assert!(num(&v, kind, "f") >= 0.80, "{kind}: F1 below 0.80: {}", v["scores"][kind]);
        assert!(num(&v, kind, "p") >= 0.90, "{kind}: precision below 0.90: {}", v["scores"][kind]);
    }
}

#[test]
fn table_and_detail() {
    let o = warta(&["eval", "tests/fixtures/id/gold.toml", "--texts", "tests/fixtures/id/articles", "--detail"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let table = stdout(&o);
    let rows: Vec<&str> = table.lines().map(|l| l.split_whitespace().next().unwrap_or("")).collect();
    assert_eq!(rows, ROWS);
    assert!(table.lines().all(|l| l.contains(" P=") && l.contains(" F1=") && l.contains("(tp=")), "{table}");
    for line in stderr(&o).lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() == 4 && KINDS.contains(&cols[1]) && (cols[2] == "FP" || cols[2] == "FN"), "bad detail line {line:?}");
    }
    // --only keeps the articles whose file starts with the prefix.
    let only = json(&ok(&["eval", "tests/fixtures/id/gold.toml", "--texts", "tests/fixtures/id/articles", "--json", "--only", "no-such-"]));
    for row in ROWS {
        assert_eq!((num(&only, row, "tp"), num(&only, row, "fp"), num(&only, row, "fn")), (0.0, 0.0, 0.0), "{row}");
    }
}

/// Is rdflib importable? Under CI=true it must be.
fn rdflib() -> bool {
    if !tool("python3", "--version") {
        return false;
    }
    let ok = Command::new("python3").args(["-c", "import rdflib"]).output().is_ok_and(|o| o.status.success());
    if !ok && in_ci() {
        panic!("CI=true but python3 cannot import rdflib: .ci/run must install it");
    }
    if !ok {
        eprintln!("skipping the comparison with score-gold.py: python3 has no rdflib (pip install rdflib)");
    }
    ok
}

/// The FP/FN lines as (file, kind, FP|FN), sorted: which facts were missed or extra.
fn misses(detail: &str) -> Vec<String> {
    let mut v: Vec<String> =
        detail.lines().filter(|l| !l.starts_with("FAIL\t")).map(|l| l.splitn(4, '\t').take(3).collect::<Vec<_>>().join("\t")).collect();
    v.sort();
    v
}

#[test]
fn same_numbers_as_the_python_scorer() {
    if !rdflib() {
        return;
    }
    let cmd = format!("{} extract {{file}} --format ntriples --published {{published}}", env!("CARGO_BIN_EXE_warta"));
    for (gold, texts) in gold_sets() {
        let py = Command::new("python3")
            .args(["../shared/tools/score-gold.py", &gold, "--texts", &texts, "--json", "--detail", "--cmd", &cmd])
            .current_dir(root())
            .output()
            .expect("run python3");
        assert!(py.status.success(), "score-gold.py {gold} failed: {}", stderr(&py));
        let rs = warta(&["eval", &gold, "--texts", &texts, "--json", "--detail"]);
        assert!(rs.status.success(), "warta eval {gold} failed: {}", stderr(&rs));
        let (p, r) = (json(&stdout(&py)), json(&stdout(&rs)));
        for row in ROWS {
            for field in ["tp", "fp", "fn"] {
                assert_eq!(num(&r, row, field), num(&p, row, field), "{gold}: {row}.{field}: warta eval {r} vs score-gold.py {p}");
            }
        }
        assert_eq!(r["scores"], p["scores"], "{gold}: scores differ");
        let failed = |v: &Value| -> Vec<Value> { v["failures"].as_array().expect("failures").iter().map(|f| f[0].clone()).collect() };
        assert_eq!(failed(&r), failed(&p), "{gold}: failed articles differ");
        assert_eq!(misses(&stderr(&rs)), misses(&stderr(&py)), "{gold}: false positives/negatives differ");
    }
}

#[test]
fn bad_gold_file_gives_one_error() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = [
        ("syntax.toml", "[[articles]\nfile = \"a.txt\"\n", "line 1"),
        (
            "type.toml",
            "[[articles]]\nfile = \"a.txt\"\npublished = \"2022-01-01\"\n[[articles.demands]]\nby = \"A\"\nof = \"B\"\nmatch = \"x\"\n",
            "line 7",
        ),
        ("missing.toml", "[[articles]]\nfile = \"a.txt\"\n[[articles.rejections]]\nby = \"A\"\n", "missing field `of`"),
        ("regex.toml", "[[articles]]\nfile = \"a.txt\"\n[[articles.roles]]\nperson = \"A\"\nof = \"B\"\nrole = \"(unclosed\"\n", "line 6"),
    ];
    for (name, text, want) in cases {
        let path = tmp.path().join(name);
        std::fs::write(&path, text).unwrap();
        let p = path.display().to_string();
        let o = warta(&["eval", &p, "--texts", "examples/articles"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: panic: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: not one line: {err}");
        assert!(err.contains(&p) && err.contains(want), "{name}: {err}");
        assert!(stdout(&o).is_empty(), "{name}: printed scores: {}", stdout(&o));
    }
    let o = warta(&["eval", "no/such/gold.toml", "--texts", "examples/articles"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/gold.toml: no such file"), "{}", stderr(&o));
}

#[test]
fn unreadable_article_counts_as_finding_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let gold = tmp.path().join("gold.toml");
    std::fs::write(
        &gold,
        "[entities.Russia]\nwikidata = \"Q159\"\n\n[[articles]]\nfile = \"gone.txt\"\npublished = \"2022-01-21\"\n\n[[articles.rejections]]\nby = \"NATO\"\nof = \"Russia\"\n",
    )
    .unwrap();
    let v = json(&ok(&["eval", &gold.display().to_string(), "--texts", "examples/articles", "--json"]));
    assert_eq!(v["failures"][0][0], "gone.txt", "{v}");
    assert!(v["failures"][0][1].as_str().unwrap_or("").contains("no such file"), "{v}");
    assert_eq!((num(&v, "rejections", "tp"), num(&v, "rejections", "fn")), (0.0, 1.0));
}

#[test]
fn calibration_counts_each_rules_facts() {
    let Some(seeds) = seeds() else { return };
    let gold = root().join("../shared/gold/seeds.toml").display().to_string();
    let out = ok(&["eval", &gold, "--texts", &seeds.display().to_string(), "--calibration"]);
    // The seeds' facts are all right (F1 1.00): every rule row reads precision 1.00 and
    // the rows add up to the facts the scorer counted (23 true positives, duplicates of a
    // found fact included).
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip_while(|l| !l.starts_with("lang "))
        .skip(1)
        .take_while(|l| !l.starts_with("confidence band"))
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert!(rows.iter().any(|r| r[1] == "role.title-name"), "{out}");
    assert!(rows.iter().any(|r| r[1].starts_with("meeting.")), "{out}");
    for r in &rows {
        assert_eq!(r[0], "id", "{out}");
        assert_eq!(r[2], r[3], "every fact right: {out}");
        assert_eq!(r[4], "1.00", "{out}");
    }
    let facts: usize = rows.iter().map(|r| r[2].parse::<usize>().unwrap()).sum();
    assert!(facts >= 23, "{facts} facts: {out}");
}
