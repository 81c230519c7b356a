//! What the pages read from the store: look-ups by IRI (never a scan of every
//! article), and the names of every entity, read once since the served store
//! cannot change while the server runs.

use crate::graph::NodeKind;
use crate::store::{rows, text, Row};
use crate::vocab::{rdf, wid};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::SparqlEvaluator;
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// A look-up failed (a storage error; the queries themselves are ours).
#[derive(Debug)]
pub struct LookupError(pub String);

pub type Lookup<T> = Result<T, LookupError>;

/// Runs one of the pages' SELECT queries (prefixes warta, wid, rdfs, prov, skos, owl, dcterms declared).
pub fn select(store: &Store, query: &str) -> Lookup<Vec<Row>> {
    static PROLOGUE: OnceLock<String> = OnceLock::new();
    let prologue =
        PROLOGUE.get_or_init(|| crate::vocab::sparql_prologue(&["warta", "wid", "rdfs", "prov", "skos", "owl", "dcterms", "xsd"]));
    let err = |e: String| LookupError(format!("look-up failed: {e}"));
    let prepared = SparqlEvaluator::new().parse_query(&format!("{prologue}{query}")).map_err(|e| err(e.to_string()))?;
    let results = prepared.on_store(store).execute().map_err(|e| err(e.to_string()))?;
    rows(results).map_err(|e| err(e.to_string()))
}

/// An IRI as SPARQL text, refusing anything that could break out of `<…>`.
pub fn iri_ref(iri: &str) -> Option<String> {
    NamedNode::new(iri).ok().map(|n| n.to_string())
}

/// One entity: its kind and names.
#[derive(Debug, Clone)]
pub struct Entity {
    pub iri: String,
    pub kind: NodeKind,
    /// (language, label), sorted.
    pub labels: Vec<(String, String)>,
    pub alt: Vec<String>,
    pub wikidata: Option<String>,
}

impl Entity {
    /// The English label, else any label, else the IRI's last part.
    pub fn name(&self) -> String {
        let pick = |lang: &str| self.labels.iter().find(|(l, _)| l == lang).map(|(_, t)| t.clone());
        pick("en").or_else(|| pick("id")).or_else(|| self.labels.first().map(|(_, t)| t.clone())).unwrap_or_else(|| short(&self.iri))
    }
}

/// The last path segment of an IRI.
pub fn short(iri: &str) -> String {
    iri.rsplit('/').next().unwrap_or(iri).to_string()
}

/// Every entity of the store by IRI; built once, on first use.
#[derive(Default, Clone)]
pub struct Names {
    cell: Arc<OnceLock<BTreeMap<String, Entity>>>,
}

impl Names {
    pub fn get(&self, store: &Store) -> &BTreeMap<String, Entity> {
        self.cell.get_or_init(|| match read_entities(store) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("warta: serve: cannot read the entity names: {}", e.0);
                BTreeMap::new()
            }
        })
    }

    /// The display name of any IRI: an entity's label, else its last path segment.
    pub fn label(&self, store: &Store, iri: &str) -> String {
        self.get(store).get(iri).map(Entity::name).unwrap_or_else(|| short(iri))
    }

    /// Entities whose label or alternative name contains `q` (any case), exact matches first.
    pub fn search(&self, store: &Store, q: &str) -> Vec<Entity> {
        let want = q.trim().to_lowercase();
        if want.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u8, String, &Entity)> = self
            .get(store)
            .values()
            .filter_map(|e| {
                let names = e.labels.iter().map(|(_, l)| l).chain(&e.alt).map(|n| n.to_lowercase());
                let rank = names
                    .map(|n| {
                        if n == want {
                            0
                        } else if n.starts_with(&want) {
                            1
                        } else if n.contains(&want) {
                            2
                        } else {
                            3
                        }
                    })
                    .min()?;
                (rank < 3).then(|| (rank, e.name().to_lowercase(), e))
            })
            .collect();
        hits.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        hits.into_iter().map(|(_, _, e)| e.clone()).collect()
    }
}

