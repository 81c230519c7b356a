//! Diagrams: every DOT parses back with the expected nodes and edges, is the same
//! bytes on a second run and is accepted by Graphviz; SVG is well-formed; the
//! ego, query, top, date, language and size options do what they say (a store
//! the size of a month of news: diagrams_real.rs).

use crate::common::*;
use graphviz_rust::dot_structures::{Edge, EdgeTy, Graph, Id, Node, Stmt, Subgraph, Vertex};
use std::collections::HashMap;

fn id_str(id: &Id) -> String {
    match id {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) => s.trim_matches('"').to_string(),
        Id::Anonymous(s) => s.clone(),
    }
}

type Labels = HashMap<String, String>;
type Edges = Vec<(String, String, String)>;

/// (node id → label) and (from id, to id, attrs) of a parsed DOT graph,
/// clusters included, the legend left out.
fn parts(g: &Graph) -> (Labels, Edges) {
    let Graph::DiGraph { stmts, .. } = g else { panic!("not a digraph") };
    let (mut nodes, mut edges) = (HashMap::new(), Vec::new());
    collect(stmts, &mut nodes, &mut edges);
    (nodes, edges)
}

fn collect(stmts: &[Stmt], nodes: &mut Labels, edges: &mut Edges) {
    for s in stmts {
        match s {
            Stmt::Node(Node { id, attributes }) if id_str(&id.0) != "legend" => {
                let label = attributes.iter().find(|a| id_str(&a.0) == "label").map(|a| id_str(&a.1)).unwrap_or_default();
                nodes.insert(id_str(&id.0), label);
            }
            Stmt::Edge(Edge { ty: EdgeTy::Pair(Vertex::N(a), Vertex::N(b)), attributes }) => {
                let attrs = attributes.iter().map(|a| format!("{}={}", id_str(&a.0), id_str(&a.1))).collect::<Vec<_>>().join(";");
                edges.push((id_str(&a.0), id_str(&b.0), attrs));
            }
            Stmt::Subgraph(Subgraph { stmts, .. }) => collect(stmts, nodes, edges),
            _ => {}
        }
    }
}

/// A rendered diagram: its DOT text, nodes and edges.
struct Dot {
    text: String,
    nodes: Labels,
    edges: Edges,
}

impl Dot {
    fn id(&self, label: &str) -> String {
        self.nodes
            .iter()
            .find(|(_, l)| l.as_str() == label)
            .map(|(k, _)| k.clone())
            .unwrap_or_else(|| panic!("no node {label}: {:?}", self.nodes))
    }
    fn has(&self, label: &str) -> bool {
        self.nodes.values().any(|l| l == label)
    }
    fn edge(&self, from: &str, to: &str, attr: &str) -> bool {
        let (a, b) = (self.id(from), self.id(to));
        self.edges.iter().any(|e| e.0 == a && e.1 == b && e.2.contains(attr))
    }
}

/// `warta render ARGS --format dot`: same bytes twice, accepted by `dot -Tsvg`, parsed.
fn dot(args: &[&str]) -> Dot {
    let args: Vec<&str> = args.iter().copied().chain(["--format", "dot"]).collect();
    let text = ok(&args);
    assert_eq!(text, ok(&args), "DOT is deterministic: {args:?}");
    graphviz_accepts(&text);
    let (nodes, edges) = parts(&graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("DOT parses: {e}\n{text}")));
    Dot { text, nodes, edges }
}

fn graphviz_accepts(text: &str) {
    if !tool("dot", "-V") {
        return;
    }
    let tmp = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(tmp.path(), text).unwrap();
    let o = std::process::Command::new("dot").arg("-Tsvg").arg(tmp.path()).output().unwrap();
    assert!(o.status.success() && o.stderr.is_empty(), "dot complained: {}\n{text}", String::from_utf8_lossy(&o.stderr));
    svg_doc(&String::from_utf8_lossy(&o.stdout)).expect("Graphviz SVG");
}

