//! The HTTP front end: requests in, responses out. [`handle`] is a plain function from a
//! [`Request`] to a [`Response`], testable without a socket; `geokg serve` puts it behind
//! tiny_http with a pool of worker threads.
//!
//! - `GET|POST /sparql`: the SPARQL 1.1 Protocol (query=..., application/sparql-query bodies,
//!   form posts; updates only with --allow-update), results by Accept header or format=;
//! - `GET /queries` and `GET /queries/NAME?param=...`: the named queries;
//! - `GET /entity?e=...`: an entity's neighbourhood as JSON, with an SVG drawn by Graphviz;
//! - `GET /context.jsonld`: the JSON-LD context of `geokg export --format jsonld`;
//! - `GET /`: a self-contained page for people.
//!
//! Every response carries CORS headers, so browser tools such as YASGUI can query the endpoint.

use crate::error::Error;
use crate::export::{self, Edge, Node};
use crate::queries;
use crate::sparql::{self, ResultFormat};
use oxigraph::model::Term;
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};
use oxigraph::store::Store;
use petgraph::graph::DiGraph;
use std::collections::HashMap;
use std::time::Duration;

const PAGE: &str = include_str!("page.html");

/// Settings of the endpoint.
#[derive(Debug, Clone)]
pub struct Config {
    pub allow_update: bool,
    pub timeout: Duration,
    /// The largest request body accepted, in bytes.
    pub max_body: usize,
    /// The longest request target (path and query string) accepted, in bytes.
    pub max_url: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config { allow_update: false, timeout: Duration::from_secs(30), max_body: 1 << 20, max_url: 16 * 1024 }
    }
}

