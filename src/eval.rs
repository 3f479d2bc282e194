//! Evaluation: a gold relation file (TSV, as `ANNOTATION.md`-style annotators write it) and
//! relation records (JSON Lines, as `geokg extract` writes them) in, precision, recall and F1
//! out, lenient and strict, so that users can measure the extractor on their own articles.
//!
//! The logic follows the project's reference scorer: gold rows marked `O` are optional (neither
//! rewarded nor penalised); lenient matching needs subject, object and relation family (an
//! event's CAMEO root, or the structural relation itself); strict also needs the exact relation,
//! polarity, modality and (for holdsOffice) role; a record repeating a matched fact is a
//! duplicate, not an error; symmetric relations match either way round.

use crate::error::DataError;
use crate::vocab::{Kind, Vocabulary};
use std::collections::HashSet;
use unicode_normalization::UnicodeNormalization;

/// Lower case, accents removed, punctuation as spaces, no leading "the".
pub fn norm(s: &str) -> String {
    let folded: String = s.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect::<String>().to_lowercase();
    let spaced: String = folded.chars().map(|c| if c.is_alphanumeric() || c == '_' || c.is_whitespace() { c } else { ' ' }).collect();
    let joined = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.strip_prefix("the ").map(String::from).unwrap_or(joined)
}

#[derive(Debug, Clone)]
pub struct GoldRow {
    pub subject: HashSet<String>,
    pub object: HashSet<String>,
    pub relation: String,
    pub polarity: String,
    pub modality: String,
    pub date: String,
    pub role: String,
    pub required: bool,
    pub evidence: String,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Prediction {
    pub subject: String,
    pub object: String,
    pub relation: String,
    pub polarity: String,
    pub modality: String,
    pub date: String,
    pub role: String,
    pub evidence: String,
}

/// Reads a gold file: `#` comments, a header, tab-separated rows.
pub fn parse_gold(file: &str, text: &str, vocab: &Vocabulary) -> Result<Vec<GoldRow>, DataError> {
    let t = crate::tsv::Table::parse(file, text, &["subject", "relation", "object"])?;
    let mut rows = Vec::new();
    for r in &t.rows {
        let relation = t.get(r, "relation").to_string();
        if vocab.get(&relation).is_none() {
            return Err(t.error(r, format!("unknown relation '{relation}'")));
        }
        let alts = |col: &str| t.get(r, col).split('|').map(norm).collect::<HashSet<_>>();
        let or = |col: &str, d: &str| if t.get(r, col).is_empty() { d.to_string() } else { t.get(r, col).to_string() };
        rows.push(GoldRow {
            subject: alts("subject"),
            object: alts("object"),
            relation,
            polarity: or("polarity", "positive"),
            modality: or("modality", "asserted"),
            date: t.get(r, "date").to_string(),
            role: t.get(r, "role").to_string(),
            required: t.get(r, "need") != "O",
            evidence: t.get(r, "evidence").to_string(),
            line: r.line,
        });
    }
    Ok(rows)
}

/// Reads records (JSON Lines), keeping those of `doc` when given; relations outside the
/// vocabulary are counted apart; exact repeats are dropped.
pub fn parse_records(file: &str, text: &str, doc: Option<&str>, vocab: &Vocabulary) -> Result<(Vec<Prediction>, usize), DataError> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut unscored = 0;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| DataError::row(file, i + 1, format!("invalid JSON: {e}")))?;
        if doc.is_some_and(|d| v["doc"].as_str() != Some(d)) {
            continue;
        }
        let relation = v["relation"].as_str().unwrap_or("").to_string();
        if vocab.get(&relation).is_none() {
            unscored += 1;
            continue;
        }
        let label = |e: &serde_json::Value| e["label"].as_str().or(e["name"].as_str()).or(e["id"].as_str()).or(e.as_str()).unwrap_or("").to_string();
        let s = |k: &str, d: &str| v[k].as_str().filter(|x| !x.is_empty()).unwrap_or(d).to_string();
        let p = Prediction {
            subject: norm(&label(&v["subject"])),
            object: norm(&label(&v["object"])),
            relation,
            polarity: s("polarity", "positive"),
            modality: s("modality", "asserted"),
            date: s("date", ""),
            role: s("role", ""),
            evidence: s("evidence", ""),
        };
        let key = (p.subject.clone(), p.relation.clone(), p.object.clone(), p.polarity.clone(), p.modality.clone(), p.date.clone(), p.role.clone());
        if seen.insert(key) {
            out.push(p);
        }
    }
    Ok((out, unscored))
}

fn family(rel: &str, vocab: &Vocabulary) -> (bool, String) {
    let d = vocab.get(rel).expect("checked when read");
    match d.kind {
        Kind::Event => (true, d.cameo.as_deref().unwrap_or("").get(..2).unwrap_or("").to_string()),
        Kind::Structural => (false, rel.to_string()),
    }
}

