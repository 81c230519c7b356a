//! The extracted triples, indexed in the order rdflib's memory store holds them,
//! and the facts read from them through the contract's vocabulary, with sides
//! and entities resolved against the gold.

use super::gold::Entities;
use super::output::{py_tuple, Py};
use crate::vocab::{dcterms, owl, rdfs, schema, skos, warta, wd};
use oxigraph::model::{NamedNode, NamedNodeRef, Quad, Term};
use std::collections::{HashMap, HashSet};

/// Triples with rdflib's iteration order: objects of a subject and predicate in the
/// order they were added; for a predicate, objects in order of first use, each with
/// its subjects in the order they were added.
#[derive(Debug, Default)]
pub struct Graph {
    seen: HashSet<(Term, NamedNode, Term)>,
    spo: HashMap<(Term, NamedNode), Vec<Term>>,
    pos: HashMap<NamedNode, ByObject>,
}

#[derive(Debug, Default)]
struct ByObject {
    order: Vec<Term>,
    subjects: HashMap<Term, Vec<Term>>,
}

/// Python's `str()` of an rdflib term: the IRI, the literal's lexical form, the blank node id.
fn text(t: &Term) -> String {
    #[allow(unreachable_patterns)]
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::BlankNode(b) => b.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

impl Graph {
    /// Adds quads (graph names ignored) in the given order; duplicates are dropped.
    pub fn from_quads(quads: impl IntoIterator<Item = Quad>) -> Graph {
        let mut g = Graph::default();
        for q in quads {
            g.add(Term::from(q.subject), q.predicate, q.object);
        }
        g
    }

    fn add(&mut self, s: Term, p: NamedNode, o: Term) {
        if !self.seen.insert((s.clone(), p.clone(), o.clone())) {
            return;
        }
        self.spo.entry((s.clone(), p.clone())).or_default().push(o.clone());
        let ByObject { order, subjects } = self.pos.entry(p).or_default();
        subjects
            .entry(o)
            .or_insert_with_key(|o| {
                order.push(o.clone());
                Vec::new()
            })
            .push(s);
    }

    fn objects(&self, s: &Term, p: NamedNodeRef<'_>) -> &[Term] {
        self.spo.get(&(s.clone(), p.into_owned())).map(Vec::as_slice).unwrap_or(&[])
    }

    fn subjects(&self, p: NamedNodeRef<'_>, o: &Term) -> &[Term] {
        self.pos.get(&p.into_owned()).and_then(|b| b.subjects.get(o)).map(Vec::as_slice).unwrap_or(&[])
    }

    fn subject_objects(&self, p: NamedNodeRef<'_>) -> Vec<(&Term, &Term)> {
        let Some(b) = self.pos.get(&p.into_owned()) else { return Vec::new() };
        b.order.iter().flat_map(|o| b.subjects[o].iter().map(move |s| (s, o))).collect()
    }

    /// The gold entity a node stands for: by `owl:sameAs` a Wikidata id of the gold,
    /// else by a label (`rdfs:label`, `skos:prefLabel`, `skos:altLabel`, `schema:name`).
    fn resolve(&self, node: &Term, ents: &Entities) -> Option<String> {
        for o in self.objects(node, owl::SAME_AS) {
            if let Some(name) = text(o).strip_prefix(wd::NS).and_then(|q| ents.by_qid(q)) {
                return Some(name.to_string());
            }
        }
        for p in [rdfs::LABEL, skos::PREF_LABEL, skos::ALT_LABEL, schema::NAME] {
            for o in self.objects(node, p) {
                if let Some(name) = ents.by_alias(&text(o)).filter(|n| !n.is_empty()) {
                    return Some(name.to_string());
                }
            }
        }
        None
    }

    /// A node's labels (comments included), or its IRI when it has none.
    fn labels(&self, node: &Term) -> Vec<String> {
        let out: Vec<String> = [rdfs::LABEL, skos::PREF_LABEL, schema::NAME, rdfs::COMMENT]
            .iter()
            .flat_map(|p| self.objects(node, *p).iter().map(text))
            .collect();
        if out.is_empty() {
            vec![text(node)]
        } else {
            out
        }
    }

    /// The evidence of `node` with the highest confidence: its rule and confidence.
    fn rule_of(&self, node: &Term) -> Option<RuleUse> {
        let mut best: Option<RuleUse> = None;
        for m in self.objects(node, warta::EVIDENCE) {
            let (Some(rule), Some(conf)) = (self.objects(m, warta::RULE).first(), self.objects(m, warta::CONFIDENCE).first()) else {
                continue;
            };
            let u = RuleUse { rule: text(rule), confidence: text(conf).parse().unwrap_or(0.0) };
            let better = best.as_ref().is_none_or(|b| u.confidence > b.confidence || (u.confidence == b.confidence && u.rule < b.rule));
            if better {
                best = Some(u);
            }
        }
        best
    }

    /// The rule of the event node that has `a` as `pa` and `b` as `pb` (a rejection,
    /// a region status, a role assignment).
    fn rule_of_node(&self, pa: NamedNodeRef<'_>, a: &Term, pb: NamedNodeRef<'_>, b: &Term) -> Option<RuleUse> {
        let second = self.subjects(pb, b);
        self.subjects(pa, a).iter().filter(|n| second.contains(n)).find_map(|n| self.rule_of(n))
    }

    fn first_label(&self, node: &Term) -> String {
        self.labels(node).swap_remove(0)
    }
}

/// The rule that gave an extracted fact and the confidence it was given: of the
/// fact's evidence, the one with the highest confidence (for `--calibration`).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleUse {
    pub rule: String,
    pub confidence: f64,
}

