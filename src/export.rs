//! Export: the store in, files out.
//!
//! - RDF: Turtle and N-Triples (all graphs merged; no triple is stored twice, so nothing
//!   repeats) and N-Quads (each document's graph kept);
//! - the network, through a petgraph projection of the entities and their direct relations, read
//!   from the store (the one source of truth) statement by statement: Graphviz DOT (styled: shape by
//!   entity type, colour by QuadClass, width by evidence), SVG and PNG rendered by Graphviz,
//!   CSV and JSON Lines edge and node lists for pandas, GraphML for networkx and Gephi, and
//!   JSON-LD with geokg's @context;
//! - a CAMEO event table in GDELT's column layout, one row per event statement, by date.
//!
//! The projection and the event table walk the statements by index look-ups, a chunk at a time
//! on all cores, and hold only what they write: the network, or 16 bytes a statement to order
//! the table by date.

use crate::error::{Error, Result};
use crate::rdf::model::{self, PREFIXES};
use crate::sparql;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TripleRef};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;
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
/// follow; for people and organisations the code is left empty rather than guessed. Rows come by
/// date (see [`Lookup::event_statements`]).
/// `keep` selects rows: it sees both actors (as nodes) and the event as an edge (relation,
/// QuadClass, mentions as evidence, its date as first and last).
pub fn write_events(store: &Store, keep: &dyn Fn(&Node, &Node, &Edge) -> bool, out: &mut dyn Write) -> Result<()> {
    writeln!(
        out,
        "GLOBALEVENTID\tSQLDATE\tMonthYear\tYear\tActor1Code\tActor1Name\tActor2Code\tActor2Name\tEventCode\tEventBaseCode\tEventRootCode\tQuadClass\tGoldsteinScale\tNumMentions\tNumArticles\tSOURCEURL\tPolarity\tModality\tRelation"
    )?;
    let look = Lookup::new(store);
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut entities = Entities::default();
    // Statements are read a chunk at a time on all cores (each read is a few index seeks), and
    // written in order.
    let mut statements = look.event_statements()?;
    loop {
        let chunk: Vec<NamedNode> = statements.by_ref().take(READ_CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let events: Vec<Result<Option<Event>>> = chunk.par_iter().map(|st| look.event(st)).collect();
        for (st, event) in chunk.iter().zip(events) {
            let Some(Event { statement: e, mentions, articles, url }) = event? else { continue };
            let (s, o) = (entities.get(store, &e.subject)?, entities.get(store, &e.object)?);
            let edge = Edge { relation: e.relation.clone(), quad_class: e.quad_class, evidence: mentions, first: e.date.clone(), last: e.date.clone(), ..Edge::default() };
            if !keep(&s, &o, &edge) {
                continue;
            }
            let digits: String = e.date.as_deref().unwrap_or("").chars().filter(char::is_ascii_digit).collect();
            let sqldate = if digits.len() == 8 { digits.as_str() } else { "" };
            let cameo = e.cameo.as_deref().unwrap_or("");
            writeln!(
                out,
                "{}\t{sqldate}\t{}\t{}\t{}\t{}\t{}\t{}\t{cameo}\t{}\t{}\t{}\t{}\t{mentions}\t{articles}\t{}\t{}\t{}\t{}",
                local(st.as_str()),
                digits.get(..6).unwrap_or(""),
                digits.get(..4).unwrap_or(""),
                s.iso3.as_deref().unwrap_or(""),
                clean(&s.label),
                o.iso3.as_deref().unwrap_or(""),
                clean(&o.label),
                cameo.get(..3).unwrap_or(""),
                cameo.get(..2).unwrap_or(""),
                e.quad_class.map(|q| q.to_string()).unwrap_or_default(),
                e.goldstein_text.as_deref().unwrap_or(""),
                clean(&url),
                e.polarity,
                e.modality,
                e.relation
            )?;
        }
    }
    Ok(())
}

/// The last segment of an IRI, after its last `#` or `/`.
fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or("")
}

/// Index look-ups on a store, for the exports that walk its statements one at a time. A SPARQL
/// query that groups them holds every solution in memory until the last: 1.5 GB, and 85 s, for
/// the event table of 100,000 articles; the projection's query took 445 s.
struct Lookup<'s> {
    store: &'s Store,
    /// The predicates it follows, made once.
    document: NamedNode,
    source: NamedNode,
    date: NamedNode,
}

/// How many statements [`write_events`] and [`project`] read on all cores at a time.
const READ_CHUNK: usize = 4096;

