//! Views of the store as petgraph graphs: demands (with rejections), meetings,
//! regions, the neighbourhood of one entity, or any CONSTRUCT query; the node
//! and edge model they share, and trimming big graphs to their busiest nodes.

mod ego;
mod overview;
mod source;
mod views;

use crate::error::Result;
use oxigraph::store::Store;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::Direction;
use std::collections::{BTreeMap, HashMap, HashSet};

pub use overview::{overview, OTHERS_ID, OVERVIEW_NODES};
pub use source::Filter;
use source::Source;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum View {
    /// Who demands what of whom, with rejections.
    Demands,
    /// Meetings (city and date) and their participants; with --timeline, one lane per side over time.
    Meetings,
    /// A side × side matrix: how many meetings each pair of sides shared.
    WhoMetWhom,
    /// Disputed regions and the sides that control or claim them.
    Regions,
    /// Everything within --depth hops of the --focus entity.
    Ego,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::Demands => "demands",
            View::Meetings => "meetings",
            View::WhoMetWhom => "who-met-whom",
            View::Regions => "regions",
            View::Ego => "ego",
        }
    }
    pub fn title(self) -> &'static str {
        match self {
            View::Demands => "Who demands what of whom",
            View::Meetings => "Meetings: where, when, who",
            View::WhoMetWhom => "Who met whom: meetings shared by each pair of sides",
            View::Regions => "Disputed regions",
            View::Ego => "Relations",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Country,
    Organization,
    Group,
    Person,
    City,
    Region,
    Meeting,
    /// A literal value drawn by a user's CONSTRUCT query.
    Literal,
    Other,
}

