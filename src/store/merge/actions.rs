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

#[derive(Default)]
struct Group {
    /// The article's own wording, one per source; the merged node shows one.
    labels: BTreeSet<(bool, String, String)>,
    sources: BTreeSet<NamedNode>,
    stated_by: BTreeSet<NamedNode>,
    rejecters: BTreeSet<NamedNode>,
    evidence: BTreeSet<NamedNode>,
}

/// Reads every article's demands, groups them and writes the merged actions;
/// returns how many there are.
pub fn merge(facts: &Facts, out: &mut Quads) -> Result<usize> {
    let rows = facts.select("SELECT ?a ?d ?o ?label WHERE { GRAPH ?g { ?d warta:demands ?a . ?a a warta:Action ; warta:addressee ?o ; rdfs:label ?label } }")?;
    // An action may carry a gloss in a second language: the article's wording wins.
    let mut label_of: BTreeMap<NamedNode, (NamedNode, NamedNode, (bool, String, String))> = BTreeMap::new();
    for r in rows {
        let (Some(a), Some(d), Some(o), Some(l)) = (iri(&r, "a"), iri(&r, "d"), iri(&r, "o"), literal(&r, "label")) else {
            continue;
        };
        let lang = l.language().unwrap_or("").to_string();
        // Body wording ("menghentikan …") before headline wording ("Setop …"), glosses last.
        let key = (lang == "en", l.value().to_string(), lang);
        let entry = label_of.entry(a).or_insert_with(|| (d.clone(), o.clone(), key.clone()));
        if key < entry.2 {
            *entry = (d, o, key);
        }
    }
    let mut groups: BTreeMap<(NamedNode, NamedNode, String), Group> = BTreeMap::new();
    let mut group_of: BTreeMap<NamedNode, (NamedNode, NamedNode, String)> = BTreeMap::new();
    for (a, (d, o, key)) in label_of {
        let id = (d, o, normalise_label(&key.1));
        let g = groups.entry(id.clone()).or_default();
        g.labels.insert((key.1.chars().next().is_some_and(char::is_uppercase), key.1, key.2));
        g.sources.insert(a.clone());
        group_of.insert(a, id);
    }
    for r in facts.select("SELECT ?a ?s WHERE { GRAPH ?g { ?a a warta:Action ; warta:statedBy ?s } }")? {
        if let (Some(id), Some(s)) = (iri(&r, "a").and_then(|a| group_of.get(&a)), iri(&r, "s")) {
            groups.entry(id.clone()).or_default().stated_by.insert(s);
        }
    }
    for r in facts.select("SELECT ?a ?e WHERE { GRAPH ?g { ?a a warta:Action ; warta:evidence ?e } }")? {
        if let (Some(id), Some(e)) = (iri(&r, "a").and_then(|a| group_of.get(&a)), iri(&r, "e")) {
            groups.entry(id.clone()).or_default().evidence.insert(e);
        }
    }
    for r in facts.select("SELECT ?a ?r WHERE { GRAPH ?g { ?r warta:rejects ?a . ?a a warta:Action } }")? {
        if let (Some(id), Some(by)) = (iri(&r, "a").and_then(|a| group_of.get(&a)), iri(&r, "r")) {
            groups.entry(id.clone()).or_default().rejecters.insert(by);
        }
    }
    let count = groups.len();
    for ((demander, addressee, norm), g) in groups {
        let node = merged_iri("action", &[demander.as_str(), addressee.as_str(), &norm]);
        out.mention(&demander);
        out.add(&demander, warta::DEMANDS, node.clone());
        out.add(&node, rdf::TYPE, NamedNode::new_unchecked(warta::ACTION));
        if let Some((_, label, lang)) = g.labels.first() {
            let l = Literal::new_language_tagged_literal(label, lang).unwrap_or_else(|_| Literal::new_simple_literal(label));
            out.add(&node, rdfs::LABEL, l);
        }
        out.entity(&node, warta::AGENT, &demander);
        out.entity(&node, warta::ADDRESSEE, &addressee);
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
    Ok(count)
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
