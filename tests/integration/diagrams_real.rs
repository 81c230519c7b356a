//! Diagrams of a store the size of a month of news: our own generated articles
//! (a dozen busy sides meeting and making demands through March 2024) plus the
//! real articles of ../shared/dev. `render --all` draws every view without
//! refusing, each within 3:1 and with at most ~60 labelled nodes, and known
//! facts show where they belong.

use crate::common::*;
use regex::Regex;
use std::collections::BTreeSet;
use std::path::Path;

const SIDES: [&str; 14] = [
    "Rusia",
    "Amerika Serikat",
    "Ukraina",
    "Jepang",
    "Korea Selatan",
    "China",
    "Turki",
    "Jerman",
    "Iran",
    "Prancis",
    "India",
    "Brasil",
    "Mesir",
    "Qatar",
];
const CITIES: [&str; 8] = ["Wina", "Doha", "Ankara", "Brussel", "Tokyo", "Seoul", "Istanbul", "Kairo"];
const ACTIONS: [&str; 8] = [
    "menghentikan serangan ke fasilitas energi",
    "membuka koridor bantuan di perbatasan",
    "menarik kapal perang dari selat itu",
    "menyerahkan data program nuklirnya",
    "membebaskan wartawan yang ditahan",
    "menurunkan tarif impor baja",
    "menghormati gencatan senjata",
    "memulangkan para pengungsi",
];
const ARTICLES: usize = 160;

/// A small seeded generator, so the corpus is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    /// An index below `n`, the low ones more likely (a few sides make most news).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1000) as f64 / 1000.0;
        ((u * u) * n as f64) as usize
    }
}

/// The corpus as JSON lines, and the (city, day of March) of every meeting
/// where Jepang and Korea Selatan sat. Diagrams take the reports of one city and
/// day as one meeting, so sides that two articles put there have met.
fn corpus() -> (String, BTreeSet<(String, u32)>) {
    let mut rng = Lcg(20240301);
    let mut lines = String::new();
    let mut tables: std::collections::BTreeMap<(String, u32), BTreeSet<&str>> = Default::default();
    let article = |lines: &mut String, id: String, day: u32, title: String, body: Vec<String>| {
        let text = format!("JAKARTA, {day} Maret 2024 - {}", body.join("\n\n"));
        let json = serde_json::json!({"id": id, "title": title, "text": text, "published": format!("2024-03-{day:02}")});
        lines.push_str(&format!("{json}\n"));
    };
    for i in 0..ARTICLES {
        let day = 1 + (i % 28) as u32;
        let a = rng.skewed(SIDES.len());
        let mut b = rng.skewed(SIDES.len());
        // Turki's demands of Jerman are only the four written below.
        while b == a || (SIDES[a] == "Turki" && SIDES[b] == "Jerman") {
            b = (b + 1) % SIDES.len();
        }
        let (a, b) = (SIDES[a], SIDES[b]);
        let city = CITIES[(rng.next() % CITIES.len() as u64) as usize];
        let action = ACTIONS[(rng.next() % ACTIONS.len() as u64) as usize];
        tables.entry((city.to_string(), day)).or_default().extend([a, b]);
        let mut body = vec![
            format!("Delegasi {a} dan {b} menggelar pertemuan di {city} pada Selasa ({day}/3/2024)."),
            format!("{a} mendesak {b} untuk {action}."),
            "Para pengamat menilai pembicaraan itu berjalan alot.".to_string(),
        ];
        if i % 3 == 0 {
            body.push(format!("{b} menolak tuntutan {a} tersebut."));
        }
        article(&mut lines, format!("gen{i}"), day, format!("{a} dan {b} Bertemu di {city}"), body);
    }
    let summit = "Delegasi Jepang, Korea Selatan, dan India menggelar pertemuan di Jenewa pada Selasa (12/3/2024).";
    let body = vec![summit.to_string(), "Ketiga negara sepakat bertemu lagi bulan depan.".to_string()];
    article(&mut lines, "summit".into(), 12, "Jepang dan Korea Selatan Bertemu di Jenewa".into(), body);
    tables.entry(("Jenewa".to_string(), 12)).or_default().extend(["Jepang", "Korea Selatan", "India"]);
    for (k, action) in ACTIONS.iter().take(4).enumerate() {
        let body = vec![format!("Pemerintah Turki mendesak Jerman untuk {action}."), "Berlin belum menanggapi.".to_string()];
        article(&mut lines, format!("tr{k}"), 20 + k as u32, format!("Turki Desak Jerman ({k})"), body);
    }
    let japan_korea =
        tables.into_iter().filter(|(_, sides)| sides.contains("Jepang") && sides.contains("Korea Selatan")).map(|(k, _)| k).collect();
    (lines, japan_korea)
}

