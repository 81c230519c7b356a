//! Diagrams: a deterministic DOT writer and SVG (Graphviz when installed,
//! otherwise a pure-Rust layout).

pub mod dot;
pub mod style;
pub mod svg;

pub use dot::{to_dot, Diagram, Layout};
pub use svg::{dot_available, to_svg, SvgEngine};

use crate::graph::{Drawn, NodeKind, Request, View};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagramFormat {
    Dot,
    Svg,
    Png,
}

/// Name, title, subtitle (the filters in use) and layout of a request's diagram.
pub fn describe(req: &Request, drawn: &Drawn, timeline: bool) -> Diagram {
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
        (None, View::Meetings) if timeline => ("meetings-timeline".to_string(), "Meetings over time: where, when, who".to_string()),
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
        (None, View::Meetings) if timeline => Layout::Timeline,
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
    Diagram { name, title, subtitle, layout, clusters, highlight }
}
