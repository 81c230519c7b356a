//! Credentials for `warta push`: HTTP Basic, Bearer tokens, and HTTP Digest
//! (RFC 7616, MD5 with qop=auth, as Virtuoso's `/sparql-graph-crud-auth` asks).

use base64::Engine;
use md5::{Digest, Md5};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

/// How requests authenticate.
#[derive(Debug)]
pub enum Auth {
    None,
    Basic { user: String, password: String },
    Bearer { token: String },
    Digest { user: String, password: String, challenge: Mutex<Option<Challenge>>, count: AtomicU32 },
}

/// A server's `WWW-Authenticate: Digest …` challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    pub realm: String,
    pub nonce: String,
    pub opaque: Option<String>,
    pub qop_auth: bool,
    pub algorithm: String,
}

impl Auth {
    pub fn digest(user: String, password: String) -> Auth {
        Auth::Digest { user, password, challenge: Mutex::new(None), count: AtomicU32::new(0) }
    }

    /// The Authorization header for a request, when one can be given before the server asks.
    pub fn header(&self, method: &str, uri: &str) -> Option<String> {
        match self {
            Auth::None => None,
            Auth::Basic { user, password } => {
                Some(format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))))
            }
            Auth::Bearer { token } => Some(format!("Bearer {token}")),
            Auth::Digest { user, password, challenge, count } => {
                let c = challenge.lock().ok()?.clone()?;
                let nc = count.fetch_add(1, Ordering::SeqCst) + 1;
                Some(digest_header(user, password, &c, method, uri, nc, &cnonce(nc)))
            }
        }
    }

    /// Takes a 401's challenge; true when the request is worth sending again with it.
    pub fn answer_challenge(&self, www_authenticate: Option<&str>) -> bool {
        let Auth::Digest { challenge, count, .. } = self else { return false };
        let Some(new) = www_authenticate.and_then(parse_challenge) else { return false };
        let Ok(mut slot) = challenge.lock() else { return false };
        // The same challenge refused again means the credentials are wrong.
        if slot.as_ref() == Some(&new) {
            return false;
        }
        *slot = Some(new);
        count.store(0, Ordering::SeqCst);
        true
    }
}

fn md5_hex(s: &str) -> String {
    Md5::digest(s.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn cnonce(nc: u32) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or_default();
    md5_hex(&format!("{now}:{}:{nc}", std::process::id()))[..16].to_string()
}

/// The `Authorization: Digest …` value for one request.
pub fn digest_header(user: &str, password: &str, c: &Challenge, method: &str, uri: &str, nc: u32, cnonce: &str) -> String {
    let mut ha1 = md5_hex(&format!("{user}:{}:{password}", c.realm));
    if c.algorithm.eq_ignore_ascii_case("MD5-sess") {
        ha1 = md5_hex(&format!("{ha1}:{}:{cnonce}", c.nonce));
    }
    let ha2 = md5_hex(&format!("{method}:{uri}"));
    let nc = format!("{nc:08x}");
    let (response, qop) = if c.qop_auth {
        (md5_hex(&format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", c.nonce)), format!(", qop=auth, nc={nc}, cnonce=\"{cnonce}\""))
    } else {
        (md5_hex(&format!("{ha1}:{}:{ha2}", c.nonce)), String::new())
    };
    let opaque = c.opaque.as_ref().map(|o| format!(", opaque=\"{o}\"")).unwrap_or_default();
    format!(
        "Digest username=\"{user}\", realm=\"{}\", nonce=\"{}\", uri=\"{uri}\", algorithm={}, response=\"{response}\"{opaque}{qop}",
        c.realm, c.nonce, c.algorithm
    )
}

/// Parses `Digest realm="…", nonce="…", qop="auth", …` (other schemes: None).
pub fn parse_challenge(header: &str) -> Option<Challenge> {
    let rest = header.trim().strip_prefix("Digest").or_else(|| header.trim().strip_prefix("digest"))?;
    let mut fields = HashMap::new();
    let mut chars = rest.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let key: String = std::iter::from_fn(|| chars.next_if(|c| *c != '=' && *c != ',')).collect();
        if key.trim().is_empty() {
            break;
        }
        chars.next_if_eq(&'=');
        let value: String = if chars.next_if_eq(&'"').is_some() {
            let mut v = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => v.extend(chars.next()),
                    '"' => break,
                    other => v.push(other),
                }
            }
            v
        } else {
            std::iter::from_fn(|| chars.next_if(|c| *c != ',')).collect::<String>().trim().to_string()
        };
        fields.insert(key.trim().to_ascii_lowercase(), value);
    }
    Some(Challenge {
        realm: fields.get("realm").cloned().unwrap_or_default(),
        nonce: fields.get("nonce")?.clone(),
        opaque: fields.get("opaque").cloned(),
        qop_auth: fields.get("qop").is_some_and(|q| q.split(',').any(|x| x.trim().eq_ignore_ascii_case("auth"))),
        algorithm: fields.get("algorithm").cloned().unwrap_or_else(|| "MD5".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 2617 §3.5's worked example.
    #[test]
    fn digest_matches_rfc_2617_example() {
        let c = parse_challenge(
            "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
        )
        .expect("challenge");
        assert!(c.qop_auth);
        let h = digest_header("Mufasa", "Circle Of Life", &c, "GET", "/dir/index.html", 1, "0a4f113b");
        assert!(h.contains("response=\"6629fae49393a05397450978507c4ef1\""), "{h}");
        assert!(h.contains("nc=00000001") && h.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""), "{h}");
    }

    #[test]
    fn basic_header() {
        let a = Auth::Basic { user: "dba".into(), password: "dba".into() };
        assert_eq!(a.header("PUT", "/x").as_deref(), Some("Basic ZGJhOmRiYQ=="));
    }
}
