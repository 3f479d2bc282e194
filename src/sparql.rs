//! SPARQL: query text and a store in, results out, in the format asked for.
//!
//! Every query gets the project's prefixes predeclared (`gk:`, `ent:`, `rdf:`, ...). A query
//! without FROM sees the union of all graphs as its default graph, so evidence (stored per
//! document graph) and statements (default graph) join without GRAPH clauses; `GRAPH ?doc { }`
//! still scopes to one document. Nothing is stored twice, so counts stay exact.
//!
//! A query whose header comment has the line `# Dataset: default graph only` reads the store's
//! default graph alone: statements, entities and direct triples, without the document graphs.
//! Each of its triple patterns is then one index lookup instead of two (the default graph's and
//! the named graphs'), which makes the named queries that need no evidence text about 1.6 times
//! faster on a large store.

use crate::error::{Error, Result};
use crate::rdf::model::PREFIXES;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, PreparedSparqlQuery, QueryResults, SparqlEvaluator, Variable};

use oxigraph::store::Store;
use std::io::Write;

/// How results are written. SELECT and ASK use the first five; CONSTRUCT and DESCRIBE use
/// Turtle, N-Triples or JSON-LD (table, csv and tsv fall back to Turtle for graphs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Ttl,
    Nt,
    Jsonld,
}

impl ResultFormat {
    fn results_format(self) -> Option<QueryResultsFormat> {
        match self {
            ResultFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultFormat::Json => Some(QueryResultsFormat::Json),
            ResultFormat::Xml => Some(QueryResultsFormat::Xml),
            _ => None,
        }
    }

    fn graph_format(self) -> RdfFormat {
        match self {
            ResultFormat::Nt => RdfFormat::NTriples,
            ResultFormat::Jsonld => RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() },
            _ => RdfFormat::Turtle,
        }
    }
}

/// An evaluator with the project's prefixes and an optional cancellation token.
pub fn evaluator(cancel: Option<CancellationToken>) -> SparqlEvaluator {
    let mut e = SparqlEvaluator::new();
    for (p, iri) in PREFIXES {
        e = e.with_prefix(*p, *iri).expect("the project's prefix IRIs are valid");
    }
    if let Some(c) = cancel {
        e = e.with_cancellation_token(c);
    }
    e
}

/// The header line (`# Dataset: default graph only`) that makes a query read the store's default
/// graph alone instead of the union of all graphs.
pub const DEFAULT_GRAPH_ONLY: &str = "Dataset: default graph only";

/// Whether the comment lines that open `query` include [`DEFAULT_GRAPH_ONLY`].
pub fn reads_default_graph_only(query: &str) -> bool {
    query
        .lines()
        .map(str::trim)
        .take_while(|l| l.is_empty() || l.starts_with('#'))
        .any(|l| l.trim_start_matches('#').trim().eq_ignore_ascii_case(DEFAULT_GRAPH_ONLY))
}

/// Parses a query with the prefixes predeclared. Syntax errors carry the parser's position.
pub fn prepare(query: &str, cancel: Option<CancellationToken>) -> Result<PreparedSparqlQuery> {
    prepare_with(query, &[], cancel)
}