#[derive(Debug, Clone)]
pub struct PredDemand {
    pub by: Option<String>,
    pub of: Option<String>,
    pub labels: Vec<String>,
    pub(super) raw: String,
    pub rule: Option<RuleUse>,
}

#[derive(Debug, Clone)]
pub struct PredMeeting {
    pub city: Option<String>,
    pub dates: Vec<String>,
    pub participants: HashSet<String>,
    pub(super) raw: String,
    pub rule: Option<RuleUse>,
}

#[derive(Debug, Clone)]
pub struct PredRejection {
    pub by: Option<String>,
    pub of: Option<String>,
    pub(super) raw: String,
    pub rule: Option<RuleUse>,
}

#[derive(Debug, Clone)]
pub struct PredRegion {
    pub region: Option<String>,
    pub status: String,
    pub(super) raw: String,
    pub rule: Option<RuleUse>,
}

#[derive(Debug, Clone)]
pub struct PredRole {
    pub person: Option<String>,
    pub role: String,
    pub of: Option<String>,
    pub(super) raw: String,
    pub rule: Option<RuleUse>,
}

/// What scoring reads of any extracted fact besides its content.
pub trait Scored {
    /// The fact as the scorer prints it in a `--detail` line.
    fn raw(&self) -> &str;
    /// The rule behind it, for `--calibration`.
    fn rule(&self) -> Option<&RuleUse>;
}

macro_rules! scored {
    ($($t:ty),*) => {$(
        impl Scored for $t {
            fn raw(&self) -> &str {
                &self.raw
            }
            fn rule(&self) -> Option<&RuleUse> {
                self.rule.as_ref()
            }
        }
    )*};
}
scored!(PredDemand, PredMeeting, PredRejection, PredRegion, PredRole);

/// The facts of one article's graph, sides and entities resolved against the gold.
#[derive(Debug, Clone, Default)]
pub struct Predicted {
    pub demands: Vec<PredDemand>,
    pub meetings: Vec<PredMeeting>,
    pub rejections: Vec<PredRejection>,
    pub regions: Vec<PredRegion>,
    pub roles: Vec<PredRole>,
    /// The article's language (`dcterms:language`), for calibration per language pack.
    pub lang: String,
}

