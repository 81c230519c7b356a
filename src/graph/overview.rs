//! The overview of a graph too big to read: its busiest nodes, and one
//! “others” node standing for the rest, so a big store still gets a diagram.

use super::{Collector, NodeKind, ViewGraph};
use std::collections::BTreeMap;

/// Nodes an overview keeps, besides the “others” node.
pub const OVERVIEW_NODES: usize = 30;

/// The id of the node that stands for the nodes an overview leaves out.
pub const OTHERS_ID: &str = "warta:others";

/// The `n` nodes with the most edges (ties: by id, so the choice is stable) and
/// an “others” node taking the edges of the rest, parallel edges merged. Returns
/// the graph and how many nodes the “others” node stands for.
pub fn overview(g: &ViewGraph, n: usize) -> (ViewGraph, usize) {
    if g.node_count() <= n {
        return (g.clone(), 0);
    }
    let keep = super::busiest(g, n);
    let hidden = g.node_count() - keep.len();
    let mut c = Collector::default();
    for &i in &keep {
        let node = &g[i];
        c.node(node.id.clone(), node.label.clone(), node.kind, node.date.clone());
    }
    c.node(OTHERS_ID.to_string(), format!("{hidden} others\n(grey lines)"), NodeKind::Other, None);
    let name = |i| if keep.contains(&i) { g[i].id.as_str() } else { OTHERS_ID };
    // Edges between two left-out nodes say nothing about the kept ones.
    let mut edges: BTreeMap<(&str, &str, super::EdgeKind), Vec<&str>> = BTreeMap::new();
    for e in g.edge_indices() {
        let Some((a, b)) = g.edge_endpoints(e) else { continue };
        if !keep.contains(&a) && !keep.contains(&b) {
            continue;
        }
        let w = &g[e];
        edges.entry((name(a), name(b), w.kind)).or_default().extend(w.labels.iter().map(String::as_str));
    }
    for ((a, b, kind), labels) in edges {
        c.edge(a, b, kind, "");
        for l in labels {
            c.edge(a, b, kind, l);
        }
    }
    (c.finish(), hidden)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, EdgeKind, Node};
    use petgraph::Direction;

    #[test]
    fn the_rest_becomes_one_others_node() {
        let mut g = ViewGraph::new();
        let n = |id: &str| Node { id: id.into(), label: id.into(), kind: NodeKind::Country, date: None };
        let hub = g.add_node(n("hub"));
        let leaves: Vec<_> = ["a", "b", "c", "d"].iter().map(|id| g.add_node(n(id))).collect();
        for (k, &l) in leaves.iter().enumerate() {
            g.add_edge(hub, l, Edge { kind: EdgeKind::Demand, labels: vec![format!("act {k}")] });
        }
        g.add_edge(leaves[0], leaves[1], Edge { kind: EdgeKind::Rejection, labels: vec![] });
        let (o, hidden) = overview(&g, 3);
        assert_eq!(hidden, 2);
        let ids: Vec<_> = o.node_weights().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "hub", OTHERS_ID]);
        let others = o.node_indices().find(|&i| o[i].id == OTHERS_ID).expect("others");
        assert_eq!(o[others].label, "2 others\n(grey lines)");
        let into_others: Vec<_> = o.edges_directed(others, Direction::Incoming).map(|e| e.weight().labels.clone()).collect();
        assert_eq!(into_others, vec![vec!["act 2".to_string(), "act 3".to_string()]], "hub's demands of c and d, merged");
        assert_eq!(overview(&g, 10).1, 0);
    }
}
