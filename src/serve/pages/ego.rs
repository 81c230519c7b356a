//! The ego diagram of an entity page, drawn from the rows the page has read
//! already (one page of each list), so it costs no scan of the store however
//! many articles it holds; drawn with the same DOT writer as `render --focus`.

use super::data::Names;
use crate::graph::{Drawn, Edge, EdgeKind, Node, NodeKind, ViewGraph};
use crate::store::{text, Row};
use oxigraph::store::Store;
use std::collections::BTreeMap;

/// Nodes and edges gathered before the graph is built in sorted order.
pub struct Ego<'a> {
    names: &'a Names,
    store: &'a Store,
    centre: String,
    nodes: BTreeMap<String, Node>,
    edges: BTreeMap<(String, String, EdgeKind), Vec<String>>,
}

impl<'a> Ego<'a> {
    pub fn new(names: &'a Names, store: &'a Store, centre: &str) -> Ego<'a> {
        let mut e = Ego { names, store, centre: centre.to_string(), nodes: BTreeMap::new(), edges: BTreeMap::new() };
        e.entity(centre);
        e
    }

    fn entity(&mut self, iri: &str) {
        if iri.is_empty() || self.nodes.contains_key(iri) {
            return;
        }
        let (label, kind) = match self.names.get(self.store).get(iri) {
            Some(e) => (e.name(), e.kind),
            None => (super::data::short(iri), NodeKind::Other),
        };
        self.nodes.insert(iri.to_string(), Node { id: iri.to_string(), label, kind, date: None });
    }

    fn edge(&mut self, from: &str, to: &str, kind: EdgeKind, label: &str) {
        if from.is_empty() || to.is_empty() {
            return;
        }
        self.entity(from);
        self.entity(to);
        let labels = self.edges.entry((from.to_string(), to.to_string(), kind)).or_default();
        if !label.is_empty() && !labels.iter().any(|l| l == label) {
            labels.push(label.to_string());
        }
    }

    /// Demands: rows of `?a ?l ?to`; `made` says whether the centre is the demander.
    pub fn demands(&mut self, rows: &[Row], made: bool) {
        for r in rows {
            let (other, label) = (text(r, "to"), text(r, "l"));
            let centre = self.centre.clone();
            if made {
                self.edge(&centre, &other, EdgeKind::Demand, &label);
            } else {
                self.edge(&other, &centre, EdgeKind::Demand, &label);
            }
        }
    }

    /// Rejections: rows of `?who` (the other side) — by the centre when `by_centre`.
    pub fn rejections(&mut self, rows: &[Row], by_centre: bool) {
        for r in rows {
            let centre = self.centre.clone();
            if by_centre {
                let target = if text(r, "l").is_empty() { text(r, "x") } else { text(r, "who") };
                self.edge(&centre, &target, EdgeKind::Rejection, "");
            } else {
                self.edge(&text(r, "who"), &centre, EdgeKind::Rejection, "");
            }
        }
    }

    /// Meetings (`?m ?city ?dates`) with their participants.
    pub fn meetings(&mut self, rows: &[Row], participants: &BTreeMap<String, Vec<String>>) {
        for r in rows {
            let (m, dates) = (text(r, "m"), text(r, "dates"));
            let city = self.names.label(self.store, &text(r, "city"));
            let date = dates.split(" / ").next().map(str::to_string).filter(|d| !d.is_empty());
            let label = if dates.is_empty() { city } else { format!("{city}\n{dates}") };
            self.nodes.insert(m.clone(), Node { id: m.clone(), label, kind: NodeKind::Meeting, date });
            for p in participants.get(&m).into_iter().flatten() {
                self.edge(p, &m, EdgeKind::Participant, "");
            }
        }
    }

    /// Roles: `?holder` speaks for `?side`.
    pub fn roles(&mut self, rows: &[Row]) {
        for r in rows {
            self.edge(&text(r, "holder"), &text(r, "side"), EdgeKind::Represents, "");
        }
    }

    /// Region statuses: `?region` to `?side`, the edge kind from the status.
    pub fn statuses(&mut self, rows: &[Row]) {
        for r in rows {
            let status = text(r, "status");
            let kind = if status.ends_with("ForeignMilitaryPresence") {
                EdgeKind::Forces
            } else if status.ends_with("Contested") || status.ends_with("Breakaway") {
                EdgeKind::ClaimedBy
            } else {
                EdgeKind::ControlledBy
            };
            self.edge(&text(r, "region"), &text(r, "side"), kind, "");
        }
    }

    pub fn finish(self) -> Drawn {
        let mut g = ViewGraph::new();
        let mut idx = BTreeMap::new();
        let label = self.nodes.get(&self.centre).map(|n| n.label.clone()).unwrap_or_default();
        for (id, n) in self.nodes {
            idx.insert(id, g.add_node(n));
        }
        for ((a, b, kind), mut labels) in self.edges {
            labels.sort();
            if let (Some(&x), Some(&y)) = (idx.get(&a), idx.get(&b)) {
                g.add_edge(x, y, Edge { kind, labels });
            }
        }
        Drawn { graph: g, lang: "en".into(), focus: Some((self.centre, label)) }
    }
}
