//! Diagrams: DOT parses back with the expected edges, SVG is well-formed, Graphviz accepts the DOT.

use crate::common::*;
use graphviz_rust::dot_structures::{Edge, EdgeTy, Graph, Id, Node, Stmt, Vertex};

fn id_str(id: &Id) -> String {
    match id {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) => s.trim_matches('"').to_string(),
        Id::Anonymous(s) => s.clone(),
    }
}

type Labels = std::collections::HashMap<String, String>;
type Edges = Vec<(String, String, String)>;

/// (node id → label) and (from id, to id, attrs) of a parsed DOT graph.
fn parts(g: &Graph) -> (Labels, Edges) {
    let Graph::DiGraph { stmts, .. } = g else { panic!("not a digraph") };
    let mut nodes = std::collections::HashMap::new();
    let mut edges = Vec::new();
    for s in stmts {
        match s {
            Stmt::Node(Node { id, attributes }) => {
                let label = attributes.iter().find(|a| id_str(&a.0) == "label").map(|a| id_str(&a.1)).unwrap_or_default();
                nodes.insert(id_str(&id.0), label);
            }
            Stmt::Edge(Edge { ty: EdgeTy::Pair(Vertex::N(a), Vertex::N(b)), attributes }) => {
                let attrs = attributes.iter().map(|a| format!("{}={}", id_str(&a.0), id_str(&a.1))).collect::<Vec<_>>().join(";");
                edges.push((id_str(&a.0), id_str(&b.0), attrs));
            }
            _ => {}
        }
    }
    (nodes, edges)
}

#[test]
fn demands_dot_has_expected_edges() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let dot = ok(&["render", "--view", "demands", "--format", "dot", "--store", &store]);
    assert_eq!(dot, ok(&["render", "--view", "demands", "--format", "dot", "--store", &store]), "DOT is deterministic");
    let g = graphviz_rust::parse(&dot).expect("DOT parses");
    let (nodes, edges) = parts(&g);
    let by_label =
        |l: &str| nodes.iter().find(|(_, v)| v.as_str() == l).map(|(k, _)| k.clone()).unwrap_or_else(|| panic!("no node {l}: {nodes:?}"));
    let (ru, nato, us) = (by_label("Russia"), by_label("NATO"), by_label("United States"));
    assert!(edges.iter().any(|e| e.0 == ru && e.1 == nato && e.2.to_lowercase().contains("ekspansi")), "{edges:?}");
    assert!(edges.iter().any(|e| e.0 == nato && e.1 == ru && !e.2.contains("dashed")), "NATO demands of Russia");
    assert!(edges.iter().any(|e| e.0 == us && e.1 == ru && e.2.contains("dashed")), "US rejects Russia: {edges:?}");
}

#[test]
fn meetings_and_regions_dot() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let dot = ok(&["render", "--view", "meetings", "--format", "dot", "--store", &store]);
    let (nodes, edges) = parts(&graphviz_rust::parse(&dot).expect("DOT parses"));
    let geneva =
        nodes.iter().find(|(_, l)| l.starts_with("Geneva") && l.contains("2022-01-10")).map(|(k, _)| k.clone()).expect("Geneva 2022-01-10");
    let ru = nodes.iter().find(|(_, l)| *l == "Russia").map(|(k, _)| k.clone()).unwrap();
    assert!(edges.iter().any(|e| e.0 == ru && e.1 == geneva));
    let dot = ok(&["render", "--view", "regions", "--format", "dot", "--store", &store]);
    let (nodes, _) = parts(&graphviz_rust::parse(&dot).expect("DOT parses"));
    assert!(nodes.values().any(|l| l.starts_with("Crimea")), "{nodes:?}");
}

#[test]
fn svg_is_well_formed_with_labels() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let svg = ok(&["render", "--view", "demands", "--format", "svg", "--store", &store]);
    let doc = svg_doc(&svg).expect("well-formed SVG");
    let text: String = doc.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap_or("")).collect();
    for label in ["Russia", "NATO"] {
        assert!(text.contains(label), "SVG lacks {label}");
    }
}

#[test]
fn pure_rust_svg_without_graphviz() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let dot = ok(&["render", "--view", "meetings", "--format", "dot", "--store", &store]);
    let svg = warta::render::svg::pure_rust_svg(&dot).expect("layout");
    let doc = svg_doc(&svg).expect("well-formed SVG");
    let text: String = doc.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap_or("")).collect();
    assert!(text.contains("Geneva") && text.contains("Russia"), "{text}");
}

#[test]
fn graphviz_accepts_every_view() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    if !tool("dot", "-V") {
        return;
    }
    for view in ["demands", "meetings", "regions"] {
        let dot = ok(&["render", "--view", view, "--format", "dot", "--store", &store]);
        let tmp = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(tmp.path(), &dot).unwrap();
        let o = std::process::Command::new("dot").arg("-Tsvg").arg(tmp.path()).output().unwrap();
        assert!(o.status.success(), "dot rejected the {view} view: {}", String::from_utf8_lossy(&o.stderr));
        let svg = String::from_utf8_lossy(&o.stdout).into_owned();
        svg_doc(&svg).expect("Graphviz SVG");
    }
}

fn svg_doc(text: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    roxmltree::Document::parse_with_options(text, roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() })
}
