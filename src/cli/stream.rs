//! `warta extract --jsonl FILE|-`: JSONL articles in, N-Quads out, one
//! article at a time and flushed after each, so that shards of a corpus can be
//! extracted by many processes (GNU parallel, Spark `RDD.pipe`) and loaded
//! together with `warta load`.

use super::Exit;
use crate::article::{self, MAX_ARTICLE_BYTES};
use crate::error::WartaError;
use crate::rdf::{article_quads, graph_iri, write_quads, Format};
use chrono::NaiveDate;
use oxigraph::model::GraphName;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

/// What a stream run did.
#[derive(Debug, Default, Clone, Copy)]
pub struct StreamSummary {
    pub articles: usize,
    pub failed_lines: usize,
}

/// Reads `source` (a JSONL file, or `-` for standard input) and writes each
/// article's graph as N-Quads to standard output.
pub fn run(source: &Path, published: Option<NaiveDate>, lang: &str) -> anyhow::Result<Exit> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let s = if source == Path::new("-") {
        extract_stream(std::io::stdin().lock(), Path::new("stdin"), published, lang, &mut out)?
    } else {
        let file = std::fs::File::open(source).map_err(|e| WartaError::io(source, e))?;
        extract_stream(BufReader::new(file), source, published, lang, &mut out)?
    };
    Ok(super::extract::exit_for(s.articles, s.failed_lines))
}

/// The loop behind `run`: one JSON article per line; a bad line is reported
/// on stderr with its number and skipped.
pub fn extract_stream(
    mut reader: impl BufRead,
    origin: &Path,
    published: Option<NaiveDate>,
    lang: &str,
    out: &mut impl Write,
) -> anyhow::Result<StreamSummary> {
    let fixed = crate::lang::pack(lang);
    let mut s = StreamSummary::default();
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        line_no += 1;
        let n = reader.by_ref().take(MAX_ARTICLE_BYTES as u64 + 1).read_until(b'\n', &mut buf).map_err(|e| WartaError::io(origin, e))?;
        if n == 0 {
            break;
        }
        if buf.len() > MAX_ARTICLE_BYTES {
            report(
                &mut s,
                WartaError::JsonLine { path: origin.into(), line: line_no, message: format!("line longer than {MAX_ARTICLE_BYTES} bytes") },
            );
            let mut rest = Vec::new();
            reader.read_until(b'\n', &mut rest).map_err(|e| WartaError::io(origin, e))?;
            continue;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut warnings = Vec::new();
        let parsed = article::decode(origin, &buf, &mut warnings).and_then(|text| article::article_from_json_line(&text, origin, line_no));
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
        let x = crate::extract::extract(&a, fixed.unwrap_or_else(|| super::extract::pack_for(&a)));
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