/// An event statement with its counts and a source, read by [`Lookup::event`].
struct Event {
    statement: Statement,
    /// Its evidence nodes.
    mentions: u32,
    /// Their distinct documents.
    articles: usize,
    /// The web address of the first of those documents that has one.
    url: String,
}

/// What a statement node says, read by [`Lookup::statement`].
struct Statement {
    subject: NamedNode,
    object: NamedNode,
    predicate: NamedNode,
    /// The local names: "visits", "positive", "asserted".
    relation: String,
    polarity: String,
    modality: String,
    date: Option<String>,
    cameo: Option<String>,
    quad_class: Option<u8>,
    /// The Goldstein value as the store writes it ("-10", "1.9").
    goldstein_text: Option<String>,
    evidence: Vec<NamedNode>,
}

impl Lookup<'_> {
    fn new(store: &Store) -> Lookup<'_> {
        Lookup { store, document: model::gk("document"), source: NamedNode::new_unchecked(format!("{}source", model::DCTERMS)), date: model::gk("date") }
    }

    fn object(&self, s: NamedNodeRef<'_>, p: &NamedNode) -> Result<Option<Term>> {
        Ok(self.store.quads_for_pattern(Some(s.into()), Some(p.as_ref()), None, None).next().transpose()?.map(|q| q.object))
    }

    /// A statement's subject, relation, object, qualifiers and evidence, read in one scan of
    /// its quads (they sit together in the store's index, where a look-up each would seek ten
    /// times); none if it lacks one of the five that every statement has.
    fn statement(&self, st: &NamedNode) -> Result<Option<Statement>> {
        let (mut subject, mut predicate, mut object, mut polarity, mut modality) = (None, None, None, None, None);
        let (mut date, mut cameo, mut quad_class, mut goldstein_text) = (None, None, None, None);
        let mut evidence = Vec::new();
        for q in self.store.quads_for_pattern(Some(st.as_ref().into()), None, None, Some(GraphNameRef::DefaultGraph)) {
            let q = q?;
            let p = q.predicate.as_str();
            match q.object {
                Term::NamedNode(n) => match p.strip_prefix(model::GK) {
                    Some("polarity") => polarity = Some(n),
                    Some("modality") => modality = Some(n),
                    Some("hasEvidence") => evidence.push(n),
                    Some(_) => {}
                    None if p == rdf::SUBJECT.as_str() => subject = Some(n),
                    None if p == rdf::PREDICATE.as_str() => predicate = Some(n),
                    None if p == rdf::OBJECT.as_str() => object = Some(n),
                    None => {}
                },
                Term::Literal(l) => match p.strip_prefix(model::GK) {
                    Some("date") => date = Some(l.value().to_string()),
                    Some("cameoCode") => cameo = Some(l.value().to_string()),
                    Some("quadClass") => quad_class = l.value().parse().ok(),
                    Some("goldstein") => goldstein_text = Some(l.value().to_string()),
                    _ => {}
                },
                _ => {}
            }
        }
        let (Some(subject), Some(predicate), Some(object), Some(polarity), Some(modality)) = (subject, predicate, object, polarity, modality) else {
            return Ok(None);
        };
        Ok(Some(Statement {
            relation: local(predicate.as_str()).to_string(),
            polarity: local(polarity.as_str()).to_string(),
            modality: local(modality.as_str()).to_string(),
            subject,
            object,
            predicate,
            date,
            cameo,
            quad_class,
            goldstein_text,
            evidence,
        }))
    }

    /// A statement of the event table; none without evidence in a document.
    fn event(&self, st: &NamedNode) -> Result<Option<Event>> {
        let Some(statement) = self.statement(st)? else { return Ok(None) };
        let mut docs = std::collections::BTreeSet::new();
        let mut mentions = 0u32;
        for ev in &statement.evidence {
            if let Some(Term::NamedNode(d)) = self.object(ev.as_ref(), &self.document)? {
                mentions += 1;
                docs.insert(d);
            }
        }
        if docs.is_empty() {
            return Ok(None);
        }
        let mut url = String::new();
        for d in &docs {
            match self.object(d.as_ref(), &self.source)? {
                Some(Term::Literal(l)) => url = l.value().to_string(),
                Some(Term::NamedNode(n)) => url = n.as_str().to_string(),
                _ => continue,
            }
            break;
        }
        Ok(Some(Event { statement, mentions, articles: docs.len(), url }))
    }

    /// The statements with a CAMEO code, by date (undated first; a year before its months, a
    /// month before its days), then by id. One pass reads each one's date and id, 16 bytes a
    /// statement: the order costs that much memory and no more.
    fn event_statements(&self) -> Result<impl Iterator<Item = NamedNode> + '_> {
        #[derive(PartialEq, Eq, PartialOrd, Ord)]
        enum Id {
            Own(model::StatementId),
            /// A statement IRI of another form: its place in `others`.
            Other(u32),
        }
        let mut keys = Vec::new();
        let mut others = Vec::new();
        for q in self.store.quads_for_pattern(None, Some(model::gk("cameoCode").as_ref()), None, None) {
            let NamedOrBlankNode::NamedNode(st) = q?.subject else { continue };
            let date = match self.object(st.as_ref(), &self.date)? {
                Some(Term::Literal(d)) => date_key(d.value()),
                _ => 0,
            };
            let id = match model::statement_id(&st) {
                Some(id) => Id::Own(id),
                None => {
                    others.push(st);
                    Id::Other(u32::try_from(others.len() - 1).unwrap_or(u32::MAX))
                }
            };
            keys.push((date, id));
        }
        keys.sort_unstable();
        keys.dedup();
        Ok(keys.into_iter().map(move |(_, id)| match id {
            Id::Own(id) => model::statement_iri(&id),
            Id::Other(i) => others[i as usize].clone(),
        }))
    }
}

