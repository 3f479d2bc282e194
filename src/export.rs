//! Export: the store in, files out.
//!
//! - RDF: Turtle and N-Triples (all graphs merged; no triple is stored twice, so nothing
//!   repeats) and N-Quads (each document's graph kept);
//! - the network, through a petgraph projection of the entities and their direct relations, read
//!   with SPARQL so that the store stays the one source of truth: Graphviz DOT (styled: shape by
//!   entity type, colour by QuadClass, width by evidence), SVG and PNG rendered by Graphviz,
//!   CSV and JSON Lines edge and node lists for pandas, GraphML for networkx and Gephi, and
//!   JSON-LD with geokg's @context;
//! - a CAMEO event table in GDELT's column layout, one row per event statement.

use crate::error::{Error, Result};
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
    Svg,
    Png,
    Csv,
    Jsonl,
    Graphml,
    /// The network as JSON-LD with geokg's @context (data/context.jsonld).
    Jsonld,
    /// A CAMEO event table in the column layout of GDELT's event files (tab-separated).
    Events,
}

/// Whether a format writes RDF (the whole store) rather than the network projection.
pub fn is_rdf(format: ExportFormat) -> bool {
    matches!(format, ExportFormat::Ttl | ExportFormat::Nt | ExportFormat::Nq)
}

/// Writes the store in `format`. For csv and jsonl, `nodes` chooses the node list instead of
/// the edge list.
pub fn export(store: &Store, format: ExportFormat, nodes: bool, out: &mut dyn Write) -> Result<()> {
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
        ExportFormat::Events => write_events(store, &|_, _, _| true, out)?,
        _ => export_graph(&project(store)?, format, nodes, out)?,
    }
    Ok(())
}

/// geokg's JSON-LD context, as published with the vocabulary.
pub const CONTEXT: &str = include_str!("../data/context.jsonld");

