//! Merging meetings: reports of one meeting (same city, overlapping sides or
//! one side list empty, dates within three days or missing, from different
//! articles) become one `warta:Meeting` with every date, side, source and
//! evidence mention.

use super::{iri, merged_iri, Facts, Quads};
use crate::error::Result;
use crate::vocab::{prov, rdf, warta, xsd};
use chrono::NaiveDate;
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Term};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Reports of one meeting further apart than this are two meetings.
const MAX_DAYS_APART: i64 = 3;

/// One article's meeting node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportedMeeting {
    pub node: NamedNode,
    pub graph: NamedNode,
    pub city: NamedNode,
    pub date: Option<NaiveDate>,
    pub participants: BTreeSet<NamedNode>,
    /// The participants' sides (a person stands for the side they represent).
    pub sides: BTreeSet<NamedNode>,
    /// The mentions the article's node cites.
    pub evidence: BTreeSet<NamedNode>,
}

/// One meeting as several articles report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedMeeting {
    pub iri: NamedNode,
    pub city: NamedNode,
    pub dates: BTreeSet<NaiveDate>,
    pub participants: BTreeSet<NamedNode>,
    pub sources: BTreeSet<NamedNode>,
    pub evidence: BTreeSet<NamedNode>,
}

/// People's sides, from every article: a person stands for the sides they represent.
pub type Sides = HashMap<NamedNode, BTreeSet<NamedNode>>;

pub fn read_sides(facts: &Facts) -> Result<Sides> {
    let mut sides = Sides::new();
    for r in facts.select("DISTINCT ?p ?s", "?p warta:represents ?s")? {
        if let (Some(p), Some(s)) = (iri(&r, "p"), iri(&r, "s")) {
            sides.entry(p).or_default().insert(s);
        }
    }
    Ok(sides)
}

/// The cities of every meeting some of `people` took part in.
pub fn cities_of(facts: &Facts, people: &BTreeSet<NamedNode>) -> Result<BTreeSet<NamedNode>> {
    let mut cities = BTreeSet::new();
    for p in people {
        let rows = facts.select("DISTINCT ?c", &format!("?m warta:participant {p} ; warta:heldIn ?c ."))?;
        cities.extend(rows.iter().filter_map(|r| iri(r, "c")));
    }
    Ok(cities)
}

/// Every city some meeting was held in.
pub fn all_cities(facts: &Facts) -> Result<Vec<NamedNode>> {
    Ok(facts.select("DISTINCT ?c", "?m a warta:Meeting ; warta:heldIn ?c")?.iter().filter_map(|r| iri(r, "c")).collect())
}

/// Reads the meetings held in `city` (each city's meetings merge apart from
/// every other's), clusters them and writes the merged ones.
pub fn merge(facts: &Facts, sides: &Sides, city: &NamedNode, out: &mut Quads) -> Result<Vec<MergedMeeting>> {
    let merged = cluster(read(facts, sides, city)?);
    for m in &merged {
        out.add(&m.iri, rdf::TYPE, warta::MEETING);
        out.entity(&m.iri, warta::HELD_IN, &m.city);
        for d in &m.dates {
            out.add(&m.iri, warta::DATE, Literal::new_typed_literal(d.to_string(), xsd::DATE));
        }
        for p in &m.participants {
            out.entity(&m.iri, warta::PARTICIPANT, p);
        }
        for s in &m.sources {
            out.add(&m.iri, prov::WAS_DERIVED_FROM, s.clone());
        }
        for e in &m.evidence {
            out.add(&m.iri, warta::EVIDENCE, e.clone());
        }
        if m.dates.len() > 1 {
            out.add(&m.iri, warta::DATE_CONFLICT, Literal::new_typed_literal("true", xsd::BOOLEAN));
        }
    }
    Ok(merged)
}

