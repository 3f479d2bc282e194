//! `geokg export`: the store out as RDF, as a network drawing, or as edge and node lists.

use super::args::ExportArgs;
use super::graph::{projection, selection};
use super::default_store;
use anyhow::{bail, Context, Result};
use geokg::export;
use geokg::rdf::GraphStore;
use std::io::Write;
use std::process::ExitCode;

pub fn run(a: &ExportArgs) -> Result<ExitCode> {
    let path = a.filter.store.clone().unwrap_or_else(default_store);
    let store = GraphStore::open_read_only(&path)?;
    let mut out: Box<dyn Write> = match &a.output {
        Some(f) => Box::new(std::fs::File::create(f).with_context(|| format!("creating {}", f.display()))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w = std::io::BufWriter::new(&mut out);
    if export::is_rdf(a.format) {
        let f = &a.filter;
        if a.entity.is_some() || f.from.is_some() || f.to.is_some() || !f.relation.is_empty() || !f.quad_class.is_empty() || !f.etype.is_empty() || f.min_evidence > 0 {
            bail!("ttl, nt and nq export the whole store; filters and --entity apply to events, dot, svg, png, csv, jsonl, graphml and jsonld");
        }
        export::export(&store.store, a.format, a.nodes, &mut w)?;
    } else if a.format == export::ExportFormat::Events {
        // The same selection as the network formats: filters, and --entity/--depth.
        let (filter, selected) = selection(&store, &a.filter, a.entity.as_deref(), a.depth)?;
        let keep = |s: &export::Node, o: &export::Node, e: &export::Edge| {
            filter.keeps(e) && filter.keeps_node(s) && filter.keeps_node(o) && selected.as_ref().is_none_or(|set| set.contains(&s.iri) && set.contains(&o.iri))
        };
        export::write_events(&store.store, &keep, &mut w)?;
    } else {
        let g = projection(&store, &a.filter, a.entity.as_deref(), a.depth)?;
        export::export_graph(&g, a.format, a.nodes, &mut w)?;
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}