/// The network as JSON-LD: each entity with its label, type, identifiers and its direct
/// relations as properties (`"visits": ["ent:china"]`), under geokg's @context.
pub fn write_jsonld(g: &DiGraph<Node, Edge>, out: &mut dyn Write) -> Result<()> {
    let context: serde_json::Value = serde_json::from_str(CONTEXT).map_err(|e| Error::Invalid(format!("data/context.jsonld: {e}")))?;
    let mut graph = Vec::new();
    for i in g.node_indices() {
        let n = &g[i];
        let mut obj = serde_json::json!({ "id": n.iri, "label": n.label });
        if !n.etype.is_empty() {
            obj["type"] = n.etype.clone().into();
        }
        if let Some(c) = &n.iso3 {
            obj["iso3"] = c.clone().into();
        }
        if let Some(q) = &n.wikidata {
            obj["sameAs"] = format!("http://www.wikidata.org/entity/{q}").into();
        }
        let mut rels: std::collections::BTreeMap<String, Vec<serde_json::Value>> = Default::default();
        for e in g.edges(i) {
            rels.entry(e.weight().relation.clone()).or_default().push(serde_json::json!({ "@id": g[petgraph::visit::EdgeRef::target(&e)].iri }));
        }
        for (rel, targets) in rels {
            obj[rel] = targets.into();
        }
        graph.push(obj);
    }
    let doc = serde_json::json!({ "@context": context["@context"], "@graph": graph });
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// The CAMEO event table, one row per event statement (asserted or not, with its polarity), in
/// the columns of GDELT 1.0 event files that apply: GLOBALEVENTID, SQLDATE, MonthYear, Year,
/// Actor1Code, Actor1Name, Actor2Code, Actor2Name, EventCode, EventBaseCode, EventRootCode,
/// QuadClass, GoldsteinScale, NumMentions, NumArticles, SOURCEURL; then geokg's Polarity,
/// Modality and Relation. Actor codes are states' ISO alpha-3 codes, which CAMEO's country codes
/// follow; for people and organisations the code is left empty rather than guessed.
/// `keep` selects rows: it sees both actors (as nodes) and the event as an edge (relation,
/// QuadClass, mentions as evidence, its date as first and last).
pub fn write_events(store: &Store, keep: &dyn Fn(&Node, &Node, &Edge) -> bool, out: &mut dyn Write) -> Result<()> {
    let q = "SELECT ?st ?s ?o ?st1 ?st2 ?date ?a1 ?a1name ?a2 ?a2name ?cameo ?quad ?gold ?p ?pol ?mod (COUNT(DISTINCT ?ev) AS ?mentions) (COUNT(DISTINCT ?doc) AS ?articles) (SAMPLE(?u) AS ?url)
             WHERE { ?st gk:cameoCode ?cameo ; rdf:subject ?s ; rdf:object ?o ; rdf:predicate ?p ; gk:polarity ?pol ; gk:modality ?mod ; gk:hasEvidence ?ev .
                     ?ev gk:document ?doc . OPTIONAL { ?doc dcterms:source ?u }
                     OPTIONAL { ?st gk:date ?date } OPTIONAL { ?st gk:quadClass ?quad } OPTIONAL { ?st gk:goldstein ?gold }
                     OPTIONAL { ?s rdfs:label ?a1name } OPTIONAL { ?o rdfs:label ?a2name }
                     OPTIONAL { ?s gk:iso3 ?a1 } OPTIONAL { ?o gk:iso3 ?a2 } OPTIONAL { ?s a ?st1 } OPTIONAL { ?o a ?st2 } }
             GROUP BY ?st ?s ?o ?st1 ?st2 ?date ?a1 ?a1name ?a2 ?a2name ?cameo ?quad ?gold ?p ?pol ?mod ORDER BY ?date ?st";
    writeln!(
        out,
        "GLOBALEVENTID\tSQLDATE\tMonthYear\tYear\tActor1Code\tActor1Name\tActor2Code\tActor2Name\tEventCode\tEventBaseCode\tEventRootCode\tQuadClass\tGoldsteinScale\tNumMentions\tNumArticles\tSOURCEURL\tPolarity\tModality\tRelation"
    )?;
    let clean = |s: String| s.replace(['\t', '\n', '\r'], " ");
    if let QueryResults::Solutions(sols) = sparql::prepare(q, None)?.on_store(store).execute()? {
        for s in sols {
            let s = s?;
            let v = |k: &str| match s.get(k) {
                Some(Term::Literal(l)) => clean(l.value().to_string()),
                Some(Term::NamedNode(n)) => clean(n.as_str().to_string()),
                _ => String::new(),
            };
            let local = |k: &str| v(k).rsplit(['#', '/']).next().unwrap_or("").to_string();
            let date = v("date");
            let node = |iri: &str, label: &str, ty: &str| Node { iri: v(iri), label: v(label), etype: local(ty), ..Node::default() };
            let event = Edge {
                relation: local("p"),
                quad_class: v("quad").parse().ok(),
                evidence: v("mentions").parse().unwrap_or(0),
                first: (!date.is_empty()).then(|| date.clone()),
                last: (!date.is_empty()).then(|| date.clone()),
                ..Edge::default()
            };
            if !keep(&node("s", "a1name", "st1"), &node("o", "a2name", "st2"), &event) {
                continue;
            }
            let digits: String = date.chars().filter(char::is_ascii_digit).collect();
            let sqldate = if digits.len() == 8 { digits.clone() } else { String::new() };
            let month = digits.get(..6).map(String::from).unwrap_or_default();
            let year = digits.get(..4).map(String::from).unwrap_or_default();
            let cameo = v("cameo");
            let root = cameo.get(..2).unwrap_or("").to_string();
            let base = cameo.get(..3).unwrap_or("").to_string();
            writeln!(
                out,
                "{}\t{sqldate}\t{month}\t{year}\t{}\t{}\t{}\t{}\t{cameo}\t{base}\t{root}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                local("st"),
                v("a1"),
                v("a1name"),
                v("a2"),
                v("a2name"),
                v("quad"),
                v("gold"),
                v("mentions"),
                v("articles"),
                v("url"),
                local("pol"),
                local("mod"),
                local("p")
            )?;
        }
    }
    Ok(())
}

/// Writes a (filtered) projection in one of the network formats.
pub fn export_graph(g: &DiGraph<Node, Edge>, format: ExportFormat, nodes: bool, out: &mut dyn Write) -> Result<()> {
    match format {
        ExportFormat::Dot => write_dot(g, out)?,
        ExportFormat::Svg | ExportFormat::Png => {
            let mut dot = Vec::new();
            write_dot(g, &mut dot)?;
            out.write_all(&render(&dot, if format == ExportFormat::Svg { "svg" } else { "png" })?)?;
        }
        ExportFormat::Csv => write_csv(g, nodes, out)?,
        ExportFormat::Jsonl => write_jsonl(g, nodes, out)?,
        ExportFormat::Graphml => write_graphml(g, out)?,
        ExportFormat::Jsonld => write_jsonld(g, out)?,
        ExportFormat::Events => return Err(Error::Invalid("the event table lists statements; export it from the store".into())),
        ExportFormat::Ttl | ExportFormat::Nt | ExportFormat::Nq => {
            return Err(Error::Invalid("RDF formats export the whole store, not a projection".into()))
        }
    }
    Ok(())
}

/// A node of the projection: an entity.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Node {
    pub iri: String,
    pub label: String,
    /// Country, Person, Organization, City or Region.
    #[serde(rename = "type")]
    pub etype: String,
    pub iso3: Option<String>,
    pub wikidata: Option<String>,
}

