//! Who met whom: a side × side matrix of shared meetings, each cell's meetings
//! (city and date) in its SVG `<title>`. Graphviz cannot lay out a matrix, so the
//! SVG is written here (with the `svg` crate) and rasterised by resvg for PNG;
//! as DOT it is the same counts as a weighted graph, for restyling in Graphviz.

use super::dot::{escape, node_id, Diagram};
use super::style::{html, node_attrs};
use crate::error::{Result, WartaError};
use crate::graph::ViewGraph;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use svg::node::element::{Group, Rectangle, Text, Title};
use svg::Document;

/// Sides in the matrix unless the diagram is `full`: those with the most meetings.
pub const SIDES: usize = 30;
const CELL: f64 = 22.0;
const CHAR_W: f64 = 6.4;
/// Graphviz's Helvetica, then what Linux machines have (resvg draws the PNG with the system's fonts).
const FONT: &str = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/// The sides (id, label, meetings), busiest first, and the meetings each pair shared.
pub struct Matrix {
    pub sides: Vec<(String, String, usize)>,
    /// (row, column) with row < column → the shared meetings' (date, city), sorted.
    pub cells: BTreeMap<(usize, usize), Vec<(String, String)>>,
    /// Sides left out for room.
    pub hidden: usize,
}

impl Matrix {
    /// The matrix of a meetings graph.
    pub fn new(g: &ViewGraph, full: bool) -> Self {
        let met: Vec<(String, String, Vec<&str>)> =
            super::meetings_of(g).map(|(m, city, sides)| (g[m].date.clone().unwrap_or_default(), city, sides)).collect();
        let ranked = super::rank_sides(g, met.iter().filter(|m| m.2.len() > 1).map(|m| m.2.as_slice()));
        let keep = if full { ranked.len() } else { ranked.len().min(SIDES) };
        let hidden = ranked.len() - keep;
        let sides: Vec<(String, String, usize)> = ranked.into_iter().take(keep).map(|(n, l, id)| (id.to_string(), l, n)).collect();
        let index: BTreeMap<&str, usize> = sides.iter().enumerate().map(|(i, s)| (s.0.as_str(), i)).collect();
        let mut cells: BTreeMap<(usize, usize), Vec<(String, String)>> = BTreeMap::new();
        for (date, city, ids) in &met {
            let at: Vec<usize> = ids.iter().filter_map(|s| index.get(s).copied()).collect::<BTreeSet<_>>().into_iter().collect();
            for (k, &i) in at.iter().enumerate() {
                for &j in &at[k + 1..] {
                    cells.entry((i, j)).or_default().push((date.clone(), city.clone()));
                }
            }
        }
        for list in cells.values_mut() {
            list.sort();
        }
        Matrix { sides, cells, hidden }
    }

    /// The meetings sides `i` and `j` shared.
    pub fn shared(&self, i: usize, j: usize) -> &[(String, String)] {
        self.cells.get(&(i.min(j), i.max(j))).map_or(&[], Vec::as_slice)
    }

    /// What a cell's tooltip says.
    fn tooltip(&self, i: usize, j: usize) -> String {
        let shared = self.shared(i, j);
        let mut lines = vec![format!("{} – {}: {} shared meeting(s)", self.sides[i].1, self.sides[j].1, shared.len())];
        lines.extend(shared.iter().map(|(date, city)| if date.is_empty() { city.clone() } else { format!("{date} {city}") }));
        lines.join("\n")
    }
}

fn subtitle(d: &Diagram, m: &Matrix) -> String {
    let mut sub = d.subtitle.clone().unwrap_or_default();
    if m.hidden > 0 {
        if !sub.is_empty() {
            sub.push_str(" · ");
        }
        sub.push_str(&format!("the {} sides with most meetings ({} more with --force)", m.sides.len(), m.hidden));
    }
    sub
}

/// The matrix as SVG: names down the left and (turned) along the top, each cell
/// shaded by its count, with the shared meetings in its `<title>`. Same input, same bytes.
pub fn to_svg(d: &Diagram, m: &Matrix) -> String {
    let n = m.sides.len();
    let longest = m.sides.iter().map(|s| s.1.chars().count()).max().unwrap_or(0) as f64;
    let names = (longest * CHAR_W + 14.0).max(60.0);
    let (left, top) = (16.0 + names, 64.0 + names * 0.75);
    let grid = n as f64 * CELL;
    let sub = subtitle(d, m);
    // The turned column names reach right of the grid by about two thirds of their length.
    let width = (left + grid + names * 0.66 + 16.0).max(16.0 + (d.title.chars().count().max(sub.chars().count()) as f64) * 7.0);
    let height = top + grid + 46.0;
    // A single shared meeting stays light unless it is all there is to see.
    let max = m.cells.values().map(Vec::len).max().unwrap_or(1).max(3) as f64;
    let text = |x: f64, y: f64, s: &str, size: u32| {
        Text::new(s).set("x", round(x)).set("y", round(y)).set("font-size", size).set("font-family", FONT).set("fill", "#222222")
    };
    let mut doc = Document::new()
        .set("width", round(width))
        .set("height", round(height))
        .set("viewBox", format!("0 0 {} {}", round(width), round(height)))
        .add(Rectangle::new().set("width", "100%").set("height", "100%").set("fill", "#ffffff"))
        .add(text(16.0, 26.0, &d.title, 18).set("font-weight", "bold"))
        .add(text(16.0, 44.0, &sub, 11).set("fill", "#555555"));
    if n == 0 {
        return doc.add(text(16.0, 70.0, "(nothing to draw: no two sides at one meeting)", 12)).to_string();
    }
    for (i, side) in m.sides.iter().enumerate() {
        let y = top + i as f64 * CELL;
        let row = text(left - 6.0, y + CELL * 0.68, &side.1, 11).set("text-anchor", "end").set("class", "row");
        doc = doc.add(row.add(Title::new(format!("{}: {} meeting(s) with another side", side.1, side.2))));
        let x = left + (i as f64 + 0.5) * CELL;
        let turned = text(x + 4.0, top - 6.0, &side.1, 11).set("transform", format!("rotate(-50 {} {})", round(x + 4.0), round(top - 6.0)));
        doc = doc.add(turned.set("class", "column"));
    }
    for i in 0..n {
        for j in 0..n {
            let (x, y) = (left + j as f64 * CELL, top + i as f64 * CELL);
            let count = if i == j { 0 } else { m.shared(i, j).len() };
            let fill = if i == j { "#eeeeee".to_string() } else { shade(count as f64 / max) };
            let mut cell = Group::new().set("class", if count > 0 { "cell met" } else { "cell" });
            cell = cell.add(
                Rectangle::new()
                    .set("x", round(x))
                    .set("y", round(y))
                    .set("width", CELL)
                    .set("height", CELL)
                    .set("fill", fill)
                    .set("stroke", "#dddddd")
                    .set("stroke-width", 0.5),
            );
            if count > 0 {
                let ink = if count as f64 / max > 0.55 { "#ffffff" } else { "#1f3b57" };
                cell =
                    cell.add(text(x + CELL / 2.0, y + CELL * 0.68, &count.to_string(), 10).set("text-anchor", "middle").set("fill", ink));
                cell = cell.add(Title::new(m.tooltip(i, j)));
            }
            doc = doc.add(cell);
        }
    }
    let note = "number: meetings both sides attended (hover a cell for the cities and dates)";
    doc.add(text(16.0, top + grid + 28.0, note, 11).set("fill", "#555555")).to_string()
}

