//! Validation reports: one line per result for people, or a W3C
//! `sh:ValidationReport` in Turtle for tools.

use super::{short, Finding, Report, Severity};
use crate::vocab::{rdf, sh};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{BlankNode, Literal, NamedNode, Term, Triple};
use std::io::Write;

fn term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => short(n.as_str()),
        Term::Literal(l) if l.value().chars().count() > 60 => {
            format!("\"{}…\"", l.value().chars().take(59).collect::<String>())
        }
        other => other.to_string(),
    }
}

/// One line per result, then a summary line.
pub fn write_text(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    for f in &report.findings {
        let severity = match f.severity {
            Severity::Violation => "violation",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        let path = f
            .path
            .as_deref()
            .map(|p| format!(" {}", p.strip_prefix('^').map_or_else(|| short(p), |i| format!("^{}", short(i)))))
            .unwrap_or_default();
        let value = f.value.as_ref().filter(|v| Some(*v) != Some(&f.focus)).map(|v| format!(" = {}", term(v))).unwrap_or_default();
        let component = f.component.strip_prefix(sh::NS).unwrap_or(&f.component).trim_end_matches("ConstraintComponent");
        writeln!(out, "{severity}: {}{path}{value}: {} [{component}]", term(&f.focus), f.message)?;
    }
    let (v, w, i) = (report.count(Severity::Violation), report.count(Severity::Warning), report.count(Severity::Info));
    writeln!(
        out,
        "{}: {v} violation{}, {w} warning{}{}",
        if report.conforms() { "conforms" } else { "does not conform" },
        if v == 1 { "" } else { "s" },
        if w == 1 { "" } else { "s" },
        if i > 0 { format!(", {i} info") } else { String::new() }
    )
}

/// The report as a SHACL validation report graph (Turtle), results in a stable order.
pub fn write_turtle(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let root = BlankNode::new_unchecked("report");
    let mut triples = vec![
        Triple::new(root.clone(), rdf::TYPE, sh::VALIDATION_REPORT),
        Triple::new(root.clone(), sh::CONFORMS, Literal::from(report.conforms())),
    ];
    for (n, f) in report.findings.iter().enumerate() {
        let r = BlankNode::new_unchecked(format!("r{n}"));
        triples.push(Triple::new(root.clone(), sh::RESULT, r.clone()));
        triples.extend(result_triples(&r, f));
    }
    let ser = RdfSerializer::from_format(RdfFormat::Turtle).with_prefix("sh", sh::NS).map_err(std::io::Error::other)?;
    let mut w = crate::rdf::with_prefixes(ser)?.for_writer(out);
    for t in &triples {
        w.serialize_triple(t)?;
    }
    w.finish()?;
    Ok(())
}

fn result_triples(r: &BlankNode, f: &Finding) -> Vec<Triple> {
    let mut t = vec![
        Triple::new(r.clone(), rdf::TYPE, sh::VALIDATION_RESULT),
        Triple::new(r.clone(), sh::FOCUS_NODE, f.focus.clone()),
        Triple::new(r.clone(), sh::RESULT_SEVERITY, f.severity.iri()),
        Triple::new(r.clone(), sh::SOURCE_CONSTRAINT_COMPONENT, NamedNode::new_unchecked(&f.component)),
        Triple::new(r.clone(), sh::SOURCE_SHAPE, Term::from(f.shape.clone())),
        Triple::new(r.clone(), sh::RESULT_MESSAGE, Literal::new_simple_literal(&f.message)),
    ];
    if let Some(p) = &f.path {
        match p.strip_prefix('^') {
            None => t.push(Triple::new(r.clone(), sh::RESULT_PATH, NamedNode::new_unchecked(p))),
            Some(inv) => {
                let b = BlankNode::new_unchecked(format!("{}p", r.as_str()));
                t.push(Triple::new(r.clone(), sh::RESULT_PATH, b.clone()));
                t.push(Triple::new(b, sh::INVERSE_PATH, NamedNode::new_unchecked(inv)));
            }
        }
    }
    if let Some(v) = &f.value {
        t.push(Triple::new(r.clone(), sh::VALUE, v.clone()));
    }
    t
}
