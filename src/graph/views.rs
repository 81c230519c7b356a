//! The views as SPARQL over the store: demands with rejections, meetings with
//! participants, disputed regions, roles, and users' own CONSTRUCT queries.

use super::source::{pick_label, text, Source};
use super::{Collector, EdgeKind, NodeKind, UserQuery, ViewGraph};
use crate::error::{Result, WartaError};
use crate::extract::RegionStatusKind;
use crate::vocab::{self, rdf, rdfs, skos};
use oxigraph::model::{NamedOrBlankNode, Term};
use std::collections::{BTreeMap, HashMap};

/// Actors as nodes; demander → addressee per demand (labelled with the action);
/// rejecter → demander for each rejection of a demand or of a side.
pub fn demands(src: &Source) -> Result<Collector> {
    let mut c = Collector::default();
    // One label per action (an action may carry a gloss in a second language),
    // so that an edge's labels count its demands.
    let q = format!(
        "SELECT DISTINCT ?a ?b ?x ?label (LANG(?label) AS ?lang) WHERE {{ ?a warta:demands ?x . ?x warta:addressee ?b ; rdfs:label ?label . {} }}",
        src.fact_filter("x")
    );
    let mut actions: BTreeMap<(String, String, String), Vec<(String, String)>> = BTreeMap::new();
    for r in src.select(&q)? {
        actions.entry((text(&r, "a"), text(&r, "b"), text(&r, "x"))).or_default().push((text(&r, "lang"), text(&r, "label")));
    }
    for ((a, b, _), labels) in actions {
        c.entity(src, &a);
        c.entity(src, &b);
        let label = pick_label(&labels, src.lang()).unwrap_or_default();
        c.edge(&a, &b, EdgeKind::Demand, &label);
    }
    // The rejected target is an action (answer to that demand) or a side.
    let q = format!(
        "SELECT DISTINCT ?a ?b WHERE {{ ?r a warta:Rejection ; warta:agent ?a ; warta:rejected ?t . \
         {{ ?b warta:demands ?t }} UNION {{ ?t a ?tt . FILTER(?tt != warta:Action) BIND(?t AS ?b) }} {} }}",
        src.fact_filter("r")
    );
    for r in src.select(&q)? {
        let (a, b) = (text(&r, "a"), text(&r, "b"));
        c.entity(src, &a);
        c.entity(src, &b);
        c.edge(&a, &b, EdgeKind::Rejection, "");
    }
    Ok(c)
}

/// One node per meeting city and date (the same meeting told by two articles
/// is one node), linked to every participant.
pub fn meetings(src: &Source) -> Result<Collector> {
    let mut c = Collector::default();
    let q = format!(
        "SELECT DISTINCT ?m ?c ?date ?a WHERE {{ ?m a warta:Meeting ; warta:heldIn ?c . OPTIONAL {{ ?m warta:date ?date }} OPTIONAL {{ ?m warta:participant ?a }} {} }}",
        src.fact_filter("m")
    );
    for r in src.select(&q)? {
        let (city, date) = (text(&r, "c"), text(&r, "date"));
        let (city_label, _) = src.entity(&city);
        let tail = city.rsplit(['/', '#']).next().unwrap_or(&city);
        let id = format!("meeting:{tail}:{date}");
        let label = if date.is_empty() { city_label } else { format!("{city_label}\n{date}") };
        c.node(id.clone(), label, NodeKind::Meeting, Some(date).filter(|d| !d.is_empty()));
        if r.contains_key("a") {
            let a = text(&r, "a");
            c.entity(src, &a);
            c.edge(&a, &id, EdgeKind::Participant, "");
        }
    }
    Ok(c)
}

/// Disputed regions, labelled with their status, linked to the sides that
/// control them, have troops there or claim them.
pub fn regions(src: &Source) -> Result<Collector> {
    let mut c = Collector::default();
    let q = format!(
        "SELECT DISTINCT ?r ?st ?p ?a WHERE {{ ?s a warta:RegionStatus ; warta:region ?r ; warta:status ?st . \
         OPTIONAL {{ ?s ?p ?a . FILTER(?p IN (warta:controlledBy, warta:foreignForces, warta:claimedBy)) }} {} }}",
        src.fact_filter("s")
    );
    let mut statuses: BTreeMap<String, Vec<&'static str>> = BTreeMap::new();
    let mut sides = Vec::new();
    for r in src.select(&q)? {
        let region = text(&r, "r");
        let st = status_words(text(&r, "st").rsplit('#').next().unwrap_or(""));
        let list = statuses.entry(region.clone()).or_default();
        if !list.contains(&st) {
            list.push(st);
        }
        if r.contains_key("a") {
            let kind = match text(&r, "p").rsplit('#').next() {
                Some("controlledBy") => EdgeKind::ControlledBy,
                Some("foreignForces") => EdgeKind::Forces,
                _ => EdgeKind::ClaimedBy,
            };
            sides.push((region, text(&r, "a"), kind));
        }
    }
    for (region, mut sts) in statuses {
        sts.sort();
        let (label, _) = src.entity(&region);
        c.node(region, format!("{label}\n({})", sts.join(", ")), NodeKind::Region, None);
    }
    for (region, side, kind) in sides {
        c.entity(src, &side);
        c.edge(&region, &side, kind, "");
    }
    Ok(c)
}

