//! The web explorer of `warta serve`: routing, content negotiation on `/id/…`,
//! HTML escaping and 404 pages over a real server on loopback, and the pages
//! as Debian's headless Chromium renders them (DOM and screenshots).

use crate::common::*;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A `warta serve` process, killed when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(store: &str, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(["serve", "--store", store, "--bind", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start warta serve");
        let (tx, rx) = mpsc::channel();
        let err = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("warta: explorer at ") {
                    let _ = tx.send(url.trim_end_matches('/').to_string());
                }
            }
        });
        let base = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_else(|_| {
            let _ = child.kill();
            panic!("warta serve did not start within 30 s")
        });
        Server { child, base }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    content_type: String,
    /// `Access-Control-Allow-Origin`, when sent.
    cors: Option<String>,
    body: String,
}

fn get(url: &str, accept: Option<&str>) -> Reply {
    let agent: ureq::Agent =
        ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(Duration::from_secs(30))).build().into();
    let mut req = agent.get(url);
    if let Some(a) = accept {
        req = req.header("Accept", a);
    }
    let mut r = req.call().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let header = |name: &str| r.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let (content_type, cors) = (header("content-type").unwrap_or_default(), header("access-control-allow-origin"));
    let body = r.body_mut().with_config().limit(50 * 1024 * 1024).read_to_string().unwrap_or_default();
    Reply { status: r.status().as_u16(), content_type, cors, body }
}

fn enc(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The rows of a SELECT through the server's SPARQL endpoint, as CSV lines without the header.
fn sparql(base: &str, query: &str) -> Vec<String> {
    let r = get(&format!("{base}/query?query={}", enc(query)), Some("text/csv"));
    assert_eq!(r.status, 200, "{}", r.body);
    r.body.lines().skip(1).map(str::to_string).collect()
}

const BRUSSELS_MEETING: &str =
    "PREFIX warta: <https://w3id.org/warta/ontology#> SELECT ?m WHERE { GRAPH <https://w3id.org/warta/id/graph/merged> { \
     ?m warta:heldIn <https://w3id.org/warta/id/entity/brussels> ; warta:dateConflict true } }";

/// The path (`/id/…`) of the merged Brussels meeting whose two reports disagree on the date.
fn brussels_meeting(base: &str) -> String {
    let rows = sparql(base, BRUSSELS_MEETING);
    assert_eq!(rows.len(), 1, "one merged Brussels meeting with a date conflict: {rows:?}");
    rows[0].replace("https://w3id.org/warta/id/", "/id/")
}

fn parse_rdf(body: &str, format: oxigraph::io::RdfFormat) -> Vec<(String, String, String)> {
    oxigraph::io::RdfParser::from_format(format)
        .for_slice(body.as_bytes())
        .map(|q| {
            let q = q.unwrap_or_else(|e| panic!("invalid RDF ({e}): {body}"));
            (q.subject.to_string(), q.predicate.to_string(), q.object.to_string())
        })
        .collect()
}

#[test]
fn explorer_pages_answer_over_http() {
    let Some((_tmp, store)) = seed_store() else { return };
    let server = Server::start(&store, &[]);
    let base = &server.base;
    let home = get(&format!("{base}/"), None);
    assert_eq!(home.status, 200);
    assert!(home.content_type.starts_with("text/html"), "{}", home.content_type);
    assert!(
        home.body.contains("<b>2</b> articles") && home.body.contains("href=\"/diagrams\"") && home.body.contains("href=\"/sparql\""),
        "{}",
        home.body
    );
    // Search: any case, alternative names, other language.
    for q in ["RUSIA", "russian federation", "jenewa"] {
        let r = get(&format!("{base}/search?q={}", enc(q)), None);
        let want = if q == "jenewa" { "/id/entity/Q71" } else { "/id/entity/Q159" };
        assert!(r.body.contains(&format!("href=\"{want}\"")), "search {q}: {}", r.body);
    }
    // Entity: both labels, Wikidata, demands, the ego diagram with linked nodes.
    let russia = get(&format!("{base}/id/entity/Q159"), Some("text/html"));
    assert_eq!(russia.status, 200);
    for needle in ["Rusia", "Russia", "http://www.wikidata.org/entity/Q159", "Demands made", "Demands received", "Meetings", "<svg"] {
        assert!(russia.body.contains(needle), "entity page lacks {needle}");
    }
    assert!(russia.body.contains("href=\"/id/entity/Q7184\""), "NATO is linked");
    // The Brussels meeting: each source's date, the conflict flagged.
    let meeting = get(&format!("{base}{}", brussels_meeting(base)), None);
    assert_eq!(meeting.status, 200);
    assert!(meeting.body.contains("2022-01-12") && meeting.body.contains("2022-01-13"), "{}", meeting.body);
    assert!(meeting.body.contains("The sources disagree on the date"), "{}", meeting.body);
    assert_eq!(meeting.body.matches("<blockquote>").count(), 2, "one sentence per source");
    // Article: its facts in the order of the text.
    let article =
        sparql(base, "SELECT ?a WHERE { ?a <http://purl.org/dc/terms/issued> \"2022-01-21\"^^<http://www.w3.org/2001/XMLSchema#date> }");
    let page = get(&format!("{base}{}", article[0].replace("https://w3id.org/warta/id/", "/id/")), None);
    assert!(page.body.contains("2022-01-21") && page.body.contains("Facts, in the order of the text"), "{}", page.body);
    let starts: Vec<usize> = page.body.split("<tr><td>").skip(1).filter_map(|c| c.split('<').next()?.parse().ok()).collect();
    assert!(starts.len() >= 5 && starts.windows(2).all(|w| w[0] <= w[1]), "facts in text order: {starts:?}");
    // Diagrams and the query page.
    let diagrams = get(&format!("{base}/diagrams?since=2022-01-01&until=2022-12-31"), None);
    assert_eq!(diagrams.body.matches("<svg").count(), 4, "the four views");
    let q = get(&format!("{base}/sparql?query={}", enc(BRUSSELS_MEETING)), None);
    assert!(q.body.contains("1 result") && q.body.contains("/sparql/results.csv?query="), "{}", q.body);
    let csv = get(&format!("{base}/sparql/results.csv?query={}", enc(BRUSSELS_MEETING)), None);
    assert!(
        csv.content_type.starts_with("text/csv") && csv.body.starts_with("m\r\nhttps://w3id.org/warta/id/merged/meeting/"),
        "{}",
        csv.body
    );
    let bad = get(&format!("{base}/sparql?query={}", enc("SELECT ?x WHERE {\n  ?x ?y")), None);
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("Syntax error at line 2, column"), "{}", bad.body);
    // Unknown IRIs and paths: a 404 page, not an error dump.
    for path in ["/id/entity/Q0000", "/id/meeting/nothing", "/no/such/page"] {
        let r = get(&format!("{base}{path}"), None);
        assert_eq!(r.status, 404, "{path}");
        assert!(r.content_type.starts_with("text/html") && r.body.contains("<h1>Not found</h1>"), "{path}: {}", r.body);
    }
}

