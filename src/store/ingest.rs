//! The build pipeline: a reader thread streams articles out of the inputs, a
//! pool of threads (rayon) hashes and extracts them, and a writer thread puts
//! them into the store, with bounded queues between the three so that the
//! corpus is never all in memory.
//!
//! Files whose size and modification time match the input index kept in the
//! store folder (`warta-inputs.tsv`), and whose article graphs are all in the
//! store, are not read again: a no-op rebuild only looks at file metadata.

use super::build::{Build, Prepared};
use super::status::BuildSummary;
use super::WartaStore;
use crate::article::{Article, Articles, Problem};
use crate::error::{Result, WartaError};
use crate::lang::LangChoice;
use crate::progress::Progress;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::time::UNIX_EPOCH;

/// The input index's file name, in the store folder.
pub const INPUT_INDEX: &str = "warta-inputs.tsv";
/// Articles handed from one stage to the next at a time.
const BATCH: usize = 64;
/// Batches waiting between two stages, at most.
const QUEUE: usize = 8;

/// How a build runs: made once from `warta build`'s options (or by `warta demo`),
/// read by the pipeline.
#[derive(Debug, Default, Clone, Copy)]
pub struct BuildConfig {
    /// Publication date for every article (replaces theirs); the input index is not trusted then.
    pub published: Option<NaiveDate>,
    pub lang: LangChoice,
    /// Read every file, even those the input index says are unchanged.
    pub rescan: bool,
    /// Remove the graphs of articles no longer in the input.
    pub prune: bool,
    /// No progress bar, no summary.
    pub quiet: bool,
}

enum Item {
    /// An article read from a file, with its content hash.
    Article(Box<Article>, String),
    /// An article of an unchanged file whose graph is in the store.
    Known(String),
}

/// One file's entry in the input index.
#[derive(Clone, PartialEq, Eq)]
struct Stamp {
    size: u64,
    mtime_ns: u128,
}

/// Builds (or updates) `store` from `inputs`: see the module documentation.
pub fn build(store: &WartaStore, inputs: &[PathBuf], o: &BuildConfig, progress: &Progress) -> Result<BuildSummary> {
    // An article's source is its file's canonical path, so that a folder given as
    // `articles`, `./articles`, `/home/me/articles` or through a symlink is the same
    // source, and a changed file replaces its old graph instead of joining it.
    let inputs: Vec<PathBuf> = inputs.iter().map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())).collect();
    let inputs = &inputs[..];
    let index_path = store.path.join(INPUT_INDEX);
    let old_index = if o.rescan || o.published.is_some() { BTreeMap::new() } else { read_index(&index_path) };
    crate::progress::phase("build start");
    let mut b = Build::new(store);
    let (failures, new_index) = std::thread::scope(|s| -> Result<_> {
        let (item_tx, item_rx) = sync_channel::<Vec<Item>>(QUEUE);
        let reader = s.spawn(|| read_inputs(store, inputs, o, progress, &old_index, item_tx));
        let (prep_tx, prep_rx) = sync_channel::<Vec<Result<Prepared>>>(QUEUE);
        let b = &mut b;
        let writer = s.spawn(move || -> Result<()> {
            let mut done = 0;
            for batch in prep_rx {
                for p in batch {
                    b.apply(p?)?;
                    done += 1;
                }
                progress.articles(done, b.facts());
            }
            Ok(())
        });
        for batch in item_rx {
            let prepared: Vec<Result<Prepared>> = batch
                .into_par_iter()
                .map(|item| match item {
                    Item::Known(hash) => Ok(Prepared { hash, extraction: None }),
                    Item::Article(a, hash) => store.prepare_hashed(&a, hash, o.lang.pack_for(&a)),
                })
                .collect();
            if prep_tx.send(prepared).is_err() {
                break; // the writer stopped on an error, reported below
            }
        }
        drop(prep_tx);
        let written = writer.join().map_err(|_| WartaError::Other("the store writer thread panicked".into()))?;
        let read = reader.join().map_err(|_| WartaError::Other("the input reader thread panicked".into()))?;
        written?;
        read
    })?;
    b.add_failures(failures);
    let summary = b.finish(o.prune)?;
    // The index is a cache: failing to write it costs the next build time, not data.
    if let Err(e) = write_index(&index_path, &new_index) {
        progress.eprintln(&format!("warta: warning: {}: cannot write the input index: {e}", index_path.display()));
    }
    progress.finish();
    Ok(summary)
}

