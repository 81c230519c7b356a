//! `warta push`: send the store's article graphs to a remote triplestore.

use super::Exit;
use crate::push::{self, Auth, Client, Target};
use crate::store::{merge, Access, WartaStore, DEFAULT_STORE};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum AuthKind {
    Basic,
    Digest,
    Bearer,
}

#[derive(clap::Args)]
pub struct Args {
    /// The server's SPARQL Update endpoint; also the Graph Store endpoint when --graph-store is not given.
    #[arg(long)]
    pub endpoint: String,
    /// Graph Store HTTP Protocol endpoint (oxigraph: …/store; Virtuoso: …/sparql-graph-crud-auth).
    #[arg(long, conflicts_with = "update_only")]
    pub graph_store: Option<String>,
    /// Send SPARQL Update (DROP SILENT GRAPH, then INSERT DATA in batches) to --endpoint instead of PUT.
    #[arg(long)]
    pub update_only: bool,
    /// Triples per INSERT DATA request (with --update-only).
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch: u64,
    /// User name, for basic or digest authentication.
    #[arg(long, requires = "password_env")]
    pub user: Option<String>,
    /// Environment variable holding the password (never give it on the command line).
    #[arg(long, value_name = "VAR", requires = "user")]
    pub password_env: Option<String>,
    /// Environment variable holding a bearer token.
    #[arg(long, value_name = "VAR", conflicts_with = "user")]
    pub token_env: Option<String>,
    /// Authentication scheme; basic with --user, bearer with --token-env unless given.
    #[arg(long, value_enum)]
    pub auth: Option<AuthKind>,
    /// Also push the merged graph (one node per meeting and demand across articles).
    #[arg(long)]
    pub merged: bool,
    /// Store folder.
    #[arg(long, default_value = DEFAULT_STORE)]
    pub store: PathBuf,
    /// Retries of a request that failed with 5xx, 429 or a connection error (with doubling backoff).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,
    /// Time limit of one request.
    #[arg(long, default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_secs: u64,
}

fn env(var: &str) -> anyhow::Result<String> {
    std::env::var(var).map_err(|_| anyhow::anyhow!("environment variable {var} is not set (it should hold the secret)"))
}

fn auth(a: &Args) -> anyhow::Result<Auth> {
    let kind = a.auth.or(if a.token_env.is_some() {
        Some(AuthKind::Bearer)
    } else if a.user.is_some() {
        Some(AuthKind::Basic)
    } else {
        None
    });
    Ok(match (kind, &a.user, &a.password_env, &a.token_env) {
        (None, ..) => Auth::None,
        (Some(AuthKind::Bearer), _, _, Some(var)) => Auth::Bearer { token: env(var)? },
        (Some(AuthKind::Basic), Some(user), Some(var), _) => Auth::Basic { user: user.clone(), password: env(var)? },
        (Some(AuthKind::Digest), Some(user), Some(var), _) => Auth::digest(user.clone(), env(var)?),
        (Some(AuthKind::Bearer), ..) => anyhow::bail!("--auth bearer needs --token-env VAR"),
        (Some(k), ..) => anyhow::bail!("--auth {} needs --user NAME --password-env VAR", format!("{k:?}").to_lowercase()),
    })
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    for url in std::iter::once(&a.endpoint).chain(&a.graph_store) {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            anyhow::bail!("{url:?} is not an http(s) URL, e.g. http://127.0.0.1:7878/store");
        }
    }
    let auth = auth(&a)?;
    let store = WartaStore::open(&a.store, Access::Read)?;
    let mut graphs = store.article_graphs()?;
    if a.merged && store.has_graph(&merge::merged_graph())? {
        graphs.push(merge::merged_graph());
    }
    if graphs.is_empty() {
        anyhow::bail!("store {} holds no article graphs; build one first with `warta build`", a.store.display());
    }
    let target = if a.update_only {
        Target::Update { url: a.endpoint.clone(), batch: usize::try_from(a.batch).unwrap_or(usize::MAX) }
    } else {
        Target::GraphStore(a.graph_store.clone().unwrap_or_else(|| a.endpoint.clone()))
    };
    let shown = match &target {
        Target::GraphStore(u) => format!("{u} (Graph Store Protocol, PUT)"),
        Target::Update { url, .. } => format!("{url} (SPARQL Update)"),
    };
    eprintln!("warta: pushing {} graphs from {} to {shown}", graphs.len(), a.store.display());
    let mut client = Client::new(auth, a.retries, Duration::from_secs(a.timeout_secs), push::BACKOFF);
    let s = push::push(&store, &graphs, &target, &mut client)?;
    eprintln!(
        "warta: pushed {} graphs, {} triples in {} requests ({} retries) in {:.1}s",
        s.graphs, s.triples, s.requests, s.retries, s.seconds
    );
    Ok(Exit::Ok)
}
