//! `warta push`: to an oxigraph server (Graph Store Protocol and SPARQL
//! Update, idempotent, same query rows as locally), to Virtuoso with digest
//! authentication, and to a misbehaving mock store (retries, 4xx, auth).

use super::support::*;
use crate::common::*;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// A store built from the bundled sample articles.
fn sample_store(dir: &Path) -> String {
    let store = dir.join("store").display().to_string();
    ok(&["build", &root().join("examples/articles").display().to_string(), "--store", &store, "--quiet"]);
    store
}

/// Runs `warta push` with extra environment variables.
fn push(store: &str, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("push")
        .args(["--store", store])
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("run warta push")
}

/// `SELECT … WHERE { GRAPH ?g … }` counts per graph on a SPARQL endpoint, as sorted CSV lines.
fn graph_counts(query_url: &str) -> Vec<String> {
    let q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";
    let r = curl(&["-H", "Accept: text/csv", "--data-urlencode", &format!("query={q}")], query_url);
    assert_eq!(r.status, 200, "{}", r.body);
    line_set(&r.body).into_iter().filter(|l| l.contains("w3id.org/warta")).collect()
}

#[test]
fn push_to_an_oxigraph_server_is_idempotent_and_answers_like_the_store() {
    if !tool("oxigraph", "--version") || !tool("curl", "--version") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = sample_store(tmp.path());
    let port = free_port();
    let mut cmd = Command::new("oxigraph");
    cmd.args(["serve", "--location", &tmp.path().join("ox").display().to_string(), "--bind", &format!("127.0.0.1:{port}")]);
    let (server, _) = Background::start(cmd, None, Duration::from_millis(0));
    assert!(wait_port(port, Duration::from_secs(30)), "oxigraph serve did not start: {}", server.log());
    let base = format!("http://127.0.0.1:{port}");
    let gsp = ["--endpoint", &format!("{base}/update"), "--graph-store", &format!("{base}/store"), "--merged"];
    let first = push(&store, &gsp, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("warta: pushed 6 graphs"), "{}", stderr(&first));
    let counts = graph_counts(&format!("{base}/query"));
    assert_eq!(counts.len(), 6, "{counts:?}");
    // Again: PUT replaces, nothing doubles. Then the same by SPARQL Update, in small batches.
    assert!(push(&store, &gsp, &[]).status.success());
    assert_eq!(graph_counts(&format!("{base}/query")), counts);
    let update = push(&store, &["--endpoint", &format!("{base}/update"), "--update-only", "--batch", "100", "--merged"], &[]);
    assert!(update.status.success(), "{}", stderr(&update));
    assert_eq!(graph_counts(&format!("{base}/query")), counts);
    // Every graph as it is in the store, and the library query's rows as locally.
    let local =
        ok(&["export", "--store", &store, "--format", "nquads"]) + &ok(&["export", "--store", &store, "--merged", "--format", "nquads"]);
    let local_graphs = line_set(&local).len();
    let remote_total: usize = counts.iter().filter_map(|l| l.rsplit(',').next()?.trim().parse::<usize>().ok()).sum();
    assert_eq!(remote_total, local_graphs, "the server holds other triples than the store");
    let demands = std::fs::read_to_string(root().join("queries/demands.rq")).unwrap();
    let r = curl(&["-H", "Accept: text/csv", "--data-urlencode", &format!("query={demands}")], &format!("{base}/query"));
    let here = ok(&["query", "demands", "--store", &store, "--format", "csv"]);
    assert!(here.lines().count() > 3, "{here}");
    assert_eq!(r.body.replace("\r\n", "\n"), here.replace("\r\n", "\n"));
}

