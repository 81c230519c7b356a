//! `warta export`: the store's contents as RDF.

use super::Exit;
use crate::rdf::{write_quads, Format};
use crate::store::{Access, WartaStore, DEFAULT_STORE};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// RDF syntax; nquads and trig keep one named graph per article, the others merge them.
    #[arg(long, value_enum, default_value = "nquads")]
    pub format: Format,
    /// Store folder.
    #[arg(long, default_value = DEFAULT_STORE)]
    pub store: PathBuf,
    /// Write to a file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let store = WartaStore::open(&a.store, Access::Read)?;
    let mut out = super::output(a.output.as_ref())?;
    write_quads(store.quads()?, a.format, &mut out)?;
    out.flush()?;
    Ok(Exit::Ok)
}
