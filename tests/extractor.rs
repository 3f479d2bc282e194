//! Table-driven extractor tests: tests/sentences.tsv, one sentence per line with the relations
//! it must yield. Each expected relation must be found with its polarity and modality; a "-"
//! line must yield no event relation at all.

use geokg::input::Document;
use geokg::relations::{Extractor, ExtractorOptions};

#[test]
fn sentences_yield_their_relations() {
    let ex = Extractor::new(&ExtractorOptions::default()).unwrap();
    let table = include_str!("sentences.tsv");
    let mut failures = Vec::new();
    for (n, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "tests/sentences.tsv:{}: three columns expected", n + 1);
        let doc = Document { id: format!("line-{}", n + 1), title: None, date: Some(cols[0].into()), source: None, url: None, text: cols[1].into() };
        let got = ex.extract(&doc);
        let show = || got.iter().map(|r| format!("{}>{}>{}>{}>{}", r.subject.label, r.relation, r.object.label, r.polarity.as_str(), r.modality.as_str())).collect::<Vec<_>>().join(" ; ");
        if cols[2].trim() == "-" {
            if got.iter().any(|r| r.cameo.is_some()) {
                failures.push(format!("line {}: expected no event, got {}", n + 1, show()));
            }
            continue;
        }
        for want in cols[2].split(" ; ") {
            let f: Vec<&str> = want.split('>').collect();
            let (pol, moda) = (f.get(3).copied().unwrap_or("positive"), f.get(4).copied().unwrap_or("asserted"));
            let found = got.iter().any(|r| {
                r.subject.label == f[0] && r.relation == f[1] && r.object.label == f[2] && r.polarity.as_str() == pol && r.modality.as_str() == moda
            });
            if !found {
                failures.push(format!("line {}: missing {want}; got {}", n + 1, show()));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
