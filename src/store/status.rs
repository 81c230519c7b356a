//! What a store holds (articles, facts per kind, entities, extractor
//! versions) and the build records kept in the meta graph.

use super::{merge, text, Row, WartaStore};
use crate::error::Result;
use crate::rdf::ENTITY_CLASSES;
use crate::vocab::{prov, rdf, warta, wid, xsd};
use oxigraph::model::{GraphName, Literal, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::fmt;

/// The fact kinds, by class, in the order `status` prints them.
const KINDS: &[(&str, NamedNodeRef<'_>)] = &[
    ("demands", warta::ACTION),
    ("rejections", warta::REJECTION),
    ("meetings", warta::MEETING),
    ("region statuses", warta::REGION_STATUS),
    ("roles", warta::ROLE_ASSIGNMENT),
];

/// The counters a build record keeps, with the property that holds each.
const COUNTERS: &[(&str, NamedNodeRef<'_>)] = &[
    ("added", warta::ARTICLES_ADDED),
    ("replaced", warta::ARTICLES_REPLACED),
    ("unchanged", warta::ARTICLES_UNCHANGED),
    ("removed", warta::ARTICLES_REMOVED),
    ("extracted", warta::ARTICLES_EXTRACTED),
    ("failed", warta::INPUTS_FAILED),
    ("articles", warta::ARTICLE_COUNT),
];

/// What a build did, and what the store holds afterwards.
#[derive(Debug, Clone, Default)]
pub struct BuildSummary {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Article graphs removed by `--prune`.
    pub removed: usize,
    /// Articles that ran through the extractor (added + replaced).
    pub extracted: usize,
    pub failures: usize,
    /// Facts (demands, rejections, meetings, region statuses, roles) of the extracted articles.
    pub facts: usize,
    /// `--prune` was asked for but skipped because some inputs failed to read.
    pub prune_skipped: bool,
    pub articles: usize,
    pub merged: merge::MergeSummary,
    /// When the build started (RFC 3339, UTC) and how long it took.
    pub started: String,
    pub seconds: f64,
}

impl BuildSummary {
    /// Articles written to the store (new or replaced).
    pub fn loaded(&self) -> usize {
        self.added + self.replaced
    }
}

/// A summary of a store's contents.
#[derive(Debug, Clone, Default)]
pub struct Status {
    pub articles: usize,
    /// (kind, count) in the order of `KINDS`, counted over the article graphs.
    pub facts: Vec<(&'static str, usize)>,
    pub entities: usize,
    pub merged_meetings: usize,
    pub merged_demands: usize,
    /// (extractor version, articles) and whether it is this binary's.
    pub versions: Vec<(String, usize)>,
    /// The latest build: when it ended, and its counters by name.
    pub last_build: Option<(String, Vec<(&'static str, usize)>)>,
}

/// Appends a build record (`a prov:Activity, warta:Build`) to the meta graph.
pub fn record(store: &WartaStore, s: &BuildSummary) -> Result<()> {
    let ended = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let node = crate::rdf::wid_iri(&format!("build/{}", ended.replace([':', '.'], "")));
    let graph = GraphName::from(wid::META_GRAPH);
    let quad = |p: NamedNodeRef<'_>, o: Term| Quad::new(NamedOrBlankNode::from(node.clone()), p, o, graph.clone());
    let time = |t: &str| Term::from(Literal::new_typed_literal(t, xsd::DATE_TIME));
    let count = |n: usize| Term::from(Literal::new_typed_literal(n.to_string(), xsd::INTEGER));
    let values = [s.added, s.replaced, s.unchanged, s.removed, s.extracted, s.failures, s.articles];
    let mut quads = vec![
        quad(rdf::TYPE, prov::ACTIVITY.into()),
        quad(rdf::TYPE, warta::BUILD.into()),
        quad(prov::STARTED_AT_TIME, time(&s.started)),
        quad(prov::ENDED_AT_TIME, time(&ended)),
    ];
    quads.extend(COUNTERS.iter().zip(values).map(|((_, p), v)| quad(*p, count(v))));
    store.insert(&quads)
}

impl Status {
    pub fn read(store: &WartaStore) -> Result<Status> {
        let mut s = Status { articles: store.article_graphs()?.len(), ..Default::default() };
        let articles = super::article_graph_filter("g");
        let per_type =
            store.select(&format!("SELECT ?t (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a ?t }} {articles} }} GROUP BY ?t"))?;
        let count_of =
            |class: NamedNodeRef<'_>| per_type.iter().find(|r| text(r, "t") == class.as_str()).map(|r| number(r, "n")).unwrap_or(0);
        s.facts = KINDS.iter().map(|(name, class)| (*name, count_of(*class))).collect();
        let entities = format!(
            "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a ?t }} {articles} FILTER(?t IN ({})) }}",
            ENTITY_CLASSES.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        );
        s.entities = store.select(&entities)?.first().map(|r| number(r, "n")).unwrap_or(0);
        let merged =
            store.select(&format!("SELECT ?t (COUNT(?x) AS ?n) WHERE {{ GRAPH {} {{ ?x a ?t }} }} GROUP BY ?t", wid::MERGED_GRAPH))?;
        let merged_of =
            |class: NamedNodeRef<'_>| merged.iter().find(|r| text(r, "t") == class.as_str()).map(|r| number(r, "n")).unwrap_or(0);
        (s.merged_meetings, s.merged_demands) = (merged_of(warta::MEETING), merged_of(warta::ACTION));
        let versions = format!("SELECT ?v (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH ?g {{ ?a warta:extractorVersion ?v }} {articles} }} GROUP BY ?v ORDER BY ?v");
        s.versions = store.select(&versions)?.iter().map(|r| (text(r, "v"), number(r, "n"))).collect();
        let meta = wid::META_GRAPH;
        let last = store.select(&format!(
            "SELECT ?b ?end WHERE {{ GRAPH {meta} {{ ?b a warta:Build ; prov:endedAtTime ?end }} }} ORDER BY DESC(?end) LIMIT 1"
        ))?;
        if let Some(row) = last.first() {
            let props = store.select(&format!("SELECT ?p ?v WHERE {{ GRAPH {meta} {{ <{}> ?p ?v }} }}", text(row, "b")))?;
            let counters = COUNTERS
                .iter()
                .map(|(name, p)| (*name, props.iter().find(|r| text(r, "p") == p.as_str()).map(|r| number(r, "v")).unwrap_or(0)))
                .collect();
            s.last_build = Some((text(row, "end"), counters));
        }
        Ok(s)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "articles:     {}", self.articles)?;
        let facts: Vec<String> = self.facts.iter().map(|(k, n)| format!("{k} {n}")).collect();
        writeln!(f, "facts:        {}", facts.join(", "))?;
        writeln!(f, "entities:     {}", self.entities)?;
        writeln!(f, "merged:       meetings {}, demands {}", self.merged_meetings, self.merged_demands)?;
        let current = crate::extractor_version();
        let versions: Vec<String> = self
            .versions
            .iter()
            .map(|(v, n)| format!("{v} ({n} article{}{})", if *n == 1 { "" } else { "s" }, if v == current { ", current" } else { "" }))
            .collect();
        writeln!(f, "extractor:    {}", if versions.is_empty() { "none".to_string() } else { versions.join("; ") })?;
        match &self.last_build {
            Some((end, counters)) => {
                let c: Vec<String> = counters.iter().map(|(k, n)| format!("{k} {n}")).collect();
                writeln!(f, "last build:   {end} ({})", c.join(", "))
            }
            None => writeln!(f, "last build:   none recorded"),
        }
    }
}

fn number(row: &Row, var: &str) -> usize {
    text(row, var).parse().unwrap_or(0)
}
