//! Table-driven extractor tests. Each table has one sentence per line, `DATE<TAB>SENTENCE<TAB>EXPECTED`,
//! with the relations it must (and must not) yield:
//!
//! - `subject>relation>object[>polarity>modality]`: a record with these labels must be found, with the
//!   given polarity and modality (default `positive` and `asserted`);
//! - `!subject>relation>object[>polarity[>modality]]`: no record with these labels may be found with
//!   positive polarity (any modality), or, when polarity and modality are given, with those;
//! - items are joined by " ; "; a line whose expected column is `-` must yield no event relation at all.
//!
//! tests/sentences.tsv holds the rule tests, tests/vocabulary.tsv the vocabulary tests (every relation
//! of data/relations.tsv, negation and modality, traps). Failures are reported as file:line.

use geokg::input::Document;
use geokg::relations::{Extractor, ExtractorOptions, Relation};

/// The relation names of data/relations.tsv, so that a misspelt expectation fails instead of passing
/// vacuously as a negative one.
fn vocabulary() -> Vec<&'static str> {
    include_str!("../data/relations.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .collect()
}

/// Checks one table and returns its failures, each as "file:line: what".
fn check_table(ex: &Extractor, file: &str, table: &str) -> Vec<String> {
    let relations = vocabulary();
    let mut failures = Vec::new();
    for (n, line) in table.lines().enumerate() {
        let at = format!("{file}:{}", n + 1);
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 3 {
            failures.push(format!("{at}: three tab-separated columns expected, found {}", cols.len()));
            continue;
        }
        let doc = Document { id: format!("line-{}", n + 1), title: None, date: Some(cols[0].into()), source: None, url: None, text: cols[1].into() };
        let got = ex.extract(&doc);
        let show = || got.iter().map(|r| format!("{}>{}>{}>{}>{}", r.subject.label, r.relation, r.object.label, r.polarity.as_str(), r.modality.as_str())).collect::<Vec<_>>().join(" ; ");
        if cols[2].trim() == "-" {
            if got.iter().any(|r| r.cameo.is_some()) {
                failures.push(format!("{at}: expected no event, got {}", show()));
            }
            continue;
        }
        for item in cols[2].split(" ; ") {
            let item = item.trim();
            let (negated, want) = match item.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, item),
            };
            let f: Vec<&str> = want.split('>').collect();
            if !(3..=5).contains(&f.len()) || f[..3].iter().any(|s| s.is_empty()) {
                failures.push(format!("{at}: malformed expectation {item:?}"));
                continue;
            }
            if !relations.contains(&f[1]) {
                failures.push(format!("{at}: unknown relation {:?} in {item:?}", f[1]));
                continue;
            }
            let same = |r: &Relation| r.subject.label == f[0] && r.relation == f[1] && r.object.label == f[2];
            if negated {
                let pol = f.get(3).copied().unwrap_or("positive");
                let moda = f.get(4).copied();
                if let Some(r) = got.iter().find(|r| same(r) && r.polarity.as_str() == pol && moda.map_or(true, |m| r.modality.as_str() == m)) {
                    failures.push(format!("{at}: unexpected {want} ({}, {}); got {}", r.polarity.as_str(), r.modality.as_str(), show()));
                }
            } else {
                if f.len() == 4 {
                    failures.push(format!("{at}: give both polarity and modality in {item:?}"));
                    continue;
                }
                let (pol, moda) = (f.get(3).copied().unwrap_or("positive"), f.get(4).copied().unwrap_or("asserted"));
                if !got.iter().any(|r| same(r) && r.polarity.as_str() == pol && r.modality.as_str() == moda) {
                    failures.push(format!("{at}: missing {want}; got {}", show()));
                }
            }
        }
    }
    failures
}

fn run(file: &str, table: &str) {
    let ex = Extractor::new(&ExtractorOptions::default()).unwrap();
    let failures = check_table(&ex, file, table);
    assert!(failures.is_empty(), "\n{}\n{} failure(s)", failures.join("\n"), failures.len());
}

#[test]
fn sentences_yield_their_relations() {
    run("tests/sentences.tsv", include_str!("sentences.tsv"));
}

#[test]
fn vocabulary_sentences_yield_their_relations() {
    run("tests/vocabulary.tsv", include_str!("vocabulary.tsv"));
}
