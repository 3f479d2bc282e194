//! `geokg eval`: a gold relation file and records in, the figures out (one JSON line on stdout,
//! preceded by the misses, wrong qualifiers and false positives with --show).

use super::args::EvalArgs;
use anyhow::{Context, Result};
use geokg::eval;
use geokg::vocab::Vocabulary;
use std::process::ExitCode;

pub fn run(a: &EvalArgs) -> Result<ExitCode> {
    let vocab = Vocabulary::builtin();
    let gold_text = std::fs::read_to_string(&a.gold).with_context(|| format!("reading {}", a.gold.display()))?;
    let rec_text = std::fs::read_to_string(&a.records).with_context(|| format!("reading {}", a.records.display()))?;
    let gold = eval::parse_gold(&a.gold.display().to_string(), &gold_text, vocab)?;
    let (pred, unscored) = eval::parse_records(&a.records.display().to_string(), &rec_text, a.doc.as_deref(), vocab)?;
    let s = eval::score(&gold, &pred, vocab);
    if a.show {
        let alts = |set: &std::collections::HashSet<String>| {
            let mut v: Vec<&String> = set.iter().collect();
            v.sort();
            v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("|")
        };
        for g in &s.misses {
            println!("MISS  {} -{}-> {}   [{}]", alts(&g.subject), g.relation, alts(&g.object), g.evidence);
        }
        for (g, p) in &s.wrong {
            println!(
                "WRONG {} -{}-> {} ({},{},{}) got {} ({},{},{})",
                alts(&g.subject), g.relation, alts(&g.object), g.polarity, g.modality, g.role, p.relation, p.polarity, p.modality, p.role
            );
        }
        for p in &s.fps {
            println!("FP    {} -{}-> {} ({},{},{})  [{}]", p.subject, p.relation, p.object, p.polarity, p.modality, p.date, p.evidence.chars().take(100).collect::<String>());
        }
    }
    let mut v = serde_json::to_value(&s)?;
    v["unscored_records"] = unscored.into();
    println!("{v}");
    Ok(ExitCode::SUCCESS)
}
