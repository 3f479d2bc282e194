//! Text: a document's text in, sentences and tokens out, each as a byte span into that text.
//!
//! Nothing is copied: later stages slice the text with these spans, and the spans never change,
//! so every record can point back at the exact characters it came from.

use std::collections::HashSet;
use std::sync::LazyLock;

const ABBREVIATIONS: &str = include_str!("../data/lexicon/abbreviations.txt");

static ABBREV: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    ABBREVIATIONS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// A byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Where a word-bounded automaton search resumes after rejecting the match that starts at
/// `start` (a match inside a word, or running into one): just after the first character at or
/// after `start` that is not alphanumeric, or the end of `text`.
///
/// Equivalent to retrying one character later, only faster: every position skipped follows an
/// alphanumeric character, so a match starting there would fail its word-boundary check too.
pub fn next_word_start(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, c)| start + i + c.len_utf8())
}

/// A token: a word (letters, digits, inner apostrophes, hyphens and periods, as in `U.S.` or
/// `Kim's`) or a single punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub is_word: bool,
}

/// The longest a sentence may be, in bytes. News sentences run to a few hundred bytes, but text
/// without sentence punctuation (a table, a list, a feed saved without full stops) can run to
/// megabytes, and the rules' work on a sentence grows faster than its length: one sentence of
/// 190 KB took 97 s. A longer stretch is cut into pieces of at most this length (see
/// [`sentences`]).
pub const MAX_SENTENCE: usize = 2_000;

/// Splits `text` into sentence spans (trimmed of surrounding white space).
///
/// A sentence ends at a line break, or at `.`, `!` or `?` (with any closing quotes or brackets)
/// followed by white space and a capital letter, digit or opening quote, unless the word before
/// the period is a known abbreviation or a single capital letter (an initial). A stretch longer
/// than [`MAX_SENTENCE`] bytes is cut into pieces no longer than that: each after the last clause
/// mark (`;`, `:` or `,` before a space) in the second half of its room, else after its last
/// space, else inside a word.
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let mut s = s;
        loop {
            let piece = &text[s..e];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            let (a, b) = (s + lead, e - trail);
            if a >= b {
                return;
            }
            if b - a <= MAX_SENTENCE {
                out.push(Span::new(a, b));
                return;
            }
            let cut = cut_before(text, a, a + MAX_SENTENCE);
            out.push(Span::new(a, cut));
            s = cut;
        }
    };
    let mut i = 0;
    // The next line break at or after `i` (or the end): the splitter jumps from mark to mark.
    let mut next_nl = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
    while i < bytes.len() {
        if next_nl < i {
            next_nl = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |k| i + k);
        }
        i = memchr::memchr3(b'.', b'!', b'?', &bytes[i..next_nl]).map_or(next_nl, |k| i + k);
        if i == bytes.len() {
            break;
        }
        let b = bytes[i];
        if b == b'\n' {
            push(start, i, &mut out);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') {
            // Extend over closing quotes and brackets.
            let mut end = i + 1;
            loop {
                let rest = &text[end..];
                if let Some(c) = rest.chars().next().filter(|c| matches!(c, '"' | '\'' | ')' | ']' | '”' | '’')) {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &text[end..];
            let after_ws = rest.trim_start_matches([' ', '\t']);
            let has_ws = after_ws.len() < rest.len();
            let next = after_ws.chars().next();
            let starts_sentence = next.is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(')
            });
            if has_ws && starts_sentence && !(b == b'.' && before_is_abbreviation(text, i)) {
                push(start, end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(start, text.len(), &mut out);
    out
}

/// Where to end a piece of an overlong sentence that starts at `start` (no white space) and may
/// run to `limit`: after the last clause mark in the second half, else after the last space, else
/// at the last character boundary. Always past `start`.
fn cut_before(text: &str, start: usize, limit: usize) -> usize {
    let room = &text.as_bytes()[start..limit];
    let clause = room.windows(2).rposition(|w| matches!(w[0], b',' | b';' | b':') && w[1] == b' ').map(|k| k + 1).filter(|&k| k >= room.len() / 2);
    let space = || room.iter().rposition(|b| b.is_ascii_whitespace()).filter(|&k| k > 0);
    match clause.or_else(space) {
        Some(k) => start + k,
        None => (start + 1..=limit).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(limit),
    }
}

fn before_is_abbreviation(text: &str, dot: usize) -> bool {
    let head = &text[..dot];
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "George W. Bush"
    }
    // Initials run together: "George H.W. Bush", "D.C." (single letters between periods).
    if word.contains('.') && word.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic)) {
        return true;
    }
    ABBREV.contains(word)
}

