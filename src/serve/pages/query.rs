//! The diagrams page (the four `render --all` views with their filters as a
//! form) and the query page (a SPARQL box, the library as examples, results
//! as a table with CSV/JSON downloads, errors with line and column).

use super::layout::frame;
use super::{href, Endpoint, Page};
use crate::graph::{self, Filter, Request, MAX_READABLE_NODES};
use crate::render;
use crate::serve::answer;
use crate::serve::protocol::QueryRequest;
use maud::{html, Markup, PreEscaped};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Rows shown in the results table (downloads carry up to `--max-rows`).
const TABLE_ROWS: usize = 500;

/// Nodes an ego diagram is cut down to when its neighbourhood is too big to read.
const FIT_NODES: usize = 40;

/// A drawn graph as SVG for inline use: nodes link to their pages. Too big a
/// diagram is refused, or with `fit` cut to its most connected nodes.
pub fn drawn_svg(req: &Request, mut drawn: graph::Drawn, timeline: bool, fit: bool) -> Result<String, String> {
    let n = drawn.graph.node_count();
    if n == 0 {
        return Err("no facts of this kind".into());
    }
    let mut req = req.clone();
    if n > MAX_READABLE_NODES && fit {
        req.top = Some(FIT_NODES);
        drawn.graph = graph::keep_top(&drawn.graph, FIT_NODES);
    } else if n > MAX_READABLE_NODES {
        return Err(format!("{n} nodes are too many to read; give “most connected” a number such as {FIT_NODES}"));
    }
    let diagram = render::describe(&req, &drawn, timeline, false, false);
    let mut dot = render::to_dot(&diagram, &drawn.graph);
    // Entities and facts have pages; meeting nodes of the views are keyed by city and date.
    for node in drawn.graph.node_weights().filter(|n| n.id.starts_with("http")) {
        let id = render::dot::node_id(&node.id);
        let url = render::dot::escape(&href(&node.id));
        dot = dot.replacen(&format!("  {id} ["), &format!("  {id} [URL=\"{url}\", target=\"_top\", "), 1);
    }
    let (svg, _) = render::to_svg(&dot).map_err(|e| e.to_string())?;
    // Inline: drop the XML prolog and doctype, keep the <svg> element.
    Ok(svg.find("<svg").map(|i| svg[i..].to_string()).unwrap_or(svg))
}

fn date(params: &[(String, String)], name: &str) -> Result<Option<chrono::NaiveDate>, String> {
    match params.iter().find(|(k, v)| k == name && !v.trim().is_empty()) {
        None => Ok(None),
        Some((_, v)) => {
            crate::article::parse_published(v.trim()).map(Some).ok_or_else(|| format!("{name}: {v:?} is not a date; use YYYY-MM-DD"))
        }
    }
}

/// The four views drawn for one set of filters: (heading, SVG or why not).
type Views = Vec<(String, Result<String, String>)>;

/// Diagrams drawn in the background and kept (the store does not change while
/// served): drawing the views of a big store takes longer than a page should.
#[derive(Default, Clone)]
pub struct Drawings {
    slots: Arc<Mutex<BTreeMap<String, Option<Arc<Views>>>>>,
}

/// Filter sets kept, and drawn at the same time.
const KEPT: usize = 64;
const DRAWING_AT_ONCE: usize = 2;
/// How long a page waits for its drawings before answering "reload in a moment".
const WAIT: Duration = Duration::from_secs(5);

impl Drawings {
    /// The views for `filter` and `top`: drawn, or `None` while still drawing (or too busy to start).
    fn get(&self, store: &oxigraph::store::Store, filter: &Filter, top: Option<usize>) -> Option<Arc<Views>> {
        let key = format!("{:?}|{:?}|{top:?}", filter.since, filter.until);
        {
            let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
            match slots.get(&key) {
                Some(Some(done)) => return Some(Arc::clone(done)),
                Some(None) => {}
                None => {
                    if slots.values().filter(|s| s.is_none()).count() >= DRAWING_AT_ONCE {
                        return None;
                    }
                    if slots.len() >= KEPT {
                        slots.retain(|_, s| s.is_none());
                    }
                    slots.insert(key.clone(), None);
                    let (store, filter, this, key) = (store.clone(), filter.clone(), self.clone(), key.clone());
                    std::thread::spawn(move || {
                        let views = Arc::new(draw_views(&store, &filter, top));
                        this.slots.lock().unwrap_or_else(|p| p.into_inner()).insert(key, Some(views));
                    });
                }
            }
        }
        let started = Instant::now();
        while started.elapsed() < WAIT {
            std::thread::sleep(Duration::from_millis(50));
            if let Some(Some(done)) = self.slots.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
                return Some(Arc::clone(done));
            }
        }
        None
    }
}

