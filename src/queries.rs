//! The SPARQL query library (`queries/*.rq`, also built into the binary) and
//! running queries over the store with results in table, CSV, TSV, JSON or XML.

use crate::error::{Result, WartaError};
use crate::rdf::{write_quads, Format};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;

/// The built-in library: (name, text).
pub const LIBRARY: &[(&str, &str)] = &[
    ("demands", include_str!("../queries/demands.rq")),
    ("rejections", include_str!("../queries/rejections.rq")),
    ("meetings", include_str!("../queries/meetings.rq")),
    ("disputed-regions", include_str!("../queries/disputed-regions.rq")),
    ("roles", include_str!("../queries/roles.rq")),
    ("evidence", include_str!("../queries/evidence.rq")),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
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

/// First comment block of a query: what it answers.
pub fn description(text: &str) -> String {
    text.lines().take_while(|l| l.starts_with('#')).map(|l| l.trim_start_matches('#').trim()).collect::<Vec<_>>().join(" ")
}

/// Runs a query over the union of all article graphs and writes the results.
pub fn run(store: &Store, q: &QuerySource, format: ResultFormat, out: &mut dyn Write) -> Result<()> {
    let qerr = |message: String| WartaError::Query { path: q.origin.clone(), message };
    let mut prepared = SparqlEvaluator::new().parse_query(&q.text).map_err(|e| qerr(format!("SPARQL syntax error: {e}")))?;
    prepared.dataset_mut().set_default_graph_as_union();
    let results = prepared.on_store(store).execute().map_err(|e| qerr(e.to_string()))?;
    let io = |e: std::io::Error| qerr(format!("cannot write results: {e}"));
    match results {
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s.map_err(|e| qerr(e.to_string()))?;
                rows.push(vars.iter().map(|v| s.get(v).cloned()).collect::<Vec<Option<Term>>>());
            }
            if format == ResultFormat::Table {
                return write_table(&vars.iter().map(|v| v.as_str().to_string()).collect::<Vec<_>>(), &rows, out).map_err(io);
            }
            let rf = match format {
                ResultFormat::Csv => QueryResultsFormat::Csv,
                ResultFormat::Tsv => QueryResultsFormat::Tsv,
                ResultFormat::Json => QueryResultsFormat::Json,
                _ => QueryResultsFormat::Xml,
            };
            let mut w = QueryResultsSerializer::from_format(rf).serialize_solutions_to_writer(out, vars.clone()).map_err(io)?;
            for row in &rows {
                let pairs = vars.iter().zip(row).filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref())));
                w.serialize(pairs).map_err(io)?;
            }
            w.finish().map_err(io)?;
        }
        QueryResults::Boolean(b) => match format {
            ResultFormat::Table => writeln!(out, "{b}").map_err(io)?,
            other => {
                let rf = match other {
                    ResultFormat::Csv => QueryResultsFormat::Csv,
                    ResultFormat::Tsv => QueryResultsFormat::Tsv,
                    ResultFormat::Json => QueryResultsFormat::Json,
                    _ => QueryResultsFormat::Xml,
                };
                QueryResultsSerializer::from_format(rf).serialize_boolean_to_writer(out, b).map_err(io)?;
            }
        },
        QueryResults::Graph(triples) => {
            let mut quads = Vec::new();
            for t in triples {
                let t = t.map_err(|e| qerr(e.to_string()))?;
                quads.push(t.in_graph(oxigraph::model::GraphName::DefaultGraph));
            }
            write_quads(quads, Format::Turtle, out).map_err(io)?;
        }
    }
    Ok(())
}

/// A term as a person reads it: prefixed IRIs, bare literal values.
pub fn display_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => {
            for (p, ns) in crate::vocab::PREFIXES {
                if let Some(rest) = n.as_str().strip_prefix(ns) {
                    return format!("{p}:{rest}");
                }
            }
            n.as_str().to_string()
        }
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
