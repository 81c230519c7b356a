//! Typed errors of the library; the CLI prints them once and picks an exit code.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum WartaError {
    #[error("{path}: no such file or folder")]
    Missing { path: PathBuf },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is empty; give an article with a title line and a body")]
    Empty { path: PathBuf },
    #[error("{path}: looks like a binary file ({what}), not an article; give .txt or .jsonl files")]
    Binary { path: PathBuf, what: String },
    #[error("{path}:{line}: not a valid JSON article line: {message}")]
    JsonLine { path: PathBuf, line: usize, message: String },
    #[error("{path}: unsupported input type; warta reads .txt and .jsonl files (or folders of them)")]
    Unsupported { path: PathBuf },
    #[error("{path}: {message}")]
    Query { path: String, message: String },
    #[error("{query}: {message}")]
    Param { query: String, message: String },
    #[error("--param {name}={value:?}: no such entity: no label or alternative name is {value:?} (in any case){hint}")]
    NoSuchEntity { name: String, value: String, hint: String },
    #[error("--param {name}={value:?}: {why}")]
    NoSuchResource { name: String, value: String, why: String },
    #[error("store {path}: {message}")]
    Store { path: PathBuf, message: String },
    #[error("store {path} is locked by process {pid} (another warta is writing it); wait for it to finish or stop it")]
    Locked { path: PathBuf, pid: String },
    #[error("{0}")]
    Other(String),
}

pub type Result<T, E = WartaError> = std::result::Result<T, E>;

impl WartaError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        if source.kind() == std::io::ErrorKind::NotFound {
            WartaError::Missing { path }
        } else {
            WartaError::Io { path, source }
        }
    }
}
