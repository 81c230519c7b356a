//! `warta completions SHELL`: a completion script for bash, zsh or fish (clap_complete).

use super::{Exit, Opts};
use clap::CommandFactory;
use std::io::Write;

#[derive(clap::Args)]
pub struct Args {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let shell = match a.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    let mut out = super::output(None)?;
    clap_complete::generate(shell, &mut Opts::command(), "warta", &mut out);
    out.flush()?;
    Ok(Exit::Ok)
}