type Index = BTreeMap<String, (Stamp, Vec<String>)>;

/// The reader thread: lists and reads the inputs in order, sends batches of
/// articles; returns the inputs that failed and the new input index.
fn read_inputs(
    store: &WartaStore,
    inputs: &[PathBuf],
    o: &BuildConfig,
    progress: &Progress,
    old: &Index,
    tx: std::sync::mpsc::SyncSender<Vec<Item>>,
) -> Result<(usize, Index)> {
    let mut report = |p: Problem| progress.eprintln(&format!("warta: {p}"));
    let articles = Articles::list(inputs, o.published, &mut report);
    let mut failures = articles.list_failures();
    let files = articles.files();
    let stamps: Vec<Option<Stamp>> = files.iter().map(|f| stamp(f)).collect();
    progress.set_total_bytes(stamps.iter().flatten().map(|s| s.size).sum());
    let mut index = Index::new();
    let mut batch = Vec::with_capacity(BATCH);
    let send = |batch: &mut Vec<Item>, force: bool| -> bool {
        if batch.len() >= BATCH || (force && !batch.is_empty()) {
            return tx.send(std::mem::replace(batch, Vec::with_capacity(BATCH))).is_ok();
        }
        true
    };
    for (file, stamp) in files.iter().zip(stamps) {
        let key = file.display().to_string();
        let size = stamp.as_ref().map_or(0, |s| s.size);
        if let (Some(stamp), Some((old_stamp, hashes))) = (&stamp, old.get(&key)) {
            if stamp == old_stamp && all_current(store, hashes)? {
                for h in hashes {
                    batch.push(Item::Known(h.clone()));
                    if !send(&mut batch, false) {
                        return Ok((failures, index));
                    }
                }
                index.insert(key, (stamp.clone(), hashes.clone()));
                progress.read_bytes(size);
                continue;
            }
        }
        let mut hashes = Vec::new();
        let read = articles.read(file, &mut report, &mut |a: Article| {
            let hash = crate::extract::content_hash(&a);
            hashes.push(hash.clone());
            batch.push(Item::Article(Box::new(a), hash));
            if send(&mut batch, false) {
                ControlFlow::Continue(())
            } else {
                ControlFlow::Break(())
            }
        });
        failures += read.errors;
        if read.stopped {
            return Ok((failures, index));
        }
        progress.read_bytes(size);
        // Only files read whole and without error are trusted next time.
        if let (Some(stamp), 0) = (stamp, read.errors) {
            index.insert(key, (stamp, hashes));
        }
    }
    send(&mut batch, true);
    Ok((failures, index))
}

fn all_current(store: &WartaStore, hashes: &[String]) -> Result<bool> {
    for h in hashes {
        if !store.is_current(h)? {
            return Ok(false);
        }
    }
    Ok(!hashes.is_empty())
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime_ns = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some(Stamp { size: meta.len(), mtime_ns })
}

/// Reads the input index; a missing or damaged one is an empty index.
fn read_index(path: &Path) -> Index {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Index::new();
    };
    let mut index = Index::new();
    for line in text.lines() {
        let mut cols = line.split('\t');
        let (Some(file), Some(size), Some(mtime), Some(hashes), None) = (cols.next(), cols.next(), cols.next(), cols.next(), cols.next())
        else {
            return Index::new();
        };
        let (Ok(size), Ok(mtime_ns)) = (size.parse(), mtime.parse()) else {
            return Index::new();
        };
        let hashes: Vec<String> = hashes.split(',').filter(|h| !h.is_empty()).map(String::from).collect();
        index.insert(file.to_string(), (Stamp { size, mtime_ns }, hashes));
    }
    index
}

/// Writes the index next to the store, atomically (a temporary file renamed).
fn write_index(path: &Path, index: &Index) -> std::io::Result<()> {
    let tmp = path.with_extension("tsv.tmp");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
    for (file, (stamp, hashes)) in index {
        if file.contains(['\t', '\n']) {
            continue;
        }
        writeln!(out, "{file}\t{}\t{}\t{}", stamp.size, stamp.mtime_ns, hashes.join(","))?;
    }
    out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    std::fs::rename(tmp, path)
}
