//! Every article of a list of inputs (files, folders), in order: a bad input is
//! reported and counted, and reading goes on with the next. `extract`, `explain`
//! and `build` read their inputs through here.

use super::{list_inputs, read_file_with, Article, ReadItem, Warning};
use crate::error::WartaError;
use chrono::NaiveDate;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// A problem with one input, said once; reading goes on.
#[derive(Debug)]
pub enum Problem {
    /// The input, or one article in it, could not be read: it counts as failed.
    Error(WartaError),
    Warning(Warning),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Error(e) => write!(f, "error: {e}"),
            Problem::Warning(w) => write!(f, "warning: {}", w.0),
        }
    }
}

/// What reading some inputs gave: articles handed on, and failures (inputs or lines).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ReadCount {
    pub articles: usize,
    pub failures: usize,
}

/// What reading one file gave.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FileRead {
    /// Articles handed on (not counting any after a stop).
    pub articles: usize,
    pub errors: usize,
    /// The receiver said stop; later articles of the file were passed over.
    pub stopped: bool,
}

/// The article files named by some inputs, and the publication date that, if
/// given, replaces the articles' own.
pub struct Articles {
    files: Vec<PathBuf>,
    published: Option<NaiveDate>,
    list_failures: usize,
}

impl Articles {
    /// Lists the article files of `inputs` (folders walked, sorted); inputs that
    /// cannot be listed go to `report`.
    pub fn list(inputs: &[PathBuf], published: Option<NaiveDate>, report: &mut dyn FnMut(Problem)) -> Self {
        let (files, errors) = list_inputs(inputs);
        let list_failures = errors.len();
        errors.into_iter().for_each(|e| report(Problem::Error(e)));
        Articles { files, published, list_failures }
    }

    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Inputs that could not be listed (missing paths, unreadable folders).
    pub fn list_failures(&self) -> usize {
        self.list_failures
    }

    /// Reads one file, streaming: its problems to `report`, its articles to `f`
    /// as they come until `f` says stop (problems are still reported to the end).
    pub fn read(&self, file: &Path, report: &mut dyn FnMut(Problem), f: &mut dyn FnMut(Article) -> ControlFlow<()>) -> FileRead {
        let mut r = FileRead::default();
        read_file_with(file, &mut |item| match item {
            ReadItem::Warning(w) => report(Problem::Warning(w)),
            ReadItem::Error(e) => {
                r.errors += 1;
                report(Problem::Error(e));
            }
            ReadItem::Article(mut a) => {
                if r.stopped {
                    return;
                }
                if self.published.is_some() {
                    a.published = self.published;
                }
                match f(a) {
                    ControlFlow::Continue(()) => r.articles += 1,
                    ControlFlow::Break(()) => r.stopped = true,
                }
            }
        });
        r
    }

    /// Reads every file in order; stops at the first error `f` returns.
    pub fn for_each<E>(self, mut report: impl FnMut(Problem), mut f: impl FnMut(Article) -> Result<(), E>) -> Result<ReadCount, E> {
        let mut count = ReadCount { articles: 0, failures: self.list_failures };
        let mut failed = None;
        for file in &self.files {
            let r = self.read(file, &mut report, &mut |a| match f(a) {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    failed = Some(e);
                    ControlFlow::Break(())
                }
            });
            count.articles += r.articles;
            count.failures += r.errors;
            if let Some(e) = failed {
                return Err(e);
            }
        }
        Ok(count)
    }
}

/// Every article of `inputs`, dated `published` if given, with problems said on
/// standard error.
pub fn for_each_article<E>(
    inputs: &[PathBuf],
    published: Option<NaiveDate>,
    f: impl FnMut(Article) -> Result<(), E>,
) -> Result<ReadCount, E> {
    let mut say = |p: Problem| eprintln!("warta: {p}");
    Articles::list(inputs, published, &mut say).for_each(say, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_inputs_are_counted_and_reading_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Title A\nBody.").unwrap();
        std::fs::write(dir.path().join("b.jsonl"), "{\"title\": \"B\", \"text\": \"x\"}\nnot json\n{\"title\": \"C\", \"text\": \"y\"}\n")
            .unwrap();
        let inputs = vec![dir.path().to_path_buf(), dir.path().join("missing.txt")];
        let date = NaiveDate::from_ymd_opt(2022, 1, 13);
        let mut problems = Vec::new();
        let mut titles = Vec::new();
        let count = Articles::list(&inputs, date, &mut |p| problems.push(p.to_string()))
            .for_each(
                |p| problems.push(p.to_string()),
                |a| {
                    assert_eq!(a.published, date);
                    titles.push(a.title);
                    Ok::<_, ()>(())
                },
            )
            .unwrap();
        assert_eq!(titles, ["Title A", "B", "C"]);
        assert_eq!(count, ReadCount { articles: 3, failures: 2 });
        assert_eq!(problems.len(), 2);
        assert!(problems[0].starts_with("error: ") && problems[0].contains("missing.txt"), "{problems:?}");
        assert!(problems[1].contains("b.jsonl") && problems[1].contains('2'), "{problems:?}");
    }
}
