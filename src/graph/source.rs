//! Where a view reads from: the store, narrowed to some article graphs and
//! filtered facts, with entity labels in one language.

use super::NodeKind;
use crate::error::{Result, WartaError};
use crate::vocab::{self, dcterms, rdf, rdfs, warta};
use chrono::NaiveDate;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNodeRef, Term, Triple};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Filters that narrow a view to some facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Facts dated (meeting date, else the article's publication date) on or after.
    pub since: Option<NaiveDate>,
    /// Facts dated on or before.
    pub until: Option<NaiveDate>,
    /// Facts with at least one evidence mention of this confidence or more.
    pub min_confidence: Option<f64>,
    /// Facts from articles whose IRI is this, or whose title contains it (any case).
    pub article: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// The prefixes the view queries use.
static PROLOGUE: LazyLock<String> = LazyLock::new(|| vocab::sparql_prologue(&["warta", "rdfs", "skos", "dcterms", "xsd"]));

pub use crate::store::{text, Row};

pub struct Source<'a> {
    pub store: &'a Store,
    filter: &'a Filter,
    /// The article graphs a query sees: never the graphs `build` derives from
    /// them (merged facts, records), which would draw every fact twice.
    graphs: Vec<GraphName>,
    /// No filter narrows the articles: queries read every article graph (and
    /// `graphs` is left empty, since listing 100,000 graphs costs seconds).
    all: bool,
    lang: String,
    labels: RefCell<HashMap<String, (String, NodeKind)>>,
}

impl<'a> Source<'a> {
    /// Opens a source. With `dates_by_article` (user queries, whose facts we
    /// cannot see), `--since/--until` choose articles by publication date.
    pub fn open(store: &'a Store, filter: &'a Filter, lang: Option<&str>, dates_by_article: bool) -> Result<Self> {
        let all = filter.article.is_none() && !(dates_by_article && (filter.since.is_some() || filter.until.is_some()));
        let mut src = Source { store, filter, graphs: Vec::new(), all, lang: String::new(), labels: RefCell::default() };
        if !all {
            src.graphs = src.article_graphs(dates_by_article)?;
        }
        src.lang = match lang {
            Some(l) => l.to_lowercase(),
            None => src.article_language()?,
        };
        Ok(src)
    }

    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The most common `dcterms:language` of the articles ("en" when none says).
    fn article_language(&self) -> Result<String> {
        let q = format!(
            "SELECT ?l (COUNT(*) AS ?n) WHERE {{ ?a a {} ; {} ?l }} GROUP BY ?l ORDER BY DESC(?n) ?l LIMIT 1",
            warta::ARTICLE,
            dcterms::LANGUAGE
        );
        Ok(self.select(&q)?.first().map(|r| text(r, "l").to_lowercase()).filter(|l| !l.is_empty()).unwrap_or_else(|| "en".into()))
    }

    /// The graphs of the articles `--article` (and, for user queries, the dates) select;
    /// all article graphs when there is no such filter.
    fn article_graphs(&self, by_date: bool) -> Result<Vec<GraphName>> {
        let q = "SELECT ?g ?a ?t ?d WHERE { GRAPH ?g { ?a a warta:Article . OPTIONAL { ?a dcterms:title ?t } OPTIONAL { ?a dcterms:issued ?d } } } ORDER BY ?t ?a";
        let rows = self.select_in(q, None)?;
        let wanted = self.filter.article.as_deref().map(str::to_lowercase);
        let matches = |r: &Row| match &wanted {
            Some(w) => text(r, "a").to_lowercase() == *w || text(r, "t").to_lowercase().contains(w.as_str()),
            None => true,
        };
        let in_dates = |r: &Row| {
            let d = NaiveDate::parse_from_str(&text(r, "d"), "%Y-%m-%d").ok();
            !by_date || within(d, self.filter.since, self.filter.until)
        };
        // An article's own graph is named by its hash, like the article.
        let own = |r: &Row| tail(&text(r, "g")) == tail(&text(r, "a"));
        let mut seen = std::collections::HashSet::new();
        let graphs: Vec<GraphName> = rows
            .iter()
            .filter(|r| own(r) && matches(r) && in_dates(r))
            .filter_map(|r| match r.get("g") {
                Some(Term::NamedNode(n)) if seen.insert(n.as_str().to_string()) => Some(GraphName::NamedNode(n.clone())),
                _ => None,
            })
            .collect();
        if graphs.is_empty() {
            if let Some(w) = &self.filter.article {
                let titles: Vec<String> = rows.iter().take(12).map(|r| format!("  {}", text(r, "t"))).collect();
                return Err(WartaError::Other(format!(
                    "--article {w:?} matches no article (by IRI or title); the store has {} article(s), e.g.:\n{}",
                    rows.len(),
                    titles.join("\n")
                )));
            }
        }
        Ok(graphs)
    }