fn svg_doc(text: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    roxmltree::Document::parse_with_options(text, roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() })
}

fn svg_text(svg: &str) -> String {
    svg_doc(svg).expect("well-formed SVG").descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap_or("")).collect()
}

/// A store built from the bundled samples (examples/articles), in a temporary folder.
fn example_store() -> (tempfile::TempDir, String) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store").display().to_string();
    ok(&["build", "examples/articles", "--store", &store, "--quiet"]);
    (tmp, store)
}

#[test]
fn demands_dot_has_expected_edges() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let overview = dot(&["render", "--view", "demands", "--lang", "en", "--store", &store]);
    assert!(overview.edge("Russia", "NATO", "ekspansi"), "the actions in the tooltip: {:?}", overview.edges);
    assert!(overview.edges.iter().all(|e| !e.2.contains("\\l")), "no action text on the edges: {:?}", overview.edges);
    let d = dot(&["render", "--view", "demands", "--detail", "--lang", "en", "--store", &store]);
    assert!(d.edge("Russia", "NATO", "ekspansi"), "{:?}", d.edges);
    assert!(d.nodes.values().all(|l| !l.contains("ekspansi berkelanjutannya ke timur")), "actions are edge labels");
    let nato_ru = d.edges.iter().find(|e| e.0 == d.id("NATO") && e.1 == d.id("Russia") && e.2.contains("class=demand"));
    assert!(nato_ru.is_some_and(|e| e.2.contains("\\l")), "NATO demands of Russia, wrapped: {:?}", d.edges);
    assert!(d.edge("United States", "Russia", "class=rejection"), "US rejects Russia: {:?}", d.edges);
    let rejection = d.edges.iter().find(|e| e.2.contains("class=rejection")).map(|e| e.2.as_str()).unwrap_or("");
    assert!(rejection.contains("style=dashed") && rejection.contains("#cc0000"), "rejections are red and dashed: {rejection}");
    assert!(d.text.contains("legend [shape=plain") && d.text.contains("rejects (the demand or the side)"), "legend lists rejections");
    assert!(!d.text.contains("disputed region"), "legend lists only the node types present");
}

#[test]
fn meetings_and_regions_dot() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let d = dot(&["render", "--view", "meetings", "--lang", "en", "--store", &store]);
    let geneva = d
        .nodes
        .iter()
        .find(|(_, l)| l.starts_with("Geneva") && l.contains("2022-01-10"))
        .map(|(k, _)| k.clone())
        .expect("Geneva 2022-01-10");
    assert!(d.edges.iter().any(|e| e.0 == d.id("Russia") && e.1 == geneva));
    assert!(d.text.contains("subgraph cluster_Meeting"), "meetings are clustered");
    let d = dot(&["render", "--view", "regions", "--lang", "en", "--store", &store]);
    let crimea = d.nodes.iter().find(|(_, l)| l.starts_with("Crimea")).map(|(k, _)| k.clone()).expect("Crimea");
    assert!(d.edges.iter().any(|e| e.0 == crimea && e.1 == d.id("Russia") && e.2.contains("class=controlled-by")), "{:?}", d.edges);
}

#[test]
fn labels_follow_the_article_language_unless_asked() {
    let (_tmp, store) = example_store();
    let id = dot(&["render", "--view", "meetings", "--store", &store]);
    assert!(id.has("Rusia") && id.nodes.values().any(|l| l.starts_with("Jenewa")), "{:?}", id.nodes);
    let en = dot(&["render", "--view", "meetings", "--lang", "en", "--store", &store]);
    assert!(en.has("Russia") && !en.has("Rusia") && en.nodes.values().any(|l| l.starts_with("Geneva")), "{:?}", en.nodes);
    assert_eq!(id.nodes.len(), en.nodes.len());
}

