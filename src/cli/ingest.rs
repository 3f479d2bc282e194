//! `geokg ingest`: articles in, the on-disk store updated, a summary on stderr.

use super::args::{Cli, IngestArgs};
use super::{default_store, exit_for, extract_one, extractor, read_options, Reader};
use anyhow::{Context, Result};
use geokg::entities::EntityRef;
use geokg::rdf::{GraphStore, IngestStats};
use geokg::{Document, Relation};
use rayon::prelude::*;
use std::process::ExitCode;

pub fn run(cli: &Cli, a: &IngestArgs) -> Result<ExitCode> {
    let opts = read_options(&a.date)?;
    let ex = extractor(cli)?;
    let path = a.store.clone().unwrap_or_else(default_store);
    let store = GraphStore::open(&path)?;
    store.ensure_ontology()?;
    let gaz = &ex.gazetteer;
    let alt_labels = |e: &EntityRef| -> Vec<String> { gaz.by_id(&e.id).map(|i| gaz.get(i).aliases.clone()).unwrap_or_default() };
    let mut reader = Reader::new(&a.inputs, &opts);
    let mut total = IngestStats::default();
    loop {
        let docs: Vec<Document> = reader.by_ref().take(a.batch as usize).collect();
        if docs.is_empty() {
            break;
        }
        let extracted: Vec<(Document, Option<Vec<Relation>>)> = docs
            .into_par_iter()
            .map(|d| {
                let r = extract_one(&ex, &d);
                (d, r)
            })
            .collect();
        reader.bad += extracted.iter().filter(|(_, r)| r.is_none()).count();
        let batch: Vec<(Document, Vec<Relation>)> = extracted.into_iter().filter_map(|(d, r)| r.map(|r| (d, r))).collect();
        total += store.ingest(&batch, &alt_labels).with_context(|| format!("writing to {}", path.display()))?;
    }
    if !a.quiet {
        eprintln!(
            "geokg: {} into {}: {} documents added, {} replaced, {} unchanged; {} entities, {} statements, {} evidence mentions added; {} statements removed",
            if total.documents + total.replaced > 0 { "ingested" } else { "nothing new" },
            path.display(),
            total.documents,
            total.replaced,
            total.unchanged,
            total.entities,
            total.statements,
            total.evidence,
            total.removed_statements
        );
    }
    Ok(exit_for(reader.bad))
}
