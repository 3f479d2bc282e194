//! Cue patterns: `data/patterns.tsv` (and users' `--patterns` files) in, one automaton over
//! every inflected cue out. Each cue maps to a relation of the vocabulary and a frame that
//! says where its actor and target stand.

use crate::error::DataError;
use crate::text::{is_alphanumeric, Literals};
use crate::tsv::Table;
use crate::vocab::Vocabulary;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

const PATTERNS_TSV: &str = include_str!("../../data/patterns.tsv");
const IRREGULAR_TSV: &str = include_str!("../../data/lexicon/irregular_verbs.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// ACTOR cue TARGET, and the passive.
    Verb,
    /// ACTOR's cue TARGET; ACTOR-adjective cue TARGET; cue TARGET by ACTOR.
    Noun,
    /// Both sides before the cue, or "cue A and B".
    Mutual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Base,
    Third,
    Past,
    Participle,
    Gerund,
    /// A noun cue, or a multi-word cue whose first word is not a verb form.
    Plain,
}

/// One cue as written in the data file.
#[derive(Debug, Clone)]
pub struct Cue {
    pub relation: String,
    pub frame: Frame,
    /// The words before `*`, or the whole cue.
    pub text: String,
    /// The words after `*`, which must follow the target.
    pub tail: Option<String>,
    pub rule: String,
}

/// Every inflected form of every cue, in one automaton.
pub struct Patterns {
    pub cues: Vec<Cue>,
    irregular: HashMap<String, [String; 4]>,
    /// For each automaton pattern: (cue index, verb form).
    forms: Vec<(usize, Form)>,
    automaton: AhoCorasick,
}

/// A cue found in a sentence: byte offsets relative to the sentence.
#[derive(Debug, Clone, Copy)]
pub struct CueMatch {
    pub cue: usize,
    pub form: Form,
    pub start: usize,
    pub end: usize,
}

fn irregulars() -> HashMap<String, [String; 4]> {
    let t = Table::parse("data/lexicon/irregular_verbs.tsv", IRREGULAR_TSV, &["base", "third", "past", "participle", "gerund"])
        .expect("bundled irregular_verbs.tsv is valid");
    t.rows
        .iter()
        .map(|r| {
            (
                t.get(r, "base").to_string(),
                [t.get(r, "third"), t.get(r, "past"), t.get(r, "participle"), t.get(r, "gerund")].map(String::from),
            )
        })
        .collect()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Whether a regular verb doubles its last consonant ("ban" -> "banned"): one vowel group,
/// ending consonant-vowel-consonant, the last not w, x or y.
fn doubles(v: &str) -> bool {
    let c: Vec<char> = v.chars().collect();
    let n = c.len();
    if n < 3 {
        return false;
    }
    let groups = c.windows(2).filter(|w| is_vowel(w[1]) && !is_vowel(w[0])).count() + usize::from(is_vowel(c[0]));
    groups == 1 && !is_vowel(c[n - 1]) && is_vowel(c[n - 2]) && !is_vowel(c[n - 3]) && !matches!(c[n - 1], 'w' | 'x' | 'y')
}

/// The forms of a verb: third person, past, participle, gerund.
pub fn inflect(verb: &str, irregular: &HashMap<String, [String; 4]>) -> [String; 4] {
    if let Some(f) = irregular.get(verb) {
        return f.clone();
    }
    let third = if verb.ends_with(['s', 'x', 'z']) || verb.ends_with("ch") || verb.ends_with("sh") || verb.ends_with('o') {
        format!("{verb}es")
    } else if verb.ends_with('y') && !verb.ends_with("ay") && !verb.ends_with("ey") && !verb.ends_with("oy") {
        format!("{}ies", &verb[..verb.len() - 1])
    } else {
        format!("{verb}s")
    };
    let stem_double = || format!("{verb}{}", verb.chars().last().unwrap_or_default());
    let past = if verb.ends_with('e') {
        format!("{verb}d")
    } else if verb.ends_with('y') && !verb.ends_with("ay") && !verb.ends_with("ey") && !verb.ends_with("oy") {
        format!("{}ied", &verb[..verb.len() - 1])
    } else if doubles(verb) {
        format!("{}ed", stem_double())
    } else {
        format!("{verb}ed")
    };
    let gerund = if verb.ends_with("ee") {
        format!("{verb}ing")
    } else if verb.ends_with('e') {
        format!("{}ing", &verb[..verb.len() - 1])
    } else if doubles(verb) {
        format!("{}ing", stem_double())
    } else {
        format!("{verb}ing")
    };
    [third, past.clone(), past, gerund]
}

/// `"no limits"` -> `“no limits”`, `Xi's` -> `Xi’s`.
pub fn curly_quotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut open = true;
    for c in s.chars() {
        match c {
            '"' => {
                out.push(if open { '“' } else { '”' });
                open = !open;
            }
            '\'' => out.push('’'),
            c => out.push(c),
        }
    }
    out
}

