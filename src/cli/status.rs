//! `warta status`: what the store holds and what the last build did.

use super::Exit;
use crate::store::{Access, Status, WartaStore, DEFAULT_STORE};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Store folder.
    #[arg(long, default_value = DEFAULT_STORE)]
    pub store: PathBuf,
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let store = WartaStore::open(&a.store, Access::Read)?;
    let status = Status::read(&store)?;
    let mut out = std::io::stdout().lock();
    write!(out, "store:        {}\n{status}", a.store.display())?;
    out.flush()?;
    Ok(Exit::Ok)
}
