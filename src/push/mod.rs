//! `warta push`: the store's article graphs to a remote triplestore, with the
//! Graph Store HTTP Protocol (PUT replaces each graph, so pushing twice is the
//! same as pushing once) or, with `--update-only`, SPARQL Update
//! (`DROP SILENT GRAPH` then `INSERT DATA` in batches).

pub mod auth;
mod client;

pub use auth::Auth;
pub use client::Client;

use crate::rdf::{write_quads, Format};
use crate::store::WartaStore;
use oxigraph::model::{GraphName, NamedNode, Quad};
use std::time::{Duration, Instant};

#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error("{request} answered {status}{message}{}\n  hint: {hint}", if *retries > 0 { format!(" (after {retries} retries)") } else { String::new() })]
    Refused { request: String, status: u16, message: String, hint: String, retries: u32 },
    #[error("cannot reach {url}: {message}")]
    Connection { url: String, message: String },
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Store(#[from] crate::error::WartaError),
}

/// Where and how graphs are sent.
#[derive(Debug, Clone)]
pub enum Target {
    /// Graph Store HTTP Protocol endpoint: `PUT URL?graph=IRI`.
    GraphStore(String),
    /// SPARQL Update endpoint, with at most this many triples per request.
    Update { url: String, batch: usize },
}

/// What a push did.
#[derive(Debug, Clone, Default)]
pub struct PushSummary {
    pub graphs: usize,
    pub triples: usize,
    pub requests: usize,
    pub retries: u32,
    pub seconds: f64,
}

/// Pushes `graphs` of `store` one by one, reporting each on stderr.
pub fn push(store: &WartaStore, graphs: &[NamedNode], target: &Target, client: &mut Client) -> Result<PushSummary, PushError> {
    let started = Instant::now();
    let mut s = PushSummary::default();
    for (n, graph) in graphs.iter().enumerate() {
        let t0 = Instant::now();
        let triples: Vec<Quad> = store
            .graph_quads(std::slice::from_ref(graph))?
            .into_iter()
            .map(|q| Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph))
            .collect();
        let count = triples.len();
        let requests = match target {
            Target::GraphStore(url) => {
                let mut body = Vec::new();
                write_quads(triples, Format::Turtle, &mut body).map_err(|e| PushError::Usage(format!("cannot serialise {graph}: {e}")))?;
                client.send("PUT", &graph_url(url, graph), "text/turtle", &body)?;
                1
            }
            Target::Update { url, batch } => {
                let mut sent = 0;
                for update in updates(graph, &triples, *batch) {
                    client.send("POST", url, "application/sparql-update", update.as_bytes())?;
                    sent += 1;
                }
                sent
            }
        };
        s.graphs += 1;
        s.triples += count;
        s.requests += requests;
        eprintln!("warta: push [{}/{}] {graph}: {count} triples ({:.2}s)", n + 1, graphs.len(), t0.elapsed().as_secs_f64());
    }
    s.retries = client.retried;
    s.seconds = started.elapsed().as_secs_f64();
    Ok(s)
}

/// `URL?graph=IRI` (or `&graph=` when the URL has a query already).
pub fn graph_url(url: &str, graph: &NamedNode) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
    // Everything but RFC 3986's unreserved characters.
    const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}graph={}", utf8_percent_encode(graph.as_str(), COMPONENT))
}

/// SPARQL Update requests that replace `graph` by `triples`: the first drops
/// the old graph and inserts the first batch, the others insert the rest.
pub fn updates(graph: &NamedNode, triples: &[Quad], batch: usize) -> Vec<String> {
    let mut out = Vec::new();
    let chunks: Vec<&[Quad]> = if triples.is_empty() { vec![&[]] } else { triples.chunks(batch.max(1)).collect() };
    for (i, chunk) in chunks.into_iter().enumerate() {
        let mut u = String::new();
        if i == 0 {
            u.push_str(&format!("DROP SILENT GRAPH {graph} ;\n"));
        }
        u.push_str(&format!("INSERT DATA {{ GRAPH {graph} {{\n"));
        for q in chunk {
            u.push_str(&format!("{} {} {} .\n", q.subject, q.predicate, q.object));
        }
        u.push_str("} }\n");
        out.push(u);
    }
    out
}

/// Backoff before the first retry; doubled for each further one.
pub const BACKOFF: Duration = Duration::from_millis(500);
