//! Our own DOT writer: nodes and edges sorted, ids stable, labels escaped, so the
//! same store always gives the same bytes (petgraph's `Dot` makes no such promise).

use super::style::{self, caption, clean_phrase, edge_attrs, html, node_attrs, wrap};
use crate::graph::{EdgeKind, NodeKind, ViewGraph, OTHERS_ID};
use petgraph::visit::EdgeRef;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Demanded actions shown on one edge; the rest are counted.
const ACTIONS_PER_EDGE: usize = 3;
/// Characters per line of an action label, and lines per action.
const ACTION_WIDTH: usize = 30;
const ACTION_LINES: usize = 2;
/// The colour of edges with an overview's “others” node.
const OTHERS: &str = "#c8c8c8";
/// Actions listed in the tooltip of a demands-overview edge.
const TOOLTIP_ACTIONS: usize = 6;
/// Characters per line of a node label.
const NODE_WIDTH: usize = 22;

/// How the nodes are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Edges point left to right (two-sided views: actors and meetings or regions).
    LeftToRight,
    /// Edges point downwards (networks with long edge labels).
    TopToBottom,
    /// Time left to right, one lane per side (src/render/timeline.rs).
    Lanes,
    /// A side × side matrix (src/render/matrix.rs).
    Matrix,
}

/// What a diagram says about itself: its name, title, a line on the filters used.
#[derive(Debug, Clone)]
pub struct Diagram {
    /// The DOT graph id and file stem: `demands`, `meetings-timeline`, `ego`, …
    pub name: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub layout: Layout,
    /// Node kinds drawn together in a labelled box.
    pub clusters: Vec<NodeKind>,
    /// The id of a node to draw in bold (the focus of an ego view).
    pub highlight: Option<String>,
    /// Demands: every action on its edge, instead of a count with the actions in a tooltip.
    pub detail: bool,
    /// Every side, however many (the timeline and matrix keep the busiest otherwise).
    pub full: bool,
    /// Laid out as a spring model (Graphviz's neato) rather than in ranks: many
    /// nodes in ranks make a strip far wider than high.
    pub spring: bool,
}

#[cfg(test)]
impl Diagram {
    /// A diagram with a name, a title and a layout, nothing else set (for tests).
    pub(crate) fn plain(name: &str, title: &str, layout: Layout) -> Diagram {
        Diagram {
            name: name.into(),
            title: title.into(),
            subtitle: None,
            layout,
            clusters: vec![],
            highlight: None,
            detail: false,
            full: false,
            spring: false,
        }
    }
}

impl Diagram {
    /// Adds a note to the subtitle.
    pub fn note(&mut self, note: &str) {
        self.subtitle = Some(match self.subtitle.take() {
            Some(s) => format!("{s} · {note}"),
            None => note.to_string(),
        });
    }
}

/// Escapes a label for a double-quoted DOT string; newlines become centred line breaks.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A stable DOT id from a node's identity.
pub fn node_id(id: &str) -> String {
    let tail = id.rsplit(['/', '#']).next().unwrap_or(id);
    let clean: String = tail.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    format!("n_{}_{}", clean, &crate::extract::short_hash(&[id])[..6])
}

/// A node label: each line wrapped, then escaped.
fn node_label(label: &str) -> String {
    let lines: Vec<String> = label.lines().flat_map(|l| wrap(l, NODE_WIDTH, 3)).collect();
    escape(&lines.join("\n"))
}

/// An edge label as escaped DOT text: demanded actions wrapped and left-aligned
/// (a bullet per action when there are several), other kinds centred.
fn edge_label(kind: EdgeKind, labels: &[String], detail: bool) -> String {
    match kind {
        EdgeKind::Demand if !detail => return demand_count(labels.len()),
        // The legend says what a red dashed line is; on every edge it would crowd an overview.
        EdgeKind::Rejection if !detail => return String::new(),
        _ => {}
    }
    if kind != EdgeKind::Demand {
        let lines: Vec<&str> =
            if labels.is_empty() { caption(kind).into_iter().collect() } else { labels.iter().map(String::as_str).collect() };
        return escape(&lines.join("\n"));
    }
    let many = labels.len() > 1;
    let mut out = String::new();
    for l in labels.iter().take(ACTIONS_PER_EDGE) {
        for (i, line) in wrap(clean_phrase(l), ACTION_WIDTH, ACTION_LINES).iter().enumerate() {
            let lead = match (many, i) {
                (false, _) => "",
                (true, 0) => "• ",
                (true, _) => "   ",
            };
            let _ = write!(out, "{}{}\\l", escape(lead), escape(line));
        }
    }
    if labels.len() > ACTIONS_PER_EDGE {
        let _ = write!(out, "(+{} more)\\l", labels.len() - ACTIONS_PER_EDGE);
    }
    out
}

