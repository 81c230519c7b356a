//! The SPARQL query library (`queries/*.rq`, also built into the binary) and
//! running queries over the store with results in table, CSV, TSV, JSON or XML
//! (SELECT, ASK) or RDF (CONSTRUCT, DESCRIBE).

mod params;

use crate::error::{Result, WartaError};
use crate::rdf::{write_quads, Format};
use oxigraph::model::{GraphName, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator, Variable};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;

pub use params::{bind, declared, parse_assignment, ParamKind, ParamSpec};

/// The built-in library: (name, text).
pub const LIBRARY: &[(&str, &str)] = &[
    ("demands", include_str!("../queries/demands.rq")),
    ("rejections", include_str!("../queries/rejections.rq")),
    ("meetings", include_str!("../queries/meetings.rq")),
    ("disputed-regions", include_str!("../queries/disputed-regions.rq")),
    ("roles", include_str!("../queries/roles.rq")),
    ("evidence", include_str!("../queries/evidence.rq")),
    ("demands-by", include_str!("../queries/demands-by.rq")),
    ("demands-of", include_str!("../queries/demands-of.rq")),
    ("demands-with-rejections", include_str!("../queries/demands-with-rejections.rq")),
    ("meetings-timeline", include_str!("../queries/meetings-timeline.rq")),
    ("who-met-whom", include_str!("../queries/who-met-whom.rq")),
    ("meets-with", include_str!("../queries/meets-with.rq")),
    ("disagreements", include_str!("../queries/disagreements.rq")),
    ("sources", include_str!("../queries/sources.rq")),
    ("entity-profile", include_str!("../queries/entity-profile.rq")),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

impl ResultFormat {
    /// The W3C results format (the table is for people only; CSV stands in).
    fn w3c(self) -> QueryResultsFormat {
        match self {
            ResultFormat::Table | ResultFormat::Csv => QueryResultsFormat::Csv,
            ResultFormat::Tsv => QueryResultsFormat::Tsv,
            ResultFormat::Json => QueryResultsFormat::Json,
            ResultFormat::Xml => QueryResultsFormat::Xml,
        }
    }
}

/// A query's text and where it came from (for error messages).
pub struct QuerySource {
    pub origin: String,
    pub text: String,
}

/// Resolves `NAME` (library or `queries/NAME.rq`) or a path to a `.rq` file.
pub fn resolve(name_or_path: &str) -> Result<QuerySource> {
    let path = Path::new(name_or_path);
    if name_or_path.ends_with(".rq") || name_or_path.contains('/') {
        let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => WartaError::Query { path: name_or_path.into(), message: "not UTF-8 text".into() },
            _ => WartaError::io(path, e),
        })?;
        return Ok(QuerySource { origin: name_or_path.to_string(), text });
    }
    let local = Path::new("queries").join(format!("{name_or_path}.rq"));
    if let Ok(text) = std::fs::read_to_string(&local) {
        return Ok(QuerySource { origin: local.display().to_string(), text });
    }
    if let Some((_, text)) = LIBRARY.iter().find(|(n, _)| *n == name_or_path) {
        return Ok(QuerySource { origin: format!("queries/{name_or_path}.rq"), text: text.to_string() });
    }
    let names: Vec<&str> = LIBRARY.iter().map(|(n, _)| *n).collect();
    Err(WartaError::Query {
        path: name_or_path.into(),
        message: format!("no such query; the library has: {} (or give a path to a .rq file)", names.join(", ")),
    })
}

