//! Network exports through the real binary, read back by the tools researchers use: Graphviz
//! renders the styled DOT and the SVG/PNG exports, networkx reads the GraphML, pandas reads the
//! CSV edge list, each with as many edges as the store holds direct relations.

mod common;
use common::*;

/// The number of direct relations (entity -gk:relation-> entity triples) in the store.
fn direct_relations(store: &str) -> usize {
    let q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o .
             FILTER(STRSTARTS(STR(?s), STR(ent:)) && STRSTARTS(STR(?o), STR(ent:)) && STRSTARTS(STR(?p), STR(gk:))) }";
    count(store, q)
}

fn python(code: &str) -> String {
    let out = std::process::Command::new("python3").args(["-c", code]).output().expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn networkx_and_pandas_read_the_network_with_every_edge() {
    let (dir, store) = store();
    ok(&["ingest", samples().to_str().unwrap(), "--store", &store, "--quiet"]);
    let n = direct_relations(&store);
    assert!(n > 20, "{n}");
    let graphml = dir.path().join("g.graphml");
    let edges = dir.path().join("edges.csv");
    let nodes = dir.path().join("nodes.csv");
    ok(&["export", "--format", "graphml", "--store", &store, "-o", graphml.to_str().unwrap()]);
    ok(&["export", "--format", "csv", "--store", &store, "-o", edges.to_str().unwrap()]);
    ok(&["export", "--format", "csv", "--nodes", "--store", &store, "-o", nodes.to_str().unwrap()]);
    let nx = python(&format!("import networkx as nx; g = nx.read_graphml(r'{}'); print(g.number_of_edges())", graphml.display()));
    assert_eq!(nx.parse::<usize>().unwrap(), n);
    let pd = python(&format!(
        "import pandas as pd; e = pd.read_csv(r'{}'); n = pd.read_csv(r'{}'); assert set(e.source) | set(e.target) <= set(n.id); print(len(e))",
        edges.display(),
        nodes.display()
    ));
    assert_eq!(pd.parse::<usize>().unwrap(), n);
    let jsonl = ok(&["export", "--format", "jsonl", "--store", &store]).stdout;
    assert_eq!(jsonl.lines().count(), n);
    // A month-only date is a date range too (SPARQL's MIN and MAX, which the export once used,
    // left it empty).
    let csv = std::fs::read_to_string(&edges).unwrap();
    let invades = csv.lines().find(|l| l.starts_with("https://w3id.org/geokg/entity/russia,https://w3id.org/geokg/entity/ukraine,") && l.contains(",invades,")).unwrap_or_else(|| panic!("{csv}"));
    assert!(invades.ends_with(",2022-02,2022-02"), "{invades}");
}

#[test]
fn svg_and_png_render_through_graphviz() {
    let (dir, store) = store();
    ok(&["ingest", samples().to_str().unwrap(), "--store", &store, "--quiet"]);
    let svg = ok(&["export", "--format", "svg", "--store", &store]).stdout;
    assert!(svg.contains("<svg") && svg.contains("Sergey Lavrov"), "{}", &svg[..svg.len().min(300)]);
    let png = dir.path().join("g.png");
    ok(&["export", "--format", "png", "--store", &store, "-o", png.to_str().unwrap()]);
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG"));
}

#[test]
fn path_neighbors_rank_and_dyads_on_the_samples() {
    let (_dir, store) = store();
    ok(&["ingest", samples().to_str().unwrap(), "--store", &store, "--quiet"]);
    // Wang Yi and Sergey Lavrov met (sample 01): a one-hop path with its sentence.
    let r = ok(&["path", "Wang Yi", "sergey-lavrov", "--store", &store, "--k", "1"]);
    assert!(r.stdout.contains("Wang Yi") && r.stdout.contains("Sergey Lavrov") && r.stdout.contains("(1 row)"), "{}", r.stdout);
    let r = geokg(&["path", "Wang Yi", "nowhere-land", "--store", &store]);
    assert_ne!(r.code, 0);
    let r = ok(&["neighbors", "Sergey Lavrov", "--store", &store, "--format", "csv"]);
    assert!(r.stdout.starts_with("source,target,") && r.stdout.contains("Wang Yi"), "{}", r.stdout);
    let r = ok(&["rank", "--by", "degree", "--top", "3", "--store", &store]);
    assert!(r.stdout.contains("(3 rows)"), "{}", r.stdout);
    let r = ok(&["dyads", "--csv", "--store", &store, "--quad-class", "4"]);
    let row = r.stdout.lines().find(|l| l.starts_with("Russia,Ukraine,")).unwrap_or_else(|| panic!("{}", r.stdout));
    let f: Vec<&str> = row.split(',').collect();
    assert_eq!(f[2], "0", "no cooperation with --quad-class 4: {row}");
    assert!(f[4].parse::<u32>().unwrap() > 0 && f[5].parse::<f64>().unwrap() < 0.0, "conflict with a negative Goldstein sum: {row}");
    // Filters and the ego network apply to exports too.
    let all = ok(&["export", "--format", "jsonl", "--store", &store]).stdout.lines().count();
    let some = ok(&["export", "--format", "jsonl", "--store", &store, "--entity", "Iran", "--depth", "1"]).stdout.lines().count();
    assert!(some > 0 && some < all, "{some} of {all}");
    let r = geokg(&["export", "--format", "ttl", "--store", &store, "--entity", "Iran"]);
    assert_ne!(r.code, 0);
}

#[test]
fn json_ld_reads_back_and_the_event_table_has_gdelt_columns() {
    let (dir, store) = store();
    ok(&["ingest", samples().to_str().unwrap(), "--store", &store, "--quiet"]);
    let n = direct_relations(&store);
    let jsonld = dir.path().join("g.jsonld");
    ok(&["export", "--format", "jsonld", "--store", &store, "-o", jsonld.to_str().unwrap()]);
    let count = python(&format!(
        "import rdflib; g = rdflib.Graph(); g.parse(r'{}', format='json-ld'); \
         print(sum(1 for s, p, o in g if str(p).startswith('https://w3id.org/geokg/ontology#') and str(o).startswith('https://w3id.org/geokg/entity/')))",
        jsonld.display()
    ));
    assert_eq!(count.parse::<usize>().unwrap(), n);
    let events = ok(&["export", "--format", "events", "--store", &store]).stdout;
    let mut lines = events.lines();
    assert!(lines.next().unwrap().starts_with("GLOBALEVENTID\tSQLDATE\tMonthYear\tYear\tActor1Code\tActor1Name"));
    // Rows come by date: undated first, a year before its months, a month before its days.
    let when: Vec<u32> = events
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let num = |s: &str| s.parse::<u32>().unwrap_or(0);
            let (year, month, day) = (num(f[3]), num(f[2].get(4..).unwrap_or("")), num(f[1].get(6..).unwrap_or("")));
            year * 10_000 + month * 100 + day
        })
        .collect();
    assert!(when.windows(2).all(|w| w[0] <= w[1]), "{events}");
    assert!(when.iter().any(|&w| w % 100 == 0 && w > 0) && when.iter().any(|&w| w % 100 != 0), "partial and full dates: {when:?}");
    let row = events.lines().find(|l| l.contains("\tIRN\tIran\tISR\tIsrael\t195\t")).unwrap_or_else(|| panic!("{events}"));
    let f: Vec<&str> = row.split('\t').collect();
    assert_eq!((f[1], f[10], f[11], f[12]), ("20241001", "19", "4", "-10"), "{row}");
    // The event table takes the same selection as the other network formats.
    let conflict = ok(&["export", "--format", "events", "--store", &store, "--quad-class", "4", "--entity", "Iran"]).stdout;
    assert!(conflict.lines().count() >= 2 && conflict.lines().count() < events.lines().count(), "{conflict}");
    assert!(conflict.lines().skip(1).all(|l| l.split('\t').nth(11) == Some("4") && l.contains("Iran")), "{conflict}");
}