fn read_entities(store: &Store) -> Lookup<BTreeMap<String, Entity>> {
    let classes = crate::rdf::ENTITY_CLASSES.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    let all = select(store, &format!("SELECT DISTINCT ?e ?t WHERE {{ GRAPH ?g {{ ?e a ?t }} FILTER(?t IN ({classes})) }}"))?;
    let mut out = BTreeMap::new();
    for r in all {
        let iri = text(&r, "e");
        let kind = NodeKind::from_type(&text(&r, "t")).unwrap_or(NodeKind::Other);
        if out.contains_key(&iri) {
            continue;
        }
        let Some(node) = iri_ref(&iri) else { continue };
        // Every article states the same names (they come from the gazetteer): one graph is enough.
        let graph = select(store, &format!("SELECT ?g WHERE {{ GRAPH ?g {{ {node} a ?t }} }} LIMIT 1"))?;
        let Some(g) = graph.first().and_then(|r| iri_ref(&text(r, "g"))) else { continue };
        let props = select(store, &format!("SELECT ?p ?o WHERE {{ GRAPH {g} {{ {node} ?p ?o }} }}"))?;
        let mut e = Entity { iri: iri.clone(), kind, labels: Vec::new(), alt: Vec::new(), wikidata: None };
        for p in &props {
            match (text(p, "p").as_str(), p.get("o")) {
                (RDFS_LABEL, Some(Term::Literal(l))) => e.labels.push((l.language().unwrap_or("").to_string(), l.value().to_string())),
                (SKOS_ALT, Some(Term::Literal(l))) => e.alt.push(l.value().to_string()),
                (OWL_SAME_AS, Some(Term::NamedNode(n))) => e.wikidata = Some(n.as_str().to_string()),
                _ => {}
            }
        }
        e.labels.sort();
        e.alt.sort();
        out.insert(iri, e);
    }
    Ok(out)
}

const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const SKOS_ALT: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";

/// Where a resource is stated: its types and the graphs, merged first.
#[derive(Debug, Default)]
pub struct Found {
    pub types: Vec<String>,
    pub graphs: Vec<String>,
}

/// The types of a resource and (some of) the graphs that state it.
pub fn find(store: &Store, iri: &str) -> Lookup<Found> {
    let Some(node) = iri_ref(iri) else { return Ok(Found::default()) };
    let rows =
        select(store, &format!("SELECT DISTINCT ?t ?g WHERE {{ GRAPH ?g {{ {node} ?p ?o OPTIONAL {{ {node} a ?t }} }} }} LIMIT 200"))?;
    let mut f = Found::default();
    for r in rows {
        let (t, g) = (text(&r, "t"), text(&r, "g"));
        if !t.is_empty() && !f.types.contains(&t) {
            f.types.push(t);
        }
        if !f.graphs.contains(&g) {
            f.graphs.push(g);
        }
    }
    f.graphs.sort_by_key(|g| (g != wid::MERGED_GRAPH.as_str(), g.clone()));
    Ok(f)
}

/// The properties of a subject in one graph: (predicate, object), sorted.
pub fn props(store: &Store, graph: &str, iri: &str) -> Lookup<Vec<(String, Term)>> {
    let (Some(g), Some(s)) = (iri_ref(graph), iri_ref(iri)) else { return Ok(Vec::new()) };
    let mut out: Vec<(String, Term)> = select(store, &format!("SELECT ?p ?o WHERE {{ GRAPH {g} {{ {s} ?p ?o }} }}"))?
        .into_iter()
        .filter_map(|r| Some((text(&r, "p"), r.get("o")?.clone())))
        .collect();
    out.sort_by(|a, b| (&a.0, a.1.to_string()).cmp(&(&b.0, b.1.to_string())));
    Ok(out)
}

/// The values of one property among `props`, as text.
pub fn values(props: &[(String, Term)], p: oxigraph::model::NamedNodeRef<'_>) -> Vec<String> {
    props
        .iter()
        .filter(|(q, _)| q == p.as_str())
        .map(|(_, o)| match o {
            Term::NamedNode(n) => n.as_str().to_string(),
            Term::Literal(l) => l.value().to_string(),
            other => other.to_string(),
        })
        .collect()
}

pub fn first(props: &[(String, Term)], p: oxigraph::model::NamedNodeRef<'_>) -> Option<String> {
    values(props, p).into_iter().next()
}