/// Splits a span of `text` into tokens.
pub fn tokens(text: &str, within: Span) -> Vec<Token> {
    let s = &text[within.start..within.end];
    let b = s.as_bytes();
    // News averages some six bytes a token; reserving for five saves regrowing.
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    while let Some((c, len)) = char_at(s, i) {
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !is_alphanumeric(c) {
            out.push(Token { span: Span::new(within.start + i, within.start + i + len), is_word: false });
            i += len;
            continue;
        }
        let mut end = i + len;
        loop {
            // The letters and digits of ASCII words, byte by byte.
            while end < b.len() && b[end].is_ascii_alphanumeric() {
                end += 1;
            }
            let Some((d, dlen)) = char_at(s, end) else { break };
            if is_alphanumeric(d) {
                end += dlen;
            } else if matches!(d, '\'' | '’' | '-' | '.' | '‑') {
                // Inner punctuation stays in the word only when a letter or digit follows
                // ("Kim's", "Mazar-i-Sharif", "U.S."), or for the final period of an
                // abbreviation with inner periods ("U.S.").
                if char_at(s, end + dlen).is_some_and(|(a, _)| is_alphanumeric(a)) {
                    end += dlen;
                } else {
                    if d == '.' && s[i..end].contains('.') {
                        end += 1;
                    }
                    break;
                }
            } else {
                break;
            }
        }
        out.push(Token { span: Span::new(within.start + i, within.start + end), is_word: true });
        i = end;
    }
    out
}

/// `char::is_alphanumeric`, without the Unicode table look-ups for the punctuation news uses
/// most outside ASCII: curly quotes, dashes and ellipses (the General Punctuation block holds
/// no letter or digit).
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphanumeric()
    }
}

/// The character at byte `i` of `s` and its length in bytes; none at the end. ASCII, nearly
/// all of English news, needs no decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    match *s.as_bytes().get(i)? {
        b if b.is_ascii() => Some((char::from(b), 1)),
        _ => s[i..].chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// A few literal strings searched together, for the prechecks that let a rule skip the many
/// sentences that lack its words. One SIMD pass (aho-corasick's packed Teddy searcher) where
/// the processor has one, else an automaton: leftmost-first matches, the same either way.
pub enum Literals {
    Simd(aho_corasick::packed::Searcher),
    Automaton(aho_corasick::AhoCorasick),
}

impl Literals {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str> + Clone) -> Literals {
        aho_corasick::packed::Searcher::new(words.clone()).map_or_else(|| Literals::automaton(words), Literals::Simd)
    }

    fn automaton<'a>(words: impl IntoIterator<Item = &'a str>) -> Literals {
        let ac = aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostFirst).build(words).expect("a small literal automaton");
        Literals::Automaton(ac)
    }

    /// The leftmost-first match that starts at byte `from` of `hay` or after it.
    pub fn find_from(&self, hay: &str, from: usize) -> Option<aho_corasick::Match> {
        let span = aho_corasick::Span::from(from..hay.len());
        match self {
            Literals::Simd(s) => s.find_in(hay, span),
            Literals::Automaton(ac) => ac.find(aho_corasick::Input::new(hay).span(span)),
        }
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.find_from(hay, 0).is_some()
    }

    /// The non-overlapping matches in `hay`, left to right.
    pub fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = aho_corasick::Match> + 'h {
        let mut from = 0;
        std::iter::from_fn(move || {
            let m = self.find_from(hay, from)?;
            from = m.end().max(m.start() + 1);
            Some(m)
        })
    }
}

