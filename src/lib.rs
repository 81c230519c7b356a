//! warta: news articles in, an RDF knowledge graph of demands, rejections, meetings,
//! disputed regions and roles out.
#![forbid(unsafe_code)]

pub mod article;
pub mod cli;
pub mod error;
pub mod eval;
pub mod extract;
pub mod graph;
pub mod lang;
pub mod queries;
pub mod rdf;
pub mod render;
pub mod store;
pub mod vocab;

/// Version of the extractor recorded on every article graph; a store built by
/// another version is re-extracted instead of mixing facts from two versions.
pub const EXTRACTOR_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+x1");
