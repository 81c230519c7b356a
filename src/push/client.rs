//! One HTTP request to a triplestore, retried with backoff on 5xx, 429 and
//! connection failures (a bounded number of times), with authentication.

use super::auth::Auth;
use super::PushError;
use std::time::Duration;

/// A response worth keeping: status and (the start of) the body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: String,
}

/// The HTTP side of a push.
pub struct Client {
    agent: ureq::Agent,
    auth: Auth,
    retries: u32,
    backoff: Duration,
    /// Retries spent over the whole push.
    pub retried: u32,
}

impl Client {
    pub fn new(auth: Auth, retries: u32, timeout: Duration, backoff: Duration) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .user_agent(format!("warta/{}", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Client { agent, auth, retries, backoff, retried: 0 }
    }

    /// Sends `body` with `method` to `url`; Ok for 2xx, PushError otherwise.
    pub fn send(&mut self, method: &str, url: &str, content_type: &str, body: &[u8]) -> Result<Reply, PushError> {
        let mut attempt = 0;
        let mut reauth = false;
        loop {
            let outcome = self.once(method, url, content_type, body);
            let retryable = match &outcome {
                Ok((reply, _)) if (200..300).contains(&reply.status) => return outcome.map(|(r, _)| r),
                Ok((reply, challenge)) if reply.status == 401 && !reauth && self.auth.answer_challenge(challenge.as_deref()) => {
                    // Digest: the first 401 carries the challenge; answer it at once.
                    reauth = true;
                    continue;
                }
                Ok((reply, _)) => reply.status >= 500 || reply.status == 429 || reply.status == 408,
                Err(PushError::Connection { .. }) => true,
                Err(_) => false,
            };
            if !retryable || attempt >= self.retries {
                return match outcome {
                    Ok((reply, _)) => Err(refused(method, url, reply, attempt)),
                    Err(e) => Err(e),
                };
            }
            attempt += 1;
            self.retried += 1;
            let wait = self.backoff * 2u32.saturating_pow(attempt - 1);
            let why = match &outcome {
                Ok((reply, _)) => format!("HTTP {}", reply.status),
                Err(e) => e.to_string(),
            };
            eprintln!("warta: push: {why}; retry {attempt}/{} in {:.1}s", self.retries, wait.as_secs_f64());
            std::thread::sleep(wait);
        }
    }

    /// One attempt: the reply and any `WWW-Authenticate` header.
    fn once(&self, method: &str, url: &str, content_type: &str, body: &[u8]) -> Result<(Reply, Option<String>), PushError> {
        let mut req = match method {
            "PUT" => self.agent.put(url),
            "POST" => self.agent.post(url),
            _ => return Err(PushError::Usage(format!("unsupported method {method}"))),
        }
        .header("Content-Type", content_type);
        if let Some(h) = self.auth.header(method, request_target(url)) {
            req = req.header("Authorization", &h);
        }
        let mut resp = req.send(body).map_err(|e| connection_error(url, e))?;
        let status = resp.status().as_u16();
        let challenge = resp.headers().get("www-authenticate").and_then(|v| v.to_str().ok()).map(str::to_string);
        let text = resp.body_mut().with_config().limit(64 * 1024).read_to_string().unwrap_or_default();
        Ok((Reply { status, body: text }, challenge))
    }
}

/// The path and query of a URL: what the request line (and a digest) names.
pub fn request_target(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.find('/').map_or("/", |i| &rest[i..])
}

fn connection_error(url: &str, e: ureq::Error) -> PushError {
    match e {
        ureq::Error::Io(_) | ureq::Error::Timeout(_) | ureq::Error::ConnectionFailed => {
            PushError::Connection { url: url.to_string(), message: e.to_string() }
        }
        ureq::Error::Tls(m) => {
            PushError::Usage(format!("{url}: {m}; this warta was built without TLS: rebuild with `cargo build --release --features tls`"))
        }
        other => PushError::Usage(format!("{url}: {other}")),
    }
}

fn refused(method: &str, url: &str, reply: Reply, retries: u32) -> PushError {
    let hint = match reply.status {
        401 => "check --user/--password-env or --token-env, and --auth (Virtuoso's *-auth endpoints want --auth digest)",
        403 => "the account may not write here (Virtuoso: grant SPARQL_UPDATE), or the endpoint is read-only",
        404 => "is this the right URL? graph store: oxigraph …/store, Virtuoso …/sparql-graph-crud-auth, Fuseki …/DATASET/data",
        405 | 415 => "the endpoint does not take this request: use --graph-store for the Graph Store Protocol, or --update-only with a SPARQL Update endpoint",
        s if s >= 500 => "the server failed; see its log",
        _ => "see the server's message above",
    };
    let body: String = reply.body.trim().chars().take(400).collect();
    PushError::Refused {
        request: format!("{method} {url}"),
        status: reply.status,
        message: if body.is_empty() { String::new() } else { format!(": {body}") },
        hint: hint.to_string(),
        retries,
    }
}