/// `text` lower-cased with every byte offset kept, so that a span of the text is the same span
/// of the result: ASCII letters are lower-cased, and so is any other character whose lower case
/// has the same length in UTF-8 ("É" -> "é"); the few that do not ("İ", the Kelvin sign) stay
/// as they are. Rules compare spans of it with their lower-case words without copying them.
pub fn lower_keeping_offsets(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    bytes.make_ascii_lowercase();
    if text.is_ascii() {
        return String::from_utf8(bytes).expect("ASCII");
    }
    // Only the characters outside ASCII are decoded; the search for the next one skips the rest.
    let mut at = 0;
    while let Some(k) = text.as_bytes()[at..].iter().position(|b| !b.is_ascii()) {
        at += k;
        let c = text[at..].chars().next().expect("a byte outside ASCII at a character boundary starts a character");
        let len = c.len_utf8();
        // Quotes, dashes and ellipses (the General Punctuation block) have no case.
        if !matches!(c, '\u{2000}'..='\u{206F}') {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                if l != c && l.len_utf8() == len {
                    l.encode_utf8(&mut bytes[at..at + len]);
                }
            }
        }
        at += len;
    }
    String::from_utf8(bytes).expect("whole characters replaced by ones of the same length")
}

/// The text between two offsets, or "" when they are out of order (overlapping mentions) or
/// not on character boundaries.
pub fn gap(text: &str, from: usize, to: usize) -> &str {
    if from > to {
        return "";
    }
    text.get(from..to).unwrap_or("")
}

/// Character (Unicode scalar) offsets of byte offsets into one text, as Python's `str`
/// indexes it, so that notebook users can slice. Each is counted from the offset asked for
/// before, back or on: a document's records come mostly in text order, so the counts stay short
/// however long the document (counting from its start each time was quadratic).
#[derive(Debug, Default)]
pub struct CharOffsets {
    byte: usize,
    chars: usize,
}

impl CharOffsets {
    /// The character offset of byte `byte` (a character boundary) of `text`, the same text at
    /// every call.
    pub fn of(&mut self, text: &str, byte: usize) -> usize {
        self.chars = if byte >= self.byte { self.chars + text[self.byte..byte].chars().count() } else { self.chars - text[byte..self.byte].chars().count() };
        self.byte = byte;
        self.chars
    }
}