/// The scorer's `predicted()`.
pub fn predicted(g: &Graph, ents: &Entities) -> Predicted {
    let r = |n: &Term| g.resolve(n, ents);
    let side = |n: &Term| ents.side(r(n).as_deref());
    let mut out = Predicted::default();
    if let Some((_, lang)) = g.subject_objects(dcterms::LANGUAGE).first() {
        out.lang = text(lang);
    }
    for (by, act) in g.subject_objects(warta::DEMANDS) {
        let labels = g.labels(act);
        let by_label = g.first_label(by);
        let addressees = g.objects(act, warta::ADDRESSEE);
        let rule = g.rule_of(act);
        for of in addressees {
            let raw = py_tuple(&[Py::Str(&by_label), Py::Str(&g.first_label(of))]);
            out.demands.push(PredDemand { by: side(by), of: side(of), labels: labels.clone(), raw, rule: rule.clone() });
        }
        if addressees.is_empty() {
            let raw = py_tuple(&[Py::Str(&by_label), Py::None]);
            out.demands.push(PredDemand { by: side(by), of: None, labels, raw, rule });
        }
    }
    for (m, city) in g.subject_objects(warta::HELD_IN) {
        let mut dates: Vec<String> = g.objects(m, warta::DATE).iter().map(|d| text(d).chars().take(10).collect()).collect();
        dates.sort();
        dates.dedup();
        let participants = g.objects(m, warta::PARTICIPANT).iter().filter_map(side).collect();
        let raw = py_tuple(&[Py::Str(&g.first_label(city)), Py::List(&dates)]);
        out.meetings.push(PredMeeting { city: r(city), dates, participants, raw, rule: g.rule_of(m) });
    }
    for (by, act) in g.subject_objects(warta::REJECTS) {
        let mut demanders: Vec<Option<String>> = g.subjects(warta::DEMANDS, act).iter().map(side).collect();
        if demanders.is_empty() {
            // Rejecting an actor's demands directly.
            if let Some(name) = r(act).filter(|n| !n.is_empty()) {
                demanders.push(ents.side(Some(&name)));
            }
        }
        if demanders.is_empty() {
            demanders.push(None);
        }
        let raw = py_tuple(&[Py::Str(&g.first_label(by))]);
        let rule = g.rule_of_node(warta::AGENT, by, warta::REJECTED, act);
        for of in demanders {
            out.rejections.push(PredRejection { by: side(by), of, raw: raw.clone(), rule: rule.clone() });
        }
    }
    for (region, st) in g.subject_objects(warta::DISPUTED_STATUS) {
        let term = text(st);
        let local = term.rsplit('#').next().unwrap_or("");
        let status = local.rsplit('/').next().unwrap_or("").to_string();
        let raw = py_tuple(&[Py::Str(&g.first_label(region)), Py::Str(&term)]);
        let rule = g.rule_of_node(warta::REGION_PROP, region, warta::STATUS, st);
        out.regions.push(PredRegion { region: r(region), status, raw, rule });
    }
    for (person, role) in g.subject_objects(warta::ROLE) {
        let mut sides: Vec<Option<String>> = g.objects(person, warta::REPRESENTS).iter().map(side).collect();
        if sides.is_empty() {
            sides.push(None);
        }
        let rule = g.rule_of_node(warta::HOLDER, person, warta::ROLE_TITLE, role);
        let role = text(role);
        let raw = py_tuple(&[Py::Str(&g.first_label(person)), Py::Str(&role)]);
        for of in sides {
            out.roles.push(PredRole { person: r(person), role: role.clone(), of, raw: raw.clone(), rule: rule.clone() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal};

    fn quad(s: &str, p: NamedNodeRef<'_>, o: impl Into<Term>) -> Quad {
        Quad::new(NamedNode::new_unchecked(s), p, o, GraphName::DefaultGraph)
    }

    #[test]
    fn facts_are_read_through_labels_and_sides() {
        let mut gold = super::super::Gold::default();
        gold.load_str("[entities.Rusia]\naliases = [\"Russia\"]\n[entities.NATO]\n[entities.Lavrov]\nspeaks_for = \"Rusia\"\n").unwrap();
        let (ru, nato, act) = ("http://x/ru", "http://x/nato", "http://x/act");
        let g = Graph::from_quads([
            quad(ru, warta::DEMANDS, NamedNode::new_unchecked(act)),
            quad(act, warta::ADDRESSEE, NamedNode::new_unchecked(nato)),
            quad(act, rdfs::LABEL, Literal::new_simple_literal("jaminan keamanan")),
            quad(ru, rdfs::LABEL, Literal::new_simple_literal("Russia")),
            quad(nato, skos::ALT_LABEL, Literal::new_simple_literal("nato")),
        ]);
        let p = predicted(&g, &gold.entities);
        assert_eq!(p.demands.len(), 1);
        let d = &p.demands[0];
        assert_eq!((d.by.as_deref(), d.of.as_deref()), (Some("Rusia"), Some("NATO")));
        assert_eq!(d.labels, vec!["jaminan keamanan"]);
        // No rdfs:label on NATO: its IRI stands for it in the detail line.
        assert_eq!(d.raw, "('Russia', 'http://x/nato')");
    }
}
