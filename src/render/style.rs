//! How diagrams look: shapes and colours per node type, line styles per edge
//! type, label wrapping, and the legend listing the styles a diagram uses.

use crate::graph::{EdgeKind, NodeKind};

pub struct NodeStyle {
    pub name: &'static str,
    pub shape: &'static str,
    pub style: &'static str,
    pub fill: &'static str,
    pub line: &'static str,
}

pub fn node_style(kind: NodeKind) -> NodeStyle {
    let s = |name, shape, style, fill, line| NodeStyle { name, shape, style, fill, line };
    match kind {
        NodeKind::Country => s("country", "box", "rounded,filled", "#cfe2f3", "#3d6f9e"),
        NodeKind::Organization => s("organisation", "box", "filled", "#fff2cc", "#b08d1a"),
        NodeKind::Group => s("armed or political group", "hexagon", "filled", "#d9ead3", "#4f7f3f"),
        NodeKind::Person => s("person", "ellipse", "filled", "#ead1dc", "#8e4b6b"),
        NodeKind::City => s("city", "ellipse", "filled", "#eeeeee", "#666666"),
        NodeKind::Region => s("disputed region", "octagon", "filled", "#f4cccc", "#a33a3a"),
        NodeKind::Meeting => s("meeting (city, date)", "note", "filled", "#fdf6e3", "#8a7a4a"),
        NodeKind::Literal => s("value", "plaintext", "solid", "#ffffff", "#444444"),
        NodeKind::Other => s("other", "box", "dashed", "#ffffff", "#888888"),
    }
}

/// DOT attributes of a node of `kind` (label excluded).
pub fn node_attrs(kind: NodeKind) -> String {
    let s = node_style(kind);
    format!("shape={}, style=\"{}\", fillcolor=\"{}\", color=\"{}\"", s.shape, s.style, s.fill, s.line)
}

pub struct EdgeStyle {
    /// The SVG class of edges of this kind, for styling and tests.
    pub class: &'static str,
    /// What the edge means, in the legend (and on the edge when `caption`).
    pub name: &'static str,
    pub style: &'static str,
    pub color: &'static str,
    pub arrow: bool,
    /// Write `name` on every edge of this kind (else the legend alone says it,
    /// which keeps many edges into one node from piling up their captions).
    pub caption: bool,
}

pub fn edge_style(kind: EdgeKind) -> EdgeStyle {
    let s = |class, name, style, color, arrow, caption| EdgeStyle { class, name, style, color, arrow, caption };
    match kind {
        EdgeKind::Demand => s("demand", "demands (the action asked for)", "solid", "#1f3b57", true, false),
        EdgeKind::Rejection => s("rejection", "rejects (the demand or the side)", "dashed", "#cc0000", true, true),
        EdgeKind::Participant => s("participant", "takes part in", "solid", "#8c8c8c", false, false),
        EdgeKind::ControlledBy => s("controlled-by", "controlled by", "solid", "#a33a3a", true, false),
        EdgeKind::Forces => s("forces", "foreign troops of", "dashed", "#d9822b", true, false),
        EdgeKind::ClaimedBy => s("claimed-by", "claimed by", "dotted", "#6a4c9c", true, false),
        EdgeKind::Represents => s("represents", "speaks for", "dotted", "#8e4b6b", true, false),
        EdgeKind::Predicate => s("predicate", "relation (predicate on the edge)", "solid", "#555555", true, false),
    }
}

/// The word written on an edge whose kind speaks for itself.
pub fn caption(kind: EdgeKind) -> Option<&'static str> {
    let s = edge_style(kind);
    s.caption.then(|| s.name.split(" (").next().unwrap_or(s.name))
}

/// DOT attributes of an edge of `kind` (label excluded).
pub fn edge_attrs(kind: EdgeKind) -> String {
    let s = edge_style(kind);
    let mut out = format!("class=\"{}\", color=\"{}\", fontcolor=\"{}\"", s.class, s.color, s.color);
    if s.style != "solid" {
        out.push_str(&format!(", style={}", s.style));
    }
    if !s.arrow {
        out.push_str(", arrowhead=none");
    }
    out
}

/// Wraps `text` into lines of at most `width` characters, breaking at spaces;
/// past `max_lines` the rest is cut and marked with an ellipsis.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let fits = line.is_empty() || line.chars().count() + 1 + word.chars().count() <= width;
        if !fits {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    for l in lines.iter_mut() {
        if l.chars().count() > width {
            *l = format!("{}…", l.chars().take(width.saturating_sub(1)).collect::<String>());
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let keep: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{}…", keep.trim_end_matches([' ', ',', ';', ':']));
        }
    }
    lines
}

/// An action as written in an article, without stray punctuation at its ends.
pub fn clean_phrase(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—'))
}

/// Escapes text for HTML-like labels.
pub fn html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A line drawn in text, for the legend: solid, dashed or dotted, with or without arrowhead.
fn sample_line(s: &EdgeStyle) -> String {
    let line = match s.style {
        "dashed" => "– – –",
        "dotted" => "·······",
        _ => "——",
    };
    format!("{line}{}", if s.arrow { "▶" } else { "" })
}

/// An HTML-like table listing the node types and edge styles present; with
/// `counted_demands`, a line saying what a demand edge's number and width mean.
pub fn legend(nodes: &[NodeKind], edges: &[EdgeKind], counted_demands: bool) -> String {
    let mut rows = String::from("<tr><td colspan=\"2\" align=\"left\"><b>Legend</b></td></tr>");
    for &k in nodes {
        let s = node_style(k);
        rows.push_str(&format!(
            "<tr><td bgcolor=\"{}\" color=\"{}\" border=\"1\" width=\"28\" height=\"14\" fixedsize=\"true\"></td><td align=\"left\">{}</td></tr>",
            s.fill,
            s.line,
            html(s.name)
        ));
    }
    for &k in edges {
        let s = edge_style(k);
        let name = if k == EdgeKind::Demand && counted_demands { "demands (number: how many; hover for the actions)" } else { s.name };
        rows.push_str(&format!(
            "<tr><td><font color=\"{}\">{}</font></td><td align=\"left\">{}</td></tr>",
            s.color,
            sample_line(&s),
            html(name)
        ));
    }
    format!(
        "<<table border=\"1\" color=\"#bbbbbb\" cellborder=\"0\" cellspacing=\"3\" cellpadding=\"2\" bgcolor=\"#ffffff\">{rows}</table>>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_two_lines_with_ellipsis() {
        let w = wrap("menghentikan peluncuran rudal balistik yang melanggar resolusi Dewan Keamanan", 28, 2);
        assert_eq!(w, ["menghentikan peluncuran", "rudal balistik yang…"]);
        assert_eq!(wrap("NATO", 28, 2), ["NATO"]);
        assert_eq!(wrap("a-very-long-single-word-without-any-spaces", 10, 2), ["a-very-lo…"]);
    }

    #[test]
    fn phrases_lose_stray_punctuation() {
        assert_eq!(clean_phrase(", selaku anggota tetap,"), "selaku anggota tetap");
    }
}
