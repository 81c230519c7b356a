//! Answering one query: the dataset (the union of the article graphs by default), a time
//! limit, a row limit, and the results serialised in the negotiated format.

use super::protocol::{rdf_format, results_format, QueryRequest, Refusal};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

/// A successful answer.
#[derive(Debug)]
pub struct Answer {
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Rows (or triples) sent.
    pub rows: usize,
    /// The row limit cut the results short.
    pub truncated: bool,
}

/// What the server lends every query.
pub struct Limits {
    pub timeout: Duration,
    pub max_rows: usize,
    /// The server's stop flag (Ctrl-C, SIGTERM): once set, running queries are cancelled.
    pub stop: Arc<AtomicBool>,
}

/// Cancels a query when its time is up or the server is stopping, unless dropped first.
struct Deadline {
    _done: mpsc::Sender<()>,
}

/// How often a running query's deadline looks whether the server is stopping.
const STOP_CHECK: Duration = Duration::from_millis(100);

impl Deadline {
    fn start(token: CancellationToken, timeout: Duration, stop: Arc<AtomicBool>) -> Deadline {
        let (done, wait) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            let started = std::time::Instant::now();
            loop {
                let left = timeout.saturating_sub(started.elapsed());
                match wait.recv_timeout(left.min(STOP_CHECK)) {
                    Err(mpsc::RecvTimeoutError::Timeout) if left <= STOP_CHECK || stop.load(Ordering::SeqCst) => {
                        token.cancel();
                        return;
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    // The query finished (the sender was dropped).
                    _ => return,
                }
            }
        });
        Deadline { _done: done }
    }
}

fn iri(s: &str) -> Result<NamedNode, Refusal> {
    NamedNode::new(s).map_err(|e| Refusal { status: 400, message: format!("{s:?} is not a valid graph IRI: {e}") })
}

/// Evaluates the query over `store`. Its default graph is the store's (the
/// union of the article graphs, see `store::union`) unless the request or the
/// query names its own dataset.
pub fn answer(store: &Store, req: &QueryRequest, accept: Option<&str>, limits: &Limits) -> Result<Answer, Refusal> {
    let token = CancellationToken::new();
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .parse_query(&req.query)
        .map_err(|e| Refusal { status: 400, message: format!("SPARQL syntax error: {e}") })?;
    if !req.default_graphs.is_empty() || !req.named_graphs.is_empty() {
        let dataset = prepared.dataset_mut();
        let defaults = req.default_graphs.iter().map(|g| iri(g).map(GraphName::NamedNode)).collect::<Result<Vec<_>, _>>()?;
        dataset.set_default_graph(defaults);
        let named = req.named_graphs.iter().map(|g| iri(g).map(NamedOrBlankNode::NamedNode)).collect::<Result<Vec<_>, _>>()?;
        if !named.is_empty() {
            dataset.set_available_named_graphs(named);
        }
    }
    let _deadline = Deadline::start(token, limits.timeout, Arc::clone(&limits.stop));
    let failed = |e: QueryEvaluationError| match e {
        QueryEvaluationError::Cancelled if limits.stop.load(Ordering::SeqCst) => {
            Refusal { status: 503, message: "the server is stopping: the query was cancelled".into() }
        }
        QueryEvaluationError::Cancelled => {
            Refusal { status: 503, message: format!("the query ran longer than the {} s limit and was stopped", limits.timeout.as_secs()) }
        }
        other => Refusal { status: 500, message: format!("query evaluation failed: {other}") },
    };
    let io = |e: std::io::Error| Refusal { status: 500, message: format!("cannot serialise the results: {e}") };
    let mut body = Vec::new();
    let (mut rows, mut truncated) = (0, false);
    let content_type = match prepared.on_store(store).execute().map_err(failed)? {
        QueryResults::Solutions(solutions) => {
            let (media, format) = results_format(accept)?;
            let mut w = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut body, solutions.variables().to_vec())
                .map_err(io)?;
            for s in solutions {
                if rows == limits.max_rows {
                    truncated = true;
                    break;
                }
                w.serialize(&s.map_err(failed)?).map_err(io)?;
                rows += 1;
            }
            w.finish().map_err(io)?;
            media
        }
        QueryResults::Boolean(b) => {
            let (media, format) = results_format(accept)?;
            QueryResultsSerializer::from_format(format).serialize_boolean_to_writer(&mut body, b).map_err(io)?;
            rows = 1;
            media
        }
        QueryResults::Graph(triples) => {
            let (media, format) = rdf_format(accept)?;
            let mut ser = RdfSerializer::from_format(format);
            if matches!(format, RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::RdfXml) {
                ser = crate::rdf::with_prefixes(ser).map_err(io)?;
            }
            let mut w = ser.for_writer(&mut body);
            for t in triples {
                if rows == limits.max_rows {
                    truncated = true;
                    break;
                }
                w.serialize_triple(&t.map_err(failed)?).map_err(io)?;
                rows += 1;
            }
            w.finish().map_err(io)?;
            media
        }
    };
    Ok(Answer { content_type, body, rows, truncated })
}
