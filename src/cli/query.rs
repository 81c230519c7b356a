//! `warta query`: SPARQL from the library or a file over the store, with
//! parameters bound by value (never pasted into the query).

use super::Exit;
use crate::queries::{self, ResultFormat};
use crate::rdf::Format;
use crate::store::{Access, WartaStore, DEFAULT_STORE};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// A library query name (see --list) or a path to a .rq file.
    #[arg(required_unless_present = "list")]
    pub query: Option<String>,
    /// Result format of SELECT and ASK queries: an aligned table for people, or the W3C CSV/TSV/JSON/XML formats.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ResultFormat,
    /// RDF syntax of CONSTRUCT and DESCRIBE results.
    #[arg(long, value_enum, default_value = "turtle")]
    pub rdf_format: Format,
    /// A parameter the query declares, as NAME=VALUE (e.g. actor=Russia); repeat for several.
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE", value_parser = queries::parse_assignment)]
    pub params: Vec<(String, String)>,
    /// Store folder.
    #[arg(long, default_value = DEFAULT_STORE)]
    pub store: PathBuf,
    /// Write to a file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Stop a query that runs longer than this many seconds (an error, exit 1).
    #[arg(long, value_name = "SECS", value_parser = parse_seconds)]
    pub timeout: Option<std::time::Duration>,
    /// Write at most this many result rows (or triples); a warning says when results were cut.
    #[arg(long, value_name = "ROWS")]
    pub limit: Option<usize>,
    /// List the library's queries, what each answers and the parameters it takes.
    #[arg(long)]
    pub list: bool,
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    if a.list {
        for (name, text) in queries::LIBRARY {
            let params: String = queries::declared(text).iter().map(|p| format!(" [--param {}=…]", p.name)).collect();
            println!("{name:24} {}{params}", queries::description(text));
        }
        return Ok(Exit::Ok);
    }
    let q = queries::resolve(a.query.as_deref().unwrap_or_default())?;
    let store = WartaStore::open(&a.store, Access::Read)?;
    crate::store::union::check(&store)?;
    let bindings = queries::bind(&store.store, &q, &a.params)?;
    let mut out = super::output(a.output.as_ref())?;
    let limits = queries::Limits { timeout: a.timeout, max_rows: a.limit };
    queries::run_with(&store.store, &q, &bindings, a.format, a.rdf_format, &limits, &mut out)?;
    out.flush()?;
    Ok(Exit::Ok)
}

fn parse_seconds(s: &str) -> Result<std::time::Duration, String> {
    match s.parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs.is_finite() => Ok(std::time::Duration::from_secs_f64(secs)),
        _ => Err(format!("{s:?} is not a positive number of seconds (e.g. 30 or 0.5)")),
    }
}
