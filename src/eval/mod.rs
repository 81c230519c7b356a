//! Scoring the extractor against gold annotations (format: `../shared/gold/README.md`).
//!
//! A port of `../shared/tools/score-gold.py` that gives the same numbers: the gold
//! files are read the same way (`gold`, with the scorer's `norm`), each article is
//! extracted in-process and its triples are indexed in the order in which rdflib
//! would hold them after parsing `warta extract FILE --format ntriples`
//! (`predicted`), and the same matching rules are applied (`score`, which also
//! writes the report). Where the Python scorer depends on that order (several
//! labels naming different gold entities), this port follows it too, so even the
//! `--detail` lines agree; `output` writes values as Python prints them.

pub mod calibration;
mod gold;
mod norm;
mod output;
mod predicted;
mod score;

pub use gold::{Entities, Gold, GoldArticle, GoldDemand, GoldFact, GoldMeeting, GoldRegion, GoldRejection, GoldRole};
pub use norm::norm;
pub use predicted::{predicted, Graph, PredDemand, PredMeeting, PredRegion, PredRejection, PredRole, Predicted, RuleUse, Scored};
pub use score::{score_article, Judged, Report, Score, Tally, KINDS, ROWS};

use crate::article::{Articles, Problem};
use crate::lang::LangChoice;
use oxigraph::model::{GraphName, Quad};
use std::path::Path;

/// Scores every gold article (those whose file starts with `only`) against the
/// extraction of `texts/FILE`. An article that cannot be extracted finds nothing.
pub fn evaluate(gold: &Gold, texts: &Path, only: &str) -> Report {
    let mut report = Report::default();
    for art in gold.articles.iter().filter(|a| a.file.starts_with(only)) {
        let graph = match extract_file(&texts.join(&art.file), art.published.as_deref()) {
            Ok(quads) => Graph::from_quads(quads),
            Err(e) => {
                report.failures.push((art.file.clone(), e));
                Graph::default()
            }
        };
        score_article(art, &predicted(&graph, &gold.entities), &gold.entities, &mut report);
    }
    report
}

/// Extracts one article file as `warta extract FILE --format ntriples --published DATE`
/// would: the triples it prints, in its order, or why it would fail.
pub fn extract_file(path: &Path, published: Option<&str>) -> Result<Vec<Quad>, String> {
    let published = published.ok_or_else(|| "the gold gives no `published` date".to_string())?;
    let date = crate::article::parse_published(published)
        .ok_or_else(|| format!("`published` {published:?} is not a date; use YYYY-MM-DD, e.g. 2022-01-21"))?;
    let mut errors = Vec::new();
    let mut quads = Vec::new();
    let articles = Articles::list(&[path.to_path_buf()], Some(date), &mut |p| note_error(&mut errors, p));
    let mut panicked = Vec::new();
    let read = articles.for_each(
        |p| note_error(&mut errors, p),
        |a| {
            let pack = LangChoice::Auto.pack_for(&a);
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| crate::extract::extract(&a, pack))) {
                Ok(x) => quads.extend(crate::rdf::article_quads(&x, GraphName::DefaultGraph)),
                Err(_) => panicked.push(format!("{}: the extractor panicked", a.source)),
            }
            Ok::<(), std::convert::Infallible>(())
        },
    );
    let Ok(_) = read;
    errors.extend(panicked);
    if errors.is_empty() {
        Ok(crate::rdf::sorted_unique(quads))
    } else {
        Err(errors.join("; "))
    }
}

/// Keeps the errors of reading (warnings do not change a score).
fn note_error(errors: &mut Vec<String>, p: Problem) {
    if let Problem::Error(e) = p {
        errors.push(e.to_string());
    }
}