#[test]
fn push_retries_server_errors_and_stops_at_client_errors() {
    if !tool("python3", "--version") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = sample_store(tmp.path());
    let (port, log) = (free_port(), tmp.path().join("requests.jsonl"));
    let mut cmd = Command::new("python3");
    cmd.arg(root().join("tests/fixtures/mock_graph_store.py")).arg(port.to_string()).arg(&log);
    let (server, _) = Background::start(cmd, None, Duration::from_millis(0));
    assert!(wait_port(port, Duration::from_secs(20)), "mock store did not start: {}", server.log());
    let url = |path: &str| format!("http://127.0.0.1:{port}{path}");
    let requests = || -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        std::fs::remove_file(&log).ok();
        text.lines().map(|l| serde_json::from_str(l).expect("log line")).collect()
    };
    // 503, 503, then fine: two retries and the push completes.
    let o = push(&store, &["--endpoint", &url("/flaky"), "--retries", "3"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("HTTP 503; retry 2/3") && stderr(&o).contains("(2 retries)"), "{}", stderr(&o));
    let r = requests();
    assert_eq!(r.iter().map(|x| x["status"].as_u64().unwrap()).collect::<Vec<_>>(), [503, 503, 204, 204, 204, 204, 204]);
    assert!(r
        .iter()
        .all(|x| x["method"] == "PUT" && x["target"].as_str().unwrap().contains("?graph=https%3A%2F%2Fw3id.org%2Fwarta%2Fid%2Fgraph%2F")));
    assert!(r[2]["body"].as_str().unwrap().contains("@prefix warta:") && r[2]["type"] == "text/turtle");
    // Always 500: bounded retries, then a clear error.
    let o = push(&store, &["--endpoint", &url("/down"), "--retries", "2"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("answered 500: disk full (after 2 retries)"), "{}", stderr(&o));
    assert_eq!(requests().len(), 3);
    // 403: no retry, the server's message and a hint.
    let o = push(&store, &["--endpoint", &url("/forbidden")], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("answered 403: no writes for you") && stderr(&o).contains("hint:"), "{}", stderr(&o));
    assert_eq!(requests().len(), 1);
    // Credentials: basic, bearer, digest (challenge, then accepted).
    let secret = [("PUSH_PW", "s3cret"), ("PUSH_TOKEN", "tok123")];
    for (path, args) in [
        ("/basic", vec!["--user", "alice", "--password-env", "PUSH_PW"]),
        ("/bearer", vec!["--token-env", "PUSH_TOKEN"]),
        ("/digest", vec!["--user", "alice", "--password-env", "PUSH_PW", "--auth", "digest"]),
    ] {
        let o = push(&store, &[&["--endpoint", &url(path)][..], &args].concat(), &secret);
        assert!(o.status.success(), "{path}: {}", stderr(&o));
        let statuses: Vec<u64> = requests().iter().map(|x| x["status"].as_u64().unwrap()).collect();
        let want: Vec<u64> = if path == "/digest" { [401, 204, 204, 204, 204, 204].into() } else { vec![204; 5] };
        assert_eq!(statuses, want, "{path}");
    }
    let o = push(
        &store,
        &["--endpoint", &url("/digest"), "--user", "alice", "--password-env", "PUSH_PW", "--auth", "digest"],
        &[("PUSH_PW", "wrong")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("answered 401"), "{}", stderr(&o));
    requests();
    // SPARQL Update in batches: each graph dropped, then inserted.
    let o = push(&store, &["--endpoint", &url("/update"), "--update-only", "--batch", "50"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = requests();
    assert!(r.len() > 10 && r.iter().all(|x| x["method"] == "POST" && x["type"] == "application/sparql-update"));
    assert_eq!(r.iter().filter(|x| x["body"].as_str().unwrap().starts_with("DROP SILENT GRAPH <")).count(), 5);
    // Nobody listening: bounded retries, then "cannot reach".
    let o = push(&store, &["--endpoint", &format!("http://127.0.0.1:{}/store", free_port()), "--retries", "1"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot reach") && stderr(&o).contains("retry 1/1"), "{}", stderr(&o));
}

#[test]
fn push_to_virtuoso_with_digest_authentication() {
    if !tool("virtuoso-t", "--help") || !tool("curl", "--version") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = sample_store(tmp.path());
    let (sql, http) = (free_port(), free_port());
    let db = tmp.path().join("db");
    std::fs::create_dir_all(&db).unwrap();
    let ini = tmp.path().join("virtuoso.ini");
    std::fs::write(&ini, virtuoso_ini(&db, sql, http)).unwrap();
    let mut cmd = Command::new("virtuoso-t");
    cmd.args(["+foreground", "+configfile", &ini.display().to_string()]).current_dir(tmp.path());
    let (server, _) = Background::start(cmd, Some("HTTP server online"), Duration::from_secs(90));
    assert!(wait_port(http, Duration::from_secs(30)), "Virtuoso did not start: {}", server.log());
    let base = format!("http://127.0.0.1:{http}");
    let args = [
        "--endpoint",
        &format!("{base}/sparql-auth"),
        "--graph-store",
        &format!("{base}/sparql-graph-crud-auth"),
        "--auth",
        "digest",
        "--user",
        "dba",
        "--password-env",
        "VIRTUOSO_PASSWORD",
        "--merged",
    ];
    let o = push(&store, &args, &[("VIRTUOSO_PASSWORD", "dba")]);
    assert!(o.status.success(), "{}\n{}", stderr(&o), server.log());
    assert!(push(&store, &args, &[("VIRTUOSO_PASSWORD", "dba")]).status.success());
    let demands = std::fs::read_to_string(root().join("queries/demands.rq")).unwrap();
    let r = curl(&["-H", "Accept: text/csv", "--data-urlencode", &format!("query={demands}")], &format!("{base}/sparql"));
    assert_eq!(r.status, 200, "{}", r.body);
    // Virtuoso quotes every CSV field: compare rows as values.
    let rows = |csv: &str| -> Vec<String> {
        let mut v: Vec<String> = line_set(csv).into_iter().map(|l| l.replace('"', "")).filter(|l| !l.starts_with("demander")).collect();
        v.sort();
        v
    };
    let here = ok(&["query", "demands", "--store", &store, "--format", "csv"]);
    assert_eq!(rows(&r.body), rows(&here));
    let o = push(&store, &args, &[("VIRTUOSO_PASSWORD", "wrong")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("answered 401"), "{}", stderr(&o));
}

fn virtuoso_ini(db: &Path, sql: u16, http: u16) -> String {
    let d = db.display();
    format!(
        "[Database]\nDatabaseFile = {d}/virtuoso.db\nErrorLogFile = {d}/virtuoso.log\nLockFile = {d}/virtuoso.lck\n\
         TransactionFile = {d}/virtuoso.trx\nxa_persistent_file = {d}/virtuoso.pxa\nMaxCheckpointRemap = 2000\nStriping = 0\n\
         TempStorage = TempDatabase\n[TempDatabase]\nDatabaseFile = {d}/virtuoso-temp.db\nTransactionFile = {d}/virtuoso-temp.trx\n\
         [Parameters]\nServerPort = 127.0.0.1:{sql}\nDisableUnixSocket = 1\nMaxClientConnections = 5\nCheckpointInterval = 60\n\
         CaseMode = 2\nDirsAllowed = .\nNumberOfBuffers = 10000\nMaxDirtyBuffers = 6000\nThreadsPerQuery = 2\n\
         [HTTPServer]\nServerPort = 127.0.0.1:{http}\nServerRoot = {d}\nMaxClientConnections = 5\nServerThreads = 5\n\
         Charset = UTF-8\n[SPARQL]\nResultSetMaxRows = 100000\nMaxQueryExecutionTime = 60\n"
    )
}
