//! Integration tests: the `warta` binary run on the seed articles (read from
//! ../shared/seeds), the bundled samples and hand-written bad inputs.

mod architecture;
mod bad_input;
mod build_query;
mod common;
mod completions;
mod default_graph;
mod diagrams_real;
mod eval;
mod explorer;
mod extract;
mod interop;
mod lang;
mod quality;
mod reliability;
mod render;
mod store;
