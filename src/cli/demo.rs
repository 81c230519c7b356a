//! `warta demo`: the main job on the bundled samples — build the graph, run the
//! query library, export the graph, draw every diagram, say what was written.

use super::Exit;
use crate::queries::{self, ResultFormat};
use crate::store::{Access, WartaStore};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Articles to use (files or folders).
    #[arg(long, default_value = "examples/articles")]
    pub articles: Vec<PathBuf>,
    /// Output folder: store/, results/, diagrams/, graph.trig.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
}

pub fn run(a: Args) -> anyhow::Result<Exit> {
    let store_dir = a.out.join("store");
    let s = super::build::build(&a.articles, &store_dir, &crate::store::ingest::BuildConfig::default())?;
    println!(
        "Built {}: {} article graph(s) ({} new, {} replaced, {} unchanged, {} failed); merged: {} meetings, {} demands.",
        store_dir.display(),
        s.articles,
        s.added,
        s.replaced,
        s.unchanged,
        s.failures,
        s.merged.meetings,
        s.merged.demands
    );
    let store = WartaStore::open(&store_dir, Access::Read)?;
    let results = a.out.join("results");
    std::fs::create_dir_all(&results)?;
    println!("Query results:");
    // Queries that need a parameter (an actor, a fact) are for questions, not for the demo.
    for (name, _) in queries::LIBRARY.iter().filter(|(_, text)| queries::declared(text).is_empty()) {
        let q = queries::resolve(name)?;
        if queries::returns_graph(&q.text) {
            let path = results.join(format!("{name}.ttl"));
            let mut f = std::io::BufWriter::new(std::fs::File::create(&path)?);
            queries::run(&store.store, &q, ResultFormat::Csv, &mut f)?;
            println!("  {}", path.display());
            continue;
        }
        for (format, ext) in [(ResultFormat::Csv, "csv"), (ResultFormat::Table, "txt")] {
            let path = results.join(format!("{name}.{ext}"));
            let mut f = std::io::BufWriter::new(std::fs::File::create(&path)?);
            queries::run(&store.store, &q, format, &mut f)?;
        }
        let rows = std::fs::read_to_string(results.join(format!("{name}.csv")))?.lines().count().saturating_sub(1);
        println!("  {:<40} {rows} row(s)", results.join(format!("{name}.txt")).display());
    }
    let graph = a.out.join("graph.trig");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&graph)?);
    let mut graphs = store.article_graphs()?;
    graphs.push(crate::store::merge::merged_graph());
    crate::rdf::write_quads(store.graph_quads(&graphs)?, crate::rdf::Format::Trig, &mut f)?;
    println!("Graph export: {}", graph.display());
    println!("Diagrams:");
    for p in super::render::render_all(&store, &a.out.join("diagrams"))? {
        println!("  {}", p.display());
    }
    println!(
        "\nNext: `warta query demands --store {0}` for a table, `warta query --list` for the library,\n`warta explain ARTICLE.txt` to see why each fact was extracted, `warta build YOUR-FOLDER/` for your own articles.",
        store_dir.display()
    );
    Ok(Exit::for_counts(s.added + s.unchanged, s.failures))
}