#[test]
fn svg_is_well_formed_with_labels() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let text = svg_text(&ok(&["render", "--view", "demands", "--lang", "en", "--format", "svg", "--store", &store]));
    for label in ["Russia", "NATO", "Legend"] {
        assert!(text.contains(label), "SVG lacks {label}");
    }
}

#[test]
fn pure_rust_svg_without_graphviz() {
    let (_tmp, store) = example_store();
    for args in [&["--view", "meetings", "--lang", "en"][..], &["--timeline"], &["--view", "regions"], &["--view", "demands"]] {
        let args: Vec<&str> =
            ["render", "--store", &store].iter().copied().chain(args.iter().copied()).chain(["--format", "dot"]).collect();
        let svg = warta::render::svg::pure_rust_svg(&dot(&args[..args.len() - 2]).text).expect("layout");
        let text = svg_text(&svg);
        assert!(!text.contains("<table") && !text.contains("Legend"), "Graphviz-only syntax left out: {text}");
        if args.contains(&"en") {
            assert!(text.contains("Geneva") && text.contains("Russia"), "{text}");
        }
    }
}

#[test]
fn meetings_timeline_has_a_lane_per_side_and_runs_by_date() {
    let (_tmp, store) = example_store();
    let d = dot(&["render", "--view", "meetings", "--timeline", "--store", &store]);
    assert!(d.text.contains("layout=neato") && !d.text.contains("subgraph cluster"), "positions pinned: {}", d.text);
    let lanes: Vec<&String> = d.nodes.iter().filter(|(id, _)| id.starts_with("lane") && !id.contains('_')).map(|(_, l)| l).collect();
    assert!(lanes.iter().any(|l| l.starts_with("Rusia")) && lanes.len() >= 5, "{lanes:?}");
    // Every mark's x grows with its meeting's date.
    let mark = regex::Regex::new(r#"meeting="[^"]* (\d{4}-\d\d-\d\d)".*pos="([\d.]+),"#).unwrap();
    let mut marks: Vec<(String, f64)> = mark.captures_iter(&d.text).map(|c| (c[1].to_string(), c[2].parse().unwrap())).collect();
    assert!(marks.len() >= 10, "{}", d.text);
    marks.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    assert!(marks.windows(2).all(|w| w[0].0 == w[1].0 || w[0].1 < w[1].1), "time runs left to right: {marks:?}");
    assert!(d.text.contains("class=\"tick\""), "a time axis");
}

#[test]
fn ego_view_reaches_depth_hops() {
    let Some((_tmp, store)) = seed_store() else {
        return;
    };
    let d1 = dot(&["render", "--view", "ego", "--focus", "russia", "--depth", "1", "--lang", "en", "--store", &store]);
    assert!(d1.has("Russia") && d1.has("NATO") && d1.has("United States"), "{:?}", d1.nodes);
    assert!(d1.text.contains("Within 1 hop of Russia") && d1.text.contains("penwidth=2.5"), "title and bold focus");
    assert!(!d1.has("Jens Stoltenberg"), "Stoltenberg speaks for NATO: two hops");
    // Crimea is there exactly when a region fact links it to Russia.
    let regions = dot(&["render", "--view", "regions", "--lang", "en", "--store", &store]);
    let linked = regions
        .nodes
        .iter()
        .any(|(id, l)| l.starts_with("Crimea") && regions.edges.iter().any(|e| &e.0 == id && e.1 == regions.id("Russia")));
    assert_eq!(d1.nodes.values().any(|l| l.starts_with("Crimea")), linked);
    let d2 = dot(&["render", "--focus", "Rusia", "--depth", "2", "--lang", "en", "--store", &store]);
    assert!(d2.has("Jens Stoltenberg") && d2.nodes.len() > d1.nodes.len(), "altLabel/@id names match; depth 2 reaches further");
    let o = warta(&["render", "--focus", "Rusa", "--lang", "en", "--store", &store]);
    assert!(!o.status.success() && stderr(&o).contains("did you mean") && stderr(&o).contains("Russia"), "{}", stderr(&o));
    let o = warta(&["render", "--view", "ego", "--store", &store]);
    assert!(!o.status.success() && stderr(&o).contains("--focus"), "{}", stderr(&o));
}

#[test]
fn construct_query_is_drawn() {
    let Some((tmp, store)) = seed_store() else {
        return;
    };
    let rq = tmp.path().join("who-demands.rq");
    let text = "PREFIX warta: <https://w3id.org/warta/ontology#>\nCONSTRUCT { ?a warta:demands ?b . ?p warta:represents ?a }\nWHERE { ?a warta:demands ?x . ?x warta:addressee ?b . OPTIONAL { ?p warta:represents ?a } }\n";
    std::fs::write(&rq, text).unwrap();
    let d = dot(&["render", "--query", &rq.display().to_string(), "--lang", "en", "--store", &store]);
    assert!(d.edge("Russia", "NATO", "warta:demands") && d.edge("NATO", "Russia", "warta:demands"), "{:?}", d.edges);
    assert!(d.edge("Sergey Lavrov", "Russia", "warta:represents"), "{:?}", d.edges);
    assert!(d.text.contains("Query who-demands.rq"));
    let o = warta(&["render", "--query", "demands", "--store", &store]);
    assert!(!o.status.success() && stderr(&o).contains("CONSTRUCT"), "a SELECT is refused: {}", stderr(&o));
}

#[test]
fn top_keeps_the_most_connected() {
    let (_tmp, store) = example_store();
    let all = dot(&["render", "--view", "demands", "--store", &store]);
    let d = dot(&["render", "--view", "demands", "--top", "4", "--store", &store]);
    assert_eq!(d.nodes.len(), 4, "{:?}", d.nodes);
    assert!(all.nodes.len() > 4 && d.has("Israel") && d.text.contains("the 4 most connected"), "{:?}", d.nodes);
    let ids: Vec<&String> = d.nodes.keys().collect();
    assert!(d.edges.iter().all(|e| ids.contains(&&e.0) && ids.contains(&&e.1)));
}

#[test]
fn dates_filter_meetings_and_articles() {
    let (_tmp, store) = example_store();
    let d = dot(&["render", "--view", "meetings", "--since", "2023-11-01", "--store", &store]);
    let dates: Vec<&str> = d.nodes.values().filter_map(|l| l.split("\\n").nth(1)).collect();
    assert!(!dates.is_empty() && dates.iter().all(|d| *d >= "2023-11-01"), "{dates:?}");
    assert!(!d.has("Rusia"), "Istanbul (2023-10-12) is out");
    let d = dot(&["render", "--view", "demands", "--until", "2023-08-31", "--store", &store]);
    assert!(d.edge("ASEAN", "Myanmar", "") && !d.has("Korea Utara"), "demands by article date: {:?}", d.nodes);
    assert!(d.text.contains("until 2023-08-31"), "the subtitle says so");
    let d = dot(&["render", "--view", "demands", "--since", "2023-10-01", "--until", "2023-10-31", "--store", &store]);
    assert!(d.has("Rusia") && d.has("Ukraina") && !d.has("ASEAN"), "{:?}", d.nodes);
    let d = dot(&["render", "--view", "demands", "--article", "istanbul", "--store", &store]);
    assert!(d.has("Rusia") && !d.has("Israel"), "{:?}", d.nodes);
    let strict = dot(&["render", "--view", "demands", "--min-confidence", "0.9", "--store", &store]);
    assert!(strict.edges.len() < all_edges(&store) && !strict.edges.is_empty());
}

fn all_edges(store: &str) -> usize {
    dot(&["render", "--view", "demands", "--store", store]).edges.len()
}

#[test]
fn too_big_graph_becomes_an_overview() {
    let tmp = tempfile::tempdir().unwrap();
    let names: Vec<String> = std::fs::read_to_string(root().join("src/lang/gazetteer/entities.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() > 4 && c[1] == "Country")
        .map(|c| c[4].split('|').next().unwrap_or("").to_string())
        .filter(|n| !n.is_empty() && !n.contains(' '))
        .collect();
    let feed: String = names
        .chunks(2)
        .take(60)
        .enumerate()
        .map(|(i, p)| {
            let text = format!("Pemerintah {} mendesak {} untuk menghentikan uji coba rudal di perbatasan.", p[0], p[1]);
            let title = format!("{} Desak {} Hentikan Uji Coba", p[0], p[1]);
            serde_json::json!({"id": format!("g{i}"), "title": title, "text": text, "published": format!("2023-{:02}-15", 1 + i % 12)})
                .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(tmp.path().join("feed.jsonl"), feed).unwrap();
    let store = tmp.path().join("store").display().to_string();
    ok(&["build", &tmp.path().join("feed.jsonl").display().to_string(), "--store", &store, "--quiet"]);
    let overview = dot(&["render", "--view", "demands", "--store", &store]);
    assert_eq!(overview.nodes.len(), 31, "the 30 busiest and “others”: {:?}", overview.nodes);
    assert!(overview.text.contains("others") && overview.text.contains("--force for all") && overview.text.contains("layout=neato"));
    let forced = dot(&["render", "--view", "demands", "--force", "--store", &store]);
    assert!(forced.nodes.len() > 80);
    assert_eq!(dot(&["render", "--view", "demands", "--top", "30", "--store", &store]).nodes.len(), 30);
    let out = tmp.path().join("diagrams");
    ok(&["render", "--all", "-o", &out.display().to_string(), "--store", &store]);
    assert!(out.join("demands.dot").exists() && out.join("regions.dot").exists(), "nothing refused");
}

#[test]
fn render_all_writes_every_standard_view() {
    let (tmp, store) = example_store();
    let out = tmp.path().join("diagrams");
    ok(&["render", "--all", "-o", &out.display().to_string(), "--store", &store]);
    for name in ["demands", "meetings-timeline", "who-met-whom", "regions"] {
        let dot = std::fs::read_to_string(out.join(format!("{name}.dot"))).unwrap_or_else(|e| panic!("{name}.dot: {e}"));
        graphviz_accepts(&dot);
        svg_text(&std::fs::read_to_string(out.join(format!("{name}.svg"))).unwrap());
    }
    assert!(!out.join("meetings.dot").exists(), "the timeline and the matrix replace the meetings network in --all");
    assert!(!out.join("ego.dot").exists());
}

#[test]
fn graphs_derived_by_build_are_not_drawn_twice() {
    use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
    let (_tmp, store) = example_store();
    let before = dot(&["render", "--view", "demands", "--store", &store]).text;
    {
        let db = oxigraph::store::Store::open(&store).expect("open the store");
        let n = |s: &str| NamedNode::new_unchecked(s);
        let g = GraphName::NamedNode(n("https://w3id.org/warta/id/graph/merged"));
        let action = n("https://w3id.org/warta/id/action/derived");
        let quads = [
            Quad::new(n(US.trim_matches(['<', '>'])), n(&format!("{W}demands")), action.clone(), g.clone()),
            Quad::new(action.clone(), n(&format!("{W}addressee")), n(NATO.trim_matches(['<', '>'])), g.clone()),
            Quad::new(
                action,
                n("http://www.w3.org/2000/01/rdf-schema#label"),
                Literal::new_language_tagged_literal_unchecked("salinan", "id"),
                g,
            ),
        ];
        db.extend(quads).expect("insert");
        db.flush().expect("flush");
    }
    assert_eq!(dot(&["render", "--view", "demands", "--store", &store]).text, before, "only article graphs are drawn");
}
