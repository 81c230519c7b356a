//! Our own DOT writer: nodes and edges sorted, ids stable, labels escaped, so the
//! same store always gives the same bytes (petgraph's `Dot` makes no such promise).

use super::style::{self, caption, clean_phrase, edge_attrs, html, node_attrs, wrap};
use crate::graph::{EdgeKind, NodeKind, ViewGraph};
use petgraph::visit::EdgeRef;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Demanded actions shown on one edge; the rest are counted.
const ACTIONS_PER_EDGE: usize = 3;
/// Characters per line of an action label, and lines per action.
const ACTION_WIDTH: usize = 30;
const ACTION_LINES: usize = 2;
/// Characters per line of a node label.
const NODE_WIDTH: usize = 22;

/// How the nodes are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Edges point left to right (two-sided views: actors and meetings or regions).
    LeftToRight,
    /// Edges point downwards (networks with long edge labels).
    TopToBottom,
    /// Meetings in one row, left to right by date; participants above.
    Timeline,
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
fn edge_label(kind: EdgeKind, labels: &[String]) -> String {
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

/// Writes the graph as DOT. Same graph, same bytes.
pub fn to_dot(d: &Diagram, g: &ViewGraph) -> String {
    let mut out = String::new();
    let mut title = format!("<b>{}</b>", html(&d.title));
    if let Some(sub) = &d.subtitle {
        let _ = write!(title, "<br/><font point-size=\"11\" color=\"#555555\">{}</font>", html(sub));
    }
    // Side by side, nodes can sit close; one above the other, edge labels need room.
    let (rankdir, nodesep) = if d.layout == Layout::LeftToRight { ("LR", 0.18) } else { ("TB", 0.35) };
    let _ = writeln!(out, "digraph \"warta_{}\" {{", escape(&d.name));
    let _ = writeln!(
        out,
        "  graph [label=<{title}>, labelloc=t, fontsize=18, fontname=\"Helvetica\", rankdir={rankdir}, nodesep={nodesep}, ranksep=0.8, pad=0.3, newrank=true];"
    );
    out.push_str("  node [fontname=\"Helvetica\", fontsize=11, margin=\"0.12,0.04\", height=0.34];\n  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n");
    let mut nodes: Vec<_> = g.node_weights().collect();
    nodes.sort_by(|a, b| a.id.cmp(&b.id));
    let line = |n: &crate::graph::Node| {
        let bold = if d.highlight.as_deref() == Some(n.id.as_str()) { ", penwidth=2.5, fontname=\"Helvetica-Bold\"" } else { "" };
        format!("{} [label=\"{}\", {}{bold}];", node_id(&n.id), node_label(&n.label), node_attrs(n.kind))
    };
    for n in nodes.iter().filter(|n| !d.clusters.contains(&n.kind)) {
        let _ = writeln!(out, "  {}", line(n));
    }
    for &kind in &d.clusters {
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
    if d.layout == Layout::Timeline {
        write_time_axis(&mut out, &nodes);
    }
    let mut edges: Vec<(String, String, EdgeKind, String)> = g
        .edge_references()
        .map(|e| (node_id(&g[e.source()].id), node_id(&g[e.target()].id), e.weight().kind, edge_label(e.weight().kind, &e.weight().labels)))
        .collect();
    edges.sort();
    for (a, b, kind, label) in &edges {
        let label = if label.is_empty() { String::new() } else { format!("label=\"{label}\", ") };
        let _ = writeln!(out, "  {a} -> {b} [{label}{}];", edge_attrs(*kind));
    }
    let node_kinds: BTreeSet<NodeKind> = nodes.iter().map(|n| n.kind).collect();
    let edge_kinds: BTreeSet<EdgeKind> = edges.iter().map(|e| e.2).collect();
    if nodes.is_empty() {
        out.push_str("  empty [shape=plaintext, label=\"(nothing to draw: no facts match)\"];\n");
    } else {
        let time_axis = d.layout == Layout::Timeline && nodes.iter().any(|n| n.date.is_some());
        let table = style::legend(&node_kinds.into_iter().collect::<Vec<_>>(), &edge_kinds.into_iter().collect::<Vec<_>>(), time_axis);
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

/// Dated meetings in one rank, joined left to right by date with a time arrow
/// (in a cluster, Graphviz would not keep that order).
fn write_time_axis(out: &mut String, nodes: &[&crate::graph::Node]) {
    let meetings = nodes.iter().filter(|n| n.kind == NodeKind::Meeting);
    let mut dated: Vec<_> = meetings.filter_map(|n| n.date.as_deref().map(|d| (d, node_id(&n.id)))).collect();
    dated.sort();
    if dated.is_empty() {
        return;
    }
    let ids: Vec<&str> = dated.iter().map(|(_, id)| id.as_str()).collect();
    let _ = writeln!(out, "  subgraph time_axis {{ rank=same; {}; }}", ids.join("; "));
    for pair in ids.windows(2) {
        let _ = writeln!(
            out,
            "  {} -> {} [class=\"timeline\", color=\"{}\", penwidth=2, arrowhead=vee, weight=10];",
            pair[0],
            pair[1],
            style::TIME_AXIS
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node};

    fn diagram(layout: Layout) -> Diagram {
        Diagram { name: "t".into(), title: "T & \"U\"".into(), subtitle: None, layout, clusters: vec![], highlight: None }
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
        assert!(dot.contains(r#"label="menghentikan peluncuran rudal\lbalistik yang melanggar…\l""#), "wrapped on two lines: {dot}");
        assert!(dot.contains(r#"label="rejects""#));
        assert_eq!(dot, to_dot(&diagram(Layout::TopToBottom), &g));
    }

    #[test]
    fn empty_graph_says_so() {
        let dot = to_dot(&diagram(Layout::LeftToRight), &ViewGraph::new());
        assert!(dot.contains("nothing to draw") && !dot.contains("legend") && dot.contains("rankdir=LR"), "{dot}");
    }
}
