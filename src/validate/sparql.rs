//! Shapes → SPARQL: every constraint becomes one SELECT whose rows
//! (`?this`, and `?value` where there is one) are the focus nodes and values
//! that break it.

use super::shapes::{Constraint, NodeKind, NodeShape, Path, PropertyShape, Severity, ShapeBody, Shapes, Target};
use super::{short, ShapesError};
use crate::vocab::{rdf, sh, xsd};
use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Term};
use std::cell::Cell;

/// `rdf:type` in query text (`<…>`).
const RDF_TYPE: NamedNodeRef<'_> = rdf::TYPE;
/// Datatypes SPARQL can cast to: a literal of one is well-formed when the cast of its lexical form works.
const CASTABLE: &[NamedNodeRef<'_>] =
    &[xsd::STRING, xsd::BOOLEAN, xsd::INTEGER, xsd::DECIMAL, xsd::FLOAT, xsd::DOUBLE, xsd::DATE, xsd::DATE_TIME, xsd::TIME];

/// One compiled constraint: the query that finds what breaks it, and how to report each row.
#[derive(Debug, Clone)]
pub struct Check {
    pub query: String,
    pub shape: NamedOrBlankNode,
    pub severity: Severity,
    pub component: String,
    pub path: Option<Path>,
    pub message: String,
}

/// Every check of every shape, in shape order.
pub fn compile(shapes: &Shapes) -> Result<Vec<Check>, ShapesError> {
    let mut out = Vec::new();
    for shape in &shapes.shapes {
        let c = Compiler { shapes, fresh: Cell::new(0) };
        let targets = c.targets(shape);
        if targets.is_empty() {
            continue;
        }
        for k in &shape.body.constraints {
            let message = shape.message.clone().unwrap_or_else(|| default_message(k, None));
            out.push(c.check(&shape.id, shape.severity, None, k, &targets, message)?);
        }
        for p in &shape.body.properties {
            out.extend(c.property_checks(p, &targets)?);
        }
        for s in &shape.sparql {
            let query = format!("{}SELECT DISTINCT ?this ?value WHERE {{\n{targets}\n{{ {} }}\n}}", s.prologue, s.select.trim());
            out.push(Check {
                query,
                shape: shape.id.clone(),
                severity: shape.severity,
                component: format!("{}SPARQLConstraintComponent", sh::NS),
                path: None,
                message: s.message.clone().or_else(|| shape.message.clone()).unwrap_or_else(|| "SPARQL constraint not met".into()),
            });
        }
    }
    Ok(out)
}

struct Compiler<'a> {
    shapes: &'a Shapes,
    fresh: Cell<usize>,
}

