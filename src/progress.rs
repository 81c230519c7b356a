//! Progress of long builds on a terminal: a bar on stderr that shows up only
//! once a build has run for a second, and never when stderr is not a terminal
//! or `--quiet` was given. Messages printed meanwhile go above the bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Shown after this long, so that quick builds print nothing but their summary.
const SHOW_AFTER: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: ProgressBar,
    enabled: bool,
    shown: AtomicBool,
    started: Instant,
}

impl Progress {
    /// A progress display over `total` bytes of input; `quiet` or a non-terminal stderr hides it.
    pub fn new(quiet: bool) -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({eta}) {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        Progress { bar, enabled: !quiet && std::io::stderr().is_terminal(), shown: AtomicBool::new(false), started: Instant::now() }
    }

    /// A display that never draws (library use, tests).
    pub fn hidden() -> Self {
        Self::new(true)
    }

    pub fn set_total_bytes(&self, total: u64) {
        self.bar.set_length(total);
    }

    /// Input bytes read so far grew by `n`.
    pub fn read_bytes(&self, n: u64) {
        self.bar.inc(n);
        self.maybe_show();
    }

    /// Articles done and facts found so far.
    pub fn articles(&self, articles: usize, facts: usize) {
        if self.shown.load(Ordering::Relaxed) {
            self.bar.set_message(format!("{articles} articles, {facts} facts"));
        }
        self.maybe_show();
    }

    /// Prints a line to stderr without tearing the bar.
    pub fn eprintln(&self, line: &str) {
        if self.shown.load(Ordering::Relaxed) {
            self.bar.suspend(|| eprintln!("{line}"));
        } else {
            eprintln!("{line}");
        }
    }

    pub fn finish(&self) {
        if self.shown.load(Ordering::Relaxed) {
            self.bar.finish_and_clear();
        }
    }

    fn maybe_show(&self) {
        if self.enabled && !self.shown.load(Ordering::Relaxed) && self.started.elapsed() >= SHOW_AFTER && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(200));
        }
    }
}
