//! The named query library: the `.rq` files of `queries/`, embedded in the binary, each with a
//! header comment saying what it answers and which parameters it takes, and the resolution of a
//! parameter value (a label, an id or an IRI) to the entity it names.

use crate::error::{Error, Result};
use crate::rdf::model;
use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;

const FILES: &[(&str, &str)] = &[
    ("relations-of", include_str!("../queries/relations-of.rq")),
    ("between", include_str!("../queries/between.rq")),
    ("who-visited", include_str!("../queries/who-visited.rq")),
    ("timeline", include_str!("../queries/timeline.rq")),
    ("officeholders", include_str!("../queries/officeholders.rq")),
    ("dyad-goldstein", include_str!("../queries/dyad-goldstein.rq")),
    ("evidence", include_str!("../queries/evidence.rq")),
    ("negated", include_str!("../queries/negated.rq")),
    ("planned", include_str!("../queries/planned.rq")),
    ("facts", include_str!("../queries/facts.rq")),
];

/// One named query.
#[derive(Debug, Clone)]
pub struct NamedQuery {
    pub name: &'static str,
    pub text: &'static str,
    /// The header's first sentence: what the query answers.
    pub description: String,
    /// The parameter names the header lists, without `?`.
    pub params: Vec<String>,
}

/// Every named query, in a fixed order.
pub fn library() -> Vec<NamedQuery> {
    FILES.iter().map(|(name, text)| parse(name, text)).collect()
}

pub fn get(name: &str) -> Option<NamedQuery> {
    library().into_iter().find(|q| q.name == name)
}

fn parse(name: &'static str, text: &'static str) -> NamedQuery {
    let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).map(|l| l.trim_start_matches('#').trim()).collect();
    let mut description = String::new();
    let mut params = Vec::new();
    let mut in_description = true;
    for line in &header {
        if line.eq_ignore_ascii_case(crate::sparql::DEFAULT_GRAPH_ONLY) {
            in_description = false;
        } else if let Some(p) = line.strip_prefix("Parameters:") {
            in_description = false;
            params = p
                .split(|c: char| !(c.is_alphanumeric() || c == '?' || c == '_'))
                .filter_map(|w| w.strip_prefix('?'))
                .map(String::from)
                .collect();
        } else if in_description {
            if !description.is_empty() {
                description.push(' ');
            }
            description.push_str(line);
        }
    }
    let description = description.strip_prefix(&format!("{name}:")).unwrap_or(&description).trim().to_string();
    NamedQuery { name, text, description, params }
}

/// The entity a parameter value names: an IRI as given; else the entity whose id it is; else the
/// one whose label or other name it is (case-insensitive). The value is bound as a literal,
/// never pasted into a query.
pub fn resolve_entity(store: &Store, value: &str) -> Result<Term> {
    let value = value.trim();
    if value.starts_with("http://") || value.starts_with("https://") || value.starts_with("urn:") {
        return NamedNode::new(value).map(Term::from).map_err(|e| Error::Invalid(format!("bad IRI '{value}': {e}")));
    }
    let q = "SELECT ?e ?v WHERE { { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l } UNION { ?e dcterms:identifier ?l } \
             FILTER(LCASE(STR(?l)) = LCASE(STR(?v))) } LIMIT 5";
    let by_id = model::entity_iri(value);
    if store.quads_for_pattern(Some(by_id.as_ref().into()), None, None, None).next().is_some() {
        return Ok(by_id.into());
    }
    let bound = [("v".to_string(), Term::from(Literal::new_simple_literal(value)))];
    let mut found: Vec<NamedNode> = Vec::new();
    if let QueryResults::Solutions(s) = crate::sparql::prepare_with(q, &bound, None)?.on_store(store).execute()? {
        for sol in s {
            if let Some(Term::NamedNode(n)) = sol?.get("e") {
                if !found.contains(n) {
                    found.push(n.clone());
                }
            }
        }
    }
    // Prefer an entity over a document of the same identifier.
    found.sort_by_key(|n| !n.as_str().starts_with(model::ENT));
    found.into_iter().next().map(Term::from).ok_or_else(|| Error::Invalid(format!("no entity has the label, id or IRI '{value}'")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_query_parses_and_says_what_it_takes() {
        let lib = library();
        assert!(lib.len() >= 9);
        for q in &lib {
            assert!(!q.description.is_empty(), "{} has no description", q.name);
            let _parsed = crate::sparql::prepare(q.text, None).unwrap_or_else(|e| panic!("{}: {e}", q.name));
            for p in &q.params {
                assert!(q.text.contains(&format!("SELECT ?{p}")) || q.text.contains(&format!(" ?{p} ")), "{} does not use ?{p}", q.name);
            }
        }
        assert_eq!(get("between").unwrap().params, vec!["a", "b"]);
        assert_eq!(get("relations-of").unwrap().params, vec!["entity"]);
        assert!(get("negated").unwrap().params.is_empty());
    }

    #[test]
    fn a_value_full_of_sparql_is_a_plain_label() {
        use oxigraph::model::{GraphName, Quad};
        let store = Store::new().unwrap();
        let evil = r#""} ; DROP ALL ; {""#;
        let e = model::entity_iri("odd");
        let label = NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
        store.insert(&Quad::new(e.clone(), label, Literal::new_simple_literal(evil), GraphName::DefaultGraph)).unwrap();
        assert_eq!(resolve_entity(&store, evil).unwrap(), Term::from(e));
        assert_eq!(store.len().unwrap(), 1);
        assert!(resolve_entity(&store, "} ; CLEAR ALL ; {").is_err());
        assert_eq!(store.len().unwrap(), 1);
    }
}