impl Compiler<'_> {
    fn var(&self) -> String {
        let n = self.fresh.get() + 1;
        self.fresh.set(n);
        format!("?v{n}")
    }

    /// A group pattern binding `?this` to each focus node once.
    fn targets(&self, shape: &NodeShape) -> String {
        let mut alts = Vec::new();
        for t in &shape.targets {
            alts.push(match t {
                Target::Class(c) => format!("{{ ?this {RDF_TYPE} ?targetClass . VALUES ?targetClass {{ {} }} }}", self.classes(c)),
                Target::SubjectsOf(p) => format!("{{ ?this {p} ?targetObject . }}"),
                Target::ObjectsOf(p) => format!("{{ ?targetSubject {p} ?this . }}"),
                Target::Node(n) => format!("{{ VALUES ?this {{ {n} }} }}"),
            });
        }
        if alts.is_empty() {
            return String::new();
        }
        format!("{{ SELECT DISTINCT ?this WHERE {{ {} }} }}", alts.join(" UNION "))
    }

    fn classes(&self, c: &NamedNode) -> String {
        self.shapes.with_subclasses(c).iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")
    }

    fn property_checks(&self, p: &PropertyShape, targets: &str) -> Result<Vec<Check>, ShapesError> {
        let mut out = Vec::new();
        for k in &p.body.constraints {
            let message = p.message.clone().unwrap_or_else(|| default_message(k, Some(&p.path)));
            out.push(self.check(&p.id, p.severity, Some(&p.path), k, targets, message)?);
        }
        if !p.body.properties.is_empty() {
            return Err(ShapesError::Unsupported(format!("{}: property shapes nested in property shapes", p.id)));
        }
        Ok(out)
    }

    fn check(
        &self,
        source: &NamedOrBlankNode,
        severity: Severity,
        path: Option<&Path>,
        k: &Constraint,
        targets: &str,
        message: String,
    ) -> Result<Check, ShapesError> {
        let step = |value: &str| match path {
            Some(p) => triple("?this", p, value),
            None => format!("BIND(?this AS {value})"),
        };
        let query = match k {
            Constraint::MinCount(n) => format!(
                "SELECT ?this (COUNT(DISTINCT ?value) AS ?count) WHERE {{\n{targets}\nOPTIONAL {{ {} }}\n}} GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {n})",
                step("?value")
            ),
            Constraint::MaxCount(n) => format!(
                "SELECT ?this (COUNT(DISTINCT ?value) AS ?count) WHERE {{\n{targets}\n{}\n}} GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {n})",
                step("?value")
            ),
            Constraint::HasValue(v) => {
                let has = match path {
                    Some(p) => format!("FILTER NOT EXISTS {{ {} }}", triple("?this", p, &v.to_string())),
                    None => format!("FILTER (!sameTerm(?this, {v}))"),
                };
                format!("SELECT DISTINCT ?this WHERE {{\n{targets}\n{has}\n}}")
            }
            other => {
                let ok = self.conforms(other, "?value")?;
                format!("SELECT DISTINCT ?this ?value WHERE {{\n{targets}\n{}\nFILTER (!({ok}))\n}}", step("?value"))
            }
        };
        Ok(Check { query, shape: source.clone(), severity, component: k.component(), path: path.cloned(), message })
    }

    /// A SPARQL expression: does the node in `x` meet the constraint?
    fn conforms(&self, k: &Constraint, x: &str) -> Result<String, ShapesError> {
        Ok(match k {
            Constraint::Datatype(dt) => {
                if *dt == rdf::LANG_STRING {
                    format!("(isLiteral({x}) && lang({x}) != \"\")")
                } else if CASTABLE.contains(&dt.as_ref()) {
                    format!("(isLiteral({x}) && datatype({x}) = {dt} && lang({x}) = \"\" && COALESCE(sameTerm({dt}(STR({x})), {dt}(STR({x}))), false))")
                } else {
                    format!("(isLiteral({x}) && datatype({x}) = {dt})")
                }
            }
            Constraint::Class(c) => {
                let t = self.var();
                format!("EXISTS {{ {x} {RDF_TYPE} {t} . VALUES {t} {{ {} }} }}", self.classes(c))
            }
            Constraint::NodeKind(kind) => match kind {
                NodeKind::Iri => format!("isIRI({x})"),
                NodeKind::Literal => format!("isLiteral({x})"),
                NodeKind::BlankNode => format!("isBlank({x})"),
                NodeKind::BlankNodeOrIri => format!("(isBlank({x}) || isIRI({x}))"),
                NodeKind::BlankNodeOrLiteral => format!("(isBlank({x}) || isLiteral({x}))"),
                NodeKind::IriOrLiteral => format!("(isIRI({x}) || isLiteral({x}))"),
            },
            Constraint::In(items) => {
                let alts: Vec<String> = items.iter().map(|t| Ok(format!("sameTerm({x}, {})", constant(t)?))).collect::<Result<_, _>>()?;
                if alts.is_empty() {
                    "false".into()
                } else {
                    format!("({})", alts.join(" || "))
                }
            }
            Constraint::MinInclusive(v) => format!("COALESCE({x} >= {v}, false)"),
            Constraint::MaxInclusive(v) => format!("COALESCE({x} <= {v}, false)"),
            Constraint::MinExclusive(v) => format!("COALESCE({x} > {v}, false)"),
            Constraint::MaxExclusive(v) => format!("COALESCE({x} < {v}, false)"),
            Constraint::MinLength(n) => format!("(!isBlank({x}) && STRLEN(STR({x})) >= {n})"),
            Constraint::MaxLength(n) => format!("(!isBlank({x}) && STRLEN(STR({x})) <= {n})"),
            Constraint::Pattern { regex, flags } => {
                format!("(!isBlank({x}) && REGEX(STR({x}), {}, {}))", string_literal(regex), string_literal(flags))
            }
            Constraint::Or(alternatives) => {
                let alts: Vec<String> = alternatives.iter().map(|a| self.body_conforms(a, x)).collect::<Result<_, _>>()?;
                format!("({})", alts.join(" || "))
            }
            Constraint::HasValue(v) => format!("sameTerm({x}, {})", constant(v)?),
            Constraint::MinCount(_) | Constraint::MaxCount(_) => {
                return Err(ShapesError::Unsupported("sh:minCount/sh:maxCount on a node (outside a property shape)".into()))
            }
        })
    }

    /// Does the node in `x` conform to a whole shape body (used inside sh:or)?
    fn body_conforms(&self, body: &ShapeBody, x: &str) -> Result<String, ShapesError> {
        let mut parts = Vec::new();
        for k in &body.constraints {
            parts.push(self.conforms(k, x)?);
        }
        for p in &body.properties {
            for k in &p.body.constraints {
                let v = self.var();
                parts.push(match k {
                    Constraint::MinCount(0) => "true".into(),
                    Constraint::MinCount(1) => format!("EXISTS {{ {} }}", triple(x, &p.path, &v)),
                    Constraint::MinCount(_) | Constraint::MaxCount(_) => {
                        return Err(ShapesError::Unsupported(format!("{}: counts other than sh:minCount 1 inside sh:or", p.id)))
                    }
                    Constraint::HasValue(t) => format!("EXISTS {{ {} }}", triple(x, &p.path, &constant(t)?)),
                    other => format!("NOT EXISTS {{ {} FILTER (!({})) }}", triple(x, &p.path, &v), self.conforms(other, &v)?),
                });
            }
        }
        Ok(if parts.is_empty() { "true".into() } else { format!("({})", parts.join(" && ")) })
    }
}