/// Parses a query and binds parameters to terms.
///
/// Parameters are bound in the parsed algebra, never pasted into the query text, so a value
/// cannot change the query. Each triple pattern that uses a parameter gets the term in its place
/// (so that the store's indexes find it at once, instead of the whole query running and being
/// filtered afterwards, which is what a plain variable substitution costs in Oxigraph 0.5), and
/// re-binds the variable beside it so that filters and projections still see it. Oxigraph's own
/// substitution is applied on top, so the results are those of the unrewritten query.
/// A parameter must be projected by the query (SELECT ?entity ...).
pub fn prepare_with(query: &str, bindings: &[(String, Term)], cancel: Option<CancellationToken>) -> Result<PreparedSparqlQuery> {
    let mut parser = spargebra::SparqlParser::new();
    for (p, iri) in PREFIXES {
        parser = parser.with_prefix(*p, *iri).expect("the project's prefix IRIs are valid");
    }
    let mut parsed = parser.parse_query(query)?;
    let mut vars = Vec::new();
    for (name, term) in bindings {
        let var = Variable::new(name.as_str()).map_err(|e| Error::Invalid(format!("bad parameter name '{name}': {e}")))?;
        if let spargebra::Query::Select { pattern, .. } = &mut parsed {
            let p = std::mem::replace(pattern, spargebra::algebra::GraphPattern::Bgp { patterns: Vec::new() });
            *pattern = bind_top(p, &var, term);
        }
        vars.push((var, term.clone()));
    }
    let mut prepared = evaluator(cancel).for_query(parsed);
    if prepared.dataset().is_default_dataset() && !reads_default_graph_only(query) {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    for (var, term) in vars {
        prepared = prepared.substitute_variable(var, term);
    }
    Ok(prepared)
}

/// Runs `query` on `store`, binding `bindings`, and writes the results to `out`.
pub fn run(store: &Store, query: &str, bindings: &[(String, Term)], format: ResultFormat, out: &mut dyn Write) -> Result<()> {
    let results = prepare_with(query, bindings, None)?.on_store(store).execute()?;
    write_results(results, format, out)
}

use spargebra::algebra::{Expression, GraphPattern};
use spargebra::term::{NamedNodePattern, TermPattern};

/// Binds `var` in the top-level pattern of a SELECT (through its projection).
fn bind_top(p: GraphPattern, var: &Variable, term: &Term) -> GraphPattern {
    match p {
        GraphPattern::Project { inner, variables } => GraphPattern::Project { inner: Box::new(bind(*inner, var, term)), variables },
        GraphPattern::Distinct { inner } => GraphPattern::Distinct { inner: Box::new(bind_top(*inner, var, term)) },
        GraphPattern::Reduced { inner } => GraphPattern::Reduced { inner: Box::new(bind_top(*inner, var, term)) },
        GraphPattern::Slice { inner, start, length } => GraphPattern::Slice { inner: Box::new(bind_top(*inner, var, term)), start, length },
        GraphPattern::OrderBy { inner, expression } => GraphPattern::OrderBy { inner: Box::new(bind_top(*inner, var, term)), expression },
        other => bind(other, var, term),
    }
}

fn term_pattern(t: &Term) -> Option<TermPattern> {
    match t {
        Term::NamedNode(n) => Some(TermPattern::NamedNode(n.clone())),
        Term::Literal(l) => Some(TermPattern::Literal(l.clone())),
        _ => None,
    }
}

fn term_expression(t: &Term) -> Option<Expression> {
    match t {
        Term::NamedNode(n) => Some(Expression::NamedNode(n.clone())),
        Term::Literal(l) => Some(Expression::Literal(l.clone())),
        _ => None,
    }
}

/// Puts the term in place of `var` in the triple patterns of `p`, re-binding the variable next
/// to each rewritten pattern. Sub-queries that do not project the variable are their own scope
/// and are left alone; so are patterns this function does not know.
fn bind(p: GraphPattern, var: &Variable, term: &Term) -> GraphPattern {
    let (Some(tp), Some(expr)) = (term_pattern(term), term_expression(term)) else { return p };
    let swap = |t: &mut TermPattern| -> bool {
        if matches!(t, TermPattern::Variable(v) if v == var) {
            *t = tp.clone();
            true
        } else {
            false
        }
    };
    let rebind = |inner: GraphPattern| GraphPattern::Extend { inner: Box::new(inner), variable: var.clone(), expression: expr.clone() };
    let b = |x: Box<GraphPattern>| Box::new(bind(*x, var, term));
    match p {
        GraphPattern::Bgp { mut patterns } => {
            let mut changed = false;
            for t in &mut patterns {
                changed |= swap(&mut t.subject);
                changed |= swap(&mut t.object);
                if matches!(&t.predicate, NamedNodePattern::Variable(v) if v == var) {
                    if let Term::NamedNode(n) = term {
                        t.predicate = NamedNodePattern::NamedNode(n.clone());
                        changed = true;
                    }
                }
            }
            let bgp = GraphPattern::Bgp { patterns };
            if changed { rebind(bgp) } else { bgp }
        }
        GraphPattern::Path { mut subject, path, mut object } => {
            let changed = swap(&mut subject) | swap(&mut object);
            let path = GraphPattern::Path { subject, path, object };
            if changed { rebind(path) } else { path }
        }
        GraphPattern::Join { left, right } => GraphPattern::Join { left: b(left), right: b(right) },
        GraphPattern::LeftJoin { left, right, expression } => GraphPattern::LeftJoin { left: b(left), right: b(right), expression },
        GraphPattern::Filter { expr, inner } => GraphPattern::Filter { expr, inner: b(inner) },
        GraphPattern::Union { left, right } => GraphPattern::Union { left: b(left), right: b(right) },
        GraphPattern::Graph { name, inner } => GraphPattern::Graph { name, inner: b(inner) },
        GraphPattern::Extend { inner, variable, expression } if &variable != var => GraphPattern::Extend { inner: b(inner), variable, expression },
        GraphPattern::Minus { left, right } => GraphPattern::Minus { left: b(left), right: b(right) },
        GraphPattern::Lateral { left, right } => GraphPattern::Lateral { left: b(left), right: b(right) },
        GraphPattern::OrderBy { inner, expression } => GraphPattern::OrderBy { inner: b(inner), expression },
        GraphPattern::Distinct { inner } => GraphPattern::Distinct { inner: b(inner) },
        GraphPattern::Reduced { inner } => GraphPattern::Reduced { inner: b(inner) },
        GraphPattern::Slice { inner, start, length } => GraphPattern::Slice { inner: b(inner), start, length },
        GraphPattern::Group { inner, variables, aggregates } => GraphPattern::Group { inner: b(inner), variables, aggregates },
        // A sub-query that projects the parameter shares it with the enclosing query.
        GraphPattern::Project { inner, variables } if variables.contains(var) => GraphPattern::Project { inner: b(inner), variables },
        other => other,
    }
}

/// Writes query results in `format`.
pub fn write_results(results: QueryResults<'_>, format: ResultFormat, out: &mut dyn Write) -> Result<()> {
    match results {
        QueryResults::Solutions(solutions) => {
            let vars: Vec<Variable> = solutions.variables().to_vec();
            match format.results_format() {
                Some(f) => {
                    let mut w = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(out, vars)?;
                    for s in solutions {
                        w.serialize(&s?)?;
                    }
                    w.finish()?;
                }
                None => {
                    let mut rows = Vec::new();
                    for s in solutions {
                        let s = s?;
                        rows.push(vars.iter().map(|v| s.get(v).map(short_term).unwrap_or_default()).collect::<Vec<_>>());
                    }
                    write_table(&vars.iter().map(|v| v.as_str().to_string()).collect::<Vec<_>>(), &rows, out)?;
                }
            }
        }
        QueryResults::Boolean(b) => match format.results_format() {
            Some(f) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(out, b)?;
            }
            None => writeln!(out, "{b}")?,
        },
        QueryResults::Graph(triples) => {
            let mut ser = RdfSerializer::from_format(format.graph_format());
            for (p, iri) in PREFIXES {
                ser = ser.with_prefix(*p, *iri).expect("valid prefix");
            }
            let mut w = ser.for_writer(out);
            for t in triples {
                w.serialize_triple(&t?)?;
            }
            w.finish()?;
        }
    }
    Ok(())
}

