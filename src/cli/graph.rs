//! `geokg path`, `neighbors`, `rank`, `dyads`: questions about the network of entities, answered
//! on the petgraph projection of the store.

use super::args::{DyadsArgs, GraphFilter, NeighborsArgs, PathArgs, RankArgs};
use super::default_store;
use anyhow::{anyhow, Result};
use clap::ValueEnum;
use geokg::analytics::{self, Filter};
use geokg::export::{self, Edge, ExportFormat, Node};
use geokg::rdf::GraphStore;
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;
use petgraph::graph::DiGraph;
use std::io::Write;
use std::process::ExitCode;

fn open(f: &GraphFilter) -> Result<GraphStore> {
    Ok(GraphStore::open_read_only(&f.store.clone().unwrap_or_else(default_store))?)
}

fn to_filter(f: &GraphFilter) -> Filter {
    Filter {
        from: f.from.clone(),
        to: f.to.clone(),
        relations: f.relation.clone(),
        quad_classes: f.quad_class.clone(),
        types: f.etype.clone(),
        min_evidence: f.min_evidence,
    }
}

/// The filter, and the IRIs of the entities --entity/--depth selects (all when none is given).
pub fn selection(store: &GraphStore, f: &GraphFilter, entity: Option<&str>, depth: usize) -> Result<(Filter, Option<std::collections::HashSet<String>>)> {
    let set = match entity {
        None => None,
        Some(_) => {
            let g = projection(store, f, entity, depth)?;
            Some(g.node_indices().map(|i| g[i].iri.clone()).collect())
        }
    };
    Ok((to_filter(f), set))
}

/// The projection, filtered, and restricted to an entity's neighbourhood when one is given.
pub fn projection(store: &GraphStore, f: &GraphFilter, entity: Option<&str>, depth: usize) -> Result<DiGraph<Node, Edge>> {
    let g = analytics::filter(&export::project(&store.store)?, &to_filter(f));
    match entity {
        None => Ok(g),
        Some(e) => {
            let n = locate(&store.store, &g, e)?;
            Ok(analytics::ego(&g, n, depth))
        }
    }
}

/// An entity of the graph by label, id or IRI (resolved like query parameters).
fn locate(store: &oxigraph::store::Store, g: &DiGraph<Node, Edge>, name: &str) -> Result<petgraph::graph::NodeIndex> {
    if let Some(n) = analytics::find(g, name) {
        return Ok(n);
    }
    let iri = match geokg::queries::resolve_entity(store, name)? {
        Term::NamedNode(n) => n.as_str().to_string(),
        t => t.to_string(),
    };
    analytics::find(g, &iri).ok_or_else(|| anyhow!("'{name}' has no relations in the selected graph"))
}

fn table(header: &[&str], rows: &[Vec<String>]) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    geokg::sparql::write_table(&header.iter().map(|h| h.to_string()).collect::<Vec<_>>(), rows, &mut out)?;
    out.flush()?;
    Ok(())
}

pub fn path(a: &PathArgs) -> Result<ExitCode> {
    let store = open(&a.filter)?;
    let g = projection(&store, &a.filter, None, 0)?;
    let (x, y) = (locate(&store.store, &g, &a.from_entity)?, locate(&store.store, &g, &a.to_entity)?);
    let paths = analytics::paths(&g, x, y, a.max_hops, a.k);
    if paths.is_empty() {
        eprintln!("geokg: no path of at most {} hops between {} and {}", a.max_hops, g[x].label, g[y].label);
        return Ok(ExitCode::from(1));
    }
    let mut rows = Vec::new();
    for (i, p) in paths.iter().enumerate() {
        for (n, &(_, e, _)) in p.iter().enumerate() {
            let (s, o) = g.edge_endpoints(e).expect("edge");
            let w = &g[e];
            let sentence = evidence_sentence(&store.store, &g[s].iri, &w.relation, &g[o].iri, w.symmetric).unwrap_or_default();
            rows.push(vec![(i + 1).to_string(), (n + 1).to_string(), g[s].label.clone(), w.relation.clone(), g[o].label.clone(), w.first.clone().unwrap_or_default(), sentence]);
        }
    }
    table(&["path", "hop", "subject", "relation", "object", "date", "evidence"], &rows)?;
    Ok(ExitCode::SUCCESS)
}