fn triple(subject: &str, path: &Path, object: &str) -> String {
    match path {
        Path::Predicate(p) => format!("{subject} {p} {object} ."),
        Path::Inverse(p) => format!("{object} {p} {subject} ."),
    }
}

/// A term as a SPARQL constant (blank nodes have no constant form).
fn constant(t: &Term) -> Result<String, ShapesError> {
    match t {
        Term::BlankNode(_) => Err(ShapesError::Unsupported("blank nodes as values in sh:in or sh:hasValue".into())),
        other => Ok(other.to_string()),
    }
}

fn string_literal(s: &str) -> String {
    oxigraph::model::Literal::new_simple_literal(s).to_string()
}

/// What a result says when its shape gives no sh:message.
fn default_message(k: &Constraint, path: Option<&Path>) -> String {
    let on = match path {
        Some(Path::Predicate(p)) => format!(" on {}", short(p.as_str())),
        Some(Path::Inverse(p)) => format!(" on ^{}", short(p.as_str())),
        None => String::new(),
    };
    match k {
        Constraint::MinCount(n) => format!("fewer than {n} values{on}"),
        Constraint::MaxCount(n) => format!("more than {n} values{on}"),
        Constraint::Datatype(dt) => format!("value{on} is not a valid {} literal", short(dt.as_str())),
        Constraint::Class(c) => format!("value{on} is not an instance of {}", short(c.as_str())),
        Constraint::NodeKind(kind) => format!("value{on} is not of node kind {kind:?}"),
        Constraint::In(_) => format!("value{on} is not in the allowed list"),
        Constraint::HasValue(v) => format!("missing the value {v}{on}"),
        Constraint::MinInclusive(v) => format!("value{on} is below {v}"),
        Constraint::MaxInclusive(v) => format!("value{on} is above {v}"),
        Constraint::MinExclusive(v) => format!("value{on} is not above {v}"),
        Constraint::MaxExclusive(v) => format!("value{on} is not below {v}"),
        Constraint::MinLength(n) => format!("value{on} is shorter than {n} characters"),
        Constraint::MaxLength(n) => format!("value{on} is longer than {n} characters"),
        Constraint::Pattern { regex, .. } => format!("value{on} does not match {regex}"),
        Constraint::Or(_) => format!("value{on} conforms to none of the sh:or alternatives"),
    }
}
