//! The command line: clap structs in [`args`], one module per subcommand. Each turns its
//! arguments into validated settings before any work starts, and writes data to stdout and
//! diagnostics to stderr.

mod args;
mod explain;
mod export;
mod extract;
mod ingest;
mod progress;
mod bench;
mod serve;
mod graph;
mod eval;
mod query;

use anyhow::{Context, Result};
use args::{Cli, Command};
use clap::Parser;
use geokg::input::{self, Document, InputError, ReadOptions};
use geokg::relations::{Extractor, ExtractorOptions};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match &cli.command {
        Command::Extract(a) => extract::run(&cli, a),
        Command::Ingest(a) => ingest::run(&cli, a),
        Command::Query(a) => query::run(a),
        Command::Export(a) => export::run(a),
        Command::Explain(a) => explain::run(&cli, a),
        Command::Bench(a) => bench::run(&cli, a),
        Command::Serve(a) => serve::run(a),
        Command::Path(a) => graph::path(a),
        Command::Neighbors(a) => graph::neighbors(a),
        Command::Rank(a) => graph::rank(a),
        Command::Dyads(a) => graph::dyads(a),
        Command::Eval(a) => eval::run(a),
    }
}

/// The extractor, with the user's extra dictionaries and patterns.
fn extractor(cli: &Cli) -> Result<Extractor> {
    Extractor::new(&ExtractorOptions { dicts: cli.dict.clone(), patterns: cli.patterns.clone() }).context("loading dictionaries and patterns")
}

/// The default store directory: $GEOKG_STORE, else ./geokg-store.
pub fn default_store() -> PathBuf {
    std::env::var_os("GEOKG_STORE").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("geokg-store"))
}

fn read_options(date: &Option<String>) -> Result<ReadOptions> {
    let default_date = match date {
        Some(d) => Some(input::normalise_date(d).with_context(|| format!("--date '{d}': expected YYYY-MM-DD, YYYY-MM or YYYY"))?),
        None => None,
    };
    Ok(ReadOptions { default_date })
}

/// Reads documents, reporting each bad record on stderr; counts the bad ones.
struct Reader {
    docs: Box<dyn Iterator<Item = Result<Document, InputError>> + Send>,
    bad: usize,
}

impl Reader {
    fn new(inputs: &[PathBuf], opts: &ReadOptions) -> Reader {
        Reader { docs: input::read_inputs(inputs, opts), bad: 0 }
    }
}

impl Iterator for Reader {
    type Item = Document;
    fn next(&mut self) -> Option<Document> {
        loop {
            match self.docs.next()? {
                Ok(d) => return Some(d),
                Err(e) => {
                    eprintln!("geokg: skipped {e}");
                    self.bad += 1;
                }
            }
        }
    }
}

fn exit_for(bad: usize) -> ExitCode {
    if bad > 0 {
        eprintln!("geokg: {bad} bad record{} skipped", if bad == 1 { "" } else { "s" });
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
