//! Relations: a document in, relation records out. This is the extractor, usable without a
//! store: `Extractor::new(&options)?.extract(&doc)`.
//!
//! - [`patterns`]: the cue patterns (data) and their automaton;
//! - [`extract`]: the shallow argument finder, in the manner of TABARI: actor before the verb
//!   group, target after it, passive, coordination, nominal events, negation, modality, dates;
//!   and the structural facts (holdsOffice, locatedIn, memberOf, affiliatedWith).

pub mod extract;
pub mod patterns;

use crate::entities::{EntityRef, Gazetteer};
use crate::error::DataError;
use crate::input::Document;
use crate::vocab::Vocabulary;
use patterns::Patterns;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Positive,
    Negative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Planned,
    Hypothetical,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// One relation found in one sentence: the record of `geokg extract --format jsonl`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Relation {
    pub doc: String,
    /// The sentence's index in the document, from 0.
    pub sentence: usize,
    pub subject: EntityRef,
    pub relation: String,
    pub cameo: Option<String>,
    pub goldstein: Option<f64>,
    pub quad_class: Option<u8>,
    pub object: EntityRef,
    pub polarity: Polarity,
    pub modality: Modality,
    /// The event's date, YYYY, YYYY-MM or YYYY-MM-DD; none for structural facts.
    pub date: Option<String>,
    pub location: Option<EntityRef>,
    /// For holdsOffice: the office as the text titles it.
    pub role: Option<String>,
    /// The sentence that carries the relation.
    pub evidence: String,
    /// Character offsets `[start, end)` into the document text of the words that carry the
    /// relation: actor, cue and target.
    pub span: [usize; 2],
    /// The rule that fired: the cue's relation and words, or the structural rule's name.
    pub rule: String,
    pub confidence: f32,
}

/// One resolved mention, as [`Extractor::mentions`] reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionView {
    pub text: String,
    pub label: String,
    pub etype: crate::entities::EntityType,
}

/// Where the extractor's data comes from.
#[derive(Debug, Clone, Default)]
pub struct ExtractorOptions {
    /// Users' dictionary files (`--dict`), after the bundled ones.
    pub dicts: Vec<PathBuf>,
    /// Users' pattern files (`--patterns`), after the bundled one.
    pub patterns: Vec<PathBuf>,
}

/// The loaded dictionaries and patterns. Build it once and share it across threads.
pub struct Extractor {
    pub gazetteer: Gazetteer,
    pub patterns: Patterns,
    pub vocab: &'static Vocabulary,
}

impl Extractor {
    pub fn new(opts: &ExtractorOptions) -> Result<Extractor, DataError> {
        let vocab = Vocabulary::builtin();
        let dicts = opts.dicts.iter().map(|p| Gazetteer::read_source(p)).collect::<Result<Vec<_>, _>>()?;
        let gazetteer = Gazetteer::load(&dicts)?;
        let mut pattern_files = Vec::new();
        for p in &opts.patterns {
            let text = std::fs::read_to_string(p).map_err(|source| DataError::Io { file: p.display().to_string(), source })?;
            pattern_files.push((p.display().to_string(), text));
        }
        let patterns = Patterns::load(&pattern_files, vocab)?;
        Ok(Extractor { gazetteer, patterns, vocab })
    }

    /// The relations of one document, in document order.
    pub fn extract(&self, doc: &Document) -> Vec<Relation> {
        extract::document(self, doc, None)
    }

    /// The entity layer's view of a document: every resolved mention (its words, entity label
    /// and type) and every title fact (person, role, state or organisation). For tests and tools.
    pub fn mentions(&self, doc: &Document) -> (Vec<MentionView>, Vec<(String, String, String)>) {
        let a = crate::entities::mentions::analyze(&self.gazetteer, doc);
        let mut views = Vec::new();
        for m in a.mentions.iter().flatten() {
            if !m.modifier && crate::entities::mentions::is_bare_demonym(m) {
                continue;
            }
            for &e in &m.entities {
                let ent = a.entities.get(e);
                views.push(MentionView { text: doc.text[m.span.start..m.span.end].to_string(), label: ent.label.clone(), etype: ent.etype });
            }
        }
        let titles = a
            .titles
            .iter()
            .map(|t| (a.entities.get(t.person).label.clone(), t.role.clone(), a.entities.get(t.of).label.clone()))
            .collect();
        (views, titles)
    }

    /// A human-readable account of what the extractor saw in `text`: mentions, cues fired,
    /// and the candidates kept or dropped, with why.
    pub fn explain(&self, text: &str, date: Option<&str>) -> String {
        let doc = Document {
            id: "explain".into(),
            title: None,
            date: date.map(String::from),
            source: None,
            url: None,
            text: text.to_string(),
        };
        let mut log = Vec::new();
        let found = extract::document(self, &doc, Some(&mut log));
        let mut out = log.join("\n");
        out.push_str(&format!("\n\n{} relation(s):\n", found.len()));
        for r in &found {
            out.push_str(&format!(
                "  {} -{}-> {}  [{}, {}, date {}{}]  rule {}\n",
                r.subject.label,
                r.relation,
                r.object.label,
                r.polarity.as_str(),
                r.modality.as_str(),
                r.date.as_deref().unwrap_or("-"),
                r.role.as_deref().map(|x| format!(", role {x}")).unwrap_or_default(),
                r.rule
            ));
        }
        out
    }
}