/// The bundled sample files, whole, then `edges`: the texts on which tests compare a search
/// with the plain one it speeds up.
#[cfg(test)]
pub(crate) fn sample_texts(edges: &str) -> Vec<String> {
    let mut texts: Vec<String> = std::fs::read_dir("data/samples").unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    texts.push(edges.to_string());
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_count_back_and_on() {
        let text = "Zelenskyy’s aide — “no” — met Erdoğan in Ankara.";
        let mut offsets = CharOffsets::default();
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        // On, back, to the start, to the end, and the same offset twice.
        let order = [3, 14, 14, 5, 0, bounds.len() - 1, 20, 19, 40, 2];
        for k in order {
            let b = bounds[k];
            assert_eq!(offsets.of(text, b), text[..b].chars().count(), "byte {b}");
        }
    }

    #[test]
    fn lower_case_keeps_every_offset() {
        for text in ["The U.S. Said", "ÉLYSÉE Palace", "İstanbul and the KELVIN sign \u{212A}", "Ωmega ΣΑΣ — “Quoted”"] {
            let lower = lower_keeping_offsets(text);
            assert_eq!(lower.len(), text.len(), "{text}");
            for (i, c) in text.char_indices() {
                let l = lower[i..].chars().next().unwrap();
                assert_eq!(l.len_utf8(), c.len_utf8(), "{text} at {i}");
                if c.to_lowercase().count() == 1 && c.to_lowercase().next().unwrap().len_utf8() == c.len_utf8() {
                    assert_eq!(Some(l), c.to_lowercase().next(), "{text} at {i}");
                } else {
                    assert_eq!(l, c, "{text} at {i}");
                }
            }
        }
        assert_eq!(lower_keeping_offsets("ÉLYSÉE Palace"), "élysée palace");
        assert_eq!(lower_keeping_offsets("İstanbul"), "İstanbul");
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in ('\u{2000}'..='\u{206F}').chain(['a', 'Z', '7', 'é', 'Ж', '٣', '’', '—', ' ', '.']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn literals_match_the_same_with_or_without_simd() {
        let words = ["two ", "twelve ", "a round of ", "a new round of ", "member of "];
        let hays = ["He sent two tanks and twelve jets.", "after a new round of talks, a round of sanctions", "a member of NATO, member of the EU", "nothing here", ""];
        for hay in hays {
            let naive: Vec<(usize, usize)> = Literals::automaton(words).find_iter(hay).map(|m| (m.start(), m.end())).collect();
            let either: Vec<(usize, usize)> = Literals::new(words).find_iter(hay).map(|m| (m.start(), m.end())).collect();
            assert_eq!(either, naive, "{hay}");
            assert_eq!(Literals::new(words).is_match(hay), !naive.is_empty(), "{hay}");
        }
        let found: Vec<&str> = Literals::automaton(words).find_iter(hays[1]).map(|m| &hays[1][m.start()..m.end()]).collect();
        assert_eq!(found, ["a new round of ", "a round of "]);
    }

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn splits_on_sentence_ends_but_not_abbreviations() {
        assert_eq!(
            split("The U.S. Navy sailed. Mr. Smith said so. George W. Bush left! George H.W. Bush came. Then \"Why?\" he asked."),
            vec!["The U.S. Navy sailed.", "Mr. Smith said so.", "George W. Bush left!", "George H.W. Bush came.", "Then \"Why?\" he asked."]
        );
    }

    #[test]
    fn splits_on_line_breaks() {
        assert_eq!(split("One line\n\nTwo line.  "), vec!["One line", "Two line."]);
    }

    #[test]
    fn cuts_overlong_sentences_into_pieces() {
        let clause = "Russia and China signed a deal on gas, ";
        let long_list = clause.repeat(200);
        let no_commas = "word ".repeat(1_000);
        let no_spaces = "é".repeat(3_000);
        let normal = "Xi met Putin in Moscow. They signed a deal.";
        for (text, pieces) in [(long_list.as_str(), 4), (no_commas.as_str(), 3), (no_spaces.as_str(), 3), (normal, 2)] {
            let got = split(text);
            assert_eq!(got.len(), pieces, "{}", &text[..40]);
            assert!(got.iter().all(|p| !p.is_empty() && p.len() <= MAX_SENTENCE && p.trim() == *p));
            // Nothing is lost but the white space between pieces.
            let strip = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(strip(&got.concat()), strip(text));
        }
        // A clause mark in the second half of the room ends the piece.
        assert!(split(&long_list).iter().all(|p| p.ends_with(',')), "pieces of a list end at a comma");
        assert!(split(&no_commas).iter().all(|p| p.ends_with("word")));
    }

    #[test]
    fn tokens_keep_inner_punctuation() {
        let t = "The U.S. and Kim's Mazar-i-Sharif, 2024.";
        let words: Vec<&str> = tokens(t, Span::new(0, t.len()))
            .iter()
            .map(|k| &t[k.span.start..k.span.end])
            .collect();
        assert_eq!(words, vec!["The", "U.S.", "and", "Kim's", "Mazar-i-Sharif", ",", "2024", "."]);
    }
}

/// Verbs that report speech ("X said", "Y told reporters").
pub const SPEECH: &[&str] = &["said", "says", "told", "added", "stated", "announced"];

/// Whether a speech verb follows right after `at` ("X said", "X told reporters").
pub fn speech_follows(text: &str, at: usize) -> bool {
    let next = text[at..].split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    SPEECH.contains(&next.as_str())
}
