//! `warta extract --jsonl FILE|-`: JSONL articles in, N-Quads out, one
//! article at a time and flushed after each, so that shards of a corpus can be
//! extracted by many processes (GNU parallel, Spark `RDD.pipe`) and loaded
//! together with `warta load`.

use super::Exit;
use crate::article::{self, JsonLine, JsonLines, MAX_ARTICLE_BYTES};
use crate::error::WartaError;
use crate::lang::LangChoice;
use crate::rdf::{article_quads, graph_iri, write_quads, Format};
use chrono::NaiveDate;
use oxigraph::model::GraphName;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

/// What a stream run did.
#[derive(Debug, Default, Clone, Copy)]
pub struct StreamSummary {
    pub articles: usize,
    pub failed_lines: usize,
}

/// Reads `source` (a JSONL file, or `-` for standard input) and writes each
/// article's graph as N-Quads to standard output.
pub fn run(source: &Path, published: Option<NaiveDate>, lang: LangChoice) -> anyhow::Result<Exit> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let s = if source == Path::new("-") {
        extract_stream(std::io::stdin().lock(), Path::new("stdin"), published, lang, &mut out)?
    } else {
        let file = std::fs::File::open(source).map_err(|e| WartaError::io(source, e))?;
        extract_stream(BufReader::new(file), source, published, lang, &mut out)?
    };
    Ok(Exit::for_counts(s.articles, s.failed_lines))
}

/// The loop behind `run`: one JSON article per line; a bad line is reported
/// on stderr with its number and skipped.
pub fn extract_stream(
    reader: impl BufRead,
    origin: &Path,
    published: Option<NaiveDate>,
    lang: LangChoice,
    out: &mut impl Write,
) -> anyhow::Result<StreamSummary> {
    let mut s = StreamSummary::default();
    let mut lines = JsonLines::new(reader);
    while let Some((line_no, line)) = lines.next_line().map_err(|e| WartaError::io(origin, e))? {
        let JsonLine::Text(bytes) = line else {
            let message = format!("line longer than {MAX_ARTICLE_BYTES} bytes");
            report(&mut s, WartaError::JsonLine { path: origin.into(), line: line_no, message });
            continue;
        };
        let mut warnings = Vec::new();
        let parsed = article::decode(origin, bytes, &mut warnings).and_then(|text| article::article_from_json_line(&text, origin, line_no));
        for w in warnings {
            eprintln!("warta: warning: {}:{line_no}: {}", origin.display(), w.0);
        }
        let mut a = match parsed {
            Ok(a) => a,
            Err(e) => {
                report(&mut s, e);
                continue;
            }
        };
        if published.is_some() {
            a.published = published;
        }
        let x = crate::extract::extract(&a, lang.pack_for(&a));
        write_quads(article_quads(&x, GraphName::NamedNode(graph_iri(&x.hash))), Format::Nquads, &mut *out)?;
        // Flushed per article: a consumer (Spark, a pipe) sees whole articles as they come.
        out.flush()?;
        s.articles += 1;
    }
    Ok(s)
}

fn report(s: &mut StreamSummary, e: WartaError) {
    eprintln!("warta: error: {e}");
    s.failed_lines += 1;
}
