//! SVG from DOT: Graphviz's `dot` through graphviz-rust when it is on PATH,
//! otherwise layout-rs, so a machine without Graphviz still gets diagrams.

use crate::error::{Result, WartaError};
use graphviz_rust::cmd::{CommandArg, Format};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SvgEngine {
    Graphviz,
    PureRust,
}

/// Is Graphviz's `dot` on PATH?
pub fn dot_available() -> bool {
    std::process::Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success())
}

/// Runs `dot -T<format>` on the DOT text.
pub fn graphviz(dot: &str, format: Format) -> Result<Vec<u8>> {
    graphviz_rust::exec_dot(dot.to_string(), vec![CommandArg::Format(format)])
        .map_err(|e| WartaError::Other(format!("Graphviz `dot` failed: {e}")))
}

/// Renders DOT to SVG with the best engine available.
pub fn to_svg(dot: &str) -> Result<(String, SvgEngine)> {
    if dot_available() {
        let bytes = graphviz(dot, Format::Svg)?;
        return Ok((String::from_utf8_lossy(&bytes).into_owned(), SvgEngine::Graphviz));
    }
    Ok((pure_rust_svg(dot)?, SvgEngine::PureRust))
}

/// Lays out and draws DOT without Graphviz (layout-rs).
pub fn pure_rust_svg(dot: &str) -> Result<String> {
    use layout::backends::svg::SVGWriter;
    use layout::gv::{DotParser, GraphBuilder};
    // layout-rs reads a subset of DOT: give it labels and shapes, not our styling.
    let simple = simplify_for_layout(dot);
    let mut parser = DotParser::new(&simple);
    let ast = parser.process().map_err(|e| WartaError::Other(format!("layout of the diagram failed: {e}")))?;
    let mut builder = GraphBuilder::new();
    builder.visit_graph(&ast);
    let mut vg = builder.get();
    if vg.num_nodes() == 0 {
        return Ok("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"40\"><text x=\"10\" y=\"25\">(empty diagram: no facts of this kind)</text></svg>\n".into());
    }
    let mut svg = SVGWriter::new();
    vg.do_it(false, false, false, &mut svg);
    Ok(svg.finalize())
}

/// Keeps what layout-rs understands: node and edge statements with label,
/// shape, colour and line style. Clusters, rank groups, the HTML legend and
/// the title are Graphviz-only and are left out; edge labels keep their first
/// action only, since layout-rs gives every label a row of its own.
fn simplify_for_layout(dot: &str) -> String {
    let mut out = String::from("digraph G {\n");
    if dot.contains("rankdir=LR") {
        out.push_str("  graph [rankdir=LR];\n");
    }
    for line in dot.lines().map(str::trim) {
        let graphviz_only = ["digraph", "graph [", "node [", "edge [", "subgraph", "label=", "{", "}", "legend "];
        if graphviz_only.iter().any(|p| line.starts_with(p)) || line.contains("label=<") {
            continue;
        }
        let Some(open) = line.find(" [") else {
            continue;
        };
        let head = &line[..open];
        let is_edge = head.contains(" -> ");
        let attrs = &line[open + 2..line.rfind(']').unwrap_or(line.len())];
        let kept: Vec<String> = split_attrs(attrs)
            .into_iter()
            .filter(|(k, _)| matches!(k.as_str(), "label" | "shape" | "fillcolor" | "color" | "style"))
            .map(|(k, v)| {
                let v = v.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(&v);
                let v = match k.as_str() {
                    "shape" if matches!(v, "box" | "circle" | "ellipse" | "doublecircle" | "record") => v.to_string(),
                    "shape" => "box".to_string(),
                    "style" if v.contains("dashed") || v.contains("dotted") => "dashed".into(),
                    "style" => "filled".into(),
                    "label" if is_edge => first_action(v),
                    _ => v.to_string(),
                };
                format!("{k}=\"{v}\"")
            })
            .chain(std::iter::once(format!("fontsize=\"{}\"", if is_edge { 10 } else { 12 })))
            .collect();
        out.push_str(&format!("  {head} [{}];\n", kept.join(", ")));
    }
    out.push_str("}\n");
    out
}

/// The first action of an escaped edge label (its lines up to the next
/// bullet), with the count of the others.
fn first_action(label: &str) -> String {
    let unified = label.replace("\\l", "\\n");
    let lines: Vec<&str> = unified.split("\\n").filter(|l| !l.is_empty()).collect();
    let starts = lines.iter().filter(|l| l.starts_with('•')).count();
    let first: Vec<&str> = lines
        .iter()
        .enumerate()
        .take_while(|(i, l)| *i == 0 || (!l.starts_with('•') && !l.starts_with("(+")))
        .map(|(_, l)| l.trim_start_matches(['•', ' ']))
        .collect();
    let mut out = first.join("\\n");
    if starts > 1 {
        out.push_str(&format!("\\n(+{} more)", starts - 1 + lines.iter().filter_map(|l| more_count(l)).sum::<usize>()));
    }
    out
}

/// N from a "(+N more)" line.
fn more_count(line: &str) -> Option<usize> {
    line.strip_prefix("(+")?.strip_suffix(" more)")?.parse().ok()
}

fn split_attrs(attrs: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut key = String::new();
    let mut val = String::new();
    let mut in_val = false;
    let mut quoted = false;
    let mut escaped = false;
    for c in attrs.chars() {
        if in_val {
            if escaped {
                val.push(c);
                escaped = false;
                continue;
            }
            match c {
                '\\' if quoted => {
                    val.push(c);
                    escaped = true;
                }
                '"' => {
                    quoted = !quoted;
                    val.push(c);
                }
                ',' if !quoted => {
                    out.push((key.trim().to_string(), val.trim().to_string()));
                    key.clear();
                    val.clear();
                    in_val = false;
                }
                c => val.push(c),
            }
        } else if c == '=' {
            in_val = true;
        } else {
            key.push(c);
        }
    }
    if in_val {
        out.push((key.trim().to_string(), val.trim().to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_gets_the_first_action_only() {
        assert_eq!(first_action("• a b\\l   c\\l• d\\l(+2 more)\\l"), "a b\\nc\\n(+3 more)");
        assert_eq!(first_action("rejects"), "rejects");
        assert_eq!(first_action("one line\\ltwo\\l"), "one line\\ntwo");
    }

    #[test]
    fn graphviz_only_syntax_is_left_out() {
        let dot = "digraph x {\n  graph [label=<<b>T</b>>, rankdir=LR];\n  subgraph cluster_Meeting {\n    label=\"Meetings\"; style=\"rounded\";\n    n_a [label=\"A\", shape=note];\n  }\n  { rank=same; n_a; n_b; }\n  n_a -> n_b [label=\"x\", style=dashed];\n  legend [shape=plain, label=<<table><tr><td>k</td></tr></table>>];\n}\n";
        let simple = simplify_for_layout(dot);
        assert!(simple.contains("rankdir=LR") && simple.contains("n_a [label=\"A\", shape=\"box\""), "{simple}");
        assert!(!simple.contains("table") && !simple.contains("rank=same") && !simple.contains("Meetings"), "{simple}");
    }
}
