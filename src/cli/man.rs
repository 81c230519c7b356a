//! `warta man`: the manual page (roff, clap_mangen) — of warta, or with
//! `--out-dir` one page per subcommand as well.

use super::{Exit, Opts};
use clap::CommandFactory;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Write warta.1 and warta-SUBCOMMAND.1 into this folder instead of printing warta.1.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

fn render(cmd: clap::Command, title: &str) -> anyhow::Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).title(title).render(&mut page)?;
    Ok(page)
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let cmd = Opts::command();
    let Some(dir) = a.out_dir else {
        let mut out = super::output(None)?;
        out.write_all(&render(cmd, "warta")?)?;
        out.flush()?;
        return Ok(Exit::Ok);
    };
    std::fs::create_dir_all(&dir).map_err(|e| anyhow::anyhow!("{}: cannot create folder: {e}", dir.display()))?;
    let mut pages = vec![("warta.1".to_string(), render(cmd.clone(), "warta")?)];
    for sub in cmd.get_subcommands() {
        let name = format!("warta-{}", sub.get_name());
        pages.push((format!("{name}.1"), render(sub.clone().bin_name(format!("warta {}", sub.get_name())), &name)?));
    }
    for (file, bytes) in pages {
        let path = dir.join(file);
        std::fs::write(&path, bytes).map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
        eprintln!("warta: wrote {}", path.display());
    }
    Ok(Exit::Ok)
}