    /// Runs a SELECT over the selected article graphs, its pattern matched
    /// inside each of them (facts never span articles).
    pub fn select(&self, query: &str) -> Result<Vec<Row>> {
        self.select_in(&self.per_article(query), None)
    }

    /// `… WHERE { P } …` as `… WHERE { GRAPH ?g { P } FILTER(?g IN (selected)) } …`.
    /// A default graph of hundreds of named graphs makes oxigraph probe every
    /// graph at every join (seconds for a few hundred articles); one scan with
    /// the graph as a variable, then the filter, takes milliseconds.
    fn per_article(&self, query: &str) -> String {
        let (Some(open), Some(close)) = (query.find("WHERE {"), query.rfind('}')) else {
            return query.to_string();
        };
        let body = &query[open + "WHERE {".len()..close];
        // Every article: only the derived graphs are left out (a list of every
        // article graph would be compared with each row).
        let filter = if self.all {
            crate::store::article_graph_filter("warta_graph")
        } else {
            let graphs: Vec<String> = self.graphs.iter().map(ToString::to_string).collect();
            format!("FILTER(?warta_graph IN ({}))", graphs.join(", "))
        };
        format!("{}WHERE {{ GRAPH ?warta_graph {{{body}}} {filter} }}{}", &query[..open], &query[close + 1..])
    }

    /// Runs a SELECT over these graphs as the default graph, or over their union.
    fn select_in(&self, query: &str, graphs: Option<&Vec<GraphName>>) -> Result<Vec<Row>> {
        let err = |e: String| WartaError::Other(format!("internal view query failed: {e}"));
        let text = format!("{}{query}", *PROLOGUE);
        let mut prepared = SparqlEvaluator::new().parse_query(&text).map_err(|e| err(e.to_string()))?;
        match graphs {
            Some(g) => prepared.dataset_mut().set_default_graph(g.clone()),
            None => prepared.dataset_mut().set_default_graph_as_union(),
        }
        let results = prepared.on_store(self.store).execute().map_err(|e| err(e.to_string()))?;
        crate::store::rows(results).map_err(|e| err(e.to_string()))
    }

    /// Runs a user's CONSTRUCT query over the selected article graphs.
    pub fn construct(&self, origin: &str, query: &str) -> Result<Vec<Triple>> {
        let err = |message: String| WartaError::Query { path: origin.to_string(), message };
        let mut prepared = SparqlEvaluator::new().parse_query(query).map_err(|e| err(format!("SPARQL syntax error: {e}")))?;
        // Every article: the store's default graph, which holds their union (`store::union`).
        if !self.all {
            prepared.dataset_mut().set_default_graph(self.graphs.clone());
        }
        match prepared.on_store(self.store).execute().map_err(|e| err(e.to_string()))? {
            QueryResults::Graph(triples) => triples.map(|t| t.map_err(|e| err(e.to_string()))).collect(),
            QueryResults::Solutions(_) | QueryResults::Boolean(_) => Err(err(
                "--query draws a CONSTRUCT query (CONSTRUCT { ?s ?p ?o } WHERE { … }); for SELECT or ASK use `warta query FILE.rq`".into(),
            )),
        }
    }