/// An HTTP request, as the handler sees it.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub method: String,
    /// The request target: path and query string.
    pub url: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }
    fn text(status: u16, msg: impl Into<String>) -> Response {
        let mut m = msg.into();
        m.push('\n');
        Response::new(status, "text/plain; charset=utf-8", m)
    }
    fn json(v: serde_json::Value) -> Response {
        Response::new(200, "application/json", v.to_string())
    }
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    fn path(&self) -> &str {
        self.url.split('?').next().unwrap_or("")
    }
    fn params(&self) -> Vec<(String, String)> {
        let mut p = self.url.split_once('?').map(|(_, q)| parse_form(q)).unwrap_or_default();
        if self.method == "POST" && self.header("content-type").is_some_and(|c| c.starts_with("application/x-www-form-urlencoded")) {
            p.extend(parse_form(&String::from_utf8_lossy(&self.body)));
        }
        p
    }
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Decodes `application/x-www-form-urlencoded` text.
pub fn parse_form(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |j: usize| b.get(j..j + 2).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => match hex(i + 1) {
                Some(v) => {
                    out.push(v);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The result format a request asks for: `format=` first, then the Accept header.
fn negotiate(req: &Request, params: &[(String, String)], graph: bool) -> ResultFormat {
    if let Some(f) = param(params, "format").or_else(|| param(params, "output")) {
        return match f {
            "xml" | "application/sparql-results+xml" => ResultFormat::Xml,
            "csv" | "text/csv" => ResultFormat::Csv,
            "tsv" | "text/tab-separated-values" => ResultFormat::Tsv,
            "ttl" | "turtle" | "text/turtle" => ResultFormat::Ttl,
            "nt" | "ntriples" | "application/n-triples" => ResultFormat::Nt,
            "jsonld" | "json-ld" | "application/ld+json" => ResultFormat::Jsonld,
            _ => if graph { ResultFormat::Ttl } else { ResultFormat::Json },
        };
    }
    let accept = req.header("accept").unwrap_or("");
    let mut best: Option<(f32, usize, ResultFormat)> = None;
    for (i, part) in accept.split(',').enumerate() {
        let mut it = part.split(';');
        let mime = it.next().unwrap_or("").trim().to_ascii_lowercase();
        let q: f32 = it.find_map(|p| p.trim().strip_prefix("q=").and_then(|v| v.parse().ok())).unwrap_or(1.0);
        let f = match mime.as_str() {
            "application/sparql-results+json" | "application/json" if !graph => Some(ResultFormat::Json),
            "application/sparql-results+xml" | "application/xml" | "text/xml" if !graph => Some(ResultFormat::Xml),
            "text/csv" if !graph => Some(ResultFormat::Csv),
            "text/tab-separated-values" if !graph => Some(ResultFormat::Tsv),
            "text/turtle" | "application/x-turtle" if graph => Some(ResultFormat::Ttl),
            "application/n-triples" | "text/plain" if graph => Some(ResultFormat::Nt),
            "application/ld+json" if graph => Some(ResultFormat::Jsonld),
            "application/rdf+xml" if graph => Some(ResultFormat::Ttl),
            _ => None,
        };
        if let Some(f) = f {
            if best.is_none_or(|(bq, bi, _)| q > bq || (q == bq && i < bi)) {
                best = Some((q, i, f));
            }
        }
    }
    best.map(|b| b.2).unwrap_or(if graph { ResultFormat::Ttl } else { ResultFormat::Json })
}

fn content_type(f: ResultFormat) -> &'static str {
    match f {
        ResultFormat::Json => "application/sparql-results+json",
        ResultFormat::Xml => "application/sparql-results+xml",
        ResultFormat::Csv => "text/csv; charset=utf-8",
        ResultFormat::Tsv | ResultFormat::Table => "text/tab-separated-values; charset=utf-8",
        ResultFormat::Ttl => "text/turtle",
        ResultFormat::Nt => "application/n-triples",
        ResultFormat::Jsonld => "application/ld+json",
    }
}

/// Answers one request. Never panics on user input; a query that runs past the timeout is
/// cancelled and answered with 503.
pub fn handle(store: &Store, cfg: &Config, req: &Request) -> Response {
    let mut resp = route(store, cfg, req);
    resp.headers.push(("Access-Control-Allow-Origin".into(), "*".into()));
    resp.headers.push(("Access-Control-Allow-Methods".into(), "GET, POST, OPTIONS".into()));
    resp.headers.push(("Access-Control-Allow-Headers".into(), "Content-Type, Accept".into()));
    resp
}

fn route(store: &Store, cfg: &Config, req: &Request) -> Response {
    if req.url.len() > cfg.max_url {
        return Response::text(414, format!("request target longer than {} bytes: send the query with POST (application/sparql-query or a form)", cfg.max_url));
    }
    if req.body.len() > cfg.max_body {
        return Response::text(413, format!("request body larger than {} bytes", cfg.max_body));
    }
    if req.method == "OPTIONS" {
        return Response::new(204, "text/plain", Vec::new());
    }
    if req.method != "GET" && req.method != "POST" {
        return Response::text(405, "use GET or POST");
    }
    let params = req.params();
    match req.path() {
        "/" | "/index.html" => Response::new(200, "text/html; charset=utf-8", PAGE),
        "/context.jsonld" => Response::new(200, "application/ld+json", crate::export::CONTEXT),
        "/sparql" => sparql_endpoint(store, cfg, req, &params),
        "/queries" => Response::json(serde_json::json!(queries::library()
            .iter()
            .map(|q| serde_json::json!({"name": q.name, "description": q.description, "params": q.params, "text": q.text}))
            .collect::<Vec<_>>())),
        "/entity" => match param(&params, "e") {
            Some(e) => entity(store, e),
            None => Response::text(400, "give the entity as e=LABEL, id or IRI"),
        },
        p => match p.strip_prefix("/queries/") {
            Some(name) => named(store, cfg, req, name, &params),
            None => Response::text(404, format!("no such resource: {p}")),
        },
    }
}

fn sparql_endpoint(store: &Store, cfg: &Config, req: &Request, params: &[(String, String)]) -> Response {
    let ctype = req.header("content-type").unwrap_or("");
    if req.method == "POST" && ctype.starts_with("application/sparql-update") || param(params, "update").is_some() {
        if !cfg.allow_update {
            return Response::text(403, "this endpoint is read-only (start it with --allow-update)");
        }
        let update = if ctype.starts_with("application/sparql-update") { String::from_utf8_lossy(&req.body).into_owned() } else { param(params, "update").unwrap_or("").to_string() };
        return match sparql::evaluator(None).parse_update(&update) {
            Err(e) => Response::text(400, format!("SPARQL syntax error: {e}")),
            Ok(u) => match u.on_store(store).execute() {
                Ok(()) => Response::new(204, "text/plain", Vec::new()),
                Err(e) => Response::text(500, format!("update failed: {e}")),
            },
        };
    }
    let query = if req.method == "POST" && ctype.starts_with("application/sparql-query") {
        String::from_utf8_lossy(&req.body).into_owned()
    } else {
        match param(params, "query") {
            Some(q) => q.to_string(),
            None => return Response::text(400, "no query: give query=... or POST an application/sparql-query body"),
        }
    };
    run(store, cfg, req, params, &query, &[])
}

fn named(store: &Store, cfg: &Config, req: &Request, name: &str, params: &[(String, String)]) -> Response {
    let Some(q) = queries::get(name) else {
        return Response::text(404, format!("no named query '{name}' (GET /queries lists them)"));
    };
    let mut bindings = Vec::new();
    for p in &q.params {
        let Some(v) = param(params, p) else {
            return Response::text(400, format!("query '{name}' needs the parameter {p}"));
        };
        let term = if p == "statement" && !v.contains("://") {
            match oxigraph::model::NamedNode::new(format!("{}{v}", crate::rdf::model::STMT)) {
                Ok(n) => Term::from(n),
                Err(e) => return Response::text(400, format!("bad statement id: {e}")),
            }
        } else {
            match queries::resolve_entity(store, v) {
                Ok(t) => t,
                Err(e) => return Response::text(404, e.to_string()),
            }
        };
        bindings.push((p.clone(), term));
    }
    run(store, cfg, req, params, q.text, &bindings)
}

fn run(store: &Store, cfg: &Config, req: &Request, params: &[(String, String)], query: &str, bindings: &[(String, Term)]) -> Response {
    let cancel = CancellationToken::new();
    let prepared = match sparql::prepare_with(query, bindings, Some(cancel.clone())) {
        Ok(p) => p,
        Err(Error::SparqlSyntax(e)) => return Response::text(400, format!("SPARQL syntax error: {e}")),
        Err(e) => return Response::text(400, e.to_string()),
    };
    // The timer: cancels the evaluation when the timeout passes.
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let timer = {
        let cancel = cancel.clone();
        let timeout = cfg.timeout;
        std::thread::spawn(move || {
            if done_rx.recv_timeout(timeout).is_err() {
                cancel.cancel();
            }
        })
    };
    let result = (|| -> Result<Response, Error> {
        let results = prepared.on_store(store).execute()?;
        let graph = matches!(results, QueryResults::Graph(_));
        let format = negotiate(req, params, graph);
        let mut body = Vec::new();
        sparql::write_results(results, format, &mut body)?;
        Ok(Response::new(200, content_type(format), body))
    })();
    let _ = done_tx.send(());
    let _ = timer.join();
    match result {
        Ok(r) => r,
        Err(Error::SparqlEvaluation(QueryEvaluationError::Cancelled)) => {
            Response::text(503, format!("query cancelled after the {} s timeout", cfg.timeout.as_secs_f32()))
        }
        Err(e) if cancel_message(&e) => Response::text(503, format!("query cancelled after the {} s timeout", cfg.timeout.as_secs_f32())),
        Err(e) => Response::text(500, format!("query failed: {e}")),
    }
}

fn cancel_message(e: &Error) -> bool {
    e.to_string().to_lowercase().contains("cancel")
}

/// An entity's neighbourhood: its statements, as JSON, with an SVG from Graphviz when `dot` is
/// installed.
fn entity(store: &Store, e: &str) -> Response {
    let term = match queries::resolve_entity(store, e) {
        Ok(t) => t,
        Err(err) => return Response::text(404, err.to_string()),
    };
    let q = "SELECT ?entity ?st ?s ?sl ?st_t ?p ?o ?ol ?ot ?pol ?mod ?date (COUNT(DISTINCT ?ev) AS ?n) WHERE {
        { ?st rdf:subject ?entity ; rdf:object ?o . BIND(?entity AS ?s) } UNION { ?st rdf:object ?entity ; rdf:subject ?s . BIND(?entity AS ?o) }
        ?st rdf:predicate ?p ; gk:polarity ?pol ; gk:modality ?mod ; gk:hasEvidence ?ev .
        OPTIONAL { ?st gk:date ?date }
        OPTIONAL { ?s rdfs:label ?sl } OPTIONAL { ?o rdfs:label ?ol } OPTIONAL { ?s a ?st_t } OPTIONAL { ?o a ?ot }
      } GROUP BY ?entity ?st ?s ?sl ?st_t ?p ?o ?ol ?ot ?pol ?mod ?date ORDER BY ?date LIMIT 500";
    let prepared = match sparql::prepare_with(q, &[("entity".into(), term.clone())], None) {
        Ok(p) => p,
        Err(e) => return Response::text(500, e.to_string()),
    };
    let local = |t: Option<&Term>| match t {
        Some(Term::NamedNode(n)) => n.as_str().rsplit(['#', '/']).next().unwrap_or("").to_string(),
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(t) => t.to_string(),
        None => String::new(),
    };
    let iri = |t: Option<&Term>| match t {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        _ => String::new(),
    };
    let mut rows = Vec::new();
    let mut g: DiGraph<Node, Edge> = DiGraph::new();
    let mut nodes = HashMap::new();
    match prepared.on_store(store).execute() {
        Ok(QueryResults::Solutions(sols)) => {
            for s in sols.flatten() {
                let row = serde_json::json!({
                    "statement": iri(s.get("st")), "subject": local(s.get("sl")), "relation": local(s.get("p")),
                    "object": local(s.get("ol")), "polarity": local(s.get("pol")), "modality": local(s.get("mod")),
                    "date": local(s.get("date")), "evidence": local(s.get("n")),
                });
                if row["polarity"] == "positive" && row["modality"] == "asserted" {
                    let mut node = |key: String, label: String, etype: String| {
                        *nodes.entry(key.clone()).or_insert_with(|| g.add_node(Node { iri: key, label, etype, ..Node::default() }))
                    };
                    let a = node(iri(s.get("s")), local(s.get("sl")), local(s.get("st_t")));
                    let b = node(iri(s.get("o")), local(s.get("ol")), local(s.get("ot")));
                    if !g.edges_connecting(a, b).any(|e| e.weight().relation == local(s.get("p"))) {
                        g.add_edge(a, b, Edge { relation: local(s.get("p")), evidence: 1, ..Edge::default() });
                    }
                }
                rows.push(row);
            }
        }
        Ok(_) => {}
        Err(e) => return Response::text(500, e.to_string()),
    }
    let mut dot = Vec::new();
    let svg = export::write_dot(&g, &mut dot).ok().and_then(|_| render_svg(&dot));
    Response::json(serde_json::json!({"entity": iri(Some(&term)), "relations": rows, "svg": svg}))
}

/// Renders DOT with Graphviz `dot`, or None when it is not installed.
pub fn render_svg(dot: &[u8]) -> Option<String> {
    use std::io::Write;
    let mut child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(dot).ok()?;
    let out = child.wait_with_output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(url: &str, accept: &str) -> Request {
        Request { method: "GET".into(), url: url.into(), headers: vec![("accept".into(), accept.into())], body: Vec::new() }
    }

    #[test]
    fn negotiates_formats_and_reports_errors() {
        let store = Store::new().unwrap();
        let cfg = Config::default();
        let r = handle(&store, &cfg, &get("/sparql?query=ASK%20%7B%7D", "application/sparql-results+xml"));
        assert_eq!(r.status, 200);
        assert!(String::from_utf8_lossy(&r.body).contains("<boolean>true</boolean>"));
        let r = handle(&store, &cfg, &get("/sparql?query=ASK%20%7B%7D&format=json", "application/sparql-results+xml"));
        assert!(String::from_utf8_lossy(&r.body).contains("\"boolean\":true"));
        let r = handle(&store, &cfg, &get("/sparql?query=SELEC", ""));
        assert_eq!(r.status, 400);
        assert!(String::from_utf8_lossy(&r.body).contains("error at 1:"), "{}", String::from_utf8_lossy(&r.body));
        assert!(r.headers.iter().any(|(k, v)| k == "Access-Control-Allow-Origin" && v == "*"));
        let long = format!("/sparql?query={}", "x".repeat(20_000));
        assert_eq!(handle(&store, &cfg, &get(&long, "")).status, 414);
        let update = Request { method: "POST".into(), url: "/sparql".into(), headers: vec![("content-type".into(), "application/sparql-update".into())], body: b"CLEAR ALL".to_vec() };
        assert_eq!(handle(&store, &cfg, &update).status, 403);
        let ctx = handle(&store, &cfg, &get("/context.jsonld", ""));
        assert!(String::from_utf8_lossy(&ctx.body).contains("\"@context\""));
    }

    #[test]
    fn form_decoding() {
        assert_eq!(parse_form("query=SELECT+%3Fs&x=%E4%B8%AD"), vec![("query".into(), "SELECT ?s".into()), ("x".into(), "中".into())]);
        assert_eq!(parse_form("a=100%"), vec![("a".into(), "100%".into())]);
    }
}
