//! Views of the store as petgraph graphs: demands (with rejections), meetings, regions.

use crate::error::{Result, WartaError};
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum View {
    Demands,
    Meetings,
    Regions,
}

impl View {
    pub const ALL: [View; 3] = [View::Demands, View::Meetings, View::Regions];
    pub fn name(self) -> &'static str {
        match self {
            View::Demands => "demands",
            View::Meetings => "meetings",
            View::Regions => "regions",
        }
    }
    pub fn title(self) -> &'static str {
        match self {
            View::Demands => "Who demands what of whom (red dashed: rejections)",
            View::Meetings => "Meetings: where, when, who",
            View::Regions => "Disputed regions",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Country,
    Organization,
    Person,
    Group,
    City,
    Region,
    Meeting,
    Other,
}

impl NodeKind {
    fn from_type(t: &str) -> Self {
        match t.rsplit('#').next().unwrap_or("") {
            "Country" => Self::Country,
            "Organization" => Self::Organization,
            "Person" => Self::Person,
            "Group" => Self::Group,
            "City" => Self::City,
            "Region" => Self::Region,
            "Meeting" => Self::Meeting,
            _ => Self::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Stable identity (the IRI), used to sort and to name the node in DOT.
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeKind {
    Demand,
    Rejection,
    Participant,
    ControlledBy,
    Forces,
    ClaimedBy,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub kind: EdgeKind,
    /// One line per fact the edge stands for (e.g. each demanded action).
    pub labels: Vec<String>,
}

pub type ViewGraph = DiGraph<Node, Edge>;

const PREFIX: &str = "PREFIX warta: <https://w3id.org/warta/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

fn select(store: &Store, query: &str) -> Result<Vec<HashMap<String, Term>>> {
    let text = format!("{PREFIX}{query}");
    let err = |e: String| WartaError::Other(format!("internal view query failed: {e}"));
    let mut prepared = SparqlEvaluator::new().parse_query(&text).map_err(|e| err(e.to_string()))?;
    prepared.dataset_mut().set_default_graph_as_union();
    let QueryResults::Solutions(sols) = prepared.on_store(store).execute().map_err(|e| err(e.to_string()))? else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for s in sols {
        let s = s.map_err(|e| err(e.to_string()))?;
        rows.push(s.iter().map(|(v, t)| (v.as_str().to_string(), t.clone())).collect());
    }
    Ok(rows)
}

fn value(row: &HashMap<String, Term>, k: &str) -> String {
    match row.get(k) {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// Collects nodes and edges (merging parallel edges of one kind), then builds
/// the petgraph graph in sorted order so that indices are deterministic.
#[derive(Default)]
struct Collector {
    nodes: BTreeMap<String, Node>,
    edges: BTreeMap<(String, String, EdgeKind), Vec<String>>,
}

impl Collector {
    fn node(&mut self, id: String, label: String, kind: NodeKind) {
        self.nodes.entry(id.clone()).or_insert(Node { id, label, kind });
    }
    fn edge(&mut self, from: &str, to: &str, kind: EdgeKind, label: String) {
        let labels = self.edges.entry((from.to_string(), to.to_string(), kind)).or_default();
        if !label.is_empty() && !labels.contains(&label) {
            labels.push(label);
            labels.sort();
        }
    }
    fn finish(self) -> ViewGraph {
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

const ACTOR: &str = "?{v} rdfs:label ?{v}L . FILTER(lang(?{v}L) = \"en\") ?{v} a ?{v}T .";

fn actor(v: &str) -> String {
    ACTOR.replace("{v}", v)
}

/// Builds one view from the store.
pub fn build(store: &Store, view: View) -> Result<ViewGraph> {
    let mut c = Collector::default();
    match view {
        View::Demands => {
            let q = format!("SELECT DISTINCT ?a ?aL ?aT ?b ?bL ?bT ?label WHERE {{ ?a warta:demands ?x . ?x warta:addressee ?b ; rdfs:label ?label . {} {} }}", actor("a"), actor("b"));
            for r in select(store, &q)? {
                c.node(value(&r, "a"), value(&r, "aL"), NodeKind::from_type(&value(&r, "aT")));
                c.node(value(&r, "b"), value(&r, "bL"), NodeKind::from_type(&value(&r, "bT")));
                c.edge(&value(&r, "a"), &value(&r, "b"), EdgeKind::Demand, value(&r, "label"));
            }
            let q = format!(
                "SELECT DISTINCT ?a ?aL ?aT ?b ?bL ?bT WHERE {{ ?a warta:rejects ?t . {{ ?b warta:demands ?t }} UNION {{ ?t a ?tt . FILTER(?tt != warta:Action) BIND(?t AS ?b) }} {} {} }}",
                actor("a"),
                actor("b")
            );
            for r in select(store, &q)? {
                c.node(value(&r, "a"), value(&r, "aL"), NodeKind::from_type(&value(&r, "aT")));
                c.node(value(&r, "b"), value(&r, "bL"), NodeKind::from_type(&value(&r, "bT")));
                c.edge(&value(&r, "a"), &value(&r, "b"), EdgeKind::Rejection, "rejects".into());
            }
        }
        View::Meetings => {
            let q = format!(
                "SELECT DISTINCT ?m ?cL ?date ?a ?aL ?aT WHERE {{ ?m a warta:Meeting ; warta:heldIn ?c . ?c rdfs:label ?cL . FILTER(lang(?cL) = \"en\") OPTIONAL {{ ?m warta:date ?date }} OPTIONAL {{ ?m warta:participant ?a . {} }} }}",
                actor("a")
            );
            for r in select(store, &q)? {
                let date = value(&r, "date");
                let label = if date.is_empty() { value(&r, "cL") } else { format!("{}\n{}", value(&r, "cL"), date) };
                // One node per city and date: the same meeting told by two articles.
                let id = format!("meeting:{}:{}", value(&r, "cL"), date);
                c.node(id.clone(), label, NodeKind::Meeting);
                if r.contains_key("a") {
                    c.node(value(&r, "a"), value(&r, "aL"), NodeKind::from_type(&value(&r, "aT")));
                    c.edge(&value(&r, "a"), &id, EdgeKind::Participant, String::new());
                }
            }
        }
        View::Regions => {
            let q = format!(
                "SELECT DISTINCT ?r ?rL ?st ?p ?a ?aL ?aT WHERE {{ ?s a warta:RegionStatus ; warta:region ?r ; warta:status ?st . ?r rdfs:label ?rL . FILTER(lang(?rL) = \"en\") OPTIONAL {{ ?s ?p ?a . FILTER(?p IN (warta:controlledBy, warta:foreignForces, warta:claimedBy)) {} }} }}",
                actor("a")
            );
            let mut statuses: BTreeMap<String, Vec<String>> = BTreeMap::new();
            let mut labels: BTreeMap<String, String> = BTreeMap::new();
            for r in select(store, &q)? {
                let region = value(&r, "r");
                let st = value(&r, "st").rsplit('#').next().unwrap_or("").to_string();
                let list = statuses.entry(region.clone()).or_default();
                if !list.contains(&st) {
                    list.push(st);
                }
                labels.insert(region.clone(), value(&r, "rL"));
                if r.contains_key("a") {
                    let kind = match value(&r, "p").rsplit('#').next() {
                        Some("controlledBy") => EdgeKind::ControlledBy,
                        Some("foreignForces") => EdgeKind::Forces,
                        _ => EdgeKind::ClaimedBy,
                    };
                    c.node(value(&r, "a"), value(&r, "aL"), NodeKind::from_type(&value(&r, "aT")));
                    c.edge(&region, &value(&r, "a"), kind, String::new());
                }
            }
            for (region, mut sts) in statuses {
                sts.sort();
                let label = format!("{}\n({})", labels[&region], sts.iter().map(|s| status_words(s)).collect::<Vec<_>>().join(", "));
                c.node(region, label, NodeKind::Region);
            }
        }
    }
    Ok(c.finish())
}

fn status_words(s: &str) -> &str {
    match s {
        "Annexed" => "annexed",
        "Breakaway" => "breakaway",
        "Occupied" => "occupied",
        "ForeignMilitaryPresence" => "foreign troops",
        "Contested" => "contested",
        other => other,
    }
}