/// The meetings of the article graphs held in `city`, read straight from the
/// store's indexes (city → meeting nodes → their statements).
fn read(facts: &Facts, sides: &Sides, city: &NamedNode) -> Result<Vec<ReportedMeeting>> {
    let store = &facts.store.store;
    let err = |e| facts.store.error(e);
    let mut by_node: BTreeMap<NamedNode, ReportedMeeting> = BTreeMap::new();
    for q in store.quads_for_pattern(None, Some(warta::HELD_IN), Some(city.as_ref().into()), None) {
        let q = q.map_err(err)?;
        let (NamedOrBlankNode::NamedNode(node), GraphName::NamedNode(graph)) = (q.subject, q.graph_name) else {
            continue;
        };
        if crate::store::is_derived_graph(graph.as_str()) || by_node.contains_key(&node) {
            continue;
        }
        let mut m = ReportedMeeting {
            node: node.clone(),
            graph: graph.clone(),
            city: city.clone(),
            date: None,
            participants: BTreeSet::new(),
            sides: BTreeSet::new(),
            evidence: BTreeSet::new(),
        };
        let mut is_meeting = false;
        for q in store.quads_for_pattern(Some(node.as_ref().into()), None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
            let q = q.map_err(err)?;
            match (q.predicate.as_ref(), q.object) {
                (rdf::TYPE, Term::NamedNode(t)) => is_meeting |= t == warta::MEETING,
                // Two dates on one node cannot come from the extractor; keep the earliest.
                (warta::DATE, Term::Literal(l)) => {
                    if let Ok(d) = NaiveDate::parse_from_str(l.value(), "%Y-%m-%d") {
                        m.date = Some(m.date.map_or(d, |old| old.min(d)));
                    }
                }
                (warta::PARTICIPANT, Term::NamedNode(p)) => {
                    match sides.get(&p) {
                        Some(s) => m.sides.extend(s.iter().cloned()),
                        None => {
                            m.sides.insert(p.clone());
                        }
                    }
                    m.participants.insert(p);
                }
                (warta::EVIDENCE, Term::NamedNode(e)) => {
                    m.evidence.insert(e);
                }
                _ => {}
            }
        }
        if is_meeting {
            by_node.insert(node, m);
        }
    }
    Ok(by_node.into_values().collect())
}

/// Groups reports of the same meeting. Reports are taken in an order fixed by
/// their content (dated before undated, then city, sides and node IRI); each
/// joins the first group whose every member it matches, so a chain of
/// near-dates cannot glue different meetings together, and the result does
/// not depend on the order of the input.
///
/// Only groups that can match are tried: those of the report's city and, for a
/// dated report, those founded at most `MAX_DAYS_APART` days before it (dated
/// reports come in date order, so a group's founder has its earliest date);
/// for an undated one with sides, those holding one of its sides or none at all.
pub fn cluster(mut reports: Vec<ReportedMeeting>) -> Vec<MergedMeeting> {
    reports.sort_by(|a, b| {
        (a.date.is_none(), a.date, &a.city, &a.sides, &a.node).cmp(&(b.date.is_none(), b.date, &b.city, &b.sides, &b.node))
    });
    let mut groups: Vec<Vec<ReportedMeeting>> = Vec::new();
    let mut founded: Vec<Option<NaiveDate>> = Vec::new();
    let mut has_sides: Vec<bool> = Vec::new();
    // Per city: its groups in creation order, and per side the groups holding it.
    let mut by_city: HashMap<NamedNode, Vec<usize>> = HashMap::new();
    let mut by_side: HashMap<(NamedNode, NamedNode), Vec<usize>> = HashMap::new();
    for r in reports {
        let city_groups = by_city.entry(r.city.clone()).or_default();
        let matches = |g: &usize| groups[*g].iter().all(|m| same_meeting(m, &r));
        let found = match r.date {
            Some(d) => {
                let first = city_groups.partition_point(|g| founded[*g].is_some_and(|f| (d - f).num_days() > MAX_DAYS_APART));
                city_groups[first..].iter().copied().find(|g| matches(g))
            }
            None if r.sides.is_empty() => city_groups.iter().copied().find(|g| matches(g)),
            None => {
                let mut candidates: Vec<usize> = city_groups.iter().copied().filter(|g| !has_sides[*g]).collect();
                for side in &r.sides {
                    candidates.extend(by_side.get(&(r.city.clone(), side.clone())).into_iter().flatten().copied());
                }
                candidates.sort_unstable();
                candidates.dedup();
                candidates.into_iter().find(|g| matches(g))
            }
        };
        let g = found.unwrap_or_else(|| {
            groups.push(Vec::new());
            founded.push(r.date);
            has_sides.push(false);
            city_groups.push(groups.len() - 1);
            groups.len() - 1
        });
        for side in &r.sides {
            if !groups[g].iter().any(|m| m.sides.contains(side)) {
                by_side.entry((r.city.clone(), side.clone())).or_default().push(g);
            }
        }
        has_sides[g] |= !r.sides.is_empty();
        groups[g].push(r);
    }
    let mut merged: Vec<MergedMeeting> = groups.into_iter().map(merged_meeting).collect();
    // Two meetings alike in city, sides and first date (one article telling of
    // two undated talks, say) keep apart: their IRIs also hash a source.
    let mut count: BTreeMap<NamedNode, usize> = BTreeMap::new();
    for m in &merged {
        *count.entry(m.iri.clone()).or_default() += 1;
    }
    for m in merged.iter_mut().filter(|m| count[&m.iri] > 1) {
        let first = m.sources.first().map(NamedNode::as_str).unwrap_or_default();
        m.iri = merged_iri("meeting", &[m.iri.as_str(), first]);
    }
    merged.sort_by(|a, b| a.iri.cmp(&b.iri));
    merged
}

