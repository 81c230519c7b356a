//! `warta serve`: a read-only SPARQL 1.1 Protocol endpoint over the store.
//!
//! One thread accepts connections and hands each request to a bounded queue;
//! a fixed pool of workers answers them. A slow query holds one worker only,
//! so light queries keep being answered by the others; when every worker is
//! busy and the queue is full, a request is refused at once with 503 and
//! `Retry-After` instead of waiting without bound. A stop flag (set on Ctrl-C
//! or SIGTERM) ends the accepting; the workers finish the requests in hand.

mod answer;
mod pages;
pub mod protocol;

pub use answer::Limits;
pub use pages::Site;

use oxigraph::store::Store;
use protocol::Refusal;
use std::io::Read;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tiny_http::{Header, Request, Response};

/// Largest request body accepted (a query, or a form holding one).
pub const MAX_BODY: usize = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {message}")]
    Bind { addr: SocketAddr, message: String },
    #[error("a server thread failed: {0}")]
    Thread(String),
}

/// What the endpoint serves and how. Queries that name no dataset read the
/// store's default graph: the union of the article graphs (`store::union`).
pub struct Endpoint {
    pub store: Store,
    pub limits: Limits,
    /// The explorer's pages: counts, names, `--base-iri`, `--cors`.
    pub site: Site,
}

/// How many requests are answered at once, and how many may wait.
#[derive(Debug, Clone, Copy)]
pub struct Pool {
    pub workers: usize,
    /// Requests waiting for a worker, at most; one more is refused with 503.
    pub queue: usize,
}

