//! `warta render`: a view of the store (or a CONSTRUCT query) as DOT, SVG or PNG.

use super::Exit;
use crate::graph::{self, Filter, Request, UserQuery, View, MAX_READABLE_NODES};
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
    /// Meetings view: meetings in a row, left to right by date.
    #[arg(long)]
    pub timeline: bool,
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
    /// Draw diagrams even when they have more than 80 nodes.
    #[arg(long)]
    pub force: bool,
    /// Draw demands, meetings, meetings-timeline and regions into the folder given by -o (default out/diagrams), as .dot and .svg (and .png with --format png).
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
        Ok(Config { request, timeline: self.timeline, force: self.force })
    }
}

/// A diagram with more nodes than a reader can follow.
#[derive(Debug)]
pub struct TooBig {
    pub name: String,
    pub nodes: usize,
}

impl std::fmt::Display for TooBig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the {} diagram would have {} nodes, too many to read (the limit is {MAX_READABLE_NODES}).\n\
             Narrow it down: --top 40 (the most connected nodes), --since/--until YYYY-MM-DD, --article TITLE-WORDS,\n\
             --min-confidence 0.8, or --view ego --focus NAME --depth 1; or add --force to draw it anyway.",
            self.name, self.nodes
        )
    }
}

impl std::error::Error for TooBig {}

/// Builds the graph and writes its DOT; refuses unreadably big graphs unless `force`.
fn draw_dot(store: &WartaStore, req: &Request, timeline: bool, force: bool) -> anyhow::Result<(render::Diagram, String)> {
    let drawn = graph::draw(&store.store, req)?;
    let diagram = render::describe(req, &drawn, timeline);
    let nodes = drawn.graph.node_count();
    if nodes > MAX_READABLE_NODES && !force {
        return Err(TooBig { name: diagram.name.clone(), nodes }.into());
    }
    let dot = render::to_dot(&diagram, &drawn.graph);
    Ok((diagram, dot))
}

/// DOT text converted to `format`.
fn convert(dot: String, format: DiagramFormat) -> anyhow::Result<(Vec<u8>, Option<SvgEngine>)> {
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

/// Writes every standard view as .dot and .svg into `dir`; a view too big to
/// read is left out with a note on stderr. Returns the files written.
pub fn render_all(store: &WartaStore, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let (written, too_big) = render_all_with(store, dir, &Request::view(View::Demands), false, &[DiagramFormat::Dot, DiagramFormat::Svg])?;
    for t in too_big {
        eprintln!("warta: skipped: {t}");
    }
    Ok(written)
}

/// Every standard view (and the meetings timeline) with the filters of `template`.
fn render_all_with(
    store: &WartaStore,
    dir: &Path,
    template: &Request,
    force: bool,
    formats: &[DiagramFormat],
) -> anyhow::Result<(Vec<PathBuf>, Vec<TooBig>)> {
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: cannot create folder: {e}", dir.display()))?;
    let (mut written, mut too_big) = (Vec::new(), Vec::new());
    for (view, timeline) in [(View::Demands, false), (View::Meetings, false), (View::Meetings, true), (View::Regions, false)] {
        let req = Request { view, ..template.clone() };
        let (diagram, dot) = match draw_dot(store, &req, timeline, force) {
            Ok(d) => d,
            Err(e) => match e.downcast::<TooBig>() {
                Ok(t) => {
                    too_big.push(t);
                    continue;
                }
                Err(e) => return Err(e),
            },
        };
        for &format in formats {
            let (bytes, _) = convert(dot.clone(), format)?;
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
    Ok((written, too_big))
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
        let (written, too_big) = render_all_with(&store, &dir, &cfg.request, cfg.force, &formats)?;
        for p in &written {
            eprintln!("warta: wrote {}", p.display());
        }
        for t in &too_big {
            eprintln!("warta: skipped: {t}");
        }
        return Ok(if too_big.is_empty() { Exit::Ok } else { Exit::Partial });
    }
    let (_, dot) = draw_dot(&store, &cfg.request, cfg.timeline, cfg.force)?;
    let (bytes, engine) = convert(dot, a.format)?;
    if engine == Some(SvgEngine::PureRust) {
        eprintln!("warta: note: Graphviz not found; SVG laid out by the built-in engine (install graphviz for nicer diagrams)");
    }
    let mut out = super::output(a.output.as_ref())?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(Exit::Ok)
}