/// First comment block of a query, without its `@param` lines: what it answers.
pub fn description(text: &str) -> String {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .filter(|l| !l.starts_with("@param"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Is this a CONSTRUCT or DESCRIBE query (its results are RDF, not rows)?
/// Looks at the first keyword after comments and the PREFIX/BASE prologue.
pub fn returns_graph(text: &str) -> bool {
    let body: Vec<&str> = text.lines().map(|l| l.split('#').next().unwrap_or("")).flat_map(str::split_whitespace).collect();
    let mut words = body.iter().map(|w| w.to_ascii_uppercase());
    while let Some(w) = words.next() {
        match w.as_str() {
            "PREFIX" => {
                words.nth(1);
            }
            "BASE" => {
                words.next();
            }
            other => return other == "CONSTRUCT" || other == "DESCRIBE",
        }
    }
    false
}

/// Runs a query without parameters; graph results are written as Turtle.
pub fn run(store: &Store, q: &QuerySource, format: ResultFormat, out: &mut dyn Write) -> Result<()> {
    run_with(store, q, &[], format, Format::Turtle, &Limits::default(), out)
}

/// Bounds on one query run, so that a runaway query cannot hang a script.
#[derive(Debug, Clone, Copy, Default)]
pub struct Limits {
    /// Stop the evaluation (an error) after this long.
    pub timeout: Option<std::time::Duration>,
    /// Write at most this many solutions or triples (a warning says the rest were cut).
    pub max_rows: Option<usize>,
}

/// Runs a query with its parameters bound (see `bind`) and writes the
/// results: solutions and booleans in `format`, graphs in `rdf`. Unless the
/// query names its own dataset (FROM), its default graph is the store's, which
/// holds the union of the article graphs (see `store::union`); `GRAPH`
/// reaches every graph, the merged one included.
pub fn run_with(
    store: &Store,
    q: &QuerySource,
    bindings: &[(Variable, Term)],
    format: ResultFormat,
    rdf: Format,
    limits: &Limits,
    out: &mut dyn Write,
) -> Result<()> {
    let qerr = |message: String| WartaError::Query { path: q.origin.clone(), message };
    let mut evaluator = SparqlEvaluator::new();
    let cancel = CancellationToken::new();
    if let Some(timeout) = limits.timeout {
        evaluator = evaluator.with_cancellation_token(cancel.clone());
        let cancel = cancel.clone();
        // Detached: it outlives a quick query harmlessly, and cancels a slow one.
        std::thread::spawn(move || {
            std::thread::sleep(timeout);
            cancel.cancel();
        });
    }
    let timed_out = |e: String| match limits.timeout {
        Some(t) if e.contains("cancel") || e.contains("Cancel") => {
            qerr(format!("stopped after the --timeout of {}s; narrow the query, or give a longer --timeout", t.as_secs_f64()))
        }
        _ => qerr(e),
    };
    let mut prepared = evaluator.parse_query(&q.text).map_err(|e| qerr(format!("SPARQL syntax error: {e}")))?;
    for (var, term) in bindings {
        prepared = prepared.substitute_variable(var.clone(), term.clone());
    }
    let results = prepared.on_store(store).execute().map_err(|e| timed_out(e.to_string()))?;
    let io = |e: std::io::Error| qerr(format!("cannot write results: {e}"));
    let max_rows = limits.max_rows.unwrap_or(usize::MAX);
    let truncated = |n: usize| eprintln!("warta: warning: {}: results cut at {n} rows (--limit); raise the limit to see more", q.origin);
    match results {
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                if rows.len() == max_rows {
                    truncated(max_rows);
                    break;
                }
                let s = s.map_err(|e| timed_out(e.to_string()))?;
                rows.push(vars.iter().map(|v| s.get(v).cloned()).collect::<Vec<Option<Term>>>());
            }
            if format == ResultFormat::Table {
                return write_table(&vars.iter().map(|v| v.as_str().to_string()).collect::<Vec<_>>(), &rows, out).map_err(io);
            }
            let mut w = QueryResultsSerializer::from_format(format.w3c()).serialize_solutions_to_writer(out, vars.clone()).map_err(io)?;
            for row in &rows {
                let pairs = vars.iter().zip(row).filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref())));
                w.serialize(pairs).map_err(io)?;
            }
            w.finish().map_err(io)?;
        }
        QueryResults::Boolean(b) => match format {
            ResultFormat::Table => writeln!(out, "{b}").map_err(io)?,
            other => {
                QueryResultsSerializer::from_format(other.w3c()).serialize_boolean_to_writer(out, b).map_err(io)?;
            }
        },
        QueryResults::Graph(triples) => {
            let mut quads = Vec::new();
            for t in triples {
                if quads.len() == max_rows {
                    truncated(max_rows);
                    break;
                }
                let t = t.map_err(|e| timed_out(e.to_string()))?;
                quads.push(t.in_graph(GraphName::DefaultGraph));
            }
            write_quads(quads, rdf, out).map_err(io)?;
        }
    }
    Ok(())
}

/// A term as a person reads it: prefixed IRIs, bare literal values.
pub fn display_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => crate::vocab::prefixed(n.as_str()).unwrap_or_else(|| n.as_str().to_string()),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

fn write_table(vars: &[String], rows: &[Vec<Option<Term>>], out: &mut dyn Write) -> std::io::Result<()> {
    const MAX: usize = 60;
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|t| {
                    let s = t.as_ref().map(display_term).unwrap_or_default().replace('\n', " ");
                    if s.chars().count() > MAX {
                        format!("{}…", s.chars().take(MAX - 1).collect::<String>())
                    } else {
                        s
                    }
                })
                .collect()
        })
        .collect();
    let widths: Vec<usize> = vars
        .iter()
        .enumerate()
        .map(|(i, v)| cells.iter().map(|r| r[i].chars().count()).chain([v.chars().count()]).max().unwrap_or(0))
        .collect();
    let line = |out: &mut dyn Write, items: &[String]| -> std::io::Result<()> {
        let parts: Vec<String> = items.iter().zip(&widths).map(|(s, w)| format!("{s:<w$}")).collect();
        writeln!(out, "{}", parts.join(" │ ").trim_end())
    };
    line(out, vars)?;
    writeln!(out, "{}", widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>().join("─┼─"))?;
    for r in &cells {
        line(out, r)?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })
}
