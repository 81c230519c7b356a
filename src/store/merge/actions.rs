//! Merging demands: the same demander asking the same addressee for the same
//! action (labels equal once lower-cased and stripped of punctuation) is one
//! merged `warta:Action`, linked to every article's action node (and its
//! evidence) and carrying the rejections that name any of them.

use super::{iri, literal, merged_iri, Facts, Quads};
use crate::error::Result;
use crate::vocab::{prov, rdf, rdfs, warta};
use oxigraph::model::{Literal, NamedNode};
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

/// One article's action node: who demands it of whom, in which words.
struct ReportedAction {
    demander: NamedNode,
    addressee: NamedNode,
    wording: Wording,
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

/// Every (demander, addressee) pair of some article's demand.
pub fn all_pairs(facts: &Facts) -> Result<Vec<Pair>> {
    let rows = facts.select("DISTINCT ?d ?o", "?d warta:demands ?a . ?a a warta:Action ; warta:addressee ?o")?;
    Ok(rows.iter().filter_map(|r| Some((iri(r, "d")?, iri(r, "o")?))).collect())
}

/// Reads the demands `demander` made of `addressees` (of anyone: `None`),
/// groups them and writes the merged actions; returns how many there are.
pub fn merge(facts: &Facts, demander: &NamedNode, addressees: Option<&BTreeSet<NamedNode>>, out: &mut Quads) -> Result<usize> {
    let groups = match addressees {
        None => read(facts, demander, None)?,
        Some(only) => {
            let mut groups = BTreeMap::new();
            for o in only {
                groups.append(&mut read(facts, demander, Some(o))?);
            }
            groups
        }
    };
    for ((demander, addressee, norm), g) in &groups {
        let node = merged_iri("action", &[demander.as_str(), addressee.as_str(), norm]);
        out.mention(demander);
        out.add(demander, warta::DEMANDS, node.clone());
        out.add(&node, rdf::TYPE, NamedNode::new_unchecked(warta::ACTION));
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

/// The demands `d` made (of `to` only, when given), grouped.
fn read(facts: &Facts, d: &NamedNode, to: Option<&NamedNode>) -> Result<BTreeMap<DemandKey, Group>> {
    let o = to.map_or("?o".to_string(), |o| o.to_string());
    let rows = facts.select("*", &format!("{d} warta:demands ?a . ?a a warta:Action ; warta:addressee {o} ; rdfs:label ?label"))?;
    // An action may carry a gloss as a second label: it keeps its best wording.
    let mut actions: BTreeMap<NamedNode, ReportedAction> = BTreeMap::new();
    for r in rows {
        let (Some(a), Some(addressee), Some(l)) = (iri(&r, "a"), to.cloned().or_else(|| iri(&r, "o")), literal(&r, "label")) else {
            continue;
        };
        let demander = d.clone();
        let wording = Wording::of(&l);
        if actions.get(&a).is_none_or(|old| wording < old.wording) {
            actions.insert(a, ReportedAction { demander, addressee, wording });
        }
    }
    let mut groups: BTreeMap<DemandKey, Group> = BTreeMap::new();
    let mut key_of: BTreeMap<NamedNode, DemandKey> = BTreeMap::new();
    for (a, r) in actions {
        let key = (r.demander, r.addressee, normalise_label(&r.wording.text));
        let g = groups.entry(key.clone()).or_default();
        g.wordings.insert(r.wording);
        g.sources.insert(a.clone());
        key_of.insert(a, key);
    }
    let mut each = |var: &str, pattern: &str, add: fn(&mut Group, NamedNode)| -> Result<()> {
        for r in facts.select(&format!("?a ?{var}"), &format!("{d} warta:demands ?a . ?a warta:addressee {o} . {pattern}"))? {
            let group = iri(&r, "a").and_then(|a| key_of.get(&a)).and_then(|key| groups.get_mut(key));
            if let (Some(g), Some(v)) = (group, iri(&r, var)) {
                add(g, v);
            }
        }
        Ok(())
    };
    each("s", "?a a warta:Action ; warta:statedBy ?s", |g, v| {
        g.stated_by.insert(v);
    })?;
    each("e", "?a a warta:Action ; warta:evidence ?e", |g, v| {
        g.evidence.insert(v);
    })?;
    each("r", "?r warta:rejects ?a . ?a a warta:Action", |g, v| {
        g.rejecters.insert(v);
    })?;
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
