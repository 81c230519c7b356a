//! Identities: short hashes for minted IRIs and the content hash that names an article.

use super::normalise;
use crate::article::Article;
use sha2::{Digest, Sha256};

/// Hex SHA-256 prefix used for minted IRIs.
pub fn short_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0x1f]);
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The article's identity: a hash of its normalised text (noise and repeats
/// removed), so a re-crawl with other ads or a repeated paragraph is the same article.
pub fn content_hash(article: &Article) -> String {
    short_hash(&[&normalise::normalise(&article.title, &article.body).text])
}
