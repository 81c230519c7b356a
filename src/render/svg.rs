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

/// Keeps node/edge statements with label, shape and colour attributes that layout-rs understands.
fn simplify_for_layout(dot: &str) -> String {
    let mut out = String::from("digraph G {\n");
    for line in dot.lines().map(str::trim) {
        if line.starts_with("graph [")
            || line.starts_with("node [")
            || line.starts_with("edge [")
            || line.starts_with("digraph")
            || line == "}"
        {
            continue;
        }
        let Some(open) = line.find(" [") else {
            continue;
        };
        let head = &line[..open];
        let attrs = &line[open + 2..line.rfind(']').unwrap_or(line.len())];
        let kept: Vec<String> = split_attrs(attrs)
            .into_iter()
            .filter(|(k, _)| matches!(k.as_str(), "label" | "shape" | "fillcolor" | "color" | "style"))
            .map(|(k, v)| {
                let v = if k == "shape" && !matches!(v.as_str(), "box" | "circle" | "ellipse" | "doublecircle" | "record") {
                    "box".to_string()
                } else if k == "style" {
                    if v.contains("dashed") {
                        "dashed".into()
                    } else {
                        "filled".into()
                    }
                } else {
                    v
                };
                format!("{k}=\"{}\"", v.trim_matches('"'))
            })
            .collect();
        out.push_str(&format!("  {head} [{}];\n", kept.join(", ")));
    }
    out.push_str("}\n");
    out
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
