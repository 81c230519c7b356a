//! Reading inputs: `.txt` and `.jsonl` files (or folders of them) into `Article`s.

mod inputs;
mod lines;

pub use inputs::{for_each_article, Articles, FileRead, Problem, ReadCount};
pub use lines::{JsonLine, JsonLines};

use crate::error::{Result, WartaError};
use chrono::NaiveDate;
use serde::Deserialize;
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// Largest single article accepted; anything bigger is not one news article.
pub const MAX_ARTICLE_BYTES: usize = 4 * 1024 * 1024;

/// One article as read from its source, before normalisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub title: String,
    pub body: String,
    pub published: Option<NaiveDate>,
    /// Where it came from: a path, `path#line` for JSONL, or the article's URL.
    pub source: String,
    pub url: Option<String>,
    pub external_id: Option<String>,
}

/// A non-fatal remark about an input (e.g. decoded as Windows-1252).
#[derive(Debug, Clone)]
pub struct Warning(pub String);

/// What reading one input path gave: articles, per-input errors and warnings.
#[derive(Debug, Default)]
pub struct ReadOutcome {
    pub articles: Vec<Article>,
    pub errors: Vec<WartaError>,
    pub warnings: Vec<Warning>,
}

#[derive(Deserialize)]
struct JsonArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Lists the article files below `inputs` (folders walked recursively, sorted).
pub fn list_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<WartaError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if !input.exists() {
            errors.push(WartaError::Missing { path: input.clone() });
        } else if input.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(input)
                .follow_links(true)
                .into_iter()
                .filter_map(|e| match e {
                    Ok(e) => Some(e),
                    Err(err) => {
                        let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| input.clone());
                        errors.push(WartaError::Other(format!("{}: {err}", path.display())));
                        None
                    }
                })
                .filter(|e| e.file_type().is_file() && is_article_file(e.path()))
                .map(|e| e.into_path())
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    (files, errors)
}

fn is_article_file(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(), Some("txt" | "jsonl" | "ndjson"))
}

/// One thing reading a file gives, in file order.
#[derive(Debug)]
pub enum ReadItem {
    Article(Article),
    Error(WartaError),
    Warning(Warning),
}

/// Reads one file: a `.txt` article or a `.jsonl` file of articles.
pub fn read_file(path: &Path) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    read_file_with(path, &mut |r| match r {
        ReadItem::Article(a) => out.articles.push(a),
        ReadItem::Error(e) => out.errors.push(e),
        ReadItem::Warning(w) => out.warnings.push(w),
    });
    out
}

/// Reads one file and hands each article, error and warning to `f` as it
/// comes: a JSONL file of any size is streamed, one line in memory at a time.
pub fn read_file_with(path: &Path, f: &mut dyn FnMut(ReadItem)) {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("jsonl" | "ndjson") => read_jsonl(path, f),
        Some("txt") | Some("text") | None => {
            let mut warnings = Vec::new();
            let text = read_text_file(path, &mut warnings);
            warnings.into_iter().for_each(|w| f(ReadItem::Warning(w)));
            match text {
                Ok(text) => match article_from_text(&text, path.display().to_string()) {
                    Some(a) => f(ReadItem::Article(a)),
                    None => f(ReadItem::Error(WartaError::Empty { path: path.to_path_buf() })),
                },
                Err(e) => f(ReadItem::Error(e)),
            }
        }
        Some(_) => f(ReadItem::Error(WartaError::Unsupported { path: path.to_path_buf() })),
    }
}

/// Splits plain text into title (first non-empty line) and body.
pub fn article_from_text(text: &str, source: String) -> Option<Article> {
    let mut lines = text.lines();
    let title = lines.by_ref().map(str::trim).find(|l| !l.is_empty())?.to_string();
    let body: Vec<&str> = lines.collect();
    Some(Article { title, body: body.join("\n"), published: None, source, url: None, external_id: None })
}

