//! Command line: options (clap derive), one file per subcommand, exit codes.

mod build;
mod completions;
mod demo;
mod eval;
mod explain;
mod export;
mod extract;
mod load;
mod man;
mod push;
mod query;
mod render;
mod serve;
mod status;
pub mod stream;
mod validate;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes: what the shell sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    /// Nothing could be done (bad arguments, missing store, bad query).
    Failed = 1,
    /// Some inputs failed; the others were processed.
    Partial = 2,
}

impl Exit {
    /// The exit code of a run over many inputs: `ok` done, `failures` failed.
    pub fn for_counts(ok: usize, failures: usize) -> Exit {
        match (ok, failures) {
            (_, 0) => Exit::Ok,
            (0, _) => Exit::Failed,
            _ => Exit::Partial,
        }
    }
}

#[derive(Parser)]
#[command(
    name = "warta",
    version,
    about = "Turn news articles (Indonesian first) into an RDF knowledge graph of demands, rejections, meetings, disputed regions and roles",
    after_help = "Start with `warta demo` to build, query and draw the bundled sample articles into out/."
)]
pub struct Opts {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Extract facts from articles and print RDF to standard output (no store).
    #[command(
        after_help = "Examples:\n  warta extract article.txt\n  warta extract article.txt --format turtle --published 2022-01-21\n  warta extract feed.jsonl --format nquads\n  warta extract --jsonl - < shard.jsonl > shard.nq   # stream: N-Quads, one graph per article"
    )]
    Extract(extract::Args),
    /// Read articles (files or folders), extract, and load them into the store, one named graph per article.
    #[command(
        after_help = "Examples:\n  warta build articles/\n  warta build a.txt feed.jsonl --store out/store\n  warta build articles/ --prune\n\nRunning it again on the same input extracts nothing and changes no article graph; a changed article replaces its old graph."
    )]
    Build(build::Args),
    /// Run a SPARQL query from the library (by name) or a .rq file over the store.
    #[command(
        after_help = "Examples:\n  warta query --list\n  warta query demands\n  warta query meetings --format csv\n  warta query demands-by --param actor=Russia\n  warta query meets-with --rdf-format ntriples\n  warta query my-question.rq --format json"
    )]
    Query(query::Args),
    /// Write the store's article graphs (or the merged graph, or chosen graphs) as RDF.
    #[command(
        after_help = "Examples:\n  warta export --format nquads > graph.nq\n  warta export -o graph.ttl\n  warta export --merged -o merged.jsonld\n  warta export --graph wid:graph/8f333c95631a2b58 --format trig"
    )]
    Export(export::Args),
    /// Show what the store holds: articles, facts per kind, entities, extractor versions, the last build.
    #[command(after_help = "Examples:\n  warta status\n  warta status --store out/store")]
    Status(status::Args),
    /// Draw a relation diagram (DOT, SVG or PNG) from the store.
    #[command(after_help = "Examples:\n  warta render --view demands --format svg -o demands.svg\n  warta render --all -o out/diagrams")]
    Render(render::Args),
    /// Show, for each article, every fact with the sentence and rule that produced it.
    #[command(after_help = "Examples:\n  warta explain article.txt\n  warta explain article.txt --published 2022-01-13")]
    Explain(explain::Args),
    /// Build the bundled sample articles, run the query library and draw every diagram into out/.
    #[command(after_help = "Examples:\n  warta demo\n  warta demo --articles my-articles/ --out results/")]
    Demo(demo::Args),
    /// Score the extractor against gold annotations: precision, recall and F1 per relation kind.
    #[command(
        after_help = "Examples:\n  warta eval ../shared/gold/seeds.toml --texts ../shared/seeds\n  warta eval tests/fixtures/id/gold.toml --texts tests/fixtures/id/articles --detail\n  warta eval examples/gold.toml --texts examples/articles --json --only asean\n\nGives the same numbers as ../shared/tools/score-gold.py; gold format: ../shared/gold/README.md."
    )]
    Eval(eval::Args),
    /// Check the graph against the SHACL shapes (ontology/shapes.ttl): exit 1 on violations; warnings pass.
    #[command(
        after_help = "Examples:\n  warta validate\n  warta validate --store out/store --format turtle -o report.ttl\n  warta validate graph.ttl more.nq\n  warta validate graph.trig --shapes my-shapes.ttl\n\nSupports the SHACL Core constraints used by ontology/shapes.ttl (targets, counts, datatype, class, nodeKind, in, hasValue, ranges, lengths, pattern, or) and SPARQL-based constraints; anything else in a shapes file is refused."
    )]
    Validate(validate::Args),
    /// Bulk-load N-Quads of article graphs (from sharded `extract --jsonl` runs) into the store.
    #[command(
        after_help = "Examples:\n  warta load shard-*.nq --store out/store\n  warta extract --jsonl - < feed.jsonl | warta load - --store out/store\n  warta load corrected.nq --replace\n\nThe merged graph is recomputed afterwards; loading the same files again changes nothing."
    )]
    Load(load::Args),
    /// Serve the store read-only until Ctrl-C: a web explorer at /, RDF at every /id/… IRI, SPARQL 1.1 at /query.
    #[command(
        after_help = "Examples:\n  warta serve\n  warta serve --store out/store --bind 127.0.0.1:8080 --timeout-secs 10 --max-rows 1000\n  warta serve --base-iri https://graph.example.org/id/ --cors https://example.org\n  curl -H 'Accept: text/turtle' http://127.0.0.1:7878/id/entity/Q159\n  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/query\n\nOpen http://127.0.0.1:7878/ in a browser. The default graph is the union of the article graphs; /update answers 403."
    )]
    Serve(serve::Args),
    /// Send every article graph to a remote triplestore (Graph Store Protocol PUT, or SPARQL Update).
    #[command(
        after_help = "Examples:\n  warta push --endpoint http://127.0.0.1:7878/update --graph-store http://127.0.0.1:7878/store\n  warta push --endpoint http://localhost:8890/sparql-auth --graph-store http://localhost:8890/sparql-graph-crud-auth --auth digest --user dba --password-env VIRTUOSO_PASSWORD\n  warta push --endpoint https://db.example.org/update --update-only --token-env DB_TOKEN --merged\n\nPushing again replaces each graph: the result is the same. Retries 5xx and connection errors with backoff; stops at the first 4xx."
    )]
    Push(push::Args),
    /// Print a shell completion script (bash, zsh or fish).
    #[command(
        after_help = "Examples:\n  warta completions bash > ~/.local/share/bash-completion/completions/warta\n  warta completions zsh > ~/.zfunc/_warta\n  warta completions fish > ~/.config/fish/completions/warta.fish"
    )]
    Completions(completions::Args),
    /// Print the manual page (roff), or write one page per subcommand with --out-dir.
    #[command(after_help = "Examples:\n  warta man | man -l -\n  warta man --out-dir ~/.local/share/man/man1")]
    Man(man::Args),
}

