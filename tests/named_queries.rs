//! Each named query on a store built from the bundled samples, with rows worked out from the
//! sample articles; and parameter values that try to inject SPARQL.

mod common;
use common::*;
use std::sync::OnceLock;

/// One store from data/samples for all tests here (kept for the process's life).
fn sample_store() -> &'static str {
    static STORE: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    let (_, path) = STORE.get_or_init(|| {
        let (dir, path) = store();
        ok(&["ingest", samples().to_str().unwrap(), "--store", &path, "--quiet"]);
        (dir, path)
    });
    path
}

/// The rows of a named query, each cell the term's plain value (SPARQL JSON results).
fn named(name: &str, params: &[&str]) -> Vec<Vec<String>> {
    let mut args = vec!["query", "--store", sample_store(), "--name", name, "--format", "json"];
    for p in params {
        args.push("--param");
        args.push(p);
    }
    rows_of(&ok(&args).stdout)
}

fn rows_of(json: &str) -> Vec<Vec<String>> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let vars: Vec<String> = v["head"]["vars"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect();
    v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| vars.iter().map(|k| b[k]["value"].as_str().unwrap_or("").to_string()).collect())
        .collect()
}

fn has_row(rows: &[Vec<String>], cells: &[&str]) -> bool {
    rows.iter().any(|r| cells.iter().all(|c| r.iter().any(|x| x == c)))
}

#[test]
fn list_shows_every_query_with_its_parameters() {
    let r = ok(&["query", "--list"]);
    for q in ["relations-of --param entity=", "between --param a=... --param b=", "who-visited --param country=", "timeline --param entity=", "officeholders --param country=", "dyad-goldstein", "evidence --param statement=", "negated", "planned"] {
        assert!(r.stdout.contains(q), "{q} missing from:\n{}", r.stdout);
    }
}

#[test]
fn relations_of_by_label_id_or_iri() {
    for who in ["entity=Russia", "entity=russia", "entity=https://w3id.org/geokg/entity/russia"] {
        let rows = named("relations-of", &[who]);
        assert!(rows.iter().all(|r| r[0] == "https://w3id.org/geokg/entity/russia"), "{who}: {rows:?}");
        assert!(has_row(&rows, &["out", "invades", "Ukraine"]), "{who}: {rows:?}");
        assert!(has_row(&rows, &["in", "holdsOffice", "Sergey Lavrov"]), "{who}: {rows:?}");
    }
}

#[test]
fn between_two_entities() {
    let rows = named("between", &["a=Wang Yi", "b=sergey-lavrov"]);
    assert!(has_row(&rows, &["meetsWith"]), "{rows:?}");
}

#[test]
fn who_visited_a_country() {
    let rows = named("who-visited", &["country=Russia"]);
    assert!(has_row(&rows, &["Wang Yi", "2024-03-14", "Moscow"]), "{rows:?}");
}

#[test]
fn timeline_is_in_date_order() {
    let rows = named("timeline", &["entity=Iran"]);
    assert!(has_row(&rows, &["Iran", "bombs", "Israel", "195"]), "{rows:?}");
    let dates: Vec<&String> = rows.iter().map(|r| &r[1]).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn officeholders_of_a_country() {
    let rows = named("officeholders", &["country=Russia"]);
    assert!(has_row(&rows, &["Sergey Lavrov", "Foreign Minister"]), "{rows:?}");
    assert!(has_row(&rows, &["Vladimir Putin", "President"]), "{rows:?}");
}

#[test]
fn dyad_goldstein_aggregates_per_month() {
    let rows = named("dyad-goldstein", &[]);
    let row = rows.iter().find(|r| r[0] == "Iran" && r[1] == "Israel").unwrap_or_else(|| panic!("{rows:?}"));
    assert!(row[2].starts_with("2024-10"), "{row:?}");
    assert_eq!(row[4].parse::<f64>().unwrap(), -10.0, "Goldstein of an air strike is -10: {row:?}");
    assert_eq!(row[8], "1", "one QuadClass 4 event: {row:?}");
}

#[test]
fn evidence_of_a_statement() {
    let r = ok(&["query", "--store", sample_store(), "--format", "json",
        "SELECT ?st WHERE { ?st rdf:subject ent:china ; rdf:predicate gk:criticizes ; rdf:object ent:russia ; gk:polarity gk:negative }"]);
    let st = rows_of(&r.stdout).first().expect("the negated statement")[0].clone();
    let rows = named("evidence", &[&format!("statement={st}")]);
    assert!(rows.iter().any(|r| r.iter().any(|c| c.contains("has not condemned"))), "{rows:?}");
}

#[test]
fn negated_and_planned() {
    let rows = named("negated", &[]);
    assert!(has_row(&rows, &["China", "criticizes", "Russia"]), "{rows:?}");
    let rows = named("planned", &[]);
    assert!(has_row(&rows, &["Sergey Lavrov", "visits", "China", "2024-06"]), "{rows:?}");
}

#[test]
fn a_parameter_cannot_inject_sparql() {
    let store = sample_store();
    let before = quad_count(store);
    let evil = r#"entity="} ; DROP ALL ; {""#;
    let r = geokg(&["query", "--store", store, "--name", "relations-of", "--param", evil]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("no entity has the label, id or IRI"), "{}", r.stderr);
    assert!(!r.stderr.contains("SELECT") && !r.stderr.contains("rdfs:label"), "the query text leaked: {}", r.stderr);
    assert_eq!(quad_count(store), before, "something was written");
}

/// The queries that say `# Dataset: default graph only` read statements and entities alone: on
/// the sample store they give the same rows as the same text over the union of all graphs.
#[test]
fn default_graph_only_queries_lose_nothing() {
    let cases: &[(&str, &[&str])] = &[
        ("relations-of", &["entity=Russia"]),
        ("between", &["a=Russia", "b=Ukraine"]),
        ("who-visited", &["country=Russia"]),
        ("facts", &[]),
        ("dyad-goldstein", &[]),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, params) in cases {
        let text = std::fs::read_to_string(format!("{}/queries/{name}.rq", env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert!(text.contains("\n# Dataset: default graph only\n"), "{name} no longer reads the default graph alone");
        let union = dir.path().join(format!("{name}.rq"));
        std::fs::write(&union, text.replace("\n# Dataset: default graph only\n", "\n")).unwrap();
        let mut args = vec!["query", "--store", sample_store(), "--file", union.to_str().unwrap(), "--format", "json"];
        for p in *params {
            args.push("--param");
            args.push(p);
        }
        let expected = rows_of(&ok(&args).stdout);
        assert!(!expected.is_empty(), "{name}: no rows on the samples");
        assert_eq!(named(name, params), expected, "{name}");
    }
}
