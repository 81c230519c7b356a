//! `warta query`: SPARQL from the library or a file over the store.

use super::Exit;
use crate::queries::{self, ResultFormat};
use crate::store::{Access, WartaStore, DEFAULT_STORE};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// A library query name (see --list) or a path to a .rq file.
    #[arg(required_unless_present = "list")]
    pub query: Option<String>,
    /// Result format: an aligned table for people, or the W3C CSV/TSV/JSON/XML formats.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ResultFormat,
    /// Store folder.
    #[arg(long, default_value = DEFAULT_STORE)]
    pub store: PathBuf,
    /// Write to a file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// List the library's queries and what each answers.
    #[arg(long)]
    pub list: bool,
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    if a.list {
        for (name, text) in queries::LIBRARY {
            println!("{name:18} {}", queries::description(text));
        }
        return Ok(Exit::Ok);
    }
    let q = queries::resolve(a.query.as_deref().unwrap_or_default())?;
    let store = WartaStore::open(&a.store, Access::Read)?;
    let mut out = super::output(a.output.as_ref())?;
    queries::run(&store.store, &q, a.format, &mut out)?;
    out.flush()?;
    Ok(Exit::Ok)
}

use std::io::Write;
