//! `warta serve`: the store as a read-only SPARQL endpoint and a web explorer until Ctrl-C.

use super::Exit;
use crate::serve::{serve, Endpoint, Limits, Pool, Site};
use crate::store::Status;
use crate::store::{Access, WartaStore, DEFAULT_STORE};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// Store folder (opened read-only; `warta build` waits until the server stops).
    #[arg(long, default_value = DEFAULT_STORE)]
    pub store: PathBuf,
    /// Address and port to listen on; loopback by default. Port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: SocketAddr,
    /// Stop a query that runs longer than this.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_secs: u64,
    /// Send at most this many result rows (or triples); the response then carries `Warta-Truncated`.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_rows: u64,
    /// Requests answered at the same time (worker threads); a slow query holds one.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub threads: u64,
    /// Requests that may wait for a free worker; beyond that they are refused at once with 503 and Retry-After.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub queue: u64,
    /// The IRI prefix that `/id/` stands for in RDF answers, e.g. https://graph.example.org/id/ behind a proxy
    /// [default: https://w3id.org/warta/id/].
    #[arg(long, value_name = "IRI", value_parser = parse_base_iri)]
    pub base_iri: Option<String>,
    /// Let web pages from this origin call the server (`Access-Control-Allow-Origin`), e.g. https://example.org.
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
}

fn parse_base_iri(s: &str) -> Result<String, String> {
    match oxigraph::model::NamedNode::new(s) {
        Ok(_) if s.ends_with('/') && (s.starts_with("http://") || s.starts_with("https://")) => Ok(s.to_string()),
        _ => Err(format!("{s:?} is not a base IRI; give an http(s) IRI ending in '/', e.g. https://graph.example.org/id/")),
    }
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let store = WartaStore::open(&a.store, Access::Read)?;
    crate::store::union::check(&store)?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).map_err(|e| anyhow::anyhow!("cannot watch for Ctrl-C: {e}"))?;
    }
    if !a.bind.ip().is_loopback() {
        eprintln!("warta: warning: listening on {}: anyone who can reach this address can query the store", a.bind.ip());
    }
    let store_path = a.store.display().to_string();
    let site = Site::new(Status::read(&store)?, a.base_iri.clone(), a.cors.clone());
    site.warm_up(&store.store);
    let endpoint = Endpoint {
        store: store.store.clone(),
        limits: Limits {
            timeout: Duration::from_secs(a.timeout_secs),
            max_rows: usize::try_from(a.max_rows).unwrap_or(usize::MAX),
            stop: Arc::clone(&stop),
        },
        site,
    };
    let pool = Pool { workers: a.threads as usize, queue: a.queue as usize };
    serve(endpoint, a.bind, pool, stop, |addr| {
        eprintln!("warta: serving {store_path} at http://{addr}/query (read-only; Ctrl-C stops)");
        eprintln!("warta: explorer at http://{addr}/");
    })?;
    eprintln!("warta: stopped");
    drop(store);
    Ok(Exit::Ok)
}