/// An edge of the projection: a direct relation (an asserted, positive fact).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Edge {
    pub relation: String,
    pub cameo: Option<String>,
    pub quad_class: Option<u8>,
    pub goldstein: Option<f64>,
    /// How many sentences support it.
    pub evidence: u32,
    /// How many distinct statements (events on different dates) it stands for.
    pub statements: u32,
    pub first: Option<String>,
    pub last: Option<String>,
    pub symmetric: bool,
}

/// Entities as nodes, direct relations as edges (both directions of a symmetric relation, as
/// the store holds them), each edge with its CAMEO code, QuadClass, Goldstein value, evidence
/// count and date range.
pub fn project(store: &Store) -> Result<DiGraph<Node, Edge>> {
    let q = format!(
        "SELECT ?s ?p ?o (COUNT(DISTINCT ?ev) AS ?n) (COUNT(DISTINCT ?st) AS ?nst) (MIN(?d) AS ?first) (MAX(?d) AS ?last)
                (SAMPLE(?c) AS ?cameo) (SAMPLE(?qc) AS ?quad) (SAMPLE(?g) AS ?gold)
         WHERE {{
           {{ ?s ?p ?o . ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }}
           UNION
           {{ ?s ?p ?o . ?p a owl:SymmetricProperty . ?st rdf:subject ?o ; rdf:predicate ?p ; rdf:object ?s }}
           FILTER(STRSTARTS(STR(?s), \"{ent}\") && STRSTARTS(STR(?o), \"{ent}\") && STRSTARTS(STR(?p), \"{gk}\"))
           ?st gk:polarity gk:positive ; gk:modality gk:asserted ; gk:hasEvidence ?ev .
           OPTIONAL {{ ?st gk:date ?d }} OPTIONAL {{ ?st gk:cameoCode ?c }}
           OPTIONAL {{ ?st gk:quadClass ?qc }} OPTIONAL {{ ?st gk:goldstein ?g }}
         }} GROUP BY ?s ?p ?o ORDER BY ?s ?p ?o",
        ent = model::ENT,
        gk = model::GK
    );
    let mut g = DiGraph::new();
    let mut nodes: HashMap<String, NodeIndex> = HashMap::new();
    let text = |t: Option<&Term>| match t {
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        Some(Term::NamedNode(n)) => Some(n.as_str().rsplit(['#', '/']).next().unwrap_or("").to_string()),
        _ => None,
    };
    let iri = |t: Option<&Term>| match t {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        _ => String::new(),
    };
    let mut rows = Vec::new();
    if let QueryResults::Solutions(sols) = sparql::prepare(&q, None)?.on_store(store).execute()? {
        for s in sols {
            let s = s?;
            rows.push((
                iri(s.get("s")),
                iri(s.get("o")),
                Edge {
                    relation: text(s.get("p")).unwrap_or_default(),
                    cameo: text(s.get("cameo")),
                    quad_class: text(s.get("quad")).and_then(|v| v.parse().ok()),
                    goldstein: text(s.get("gold")).and_then(|v| v.parse().ok()),
                    evidence: text(s.get("n")).and_then(|v| v.parse().ok()).unwrap_or(0),
                    statements: text(s.get("nst")).and_then(|v| v.parse().ok()).unwrap_or(0),
                    first: text(s.get("first")),
                    last: text(s.get("last")),
                    symmetric: text(s.get("p")).is_some_and(|r| crate::vocab::Vocabulary::builtin().get(&r).is_some_and(|d| d.symmetric)),
                },
            ));
        }
    }
    for (s, o, _) in &rows {
        for e in [s, o] {
            if !nodes.contains_key(e) {
                let n = describe(store, e)?;
                nodes.insert(e.clone(), g.add_node(n));
            }
        }
    }
    for (s, o, e) in rows {
        g.add_edge(nodes[&s], nodes[&o], e);
    }
    Ok(g)
}

/// An entity's label, type and identifiers.
fn describe(store: &Store, iri: &str) -> Result<Node> {
    let q = "SELECT ?e ?label ?type ?iso3 ?wd WHERE { OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e a ?type }
             OPTIONAL { ?e gk:iso3 ?iso3 } OPTIONAL { ?e owl:sameAs ?wd } } LIMIT 1";
    let term: Term = oxigraph::model::NamedNode::new(iri).map_err(|e| Error::Invalid(e.to_string()))?.into();
    let mut node = Node { iri: iri.to_string(), label: iri.rsplit('/').next().unwrap_or("").to_string(), ..Node::default() };
    if let QueryResults::Solutions(mut s) = sparql::prepare_with(q, &[("e".into(), term)], None)?.on_store(store).execute()? {
        if let Some(sol) = s.next() {
            let sol = sol?;
            if let Some(Term::Literal(l)) = sol.get("label") {
                node.label = l.value().to_string();
            }
            if let Some(Term::NamedNode(t)) = sol.get("type") {
                node.etype = t.as_str().rsplit('#').next().unwrap_or("").to_string();
            }
            if let Some(Term::Literal(l)) = sol.get("iso3") {
                node.iso3 = Some(l.value().to_string());
            }
            if let Some(Term::NamedNode(w)) = sol.get("wd") {
                node.wikidata = w.as_str().rsplit('/').next().map(String::from);
            }
        }
    }
    Ok(node)
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

/// Cooperation green, conflict red, structural facts grey.
fn colour(quad_class: Option<u8>) -> &'static str {
    match quad_class {
        Some(1) => "#4daf4a",
        Some(2) => "#1b7837",
        Some(3) => "#e66101",
        Some(4) => "#b2182b",
        _ => "#888888",
    }
}

/// Writes the projection as Graphviz DOT, styled for reading. Labels are escaped here, not by
/// petgraph, whose attribute getters return them unescaped. A symmetric relation is drawn once,
/// without arrowheads.
pub fn write_dot(g: &DiGraph<Node, Edge>, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "digraph geokg {{")?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false];")?;
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
        let w = &g[e];
        if w.symmetric && a.index() > b.index() {
            continue;
        }
        let dates = match (&w.first, &w.last) {
            (Some(f), Some(l)) if f != l => format!("\\n{f} – {l}"),
            (Some(f), _) => format!("\\n{f}"),
            _ => String::new(),
        };
        let width = 1.0 + f64::from(w.evidence.max(1)).ln();
        writeln!(
            out,
            "  n{} -> n{} [label=\"{}{dates}\", color=\"{}\", fontcolor=\"{}\", penwidth={width:.2}{}];",
            a.index(),
            b.index(),
            dot_escape(&w.relation),
            colour(w.quad_class),
            colour(w.quad_class),
            if w.symmetric { ", dir=none" } else { "" }
        )?;
    }
    writeln!(out, "}}")
}