/// Listens on `addr` until `stop` is set; returns once every worker is done.
pub fn serve(
    endpoint: Endpoint,
    addr: SocketAddr,
    pool: Pool,
    stop: Arc<AtomicBool>,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let server = tiny_http::Server::http(addr).map_err(|e| ServeError::Bind { addr, message: e.to_string() })?;
    let bound = server.server_addr().to_ip().unwrap_or(addr);
    let endpoint = Arc::new(endpoint);
    let (tx, rx) = sync_channel::<Request>(pool.queue);
    let rx = Arc::new(Mutex::new(rx));
    let mut handles = Vec::new();
    for n in 0..pool.workers.max(1) {
        let (endpoint, rx) = (Arc::clone(&endpoint), Arc::clone(&rx));
        let h = std::thread::Builder::new()
            .name(format!("warta-serve-{n}"))
            .spawn(move || work(&endpoint, &rx))
            .map_err(|e| ServeError::Thread(e.to_string()))?;
        handles.push(h);
    }
    ready(bound);
    while !stop.load(Ordering::SeqCst) {
        match server.recv_timeout(Duration::from_millis(100)) {
            Ok(Some(request)) => match tx.try_send(request) {
                Ok(()) => {}
                Err(TrySendError::Full(request)) => busy(request, pool.workers),
                Err(TrySendError::Disconnected(_)) => break,
            },
            Ok(None) => {}
            Err(e) => eprintln!("warta: serve: connection error: {e}"),
        }
    }
    // Queries still running see the same stop flag and are cancelled (`Limits::stop`):
    // a stop takes a moment, not the rest of a slow query's time limit.
    // Some evaluation steps (a large sort, a join's build side) only look at the
    // cancellation between rows: a worker still busy after a grace period is left to the
    // process's exit (the store is only read).
    drop(tx);
    let deadline = Instant::now() + STOP_GRACE;
    while handles.iter().any(|h| !h.is_finished()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let (done, busy): (Vec<_>, Vec<_>) = handles.into_iter().partition(|h| h.is_finished());
    if !busy.is_empty() {
        let n = busy.len();
        let what = if n == 1 { "1 running query".to_string() } else { format!("{n} running queries") };
        eprintln!("warta: serve: {what} did not stop within {} s; exiting without waiting for them", STOP_GRACE.as_secs());
    }
    for h in done {
        h.join().map_err(|_| ServeError::Thread("a worker panicked".into()))?;
    }
    Ok(())
}

/// How long a stop waits for running queries to notice their cancellation.
const STOP_GRACE: Duration = Duration::from_secs(3);

/// A worker: answers queued requests until the queue is closed and empty.
fn work(endpoint: &Endpoint, rx: &Mutex<Receiver<Request>>) {
    loop {
        // The lock is held only while taking one request, never while answering it.
        let next = rx.lock().map(|r| r.recv());
        match next {
            Ok(Ok(request)) => handle(endpoint, request),
            _ => return,
        }
    }
}

/// Every worker busy and the queue full: refused at once.
fn busy(request: Request, workers: usize) {
    let message = format!("the server is busy ({workers} queries running and the queue is full); retry in a moment\n");
    let r = Response::from_string(message)
        .with_status_code(503)
        .with_header(h("Content-Type", "text/plain; charset=utf-8"))
        .with_header(h("Retry-After", "1"));
    eprintln!(
        "{} {} \"{} {}\" 503 busy",
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        request.remote_addr().map(ToString::to_string).unwrap_or_else(|| "-".into()),
        request.method(),
        request.url().split('?').next().unwrap_or_default()
    );
    let _ = request.respond(r);
}

/// Answers one request and logs it on one line.
fn handle(endpoint: &Endpoint, mut request: Request) {
    let started = Instant::now();
    let method = request.method().as_str().to_ascii_uppercase();
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let header = |name: &'static str| request.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.as_str().to_string());
    let (content_type, accept) = (header("Content-Type"), header("Accept"));
    let peer = request.remote_addr().map(ToString::to_string).unwrap_or_else(|| "-".into());
    let cors = endpoint.site.cors.as_deref();
    if let Some(page) = pages::route(endpoint, &method, path, query, accept.as_deref()) {
        let (status, size) = (page.status, page.body.len());
        let _ = request.respond(page.into_response(cors));
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        eprintln!("{now} {peer} \"{method} {path}\" {status} {size} {}ms page", started.elapsed().as_millis());
        return;
    }
    let outcome = match path {
        "/query" => read_body(&mut request).and_then(|body| {
            let req = protocol::query_request(&method, query, content_type.as_deref(), &body)?;
            answer::answer(&endpoint.store, &req, accept.as_deref(), &endpoint.limits)
        }),
        "/update" => Err(Refusal { status: 403, message: "this endpoint is read-only: SPARQL Update is refused".into() }),
        _ => Err(Refusal { status: 404, message: format!("no such resource {path:?}; queries go to /query") }),
    };
    let (status, size, note) = match outcome {
        Ok(a) => {
            let (rows, truncated, size) = (a.rows, a.truncated, a.body.len());
            let mut r = Response::from_data(a.body).with_header(h("Content-Type", a.content_type));
            if let Some(origin) = cors {
                r.add_header(h("Access-Control-Allow-Origin", origin));
            }
            if truncated {
                r.add_header(h("Warta-Truncated", &format!("max-rows={rows}")));
            }
            let _ = request.respond(r.with_header(h("Vary", "Accept")));
            (200, size, format!("{rows} rows{}", if truncated { " (truncated)" } else { "" }))
        }
        Err(refusal) => {
            let size = refusal.message.len() + 1;
            let r = Response::from_string(format!("{}\n", refusal.message))
                .with_status_code(refusal.status)
                .with_header(h("Content-Type", "text/plain; charset=utf-8"));
            let r = if refusal.status == 405 { r.with_header(h("Allow", "GET, POST")) } else { r };
            let r = match cors {
                Some(origin) => r.with_header(h("Access-Control-Allow-Origin", origin)),
                None => r,
            };
            let _ = request.respond(r);
            (refusal.status, size, refusal.message.lines().next().unwrap_or_default().chars().take(120).collect())
        }
    };
    eprintln!(
        "{} {peer} \"{method} {path}\" {status} {size} {}ms {note}",
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        started.elapsed().as_millis()
    );
}

fn h(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|_| Header::from_bytes(&b"X-Invalid"[..], &b"1"[..]).expect("static header"))
}

fn read_body(request: &mut Request) -> Result<Vec<u8>, Refusal> {
    if request.body_length().is_some_and(|n| n > MAX_BODY) {
        return Err(Refusal { status: 413, message: format!("the request body is larger than {MAX_BODY} bytes") });
    }
    let mut body = Vec::new();
    request
        .as_reader()
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| Refusal { status: 400, message: format!("cannot read the request body: {e}") })?;
    if body.len() > MAX_BODY {
        return Err(Refusal { status: 413, message: format!("the request body is larger than {MAX_BODY} bytes") });
    }
    Ok(body)
}