/// A partial date as a number that sorts by time: "2024-05-16" 20240516, "2024-05" 20240500,
/// "2024" 20240000; 0 for none.
fn date_key(d: &str) -> u32 {
    let mut parts = d.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, day) = (parts.next().flatten(), parts.next().flatten(), parts.next().flatten());
    y.map_or(0, |y| y * 10_000 + m.unwrap_or(0) * 100 + day.unwrap_or(0))
}

/// Entity descriptions, each read once.
#[derive(Default)]
struct Entities(HashMap<String, Node>);

impl Entities {
    fn get(&mut self, store: &Store, iri: &NamedNode) -> Result<Node> {
        if let Some(n) = self.0.get(iri.as_str()) {
            return Ok(n.clone());
        }
        let n = describe(store, iri.as_str())?;
        self.0.insert(iri.as_str().to_string(), n.clone());
        Ok(n)
    }
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
    let look = Lookup::new(store);
    let symmetric_property = NamedNode::new_unchecked(format!("{}SymmetricProperty", model::OWL));
    let mut symmetric = std::collections::HashSet::new();
    for q in store.quads_for_pattern(None, Some(rdf::TYPE), Some(symmetric_property.as_ref().into()), None) {
        if let NamedOrBlankNode::NamedNode(p) = q?.subject {
            symmetric.insert(p);
        }
    }
    // Entity and relation IRIs, each held once; edges are keyed by their numbers.
    let mut names: Vec<NamedNode> = Vec::new();
    let mut numbers: HashMap<NamedNode, u32> = HashMap::new();
    let mut number = |n: &NamedNode| -> u32 {
        *numbers.entry(n.clone()).or_insert_with(|| {
            names.push(n.clone());
            u32::try_from(names.len() - 1).unwrap_or(u32::MAX)
        })
    };
    let mut edges: HashMap<(u32, u32, u32), Edge> = HashMap::new();
    // An edge is a direct triple between two entities; its statements are the asserted, positive
    // ones with evidence that state it, either way round for a symmetric relation. Statements
    // are read a chunk at a time on all cores.
    let positive = model::gk("positive");
    let mut statements = store.quads_for_pattern(None, Some(model::gk("polarity").as_ref()), Some(positive.as_ref().into()), None);
    loop {
        let mut chunk = Vec::with_capacity(READ_CHUNK);
        for q in statements.by_ref().take(READ_CHUNK) {
            if let NamedOrBlankNode::NamedNode(st) = q?.subject {
                chunk.push(st);
            }
        }
        if chunk.is_empty() {
            break;
        }
        let read = |st: &NamedNode| -> Result<Option<(Statement, [bool; 2])>> {
            let Some(e) = look.statement(st)? else { return Ok(None) };
            let entity = |n: &NamedNode| n.as_str().starts_with(model::ENT);
            if e.modality != "asserted" || e.evidence.is_empty() || !entity(&e.subject) || !entity(&e.object) || !e.predicate.as_str().starts_with(model::GK) {
                return Ok(None);
            }
            // Whether the direct triple stands each way (the second only for a symmetric relation).
            let stands = |a: &NamedNode, b: &NamedNode| -> Result<bool> {
                Ok(store.quads_for_pattern(Some(a.as_ref().into()), Some(e.predicate.as_ref()), Some(b.as_ref().into()), None).next().transpose()?.is_some())
            };
            let forward = stands(&e.subject, &e.object)?;
            let backward = symmetric.contains(&e.predicate) && stands(&e.object, &e.subject)?;
            Ok(Some((e, [forward, backward])))
        };
        let read: Vec<Result<Option<(Statement, [bool; 2])>>> = chunk.par_iter().map(read).collect();
        for r in read {
            let Some((e, ways)) = r? else { continue };
            let evidence = u32::try_from(e.evidence.len()).unwrap_or(u32::MAX);
            for (k, (a, b)) in [(&e.subject, &e.object), (&e.object, &e.subject)].into_iter().enumerate() {
                if !ways[k] {
                    continue;
                }
                let edge = edges.entry((number(a), number(&e.predicate), number(b))).or_insert_with(|| Edge {
                    relation: e.relation.clone(),
                    cameo: e.cameo.clone(),
                    quad_class: e.quad_class,
                    goldstein: e.goldstein_text.as_deref().and_then(|v| v.parse().ok()),
                    symmetric: symmetric.contains(&e.predicate),
                    ..Edge::default()
                });
                edge.evidence += evidence;
                edge.statements += 1;
                if let Some(d) = &e.date {
                    if edge.first.as_deref().is_none_or(|f| date_key(d) < date_key(f)) {
                        edge.first = Some(d.clone());
                    }
                    if edge.last.as_deref().is_none_or(|l| date_key(d) > date_key(l)) {
                        edge.last = Some(d.clone());
                    }
                }
            }
        }
    }
    // In the order of their IRIs, subject, relation, object, as a SPARQL ORDER BY gives them.
    let mut edges: Vec<((u32, u32, u32), Edge)> = edges.into_iter().collect();
    edges.sort_by(|((s1, p1, o1), _), ((s2, p2, o2), _)| {
        let iri = |k: &u32| names[*k as usize].as_str();
        (iri(s1), iri(p1), iri(o1)).cmp(&(iri(s2), iri(p2), iri(o2)))
    });
    let mut g = DiGraph::new();
    let mut nodes: HashMap<u32, NodeIndex> = HashMap::new();
    let mut entities = Entities::default();
    for ((s, _, o), edge) in edges {
        let mut node = |k: u32| -> Result<NodeIndex> {
            if let Some(&n) = nodes.get(&k) {
                return Ok(n);
            }
            let n = g.add_node(entities.get(store, &names[k as usize])?);
            nodes.insert(k, n);
            Ok(n)
        };
        let (a, b) = (node(s)?, node(o)?);
        g.add_edge(a, b, edge);
    }
    Ok(g)
}

