//! Table-driven tests of the entity layer: tests/entities.tsv, one sentence per line with the
//! entities it must (and must not) resolve to and the offices its titles state.

use geokg::entities::EntityType;
use geokg::input::Document;
use geokg::relations::{Extractor, ExtractorOptions};

fn etype(name: &str) -> EntityType {
    match name {
        "Country" => EntityType::Country,
        "Person" => EntityType::Person,
        "Organization" => EntityType::Organization,
        "City" => EntityType::City,
        "Region" => EntityType::Region,
        other => panic!("unknown type '{other}' in tests/entities.tsv"),
    }
}

#[test]
fn sentences_resolve_to_their_entities() {
    let ex = Extractor::new(&ExtractorOptions::default()).unwrap();
    let mut failures = Vec::new();
    let mut lines = 0;
    for (n, line) in include_str!("entities.tsv").lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        lines += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "tests/entities.tsv:{}: four columns expected", n + 1);
        // "2023-05-10 source=The Lusaka Herald" or "... url=https://...": the outlet, after the date.
        let (date, outlet) = cols[0].split_once(' ').unwrap_or((cols[0], ""));
        let source = outlet.strip_prefix("source=").map(String::from);
        let url = outlet.strip_prefix("url=").map(String::from);
        assert!(outlet.is_empty() || source.is_some() || url.is_some(), "tests/entities.tsv:{}: 'source=' or 'url=' expected after the date", n + 1);
        let doc = Document { id: format!("line-{}", n + 1), title: None, date: Some(date.into()), source, url, text: cols[1].replace("\\n", "\n") };
        let (mentions, titles) = ex.mentions(&doc);
        let show = || mentions.iter().map(|m| format!("{}={:?}", m.label, m.etype)).collect::<Vec<_>>().join(", ");
        let has = |label: &str, t: Option<EntityType>| mentions.iter().any(|m| m.label == label && t.is_none_or(|t| m.etype == t));
        let expected = cols[2].trim();
        if expected == "-" {
            if !mentions.is_empty() {
                failures.push(format!("{}: expected no entity, got {}", n + 1, show()));
            }
        } else {
            for item in expected.split(" ; ").map(str::trim) {
                let (neg, item) = match item.strip_prefix('!') {
                    Some(rest) => (true, rest),
                    None => (false, item),
                };
                let (label, t) = match item.split_once('=') {
                    Some((l, t)) => (l, Some(etype(t))),
                    None => (item, None),
                };
                if neg == has(label, t) {
                    failures.push(format!("{}: {}{item}; got {} | {}", n + 1, if neg { "unwanted " } else { "missing " }, show(), cols[1]));
                }
            }
        }
        if cols[3].trim() != "-" {
            for item in cols[3].split(" ; ").map(str::trim) {
                // "!Person|Role|Of" is a trap: that office must not be stated ("*" for any state or organisation).
                let (neg, item) = match item.strip_prefix('!') {
                    Some(rest) => (true, rest),
                    None => (false, item),
                };
                let f: Vec<&str> = item.split('|').collect();
                // The role as titled may name its body too ("Kremlin spokesman" for "spokesman").
                let found = titles.iter().any(|(p, r, o)| p == f[0] && r.to_lowercase().contains(&f[1].to_lowercase()) && (o == f[2] || (neg && f[2] == "*")));
                if neg && found {
                    failures.push(format!("{}: unwanted office {item}; got {titles:?} | {}", n + 1, cols[1]));
                } else if !neg && !found {
                    failures.push(format!("{}: missing office {item}; got {titles:?} | {}", n + 1, cols[1]));
                }
            }
        }
    }
    assert!(lines >= 150, "only {lines} test sentences");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