#[test]
fn iris_dereference_to_rdf_by_content_negotiation() {
    let Some((_tmp, store)) = seed_store() else { return };
    let server = Server::start(&store, &[]);
    let url = format!("{}/id/entity/Q159", server.base);
    let same_as = |t: &Vec<(String, String, String)>| {
        t.iter()
            .any(|(s, p, o)| s == RUSSIA && p == "<http://www.w3.org/2002/07/owl#sameAs>" && o == "<http://www.wikidata.org/entity/Q159>")
    };
    use oxigraph::io::{JsonLdProfileSet, RdfFormat};
    for (accept, format) in [
        ("text/turtle", RdfFormat::Turtle),
        ("application/n-triples", RdfFormat::NTriples),
        ("application/ld+json", RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() }),
        ("application/rdf+xml;q=0.9, text/turtle;q=0.5", RdfFormat::RdfXml),
    ] {
        let r = get(&url, Some(accept));
        assert_eq!(r.status, 200, "{accept}");
        assert!(r.content_type.starts_with(format.media_type()), "{accept}: {}", r.content_type);
        assert!(same_as(&parse_rdf(&r.body, format)), "{accept}: {}", r.body);
    }
    let browser = get(&url, Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    assert!(browser.content_type.starts_with("text/html"));
    assert_eq!(get(&url, Some("image/png")).status, 406);
    assert_eq!(get(&format!("{}/id/entity/Q0000", server.base), Some("text/turtle")).status, 404);
    // A merged meeting carries both dates; an article graph IRI gives the whole graph.
    let meeting = get(&format!("{}{}", server.base, brussels_meeting(&server.base)), Some("application/n-triples"));
    let dates = parse_rdf(&meeting.body, RdfFormat::NTriples).into_iter().filter(|t| t.1 == format!("<{W}date>")).count();
    assert_eq!(dates, 2, "{}", meeting.body);
    // --base-iri: wid: IRIs are served under the deployment's own host.
    drop(server);
    let server = Server::start(&store, &["--base-iri", "http://graph.example.org/id/", "--cors", "https://example.org"]);
    let r = get(&format!("{}/id/entity/Q159", server.base), Some("application/n-triples"));
    let t = parse_rdf(&r.body, RdfFormat::NTriples);
    assert!(
        t.iter().any(|(s, _, o)| s == "<http://graph.example.org/id/entity/Q159>" && o == "<http://www.wikidata.org/entity/Q159>"),
        "{}",
        r.body
    );
    assert!(t.iter().all(|(s, _, o)| !s.contains("w3id.org/warta/id/") && !o.contains("w3id.org/warta/id/")), "{}", r.body);
    // --cors: pages and the SPARQL endpoint name the allowed origin; without it, nothing.
    assert_eq!(r.cors.as_deref(), Some("https://example.org"));
    assert_eq!(get(&format!("{}/query?query={}", server.base, enc("ASK {}")), None).cors.as_deref(), Some("https://example.org"));
    assert_eq!(browser.cors, None);
    // rdflib and rapper, independent RDF clients, read the IRI from the server.
    let code = "import sys, rdflib\ng = rdflib.Graph().parse(sys.argv[1])\nfor s, p, o in g: print(s, p, o)";
    let o = Command::new("python3").args(["-c", code, &format!("{}/id/entity/Q159", server.base)]).output();
    match o {
        Ok(o) if o.status.success() => {
            assert!(
                String::from_utf8_lossy(&o.stdout).contains("http://graph.example.org/id/entity/Q159 http://www.w3.org/2002/07/owl#sameAs")
            )
        }
        other if in_ci() => panic!("CI=true but python3 with rdflib cannot read the IRI: {other:?}"),
        _ => eprintln!("skipping the rdflib part: python3 with rdflib is not installed"),
    }
    if tool("rapper", "--version") {
        let o = Command::new("rapper")
            .args(["-q", "-i", "turtle", "-o", "ntriples", &format!("{}/id/entity/Q159", server.base)])
            .output()
            .expect("rapper");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("<http://graph.example.org/id/entity/Q159> <http://www.w3.org/2002/07/owl#sameAs>")
        );
    }
}