/// A term as people read it: prefixed IRIs, literal values without quotes and datatypes.
pub fn short_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => {
            for (p, iri) in PREFIXES {
                if let Some(local) = n.as_str().strip_prefix(iri) {
                    if !local.is_empty() && local.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.')) {
                        return format!("{p}:{local}");
                    }
                }
            }
            format!("<{}>", n.as_str())
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_string(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// An aligned text table; wide cells are cut at 60 characters.
pub fn write_table(header: &[String], rows: &[Vec<String>], out: &mut dyn Write) -> std::io::Result<()> {
    let cut = |s: &str| -> String {
        let one_line = s.replace('\n', " ");
        if one_line.chars().count() > 60 {
            format!("{}…", one_line.chars().take(59).collect::<String>())
        } else {
            one_line
        }
    };
    let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| cut(c)).collect()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let parts: Vec<String> = cells.iter().enumerate().map(|(i, c)| format!("{c:<w$}", w = widths[i])).collect();
        writeln!(out, "{}", parts.join("  ").trim_end())
    };
    line(header, out)?;
    writeln!(out, "{}", widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("  "))?;
    for r in &rows {
        line(r, out)?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, NamedNode, Quad};

    fn count(store: &Store, query: &str) -> String {
        let mut out = Vec::new();
        run(store, query, &[], ResultFormat::Tsv, &mut out).unwrap();
        String::from_utf8(out).unwrap().lines().nth(1).unwrap().to_string()
    }

    #[test]
    fn the_header_line_limits_a_query_to_the_default_graph() {
        let store = Store::new().unwrap();
        let n = |s: &str| NamedNode::new_unchecked(format!("https://example.org/{s}"));
        store.insert(&Quad::new(n("s"), n("p"), n("o"), GraphName::DefaultGraph)).unwrap();
        store.insert(&Quad::new(n("e"), n("p"), n("o"), GraphName::NamedNode(n("doc")))).unwrap();
        let q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
        assert_eq!(count(&store, q), "2", "without the line: the union of all graphs");
        let only = format!("# Counts triples.\n#   dataset: Default Graph Only \n{q}");
        assert!(reads_default_graph_only(&only));
        assert_eq!(count(&store, &only), "1", "with the line: the default graph alone");
        // The line counts only in the header, not in a comment further down.
        let later = format!("{q}\n# {DEFAULT_GRAPH_ONLY}\n");
        assert!(!reads_default_graph_only(&later));
        assert_eq!(count(&store, &later), "2");
        // FROM still chooses the graphs itself.
        let from = format!("# {DEFAULT_GRAPH_ONLY}\nSELECT (COUNT(*) AS ?n) FROM <https://example.org/doc> WHERE {{ ?s ?p ?o }}");
        assert_eq!(count(&store, &from), "1");
    }
}