fn ends_match(g: &GoldRow, p: &Prediction, vocab: &Vocabulary) -> bool {
    if family(&g.relation, vocab) != family(&p.relation, vocab) {
        return false;
    }
    if g.subject.contains(&p.subject) && g.object.contains(&p.object) {
        return true;
    }
    let sym = |r: &str| vocab.get(r).is_some_and(|d| d.symmetric);
    sym(&g.relation) && sym(&p.relation) && g.subject.contains(&p.object) && g.object.contains(&p.subject)
}

fn strict(g: &GoldRow, p: &Prediction) -> bool {
    g.relation == p.relation && g.polarity == p.polarity && g.modality == p.modality && (g.role.is_empty() || norm(&p.role).contains(&norm(&g.role)))
}

fn date_ok(g: &GoldRow, p: &Prediction) -> bool {
    g.date.is_empty() || p.date.starts_with(&g.date) || (!p.date.is_empty() && g.date.starts_with(&p.date))
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

fn prf(tp: usize, fp: usize, n: usize) -> Prf {
    let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
    let r = if n > 0 { tp as f64 / n as f64 } else { 0.0 };
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    Prf { p: round(p), r: round(r), f1: round(f1) }
}

/// The figures of one evaluation, and what went wrong.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Score {
    pub required: usize,
    pub predicted: usize,
    pub lenient_tp: usize,
    pub strict_tp: usize,
    pub false_positives: usize,
    pub duplicates: usize,
    pub optional_hits: usize,
    pub lenient: Prf,
    pub strict: Prf,
    pub date_accuracy: Option<f64>,
    #[serde(skip)]
    pub misses: Vec<GoldRow>,
    #[serde(skip)]
    pub wrong: Vec<(GoldRow, Prediction)>,
    #[serde(skip)]
    pub fps: Vec<Prediction>,
}

/// Scores predictions against gold rows.
pub fn score(gold: &[GoldRow], pred: &[Prediction], vocab: &Vocabulary) -> Score {
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| !gold[i].required);
    let mut used = HashSet::new();
    let mut matched: Vec<Option<usize>> = vec![None; gold.len()];
    for i in order {
        let g = &gold[i];
        let mut best: Option<(usize, (bool, bool))> = None;
        for (j, p) in pred.iter().enumerate() {
            if used.contains(&j) || !ends_match(g, p, vocab) {
                continue;
            }
            let key = (strict(g, p), date_ok(g, p));
            if best.is_none_or(|(_, k)| key > k) {
                best = Some((j, key));
            }
        }
        if let Some((j, _)) = best {
            used.insert(j);
            matched[i] = Some(j);
        }
    }
    let (mut dup, mut fps) = (0, Vec::new());
    for (j, p) in pred.iter().enumerate() {
        if used.contains(&j) {
            continue;
        }
        if gold.iter().enumerate().any(|(i, g)| matched[i].is_some() && ends_match(g, p, vocab)) {
            dup += 1;
        } else if gold.iter().any(|g| !g.required && ends_match(g, p, vocab)) {
            continue;
        } else {
            fps.push(p.clone());
        }
    }
    let req: Vec<usize> = (0..gold.len()).filter(|&i| gold[i].required).collect();
    let tp_l = req.iter().filter(|&&i| matched[i].is_some()).count();
    let tp_s = req.iter().filter(|&&i| matched[i].is_some_and(|j| strict(&gold[i], &pred[j]))).count();
    let wrong: Vec<(GoldRow, Prediction)> = req
        .iter()
        .filter_map(|&i| matched[i].filter(|&j| !strict(&gold[i], &pred[j])).map(|j| (gold[i].clone(), pred[j].clone())))
        .collect();
    let dated: Vec<usize> = (0..gold.len()).filter(|&i| !gold[i].date.is_empty() && matched[i].is_some_and(|j| strict(&gold[i], &pred[j]))).collect();
    let right = dated.iter().filter(|&&i| date_ok(&gold[i], &pred[matched[i].unwrap()])).count();
    Score {
        required: req.len(),
        predicted: pred.len(),
        lenient_tp: tp_l,
        strict_tp: tp_s,
        false_positives: fps.len(),
        duplicates: dup,
        optional_hits: (0..gold.len()).filter(|&i| !gold[i].required && matched[i].is_some()).count(),
        lenient: prf(tp_l, fps.len(), req.len()),
        strict: prf(tp_s, fps.len() + wrong.len(), req.len()),
        date_accuracy: (!dated.is_empty()).then(|| ((right as f64 / dated.len() as f64) * 1000.0).round() / 1000.0),
        misses: req.iter().filter(|&&i| matched[i].is_none()).map(|&i| gold[i].clone()).collect(),
        wrong,
        fps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_case_accents_punctuation_and_the() {
        assert_eq!(norm("The Côte d'Ivoire"), "cote d ivoire");
        assert_eq!(norm("Micheál  Martin"), "micheal martin");
        assert_eq!(norm("U.N. Security Council"), "u n security council");
    }
}
