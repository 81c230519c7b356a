//! The layout rules of docs/architecture.md, checked on the source tree: no import
//! circles between modules, no lower floor importing from a higher one, and the
//! extractor's files small enough to read.

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every module of the crate (`extract::roles`, `lang`, …) and its file.
fn modules() -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src()).sort_by_file_name() {
        let entry = entry.expect("readable src tree");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src()).unwrap().with_extension("");
        let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
            parts.pop();
        }
        out.insert(parts.join("::"), path.to_path_buf());
    }
    out
}

/// The module a `crate::…`/`super::…` path names: its longest prefix that is a module.
fn target(modules: &BTreeMap<String, PathBuf>, current: &str, path: &str) -> Option<String> {
    let mut segs: Vec<&str> = path.split("::").collect();
    let mut base: Vec<&str> = match segs[0] {
        "crate" => Vec::new(),
        "super" => {
            let mut b: Vec<&str> = current.split("::").collect();
            b.pop();
            while segs.get(1) == Some(&"super") {
                b.pop();
                segs.remove(0);
            }
            b
        }
        _ => return None,
    };
    segs.remove(0);
    let mut best = None;
    for seg in std::iter::once(None).chain(segs.iter().map(Some)) {
        if let Some(s) = seg {
            base.push(s);
        }
        let m = base.join("::");
        if modules.contains_key(&m) {
            best = Some(m);
        }
    }
    best.filter(|m| !m.is_empty() && m != current && !current.starts_with(&format!("{m}::")))
}

/// Which modules each module imports from (test modules left out).
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let path_re = Regex::new(r"\b((?:crate|super)(?:::\w+)+)").unwrap();
    let group_re = Regex::new(r"use\s+((?:crate|super)(?:::\w+)*)::\{([^}]*)\}").unwrap();
    let mut out = BTreeMap::new();
    for (m, file) in &modules {
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let mut deps = BTreeSet::new();
        for c in path_re.captures_iter(code) {
            deps.extend(target(&modules, m, &c[1]));
        }
        for c in group_re.captures_iter(code) {
            for item in c[2].split(',') {
                let item = item.split_whitespace().next().unwrap_or_default().split("::").next().unwrap_or_default();
                if !item.is_empty() && item != "self" {
                    deps.extend(target(&modules, m, &format!("{}::{item}", &c[1])));
                }
            }
        }
        out.insert(m.clone(), deps);
    }
    out
}

/// Modules on a circle of imports (strongly connected components of more than one).
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    // Two modules are on one circle when each reaches the other.
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(m) = todo.pop() {
            for d in graph.get(&m).into_iter().flatten() {
                if seen.insert(d.clone()) {
                    todo.push(d.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> = graph.keys().map(|m| (m, reach(m))).collect();
    let mut found: Vec<BTreeSet<String>> = Vec::new();
    for (m, r) in &reaches {
        let circle: BTreeSet<String> = r.iter().filter(|o| reaches.get(o).is_some_and(|back| back.contains(*m))).cloned().collect();
        if circle.len() > 1 && !found.contains(&circle) {
            found.push(circle);
        }
    }
    found
}

#[test]
fn no_import_circles() {
    let graph = imports();
    assert!(
        graph.contains_key("extract::roles") && graph["extract::demands"].contains("extract::clauses"),
        "the import scan finds the modules"
    );
    assert_eq!(circles(&graph), Vec::<BTreeSet<String>>::new());
}

#[test]
fn the_circle_check_sees_a_circle() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    graph.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    graph.insert("d".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(circles(&graph), vec![BTreeSet::from(["a".to_string(), "b".to_string(), "c".to_string()])]);
}

#[test]
fn lower_floors_do_not_import_from_higher_ones() {
    // article and lang sit below extract; extract below store, graph, render, serve and the CLI.
    let graph = imports();
    let higher = |m: &str, floors: &[&str]| floors.iter().any(|f| m == *f || m.starts_with(&format!("{f}::")));
    for (m, deps) in &graph {
        let above: &[&str] = if higher(m, &["article", "lang"]) {
            &["extract", "store", "graph", "render", "serve", "cli", "eval", "push", "queries", "validate"]
        } else if higher(m, &["extract"]) {
            &["store", "graph", "render", "serve", "cli", "eval", "push", "queries", "validate"]
        } else {
            &[]
        };
        for d in deps {
            assert!(!higher(d, above), "{m} imports {d}, a module on a higher floor");
        }
    }
}

#[test]
fn extractor_files_stay_readable() {
    for (m, file) in modules() {
        if m.starts_with("extract") || m.starts_with("eval") {
            let lines = std::fs::read_to_string(&file).unwrap().lines().count();
            assert!(lines <= 520, "{} has {lines} lines; split it by stage (docs/architecture.md)", file.display());
        }
    }
}

/// The fuzz crate (fuzz/, its own workspace) is built with `--locked` by fuzz/run.sh in CI,
/// after the tests: its Cargo.lock must list every dependency warta has without its
/// default features, or that build stops at "cannot update the lock file". Checked here,
/// without network, so that a new dependency is caught by `cargo test`, not an hour later.
#[test]
fn fuzz_lock_lists_every_dependency_of_warta() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest: toml::Table = std::fs::read_to_string(root.join("Cargo.toml")).unwrap().parse().unwrap();
    let wanted: BTreeSet<String> = manifest["dependencies"]
        .as_table()
        .unwrap()
        .iter()
        .filter(|(_, spec)| !spec.get("optional").and_then(toml::Value::as_bool).unwrap_or(false))
        .map(|(name, _)| name.clone())
        .collect();
    let lock: toml::Table = std::fs::read_to_string(root.join("fuzz/Cargo.lock")).unwrap().parse().unwrap();
    let warta = lock["package"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"].as_str() == Some("warta"))
        .expect("fuzz/Cargo.lock has a warta package");
    let locked: BTreeSet<String> =
        warta["dependencies"].as_array().unwrap().iter().map(|d| d.as_str().unwrap().split(' ').next().unwrap().to_string()).collect();
    assert_eq!(locked, wanted, "fuzz/Cargo.lock is stale: run `cargo update --workspace --manifest-path fuzz/Cargo.toml`");
}
