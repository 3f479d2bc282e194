//! `geokg ingest`: articles in, the on-disk store updated, progress and a summary on stderr.

use super::args::{Cli, IngestArgs};
use super::progress::Reporter;
use super::{default_store, exit_for, extractor, read_options, Reader};
use anyhow::{Context, Result};
use geokg::pipeline;
use geokg::rdf::GraphStore;
use std::process::ExitCode;

pub fn run(cli: &Cli, a: &IngestArgs) -> Result<ExitCode> {
    let opts = read_options(&a.date)?;
    let ex = extractor(cli)?;
    let path = a.store.clone().unwrap_or_else(default_store);
    let store = GraphStore::open(&path)?;
    store.ensure_ontology()?;
    let mut reporter = Reporter::new(a.quiet, geokg::input::total_bytes(&a.inputs));
    let mut reader = Reader::new(&a.inputs, &opts);
    let progress = pipeline::ingest(&ex, &store, reader.by_ref(), a.batch as usize, a.compact, |p| reporter.update(p))
        .with_context(|| format!("writing to {}", path.display()))?;
    reporter.finish(&progress);
    for id in &progress.failed {
        eprintln!("geokg: skipped document '{id}': internal error in the extractor (please report it with this document)");
    }
    let t = progress.stats;
    if !reporter.quiet() {
        eprintln!(
            "geokg: {} into {}: {} documents added, {} replaced, {} unchanged; {} entities, {} statements, {} evidence mentions added; {} statements removed",
            if t.documents + t.replaced > 0 { "ingested" } else { "nothing new" },
            path.display(),
            t.documents,
            t.replaced,
            t.unchanged,
            t.entities,
            t.statements,
            t.evidence,
            t.removed_statements
        );
    }
    Ok(exit_for(reader.bad + progress.failed.len()))
}
