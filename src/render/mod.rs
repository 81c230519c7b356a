//! Diagrams: a deterministic DOT writer and SVG (Graphviz when installed,
//! otherwise a pure-Rust layout).

pub mod dot;
pub mod svg;

pub use dot::to_dot;
pub use svg::{dot_available, to_svg, SvgEngine};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagramFormat {
    Dot,
    Svg,
    Png,
}
