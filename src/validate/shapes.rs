//! SHACL shapes as `warta validate` holds them: targets, paths, constraints,
//! severities, and the class hierarchy that `sh:class` follows.

use super::read::Reader;
use super::ShapesError;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Graph, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef};
use std::collections::{BTreeMap, BTreeSet};

pub const SH: &str = "http://www.w3.org/ns/shacl#";
const SUB_CLASS_OF: &str = "http://www.w3.org/2000/01/rdf-schema#subClassOf";

/// How bad a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Violation,
    Warning,
    Info,
}

impl Severity {
    pub fn iri(self) -> String {
        format!("{SH}{self:?}")
    }
}

/// Which nodes a shape applies to.
#[derive(Debug, Clone)]
pub enum Target {
    Class(NamedNode),
    SubjectsOf(NamedNode),
    ObjectsOf(NamedNode),
    Node(Term),
}

/// A property path: a predicate, or a predicate followed backwards.
#[derive(Debug, Clone)]
pub enum Path {
    Predicate(NamedNode),
    Inverse(NamedNode),
}

#[derive(Debug, Clone, Copy)]
pub enum NodeKind {
    Iri,
    Literal,
    BlankNode,
    BlankNodeOrIri,
    BlankNodeOrLiteral,
    IriOrLiteral,
}

/// One SHACL Core constraint.
#[derive(Debug, Clone)]
pub enum Constraint {
    MinCount(u64),
    MaxCount(u64),
    Datatype(NamedNode),
    Class(NamedNode),
    NodeKind(NodeKind),
    In(Vec<Term>),
    HasValue(Term),
    MinInclusive(Literal),
    MaxInclusive(Literal),
    MinExclusive(Literal),
    MaxExclusive(Literal),
    MinLength(u64),
    MaxLength(u64),
    Pattern {
        regex: String,
        flags: String,
    },
    /// The value conforms to at least one of these shapes.
    Or(Vec<ShapeBody>),
}

impl Constraint {
    /// The SHACL constraint component, as reported in results.
    pub fn component(&self) -> String {
        let local = match self {
            Constraint::MinCount(_) => "MinCount",
            Constraint::MaxCount(_) => "MaxCount",
            Constraint::Datatype(_) => "Datatype",
            Constraint::Class(_) => "Class",
            Constraint::NodeKind(_) => "NodeKind",
            Constraint::In(_) => "In",
            Constraint::HasValue(_) => "HasValue",
            Constraint::MinInclusive(_) => "MinInclusive",
            Constraint::MaxInclusive(_) => "MaxInclusive",
            Constraint::MinExclusive(_) => "MinExclusive",
            Constraint::MaxExclusive(_) => "MaxExclusive",
            Constraint::MinLength(_) => "MinLength",
            Constraint::MaxLength(_) => "MaxLength",
            Constraint::Pattern { .. } => "Pattern",
            Constraint::Or(_) => "Or",
        };
        format!("{SH}{local}ConstraintComponent")
    }
}

/// Constraints on the focus node itself and on its properties.
#[derive(Debug, Clone, Default)]
pub struct ShapeBody {
    pub constraints: Vec<Constraint>,
    pub properties: Vec<PropertyShape>,
}

#[derive(Debug, Clone)]
pub struct PropertyShape {
    pub id: NamedOrBlankNode,
    pub path: Path,
    pub severity: Severity,
    pub message: Option<String>,
    pub body: ShapeBody,
}

/// A SPARQL-based constraint: a SELECT whose `$this` rows are violations.
#[derive(Debug, Clone)]
pub struct SparqlConstraint {
    pub id: NamedOrBlankNode,
    pub select: String,
    /// `PREFIX` lines from `sh:prefixes`.
    pub prologue: String,
    pub message: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NodeShape {
    pub id: NamedOrBlankNode,
    pub targets: Vec<Target>,
    pub severity: Severity,
    pub message: Option<String>,
    pub body: ShapeBody,
    pub sparql: Vec<SparqlConstraint>,
}

/// A parsed shapes graph and the class hierarchy `sh:class` and
/// `sh:targetClass` follow (from the shapes graph and the ontology given).
#[derive(Debug, Clone)]
pub struct Shapes {
    pub shapes: Vec<NodeShape>,
    /// Class → itself and all its subclasses.
    pub subclasses: BTreeMap<NamedNode, BTreeSet<NamedNode>>,
}

impl Shapes {
    /// Parses Turtle shapes; `ontology` (Turtle) adds its rdfs:subClassOf hierarchy.
    pub fn parse(shapes_ttl: &str, ontology_ttl: &str) -> Result<Shapes, ShapesError> {
        let graph = turtle(shapes_ttl)?;
        let mut hierarchy = graph.clone();
        hierarchy.extend(&turtle(ontology_ttl)?);
        let reader = Reader::new(&graph);
        let mut shapes = Vec::new();
        for id in reader.node_shapes() {
            if reader.boolean(id.as_ref(), "deactivated") {
                continue;
            }
            shapes.push(reader.node_shape(id)?);
        }
        Ok(Shapes { shapes, subclasses: subclass_closure(&hierarchy) })
    }

    /// The class and every subclass of it.
    pub fn with_subclasses(&self, class: &NamedNode) -> Vec<NamedNode> {
        self.subclasses.get(class).map(|s| s.iter().cloned().collect()).unwrap_or_else(|| vec![class.clone()])
    }
}

fn turtle(text: &str) -> Result<Graph, ShapesError> {
    let mut g = Graph::new();
    for t in RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes()) {
        let q = t.map_err(|e| ShapesError::Syntax(e.to_string()))?;
        g.insert(oxigraph::model::TripleRef::from(q.as_ref()));
    }
    Ok(g)
}

fn subclass_closure(g: &Graph) -> BTreeMap<NamedNode, BTreeSet<NamedNode>> {
    let mut direct: BTreeMap<NamedNode, BTreeSet<NamedNode>> = BTreeMap::new();
    for t in g.triples_for_predicate(NamedNodeRef::new_unchecked(SUB_CLASS_OF)) {
        if let (NamedOrBlankNodeRef::NamedNode(sub), TermRef::NamedNode(sup)) = (t.subject, t.object) {
            direct.entry(sup.into_owned()).or_default().insert(sub.into_owned());
        }
    }
    let mut out = BTreeMap::new();
    for class in direct.keys() {
        let mut all = BTreeSet::from([class.clone()]);
        let mut todo = vec![class.clone()];
        while let Some(c) = todo.pop() {
            for sub in direct.get(&c).into_iter().flatten() {
                if all.insert(sub.clone()) {
                    todo.push(sub.clone());
                }
            }
        }
        out.insert(class.clone(), all);
    }
    out
}
