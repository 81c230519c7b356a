//! warta: news articles in, an RDF knowledge graph of demands, rejections, meetings,
//! disputed regions and roles out.
#![forbid(unsafe_code)]

pub mod article;
pub mod cli;
pub mod error;
pub mod eval;
pub mod extract;
#[cfg(test)]
mod fingerprint;
pub mod graph;
pub mod lang;
pub mod progress;
pub mod push;
pub mod queries;
pub mod rdf;
pub mod render;
pub mod serve;
pub mod store;
pub mod validate;
pub mod vocab;

/// Version of the extractor recorded on every article graph: the package version
/// and a fingerprint of everything extraction reads (code, lexicons, gazetteer; the
/// list is `fingerprint::EXTRACTION_INPUTS`), so that any change to them makes `build`
/// re-extract instead of mixing facts from two versions.
pub fn extractor_version() -> &'static str {
    concat!(env!("CARGO_PKG_VERSION"), "+", env!("WARTA_EXTRACTOR_FINGERPRINT"))
}