fn draw_views(store: &oxigraph::store::Store, filter: &Filter, top: Option<usize>) -> Views {
    render::ALL_VIEWS
        .into_iter()
        .map(|(view, timeline)| {
            let req = Request { view, top, filter: filter.clone(), ..Request::view(view) };
            let heading = if timeline { "Meetings over time".to_string() } else { view.title().to_string() };
            let svg = render::prepare(store, &req, timeline, false, false)
                .and_then(|(diagram, g)| render::draw(&diagram, &g, render::DiagramFormat::Svg))
                .map_err(|e| e.to_string())
                .map(|(bytes, _)| {
                    let svg = String::from_utf8_lossy(&bytes).into_owned();
                    // Inline: drop the XML prolog and doctype, keep the <svg> element.
                    svg.find("<svg").map(|i| svg[i..].to_string()).unwrap_or(svg)
                });
            (heading, svg)
        })
        .collect()
}

pub fn diagrams(ep: &Endpoint, params: &[(String, String)]) -> Page {
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim().to_string()).unwrap_or_default();
    let mut problems = Vec::new();
    let since = date(params, "since").unwrap_or_else(|e| {
        problems.push(e);
        None
    });
    let until = date(params, "until").unwrap_or_else(|e| {
        problems.push(e);
        None
    });
    let top = match get("top") {
        t if t.is_empty() => None,
        t => match t.parse::<usize>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                problems.push(format!("most connected: {t:?} is not a whole number above 0"));
                None
            }
        },
    };
    let filter = Filter { since, until, ..Filter::default() };
    let views = if problems.is_empty() { ep.site.drawings.get(&ep.store, &filter, top) } else { None };
    let waiting = problems.is_empty() && views.is_none();
    let body = html! {
        h1 { "Diagrams" }
        form.filters action="/diagrams" method="get" {
            label { "since " input type="date" name="since" value=(get("since")); } " "
            label { "until " input type="date" name="until" value=(get("until")); } " "
            label { "most connected " input type="number" min="1" name="top" value=(get("top")) placeholder="all"; } " "
            button type="submit" { "Draw" }
        }
        @for p in &problems { pre.error { (p) } }
        @if waiting { p.conflict { "Drawing the diagrams (a big store takes a while); this page reloads itself." } }
        @for (heading, svg) in views.iter().flat_map(|v| v.iter()) {
            h2 { (heading) }
            @match svg {
                Ok(s) => div.diagram { (PreEscaped(s)) },
                Err(why) => p.muted { (why) },
            }
        }
    };
    Page::html(200, super::layout::frame_refreshed("Diagrams", waiting.then_some(5), body))
}

/// The library queries a page can run as they are (no parameters).
fn examples() -> Vec<(&'static str, &'static str, String)> {
    crate::queries::LIBRARY.iter().map(|(name, text)| (*name, *text, crate::queries::description(text))).collect()
}

fn evaluate(ep: &Endpoint, query: &str, accept: &str) -> Result<answer::Answer, super::super::protocol::Refusal> {
    let req = QueryRequest { query: query.to_string(), ..QueryRequest::default() };
    answer::answer(&ep.store, &req, Some(accept), &ep.limits)
}

pub fn page(ep: &Endpoint, query: Option<&str>) -> Page {
    let default = crate::queries::LIBRARY.iter().find(|(n, _)| *n == "meetings-timeline").map(|(_, t)| *t).unwrap_or("");
    let shown = query.unwrap_or(default);
    let (status, results) = match query {
        None => (200, html! {}),
        Some(q) => match evaluate(ep, q, "application/sparql-results+json, application/n-triples") {
            Ok(a) => (200, table(&a, q)),
            Err(r) => (r.status, error(q, &r.message)),
        },
    };
    let body = html! {
        h1 { "Query" }
        p.muted { "SPARQL 1.1 over the article graphs (" code { "GRAPH ?g" } " reaches each article's graph and " code { "wid:graph/merged" } "). Read-only." }
        form action="/sparql" method="get" {
            textarea name="query" rows="14" spellcheck="false" { (shown) }
            p { button type="submit" { "Run" } }
        }
        (results)
        h2 { "The query library" }
        table {
            tr { th { "query" } th { "answers" } }
            @for (name, text, about) in examples() {
                tr {
                    td { a href=(format!("/sparql?query={}", encode(text))) { (name) } }
                    td { (about) @if text.contains("@param") { span.muted { " (edit the parameter value in the text before running)" } } }
                }
            }
        }
    };
    Page::html(status, frame("Query", body))
}

