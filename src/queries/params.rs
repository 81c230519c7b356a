//! Query parameters. A query declares them in its header comment
//! (`# @param actor entity: the demander`); `--param actor=Russia` gives a
//! value, which is resolved to a term (an entity by its label, or an IRI)
//! and bound to `?actor` with oxigraph's variable substitution. The value is
//! never pasted into the query text, so it cannot change what the query does.

use super::QuerySource;
use crate::error::{Result, WartaError};
use crate::rdf::ENTITY_CLASSES;
use crate::vocab::{rdf, rdfs, skos};
use oxigraph::model::{NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Term};
use oxigraph::sparql::Variable;
use oxigraph::store::Store;
use std::collections::BTreeSet;

/// What a parameter's value names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// An actor, place or person: its label or alternative name (any case), or its IRI.
    Entity,
    /// Any resource of the store, by IRI (full, or prefixed like `wid:meeting/…`).
    Iri,
}

/// A parameter a query declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamSpec {
    pub name: String,
    pub kind: ParamKind,
    pub about: String,
}

/// The `# @param NAME KIND: what it is` lines of a query's header.
pub fn declared(text: &str) -> Vec<ParamSpec> {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .filter_map(|l| l.trim_start_matches('#').trim().strip_prefix("@param "))
        .filter_map(|decl| {
            let (head, about) = decl.split_once(':').unwrap_or((decl, ""));
            let mut words = head.split_whitespace();
            let name = words.next()?.to_string();
            let kind = match words.next() {
                Some("iri") => ParamKind::Iri,
                _ => ParamKind::Entity,
            };
            Some(ParamSpec { name, kind, about: about.trim().to_string() })
        })
        .collect()
}

/// Splits `NAME=VALUE` (the `--param` syntax).
pub fn parse_assignment(s: &str) -> std::result::Result<(String, String), String> {
    match s.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => Ok((name.trim().to_string(), value.to_string())),
        _ => Err(format!("{s:?} is not NAME=VALUE; e.g. --param actor=Russia")),
    }
}

/// Checks the given parameters against the query's declarations and
/// resolves each value to the term bound to its variable.
pub fn bind(store: &Store, q: &QuerySource, given: &[(String, String)]) -> Result<Vec<(Variable, Term)>> {
    let specs = declared(&q.text);
    let usage = || {
        if specs.is_empty() {
            "it takes no parameters".to_string()
        } else {
            let list: Vec<String> = specs.iter().map(|s| format!("--param {}=… ({})", s.name, s.about)).collect();
            format!("it takes {}", list.join(", "))
        }
    };
    let perr = |message: String| WartaError::Param { query: q.origin.clone(), message };
    for (name, _) in given {
        if !specs.iter().any(|s| s.name == *name) {
            return Err(perr(format!("unknown parameter {name:?}; {}", usage())));
        }
    }
    let mut out = Vec::new();
    for spec in &specs {
        let values: Vec<&String> = given.iter().filter(|(n, _)| *n == spec.name).map(|(_, v)| v).collect();
        let value = match values.as_slice() {
            [] => return Err(perr(format!("missing parameter {:?}: {}", spec.name, usage()))),
            [one] => one.as_str(),
            _ => return Err(perr(format!("parameter {:?} given {} times; give it once", spec.name, values.len()))),
        };
        let term = match spec.kind {
            ParamKind::Entity => Term::from(entity(store, &spec.name, value)?),
            ParamKind::Iri => Term::from(resource(store, &spec.name, value)?),
        };
        let var = Variable::new(&spec.name).map_err(|e| perr(format!("parameter {:?} is not a SPARQL variable name: {e}", spec.name)))?;
        out.push((var, term));
    }
    Ok(out)
}

/// An IRI written in full or with one of warta's prefixes (`wid:entity/Q159`).
fn expand(value: &str) -> Option<NamedNode> {
    let value = value.trim();
    let full = crate::vocab::PREFIXES
        .iter()
        .find_map(|(p, ns)| value.strip_prefix(p).and_then(|rest| rest.strip_prefix(':')).map(|rest| format!("{ns}{rest}")))
        .unwrap_or_else(|| value.trim_start_matches('<').trim_end_matches('>').to_string());
    NamedNode::new(full).ok()
}

