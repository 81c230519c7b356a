//! Our own DOT writer: nodes and edges sorted, ids stable, labels escaped, so the
//! same store always gives the same bytes (petgraph's `Dot` makes no such promise).

use crate::graph::{EdgeKind, NodeKind, View, ViewGraph};
use petgraph::visit::EdgeRef;
use std::fmt::Write;

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

fn node_style(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Country => "shape=box, style=\"rounded,filled\", fillcolor=\"#cfe2f3\", color=\"#3d6f9e\"",
        NodeKind::Organization => "shape=box, style=\"filled\", fillcolor=\"#fff2cc\", color=\"#b08d1a\"",
        NodeKind::Person => "shape=ellipse, style=\"filled\", fillcolor=\"#ead1dc\", color=\"#8e4b6b\"",
        NodeKind::Group => "shape=hexagon, style=\"filled\", fillcolor=\"#d9ead3\", color=\"#4f7f3f\"",
        NodeKind::City => "shape=ellipse, style=\"filled\", fillcolor=\"#eeeeee\", color=\"#666666\"",
        NodeKind::Region => "shape=octagon, style=\"filled\", fillcolor=\"#f4cccc\", color=\"#a33a3a\"",
        NodeKind::Meeting => "shape=note, style=\"filled\", fillcolor=\"#f3f3f3\", color=\"#555555\"",
        NodeKind::Other => "shape=box",
    }
}

fn edge_style(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Demand => "color=\"#1f3b57\", fontcolor=\"#1f3b57\"",
        EdgeKind::Rejection => "style=dashed, color=\"#cc0000\", fontcolor=\"#cc0000\"",
        EdgeKind::Participant => "color=\"#777777\", arrowhead=none",
        EdgeKind::ControlledBy => "color=\"#a33a3a\", label=\"controlled by\"",
        EdgeKind::Forces => "style=dashed, color=\"#a33a3a\", label=\"troops of\"",
        EdgeKind::ClaimedBy => "style=dotted, color=\"#a33a3a\", label=\"claimed by\"",
    }
}

/// Shortens an edge label to `max` characters at a word boundary.
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", &cut[..at])
}

/// Writes a view as DOT. Same graph, same bytes.
pub fn to_dot(view: View, g: &ViewGraph) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph warta_{} {{", view.name());
    let _ = writeln!(
        out,
        "  graph [label=\"{}\", labelloc=t, fontsize=16, fontname=\"Helvetica\", rankdir=LR, nodesep=0.4, ranksep=0.9];",
        escape(view.title())
    );
    out.push_str("  node [fontname=\"Helvetica\", fontsize=11];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
    let mut nodes: Vec<_> = g.node_indices().map(|i| (&g[i], i)).collect();
    nodes.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    for (n, _) in &nodes {
        let _ = writeln!(out, "  {} [label=\"{}\", {}];", node_id(&n.id), escape(&n.label), node_style(n.kind));
    }
    let mut edges: Vec<(String, String, EdgeKind, String)> = g
        .edge_references()
        .map(|e| {
            let (a, b) = (&g[e.source()], &g[e.target()]);
            let w = e.weight();
            let mut lines: Vec<String> = w.labels.iter().take(3).map(|l| short(l, 48)).collect();
            if w.labels.len() > 3 {
                lines.push(format!("(+{} more)", w.labels.len() - 3));
            }
            (node_id(&a.id), node_id(&b.id), w.kind, lines.join("\n"))
        })
        .collect();
    edges.sort();
    for (a, b, kind, label) in edges {
        let label = if label.is_empty() { String::new() } else { format!("label=\"{}\", ", escape(&label)) };
        let _ = writeln!(out, "  {a} -> {b} [{label}{}];", edge_style(kind));
    }
    out.push_str("}\n");
    out
}