/// A store whose one article names an entity labelled with markup.
fn hostile_store(dir: &Path) -> String {
    let (g, e) = ("<https://w3id.org/warta/id/graph/0000000000000bad>", "<https://w3id.org/warta/id/entity/evil>");
    let nq = format!(
        "<https://w3id.org/warta/id/article/0000000000000bad> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{W}Article> {g} .\n\
         <https://w3id.org/warta/id/article/0000000000000bad> <http://purl.org/dc/terms/title> \"A <b>bold</b> title\" {g} .\n\
         {e} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{W}Group> {g} .\n\
         {e} <http://www.w3.org/2000/01/rdf-schema#label> \"<script>alert('x')</script>\"@en {g} .\n\
         {e} <{W}demands> <https://w3id.org/warta/id/action/0bad> {g} .\n\
         <https://w3id.org/warta/id/action/0bad> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{W}Action> {g} .\n\
         <https://w3id.org/warta/id/action/0bad> <{W}agent> {e} {g} .\n\
         <https://w3id.org/warta/id/action/0bad> <{W}addressee> {RUSSIA} {g} .\n\
         <https://w3id.org/warta/id/action/0bad> <http://www.w3.org/2000/01/rdf-schema#label> \"stop <img src=x onerror=alert(1)>\"@en {g} .\n\
         {RUSSIA} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{W}Country> {g} .\n\
         {RUSSIA} <http://www.w3.org/2000/01/rdf-schema#label> \"Russia\"@en {g} .\n"
    );
    let file = dir.join("evil.nq");
    std::fs::write(&file, nq).unwrap();
    let store = dir.join("store").display().to_string();
    ok(&["load", &file.display().to_string(), "--store", &store, "--quiet"]);
    store
}

#[test]
fn markup_in_the_graph_renders_as_text() {
    let tmp = tempfile::tempdir().unwrap();
    let store = hostile_store(tmp.path());
    let server = Server::start(&store, &[]);
    let evil = get(&format!("{}/id/entity/evil", server.base), None);
    assert_eq!(evil.status, 200, "{}", evil.body);
    assert!(evil.body.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), "{}", evil.body);
    assert!(!evil.body.contains("<script>"), "{}", evil.body);
    for path in [
        "/id/entity/Q159",
        "/search?q=script",
        "/id/article/0000000000000bad",
        "/",
        "/sparql?query=SELECT%20(%22%3Cscript%3E%22%20AS%20%3Fx)%20%7B%7D",
    ] {
        let r = get(&format!("{}{path}", server.base), None);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        assert!(!r.body.contains("<script>") && !r.body.contains("<img src=x") && !r.body.contains("<b>bold"), "{path}: {}", r.body);
        assert!(r.body.contains("&lt;"), "{path} shows the markup as text: {}", r.body);
    }
}

