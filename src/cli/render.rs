//! `warta render`: a view of the store as DOT, SVG or PNG.

use super::Exit;
use crate::graph::{self, View};
use crate::render::{self, DiagramFormat, SvgEngine};
use crate::store::{Access, WartaStore, DEFAULT_STORE};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Which view to draw.
    #[arg(long, value_enum, default_value = "demands")]
    pub view: View,
    /// Draw every view into the folder given by -o (default out/diagrams), as .dot and .svg.
    #[arg(long)]
    pub all: bool,
    /// Diagram format (SVG without Graphviz uses a built-in layout; PNG needs Graphviz).
    #[arg(long, value_enum, default_value = "svg")]
    pub format: DiagramFormat,
    /// Store folder.
    #[arg(long, default_value = DEFAULT_STORE)]
    pub store: PathBuf,
    /// Output file (or folder with --all); standard output when absent.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// Renders one view in one format.
pub fn render_view(store: &WartaStore, view: View, format: DiagramFormat) -> anyhow::Result<(Vec<u8>, Option<SvgEngine>)> {
    let g = graph::build(&store.store, view)?;
    let dot = render::to_dot(view, &g);
    Ok(match format {
        DiagramFormat::Dot => (dot.into_bytes(), None),
        DiagramFormat::Svg => {
            let (svg, engine) = render::to_svg(&dot)?;
            (svg.into_bytes(), Some(engine))
        }
        DiagramFormat::Png => {
            if !render::dot_available() {
                anyhow::bail!("PNG needs Graphviz's `dot` on PATH (e.g. `apt-get install graphviz`); use --format svg meanwhile");
            }
            (render::svg::graphviz(&dot, graphviz_rust::cmd::Format::Png)?, Some(SvgEngine::Graphviz))
        }
    })
}

/// Writes every view as .dot and .svg into `dir`; returns the files written.
pub fn render_all(store: &WartaStore, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: cannot create folder: {e}", dir.display()))?;
    let mut written = Vec::new();
    for view in View::ALL {
        for (format, ext) in [(DiagramFormat::Dot, "dot"), (DiagramFormat::Svg, "svg")] {
            let (bytes, _) = render_view(store, view, format)?;
            let path = dir.join(format!("{}.{ext}", view.name()));
            std::fs::write(&path, bytes).map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
            written.push(path);
        }
    }
    Ok(written)
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let store = WartaStore::open(&a.store, Access::Read)?;
    if a.all {
        let dir = a.output.unwrap_or_else(|| PathBuf::from("out/diagrams"));
        for p in render_all(&store, &dir)? {
            eprintln!("warta: wrote {}", p.display());
        }
        return Ok(Exit::Ok);
    }
    let (bytes, engine) = render_view(&store, a.view, a.format)?;
    if engine == Some(SvgEngine::PureRust) {
        eprintln!("warta: note: Graphviz not found; SVG laid out by the built-in engine (install graphviz for nicer diagrams)");
    }
    let mut out = super::output(a.output.as_ref())?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(Exit::Ok)
}

use std::io::Write;
