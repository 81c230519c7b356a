//! Reading shapes out of a shapes graph (Turtle): node shapes, property shapes and
//! their constraints, refusing any SHACL term `warta validate` does not check.

use super::shapes::{Constraint, NodeKind, NodeShape, Path, PropertyShape, Severity, ShapeBody, Shapes, SparqlConstraint, Target};
use super::ShapesError;
use crate::vocab::{rdf, rdfs, sh};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Graph, Literal, NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef};
use std::collections::{BTreeMap, BTreeSet};

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
    for t in g.triples_for_predicate(rdfs::SUB_CLASS_OF) {
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

struct Reader<'a> {
    g: &'a Graph,
}

/// The SHACL term with this local name.
fn sh_term(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{local}", sh::NS))
}

impl<'a> Reader<'a> {
    pub fn new(g: &'a Graph) -> Reader<'a> {
        Reader { g }
    }

    fn objects(&self, s: NamedOrBlankNodeRef<'_>, local: &str) -> Vec<Term> {
        let p = sh_term(local);
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
        for s in self.g.subjects_for_predicate_object(rdf::TYPE, sh::NODE_SHAPE) {
            ids.insert(s.into_owned());
        }
        for t in ["targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode"] {
            for tr in self.g.triples_for_predicate(&sh_term(t)) {
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
        let Some(given) = self.object(s, "severity") else { return Ok(Severity::Violation) };
        let known = match &given {
            Term::NamedNode(n) => Severity::from_iri(n),
            _ => None,
        };
        known.ok_or_else(|| ShapesError::Unsupported(format!("severity {given}")))
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
        for (local, o) in self
            .g
            .triples_for_subject(s)
            .filter_map(|t| Some((t.predicate.as_str().strip_prefix(sh::NS)?.to_string(), t.object.into_owned())))
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
            if let Some(local) = t.predicate.as_str().strip_prefix(sh::NS) {
                if !CONSTRAINTS.contains(&local) && !DESCRIPTIVE.contains(&local) {
                    return Err(ShapesError::Unsupported(format!("{id}: sh:{local} is not supported by `warta validate`")));
                }
            }
        }
        Ok(())
    }

    fn list(&self, id: &NamedOrBlankNode, head: Term) -> Result<Vec<Term>, ShapesError> {
        let (first, rest) = (rdf::FIRST, rdf::REST);
        let mut out = Vec::new();
        let mut node = head;
        while node != Term::from(rdf::NIL) {
            let n = self.node(id, "list", node)?;
            let item = self.g.object_for_subject_predicate(n.as_ref(), first).ok_or_else(|| self.bad(id, "a broken RDF list"))?;
            out.push(item.into_owned());
            node = self.g.object_for_subject_predicate(n.as_ref(), rest).ok_or_else(|| self.bad(id, "a broken RDF list"))?.into_owned();
            if out.len() > 10_000 {
                return Err(self.bad(id, "an RDF list that does not end"));
            }
        }
        Ok(out)
    }

    fn node_kind(&self, id: &NamedOrBlankNode, o: Term) -> Result<NodeKind, ShapesError> {
        let local = self.iri(id, "nodeKind", o)?.as_str().strip_prefix(sh::NS).unwrap_or_default().to_string();
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
