//! The extractor: any text as an article (title line, body), run through every
//! language pack, with a publication date (relative dates resolve) and without, and
//! its graph serialised as N-Quads. Must never panic.

use oxigraph::model::GraphName;
use warta::rdf::{article_quads, graph_iri, write_quads, Format};

fn main() {
    let published = warta::article::parse_published("2022-01-21");
    // Load the packs and gazetteer before AFL's fork server starts, not in each child.
    if let Some(a) = warta::article::article_from_text("Rusia menuntut NATO\nLavrov bertemu Blinken di Jenewa.", "warm-up".into()) {
        warta::lang::packs().iter().for_each(|p| drop(warta::extract::extract(&a, p)));
    }
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        let Some(mut article) = warta::article::article_from_text(&text, "fuzz.txt".into()) else { return };
        for (i, pack) in warta::lang::packs().iter().enumerate() {
            article.published = if (data.len() + i) % 2 == 0 { published } else { None };
            let x = warta::extract::extract(&article, pack);
            let quads = article_quads(&x, GraphName::NamedNode(graph_iri(&x.hash)));
            let mut out = Vec::new();
            write_quads(quads, Format::Nquads, &mut out).expect("writing to memory cannot fail");
        }
    });
}