/// The label of a demands-overview edge: how many demands it stands for.
fn demand_count(n: usize) -> String {
    match n {
        0 | 1 => String::new(),
        n => format!("{n}"),
    }
}

/// Tooltip, line width and weight of a demands-overview edge: the first actions
/// (the edge's label counts them all), thicker the more demands it stands for.
fn demand_overview_attrs(labels: &[String]) -> String {
    let mut lines: Vec<String> = labels.iter().take(TOOLTIP_ACTIONS).map(|l| format!("• {}", clean_phrase(l))).collect();
    if labels.len() > TOOLTIP_ACTIONS {
        lines.push(format!("(+{} more)", labels.len() - TOOLTIP_ACTIONS));
    }
    let n = labels.len().max(1) as f64;
    let width = (1.0 + 1.6 * n.ln()).min(7.0);
    format!(", tooltip=\"{}\", penwidth={width:.1}, weight={}", escape(&lines.join("\n")), labels.len().max(1))
}

/// Writes the graph as DOT. Same graph, same bytes.
pub fn to_dot(d: &Diagram, g: &ViewGraph) -> String {
    let mut out = String::new();
    let mut title = format!("<b>{}</b>", html(&d.title));
    if let Some(sub) = &d.subtitle {
        let _ = write!(title, "<br/><font point-size=\"11\" color=\"#555555\">{}</font>", html(sub));
    }
    // Side by side, nodes can sit close; one above the other, edge labels need room.
    let (rankdir, nodesep) = if d.layout == Layout::LeftToRight { ("LR", 0.18) } else { ("TB", 0.35) };
    let layout = if d.spring {
        "layout=neato, overlap=false, sep=\"+14\", splines=true, mode=major".to_string()
    } else {
        format!("rankdir={rankdir}, nodesep={nodesep}, ranksep=0.8, newrank=true")
    };
    let _ = writeln!(out, "digraph \"warta_{}\" {{", escape(&d.name));
    let _ = writeln!(out, "  graph [label=<{title}>, labelloc=t, fontsize=18, fontname=\"Helvetica\", {layout}, pad=0.3];");
    // neato draws no clusters: their nodes are written like the others.
    let clusters: &[NodeKind] = if d.spring { &[] } else { &d.clusters };
    out.push_str("  node [fontname=\"Helvetica\", fontsize=11, margin=\"0.12,0.04\", height=0.34];\n  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n");
    if d.spring {
        // Longer springs than neato's default: room for the counts between the sides.
        out.push_str("  edge [len=1.6];\n");
    }
    let mut nodes: Vec<_> = g.node_weights().collect();
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let line = |n: &crate::graph::Node| {
        let bold = if d.highlight.as_deref() == Some(n.id.as_str()) { ", penwidth=2.5, fontname=\"Helvetica-Bold\"" } else { "" };
        // The tooltip (SVG <title>) is the name, not the node's internal id.
        let tooltip = escape(&n.label.replace('\n', " "));
        format!("{} [label=\"{}\", tooltip=\"{tooltip}\", {}{bold}];", node_id(&n.id), node_label(&n.label), node_attrs(n.kind))
    };
    for n in nodes.iter().filter(|n| !clusters.contains(&n.kind)) {
        let _ = writeln!(out, "  {}", line(n));
    }
    for &kind in clusters {
        let members: Vec<_> = nodes.iter().filter(|n| n.kind == kind).collect();
        if members.is_empty() {
            continue;
        }
        let s = style::node_style(kind);
        let _ = writeln!(out, "  subgraph cluster_{kind:?} {{");
        let _ = writeln!(
            out,
            "    label=\"{}\"; style=\"rounded,filled\"; fillcolor=\"#fbfbf8\"; color=\"#d8d8d0\"; fontsize=12;",
            escape(&cluster_title(s.name))
        );
        for n in &members {
            let _ = writeln!(out, "    {}", line(n));
        }
        out.push_str("  }\n");
    }
    let mut edges: Vec<(String, String, EdgeKind, String, String)> = g
        .edge_references()
        .map(|e| {
            let w = e.weight();
            let (a, b) = (&g[e.source()].id, &g[e.target()].id);
            if a == OTHERS_ID || b == OTHERS_ID {
                // The relations with the sides an overview leaves out: faint, so the kept sides stand out.
                return (node_id(a), node_id(b), w.kind, String::new(), format!(", color=\"{OTHERS}\", penwidth=0.7"));
            }
            let extra = if w.kind == EdgeKind::Demand && !d.detail { demand_overview_attrs(&w.labels) } else { String::new() };
            (node_id(a), node_id(b), w.kind, edge_label(w.kind, &w.labels, d.detail), extra)
        })
        .collect();
    edges.sort();
    for (a, b, kind, label, extra) in &edges {
        let label = if label.is_empty() { String::new() } else { format!("label=\"{label}\", ") };
        // Later attributes win: an edge with the “others” node keeps its class, not its colour.
        let _ = writeln!(out, "  {a} -> {b} [{label}{}{extra}];", edge_attrs(*kind));
    }
    let node_kinds: BTreeSet<NodeKind> = nodes.iter().map(|n| n.kind).collect();
    let edge_kinds: BTreeSet<EdgeKind> = edges.iter().map(|e| e.2).collect();
    if nodes.is_empty() {
        out.push_str("  empty [shape=plaintext, label=\"(nothing to draw: no facts match)\"];\n");
    } else {
        let table = style::legend(&node_kinds.into_iter().collect::<Vec<_>>(), &edge_kinds.into_iter().collect::<Vec<_>>(), !d.detail);
        let _ = writeln!(out, "  legend [shape=plain, label={table}];");
    }
    out.push_str("}\n");
    out
}