/// The fact classes, with the name a page gives them.
pub fn fact_kind(types: &[String]) -> Option<&'static str> {
    use crate::vocab::warta;
    let kinds = [
        (warta::ACTION, "Demand"),
        (warta::MEETING, "Meeting"),
        (warta::REJECTION, "Rejection"),
        (warta::REGION_STATUS, "Region status"),
        (warta::ROLE_ASSIGNMENT, "Role"),
        (warta::MENTION, "Mention"),
    ];
    kinds.iter().find(|(c, _)| types.iter().any(|t| t == c.as_str())).map(|(_, n)| *n)
}

/// The evidence behind a fact: sentence, span, rule, confidence, article.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub mention: String,
    pub text: String,
    pub start: String,
    pub end: String,
    pub rule: String,
    pub confidence: String,
}

/// The evidence of `fact` as stated in `graph`.
pub fn evidence(store: &Store, graph: &str, fact: &str) -> Lookup<Vec<Evidence>> {
    let (Some(g), Some(f)) = (iri_ref(graph), iri_ref(fact)) else { return Ok(Vec::new()) };
    // Mentions live in the article graphs; a merged node points at them.
    let q = format!(
        "SELECT DISTINCT ?m ?text ?start ?end ?rule ?c ?a WHERE {{ GRAPH {g} {{ {f} warta:evidence ?m }} \
         GRAPH ?h {{ ?m warta:text ?text ; warta:start ?start ; warta:end ?end ; warta:rule ?rule ; warta:confidence ?c ; warta:article ?a }} \
         {} }} ORDER BY ?a ?start ?rule",
        crate::store::article_graph_filter("h")
    );
    Ok(select(store, &q)?
        .iter()
        .map(|r| Evidence {
            mention: text(r, "m"),
            text: text(r, "text"),
            start: text(r, "start"),
            end: text(r, "end"),
            rule: text(r, "rule"),
            confidence: text(r, "c"),
        })
        .collect())
}

/// An article: title, date, language, source.
#[derive(Debug, Clone, Default)]
pub struct Article {
    pub iri: String,
    pub graph: String,
    pub title: String,
    pub issued: String,
    pub language: String,
    pub source: String,
}

/// The article node `article` (wid:article/HASH), read from its graph (wid:graph/HASH).
pub fn article(store: &Store, article: &str) -> Lookup<Option<Article>> {
    let Some(hash) = article.strip_prefix(&format!("{}article/", wid::NS)) else { return Ok(None) };
    let graph = format!("{}graph/{hash}", wid::NS);
    let p = props(store, &graph, article)?;
    if p.is_empty() {
        return Ok(None);
    }
    use crate::vocab::dcterms;
    Ok(Some(Article {
        iri: article.to_string(),
        graph,
        title: first(&p, dcterms::TITLE).unwrap_or_default(),
        issued: first(&p, dcterms::ISSUED).unwrap_or_default(),
        language: first(&p, dcterms::LANGUAGE).unwrap_or_default(),
        source: first(&p, dcterms::SOURCE).unwrap_or_default(),
    }))
}

/// Is `t` an rdf:type predicate?
pub fn is_type(p: &str) -> bool {
    p == rdf::TYPE.as_str()
}

/// The newest articles (by publication date, then IRI): (IRI, title, date).
#[derive(Default, Clone)]
pub struct Latest {
    cell: Arc<OnceLock<Vec<(String, String, String)>>>,
}

impl Latest {
    pub const SHOWN: usize = 20;

    pub fn get(&self, store: &Store) -> &[(String, String, String)] {
        self.cell.get_or_init(|| {
            let q = format!(
                "SELECT ?a ?t ?d WHERE {{ GRAPH ?g {{ ?a a warta:Article ; dcterms:title ?t OPTIONAL {{ ?a dcterms:issued ?d }} }} }} ORDER BY DESC(?d) ?a LIMIT {}",
                Self::SHOWN
            );
            match select(store, &q) {
                Ok(rows) => rows.iter().map(|r| (text(r, "a"), text(r, "t"), text(r, "d"))).collect(),
                Err(e) => {
                    eprintln!("warta: serve: cannot list the articles: {}", e.0);
                    Vec::new()
                }
            }
        })
    }
}