impl NodeKind {
    /// The kind of an `rdf:type` IRI, if it is one of the entity classes.
    pub fn from_type(t: &str) -> Option<Self> {
        use crate::vocab::warta;
        Some(match oxigraph::model::NamedNodeRef::new_unchecked(t) {
            warta::COUNTRY => Self::Country,
            warta::ORGANIZATION => Self::Organization,
            warta::PERSON => Self::Person,
            warta::GROUP => Self::Group,
            warta::CITY => Self::City,
            warta::REGION => Self::Region,
            warta::MEETING => Self::Meeting,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Stable identity (the IRI), used to sort and to name the node in DOT.
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
    /// The date of a meeting (YYYY-MM-DD), for timelines.
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeKind {
    Demand,
    Rejection,
    Participant,
    ControlledBy,
    Forces,
    ClaimedBy,
    Represents,
    /// An edge of a user's CONSTRUCT query; its labels are the predicates.
    Predicate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub kind: EdgeKind,
    /// One line per fact the edge stands for (e.g. each demanded action).
    pub labels: Vec<String>,
}

pub type ViewGraph = DiGraph<Node, Edge>;

/// A user's CONSTRUCT query: where it came from (for errors) and its text.
#[derive(Debug, Clone)]
pub struct UserQuery {
    pub origin: String,
    pub text: String,
}

/// What to draw: a view or a user query, narrowed by filters.
#[derive(Debug, Clone)]
pub struct Request {
    pub view: View,
    /// `--query`: draw this CONSTRUCT query instead of `view`.
    pub query: Option<UserQuery>,
    /// The entity at the centre of the ego view, as the user typed it.
    pub focus: Option<String>,
    pub depth: usize,
    pub filter: Filter,
    /// Label language; `None` means the language of the articles.
    pub lang: Option<String>,
    /// Keep only the N most connected nodes.
    pub top: Option<usize>,
}

impl Request {
    pub fn view(view: View) -> Self {
        Request { view, query: None, focus: None, depth: 1, filter: Filter::default(), lang: None, top: None }
    }
}

/// A view graph and what the diagram should say about it.
#[derive(Debug)]
pub struct Drawn {
    pub graph: ViewGraph,
    /// The label language used.
    pub lang: String,
    /// The focus entity of the ego view: its node id and label.
    pub focus: Option<(String, String)>,
}

/// Builds one standard view with no filters (labels in the articles' language).
pub fn build(store: &Store, view: View) -> Result<ViewGraph> {
    Ok(draw(store, &Request::view(view))?.graph)
}

/// Builds the graph a request asks for.
pub fn draw(store: &Store, req: &Request) -> Result<Drawn> {
    let src = source::Source::open(store, &req.filter, req.lang.as_deref(), req.query.is_some())?;
    let mut focus = None;
    let graph = if let Some(q) = &req.query {
        views::construct(&src, q)?
    } else {
        match req.view {
            View::Demands => views::demands(&src)?.finish(),
            View::Meetings | View::WhoMetWhom => views::meetings(&src)?.finish(),
            View::Regions => views::regions(&src)?.finish(),
            View::Ego => {
                let (g, centre) = ego::build(&src, req.focus.as_deref().unwrap_or(""), req.depth)?;
                focus = Some(centre);
                g
            }
        }
    };
    let graph = match req.top {
        Some(n) => keep_top(&graph, n),
        None => graph,
    };
    Ok(Drawn { graph, lang: src.lang().to_string(), focus })
}

/// Gathers nodes and edges (merging parallel edges of one kind), then builds the
/// petgraph graph in sorted order so that indices, and so the DOT, are deterministic.
#[derive(Default)]
struct Collector {
    nodes: BTreeMap<String, Node>,
    edges: BTreeMap<(String, String, EdgeKind), Vec<String>>,
}

impl Collector {
    /// Adds a node unless one with this id is there already.
    pub fn node(&mut self, id: String, label: String, kind: NodeKind, date: Option<String>) {
        self.nodes.entry(id.clone()).or_insert(Node { id, label, kind, date });
    }

    /// Adds an entity, labelled and typed from the store.
    pub fn entity(&mut self, src: &Source, iri: &str) {
        if !self.nodes.contains_key(iri) {
            let (label, kind) = src.entity(iri);
            self.node(iri.to_string(), label, kind, None);
        }
    }

    /// Adds an edge of `kind`, or one more label on the edge already there.
    pub fn edge(&mut self, from: &str, to: &str, kind: EdgeKind, label: &str) {
        let labels = self.edges.entry((from.to_string(), to.to_string(), kind)).or_default();
        let label = label.trim();
        if !label.is_empty() && !labels.iter().any(|l| l == label) {
            labels.push(label.to_string());
            labels.sort_by(|a, b| label_order(a).cmp(&label_order(b)));
        }
    }

    pub fn has_node(&self, id: &str) -> bool {
        self.nodes.contains_key(id)
    }

    /// Takes in another collector's nodes and edges.
    pub fn merge(&mut self, other: Collector) {
        for (id, n) in other.nodes {
            self.nodes.entry(id).or_insert(n);
        }
        for ((a, b, kind), labels) in other.edges {
            self.edge(&a, &b, kind, "");
            for l in &labels {
                self.edge(&a, &b, kind, l);
            }
        }
    }

    pub fn finish(self) -> ViewGraph {
        let mut g = ViewGraph::new();
        let mut idx: HashMap<String, NodeIndex> = HashMap::new();
        for (id, n) in self.nodes {
            idx.insert(id, g.add_node(n));
        }
        for ((a, b, kind), labels) in self.edges {
            if let (Some(&x), Some(&y)) = (idx.get(&a), idx.get(&b)) {
                g.add_edge(x, y, Edge { kind, labels });
            }
        }
        g
    }
}

/// Body-text phrasings ("menghentikan …") before headline ones ("Setop Uji
/// Rudal"), which say the same in fewer words; then alphabetical.
fn label_order(l: &str) -> (bool, &str) {
    (l.chars().next().is_some_and(char::is_uppercase), l)
}

/// Diagrams with more nodes than this are drawn as an overview unless forced.
pub const MAX_READABLE_NODES: usize = 80;

/// The `n` nodes with the most edges (ties: by id, so the choice is stable).
pub(crate) fn busiest(g: &ViewGraph, n: usize) -> HashSet<NodeIndex> {
    let mut ranked: Vec<_> = g
        .node_indices()
        .map(|i| {
            let degree = g.edges_directed(i, Direction::Outgoing).count() + g.edges_directed(i, Direction::Incoming).count();
            (std::cmp::Reverse(degree), &g[i].id, i)
        })
        .collect();
    ranked.sort();
    ranked.into_iter().take(n).map(|(_, _, i)| i).collect()
}

/// The subgraph of the `n` nodes with the most edges (ties: by id, so the
/// choice is stable), with the edges among them.
pub fn keep_top(g: &ViewGraph, n: usize) -> ViewGraph {
    if g.node_count() <= n {
        return g.clone();
    }
    let keep = busiest(g, n);
    g.filter_map(|i, node| keep.contains(&i).then(|| node.clone()), |_, e| Some(e.clone()))
}

/// A test graph: countries A, B, C (ids a, b, c) and meetings in Geneva (2022-01-10)
/// and Paris (2022-01-20); `attended` pairs a side (0–2) with a meeting (0–1).
#[cfg(test)]
pub(crate) fn three_sides_two_meetings(attended: &[(usize, usize)]) -> ViewGraph {
    let mut g = ViewGraph::new();
    let side = |id: &str| Node { id: id.into(), label: id.to_uppercase(), kind: NodeKind::Country, date: None };
    let sides = ["a", "b", "c"].map(|id| g.add_node(side(id)));
    let meeting =
        |label: &str, date: &str| Node { id: label.into(), label: label.into(), kind: NodeKind::Meeting, date: Some(date.into()) };
    let meetings = [("Geneva\n2022-01-10", "2022-01-10"), ("Paris\n2022-01-20", "2022-01-20")].map(|(l, d)| g.add_node(meeting(l, d)));
    for &(s, m) in attended {
        g.add_edge(sides[s], meetings[m], Edge { kind: EdgeKind::Participant, labels: vec![] });
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_classes_have_node_kinds() {
        assert_eq!(NodeKind::from_type(crate::vocab::warta::PERSON.as_str()), Some(NodeKind::Person));
        assert_eq!(NodeKind::from_type("https://w3id.org/warta/ontology#Action"), None);
        assert_eq!(NodeKind::from_type("http://example.org/Person"), None);
    }

    #[test]
    fn parallel_edges_merge_with_sorted_labels() {
        let mut c = Collector::default();
        c.node("b".into(), "B".into(), NodeKind::Country, None);
        c.node("a".into(), "A".into(), NodeKind::Country, None);
        c.edge("a", "b", EdgeKind::Demand, "Setop Uji Rudal");
        c.edge("a", "b", EdgeKind::Demand, "menghentikan uji rudal");
        c.edge("a", "b", EdgeKind::Demand, "menghentikan uji rudal");
        c.edge("a", "b", EdgeKind::Rejection, "");
        let g = c.finish();
        assert_eq!(g.node_count(), 2);
        assert_eq!(g[NodeIndex::new(0)].id, "a");
        let labels: Vec<_> = g.edge_weights().map(|e| e.labels.clone()).collect();
        assert_eq!(labels, vec![vec!["menghentikan uji rudal".to_string(), "Setop Uji Rudal".to_string()], vec![]]);
    }

    #[test]
    fn top_keeps_the_hub_and_its_busiest_neighbours() {
        let mut g = ViewGraph::new();
        let n = |id: &str| Node { id: id.into(), label: id.into(), kind: NodeKind::Country, date: None };
        let hub = g.add_node(n("hub"));
        let leaves: Vec<_> = ["a", "b", "c"].iter().map(|id| g.add_node(n(id))).collect();
        for &l in &leaves {
            g.add_edge(hub, l, Edge { kind: EdgeKind::Demand, labels: vec![] });
        }
        g.add_edge(leaves[2], leaves[1], Edge { kind: EdgeKind::Rejection, labels: vec![] });
        let top = keep_top(&g, 3);
        let ids: Vec<_> = top.node_weights().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["hub", "b", "c"]);
        assert_eq!(top.edge_count(), 3);
    }
}