/// Who speaks for which side. Roles are identities rather than dated events,
/// so only `--article` narrows them.
pub fn roles(src: &Source) -> Result<Collector> {
    let mut c = Collector::default();
    for r in src.select("SELECT DISTINCT ?p ?s WHERE { ?p warta:represents ?s }")? {
        let (p, s) = (text(&r, "p"), text(&r, "s"));
        c.entity(src, &p);
        c.entity(src, &s);
        c.edge(&p, &s, EdgeKind::Represents, "");
    }
    Ok(c)
}

/// How a diagram names a status term's local name.
fn status_words(local: &str) -> &'static str {
    RegionStatusKind::from_local_name(local).map_or("disputed", |k| k.names().shown)
}

/// Literal values longer than this are shortened on their node.
const LITERAL_CHARS: usize = 60;

/// A user's CONSTRUCT query: subjects and objects become nodes (labelled by
/// rdfs:label when the query or the store has one), predicates edge labels.
pub fn construct(src: &Source, q: &UserQuery) -> Result<ViewGraph> {
    if src.filter().min_confidence.is_some() {
        return Err(WartaError::Query {
            path: q.origin.clone(),
            message: "--min-confidence cannot be applied to a user query; filter on warta:confidence inside the query".into(),
        });
    }
    let triples = src.construct(&q.origin, &q.text)?;
    // Labels and entity types the query itself gives are used, not drawn.
    let mut labels: HashMap<String, Vec<(String, String)>> = HashMap::new();
    let mut kinds: HashMap<String, NodeKind> = HashMap::new();
    let mut edges = Vec::new();
    for t in &triples {
        let s = subject_id(&t.subject);
        match (t.predicate.as_ref(), &t.object) {
            (rdfs::LABEL | skos::ALT_LABEL, Term::Literal(l)) => {
                let lang = if t.predicate == rdfs::LABEL { l.language().unwrap_or("") } else { "~alt" };
                labels.entry(s).or_default().push((lang.to_string(), l.value().to_string()));
            }
            (rdf::TYPE, Term::NamedNode(ty)) if NodeKind::from_type(ty.as_str()).is_some() => {
                if let Some(k) = NodeKind::from_type(ty.as_str()) {
                    kinds.insert(s, k);
                }
            }
            _ => edges.push((s, &t.object, t.predicate.as_str())),
        }
    }
    let mut c = Collector::default();
    let node = |c: &mut Collector, id: &str, literal: Option<&str>| {
        if c.has_node(id) {
            return;
        }
        if let Some(value) = literal {
            c.node(id.to_string(), shorten(value), NodeKind::Literal, None);
            return;
        }
        let (stored_label, stored_kind) = src.entity(id);
        let label = labels.get(id).and_then(|ls| pick_label(ls, src.lang())).unwrap_or(stored_label);
        let kind = kinds.get(id).copied().unwrap_or(stored_kind);
        c.node(id.to_string(), label, kind, None);
    };
    for id in labels.keys().chain(kinds.keys()) {
        node(&mut c, id, None);
    }
    for (s, o, p) in edges {
        node(&mut c, &s, None);
        let o_id = match o {
            Term::NamedNode(n) => n.as_str().to_string(),
            Term::Literal(l) => {
                let id = format!("literal:{o}");
                node(&mut c, &id, Some(l.value()));
                id
            }
            other => other.to_string(),
        };
        node(&mut c, &o_id, None);
        c.edge(&s, &o_id, EdgeKind::Predicate, &short_iri(p));
    }
    Ok(c.finish())
}

fn subject_id(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        other => other.to_string(),
    }
}

/// `warta:demands` for a known namespace, else the IRI's last segment.
pub fn short_iri(iri: &str) -> String {
    if let Some(short) = vocab::prefixed(iri) {
        return short;
    }
    iri.rsplit(['/', '#']).find(|s| !s.is_empty()).unwrap_or(iri).to_string()
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= LITERAL_CHARS {
        return s.to_string();
    }
    let cut: String = s.chars().take(LITERAL_CHARS).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicates_get_prefixes() {
        assert_eq!(short_iri(crate::vocab::warta::DEMANDS.as_str()), "warta:demands");
        assert_eq!(short_iri("http://example.org/x/knows"), "knows");
        assert_eq!(shorten("pendek"), "pendek");
        assert!(shorten(&"kata ".repeat(30)).ends_with('…'));
    }

    #[test]
    fn statuses_have_diagram_words() {
        assert_eq!(status_words("ForeignMilitaryPresence"), "foreign troops");
        assert_eq!(status_words("Annexed"), "annexed");
        assert_eq!(status_words("Unknown"), "disputed");
    }
}
