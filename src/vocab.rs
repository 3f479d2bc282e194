//! The relation vocabulary (`data/relations.tsv`): name, kind, CAMEO code, QuadClass, Goldstein
//! value and whether the relation is symmetric. Loaded once; every other stage asks it.

use crate::error::DataError;
use std::collections::HashMap;
use std::sync::LazyLock;

const RELATIONS_TSV: &str = include_str!("../data/relations.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A CAMEO-coded event: it happens at a time.
    Event,
    /// A standing fact (holdsOffice, memberOf, locatedIn, ...): no CAMEO code, no date.
    Structural,
}

#[derive(Debug, Clone)]
pub struct RelationDef {
    pub name: String,
    pub kind: Kind,
    pub cameo: Option<String>,
    pub quad_class: Option<u8>,
    pub goldstein: Option<f64>,
    pub meaning: String,
    pub symmetric: bool,
}

#[derive(Debug)]
pub struct Vocabulary {
    defs: Vec<RelationDef>,
    by_name: HashMap<String, usize>,
}

static BUILTIN: LazyLock<Vocabulary> = LazyLock::new(|| {
    Vocabulary::parse("data/relations.tsv", RELATIONS_TSV).expect("bundled data/relations.tsv is valid")
});

impl Vocabulary {
    /// The bundled vocabulary.
    pub fn builtin() -> &'static Vocabulary {
        &BUILTIN
    }

    /// Parses the relations file. Its columns are fixed (see the file's header comment):
    /// relation, kind, cameo, quad_class, goldstein, meaning, typical cues, symmetric.
    pub fn parse(file: &str, text: &str) -> Result<Vocabulary, DataError> {
        let mut defs = Vec::new();
        let mut by_name = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let err = |m: String| DataError::row(file, i + 1, m);
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 6 {
                return Err(err(format!("{} columns, expected at least 6", f.len())));
            }
            let kind = match f[1] {
                "event" => Kind::Event,
                "structural" => Kind::Structural,
                other => return Err(err(format!("unknown kind '{other}'"))),
            };
            let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
            let quad_class = match opt(f[3]) {
                Some(q) => Some(q.parse::<u8>().map_err(|_| err(format!("bad quad_class '{q}'")))?),
                None => None,
            };
            let goldstein = match opt(f[4]) {
                Some(g) => Some(g.parse::<f64>().map_err(|_| err(format!("bad goldstein '{g}'")))?),
                None => None,
            };
            let def = RelationDef {
                name: f[0].to_string(),
                kind,
                cameo: opt(f[2]),
                quad_class,
                goldstein,
                meaning: f[5].to_string(),
                symmetric: f.get(7).is_some_and(|s| s.trim() == "yes"),
            };
            if kind == Kind::Event && def.cameo.is_none() {
                return Err(err(format!("event relation '{}' has no CAMEO code", def.name)));
            }
            if by_name.insert(def.name.clone(), defs.len()).is_some() {
                return Err(err(format!("relation '{}' listed twice", def.name)));
            }
            defs.push(def);
        }
        Ok(Vocabulary { defs, by_name })
    }

    pub fn get(&self, name: &str) -> Option<&RelationDef> {
        self.by_name.get(name).map(|&i| &self.defs[i])
    }

    pub fn iter(&self) -> impl Iterator<Item = &RelationDef> {
        self.defs.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_vocabulary_has_every_relation_with_codes() {
        let v = Vocabulary::builtin();
        let visits = v.get("visits").unwrap();
        assert_eq!(visits.cameo.as_deref(), Some("042"));
        assert_eq!(visits.quad_class, Some(1));
        assert_eq!(visits.goldstein, Some(1.9));
        assert!(v.get("meetsWith").unwrap().symmetric);
        assert!(!v.get("attacks").unwrap().symmetric);
        assert_eq!(v.get("holdsOffice").unwrap().kind, Kind::Structural);
        assert!(v.iter().count() >= 40);
    }

    #[test]
    fn bad_kind_names_line() {
        let e = Vocabulary::parse("x.tsv", "# c\nfoo\tweird\t\t\t\tm\n").unwrap_err();
        assert_eq!(e.to_string(), "x.tsv:2: unknown kind 'weird'");
    }
}