/// Runs headless Chromium with a time limit; its standard output.
fn chromium(args: &[&str], profile: &Path) -> String {
    let mut child = Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let out = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut BufReader::new(out), &mut s);
        s
    });
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait chromium").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium {args:?} took more than 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap_or_default()
}

/// The text of an HTML document: tags dropped, entities decoded, spaces collapsed.
fn dom_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How much of a PNG (per cent of sampled pixels) differs from its most common
/// colour, decoded by python3's zlib: 0 for a blank page, tens for a page with content.
fn png_ink(png: &Path) -> f64 {
    let o = Command::new("python3").args(["-c", PNG_INK, &png.display().to_string()]).output().expect("python3");
    assert!(o.status.success(), "{}: not a PNG: {}", png.display(), String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).trim().parse().unwrap_or(0.0)
}

const PNG_INK: &str = r#"import sys, struct, zlib
from collections import Counter
d = open(sys.argv[1], 'rb').read()
assert d[:8] == b'\x89PNG\r\n\x1a\n'
i, idat = 8, b''
while i < len(d):
    n, t = struct.unpack('>I4s', d[i:i+8])
    if t == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', d[i+8:i+18])
    if t == b'IDAT': idat += d[i+8:i+8+n]
    i += 12 + n
assert depth == 8 and ctype in (2, 6)
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
prev, counts = bytearray(stride), Counter()
for y in range(h):
    f, line = raw[y*(stride+1)], bytearray(raw[y*(stride+1)+1:(y+1)*(stride+1)])
    for x in range(stride):
        a = line[x-bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x-bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p-a), abs(p-b), abs(p-c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    counts.update(bytes(line[x:x+bpp]) for x in range(0, stride, bpp * 4))
    prev = line
total = sum(counts.values())
print(round(100 * (1 - counts.most_common(1)[0][1] / total), 2))
"#;

#[test]
fn chromium_renders_the_pages() {
    let Some((tmp, store)) = seed_store() else { return };
    if !tool("chromium", "--version") || !tool("python3", "--version") {
        return;
    }
    let server = Server::start(&store, &[]);
    let base = &server.base;
    let meeting = brussels_meeting(base);
    // The sentences behind the Brussels meeting, as the store holds them.
    let sentences = sparql(
        base,
        &format!(
            "SELECT ?t WHERE {{ GRAPH ?g {{ <{}> <{W}evidence> ?m }} GRAPH ?h {{ ?m <{W}text> ?t }} }}",
            meeting.replace("/id/", "https://w3id.org/warta/id/")
        ),
    );
    assert_eq!(sentences.len(), 2, "{sentences:?}");
    let pages = [
        ("home", "/".to_string(), vec!["What the graph holds".to_string(), "2 articles".into()]),
        ("entity", "/id/entity/Q159".into(), vec!["Rusia".into(), "Demands made".into(), "Within 1 hop of Russia".into()]),
        (
            "fact",
            meeting.clone(),
            [
                vec!["The sources disagree on the date: 2022-01-12 vs 2022-01-13".to_string()],
                sentences.iter().map(|s| s.trim_matches('"').to_string()).collect(),
            ]
            .concat(),
        ),
        ("query", format!("/sparql?query={}", enc(BRUSSELS_MEETING)), vec!["1 result".into(), "download CSV · JSON".into()]),
    ];
    let profile = tmp.path().join("chromium-profile");
    for (name, path, wanted) in pages {
        let url = format!("{base}{path}");
        let dom = chromium(&["--dump-dom", &url], &profile);
        let text = dom_text(&dom);
        for w in &wanted {
            assert!(text.contains(w.as_str()), "{name}: the DOM lacks {w:?}:\n{text}");
        }
        let png = tmp.path().join(format!("{name}.png"));
        chromium(&[&format!("--screenshot={}", png.display()), "--window-size=1000,1000", &url], &profile);
        assert!(png.exists(), "{name}: no screenshot");
        let ink = png_ink(&png);
        assert!(ink > 3.0, "{name}: the screenshot looks blank (only {ink}% of it is not background)");
    }
}