/// One sentence that supports the direct relation s -p-> o.
fn evidence_sentence(store: &oxigraph::store::Store, s: &str, p: &str, o: &str, symmetric: bool) -> Option<String> {
    let q = "SELECT ?s ?p ?o ?sentence WHERE { { ?st rdf:subject ?s ; rdf:object ?o } UNION { ?st rdf:subject ?o ; rdf:object ?s . FILTER(?sym) }
             ?st rdf:predicate ?p ; gk:polarity gk:positive ; gk:modality gk:asserted ; gk:hasEvidence ?ev . ?ev gk:sentence ?sentence } LIMIT 1";
    let q = q.replace("FILTER(?sym)", if symmetric { "" } else { "FILTER(false)" });
    let term = |iri: &str| NamedNode::new(iri).ok().map(Term::from);
    let bindings = vec![
        ("s".to_string(), term(s)?),
        ("p".to_string(), term(&format!("{}{p}", geokg::rdf::model::GK))?),
        ("o".to_string(), term(o)?),
    ];
    let prepared = geokg::sparql::prepare_with(&q, &bindings, None).ok()?;
    if let Ok(QueryResults::Solutions(mut sols)) = prepared.on_store(store).execute() {
        if let Some(Ok(sol)) = sols.next() {
            if let Some(Term::Literal(l)) = sol.get("sentence") {
                return Some(l.value().to_string());
            }
        }
    }
    None
}

pub fn neighbors(a: &NeighborsArgs) -> Result<ExitCode> {
    let store = open(&a.filter)?;
    let g = projection(&store, &a.filter, Some(&a.entity), a.depth)?;
    if a.format == "table" {
        let rows: Vec<Vec<String>> = g
            .edge_indices()
            .filter(|&e| {
                // A symmetric relation is stored both ways; list it once.
                let (s, o) = g.edge_endpoints(e).expect("edge");
                !(g[e].symmetric && s > o)
            })
            .map(|e| {
                let (s, o) = g.edge_endpoints(e).expect("edge");
                let w = &g[e];
                vec![g[s].label.clone(), w.relation.clone(), g[o].label.clone(), w.evidence.to_string(), w.first.clone().unwrap_or_default(), w.last.clone().unwrap_or_default()]
            })
            .collect();
        table(&["subject", "relation", "object", "evidence", "first", "last"], &rows)?;
    } else {
        let format = ExportFormat::from_str(&a.format, true).map_err(|_| anyhow!("--format: table, dot, svg, png, csv, jsonl or graphml"))?;
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        export::export_graph(&g, format, a.nodes, &mut out)?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn rank(a: &RankArgs) -> Result<ExitCode> {
    let store = open(&a.filter)?;
    let g = projection(&store, &a.filter, None, 0)?;
    let rows: Vec<Vec<String>> = analytics::rank(&g, a.by)
        .into_iter()
        .take(a.top)
        .enumerate()
        .map(|(i, (n, score))| vec![(i + 1).to_string(), g[n].label.clone(), g[n].etype.clone(), format!("{score:.4}")])
        .collect();
    table(&["rank", "entity", "type", &format!("{:?}", a.by).to_lowercase()], &rows)?;
    Ok(ExitCode::SUCCESS)
}

pub fn dyads(a: &DyadsArgs) -> Result<ExitCode> {
    let store = open(&a.filter)?;
    let g = projection(&store, &a.filter, None, 0)?;
    let header = ["actor_a", "actor_b", "cooperation", "cooperation_goldstein", "conflict", "conflict_goldstein"];
    let rows: Vec<Vec<String>> = analytics::dyads(&g)
        .into_iter()
        .map(|d| vec![g[d.a].label.clone(), g[d.b].label.clone(), d.cooperation.to_string(), format!("{:.1}", d.cooperation_goldstein), d.conflict.to_string(), format!("{:.1}", d.conflict_goldstein)])
        .collect();
    if a.csv {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        writeln!(out, "{}", header.join(","))?;
        for r in &rows {
            writeln!(out, "{}", r.iter().map(|c| if c.contains([',', '"']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() }).collect::<Vec<_>>().join(","))?;
        }
    } else {
        table(&header, &rows)?;
    }
    Ok(ExitCode::SUCCESS)
}