    /// A SPARQL filter keeping the fact `?var` only if it passes the date and
    /// confidence filters (`--article` is applied by choosing graphs).
    pub fn fact_filter(&self, var: &str) -> String {
        let mut out = String::new();
        if let Some(c) = self.filter.min_confidence {
            out.push_str(&format!(
                " FILTER EXISTS {{ ?{var} warta:evidence ?{var}_m . ?{var}_m warta:confidence ?{var}_c . FILTER(?{var}_c >= {c:.3}) }}"
            ));
        }
        if self.filter.since.is_some() || self.filter.until.is_some() {
            let mut cond = vec![format!("BOUND(?{var}_d)")];
            if let Some(s) = self.filter.since {
                cond.push(format!("?{var}_d >= \"{s}\"^^xsd:date"));
            }
            if let Some(u) = self.filter.until {
                cond.push(format!("?{var}_d <= \"{u}\"^^xsd:date"));
            }
            // A meeting's own date wins over the date of the article telling it.
            out.push_str(&format!(
                " FILTER EXISTS {{ OPTIONAL {{ ?{var} warta:date ?{var}_fd }} OPTIONAL {{ ?{var} warta:evidence/warta:article/dcterms:issued ?{var}_ad }} BIND(COALESCE(?{var}_fd, ?{var}_ad) AS ?{var}_d) FILTER({}) }}",
                cond.join(" && ")
            ));
        }
        out
    }

    pub fn filter(&self) -> &Filter {
        self.filter
    }

    /// An entity's label in the chosen language (else English, else any) and its kind.
    pub fn entity(&self, iri: &str) -> (String, NodeKind) {
        if let Some(hit) = self.labels.borrow().get(iri) {
            return hit.clone();
        }
        let found = self.lookup(iri);
        self.labels.borrow_mut().insert(iri.to_string(), found.clone());
        found
    }

    fn lookup(&self, iri: &str) -> (String, NodeKind) {
        let fallback = || tail(iri).to_string();
        let Ok(node) = NamedNode::new(iri) else {
            return (fallback(), NodeKind::Other);
        };
        let subject = NamedOrBlankNodeRef::NamedNode(node.as_ref());
        let labels: Vec<(String, String)> = self
            .store
            .quads_for_pattern(Some(subject), Some(rdfs::LABEL), None, None)
            .filter_map(|q| match q.ok()?.object {
                Term::Literal(l) => Some((l.language().unwrap_or("").to_string(), l.value().to_string())),
                _ => None,
            })
            .collect();
        let label = pick_label(&labels, &self.lang).unwrap_or_else(fallback);
        let kind = self
            .store
            .quads_for_pattern(Some(subject), Some(rdf::TYPE), None, None)
            .filter_map(|q| match q.ok()?.object {
                Term::NamedNode(t) => NodeKind::from_type(t.as_str()),
                _ => None,
            })
            .min()
            .unwrap_or(NodeKind::Other);
        (label, kind)
    }
}

/// The label in `lang`, else English, else any; the smallest of equals, so the choice is stable.
pub fn pick_label(labels: &[(String, String)], lang: &str) -> Option<String> {
    for want in [lang, "en"] {
        if let Some(l) = labels.iter().filter(|(l, _)| l == want).map(|(_, v)| v).min() {
            return Some(l.clone());
        }
    }
    labels.iter().map(|(_, v)| v).min().cloned()
}

/// Is the date inside the (inclusive) bounds? An unknown date is not.
fn within(d: Option<NaiveDate>, since: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
    match d {
        Some(d) => since.is_none_or(|s| d >= s) && until.is_none_or(|u| d <= u),
        None => since.is_none() && until.is_none(),
    }
}

/// The last segment of an IRI.
fn tail(iri: &str) -> &str {
    iri.rsplit(['/', '#']).next().unwrap_or(iri)
}
