//! Diagrams: a deterministic DOT writer (networks, the lanes of the meetings
//! timeline), the who-met-whom matrix as SVG, and SVG or PNG from DOT (Graphviz
//! when installed, otherwise a pure-Rust layout).

pub mod dot;
pub mod matrix;
pub mod style;
pub mod svg;
pub mod timeline;

pub use dot::{Diagram, Layout};
pub use svg::{dot_available, to_svg, SvgEngine};

use crate::error::{Result, WartaError};
use crate::graph::{self, Drawn, EdgeKind, NodeKind, Request, View, ViewGraph, MAX_READABLE_NODES, OVERVIEW_NODES};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagramFormat {
    Dot,
    Svg,
    Png,
}

/// Name, title, subtitle (the filters in use) and layout of a request's diagram.
/// `detail`: demands with every action on its edge; `full`: every side in the
/// timeline and matrix.
pub fn describe(req: &Request, drawn: &Drawn, timeline: bool, detail: bool, full: bool) -> Diagram {
    let (name, title) = match (&req.query, req.view) {
        (Some(q), _) => {
            let file = q.origin.rsplit('/').next().unwrap_or(&q.origin);
            ("query".to_string(), format!("Query {file}"))
        }
        (None, View::Ego) => {
            let hops = if req.depth == 1 { "hop" } else { "hops" };
            let focus = drawn.focus.as_ref().map_or("the focus", |(_, label)| label.as_str());
            ("ego".to_string(), format!("Within {} {hops} of {focus}", req.depth))
        }
        (None, View::Meetings) if timeline => ("meetings-timeline".to_string(), "Meetings over time: who met where".to_string()),
        (None, view) => (view.name().to_string(), view.title().to_string()),
    };
    let f = &req.filter;
    let mut notes = Vec::new();
    match (f.since, f.until) {
        (Some(s), Some(u)) => notes.push(format!("{s} to {u}")),
        (Some(s), None) => notes.push(format!("since {s}")),
        (None, Some(u)) => notes.push(format!("until {u}")),
        (None, None) => {}
    }
    if let Some(c) = f.min_confidence {
        notes.push(format!("confidence ≥ {c:.2}"));
    }
    if let Some(a) = &f.article {
        notes.push(format!("article “{a}”"));
    }
    if let Some(n) = req.top {
        notes.push(format!("the {n} most connected"));
    }
    let layout = match (&req.query, req.view) {
        (None, View::Meetings) if timeline => Layout::Lanes,
        (None, View::WhoMetWhom) => Layout::Matrix,
        (None, View::Meetings | View::Regions) => Layout::LeftToRight,
        _ => Layout::TopToBottom,
    };
    let clusters = match (&req.query, req.view) {
        (None, View::Meetings) if !timeline => vec![NodeKind::Meeting],
        (None, View::Regions) => vec![NodeKind::Region],
        _ => Vec::new(),
    };
    let subtitle = (!notes.is_empty()).then(|| notes.join(" · "));
    let highlight = drawn.focus.as_ref().map(|(id, _)| id.clone());
    // The ego view is small by nature: its demand edges name their actions.
    let detail = detail || req.view == View::Ego || req.query.is_some();
    Diagram { name, title, subtitle, layout, clusters, highlight, detail, full, spring: false }
}

/// The diagram as DOT. Same graph, same bytes.
pub fn to_dot(d: &Diagram, g: &ViewGraph) -> String {
    match d.layout {
        Layout::Lanes => timeline::to_dot(d, g),
        Layout::Matrix => matrix::to_dot(d, &matrix::Matrix::new(g, d.full)),
        _ => dot::to_dot(d, g),
    }
}

/// The diagram in `format`, and which engine drew an SVG or PNG. The matrix is
/// drawn here; everything else is laid out from its DOT.
pub fn draw(d: &Diagram, g: &ViewGraph, format: DiagramFormat) -> Result<(Vec<u8>, Option<SvgEngine>)> {
    if d.layout == Layout::Matrix && format != DiagramFormat::Dot {
        let svg = matrix::to_svg(d, &matrix::Matrix::new(g, d.full));
        return Ok(match format {
            DiagramFormat::Png => (matrix::to_png(&svg)?, None),
            _ => (svg.into_bytes(), None),
        });
    }
    if d.layout == Layout::Lanes && format == DiagramFormat::Svg && !dot_available() {
        return Ok((timeline::to_svg(d, g).into_bytes(), Some(SvgEngine::PureRust)));
    }
    let dot = to_dot(d, g);
    Ok(match format {
        DiagramFormat::Dot => (dot.into_bytes(), None),
        DiagramFormat::Svg => {
            let (svg, engine) = to_svg(&dot)?;
            (svg.into_bytes(), Some(engine))
        }
        DiagramFormat::Png => {
            if !dot_available() {
                return Err(WartaError::Other(
                    "PNG needs Graphviz's `dot` on PATH (e.g. `apt-get install graphviz`); use --format svg meanwhile".into(),
                ));
            }
            (svg::graphviz(&dot, graphviz_rust::cmd::Format::Png)?, Some(SvgEngine::Graphviz))
        }
    })
}

