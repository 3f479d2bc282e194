//! `geokg query`: a SPARQL query (given, from a file, or named) in, results out on stdout.

use super::args::QueryArgs;
use super::default_store;
use anyhow::{bail, Context, Result};
use geokg::queries;
use geokg::rdf::GraphStore;
use oxigraph::model::{NamedNode, Term};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

pub fn run(a: &QueryArgs) -> Result<ExitCode> {
    if a.list {
        for q in queries::library() {
            let params = if q.params.is_empty() { String::new() } else { format!(" --param {}", q.params.iter().map(|p| format!("{p}=...")).collect::<Vec<_>>().join(" --param ")) };
            println!("{}{params}\n    {}", q.name, q.description);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (query, expected): (String, Vec<String>) = match (&a.query, &a.file, &a.name) {
        (Some(q), _, _) => (q.clone(), Vec::new()),
        (None, Some(f), _) => (std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?, Vec::new()),
        (None, None, Some(n)) => {
            let q = queries::get(n).with_context(|| format!("no named query '{n}' (see geokg query --list)"))?;
            (q.text.to_string(), q.params)
        }
        (None, None, None) => bail!("give a query, --file FILE or --name NAME (or --list)"),
    };
    let mut raw = Vec::new();
    for p in &a.param {
        let (k, v) = p.split_once('=').with_context(|| format!("--param '{p}': expected NAME=VALUE"))?;
        raw.push((k.trim().trim_start_matches('?').to_string(), v.to_string()));
    }
    for name in &expected {
        if !raw.iter().any(|(k, _)| k == name) {
            bail!("query '{}' needs --param {name}=...", a.name.as_deref().unwrap_or(""));
        }
    }
    // Syntax errors are reported before the store is opened.
    geokg::sparql::prepare(&query, None).map(drop).map_err(|e| anyhow::anyhow!("{e}"))?;
    let path = a.store.clone().unwrap_or_else(default_store);
    let store = GraphStore::open_read_only(&path)?;
    let mut bindings = Vec::new();
    for (k, v) in raw {
        let term: Term = if k == "statement" && !v.contains("://") {
            NamedNode::new(format!("{}{}", geokg::rdf::model::STMT, v)).context("bad statement id")?.into()
        } else {
            queries::resolve_entity(&store.store, &v)?
        };
        bindings.push((k, term));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let format = a.format.unwrap_or(if std::io::stdout().is_terminal() { geokg::sparql::ResultFormat::Table } else { geokg::sparql::ResultFormat::Csv });
    geokg::sparql::run(&store.store, &query, &bindings, format, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