/// Renders DOT with Graphviz `dot` to `format` (svg, png).
pub fn render(dot: &[u8], format: &str) -> Result<Vec<u8>> {
    let mut child = std::process::Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|_| Error::Invalid("Graphviz `dot` was not found: install the graphviz package (apt-get install graphviz)".into()))?;
    child.stdin.take().expect("piped stdin").write_all(dot)?;
    let out = child.wait_with_output()?;
    if !out.status.success() {
        return Err(Error::Invalid(format!("dot failed: {}", String::from_utf8_lossy(&out.stderr))));
    }
    Ok(out.stdout)
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// CSV: the edge list (source, target, relation, ...) or the node list.
pub fn write_csv(g: &DiGraph<Node, Edge>, nodes: bool, out: &mut dyn Write) -> std::io::Result<()> {
    if nodes {
        writeln!(out, "id,label,type,iso3,wikidata")?;
        for i in g.node_indices() {
            let n = &g[i];
            writeln!(out, "{},{},{},{},{}", csv_cell(&n.iri), csv_cell(&n.label), n.etype, opt(&n.iso3), opt(&n.wikidata))?;
        }
    } else {
        writeln!(out, "source,target,source_label,target_label,relation,cameo,quad_class,goldstein,evidence,first,last")?;
        for e in g.edge_indices() {
            let (a, b) = g.edge_endpoints(e).expect("edge has endpoints");
            let w = &g[e];
            writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{}",
                csv_cell(&g[a].iri),
                csv_cell(&g[b].iri),
                csv_cell(&g[a].label),
                csv_cell(&g[b].label),
                w.relation,
                opt(&w.cameo),
                opt(&w.quad_class),
                opt(&w.goldstein),
                w.evidence,
                opt(&w.first),
                opt(&w.last)
            )?;
        }
    }
    Ok(())
}