/// White to dark blue as `t` goes from 0 to 1 (a count of 1 is already visible).
fn shade(t: f64) -> String {
    if t <= 0.0 {
        return "#ffffff".into();
    }
    let t = 0.18 + 0.82 * t.min(1.0);
    let mix = |from: f64, to: f64| (from + (to - from) * t).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(236.0, 31.0), mix(243.0, 59.0), mix(250.0, 87.0))
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The same counts as DOT: sides as nodes, an undirected edge per pair that met,
/// its width and number the meetings shared, the meetings in its tooltip.
pub fn to_dot(d: &Diagram, m: &Matrix) -> String {
    let mut out = String::new();
    let mut title = format!("<b>{}</b>", html(&d.title));
    let sub = subtitle(d, m);
    if !sub.is_empty() {
        let _ = write!(title, "<br/><font point-size=\"11\" color=\"#555555\">{}</font>", html(&sub));
    }
    let _ = writeln!(out, "digraph \"warta_{}\" {{", escape(&d.name));
    let _ = writeln!(
        out,
        "  graph [label=<{title}>, labelloc=t, fontsize=18, fontname=\"Helvetica\", layout=neato, overlap=false, sep=\"+12\", pad=0.3];"
    );
    out.push_str("  node [fontname=\"Helvetica\", fontsize=11, margin=\"0.12,0.04\", height=0.34];\n  edge [fontname=\"Helvetica\", fontsize=9, dir=none];\n");
    for (id, label, _) in &m.sides {
        let _ = writeln!(out, "  {} [label=\"{}\", {}];", node_id(id), escape(label), node_attrs(crate::graph::NodeKind::Country));
    }
    let mut edges: Vec<(String, String, usize, String)> =
        m.cells.iter().map(|(&(i, j), list)| (node_id(&m.sides[i].0), node_id(&m.sides[j].0), list.len(), m.tooltip(i, j))).collect();
    edges.sort();
    for (a, b, n, tip) in edges {
        let width = (0.8 + 1.4 * (n as f64).ln()).min(6.0);
        let _ = writeln!(
            out,
            "  {a} -> {b} [label=\"{n}\", class=\"met\", color=\"#3d6f9e\", penwidth={width:.1}, len=1.6, tooltip=\"{}\"];",
            escape(&tip)
        );
    }
    out.push_str("}\n");
    out
}

/// The SVG as PNG, rasterised by resvg with the system's fonts.
pub fn to_png(svg_text: &str) -> Result<Vec<u8>> {
    use resvg::{tiny_skia, usvg};
    let err = |e: String| WartaError::Other(format!("drawing the matrix as PNG failed: {e}"));
    let mut opt = usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    let tree = usvg::Tree::from_str(svg_text, &opt).map_err(|e| err(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| err("empty image".into()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| err(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_count_shared_meetings_with_cities_in_titles() {
        // A, B, C in Geneva; A, B in Paris.
        let g = crate::graph::three_sides_two_meetings(&[(0, 0), (1, 0), (2, 0), (0, 1), (1, 1)]);
        let m = Matrix::new(&g, false);
        assert_eq!(m.sides.iter().map(|s| s.1.as_str()).collect::<Vec<_>>(), ["A", "B", "C"]);
        assert_eq!(m.shared(1, 0).len(), 2);
        assert_eq!(m.shared(0, 2), [("2022-01-10".to_string(), "Geneva".to_string())]);
        let d = Diagram::plain("who-met-whom", "Who", super::super::Layout::Matrix);
        let svg = to_svg(&d, &m);
        assert!(svg.contains("<title>A – B: 2 shared meeting(s)\n2022-01-10 Geneva\n2022-01-20 Paris</title>"), "{svg}");
        assert_eq!(svg, to_svg(&d, &m));
        assert!(to_dot(&d, &m).contains("label=\"2\""));
    }
}
