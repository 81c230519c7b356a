//! Timing `warta` processes: wall time and peak RSS.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

pub struct Timed {
    pub seconds: f64,
    pub max_rss_kb: i64,
    pub ok: bool,
    pub stderr: String,
}

/// Runs a command, returns its wall time and peak RSS (from wait4).
pub fn timed(cmd: &mut Command) -> Result<Timed, String> {
    let t = Instant::now();
    let child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().map_err(|e| format!("{cmd:?}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut stderr = child.stderr.ok_or("no stderr")?;
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
        s
    });
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; usage is a valid out-parameter.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = t.elapsed().as_secs_f64();
    if r < 0 {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    let stderr = reader.join().unwrap_or_default();
    Ok(Timed { seconds, max_rss_kb: usage.ru_maxrss, ok: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, stderr })
}

pub fn warta_bin() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    // target/release/examples/bench → target/release/warta
    let bin = exe.parent().and_then(Path::parent).map(|p| p.join("warta")).ok_or("cannot find target dir")?;
    if !bin.exists() {
        return Err(format!("{} is missing: run `cargo build --release` first", bin.display()));
    }
    Ok(bin)
}

pub fn dir_size(path: &Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// The build's phase timings (`WARTA_TIMINGS=1`), indented under its line.
pub fn phases(line: &mut impl FnMut(String), stderr: &str) {
    for l in stderr.lines().filter_map(|l| l.strip_prefix("warta: timing: ")) {
        line(format!("    {l}"));
    }
}

/// A library query running longer than this is stopped and reported as such.
pub const QUERY_TIMEOUT_S: u64 = 60;