/// JSON Lines: one edge (or node) per line.
pub fn write_jsonl(g: &DiGraph<Node, Edge>, nodes: bool, out: &mut dyn Write) -> std::io::Result<()> {
    if nodes {
        for i in g.node_indices() {
            serde_json::to_writer(&mut *out, &g[i])?;
            writeln!(out)?;
        }
    } else {
        for e in g.edge_indices() {
            let (a, b) = g.edge_endpoints(e).expect("edge has endpoints");
            let mut v = serde_json::to_value(&g[e])?;
            v["source"] = g[a].iri.clone().into();
            v["target"] = g[b].iri.clone().into();
            serde_json::to_writer(&mut *out, &v)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// GraphML, as networkx and Gephi read it.
pub fn write_graphml(g: &DiGraph<Node, Edge>, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">")?;
    for (id, on, ty) in [
        ("label", "node", "string"),
        ("type", "node", "string"),
        ("iso3", "node", "string"),
        ("wikidata", "node", "string"),
        ("relation", "edge", "string"),
        ("cameo", "edge", "string"),
        ("quad_class", "edge", "int"),
        ("goldstein", "edge", "double"),
        ("evidence", "edge", "int"),
        ("first", "edge", "string"),
        ("last", "edge", "string"),
    ] {
        writeln!(out, "  <key id=\"{id}\" for=\"{on}\" attr.name=\"{id}\" attr.type=\"{ty}\"/>")?;
    }
    writeln!(out, "  <graph id=\"geokg\" edgedefault=\"directed\">")?;
    for i in g.node_indices() {
        let n = &g[i];
        write!(out, "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"type\">{}</data>", xml(&n.iri), xml(&n.label), xml(&n.etype))?;
        if let Some(v) = &n.iso3 {
            write!(out, "<data key=\"iso3\">{}</data>", xml(v))?;
        }
        if let Some(v) = &n.wikidata {
            write!(out, "<data key=\"wikidata\">{}</data>", xml(v))?;
        }
        writeln!(out, "</node>")?;
    }
    for e in g.edge_indices() {
        let (a, b) = g.edge_endpoints(e).expect("edge has endpoints");
        let w = &g[e];
        write!(out, "    <edge source=\"{}\" target=\"{}\"><data key=\"relation\">{}</data><data key=\"evidence\">{}</data>", xml(&g[a].iri), xml(&g[b].iri), xml(&w.relation), w.evidence)?;
        for (k, v) in [("cameo", opt(&w.cameo)), ("quad_class", opt(&w.quad_class)), ("goldstein", opt(&w.goldstein)), ("first", opt(&w.first)), ("last", opt(&w.last))] {
            if !v.is_empty() {
                write!(out, "<data key=\"{k}\">{}</data>", xml(&v))?;
            }
        }
        writeln!(out, "</edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph() -> DiGraph<Node, Edge> {
        let mut g = DiGraph::new();
        let a = g.add_node(Node { iri: "https://w3id.org/geokg/entity/a".into(), label: "Say \"hi\" \\ 北京".into(), etype: "City".into(), ..Node::default() });
        let b = g.add_node(Node { iri: "https://w3id.org/geokg/entity/b".into(), label: "B, the <country>".into(), etype: "Country".into(), iso3: Some("BBB".into()), ..Node::default() });
        g.add_edge(a, b, Edge { relation: "locatedIn".into(), evidence: 1, ..Edge::default() });
        g.add_edge(b, a, Edge { relation: "attacks".into(), cameo: Some("190".into()), quad_class: Some(4), goldstein: Some(-10.0), evidence: 3, first: Some("2024-01".into()), last: Some("2024-03-02".into()), symmetric: false, statements: 2 });
        g
    }

    #[test]
    fn dot_snapshot_escapes_and_styles() {
        let mut out = Vec::new();
        write_dot(&graph(), &mut out).unwrap();
        let dot = String::from_utf8(out).unwrap();
        let want = r##"digraph geokg {
  graph [rankdir=LR, fontname="Helvetica", overlap=false];
  node [fontname="Helvetica", fontsize=11];
  edge [fontname="Helvetica", fontsize=9];
  n0 [label="Say \"hi\" \\ 北京", shape=note];
  n1 [label="B, the <country>", shape=box];
  n0 -> n1 [label="locatedIn", color="#888888", fontcolor="#888888", penwidth=1.00];
  n1 -> n0 [label="attacks\n2024-01 – 2024-03-02", color="#b2182b", fontcolor="#b2182b", penwidth=2.10];
}
"##;
        assert_eq!(dot, want);
    }

    #[test]
    fn graphviz_renders_escaped_labels() {
        let mut out = Vec::new();
        write_dot(&graph(), &mut out).unwrap();
        let svg = String::from_utf8(render(&out, "svg").expect("graphviz `dot` is installed")).unwrap();
        assert!(svg.contains("北京") && svg.contains("Say &quot;hi&quot; \\ 北京"), "{svg}");
    }

    #[test]
    fn csv_and_graphml_escape() {
        let mut out = Vec::new();
        write_csv(&graph(), true, &mut out).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("\"B, the <country>\",Country,BBB,"));
        let mut out = Vec::new();
        write_graphml(&graph(), &mut out).unwrap();
        let x = String::from_utf8(out).unwrap();
        assert!(x.contains("B, the &lt;country&gt;") && x.contains("Say &quot;hi&quot;"));
    }
}
