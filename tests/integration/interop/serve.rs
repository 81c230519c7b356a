//! `warta serve`: the SPARQL 1.1 Protocol over HTTP, asked with curl and
//! with rdflib's SPARQLStore; limits; a clean stop on Ctrl-C.

use super::support::*;
use crate::common::*;
use std::process::Command;
use std::time::Duration;

/// Starts `warta serve` on a free port; returns the server and its /query URL.
fn start(store: &str, extra: &[&str]) -> (Background, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_warta"));
    cmd.args(["serve", "--store", store, "--bind", "127.0.0.1:0"]).args(extra);
    let (server, line) = Background::start(cmd, Some("/query"), Duration::from_secs(30));
    let url =
        line.split_whitespace().find(|w| w.starts_with("http://")).unwrap_or_else(|| panic!("no URL in {:?}", server.log())).to_string();
    (server, url)
}

fn has_curl() -> bool {
    tool("curl", "--version")
}

#[test]
fn serve_answers_the_sparql_protocol() {
    let Some((_tmp, store)) = seed_store() else { return };
    if !has_curl() {
        return;
    }
    let (mut server, url) = start(&store, &[]);
    let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/warta/ontology#Meeting> }";
    // GET, JSON by default.
    let r = curl(&["-G", "--data-urlencode", &format!("query={count}")], &url);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.headers.contains("content-type: application/sparql-results+json"), "{}", r.headers);
    let v: serde_json::Value = serde_json::from_str(&r.body).expect("JSON results");
    let meetings: usize = v["results"]["bindings"][0]["n"]["value"].as_str().unwrap().parse().unwrap();
    assert!(meetings >= 2, "{}", r.body);
    // POST form, CSV; POST sparql-query, TSV and XML.
    let r = curl(&["-H", "Accept: text/csv", "--data-urlencode", &format!("query={count}")], &url);
    assert_eq!((r.status, r.body.replace("\r\n", "\n")), (200, format!("n\n{meetings}\n")));
    let raw = ["-H", "Content-Type: application/sparql-query", "--data-binary", count];
    let r = curl(&[&["-H", "Accept: text/tab-separated-values"][..], &raw].concat(), &url);
    assert!(r.body.starts_with("?n\n"), "{}", r.body);
    let r = curl(&[&["-H", "Accept: application/sparql-results+xml"][..], &raw].concat(), &url);
    roxmltree::Document::parse(&r.body).expect("XML results");
    // The library's demands query gives the same rows as `warta query`.
    let demands = std::fs::read_to_string(root().join("queries/demands.rq")).unwrap();
    let r = curl(&["-H", "Accept: text/csv", "--data-urlencode", &format!("query={demands}")], &url);
    let local = ok(&["query", "demands", "--store", &store, "--format", "csv"]);
    assert_eq!(r.body.replace("\r\n", "\n"), local.replace("\r\n", "\n"));
    // CONSTRUCT in the negotiated RDF syntax.
    let construct = "CONSTRUCT { ?m <https://w3id.org/warta/ontology#heldIn> ?c } WHERE { ?m <https://w3id.org/warta/ontology#heldIn> ?c }";
    let r = curl(&["-H", "Accept: application/n-triples", "--data-urlencode", &format!("query={construct}")], &url);
    assert_eq!(r.status, 200);
    assert!(r.body.lines().count() >= meetings && triples(&r.body).iter().any(|t| t.2 == GENEVA), "{}", r.body);
    let r = curl(&["--data-urlencode", &format!("query={construct}")], &url);
    assert!(r.headers.contains("content-type: text/turtle") && r.body.contains("warta:heldIn"), "{}", r.body);
    // Errors: a syntax error with the parser's message, updates, unknown formats and paths.
    let r = curl(&["--data-urlencode", "query=SELECT ?x WHERE { ?x"], &url);
    assert_eq!(r.status, 400);
    assert!(r.body.contains("SPARQL syntax error") && r.body.contains("1:"), "{}", r.body);
    let r = curl(&["--data-urlencode", "update=DROP ALL"], &url.replace("/query", "/update"));
    assert_eq!(r.status, 403, "{}", r.body);
    let r = curl(&["-H", "Accept: image/png", "--data-urlencode", &format!("query={count}")], &url);
    assert_eq!(r.status, 406);
    assert_eq!(curl(&[], &url.replace("/query", "/nothing")).status, 404);
    assert_eq!(curl(&["-X", "DELETE"], &url).status, 405);
    // rdflib's SPARQLStore reads the same rows.
    if python_module("rdflib") {
        let code = "import sys\nfrom rdflib.plugins.stores.sparqlstore import SPARQLStore\n\
            s = SPARQLStore(sys.argv[1])\n\
            rows = s.query('PREFIX warta: <https://w3id.org/warta/ontology#> SELECT ?m ?c WHERE { ?m warta:heldIn ?c }')\n\
            for m, c in rows: print(m, c)";
        let rows = python(code, &[&url]);
        assert_eq!(rows.lines().count(), meetings, "{rows}");
        assert!(rows.contains("https://w3id.org/warta/id/entity/Q71"), "{rows}");
    }
    // Ctrl-C: the server stops by itself, having logged one line per request.
    let o = Command::new("kill").args(["-INT", &server.pid()]).output().expect("kill");
    assert!(o.status.success());
    let status = (0..100).find_map(|_| {
        std::thread::sleep(Duration::from_millis(100));
        server.child.try_wait().ok().flatten()
    });
    assert!(status.is_some_and(|s| s.success()), "the server did not stop cleanly: {}", server.log());
    std::thread::sleep(Duration::from_millis(200));
    let log = server.log();
    assert!(log.contains("warta: stopped"), "{log}");
    assert!(log.lines().filter(|l| l.contains("\"POST /query\" 200")).count() >= 5, "{log}");
    assert!(log.contains("\"POST /query\" 400") && log.contains("\"POST /update\" 403"), "{log}");
}

