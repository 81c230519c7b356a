//! `warta render`: a view of the store (or a CONSTRUCT query) as DOT, SVG or PNG.

use super::Exit;
use crate::graph::{Filter, Request, UserQuery, View};
use crate::render::{self, DiagramFormat, SvgEngine};
use crate::store::{Access, WartaStore, DEFAULT_STORE};
use chrono::NaiveDate;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Which view to draw [default: demands; ego with --focus; meetings with --timeline].
    #[arg(long, value_enum, conflicts_with = "query")]
    pub view: Option<View>,
    /// Draw a CONSTRUCT query: subjects and objects as nodes (labelled by rdfs:label), predicates on the edges.
    #[arg(long, value_name = "FILE.rq")]
    pub query: Option<String>,
    /// The entity at the centre of the ego view: a label or alternative name (any case), or an IRI.
    #[arg(long, value_name = "NAME")]
    pub focus: Option<String>,
    /// How many hops from the focus the ego view reaches.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub depth: usize,
    /// Meetings view: time left to right, one lane per side, each meeting a mark across its sides' lanes.
    #[arg(long)]
    pub timeline: bool,
    /// Demands view: every demanded action on its edge (for small selections), instead of one edge per pair with a count.
    #[arg(long)]
    pub detail: bool,
    /// Only facts dated on or after this day (a meeting's date, else its article's publication date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    pub since: Option<NaiveDate>,
    /// Only facts dated on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
    pub until: Option<NaiveDate>,
    /// Only facts with evidence of at least this confidence (0 to 1).
    #[arg(long, value_name = "0..1", value_parser = parse_confidence)]
    pub min_confidence: Option<f64>,
    /// Keep the N most connected nodes.
    #[arg(long, value_name = "N", value_parser = parse_top)]
    pub top: Option<usize>,
    /// Only facts from the article with this IRI, or whose title contains this text (any case).
    #[arg(long, value_name = "IRI|TITLE")]
    pub article: Option<String>,
    /// Label language (entities have English and Indonesian labels) [default: the articles' language].
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Draw every node: no overview of the busiest (graphs over 80 nodes), every side in the timeline and matrix.
    #[arg(long)]
    pub force: bool,
    /// Draw demands, meetings-timeline, who-met-whom and regions into the folder given by -o (default out/diagrams), as .dot and .svg (and .png with --format png).
    #[arg(long, conflicts_with_all = ["view", "query", "focus", "timeline"])]
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

fn parse_confidence(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(c) if (0.0..=1.0).contains(&c) => Ok(c),
        _ => Err(format!("{s:?} is not a confidence; give a number from 0 to 1, e.g. 0.8")),
    }
}

fn parse_top(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{s:?} is not a node count; give a whole number above 0, e.g. 30")),
    }
}

/// The options turned into what to draw; the rest of the program reads this.
struct Config {
    request: Request,
    timeline: bool,
    detail: bool,
    force: bool,
}

impl Args {
    fn config(&self) -> anyhow::Result<Config> {
        let view = match (self.view, &self.focus, self.timeline) {
            (Some(v), _, _) => v,
            (None, Some(_), _) => View::Ego,
            (None, None, true) => View::Meetings,
            (None, None, false) => View::Demands,
        };
        if self.query.is_none() {
            if view == View::Ego && self.focus.is_none() {
                anyhow::bail!("--view ego needs --focus NAME, e.g. `warta render --view ego --focus Russia --depth 2`");
            }
            if view != View::Ego && self.focus.is_some() {
                anyhow::bail!("--focus goes with the ego view; drop --view {} or use --view ego", view.name());
            }
            if self.timeline && view != View::Meetings {
                anyhow::bail!("--timeline orders meetings by date; use it with --view meetings");
            }
        }
        let query = match &self.query {
            Some(q) => {
                let src = crate::queries::resolve(q)?;
                Some(UserQuery { origin: src.origin, text: src.text })
            }
            None => None,
        };
        let filter = Filter { since: self.since, until: self.until, min_confidence: self.min_confidence, article: self.article.clone() };
        if let (Some(s), Some(u)) = (filter.since, filter.until) {
            if s > u {
                anyhow::bail!("--since {s} is after --until {u}; no fact can be in between");
            }
        }
        let request = Request { view, query, focus: self.focus.clone(), depth: self.depth, filter, lang: self.lang.clone(), top: self.top };
        Ok(Config { request, timeline: self.timeline, detail: self.detail, force: self.force })
    }
}

/// Writes every standard view as .dot and .svg into `dir`. Returns the files written.
pub fn render_all(store: &WartaStore, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let cfg = Config { request: Request::view(View::Demands), timeline: false, detail: false, force: false };
    render_all_with(store, dir, &cfg, &[DiagramFormat::Dot, DiagramFormat::Svg])
}

fn render_all_with(store: &WartaStore, dir: &Path, cfg: &Config, formats: &[DiagramFormat]) -> anyhow::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: cannot create folder: {e}", dir.display()))?;
    let mut written = Vec::new();
    for (view, timeline) in render::ALL_VIEWS {
        let req = Request { view, ..cfg.request.clone() };
        let cfg = Config { request: req.clone(), timeline, detail: cfg.detail, force: cfg.force };
        let (diagram, g) = render::prepare(&store.store, &req, cfg.timeline, cfg.detail, cfg.force)?;
        for &format in formats {
            let (bytes, _) = render::draw(&diagram, &g, format)?;
            let ext = match format {
                DiagramFormat::Dot => "dot",
                DiagramFormat::Svg => "svg",
                DiagramFormat::Png => "png",
            };
            let path = dir.join(format!("{}.{ext}", diagram.name));
            std::fs::write(&path, bytes).map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
            written.push(path);
        }
    }
    Ok(written)
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let cfg = a.config()?;
    let store = WartaStore::open(&a.store, Access::Read)?;
    if a.all {
        let dir = a.output.clone().unwrap_or_else(|| PathBuf::from("out/diagrams"));
        let mut formats = vec![DiagramFormat::Dot, DiagramFormat::Svg];
        if a.format == DiagramFormat::Png {
            formats.push(DiagramFormat::Png);
        }
        for p in render_all_with(&store, &dir, &cfg, &formats)? {
            eprintln!("warta: wrote {}", p.display());
        }
        return Ok(Exit::Ok);
    }
    let (diagram, g) = render::prepare(&store.store, &cfg.request, cfg.timeline, cfg.detail, cfg.force)?;
    let (bytes, engine) = render::draw(&diagram, &g, a.format)?;
    if engine == Some(SvgEngine::PureRust) {
        eprintln!("warta: note: Graphviz not found; SVG laid out by the built-in engine (install graphviz for nicer diagrams)");
    }
    let mut out = super::output(a.output.as_ref())?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(Exit::Ok)
}
