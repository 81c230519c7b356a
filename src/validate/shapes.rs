//! SHACL shapes as `warta validate` holds them: targets, paths, constraints,
//! severities, and the class hierarchy that `sh:class` follows.

use crate::vocab::sh;
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term};
use std::collections::{BTreeMap, BTreeSet};

/// How bad a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Violation,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Violation, Severity::Warning, Severity::Info];

    /// `sh:Violation`, `sh:Warning` or `sh:Info`.
    pub fn iri(self) -> NamedNodeRef<'static> {
        match self {
            Severity::Violation => sh::VIOLATION,
            Severity::Warning => sh::WARNING,
            Severity::Info => sh::INFO,
        }
    }

    pub fn from_iri(iri: &NamedNode) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.iri() == *iri)
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
        format!("{}{local}ConstraintComponent", sh::NS)
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
/// `sh:targetClass` follow (from the shapes graph and the ontology given);
/// read by `Shapes::parse` (in `read`).
#[derive(Debug, Clone)]
pub struct Shapes {
    pub shapes: Vec<NodeShape>,
    /// Class → itself and all its subclasses.
    pub subclasses: BTreeMap<NamedNode, BTreeSet<NamedNode>>,
}

impl Shapes {
    /// The class and every subclass of it.
    pub fn with_subclasses(&self, class: &NamedNode) -> Vec<NamedNode> {
        self.subclasses.get(class).map(|s| s.iter().cloned().collect()).unwrap_or_else(|| vec![class.clone()])
    }
}