/// An error, with the line and column of a syntax error spelled out and pointed at.
fn error(query: &str, message: &str) -> Markup {
    let at = regex::Regex::new(r"at (\d+):(\d+)").ok().and_then(|re| {
        let c = re.captures(message)?;
        Some((c[1].parse::<usize>().ok()?, c[2].parse::<usize>().ok()?))
    });
    html! {
        @if let Some((line, column)) = at {
            p.conflict { b { "Syntax error at line " (line) ", column " (column) } }
            @if let Some(text) = query.lines().nth(line.saturating_sub(1)) {
                pre { (text) "\n" (" ".repeat(column.saturating_sub(1))) "^" }
            }
        }
        pre.error { (message) }
    }
}

pub fn encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The results as an HTML table, with download links.
fn table(a: &answer::Answer, query: &str) -> Markup {
    let (head, rows) = match a.content_type {
        "application/n-triples" => {
            let nt = String::from_utf8_lossy(&a.body);
            let rows = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NTriples)
                .for_slice(nt.as_bytes())
                .filter_map(Result::ok)
                .map(|q| vec![Some(q.subject.to_string()), Some(q.predicate.to_string()), Some(q.object.to_string())])
                .collect();
            (vec!["subject".to_string(), "predicate".into(), "object".into()], rows)
        }
        _ => json_rows(&a.body),
    };
    let q = encode(query);
    html! {
        p {
            (a.rows) " result" @if a.rows != 1 { "s" } @if a.truncated { " (cut at the server's row limit)" }
            @if a.content_type != "application/n-triples" {
                " · download " a href=(format!("/sparql/results.csv?query={q}")) { "CSV" } " · " a href=(format!("/sparql/results.json?query={q}")) { "JSON" }
            }
        }
        table.results {
            tr { @for h in &head { th { (h) } } }
            @for r in rows.iter().take(TABLE_ROWS) { tr { @for c in r { td { (cell(c.as_deref())) } } } }
        }
        @if rows.len() > TABLE_ROWS { p.muted { "The first " (TABLE_ROWS) " rows are shown; download for all." } }
    }
}

/// A value: IRIs as links (warta's to their pages), literals as text.
fn cell(v: Option<&str>) -> Markup {
    match v {
        None => html! {},
        Some(s) if s.starts_with('<') && s.ends_with('>') => {
            let iri = &s[1..s.len() - 1];
            let shown = crate::vocab::prefixed(iri).unwrap_or_else(|| iri.to_string());
            html! { a href=(href(iri)) { (shown) } }
        }
        Some(s) => html! { (s) },
    }
}

/// SPARQL JSON results as a header and rows (IRIs kept in `<…>`).
fn json_rows(body: &[u8]) -> (Vec<String>, Vec<Vec<Option<String>>>) {
    let v: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    if let Some(b) = v.get("boolean").and_then(|b| b.as_bool()) {
        return (vec!["answer".into()], vec![vec![Some(b.to_string())]]);
    }
    let head: Vec<String> =
        v["head"]["vars"].as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default();
    let rows = v["results"]["bindings"]
        .as_array()
        .map(|bs| {
            bs.iter()
                .map(|b| {
                    head.iter()
                        .map(|h| {
                            let t = &b[h];
                            let value = t["value"].as_str()?.to_string();
                            Some(if t["type"] == "uri" { format!("<{value}>") } else { value })
                        })
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default();
    (head, rows)
}

/// `/sparql/results.csv` and `.json`: the results as a file.
pub fn download(ep: &Endpoint, query: Option<&str>, accept: &'static str) -> Page {
    let Some(q) = query else {
        return Page::bytes(400, "text/plain; charset=utf-8", b"no query: give ?query=...\n".to_vec());
    };
    match evaluate(ep, q, accept) {
        Ok(a) => {
            let ext = if accept == "text/csv" { "csv" } else { "json" };
            let mut p = Page::bytes(200, a.content_type, a.body);
            p.headers.push(("Content-Disposition", format!("attachment; filename=\"results.{ext}\"")));
            p
        }
        Err(r) => Page::bytes(r.status, "text/plain; charset=utf-8", format!("{}\n", r.message).into_bytes()),
    }
}