/// Could two reports be of one meeting?
fn same_meeting(a: &ReportedMeeting, b: &ReportedMeeting) -> bool {
    let sides = a.sides.is_empty() || b.sides.is_empty() || a.sides.intersection(&b.sides).next().is_some();
    let dates = match (a.date, b.date) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= MAX_DAYS_APART,
        _ => true,
    };
    // One article telling of two meetings in one city means two meetings.
    a.city == b.city && a.graph != b.graph && sides && dates
}

fn merged_meeting(group: Vec<ReportedMeeting>) -> MergedMeeting {
    let city = group[0].city.clone();
    let dates: BTreeSet<NaiveDate> = group.iter().filter_map(|m| m.date).collect();
    let participants: BTreeSet<NamedNode> = group.iter().flat_map(|m| m.participants.iter().cloned()).collect();
    let sources: BTreeSet<NamedNode> = group.iter().map(|m| m.node.clone()).collect();
    let evidence: BTreeSet<NamedNode> = group.iter().flat_map(|m| m.evidence.iter().cloned()).collect();
    let earliest = dates.first().map(|d| d.to_string()).unwrap_or_default();
    let mut parts: Vec<&str> = vec![city.as_str()];
    parts.extend(participants.iter().map(NamedNode::as_str));
    parts.push(&earliest);
    MergedMeeting { iri: merged_iri("meeting", &parts), city, dates, participants, sources, evidence }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> NamedNode {
        crate::rdf::wid_iri(s)
    }

    fn report(node: &str, graph: &str, city: &str, date: Option<&str>, sides: &[&str]) -> ReportedMeeting {
        let set: BTreeSet<NamedNode> = sides.iter().map(|s| n(&format!("entity/{s}"))).collect();
        ReportedMeeting {
            node: n(&format!("meeting/{node}")),
            graph: n(&format!("graph/{graph}")),
            city: n(&format!("entity/{city}")),
            date: date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            participants: set.clone(),
            sides: set,
            evidence: BTreeSet::new(),
        }
    }

    fn sample() -> Vec<ReportedMeeting> {
        vec![
            report("a", "g1", "Brussels", Some("2022-01-12"), &["Russia", "NATO"]),
            report("b", "g2", "Brussels", Some("2022-01-13"), &["Russia", "NATO"]),
            report("c", "g3", "Brussels", None, &[]),
            report("d", "g2", "Brussels", Some("2022-01-20"), &["Russia", "NATO"]),
            report("e", "g1", "Geneva", Some("2022-01-10"), &["Russia", "US"]),
            report("f", "g3", "Geneva", Some("2022-01-10"), &["Kosovo", "Serbia"]),
        ]
    }

    #[test]
    fn one_meeting_with_both_dates() {
        let merged = cluster(sample());
        let brussels: Vec<_> = merged.iter().filter(|m| m.sources.contains(&n("meeting/a"))).collect();
        assert_eq!(brussels.len(), 1);
        let m = brussels[0];
        assert_eq!(m.dates.len(), 2, "{m:?}");
        assert!(m.sources.contains(&n("meeting/b")) && m.sources.contains(&n("meeting/c")), "undated, sideless report joins: {m:?}");
        assert!(!m.sources.contains(&n("meeting/d")), "a week later is another meeting");
        assert_eq!(merged.len(), 4, "{merged:?}");
    }

    #[test]
    fn disjoint_sides_or_same_article_stay_apart() {
        let merged = cluster(sample());
        assert!(merged.iter().all(|m| !(m.sources.contains(&n("meeting/e")) && m.sources.contains(&n("meeting/f")))));
        let same_article =
            vec![report("x", "g1", "Paris", Some("2022-01-01"), &["France"]), report("y", "g1", "Paris", Some("2022-01-02"), &["France"])];
        assert_eq!(cluster(same_article).len(), 2);
        let undated = vec![report("x", "g1", "Paris", None, &["France"]), report("y", "g1", "Paris", None, &["France"])];
        let apart = cluster(undated);
        assert_eq!(apart.len(), 2);
        assert_ne!(apart[0].iri, apart[1].iri, "alike meetings get distinct IRIs");
    }

    /// The clustering as first written: every report tries every group.
    fn cluster_naive(mut reports: Vec<ReportedMeeting>) -> Vec<Vec<NamedNode>> {
        reports.sort_by(|a, b| {
            (a.date.is_none(), a.date, &a.city, &a.sides, &a.node).cmp(&(b.date.is_none(), b.date, &b.city, &b.sides, &b.node))
        });
        let mut groups: Vec<Vec<ReportedMeeting>> = Vec::new();
        for r in reports {
            match groups.iter_mut().find(|g| g.iter().all(|m| same_meeting(m, &r))) {
                Some(g) => g.push(r),
                None => groups.push(vec![r]),
            }
        }
        let mut out: Vec<Vec<NamedNode>> = groups.into_iter().map(|g| g.into_iter().map(|m| m.node).collect()).collect();
        out.iter_mut().for_each(|g| g.sort());
        out.sort();
        out
    }

    #[test]
    fn indexed_clustering_matches_the_naive_one() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let cities = ["Jakarta", "Geneva", "Brussels"];
        let sides = ["Russia", "NATO", "US", "China", "Indonesia"];
        for round in 0..40 {
            let mut reports = Vec::new();
            for i in 0..(20 + round * 5) {
                let date = (next(4) > 0).then(|| format!("2022-01-{:02}", 1 + next(28)));
                let k = next(3) as usize;
                let chosen: Vec<&str> = (0..k).map(|_| sides[next(sides.len() as u64) as usize]).collect();
                let graph = format!("g{}", next(12));
                reports.push(report(&format!("m{i}"), &graph, cities[next(3) as usize], date.as_deref(), &chosen));
            }
            let naive = cluster_naive(reports.clone());
            let mut fast: Vec<Vec<NamedNode>> = cluster(reports).into_iter().map(|m| m.sources.into_iter().collect()).collect();
            fast.sort();
            assert_eq!(fast, naive, "round {round}");
        }
    }

    #[test]
    fn order_of_input_does_not_matter() {
        let forward = cluster(sample());
        let mut reversed = sample();
        reversed.reverse();
        assert_eq!(cluster(reversed), forward);
        let mut rotated = sample();
        rotated.rotate_left(2);
        assert_eq!(cluster(rotated), forward);
    }
}
