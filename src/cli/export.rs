//! `geokg export`: the store out as RDF, as a network drawing, or as edge and node lists.

use super::args::ExportArgs;
use super::default_store;
use anyhow::{Context, Result};
use geokg::rdf::GraphStore;
use std::io::Write;
use std::process::ExitCode;

pub fn run(a: &ExportArgs) -> Result<ExitCode> {
    let path = a.store.clone().unwrap_or_else(default_store);
    let store = GraphStore::open_read_only(&path)?;
    let mut out: Box<dyn Write> = match &a.output {
        Some(f) => Box::new(std::fs::File::create(f).with_context(|| format!("creating {}", f.display()))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w = std::io::BufWriter::new(&mut out);
    geokg::export::export(&store.store, a.format, a.nodes, &mut w)?;
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}