fn read_text_file(path: &Path, warnings: &mut Vec<Warning>) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| WartaError::io(path, e))?;
    if meta.len() as usize > MAX_ARTICLE_BYTES {
        return Err(WartaError::Other(format!(
            "{}: {} bytes is too large for one article (limit {} bytes); split it, or give one article per line in a .jsonl file",
            path.display(),
            meta.len(),
            MAX_ARTICLE_BYTES
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| WartaError::io(path, e))?;
    decode(path, &bytes, warnings)
}

/// Decodes bytes as UTF-8; refuses binary data; falls back to Windows-1252 with a warning.
pub fn decode(path: &Path, bytes: &[u8], warnings: &mut Vec<Warning>) -> Result<String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(WartaError::Empty { path: path.to_path_buf() });
    }
    // UTF-16 with its byte order mark (what some Windows editors save): decoded, not binary.
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes).filter(|(e, _)| *e != encoding_rs::UTF_8) {
        let (text, malformed) = encoding.decode_with_bom_removal(bytes);
        if malformed {
            warnings.push(Warning(format!("{}: malformed {} replaced by U+FFFD", path.display(), encoding.name())));
        }
        if text.trim().is_empty() {
            return Err(WartaError::Empty { path: path.to_path_buf() });
        }
        return Ok(text.into_owned());
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(WartaError::Binary { path: path.to_path_buf(), what });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            warnings.push(Warning(format!(
                "{}: not valid UTF-8 (first bad byte at offset {}); read as Windows-1252 — convert it to UTF-8 to be sure",
                path.display(),
                e.valid_up_to()
            )));
            Ok(text.into_owned())
        }
    }
}

fn binary_kind(bytes: &[u8]) -> Option<String> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"%PDF", "PDF document"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x1F\x8B", "gzip data"),
        (b"\x7FELF", "executable"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Some((*what).to_string());
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head.iter().filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))).count();
    if head.contains(&0) || controls * 20 > head.len() {
        return Some("control bytes".to_string());
    }
    None
}

fn read_jsonl(path: &Path, f: &mut dyn FnMut(ReadItem)) {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) => return f(ReadItem::Error(WartaError::io(path, e))),
    };
    let mut lines = JsonLines::new(BufReader::new(file));
    let mut any = false;
    loop {
        let (line_no, bytes) = match lines.next_line() {
            Ok(Some((n, JsonLine::Text(bytes)))) => (n, bytes),
            Ok(Some((line, JsonLine::TooLong))) => {
                f(ReadItem::Error(WartaError::JsonLine {
                    path: path.to_path_buf(),
                    line,
                    message: format!("line longer than {MAX_ARTICLE_BYTES} bytes"),
                }));
                continue;
            }
            Ok(None) => break,
            Err(e) => return f(ReadItem::Error(WartaError::io(path, e))),
        };
        any = true;
        let mut warnings = Vec::new();
        let decoded = decode(path, bytes, &mut warnings);
        warnings.into_iter().for_each(|w| f(ReadItem::Warning(w)));
        let text = match decoded {
            Ok(t) => t,
            Err(e) => {
                f(ReadItem::Error(WartaError::JsonLine { path: path.to_path_buf(), line: line_no, message: e.to_string() }));
                continue;
            }
        };
        match parse_json_article(&text, path, line_no) {
            Ok(a) => f(ReadItem::Article(a)),
            Err(message) => f(ReadItem::Error(WartaError::JsonLine { path: path.to_path_buf(), line: line_no, message })),
        }
    }
    if !any {
        f(ReadItem::Error(WartaError::Empty { path: path.to_path_buf() }));
    }
}

/// Parses one JSONL article line read from a stream (`warta extract --jsonl -`);
/// `origin` names the stream in sources and errors, as a path does for a file.
pub fn article_from_json_line(line: &str, origin: &Path, line_no: usize) -> Result<Article> {
    parse_json_article(line, origin, line_no).map_err(|message| WartaError::JsonLine { path: origin.to_path_buf(), line: line_no, message })
}

fn parse_json_article(line: &str, path: &Path, line_no: usize) -> std::result::Result<Article, String> {
    let j: JsonArticle = serde_json::from_str(line).map_err(|e| e.to_string())?;
    if j.text.trim().is_empty() && j.title.trim().is_empty() {
        return Err("article has no title and no text".into());
    }
    let published = match j.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(p) => Some(parse_published(p).ok_or_else(|| format!("`published` {p:?} is not a date (use YYYY-MM-DD)"))?),
        None => None,
    };
    let external_id = j.id.map(|v| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    let source = match (&j.url, &external_id) {
        (Some(u), _) if !u.is_empty() => u.clone(),
        (_, Some(id)) => format!("{}#{id}", path.display()),
        _ => format!("{}#L{line_no}", path.display()),
    };
    let (title, body) = if j.title.trim().is_empty() {
        let a = article_from_text(&j.text, source.clone()).ok_or("empty text")?;
        (a.title, a.body)
    } else {
        (j.title.trim().to_string(), j.text)
    };
    Ok(Article { title, body, published, source, url: j.url, external_id })
}

/// Parses `YYYY-MM-DD`, also accepting a full timestamp (`2022-01-21T10:00:00Z`).
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let day = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}