/// An entity's label, type and identifiers.
fn describe(store: &Store, iri: &str) -> Result<Node> {
    let q = "SELECT ?e ?label ?type ?iso3 ?wd WHERE { OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e a ?type }
             OPTIONAL { ?e gk:iso3 ?iso3 } OPTIONAL { ?e owl:sameAs ?wd } } LIMIT 1";
    let term: Term = NamedNode::new(iri).map_err(|e| Error::Invalid(e.to_string()))?.into();
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
    fn partial_dates_sort_by_time() {
        let mut dates = ["2024-05-16", "", "2023", "2024-05", "2024", "2024-12-01", "2024-05-02"];
        dates.sort_by_key(|d| date_key(d));
        assert_eq!(dates, ["", "2023", "2024", "2024-05", "2024-05-02", "2024-05-16", "2024-12-01"]);
    }

    #[test]
    fn statement_ids_read_back_from_their_iris() {
        let id = [0x5b, 0xeb, 0x79, 0x5b, 0x49, 0x48, 0x68, 0xdc, 0xd9, 0x12];
        assert_eq!(model::statement_id(&model::statement_iri(&id)), Some(id));
        for other in ["https://w3id.org/geokg/statement/5beb795b494868dcd9", "https://w3id.org/geokg/statement/5BEB795B494868DCD912", "https://w3id.org/geokg/statement/5beb795b494868dcd91g", "https://example.org/statement/5beb795b494868dcd912"] {
            assert_eq!(model::statement_id(&NamedNode::new(other).unwrap()), None, "{other}");
        }
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
