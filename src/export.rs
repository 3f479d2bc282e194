//! Export: the store in, files out: Turtle, N-Triples, N-Quads, and Graphviz DOT through a
//! petgraph projection of the entities and their direct relations.
//!
//! Turtle and N-Triples merge all graphs (no triple is stored twice, so nothing repeats);
//! N-Quads keeps each document's graph.

use crate::error::Result;
use crate::rdf::model::{self, PREFIXES};
use crate::sparql;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Term, TripleRef};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::HashMap;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Ttl,
    Nt,
    Nq,
    Dot,
}

pub fn export(store: &Store, format: ExportFormat, out: &mut dyn Write) -> Result<()> {
    match format {
        ExportFormat::Nq => {
            let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(out);
            for q in store.iter() {
                w.serialize_quad(&q?)?;
            }
            w.finish()?;
        }
        ExportFormat::Ttl | ExportFormat::Nt => {
            let mut ser = RdfSerializer::from_format(if format == ExportFormat::Ttl { RdfFormat::Turtle } else { RdfFormat::NTriples });
            if format == ExportFormat::Ttl {
                for (p, iri) in PREFIXES {
                    ser = ser.with_prefix(*p, *iri).expect("valid prefix");
                }
            }
            let mut w = ser.for_writer(out);
            for q in store.iter() {
                let q = q?;
                w.serialize_triple(TripleRef::new(&q.subject, &q.predicate, &q.object))?;
            }
            w.finish()?;
        }
        ExportFormat::Dot => {
            let g = project(store)?;
            write_dot(&g, out)?;
        }
    }
    Ok(())
}

/// A node of the projection: an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub iri: String,
    pub label: String,
    pub etype: String,
}

/// An edge of the projection: a direct relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub relation: String,
}

/// Entities as nodes, direct relations (asserted, positive facts) as edges, read with SPARQL
/// so that the store stays the one source of truth.
pub fn project(store: &Store) -> Result<DiGraph<Node, Edge>> {
    let q = format!(
        "SELECT ?s ?p ?o ?sl ?ol ?st ?ot WHERE {{
           ?s ?p ?o .
           FILTER(STRSTARTS(STR(?s), \"{ent}\") && STRSTARTS(STR(?o), \"{ent}\") && STRSTARTS(STR(?p), \"{gk}\"))
           OPTIONAL {{ ?s rdfs:label ?sl }} OPTIONAL {{ ?o rdfs:label ?ol }}
           OPTIONAL {{ ?s a ?st }} OPTIONAL {{ ?o a ?ot }}
         }} ORDER BY ?s ?p ?o",
        ent = model::ENT,
        gk = model::GK
    );
    let mut g = DiGraph::new();
    let mut nodes: HashMap<String, NodeIndex> = HashMap::new();
    let mut edges = std::collections::HashSet::new();
    if let QueryResults::Solutions(sols) = sparql::prepare(&q, None)?.on_store(store).execute()? {
        for s in sols {
            let s = s?;
            let iri = |v: &str| match s.get(v) {
                Some(Term::NamedNode(n)) => n.as_str().to_string(),
                _ => String::new(),
            };
            let text = |v: &str| match s.get(v) {
                Some(Term::Literal(l)) => l.value().to_string(),
                Some(Term::NamedNode(n)) => n.as_str().rsplit(['#', '/']).next().unwrap_or("").to_string(),
                _ => String::new(),
            };
            let mut node = |iri: String, label: String, etype: String| {
                *nodes.entry(iri.clone()).or_insert_with(|| {
                    let label = if label.is_empty() { iri.rsplit('/').next().unwrap_or("").to_string() } else { label };
                    g.add_node(Node { iri, label, etype })
                })
            };
            let a = node(iri("s"), text("sl"), text("st"));
            let b = node(iri("o"), text("ol"), text("ot"));
            let rel = text("p");
            if edges.insert((a, b, rel.clone())) {
                g.add_edge(a, b, Edge { relation: rel });
            }
        }
    }
    Ok(g)
}

/// Escapes a string for a double-quoted DOT ID: backslashes, quotes and line breaks.
pub fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes the projection as Graphviz DOT. Labels are escaped here, not by petgraph, whose
/// attribute getters return them unescaped.
pub fn write_dot(g: &DiGraph<Node, Edge>, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "digraph geokg {{")?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\"];")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for i in g.node_indices() {
        let n = &g[i];
        let shape = match n.etype.as_str() {
            "Person" => "ellipse",
            "Organization" => "hexagon",
            "City" | "Region" => "note",
            _ => "box",
        };
        writeln!(out, "  n{} [label=\"{}\", shape={shape}];", i.index(), dot_escape(&n.label))?;
    }
    for e in g.edge_indices() {
        let (a, b) = g.edge_endpoints(e).expect("edge has endpoints");
        writeln!(out, "  n{} -> n{} [label=\"{}\"];", a.index(), b.index(), dot_escape(&g[e].relation))?;
    }
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_labels_are_escaped() {
        let mut g = DiGraph::new();
        let a = g.add_node(Node { iri: "a".into(), label: "Say \"hi\" \\ 北京".into(), etype: "City".into() });
        let b = g.add_node(Node { iri: "b".into(), label: "B".into(), etype: "Country".into() });
        g.add_edge(a, b, Edge { relation: "locatedIn".into() });
        let mut out = Vec::new();
        write_dot(&g, &mut out).unwrap();
        let dot = String::from_utf8(out).unwrap();
        assert!(dot.contains(r#"n0 [label="Say \"hi\" \\ 北京", shape=note];"#), "{dot}");
        assert!(dot.contains(r#"n0 -> n1 [label="locatedIn"];"#));
    }
}
