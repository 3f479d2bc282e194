//! `geokg query`: a SPARQL query in, results out on stdout.

use super::args::QueryArgs;
use super::default_store;
use anyhow::{Context, Result};
use geokg::rdf::GraphStore;
use std::io::Write;
use std::process::ExitCode;

pub fn run(a: &QueryArgs) -> Result<ExitCode> {
    let query = match (&a.query, &a.file) {
        (Some(q), _) => q.clone(),
        (None, Some(f)) => std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?,
        (None, None) => unreachable!("clap requires a query or --file"),
    };
    // Syntax errors are reported before the store is opened.
    let _ = geokg::sparql::prepare(&query, None).map_err(|e| anyhow::anyhow!("{e}"))?;
    let path = a.store.clone().unwrap_or_else(default_store);
    let store = GraphStore::open_read_only(&path)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    geokg::sparql::run(&store.store, &query, &[], a.format, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