/// Parses arguments, runs the command, prints errors once, returns the exit code.
pub fn main() -> ExitCode {
    let opts = Opts::parse();
    let result = match opts.command {
        Command::Extract(a) => extract::run(a),
        Command::Build(a) => build::run(a),
        Command::Query(a) => query::run(a),
        Command::Export(a) => export::run(a),
        Command::Status(a) => status::run(a),
        Command::Render(a) => render::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Demo(a) => demo::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Validate(a) => validate::run(a),
        Command::Load(a) => load::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Push(a) => push::run(a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => man::run(a),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("warta: error: {e}");
            ExitCode::from(Exit::Failed as u8)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
        || e.to_string().contains("Broken pipe")
}

/// Where output goes: a file (`-o`) or standard output.
pub fn output(path: Option<&PathBuf>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => {
            if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: cannot create folder: {e}", dir.display()))?;
            }
            Box::new(std::io::BufWriter::new(std::fs::File::create(p).map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", p.display()))?))
        }
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

/// Parses `--lang`: auto or a registered language pack.
pub fn parse_lang(s: &str) -> Result<crate::lang::LangChoice, String> {
    crate::lang::LangChoice::parse(s)
}

/// Parses `--published`.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::article::parse_published(s).ok_or_else(|| format!("{s:?} is not a date; use YYYY-MM-DD, e.g. 2022-01-21"))
}
