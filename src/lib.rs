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
/// and a fingerprint of the extraction code, lexicons and gazetteer, so that any
/// change to them makes `build` re-extract instead of mixing facts from two versions.
pub fn extractor_version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        let inputs: &[&str] = &[
            include_str!("extract/mod.rs"),
            include_str!("extract/clauses.rs"),
            include_str!("extract/context.rs"),
            include_str!("extract/coreference.rs"),
            include_str!("extract/dates.rs"),
            include_str!("extract/demands.rs"),
            include_str!("extract/entities.rs"),
            include_str!("extract/facts.rs"),
            include_str!("extract/identity.rs"),
            include_str!("extract/meetings.rs"),
            include_str!("extract/mentions.rs"),
            include_str!("extract/normalise.rs"),
            include_str!("extract/places.rs"),
            include_str!("extract/regions.rs"),
            include_str!("extract/rejections.rs"),
            include_str!("extract/roles.rs"),
            include_str!("extract/segment.rs"),
            include_str!("lang/tokens.rs"),
            include_str!("rdf.rs"),
            include_str!("lang/id/lexicon.toml"),
            include_str!("lang/gazetteer/entities.tsv"),
            include_str!("lang/gazetteer/people.tsv"),
        ];
        format!("{}+{}", env!("CARGO_PKG_VERSION"), extract::short_hash(inputs))
    })
}