#[test]
fn serve_limits_time_and_rows() {
    let Some((_tmp, store)) = seed_store() else { return };
    if !has_curl() {
        return;
    }
    let (_server, url) = start(&store, &["--timeout-secs", "1", "--max-rows", "3"]);
    let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let started = std::time::Instant::now();
    let r = curl(&["--data-urlencode", &format!("query={slow}")], &url);
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("1 s limit"), "{}", r.body);
    assert!(started.elapsed() < Duration::from_secs(20));
    let r = curl(&["-H", "Accept: text/csv", "--data-urlencode", "query=SELECT ?s WHERE { ?s ?p ?o }"], &url);
    assert_eq!(r.status, 200);
    assert_eq!(r.body.replace("\r\n", "\n").lines().count(), 4, "{}", r.body);
    assert!(r.headers.contains("warta-truncated: max-rows=3"), "{}", r.headers);
}

#[test]
fn serve_refuses_a_missing_store_and_a_taken_port() {
    let tmp = tempfile::tempdir().unwrap();
    let o = warta(&["serve", "--store", &tmp.path().join("none").display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no store here"), "{}", stderr(&o));
    let Some((_tmp, store)) = seed_store() else { return };
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let o = warta(&["serve", "--store", &store, "--bind", &addr]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot listen on"), "{}", stderr(&o));
}

/// A runaway query holds one worker until its time limit; light queries sent
/// meanwhile are answered by the other workers at their own speed.
#[test]
fn serve_keeps_answering_light_queries_while_a_runaway_query_runs() {
    let Some((_tmp, store)) = seed_store() else { return };
    if !has_curl() {
        return;
    }
    let (server, url) = start(&store, &["--timeout-secs", "6", "--threads", "3"]);
    let runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let slow_url = url.clone();
    let started = std::time::Instant::now();
    let slow = std::thread::spawn(move || curl(&["--data-urlencode", &format!("query={runaway}")], &slow_url));
    // Give the runaway query time to reach a worker.
    std::thread::sleep(Duration::from_millis(300));
    let light = "SELECT ?m WHERE { ?m a <https://w3id.org/warta/ontology#Meeting> } LIMIT 5";
    let mut answered = 0;
    while started.elapsed() < Duration::from_secs(4) {
        let sent = std::time::Instant::now();
        let r = curl(&["-H", "Accept: text/csv", "--data-urlencode", &format!("query={light}")], &url);
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body.contains("https://w3id.org/warta/id/"), "{}", r.body);
        assert!(sent.elapsed() < Duration::from_secs(2), "a light query waited {:?} behind the runaway one", sent.elapsed());
        answered += 1;
    }
    let r = slow.join().unwrap();
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("6 s limit"), "{}", r.body);
    assert!(answered >= 10, "only {answered} light queries answered while the runaway one ran");
    let log = server.log();
    assert!(log.matches("\"POST /query\" 200").count() >= answered, "{log}");
}

/// Every worker busy and the queue full: the next request is refused at once.
#[test]
fn serve_refuses_with_503_when_workers_and_queue_are_full() {
    let Some((_tmp, store)) = seed_store() else { return };
    if !has_curl() {
        return;
    }
    let (_server, url) = start(&store, &["--timeout-secs", "4", "--threads", "1", "--queue", "1"]);
    let runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let held: Vec<_> = (0..2)
        .map(|_| {
            let url = url.clone();
            let t = std::thread::spawn(move || curl(&["--data-urlencode", &format!("query={runaway}")], &url));
            std::thread::sleep(Duration::from_millis(300));
            t
        })
        .collect();
    let sent = std::time::Instant::now();
    let r = curl(&["--data-urlencode", "query=ASK {}"], &url);
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("busy") && r.headers.contains("retry-after: 1"), "{}\n{}", r.headers, r.body);
    assert!(sent.elapsed() < Duration::from_secs(2), "refused after {:?}", sent.elapsed());
    for t in held {
        assert_eq!(t.join().unwrap().status, 503);
    }
    // Once the queue drains, the server answers again.
    assert_eq!(curl(&["--data-urlencode", "query=ASK {}"], &url).status, 200);
}

/// SIGTERM while a slow query runs: the query is cancelled with a 503 that says
/// why, and the server exits at once instead of at the query's time limit.
#[test]
fn serve_stops_promptly_cancelling_a_running_query() {
    let Some((_tmp, store)) = seed_store() else { return };
    if !has_curl() {
        return;
    }
    let (mut server, url) = start(&store, &["--timeout-secs", "60"]);
    let runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let slow = std::thread::spawn(move || curl(&["--data-urlencode", &format!("query={runaway}")], &url));
    std::thread::sleep(Duration::from_millis(500));
    let stopped = std::time::Instant::now();
    let o = Command::new("kill").args(["-TERM", &server.pid()]).output().expect("kill");
    assert!(o.status.success());
    let status = (0..100).find_map(|_| {
        std::thread::sleep(Duration::from_millis(100));
        server.child.try_wait().ok().flatten()
    });
    assert!(status.is_some_and(|s| s.success()), "the server did not stop within 10 s: {}", server.log());
    assert!(stopped.elapsed() < Duration::from_secs(5), "stopping took {:?}", stopped.elapsed());
    let r = slow.join().unwrap();
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("server is stopping"), "{}", r.body);
}
