//! What a store holds (articles, facts per kind, entities, extractor
//! versions) and the build records kept in the meta graph.

use super::build::BuildSummary;
use super::{Row, WartaStore};
use crate::error::Result;
use crate::vocab::{prov, rdf, warta, wid, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::fmt;

/// The fact kinds, by class, in the order `status` prints them.
const KINDS: &[(&str, &str)] = &[
    ("demands", warta::ACTION),
    ("rejections", warta::REJECTION),
    ("meetings", warta::MEETING),
    ("region statuses", warta::REGION_STATUS),
    ("roles", warta::ROLE_ASSIGNMENT),
];

/// The counters a build record keeps, with the property that holds each.
const COUNTERS: &[(&str, &str)] = &[
    ("added", warta::ARTICLES_ADDED),
    ("replaced", warta::ARTICLES_REPLACED),
    ("unchanged", warta::ARTICLES_UNCHANGED),
    ("removed", warta::ARTICLES_REMOVED),
    ("extracted", warta::ARTICLES_EXTRACTED),
    ("failed", warta::INPUTS_FAILED),
    ("articles", warta::ARTICLE_COUNT),
];

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
    let node = NamedNode::new_unchecked(format!("{}build/{}", crate::vocab::WID, ended.replace([':', '.'], "")));
    let graph = GraphName::NamedNode(NamedNode::new_unchecked(wid::META_GRAPH));
    let quad = |p: &str, o: Term| Quad::new(NamedOrBlankNode::from(node.clone()), NamedNode::new_unchecked(p), o, graph.clone());
    let time = |t: &str| Term::from(Literal::new_typed_literal(t, NamedNode::new_unchecked(xsd::DATE_TIME)));
    let count = |n: usize| Term::from(Literal::new_typed_literal(n.to_string(), NamedNode::new_unchecked(xsd::INTEGER)));
    let values = [s.added, s.replaced, s.unchanged, s.removed, s.extracted, s.failures, s.articles];
    let mut quads = vec![
        quad(rdf::TYPE, NamedNode::new_unchecked(prov::ACTIVITY).into()),
        quad(rdf::TYPE, NamedNode::new_unchecked(warta::BUILD).into()),
        quad(prov::STARTED_AT_TIME, time(&s.started)),
        quad(prov::ENDED_AT_TIME, time(&ended)),
    ];
    quads.extend(COUNTERS.iter().zip(values).map(|((_, p), v)| quad(p, count(v))));
    store.insert(&quads)
}

impl Status {
    pub fn read(store: &WartaStore) -> Result<Status> {
        let mut s = Status { articles: store.article_graphs()?.len(), ..Default::default() };
        let articles = super::article_graph_filter("g");
        let per_type =
            store.select(&format!("SELECT ?t (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a ?t }} {articles} }} GROUP BY ?t"))?;
        let count_of = |class: &str| per_type.iter().find(|r| text(r, "t") == class).map(|r| number(r, "n")).unwrap_or(0);
        s.facts = KINDS.iter().map(|(name, class)| (*name, count_of(class))).collect();
        let entity_types = [warta::COUNTRY, warta::ORGANIZATION, warta::PERSON, warta::CITY, warta::REGION, warta::GROUP];
        let entities = format!(
            "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a ?t }} {articles} FILTER(?t IN ({})) }}",
            entity_types.iter().map(|t| format!("<{t}>")).collect::<Vec<_>>().join(", ")
        );
        s.entities = store.select(&entities)?.first().map(|r| number(r, "n")).unwrap_or(0);
        let merged =
            store.select(&format!("SELECT ?t (COUNT(?x) AS ?n) WHERE {{ GRAPH <{}> {{ ?x a ?t }} }} GROUP BY ?t", wid::MERGED_GRAPH))?;
        let merged_of = |class: &str| merged.iter().find(|r| text(r, "t") == class).map(|r| number(r, "n")).unwrap_or(0);
        (s.merged_meetings, s.merged_demands) = (merged_of(warta::MEETING), merged_of(warta::ACTION));
        let versions = format!("SELECT ?v (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH ?g {{ ?a warta:extractorVersion ?v }} {articles} }} GROUP BY ?v ORDER BY ?v");
        s.versions = store.select(&versions)?.iter().map(|r| (text(r, "v"), number(r, "n"))).collect();
        let meta = wid::META_GRAPH;
        let last = store.select(&format!(
            "SELECT ?b ?end WHERE {{ GRAPH <{meta}> {{ ?b a warta:Build ; prov:endedAtTime ?end }} }} ORDER BY DESC(?end) LIMIT 1"
        ))?;
        if let Some(row) = last.first() {
            let props = store.select(&format!("SELECT ?p ?v WHERE {{ GRAPH <{meta}> {{ <{}> ?p ?v }} }}", text(row, "b")))?;
            let counters = COUNTERS
                .iter()
                .map(|(name, p)| (*name, props.iter().find(|r| text(r, "p") == *p).map(|r| number(r, "v")).unwrap_or(0)))
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

fn text(row: &Row, var: &str) -> String {
    match row.get(var) {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(t) => t.to_string(),
        None => String::new(),
    }
}

fn number(row: &Row, var: &str) -> usize {
    text(row, var).parse().unwrap_or(0)
}
