//! Independent parsers agree on every export format (rapper, rdflib, the
//! oxigraph CLI), and export → parse → export gives the same bytes.

use super::support::*;
use crate::common::*;
use oxigraph::io::{RdfFormat, RdfParser};
use std::collections::HashSet;
use std::path::Path;

/// (warta format, rapper syntax, rdflib format, file extension, keeps graphs)
const FORMATS: &[(&str, &str, &str, &str, bool)] = &[
    ("turtle", "turtle", "turtle", "ttl", false),
    ("ntriples", "ntriples", "nt", "nt", false),
    ("nquads", "nquads", "nquads", "nq", true),
    ("trig", "trig", "trig", "trig", true),
    ("rdfxml", "rdfxml", "xml", "rdf", false),
];

fn rdf_format(name: &str) -> RdfFormat {
    match name {
        "turtle" => RdfFormat::Turtle,
        "ntriples" => RdfFormat::NTriples,
        "nquads" => RdfFormat::NQuads,
        "trig" => RdfFormat::TriG,
        _ => RdfFormat::RdfXml,
    }
}

fn export_all(store: &str, dir: &Path) -> Vec<(&'static str, std::path::PathBuf)> {
    FORMATS
        .iter()
        .map(|(f, _, _, ext, _)| {
            let path = dir.join(format!("graph.{ext}"));
            ok(&["export", "--store", store, "--format", f, "-o", &path.display().to_string()]);
            (*f, path)
        })
        .collect()
}

#[test]
fn independent_parsers_count_the_same_quads_and_triples() {
    let Some((tmp, store)) = seed_store() else { return };
    let files = export_all(&store, tmp.path());
    let nq = std::fs::read_to_string(tmp.path().join("graph.nq")).unwrap();
    let quads = nq.lines().filter(|l| !l.trim().is_empty()).count();
    let triples: HashSet<(String, String, String)> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(nq.as_bytes())
        .map(|q| q.expect("valid N-Quads"))
        .map(|q| (q.subject.to_string(), q.predicate.to_string(), q.object.to_string()))
        .collect();
    assert!(quads > 100 && triples.len() > 100 && triples.len() < quads, "{quads} quads, {} triples", triples.len());
    let expected = |keeps: bool| if keeps { quads } else { triples.len() };
    let (rapper, rdflib, oxigraph) = (tool("rapper", "--version"), python_module("rdflib"), tool("oxigraph", "--version"));
    for ((format, syntax, rdflib_format, ext, keeps), (_, path)) in FORMATS.iter().zip(&files) {
        let file = path.display().to_string();
        if rapper {
            let o = run("rapper", &["-i", syntax, "-c", &file], tmp.path());
            assert!(o.status.success(), "rapper {format}: {}", stderr(&o));
            let count = stderr(&o).split("returned ").nth(1).and_then(|r| r.split_whitespace().next()?.parse::<usize>().ok());
            assert_eq!(count, Some(expected(*keeps)), "rapper counts {format}: {}", stderr(&o));
        }
        if rdflib {
            let code = "import sys, rdflib\n\
                g = rdflib.Dataset() if sys.argv[3] == 'true' else rdflib.Graph()\n\
                g.parse(sys.argv[1], format=sys.argv[2])\n\
                print(len(list(g.quads((None, None, None, None)))) if sys.argv[3] == 'true' else len(g))";
            let n: usize = python(code, &[&file, rdflib_format, if *keeps { "true" } else { "false" }]).trim().parse().expect("a count");
            assert_eq!(n, expected(*keeps), "rdflib counts {format}");
        }
        if oxigraph {
            let to = if *keeps { "nq" } else { "nt" };
            let o = run("oxigraph", &["convert", "--from-file", &file, "--from-format", ext, "--to-format", to], tmp.path());
            assert!(o.status.success(), "oxigraph convert {format}: {}", stderr(&o));
            let n = stdout(&o).lines().filter(|l| !l.trim().is_empty()).count();
            assert_eq!(n, expected(*keeps), "the oxigraph CLI counts {format}");
        }
    }
}

#[test]
fn export_parse_export_is_byte_identical() {
    let Some((tmp, store)) = seed_store() else { return };
    for (format, path) in export_all(&store, tmp.path()) {
        let bytes = std::fs::read(&path).unwrap();
        let quads: Vec<_> = RdfParser::from_format(rdf_format(format)).for_slice(&bytes).map(|q| q.expect("parses")).collect();
        let fmt = match format {
            "turtle" => warta::rdf::Format::Turtle,
            "ntriples" => warta::rdf::Format::Ntriples,
            "nquads" => warta::rdf::Format::Nquads,
            "trig" => warta::rdf::Format::Trig,
            _ => warta::rdf::Format::Rdfxml,
        };
        let mut again = Vec::new();
        if matches!(fmt, warta::rdf::Format::Nquads | warta::rdf::Format::Trig) {
            // As `export` writes them: graph by graph, in IRI order.
            let mut by_graph: std::collections::BTreeMap<String, Vec<_>> = std::collections::BTreeMap::new();
            for q in quads {
                by_graph.entry(q.graph_name.to_string()).or_default().push(q);
            }
            warta::rdf::write_graphs(by_graph.into_values().map(Ok::<_, String>), fmt, &mut again).unwrap();
        } else {
            warta::rdf::write_quads(quads, fmt, &mut again).unwrap();
        }
        assert!(again == bytes, "{format}: export → parse → export changed the bytes");
    }
    // Through the CLI: load an export into a new store, export it again.
    for format in ["nquads", "trig"] {
        let path = tmp.path().join(if format == "trig" { "graph.trig" } else { "graph.nq" });
        let copy = tmp.path().join(format!("copy-{format}"));
        let o = warta(&["load", &path.display().to_string(), "--store", &copy.display().to_string(), "--quiet"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let again = ok(&["export", "--store", &copy.display().to_string(), "--format", format]);
        assert!(again.as_bytes() == std::fs::read(&path).unwrap(), "{format}: export → load → export changed the bytes");
    }
    // Parsed and written again by another tool, loaded back: the same export.
    if python_module("rdflib") {
        let nt = tmp.path().join("rdflib.nq");
        let code = "import sys, rdflib\ng = rdflib.Dataset()\ng.parse(sys.argv[1], format='trig')\ng.serialize(destination=sys.argv[2], format='nquads')";
        python(code, &[&tmp.path().join("graph.trig").display().to_string(), &nt.display().to_string()]);
        let copy = tmp.path().join("copy-rdflib").display().to_string();
        let o = warta(&["load", &nt.display().to_string(), "--store", &copy, "--quiet"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let again = ok(&["export", "--store", &copy, "--format", "trig"]);
        assert!(again.as_bytes() == std::fs::read(tmp.path().join("graph.trig")).unwrap(), "rdflib round trip changed the TriG export");
    }
}
