//! What the serve and Virtuoso parts share: a SPARQL client that counts the
//! rows of a CSV answer, a child process that is always stopped, free ports
//! and percentiles.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// One SPARQL request's outcome.
pub struct Answer {
    pub status: u16,
    /// Result rows (CSV records after the header), or triples.
    pub rows: usize,
    pub seconds: f64,
    /// Virtuoso's "anytime" answer: cut at its execution limit (`X-SQL-State`).
    pub partial: bool,
    /// The start of the body, for errors.
    pub head: String,
}

impl Answer {
    /// The first line of the body, for a short error message.
    pub fn brief(&self) -> String {
        let first = self.head.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
        format!("HTTP {}: {}", self.status, first.chars().take(160).collect::<String>())
    }
}

/// An HTTP agent: statuses are answers (not errors), no proxy, a time limit per request.
pub fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).proxy(None).timeout_global(Some(timeout)).build().into()
}

/// What the bench accepts: CSV for SELECT and ASK, N-Triples for CONSTRUCT and DESCRIBE.
const ACCEPT: &str = "text/csv, application/n-triples;q=0.9";

/// POSTs `query` as a form to a SPARQL endpoint, asking for CSV (N-Triples
/// for graphs), and reads the whole answer.
pub fn sparql(agent: &ureq::Agent, url: &str, query: &str) -> Result<Answer, String> {
    let t = Instant::now();
    let mut resp = agent.post(url).header("Accept", ACCEPT).send_form([("query", query)]).map_err(|e| e.to_string())?;
    let status = resp.status().as_u16();
    let partial = resp.headers().contains_key("X-SQL-State");
    let csv = resp.headers().get("Content-Type").and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/csv"));
    let mut reader = resp.body_mut().as_reader();
    let mut records = CsvRecords::default();
    let mut head = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = reader.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        if head.len() < 400 {
            head.extend_from_slice(&buf[..n.min(400 - head.len())]);
        }
        records.feed(&buf[..n]);
    }
    Ok(Answer {
        status,
        // A CSV answer starts with a header; N-Triples has one triple a line.
        rows: records.count().saturating_sub(usize::from(csv)),
        seconds: t.elapsed().as_secs_f64(),
        partial,
        head: String::from_utf8_lossy(&head).into_owned(),
    })
}

/// Counts CSV records (RFC 4180: a line break inside quotes is part of a value).
#[derive(Default)]
struct CsvRecords {
    lines: usize,
    in_quotes: bool,
    /// Bytes seen since the last record's end.
    open: bool,
}

impl CsvRecords {
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            match b {
                b'"' => {
                    self.in_quotes = !self.in_quotes;
                    self.open = true;
                }
                b'\n' if !self.in_quotes => {
                    self.lines += 1;
                    self.open = false;
                }
                _ => self.open = true,
            }
        }
    }
    fn count(&self) -> usize {
        self.lines + usize::from(self.open)
    }
}

/// A child process that is stopped when this is dropped (SIGTERM, then
/// SIGKILL after `grace`), and killed by the kernel if the bench dies first.
pub struct Guard {
    pub child: Child,
    grace: Duration,
    /// How the stop went, once it happened.
    pub stopped: Option<String>,
}

impl Guard {
    pub fn spawn(cmd: &mut Command, grace: Duration) -> Result<Guard, String> {
        // SAFETY: prctl is async-signal-safe and touches no memory of the parent.
        unsafe {
            cmd.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let child = cmd.spawn().map_err(|e| format!("{:?}: {e}", cmd.get_program()))?;
        Ok(Guard { child, grace, stopped: None })
    }

    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// SIGTERM, wait up to the grace period, then SIGKILL; says which it took.
    pub fn stop(&mut self) -> String {
        if let Some(s) = &self.stopped {
            return s.clone();
        }
        let t = Instant::now();
        let said = if !self.alive() {
            "had already exited".to_string()
        } else {
            // SAFETY: signals our own child, which has not been reaped (try_wait said it runs).
            unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM) };
            loop {
                if !self.alive() {
                    break format!("stopped {:.1} s after SIGTERM", t.elapsed().as_secs_f64());
                }
                if t.elapsed() > self.grace {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    break format!("still running {:.0} s after SIGTERM: killed", self.grace.as_secs_f64());
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        };
        self.stopped = Some(said.clone());
        said
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on right now.
pub fn free_port() -> Result<u16, String> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// Whether `name` is an executable on PATH.
pub fn on_path(name: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| is_file(&d.join(name))))
}

fn is_file(p: &Path) -> bool {
    p.metadata().is_ok_and(|m| m.is_file())
}

/// The `p`-th percentile (0..=1) of sorted values.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Milliseconds, for printing.
pub fn ms(seconds: f64) -> String {
    let ms = seconds * 1000.0;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.0} ms")
    }
}