impl Patterns {
    /// The bundled patterns plus users' files, checked against the vocabulary.
    pub fn load(extra: &[(String, String)], vocab: &Vocabulary) -> Result<Patterns, DataError> {
        let mut cues = Vec::new();
        let sources = std::iter::once(("data/patterns.tsv".to_string(), PATTERNS_TSV.to_string())).chain(extra.iter().cloned());
        for (name, text) in sources {
            let t = Table::parse(&name, &text, &["relation", "frame", "cue"])?;
            for row in &t.rows {
                let relation = t.required(row, "relation")?;
                if vocab.get(relation).is_none() {
                    return Err(t.error(row, format!("unknown relation '{relation}' (see data/relations.tsv)")));
                }
                let frame = match t.required(row, "frame")? {
                    "verb" => Frame::Verb,
                    "noun" => Frame::Noun,
                    "mutual" => Frame::Mutual,
                    f => return Err(t.error(row, format!("unknown frame '{f}' (verb, noun or mutual)"))),
                };
                let cue = t.required(row, "cue")?.to_lowercase();
                let (text, tail) = match cue.split_once(" * ") {
                    Some((h, tl)) => (h.to_string(), Some(tl.to_string())),
                    None => (cue.clone(), None),
                };
                let rule = t.opt(row, "rule").unwrap_or_else(|| format!("{relation}.{}", cue.replace(' ', "-").replace('*', "X")));
                cues.push(Cue { relation: relation.to_string(), frame, text, tail, rule });
            }
        }
        let irregular = irregulars();
        let mut strings: Vec<String> = Vec::new();
        let mut forms = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (ci, cue) in cues.iter().enumerate() {
            let (first, rest) = match cue.text.split_once(' ') {
                Some((f, r)) => (f, format!(" {r}")),
                None => (cue.text.as_str(), String::new()),
            };
            let mut variants = vec![(cue.text.clone(), if cue.frame == Frame::Noun { Form::Plain } else { Form::Base })];
            if cue.frame != Frame::Noun {
                let [third, past, participle, gerund] = inflect(first, &irregular);
                variants.push((format!("{third}{rest}"), Form::Third));
                variants.push((format!("{past}{rest}"), Form::Past));
                if participle != past {
                    variants.push((format!("{participle}{rest}"), Form::Participle));
                }
                variants.push((format!("{gerund}{rest}"), Form::Gerund));
            }
            // News writes curly quotes and apostrophes: match those spellings too.
            let curly: Vec<(String, Form)> = variants
                .iter()
                .filter(|(v, _)| v.contains(['"', '\'']))
                .map(|(v, f)| (curly_quotes(v), *f))
                .collect();
            variants.extend(curly);
            for (s, form) in variants {
                // A later file's cue with the same words replaces the earlier one.
                match seen.get(&s) {
                    Some(&k) => forms[k] = (ci, form),
                    None => {
                        seen.insert(s.clone(), strings.len());
                        strings.push(s);
                        forms.push((ci, form));
                    }
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // A DFA: more memory, built once, and the fastest search over years of news.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(&strings)
            .map_err(|e| DataError::row("data/patterns.tsv", 0, format!("cannot build the cue automaton: {e}")))?;
        Ok(Patterns { cues, irregular, forms, automaton })
    }

    /// A verb cue in the simple past ("hold talks with" -> "held talks with"), as the corpus
    /// generator writes it.
    pub fn past(&self, cue: &Cue) -> String {
        self.inflected(cue, 1)
    }

    /// A verb cue as a past participle ("take part in" -> "taken part in"), for "had ...".
    pub fn participle(&self, cue: &Cue) -> String {
        self.inflected(cue, 2)
    }

    /// The cue with its verb in form `k` of `inflect` (0 third person, 1 past, 2 participle, 3 gerund).
    fn inflected(&self, cue: &Cue, k: usize) -> String {
        match cue.text.split_once(' ') {
            Some((verb, rest)) => format!("{} {rest}", inflect(verb, &self.irregular)[k]),
            None => inflect(&cue.text, &self.irregular)[k].clone(),
        }
    }

    /// Cues in `sentence`, leftmost-longest, at word boundaries. A count inside a cue does not
    /// hide it: "launched 40 drones at" is "launch drones at", "sent 300 tanks to" is "send tanks to".
    pub fn find(&self, sentence: &str) -> Vec<CueMatch> {
        let Some((norm, map)) = drop_counts(sentence) else { return self.find_plain(sentence) };
        if norm.len() == sentence.len() {
            return self.find_plain(sentence);
        }
        self.find_plain(&norm)
            .into_iter()
            .map(|m| CueMatch { start: map[m.start], end: map[m.end - 1] + 1, ..m })
            .collect()
    }

    fn find_plain(&self, sentence: &str) -> Vec<CueMatch> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < sentence.len() {
            let input = aho_corasick::Input::new(sentence).span(pos..sentence.len());
            let Some(m) = self.automaton.find(input) else { break };
            let before = sentence[..m.start()].chars().next_back();
            let after = sentence[m.end()..].chars().next();
            if before.is_none_or(|c| !is_alphanumeric(c)) && after.is_none_or(|c| !is_alphanumeric(c)) {
                let (cue, form) = self.forms[m.pattern().as_usize()];
                out.push(CueMatch { cue, form, start: m.start(), end: m.end() });
                pos = m.end();
            } else {
                pos = crate::text::next_word_start(sentence, m.start());
            }
        }
        out
    }
}

/// The sentence without its numeric counts ("40 ", "1,200 ", "$500 "), and for each byte of
/// the result the offset of the same byte in the sentence; none when there is no count to drop
/// (most sentences), before allocating anything.
///
/// Each count dropped starts a word (after a space, not the sentence's first) and is one of:
/// a number standing alone before the next word ("40 ", not "10:30" or "2024-05"); a number
/// word ("fired two missiles over"); a quantity in words ("fired dozens of rockets at"); an
/// approximation before a number ("fired about 180 missiles at"). None of them holds another's
/// start, so they are found one kind at a time and dropped in order.
fn drop_counts(sentence: &str) -> Option<(String, Vec<usize>)> {
    let bytes = sentence.as_bytes();
    let at_word = |i: usize| i > 0 && bytes[i - 1] == b' ';
    // Byte ranges to drop.
    let mut drops: Vec<(usize, usize)> = Vec::new();
    // Number words and quantities, by one SIMD search where the processor has one.
    let mut from = 0;
    while let Some(m) = NUMBER_WORDS.find_from(sentence, from) {
        if at_word(m.start()) {
            drops.push((m.start(), m.end()));
        }
        // A match may hide another that starts inside it: search again one byte on.
        from = m.start() + 1;
    }
    // Numbers, and the approximation before one.
    let mut i = 1;
    while let Some(k) = bytes.get(i..).and_then(|b| b.iter().position(|b| b.is_ascii_digit() || *b == b'$')) {
        i += k;
        let starts = at_word(i) && (bytes[i].is_ascii_digit() || bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && (bytes[j].is_ascii_digit() || matches!(bytes[j], b',' | b'.' | b'$')) {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b' ' && bytes[j - 1].is_ascii_digit() {
            drops.push((i, j + 1));
        }
        // "about 180 ": the word before a number that starts with a digit.
        if bytes[i].is_ascii_digit() {
            let w = sentence[..i - 1].rfind(' ').map_or(0, |k| k + 1);
            if at_word(w) && APPROXIMATIONS.contains(&&sentence[w..i - 1]) {
                drops.push((w, i));
            }
        }
        i = j.max(i + 1);
    }
    if drops.is_empty() {
        return None;
    }
    drops.sort_unstable();
    let mut kept = Vec::with_capacity(bytes.len());
    let mut map = Vec::with_capacity(bytes.len());
    let mut at = 0;
    for (a, b) in drops {
        if a < at {
            continue;
        }
        kept.extend_from_slice(&bytes[at..a]);
        map.extend(at..a);
        at = b;
    }
    kept.extend_from_slice(&bytes[at..]);
    map.extend(at..bytes.len());
    // Only ASCII counts and spaces are dropped, so the kept bytes are still UTF-8.
    Some((String::from_utf8(kept).unwrap_or_else(|_| sentence.to_string()), map))
}

/// Approximations dropped before a number, without their space.
const APPROXIMATIONS: &[&str] = &["about", "around", "nearly", "roughly", "almost", "some", "approximately"];

/// Number words dropped before a noun, with the space after them.
const NUMBER_WORD_LIST: &[&str] = &["two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine ", "ten ", "eleven ", "twelve ", "several "];

/// Quantities in words that a cue may hold before its noun, with the space after them.
const QUANTITIES: &[&str] = &[
    "dozens of ", "hundreds of ", "thousands of ", "scores of ", "a dozen ", "a barrage of ", "a salvo of ", "a volley of ", "a wave of ", "a swarm of ",
    "waves of ", "salvos of ", "barrages of ", "a new package of ", "a package of ", "a new round of ", "a fresh round of ", "a round of ",
    "a new wave of ", "a fresh wave of ", "a series of ",
];

/// The number words and QUANTITIES `drop_counts` drops.
static NUMBER_WORDS: LazyLock<Literals> = LazyLock::new(|| Literals::new(NUMBER_WORD_LIST.iter().chain(QUANTITIES).copied()));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_inflections() {
        let irr = irregulars();
        assert_eq!(inflect("visit", &irr)[1], "visited");
        assert_eq!(inflect("ban", &irr)[1], "banned");
        assert_eq!(inflect("criticize", &irr), ["criticizes", "criticized", "criticized", "criticizing"].map(String::from));
        assert_eq!(inflect("accuse", &irr)[3], "accusing");
        assert_eq!(inflect("deny", &irr)[1], "denied");
        assert_eq!(inflect("meet", &irr)[1], "met");
        assert_eq!(inflect("attack", &irr)[3], "attacking");
    }

    #[test]
    fn finds_inflected_multiword_cues() {
        let p = Patterns::load(&[], Vocabulary::builtin()).unwrap();
        let found = p.find("Xi held talks with Putin and criticized NATO.");
        let rels: Vec<&str> = found.iter().map(|m| p.cues[m.cue].relation.as_str()).collect();
        assert_eq!(rels, vec!["meetsWith", "criticizes"]);
    }

    #[test]
    fn which_counts_are_dropped() {
        // (sentence, the sentence without its counts; "" when none is dropped)
        let table = [
            ("They fired about 180 missiles and 1,200 drones at $500 each.", "They fired missiles and drones at each."),
            ("Troops sent two tanks, several jets and a new package of arms.", "Troops sent tanks, jets and arms."),
            ("At 10:30 in 2024-05 nothing happened.", ""),
            ("40 drones hit; often twelve more fell; Two ships sailed.", "40 drones hit; often more fell; Two ships sailed."),
            ("Sales fell in 2024 after a series of talks", "Sales fell in after talks"),
            ("It is some 5 miles away, some say.", "It is miles away, some say."),
        ];
        for (sentence, expected) in table {
            let got = drop_counts(sentence);
            match got {
                None => assert_eq!("", expected, "{sentence}"),
                Some((norm, map)) => {
                    assert_eq!(norm, expected, "{sentence}");
                    // Each kept byte maps back to the same byte of the sentence.
                    assert!(norm.bytes().zip(&map).all(|(b, &i)| sentence.as_bytes()[i] == b), "{sentence}");
                }
            }
        }
    }

    #[test]
    fn counts_inside_cues_are_skipped() {
        let p = Patterns::load(&[], Vocabulary::builtin()).unwrap();
        let text = "Russia launched 40 drones at Kyiv.";
        let found = p.find(text);
        let m = found.iter().find(|m| p.cues[m.cue].relation == "bombs").expect("a bombs cue");
        assert_eq!(&text[m.start..m.end], "launched 40 drones at");
        let text = "Russia fired three missiles at Odesa.";
        let found = p.find(text);
        let m = found.iter().find(|m| p.cues[m.cue].relation == "bombs").expect("a bombs cue");
        assert_eq!(&text[m.start..m.end], "fired three missiles at");
        let text = "The group fired dozens of rockets at the port.";
        let found = p.find(text);
        let m = found.iter().find(|m| p.cues[m.cue].relation == "bombs").expect("a bombs cue");
        assert_eq!(&text[m.start..m.end], "fired dozens of rockets at");
    }

    #[test]
    fn unknown_relation_names_file_and_line() {
        let bad = ("mine.tsv".to_string(), "relation\tframe\tcue\nadores\tverb\tadore\n".to_string());
        let e = Patterns::load(&[bad], Vocabulary::builtin()).err().unwrap();
        assert_eq!(e.to_string(), "mine.tsv:2: unknown relation 'adores' (see data/relations.tsv)");
    }
}
