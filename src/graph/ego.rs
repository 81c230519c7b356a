//! The ego view: every relation of every view, kept within N hops of one
//! entity, found by its label or alternative name in any case.

use super::source::{text, Source};
use super::{views, ViewGraph};
use crate::error::{Result, WartaError};
use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, HashMap, VecDeque};

/// The graph within `depth` hops of the entity named `focus`, and that entity's id and label.
pub fn build(src: &Source, focus: &str, depth: usize) -> Result<(ViewGraph, (String, String))> {
    let iri = resolve(src, focus)?;
    let mut all = views::demands(src)?;
    all.merge(views::meetings(src)?);
    all.merge(views::regions(src)?);
    all.merge(views::roles(src)?);
    if !all.has_node(&iri) {
        all.entity(src, &iri);
    }
    let g = all.finish();
    let Some(centre) = g.node_indices().find(|&i| g[i].id == iri) else {
        return Err(WartaError::Other(format!("{focus}: the entity is not in the graph")));
    };
    let label = g[centre].label.replace('\n', " ");
    let hops = distances(&g, centre, depth);
    Ok((g.filter_map(|i, n| hops.contains_key(&i).then(|| n.clone()), |_, e| Some(e.clone())), (iri, label)))
}

/// Hops from `centre` to every node within `depth`, edges taken in either direction.
fn distances(g: &ViewGraph, centre: NodeIndex, depth: usize) -> HashMap<NodeIndex, usize> {
    let mut seen = HashMap::from([(centre, 0)]);
    let mut queue = VecDeque::from([centre]);
    while let Some(n) = queue.pop_front() {
        let d = seen[&n];
        if d == depth {
            continue;
        }
        for m in g.neighbors_undirected(n) {
            if let std::collections::hash_map::Entry::Vacant(slot) = seen.entry(m) {
                slot.insert(d + 1);
                queue.push_back(m);
            }
        }
    }
    seen
}

/// The IRI of the entity the user means: an exact (any case) label,
/// alternative name or IRI; otherwise an error listing close matches.
fn resolve(src: &Source, focus: &str) -> Result<String> {
    let q = "SELECT DISTINCT ?e ?name WHERE { ?e a ?t . \
             FILTER(?t IN (warta:Country, warta:Organization, warta:Person, warta:Group, warta:City, warta:Region)) \
             { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } }";
    let mut names: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in src.select(q)? {
        names.entry(text(&r, "e")).or_default().push(text(&r, "name"));
    }
    let want = fold(focus);
    if want.is_empty() {
        return Err(WartaError::Other("--view ego needs --focus NAME, e.g. --focus Russia --depth 2".into()));
    }
    let exact: Vec<&String> =
        names.iter().filter(|(iri, ns)| fold(iri) == want || ns.iter().any(|n| fold(n) == want)).map(|(iri, _)| iri).collect();
    match exact.as_slice() {
        [one] => return Ok((*one).clone()),
        [] => {}
        many => {
            let list: Vec<String> = many.iter().map(|iri| format!("  {} ({iri})", src.entity(iri).0)).collect();
            return Err(WartaError::Other(format!(
                "--focus {focus:?} names {} entities; give the label or IRI of one:\n{}",
                many.len(),
                list.join("\n")
            )));
        }
    }
    let mut close: Vec<(usize, String)> = names
        .iter()
        .filter_map(|(iri, ns)| {
            let best = ns.iter().map(|n| closeness(&want, &fold(n))).min()?;
            (best <= (want.chars().count() / 3).max(2)).then(|| (best, src.entity(iri).0))
        })
        .collect();
    close.sort();
    close.dedup_by(|a, b| a.1 == b.1);
    let hint = if close.is_empty() {
        "no close matches; `warta query demands` lists the actors".to_string()
    } else {
        let list: Vec<&str> = close.iter().take(8).map(|(_, l)| l.as_str()).collect();
        format!("did you mean: {}?", list.join(", "))
    };
    Err(WartaError::Other(format!("--focus {focus:?}: no entity has this name in the store; {hint}")))
}

fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Edit distance, with names that contain the query (or the other way round) counted as close.
fn closeness(want: &str, name: &str) -> usize {
    if want.chars().count() >= 4 && (name.contains(want) || (want.contains(name) && name.chars().count() >= 4)) {
        return 1;
    }
    levenshtein(want, name)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("rusia", "russia"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("nato", "nato"), 0);
        assert_eq!(closeness("korea", "north korea"), 1);
    }

    #[test]
    fn hops_follow_edges_both_ways() {
        use super::super::{Edge, EdgeKind, Node, NodeKind};
        let mut g = ViewGraph::new();
        let n = |id: &str| Node { id: id.into(), label: id.into(), kind: NodeKind::Country, date: None };
        let (a, b, c) = (g.add_node(n("a")), g.add_node(n("b")), g.add_node(n("c")));
        let e = || Edge { kind: EdgeKind::Demand, labels: vec![] };
        g.add_edge(b, a, e());
        g.add_edge(b, c, e());
        assert_eq!(distances(&g, a, 1).len(), 2);
        assert_eq!(distances(&g, a, 2).get(&c), Some(&2));
    }
}