/// The four report diagrams of `render --all` (and of the explorer's diagrams
/// page), as (view, timeline): the demands overview, the meetings timeline,
/// who met whom and the disputed regions.
pub const ALL_VIEWS: [(View, bool); 4] =
    [(View::Demands, false), (View::Meetings, true), (View::WhoMetWhom, false), (View::Regions, false)];

/// Above this many nodes, networks are laid out as a spring model: in ranks
/// they would make a strip far wider than high.
const SPRING_NODES: usize = 24;

/// What an overview leaves out, and how to narrow the diagram instead.
fn overview_note(hidden: usize, nodes: usize) -> String {
    format!(
        "overview: the {OVERVIEW_NODES} most connected of {nodes} nodes, {hidden} in “others”; narrow with --focus NAME, --since/--until, --article, or --force for all"
    )
}

/// Builds the graph of `req` and describes its diagram; a graph over the
/// readable size becomes an overview of its busiest nodes unless `force`.
/// `detail`: demands with every action on its edge; `timeline`: meetings by date.
pub fn prepare(store: &oxigraph::store::Store, req: &Request, timeline: bool, detail: bool, force: bool) -> Result<(Diagram, ViewGraph)> {
    let drawn = graph::draw(store, req)?;
    let mut diagram = describe(req, &drawn, timeline, detail, force);
    let nodes = drawn.graph.node_count();
    let own_overview = matches!(diagram.layout, Layout::Lanes | Layout::Matrix);
    let g = if nodes > MAX_READABLE_NODES && !force && !own_overview {
        let (small, hidden) = graph::overview(&drawn.graph, OVERVIEW_NODES);
        diagram.note(&overview_note(hidden, nodes));
        small
    } else {
        drawn.graph
    };
    diagram.spring = !own_overview && !diagram.detail && g.node_count() > SPRING_NODES;
    Ok((diagram, g))
}

/// The meetings of a meetings graph, for the timeline and the matrix: each meeting node,
/// its city (its label's first line) and its sides' ids, sorted, each once.
pub(crate) fn meetings_of(g: &ViewGraph) -> impl Iterator<Item = (NodeIndex, String, Vec<&str>)> + '_ {
    g.node_indices().filter(move |&i| g[i].kind == NodeKind::Meeting).map(move |m| {
        let mut sides: Vec<&str> = g
            .edges_directed(m, Direction::Incoming)
            .filter(|e| e.weight().kind == EdgeKind::Participant)
            .map(|e| g[e.source()].id.as_str())
            .collect();
        sides.sort();
        sides.dedup();
        (m, g[m].label.lines().next().unwrap_or("").to_string(), sides)
    })
}

/// A side's label on one line, by its node id (the id when no node has it).
pub(crate) fn side_label(g: &ViewGraph, id: &str) -> String {
    g.node_weights().find(|n| n.id == id).map_or(id.to_string(), |n| n.label.replace('\n', " "))
}

/// Sides by how many of `meetings` (each a list of side ids) they sit in, busiest first,
/// then by label: (meetings, label, id).
pub(crate) fn rank_sides<'m, 'g: 'm>(g: &ViewGraph, meetings: impl IntoIterator<Item = &'m [&'g str]>) -> Vec<(usize, String, &'g str)> {
    let mut count: BTreeMap<&'g str, usize> = BTreeMap::new();
    for sides in meetings {
        for s in sides {
            *count.entry(s).or_default() += 1;
        }
    }
    let mut ranked: Vec<(std::cmp::Reverse<usize>, String, &'g str)> =
        count.into_iter().map(|(id, n)| (std::cmp::Reverse(n), side_label(g, id), id)).collect();
    ranked.sort();
    ranked.into_iter().map(|(n, label, id)| (n.0, label, id)).collect()
}
