//! Reading shapes out of a shapes graph: node shapes, property shapes and
//! their constraints, refusing any SHACL term `warta validate` does not check.

use super::shapes::{Constraint, NodeKind, NodeShape, Path, PropertyShape, Severity, ShapeBody, SparqlConstraint, Target, SH};
use super::ShapesError;
use oxigraph::model::{Graph, Literal, NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef};

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_FIRST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
const RDF_REST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
const RDF_NIL: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";

/// SHACL terms a shape may carry besides the constraints.
const DESCRIPTIVE: &[&str] = &[
    "name",
    "description",
    "message",
    "severity",
    "deactivated",
    "order",
    "group",
    "targetClass",
    "targetSubjectsOf",
    "targetObjectsOf",
    "targetNode",
    "property",
    "path",
    "sparql",
    "declare",
    "prefixes",
    "select",
    "prefix",
    "namespace",
];

pub(super) struct Reader<'a> {
    g: &'a Graph,
}

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

impl<'a> Reader<'a> {
    pub fn new(g: &'a Graph) -> Reader<'a> {
        Reader { g }
    }

    fn objects(&self, s: NamedOrBlankNodeRef<'_>, local: &str) -> Vec<Term> {
        let p = sh(local);
        let mut v: Vec<Term> = self.g.objects_for_subject_predicate(s, &p).map(TermRef::into_owned).collect();
        v.sort_by_cached_key(|t| t.to_string());
        v
    }

    fn object(&self, s: NamedOrBlankNodeRef<'_>, local: &str) -> Option<Term> {
        self.objects(s, local).into_iter().next()
    }

    pub fn boolean(&self, s: NamedOrBlankNodeRef<'_>, local: &str) -> bool {
        matches!(self.object(s, local), Some(Term::Literal(l)) if l.value() == "true")
    }

    fn string(&self, s: NamedOrBlankNodeRef<'_>, local: &str) -> Option<String> {
        match self.object(s, local)? {
            Term::Literal(l) => Some(l.value().to_string()),
            Term::NamedNode(n) => Some(n.as_str().to_string()),
            _ => None,
        }
    }

    /// Declared node shapes and anything with a target, sorted.
    pub fn node_shapes(&self) -> Vec<NamedOrBlankNode> {
        let mut ids = std::collections::HashSet::new();
        let ty = NamedNode::new_unchecked(RDF_TYPE);
        for s in self.g.subjects_for_predicate_object(&ty, &sh("NodeShape")) {
            ids.insert(s.into_owned());
        }
        for t in ["targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode"] {
            for tr in self.g.triples_for_predicate(&sh(t)) {
                ids.insert(tr.subject.into_owned());
            }
        }
        let mut v: Vec<NamedOrBlankNode> = ids.into_iter().collect();
        v.sort_by_cached_key(|n| n.to_string());
        v
    }

    pub fn node_shape(&self, id: NamedOrBlankNode) -> Result<NodeShape, ShapesError> {
        let s = id.as_ref();
        let mut targets = Vec::new();
        for (local, make) in [
            ("targetClass", Target::Class as fn(NamedNode) -> Target),
            ("targetSubjectsOf", Target::SubjectsOf),
            ("targetObjectsOf", Target::ObjectsOf),
        ] {
            for o in self.objects(s, local) {
                targets.push(make(self.iri(&id, local, o)?));
            }
        }
        targets.extend(self.objects(s, "targetNode").into_iter().map(Target::Node));
        let mut sparql = Vec::new();
        for c in self.objects(s, "sparql") {
            let c = self.node(&id, "sparql", c)?;
            if self.boolean(c.as_ref(), "deactivated") {
                continue;
            }
            let select = self.string(c.as_ref(), "select").ok_or_else(|| self.bad(&id, "an sh:sparql constraint needs sh:select"))?;
            let prologue = self.prologue(&id, c.as_ref())?;
            sparql.push(SparqlConstraint { message: self.string(c.as_ref(), "message"), id: c, select, prologue });
        }
        Ok(NodeShape { severity: self.severity(s)?, message: self.string(s, "message"), body: self.body(&id)?, sparql, targets, id })
    }

    fn prologue(&self, shape: &NamedOrBlankNode, c: NamedOrBlankNodeRef<'_>) -> Result<String, ShapesError> {
        let mut out = String::new();
        for p in self.objects(c, "prefixes") {
            let p = self.node(shape, "prefixes", p)?;
            for d in self.objects(p.as_ref(), "declare") {
                let d = self.node(shape, "declare", d)?;
                let (Some(prefix), Some(ns)) = (self.string(d.as_ref(), "prefix"), self.string(d.as_ref(), "namespace")) else {
                    return Err(self.bad(shape, "sh:declare needs sh:prefix and sh:namespace"));
                };
                out.push_str(&format!("PREFIX {prefix}: <{ns}>\n"));
            }
        }
        Ok(out)
    }

    fn severity(&self, s: NamedOrBlankNodeRef<'_>) -> Result<Severity, ShapesError> {
        Ok(match self.object(s, "severity") {
            None => Severity::Violation,
            Some(Term::NamedNode(n)) if n == sh("Violation") => Severity::Violation,
            Some(Term::NamedNode(n)) if n == sh("Warning") => Severity::Warning,
            Some(Term::NamedNode(n)) if n == sh("Info") => Severity::Info,
            Some(other) => return Err(ShapesError::Unsupported(format!("severity {other}"))),
        })
    }

    /// The constraints of a shape (node-level) and its property shapes.
    fn body(&self, id: &NamedOrBlankNode) -> Result<ShapeBody, ShapesError> {
        let s = id.as_ref();
        self.refuse_unknown(id)?;
        let mut body = ShapeBody { constraints: self.constraints(id)?, properties: Vec::new() };
        for p in self.objects(s, "property") {
            let p = self.node(id, "property", p)?;
            if self.boolean(p.as_ref(), "deactivated") {
                continue;
            }
            let path = self.path(&p)?;
            body.properties.push(PropertyShape {
                severity: self.severity(p.as_ref())?,
                message: self.string(p.as_ref(), "message"),
                body: self.body(&p)?,
                path,
                id: p,
            });
        }
        Ok(body)
    }

    fn path(&self, p: &NamedOrBlankNode) -> Result<Path, ShapesError> {
        match self.object(p.as_ref(), "path") {
            Some(Term::NamedNode(n)) => Ok(Path::Predicate(n)),
            Some(Term::BlankNode(b)) => match self.object(NamedOrBlankNodeRef::BlankNode(b.as_ref()), "inversePath") {
                Some(Term::NamedNode(n)) => Ok(Path::Inverse(n)),
                _ => Err(ShapesError::Unsupported(format!("{p}: only predicate and sh:inversePath paths are supported"))),
            },
            _ => Err(self.bad(p, "a property shape needs sh:path")),
        }
    }

    fn constraints(&self, id: &NamedOrBlankNode) -> Result<Vec<Constraint>, ShapesError> {
        let s = id.as_ref();
        let mut out = Vec::new();
        for (local, o) in
            self.g.triples_for_subject(s).filter_map(|t| Some((t.predicate.as_str().strip_prefix(SH)?.to_string(), t.object.into_owned())))
        {
            let c = match local.as_str() {
                "minCount" => Constraint::MinCount(self.count(id, &local, &o)?),
                "maxCount" => Constraint::MaxCount(self.count(id, &local, &o)?),
                "minLength" => Constraint::MinLength(self.count(id, &local, &o)?),
                "maxLength" => Constraint::MaxLength(self.count(id, &local, &o)?),
                "datatype" => Constraint::Datatype(self.iri(id, &local, o)?),
                "class" => Constraint::Class(self.iri(id, &local, o)?),
                "hasValue" => Constraint::HasValue(o),
                "minInclusive" => Constraint::MinInclusive(self.literal(id, &local, o)?),
                "maxInclusive" => Constraint::MaxInclusive(self.literal(id, &local, o)?),
                "minExclusive" => Constraint::MinExclusive(self.literal(id, &local, o)?),
                "maxExclusive" => Constraint::MaxExclusive(self.literal(id, &local, o)?),
                "pattern" => Constraint::Pattern {
                    regex: self.literal(id, &local, o)?.value().to_string(),
                    flags: self.string(s, "flags").unwrap_or_default(),
                },
                "nodeKind" => Constraint::NodeKind(self.node_kind(id, o)?),
                "in" => Constraint::In(self.list(id, o)?),
                "or" => {
                    let mut alternatives = Vec::new();
                    for alt in self.list(id, o)? {
                        alternatives.push(self.body(&self.node(id, "or", alt)?)?);
                    }
                    Constraint::Or(alternatives)
                }
                _ => continue,
            };
            out.push(c);
        }
        out.sort_by_cached_key(|c| format!("{c:?}"));
        Ok(out)
    }

    fn refuse_unknown(&self, id: &NamedOrBlankNode) -> Result<(), ShapesError> {
        const CONSTRAINTS: &[&str] = &[
            "minCount",
            "maxCount",
            "minLength",
            "maxLength",
            "datatype",
            "class",
            "hasValue",
            "minInclusive",
            "maxInclusive",
            "minExclusive",
            "maxExclusive",
            "pattern",
            "flags",
            "nodeKind",
            "in",
            "or",
        ];
        for t in self.g.triples_for_subject(id.as_ref()) {
            if let Some(local) = t.predicate.as_str().strip_prefix(SH) {
                if !CONSTRAINTS.contains(&local) && !DESCRIPTIVE.contains(&local) {
                    return Err(ShapesError::Unsupported(format!("{id}: sh:{local} is not supported by `warta validate`")));
                }
            }
        }
        Ok(())
    }

    fn list(&self, id: &NamedOrBlankNode, head: Term) -> Result<Vec<Term>, ShapesError> {
        let (first, rest) = (NamedNode::new_unchecked(RDF_FIRST), NamedNode::new_unchecked(RDF_REST));
        let mut out = Vec::new();
        let mut node = head;
        while node != Term::NamedNode(NamedNode::new_unchecked(RDF_NIL)) {
            let n = self.node(id, "list", node)?;
            let item = self.g.object_for_subject_predicate(n.as_ref(), &first).ok_or_else(|| self.bad(id, "a broken RDF list"))?;
            out.push(item.into_owned());
            node = self.g.object_for_subject_predicate(n.as_ref(), &rest).ok_or_else(|| self.bad(id, "a broken RDF list"))?.into_owned();
            if out.len() > 10_000 {
                return Err(self.bad(id, "an RDF list that does not end"));
            }
        }
        Ok(out)
    }

    fn node_kind(&self, id: &NamedOrBlankNode, o: Term) -> Result<NodeKind, ShapesError> {
        let local = self.iri(id, "nodeKind", o)?.as_str().strip_prefix(SH).unwrap_or_default().to_string();
        Ok(match local.as_str() {
            "IRI" => NodeKind::Iri,
            "Literal" => NodeKind::Literal,
            "BlankNode" => NodeKind::BlankNode,
            "BlankNodeOrIRI" => NodeKind::BlankNodeOrIri,
            "BlankNodeOrLiteral" => NodeKind::BlankNodeOrLiteral,
            "IRIOrLiteral" => NodeKind::IriOrLiteral,
            _ => return Err(self.bad(id, "sh:nodeKind must be sh:IRI, sh:Literal, sh:BlankNode or a combination")),
        })
    }

    fn count(&self, id: &NamedOrBlankNode, local: &str, o: &Term) -> Result<u64, ShapesError> {
        match o {
            Term::Literal(l) => l.value().parse().map_err(|_| self.bad(id, &format!("sh:{local} must be a non-negative integer"))),
            _ => Err(self.bad(id, &format!("sh:{local} must be a non-negative integer"))),
        }
    }

    fn iri(&self, id: &NamedOrBlankNode, local: &str, o: Term) -> Result<NamedNode, ShapesError> {
        match o {
            Term::NamedNode(n) => Ok(n),
            _ => Err(self.bad(id, &format!("sh:{local} must be an IRI"))),
        }
    }

    fn literal(&self, id: &NamedOrBlankNode, local: &str, o: Term) -> Result<Literal, ShapesError> {
        match o {
            Term::Literal(l) => Ok(l),
            _ => Err(self.bad(id, &format!("sh:{local} must be a literal"))),
        }
    }

    fn node(&self, id: &NamedOrBlankNode, local: &str, o: Term) -> Result<NamedOrBlankNode, ShapesError> {
        match o {
            Term::NamedNode(n) => Ok(n.into()),
            Term::BlankNode(b) => Ok(b.into()),
            _ => Err(self.bad(id, &format!("sh:{local} must point to a node, not a literal"))),
        }
    }

    fn bad(&self, id: &NamedOrBlankNode, what: &str) -> ShapesError {
        ShapesError::Invalid(format!("{id}: {what}"))
    }
}