/// "meeting (city, date)" → "Meetings".
fn cluster_title(kind_name: &str) -> String {
    let word = kind_name.split(" (").next().unwrap_or(kind_name);
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => format!("{}{}s", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node};

    fn diagram(layout: Layout) -> Diagram {
        Diagram { detail: true, ..Diagram::plain("t", "T & \"U\"", layout) }
    }

    #[test]
    fn nodes_and_edges_sorted_labels_escaped() {
        let mut g = ViewGraph::new();
        let n = |id: &str, label: &str| Node { id: id.into(), label: label.into(), kind: NodeKind::Country, date: None };
        let b = g.add_node(n("wid:b", "Say \"no\""));
        let a = g.add_node(n("wid:a", "A"));
        g.add_edge(b, a, Edge { kind: EdgeKind::Rejection, labels: vec![] });
        g.add_edge(
            a,
            b,
            Edge { kind: EdgeKind::Demand, labels: vec![", menghentikan peluncuran rudal balistik yang melanggar resolusi".into()] },
        );
        let dot = to_dot(&diagram(Layout::TopToBottom), &g);
        let (ia, ib) = (dot.find("n_wid_a_").unwrap_or(usize::MAX), dot.find("n_wid_b_").unwrap_or(0));
        assert!(ia < ib, "sorted by id:\n{dot}");
        assert!(dot.contains(r#"label="Say \"no\"""#) && dot.contains("<b>T &amp; &quot;U&quot;</b>"), "{dot}");
        assert!(dot.contains(r#"tooltip="Say \"no\"""#), "a node's tooltip is its name, not its id: {dot}");
        assert!(dot.contains(r#"label="menghentikan peluncuran rudal\lbalistik yang melanggar…\l""#), "wrapped on two lines: {dot}");
        assert!(dot.contains(r#"label="rejects""#));
        assert_eq!(dot, to_dot(&diagram(Layout::TopToBottom), &g));
        let overview = to_dot(&Diagram { detail: false, ..diagram(Layout::TopToBottom) }, &g);
        assert!(
            overview.contains(r#"tooltip="• menghentikan peluncuran rudal balistik yang melanggar resolusi", penwidth=1.0"#),
            "{overview}"
        );
        assert!(!overview.contains(r#"label="menghentikan"#), "{overview}");
    }

    #[test]
    fn empty_graph_says_so() {
        let dot = to_dot(&diagram(Layout::LeftToRight), &ViewGraph::new());
        assert!(dot.contains("nothing to draw") && !dot.contains("legend") && dot.contains("rankdir=LR"), "{dot}");
    }
}