/// Width over height of an SVG (Graphviz's in points, ours in pixels).
fn aspect(svg: &str) -> f64 {
    let doc = roxmltree::Document::parse_with_options(svg, roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() })
        .expect("well-formed SVG");
    let size = |name: &str| -> f64 { doc.root_element().attribute(name).unwrap_or("0").trim_end_matches("pt").parse().unwrap_or(0.0) };
    let (w, h) = (size("width"), size("height"));
    assert!(w > 0.0 && h > 0.0, "SVG has a size: {w} × {h}");
    w / h
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Nodes of a DOT network with a visible label (the legend left out).
fn labelled_nodes(dot: &str) -> usize {
    let node = Regex::new(r#"(?m)^\s+n_\w+ \[label="([^"]*)""#).unwrap();
    node.captures_iter(dot).filter(|c| !c[1].is_empty()).count()
}

/// The y of a lane and the (x, y) of the marks of a meeting in the timeline DOT.
fn lane_y(dot: &str, side: &str) -> f64 {
    let re = Regex::new(&format!(r#"lane\d+ \[label="{}\\r".*pos="[\d.]+,([\d.]+)!""#, regex::escape(side))).unwrap();
    re.captures(dot).unwrap_or_else(|| panic!("no lane for {side}:\n{dot}"))[1].parse().unwrap()
}

fn marks(dot: &str, meeting: &str) -> Vec<(f64, f64)> {
    let re = Regex::new(&format!(r#"meeting="{}".*pos="([\d.]+),([\d.]+)!""#, regex::escape(meeting))).unwrap();
    re.captures_iter(dot).map(|c| (c[1].parse().unwrap(), c[2].parse().unwrap())).collect()
}

#[test]
fn a_month_of_news_gives_four_readable_diagrams() {
    let Some(dev) = dev() else {
        return;
    };
    let graphviz = tool("dot", "-V");
    let tmp = tempfile::tempdir().unwrap();
    // WARTA_KEEP_DIAGRAMS=DIR keeps the store and the diagrams there, for a look at them.
    let dir = std::env::var_os("WARTA_KEEP_DIAGRAMS").map(std::path::PathBuf::from).unwrap_or_else(|| tmp.path().to_path_buf());
    let _ = std::fs::remove_dir_all(dir.join("store"));
    let (feed, japan_korea) = corpus();
    let feed_path = dir.join("month.jsonl");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&feed_path, feed).unwrap();
    let store = dir.join("store").display().to_string();
    ok(&["build", &feed_path.display().to_string(), &dev.display().to_string(), "--store", &store, "--quiet"]);

    let out = dir.join("diagrams");
    let o = warta(&["render", "--all", "-o", &out.display().to_string(), "--store", &store]);
    assert!(o.status.success(), "no refusal by default: {}", stderr(&o));
    for name in ["demands", "meetings-timeline", "who-met-whom", "regions"] {
        let dot = read(&out, &format!("{name}.dot"));
        assert!(graphviz_rust::parse(&dot).is_ok(), "{name}.dot parses");
        let svg = read(&out, &format!("{name}.svg"));
        if graphviz || name == "who-met-whom" {
            let r = aspect(&svg);
            assert!((1.0 / 3.0..=3.0).contains(&r), "{name}: aspect ratio {r:.2} is beyond 3:1");
        }
    }

    // Demands: one edge per pair, with a count.
    let demands = read(&out, "demands.dot");
    let n = labelled_nodes(&demands);
    assert!((10..=61).contains(&n), "{n} labelled nodes in the demands diagram");
    let pair = Regex::new(r#"n_Q43_\w+ -> n_Q183_\w+ \[label="4", class="demand".*tooltip="([^"]*)", penwidth=([\d.]+)"#).unwrap();
    let c = pair.captures(&demands).unwrap_or_else(|| panic!("Turki → Jerman with 4 demands:\n{demands}"));
    assert!(ACTIONS.iter().take(4).all(|a| c[1].contains(a)), "the actions are in the tooltip: {}", &c[1]);
    assert!(c[2].parse::<f64>().unwrap() > 2.0, "four demands make a thick line");
    assert!(!demands.contains("label=\"menghentikan serangan"), "actions are not edge text in the overview");

    // Timeline: the summit in Geneva marks the lanes of Japan, South Korea and India.
    let timeline = read(&out, "meetings-timeline.dot");
    let summit = marks(&timeline, "Jenewa 2024-03-12");
    let ys: BTreeSet<String> = summit.iter().map(|m| format!("{:.1}", m.1)).collect();
    let lanes: BTreeSet<String> = ["Jepang", "Korea Selatan", "India"].iter().map(|s| format!("{:.1}", lane_y(&timeline, s))).collect();
    assert_eq!(ys, lanes, "one mark per participant's lane: {summit:?}");
    assert!(summit.windows(2).all(|w| w[0].0 == w[1].0), "the marks are one above the other");
    assert!(timeline.contains("[label=\"Jenewa\", class=\"city\""), "the summit is labelled with its city");
    let lane_count = Regex::new(r"(?m)^  lane\d+ \[").unwrap().find_iter(&timeline).count();
    let cities = timeline.matches("class=\"city\"").count();
    assert!(lane_count <= 20 && lane_count + cities <= 60, "{lane_count} lanes, {cities} city labels");

    // Who met whom: the count on a known pair, its meetings in the cell's title.
    let matrix = read(&out, "who-met-whom.svg");
    let title = Regex::new(r"<title>(Jepang – Korea Selatan|Korea Selatan – Jepang): (\d+) shared meeting\(s\)\n([^<]*)</title>").unwrap();
    let c = title.captures(&matrix).unwrap_or_else(|| panic!("a cell for Jepang and Korea Selatan:\n{matrix}"));
    assert_eq!(c[2].parse::<usize>().unwrap(), japan_korea.len(), "{japan_korea:?}");
    assert!(c[3].contains("2024-03-12 Jenewa"), "{}", &c[3]);
    assert!(matrix.matches("class=\"row\"").count() <= 30);

    // A graph over 80 nodes (each meeting a node of its own here) becomes an
    // overview of its busiest nodes and one “others” node, saying how to narrow it.
    let meetings = ok(&["render", "--view", "meetings", "--format", "dot", "--store", &store]);
    let n = labelled_nodes(&meetings);
    assert!((20..=61).contains(&n) && meetings.contains("others"), "{n} labelled nodes in the overview:\n{meetings}");
    assert!(meetings.contains("narrow with --focus NAME, --since/--until, --article, or --force for all"), "{meetings}");
    let full = ok(&["render", "--view", "meetings", "--force", "--format", "dot", "--store", &store]);
    assert!(labelled_nodes(&full) > 80 && !full.contains("others"), "--force draws the full graph");

    // The same store, the same bytes.
    let again = dir.join("again");
    ok(&["render", "--all", "-o", &again.display().to_string(), "--store", &store]);
    for name in ["demands.dot", "meetings-timeline.dot", "who-met-whom.dot", "who-met-whom.svg", "regions.dot"] {
        assert_eq!(read(&out, name), read(&again, name), "{name} is deterministic");
    }

    // One language per diagram: English when asked, Indonesian (most articles) by default.
    let en = ok(&["render", "--view", "meetings", "--timeline", "--lang", "en", "--format", "dot", "--store", &store]);
    assert!(en.contains("label=\"Japan\\r\"") && en.contains("label=\"Geneva\""), "{en}");
    assert!(!en.contains("Jepang") && !en.contains("Jenewa"), "no Indonesian names in the English timeline");
    assert!(!timeline.contains("label=\"Japan\\r\""));

    // --detail: the actions on the edges again, for a small selection.
    let detail = ok(&["render", "--view", "demands", "--detail", "--article", "Turki Desak Jerman", "--format", "dot", "--store", &store]);
    assert!(detail.contains("• menghentikan serangan ke\\l") && detail.contains("(+1 more)"), "{detail}");
}