fn is_subject(store: &Store, node: &NamedNode) -> Result<bool> {
    match store.quads_for_pattern(Some(NamedOrBlankNodeRef::NamedNode(node.as_ref())), None, None, None).next() {
        Some(q) => q.map(|_| true).map_err(storage),
        None => Ok(false),
    }
}

fn storage(e: oxigraph::store::StorageError) -> WartaError {
    WartaError::Other(format!("reading the store failed: {e}"))
}

/// A resource of the store named by its IRI.
fn resource(store: &Store, name: &str, value: &str) -> Result<NamedNode> {
    let no = |why: &str| WartaError::NoSuchResource { name: name.into(), value: value.into(), why: why.into() };
    let node = expand(value).ok_or_else(|| no("not an IRI; give it in full or as wid:…"))?;
    if is_subject(store, &node)? {
        Ok(node)
    } else {
        Err(no("nothing in the store has this IRI"))
    }
}

/// The entity whose label or alternative name is `value` (any case), or whose IRI it is.
fn entity(store: &Store, name: &str, value: &str) -> Result<NamedNode> {
    let want = fold(value);
    if let Some(node) = expand(value) {
        if is_entity(store, &node)? {
            return Ok(node);
        }
    }
    let mut exact: BTreeSet<NamedNode> = BTreeSet::new();
    let mut close: BTreeSet<String> = BTreeSet::new();
    for p in [rdfs::LABEL, skos::ALT_LABEL] {
        for q in store.quads_for_pattern(None, Some(p), None, None) {
            let q = q.map_err(storage)?;
            let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (q.subject, q.object) else {
                continue;
            };
            let label = fold(l.value());
            if label == want {
                exact.insert(s);
            } else if !want.is_empty() && label.contains(&want) && p == rdfs::LABEL {
                close.insert(l.value().to_string());
            }
        }
    }
    let mut entities = Vec::new();
    for n in exact {
        if is_entity(store, &n)? {
            entities.push(n);
        }
    }
    let mut found = entities.into_iter();
    match (found.next(), found.next()) {
        (Some(one), None) => Ok(one),
        (None, _) => {
            let hint = if close.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", close.into_iter().take(5).collect::<Vec<_>>().join(", "))
            };
            Err(WartaError::NoSuchEntity { name: name.into(), value: value.into(), hint })
        }
        (Some(a), Some(b)) => {
            let list: Vec<String> = [a, b].into_iter().chain(found).map(|n| n.as_str().to_string()).collect();
            Err(WartaError::Param {
                query: format!("--param {name}={value:?}"),
                message: format!("names {} entities; give one by IRI: {}", list.len(), list.join(", ")),
            })
        }
    }
}

/// Is `node` typed as an actor, place or person?
fn is_entity(store: &Store, node: &NamedNode) -> Result<bool> {
    let subject = NamedOrBlankNodeRef::NamedNode(node.as_ref());
    for q in store.quads_for_pattern(Some(subject), Some(rdf::TYPE), None, None) {
        if matches!(&q.map_err(storage)?.object, Term::NamedNode(t) if ENTITY_CLASSES.contains(&t.as_ref())) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Case- and spacing-insensitive form of a name.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_and_assignments() {
        let text = "# Demands by one actor.\n# @param actor entity: the demander\n# @param fact iri: a fact\nSELECT * {}";
        let specs = declared(text);
        assert_eq!(specs.len(), 2);
        assert_eq!((specs[0].name.as_str(), specs[0].kind), ("actor", ParamKind::Entity));
        assert_eq!((specs[1].name.as_str(), specs[1].kind), ("fact", ParamKind::Iri));
        assert_eq!(parse_assignment("actor=Russia\" } DROP ALL #"), Ok(("actor".into(), "Russia\" } DROP ALL #".into())));
        assert!(parse_assignment("=x").is_err() && parse_assignment("actor").is_err());
        assert_eq!(expand("wid:entity/Q159").map(|n| n.as_str().to_string()), Some("https://w3id.org/warta/id/entity/Q159".into()));
        assert_eq!(expand("Russia\" } DROP ALL #"), None);
    }
}
