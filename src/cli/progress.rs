//! Progress on stderr: a bar (indicatif) when stderr is a terminal, a plain line every few
//! seconds when it is not (logs, CI), nothing with --quiet.

use geokg::pipeline::{Progress, Stage};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

pub struct Reporter {
    mode: Mode,
    start: Instant,
    last_line: Instant,
}

enum Mode {
    Quiet,
    Bar(ProgressBar),
    Lines,
}

/// How often the plain lines come.
const LINE_EVERY: Duration = Duration::from_secs(2);

impl Reporter {
    /// `total` is the input size in bytes when known (for the bar's ETA).
    pub fn new(quiet: bool, total: Option<u64>) -> Reporter {
        let mode = if quiet {
            Mode::Quiet
        } else if std::io::stderr().is_terminal() {
            let bar = match total {
                Some(t) => ProgressBar::new(t),
                None => ProgressBar::no_length(),
            };
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}")
                    .expect("valid template"),
            );
            Mode::Bar(bar)
        } else {
            Mode::Lines
        };
        let now = Instant::now();
        Reporter { mode, start: now, last_line: now }
    }

    pub fn update(&mut self, p: &Progress) {
        match p.stage {
            Stage::Reading => {}
            Stage::Finishing => return self.stage("all read; writing the last groups while the store merges its indexes"),
            // Some ten seconds per GB on a big store.
            Stage::Compacting => return self.stage("all written; compacting the store"),
        }
        match &self.mode {
            Mode::Quiet => {}
            Mode::Bar(bar) => {
                bar.set_position(p.bytes);
                bar.set_message(format!("{} documents, {} relations", p.documents, p.relations));
            }
            Mode::Lines => {
                if self.last_line.elapsed() >= LINE_EVERY {
                    self.last_line = Instant::now();
                    self.line(p);
                }
            }
        }
    }

    /// The steps after the last document can take a minute on a big store: say which one runs.
    fn stage(&self, what: &str) {
        match &self.mode {
            Mode::Quiet => {}
            Mode::Bar(bar) => bar.set_message(what.to_string()),
            Mode::Lines => eprintln!("geokg: {what}"),
        }
    }

    pub fn finish(&mut self, p: &Progress) {
        match &self.mode {
            Mode::Quiet => {}
            Mode::Bar(bar) => bar.finish_and_clear(),
            Mode::Lines => self.line(p),
        }
    }

    fn line(&self, p: &Progress) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-6);
        let mb = p.bytes as f64 / 1e6;
        eprintln!(
            "geokg: progress: {} documents, {:.1} MB, {:.1} MB/s, {} relations, {:.0} s",
            p.documents,
            mb,
            mb / secs,
            p.relations,
            secs
        );
    }

    pub fn quiet(&self) -> bool {
        matches!(self.mode, Mode::Quiet)
    }
}
