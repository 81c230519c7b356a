//! Merging demands: the same demander asking the same addressee for the same
//! action (labels equal once lower-cased and stripped of punctuation) is one
//! merged `warta:Action`, linked to every article's action node (and its
//! evidence) and carrying the rejections that name any of them.

use super::{iri, merged_iri, Facts, Quads};
use crate::error::Result;
use crate::vocab::{prov, rdf, rdfs, warta};
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Term};
use std::collections::{BTreeMap, BTreeSet};

/// The part of an action label that decides sameness: lower case, letters,
/// digits and single spaces ("Setop ekspansi!" and "setop  ekspansi" agree).
pub fn normalise_label(label: &str) -> String {
    let kept: String = label.chars().map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' }).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An action's wording: the article's own before an English gloss, body text
/// ("menghentikan …") before headline text ("Setop …"), then alphabetical.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Wording {
    gloss: bool,
    headline: bool,
    text: String,
    lang: String,
}

impl Wording {
    fn of(label: &Literal) -> Wording {
        let lang = label.language().unwrap_or("").to_string();
        let text = label.value().to_string();
        Wording { gloss: lang == "en", headline: text.chars().next().is_some_and(char::is_uppercase), text, lang }
    }
    fn literal(&self) -> Literal {
        Literal::new_language_tagged_literal(&self.text, &self.lang).unwrap_or_else(|_| Literal::new_simple_literal(&self.text))
    }
}

/// (demander, addressee, normalised label): what makes two demands one.
type DemandKey = (NamedNode, NamedNode, String);

#[derive(Default)]
struct Group {
    wordings: BTreeSet<Wording>,
    sources: BTreeSet<NamedNode>,
    stated_by: BTreeSet<NamedNode>,
    rejecters: BTreeSet<NamedNode>,
    evidence: BTreeSet<NamedNode>,
}

/// A demander and an addressee: the demands of one pair merge apart from every other pair's.
pub type Pair = (NamedNode, NamedNode);

/// Everyone who demands something of someone in some article.
pub fn all_demanders(facts: &Facts) -> Result<Vec<NamedNode>> {
    let rows = facts.select("DISTINCT ?d", "?d warta:demands ?a . ?a a warta:Action ; warta:addressee ?o")?;
    Ok(rows.iter().filter_map(|r| iri(r, "d")).collect())
}

/// Reads the demands `demander` made of `addressees` (of anyone: `None`),
/// groups them and writes the merged actions; returns how many there are.
pub fn merge(facts: &Facts, demander: &NamedNode, addressees: Option<&BTreeSet<NamedNode>>, out: &mut Quads) -> Result<usize> {
    let mut groups = read(facts, demander)?;
    if let Some(only) = addressees {
        groups.retain(|(_, o, _), _| only.contains(o));
    }
    for ((demander, addressee, norm), g) in &groups {
        let node = merged_iri("action", &[demander.as_str(), addressee.as_str(), norm]);
        out.mention(demander);
        out.add(demander, warta::DEMANDS, node.clone());
        out.add(&node, rdf::TYPE, warta::ACTION);
        if let Some(w) = g.wordings.first() {
            out.add(&node, rdfs::LABEL, w.literal());
        }
        out.entity(&node, warta::AGENT, demander);
        out.entity(&node, warta::ADDRESSEE, addressee);
        for s in &g.stated_by {
            out.entity(&node, warta::STATED_BY, s);
        }
        for s in &g.sources {
            out.add(&node, prov::WAS_DERIVED_FROM, s.clone());
        }
        for e in &g.evidence {
            out.add(&node, warta::EVIDENCE, e.clone());
        }
        for r in &g.rejecters {
            out.mention(r);
            out.add(r, warta::REJECTS, node.clone());
        }
    }
    Ok(groups.len())
}

/// The demands `d` made in the article graphs, grouped; read straight from the
/// store's indexes (demander → action nodes → their statements), which costs
/// in proportion to `d`'s demands, not to the store.
fn read(facts: &Facts, d: &NamedNode) -> Result<BTreeMap<DemandKey, Group>> {
    let store = &facts.store.store;
    let err = |e| facts.store.error(e);
    let mut groups: BTreeMap<DemandKey, Group> = BTreeMap::new();
    for q in store.quads_for_pattern(Some(d.as_ref().into()), Some(warta::DEMANDS), None, None) {
        let q = q.map_err(err)?;
        let (Term::NamedNode(a), GraphName::NamedNode(g)) = (q.object, q.graph_name) else {
            continue;
        };
        if crate::store::is_derived_graph(g.as_str()) {
            continue;
        }
        let graph = Some(GraphNameRef::NamedNode(g.as_ref()));
        let (mut is_action, mut addressee, mut wording) = (false, None::<NamedNode>, None::<Wording>);
        let (mut stated_by, mut evidence) = (Vec::new(), Vec::new());
        for q in store.quads_for_pattern(Some(a.as_ref().into()), None, None, graph) {
            let q = q.map_err(err)?;
            match (q.predicate.as_ref(), q.object) {
                (rdf::TYPE, Term::NamedNode(t)) => is_action |= t == warta::ACTION,
                // One addressee an action; were there more, the least IRI, so the result stays fixed.
                (warta::ADDRESSEE, Term::NamedNode(o)) if addressee.as_ref().is_none_or(|old| o < *old) => addressee = Some(o),
                // An action may carry a gloss as a second label: it keeps its best wording.
                (rdfs::LABEL, Term::Literal(l)) => {
                    let w = Wording::of(&l);
                    if wording.as_ref().is_none_or(|old| w < *old) {
                        wording = Some(w);
                    }
                }
                (warta::STATED_BY, Term::NamedNode(s)) => stated_by.push(s),
                (warta::EVIDENCE, Term::NamedNode(e)) => evidence.push(e),
                _ => {}
            }
        }
        let (true, Some(addressee), Some(wording)) = (is_action, addressee, wording) else {
            continue;
        };
        let key = (d.clone(), addressee, normalise_label(&wording.text));
        let group = groups.entry(key).or_default();
        group.wordings.insert(wording);
        group.sources.insert(a.clone());
        group.stated_by.extend(stated_by);
        group.evidence.extend(evidence);
        for r in store.quads_for_pattern(None, Some(warta::REJECTS), Some(a.as_ref().into()), graph) {
            if let NamedOrBlankNode::NamedNode(r) = r.map_err(err)?.subject {
                group.rejecters.insert(r);
            }
        }
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::normalise_label;

    #[test]
    fn labels_agree_without_case_and_punctuation() {
        assert_eq!(normalise_label("Setop Ekspansi, ke Eropa-Timur!"), "setop ekspansi ke eropa timur");
        assert_eq!(normalise_label("  setop ekspansi ke eropa timur "), "setop ekspansi ke eropa timur");
        assert_ne!(normalise_label("menarik pasukan"), normalise_label("menarik pasukannya"));
    }
}
