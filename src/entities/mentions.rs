//! Mentions: a document's sentences in, resolved mentions out.
//!
//! For each sentence: dictionary names (one automaton pass), titled people ("Chinese President
//! Xi Jinping", "Sergey Lavrov, Russia's foreign minister"), demonyms, metonyms and capitals.
//! Across the document: short names ("Putin") to the full name seen before, he/she to the last
//! person of that gender, "the two leaders" / "both countries" to the last two. Every mention keeps
//! its own span; the entities of one document live in a [`DocEntities`] table.

use super::gazetteer::{Gazetteer, NameRole};
use super::{EntityRef, EntityType};
use crate::text::{self, Span, Token};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

const TITLES_TSV: &str = include_str!("../../data/lexicon/titles.tsv");
const AGENT_NOUNS: &str = include_str!("../../data/lexicon/agent_nouns.txt");

/// The office titles, their roles, and an automaton over them (case-insensitive).
struct Titles {
    roles: Vec<(String, bool)>,
    automaton: AhoCorasick,
}

static TITLES: LazyLock<Titles> = LazyLock::new(|| {
    let t = crate::tsv::Table::parse("data/lexicon/titles.tsv", TITLES_TSV, &["title", "role"])
        .expect("bundled titles.tsv is valid");
    let mut words = Vec::new();
    let mut roles = Vec::new();
    for row in &t.rows {
        words.push(t.get(row, "title").to_string());
        roles.push((t.get(row, "role").to_string(), t.get(row, "head") == "yes"));
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&words)
        .expect("title automaton");
    Titles { roles, automaton }
});

static AGENTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&str> = AGENT_NOUNS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
});

/// Capitalised words that start sentences or name things that are not people.
const NOT_NAME: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "This", "That", "But", "And", "Mr", "Mrs",
    "Ms", "Dr", "On", "After", "Before", "During", "While", "When", "Since", "As", "For", "With", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "If", "His", "Her",
];

const PARTICLES: &[&str] = &["bin", "bint", "al", "el", "de", "da", "dos", "van", "von", "der", "ibn", "la", "le", "du", "di"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A dictionary name or alias.
    Name,
    /// A demonym, alone or before an agent noun ("Russian troops").
    Demonym,
    /// A seat of government standing for a state ("the Kremlin").
    Metonym,
    /// A short name resolved to a full name ("Putin").
    ShortName,
    /// A person introduced by a title, known or not.
    TitledPerson,
    /// He, she, his, her.
    Pronoun,
    /// "the two leaders", "both countries": two entities at once.
    Group,
}

/// One mention of one or more entities (two for a group) in a sentence.
#[derive(Debug, Clone)]
pub struct Mention {
    pub span: Span,
    pub entities: Vec<usize>,
    pub kind: MentionKind,
    /// Part of another mention (the "Russian" of "Russian President Vladimir Putin").
    pub modifier: bool,
    /// For a capital city: the country it stands for when it acts ("Beijing said").
    pub stands_for: Option<usize>,
}

/// A title fact: person, role, organisation or state, and the span that says so.
#[derive(Debug, Clone)]
pub struct TitleFact {
    pub person: usize,
    pub role: String,
    pub of: usize,
    pub span: Span,
    pub sentence: usize,
}

/// The entities of one document: dictionary entities it mentions and people it introduces.
pub struct DocEntities<'g> {
    pub gaz: &'g Gazetteer,
    pub list: Vec<EntityRef>,
    gaz_index: Vec<Option<usize>>,
    gender: Vec<Option<char>>,
    by_id: HashMap<String, usize>,
}

impl<'g> DocEntities<'g> {
    pub fn new(gaz: &'g Gazetteer) -> Self {
        DocEntities {
            gaz,
            list: Vec::new(),
            gaz_index: Vec::new(),
            gender: Vec::new(),
            by_id: HashMap::new(),
        }
    }

    /// The document entity for dictionary entity `g`.
    pub fn known(&mut self, g: usize) -> usize {
        let e = self.gaz.get(g);
        if let Some(&i) = self.by_id.get(&e.id) {
            return i;
        }
        self.push(
            EntityRef {
                id: e.id.clone(),
                label: e.label.clone(),
                etype: e.etype,
                iso3: e.iso3.clone(),
                wikidata: e.wikidata.clone(),
            },
            Some(g),
            e.gender,
        )
    }

    /// A person not in the dictionary, with an id derived from the name.
    pub fn new_person(&mut self, name: &str) -> usize {
        let id = super::gazetteer::slug(name);
        if let Some(g) = self.gaz.by_id(&id) {
            return self.known(g);
        }
        if let Some(&i) = self.by_id.get(&id) {
            return i;
        }
        self.push(
            EntityRef {
                id,
                label: name.to_string(),
                etype: EntityType::Person,
                iso3: None,
                wikidata: None,
            },
            None,
            None,
        )
    }

    fn push(&mut self, e: EntityRef, g: Option<usize>, gender: Option<char>) -> usize {
        let i = self.list.len();
        self.by_id.insert(e.id.clone(), i);
        self.list.push(e);
        self.gaz_index.push(g);
        self.gender.push(gender);
        i
    }

    pub fn get(&self, i: usize) -> &EntityRef {
        &self.list[i]
    }

    pub fn gaz_index(&self, i: usize) -> Option<usize> {
        self.gaz_index[i]
    }

    /// The country a document entity belongs to (itself for a country).
    pub fn country_of(&mut self, i: usize) -> Option<usize> {
        if self.list[i].etype == EntityType::Country {
            return Some(i);
        }
        let g = self.gaz_index[i]?;
        let c = self.gaz.get(g).country?;
        Some(self.known(c))
    }
}

/// The mentions of a document, sentence by sentence, and the titles found.
pub struct Analysis<'g> {
    pub entities: DocEntities<'g>,
    pub sentences: Vec<Span>,
    pub mentions: Vec<Vec<Mention>>,
    pub titles: Vec<TitleFact>,
}

/// Finds and resolves the mentions of a whole document.
pub fn analyze<'g>(gaz: &'g Gazetteer, text: &str, date: Option<&str>) -> Analysis<'g> {
    let sentences = text::sentences(text);
    let mut st = State {
        ents: DocEntities::new(gaz),
        date,
        last_person: Vec::new(),
        last_countries: Vec::new(),
        titles: Vec::new(),
    };
    let mut mentions = Vec::with_capacity(sentences.len());
    for (si, &s) in sentences.iter().enumerate() {
        let ms = st.sentence(text, s, si);
        mentions.push(ms);
    }
    Analysis {
        entities: st.ents,
        sentences,
        mentions,
        titles: st.titles,
    }
}

struct State<'g, 'd> {
    ents: DocEntities<'g>,
    date: Option<&'d str>,
    /// People in order of mention, most recent last.
    last_person: Vec<usize>,
    last_countries: Vec<usize>,
    titles: Vec<TitleFact>,
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn strip_possessive(text: &str, span: Span) -> Span {
    let w = &text[span.start..span.end];
    for suffix in ["'s", "’s"] {
        if w.len() > suffix.len() && w.ends_with(suffix) {
            return Span::new(span.start, span.end - suffix.len());
        }
    }
    span
}

impl<'g> State<'g, '_> {
    fn sentence(&mut self, text: &str, s: Span, si: usize) -> Vec<Mention> {
        let stext = &text[s.start..s.end];
        let tokens = text::tokens(text, s);
        let mut out: Vec<Mention> = Vec::new();

        // 1. Dictionary names.
        for (a, b, hits) in self.ents.gaz.find_names(stext) {
            let span = Span::new(s.start + a, s.start + b);
            if let Some(m) = self.resolve_name(text, span, hits, &out) {
                out.push(m);
            }
        }
        // 2. Titled people, before and after their names.
        self.titled_people(text, s, si, &tokens, &mut out);
        // 3. Pronouns and groups.
        self.pronouns_and_groups(text, &tokens, &mut out);
        out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        // Remember people and countries for coreference in later sentences.
        for m in &out {
            for &e in &m.entities {
                match self.ents.get(e).etype {
                    EntityType::Person => {
                        self.last_person.retain(|&p| p != e);
                        self.last_person.push(e);
                    }
                    EntityType::Country if !m.modifier || m.kind != MentionKind::Demonym => {
                        self.last_countries.retain(|&c| c != e);
                        self.last_countries.push(e);
                    }
                    _ => {}
                }
            }
        }
        out
    }

    fn resolve_name(&mut self, text: &str, span: Span, hits: &[super::gazetteer::NameHit], so_far: &[Mention]) -> Option<Mention> {
        let gaz = self.ents.gaz;
        let first = hits[0];
        match first.role {
            NameRole::ShortName => {
                let person = self.resolve_short_name(hits)?;
                return Some(Mention {
                    span,
                    entities: vec![person],
                    kind: MentionKind::ShortName,
                    modifier: false,
                    stands_for: None,
                });
            }
            NameRole::Demonym | NameRole::Metonym => {
                let c = self.ents.known(first.entity);
                let kind = if first.role == NameRole::Demonym { MentionKind::Demonym } else { MentionKind::Metonym };
                // "Russian troops": the mention covers the agent noun too.
                let mut span = span;
                if kind == MentionKind::Demonym {
                    if let Some(end) = agent_noun_after(text, span.end) {
                        span.end = end;
                    }
                }
                return Some(Mention { span, entities: vec![c], kind, modifier: false, stands_for: None });
            }
            NameRole::Name => {}
        }
        // Several entities share this name (Georgia the country and the US state): prefer the
        // one whose country another place right before it names ("Atlanta, Georgia").
        let mut choice = hits.iter().find(|h| h.role == NameRole::Name)?.entity;
        if hits.iter().filter(|h| h.role == NameRole::Name).count() > 1 {
            if let Some(prev) = so_far.last() {
                let between = crate::text::gap(text, prev.span.end, span.start);
                if between.trim() == "," {
                    let prev_country = prev.entities.first().and_then(|&e| self.ents.gaz_index(e)).and_then(|g| gaz.country_of(g));
                    if let Some(h) = hits.iter().find(|h| gaz.country_of(h.entity) == prev_country && gaz.get(h.entity).etype != EntityType::Country) {
                        choice = h.entity;
                    }
                }
            }
        }
        // A country name glued to an unknown capitalised word is part of another name
        // ("Michael Jordan", "Chad Smith", "Georgia Tech").
        let e = gaz.get(choice);
        if e.etype == EntityType::Country && e.label.split_whitespace().count() == 1 {
            let before = text[..span.start].trim_end_matches(' ');
            let prev_word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let glued_before = before.len() + 1 == span.start
                && is_capitalized(prev_word)
                && !NOT_NAME.contains(&prev_word)
                && gaz.find_names(prev_word).is_empty()
                && !is_sentence_start(text, span.start - 1 - prev_word.len());
            let after = &text[span.end..];
            let next_word = after.strip_prefix(' ').map(|a| a.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("")).unwrap_or("");
            let glued_after = is_capitalized(next_word) && !NOT_NAME.contains(&next_word) && gaz.find_names(next_word).is_empty() && TITLES.automaton.find(next_word).is_none_or(|m| m.len() != next_word.len());
            if glued_before || glued_after {
                return None;
            }
        }
        let i = self.ents.known(choice);
        let stands_for = gaz.capital_of(choice).map(|c| self.ents.known(c));
        Some(Mention { span, entities: vec![i], kind: MentionKind::Name, modifier: false, stands_for })
    }

    /// A short name refers to the last person with that name in the document, else to the one
    /// dictionary person of that name in office on the article date, else to the only one.
    fn resolve_short_name(&mut self, hits: &[super::gazetteer::NameHit]) -> Option<usize> {
        let gaz = self.ents.gaz;
        let candidates: Vec<usize> = hits.iter().filter(|h| h.role == NameRole::ShortName).map(|h| h.entity).collect();
        for &p in self.last_person.iter().rev() {
            if let Some(g) = self.ents.gaz_index(p) {
                if candidates.contains(&g) {
                    return Some(p);
                }
            }
        }
        let in_office: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&g| self.date.is_some() && gaz.offices_of(g, self.date).next().is_some())
            .collect();
        let pick = match (in_office.as_slice(), candidates.as_slice()) {
            ([one], _) => *one,
            ([], [one]) => *one,
            _ => return None,
        };
        Some(self.ents.known(pick))
    }

    fn titled_people(&mut self, text: &str, s: Span, si: usize, tokens: &[Token], out: &mut Vec<Mention>) {
        let stext = &text[s.start..s.end];
        let mut titles: Vec<(Span, String)> = TITLES
            .automaton
            .find_iter(stext)
            .filter(|m| {
                let before = stext[..m.start()].chars().next_back();
                let after = stext[m.end()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric() && c != '-') && after.is_none_or(|c| !c.is_alphanumeric() && c != '-')
            })
            .map(|m| (Span::new(s.start + m.start(), s.start + m.end()), TITLES.roles[m.pattern().as_usize()].0.clone()))
            .collect();
        // "minister of mines and energy", "Minister of Electricity": a ministry spelled out.
        titles.extend(minister_of(text, s));
        titles.sort_by_key(|(sp, _)| sp.start);
        for (tspan, role) in titles {
            let title_text = &text[tspan.start..tspan.end];
            let possessor = self.possessor_before(text, tspan.start, out);
            // "Foreign Minister Sergey Lavrov", "White House spokeswoman Sarah Sanders": a title
            // followed by a name, capitalised or after a possessor.
            let person = if is_capitalized(title_text) || possessor.is_some() { self.person_after(text, tspan.end, tokens, out) } else { None };
            if let Some((person, pspan)) = person {
                let of = possessor.or_else(|| self.of_after(text, pspan.end, out));
                let of = of.or_else(|| self.office_from_dictionary(person, &role));
                if let Some(of) = of {
                    let role = self.role_with_body(text, tspan, &role, title_text, out);
                    self.titles.push(TitleFact { person, role, of, span: Span::new(tspan.start, pspan.end), sentence: si });
                }
                continue;
            }
            // "the movement's spokesman, Zabihullah Mujahid,": a title, a comma, a name.
            let after = &text[tspan.end..s.end];
            if let Some(rest) = after.strip_prefix(", ") {
                if let Some((person, pspan)) = self.person_after(text, text.len() - rest.len() - 1, tokens, out) {
                    let of = possessor.or_else(|| self.of_after(text, tspan.end, out)).or_else(|| self.office_from_dictionary(person, &role));
                    if let Some(of) = of {
                        self.titles.push(TitleFact { person, role: role_text(&role, title_text), of, span: Span::new(tspan.start, pspan.end), sentence: si });
                    }
                    continue;
                }
            }
            // "Sergey Lavrov, Russia's foreign minister": an apposition after a person.
            let Some(possessor_start) = self.apposition_start(text, tspan.start, out) else { continue };
            let before = text[..possessor_start].trim_end();
            let Some(before) = before.strip_suffix(',') else { continue };
            let before_end = before.trim_end().len();
            let known = out
                .iter()
                .rev()
                .find(|m| m.span.end == before_end && m.entities.len() == 1 && self.ents.get(m.entities[0]).etype == EntityType::Person)
                .map(|m| (m.entities[0], m.span.start));
            let Some((person, pstart)) = known.or_else(|| self.person_before(text, s, before_end, out)) else { continue };
            let of = possessor
                .or_else(|| self.of_after(text, tspan.end, out))
                .or_else(|| self.office_from_dictionary(person, &role));
            if let Some(of) = of {
                self.titles.push(TitleFact { person, role: role_text(&role, title_text), of, span: Span::new(pstart, tspan.end), sentence: si });
            }
        }
        // "France's Emmanuel Macron": a state's possessive before one of its office holders.
        let people: Vec<(usize, Span)> = out
            .iter()
            .filter(|m| m.entities.len() == 1 && self.ents.get(m.entities[0]).etype == EntityType::Person)
            .map(|m| (m.entities[0], m.span))
            .collect();
        for (person, pspan) in people {
            if self.titles.iter().any(|t| t.sentence == si && t.person == person) {
                continue;
            }
            let Some(c) = self.possessor_before(text, pspan.start, out) else { continue };
            let head = text[..pspan.start].trim_end();
            if !(head.ends_with("'s") || head.ends_with("’s")) {
                continue;
            }
            let Some(g) = self.ents.gaz_index(person) else { continue };
            let gaz = self.ents.gaz;
            let of_g = self.ents.gaz_index(c);
            if let Some(office) = gaz.offices_of(g, self.date).find(|o| Some(o.of) == of_g) {
                let role = office.role.clone();
                let start = out.iter().find(|m| m.entities.first() == Some(&c) && m.span.end <= pspan.start).map_or(pspan.start, |m| m.span.start);
                self.titles.push(TitleFact { person, role, of: c, span: Span::new(start, pspan.end), sentence: si });
            }
        }
    }

    /// A government body standing before a title names it: "White House spokeswoman".
    fn role_with_body(&self, text: &str, tspan: Span, role: &str, title_text: &str, out: &[Mention]) -> String {
        let base = role_text(role, title_text);
        let head = text[..tspan.start].trim_end();
        match out.iter().find(|m| m.span.end == head.len() && m.kind == MentionKind::Metonym) {
            Some(m) => format!("{} {}", &text[m.span.start..m.span.end], base),
            None => base,
        }
    }

    /// A run of two to four capitalised words ending at `end`: an unknown person named before
    /// an apposition ("Ferit Hoxha, Albania's foreign minister").
    fn person_before(&mut self, text: &str, s: Span, end: usize, out: &mut Vec<Mention>) -> Option<(usize, usize)> {
        let head = &text[s.start..end];
        let words: Vec<(usize, &str)> = head.split(' ').scan(0usize, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        }).collect();
        let mut n = 0;
        for (_, w) in words.iter().rev() {
            let clean = w.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '(' | ')'));
            if clean.len() == w.len() && is_capitalized(w) && !NOT_NAME.contains(w) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')) {
                n += 1;
                if n == 4 {
                    break;
                }
            } else {
                break;
            }
        }
        if n < 2 {
            return None;
        }
        let (at, _) = words[words.len() - n];
        let span = Span::new(s.start + at, end);
        if out.iter().any(|m| m.span.start < span.end && m.span.end > span.start && m.entities.first().is_some_and(|&e| self.ents.get(e).etype != EntityType::Person)) {
            return None;
        }
        let person = self.ents.new_person(&text[span.start..span.end]);
        out.push(Mention { span, entities: vec![person], kind: MentionKind::TitledPerson, modifier: false, stands_for: None });
        Some((person, span.start))
    }

    /// Where an apposition's title phrase starts: after ", [the|a] [possessor]".
    fn apposition_start(&self, text: &str, title_start: usize, out: &[Mention]) -> Option<usize> {
        let mut start = title_start;
        // Skip a possessor mention ("Russia's", "Russian", "the UN's").
        if let Some(m) = out.iter().find(|m| {
            if m.span.end > title_start {
                return false;
            }
            let between = crate::text::gap(text, m.span.end, title_start);
            matches!(between.trim(), "" | "'s" | "’s")
        }) {
            start = m.span.start;
        }
        let head = text[..start].trim_end();
        for det in ["the", "a", "an", "The"] {
            if let Some(h) = head.strip_suffix(det) {
                if h.ends_with(' ') || h.ends_with(',') {
                    return Some(h.trim_end().len());
                }
            }
        }
        Some(head.len())
    }

    /// The state or organisation right before a title: "Russian", "Russia's", "NATO", "UN",
    /// "the White House".
    fn possessor_before(&mut self, text: &str, title_start: usize, out: &[Mention]) -> Option<usize> {
        let head = text[..title_start].trim_end();
        let head = head.strip_suffix("'s").or_else(|| head.strip_suffix("’s")).unwrap_or(head);
        let m = out.iter().rev().find(|m| m.span.end == head.len() || (m.span.start < title_start && m.span.end > title_start && m.kind == MentionKind::Demonym))?;
        let e = *m.entities.first()?;
        match self.ents.get(e).etype {
            EntityType::Country | EntityType::Organization => Some(e),
            EntityType::City | EntityType::Region => m.stands_for.or(Some(e)),
            EntityType::Person => None,
        }
    }

    /// "the foreign minister of Russia".
    fn of_after(&mut self, text: &str, end: usize, out: &[Mention]) -> Option<usize> {
        let rest = &text[end..];
        let trimmed = rest.trim_start();
        let rest2 = trimmed.strip_prefix("of ")?;
        let rest2 = rest2.strip_prefix("the ").unwrap_or(rest2);
        let at = text.len() - rest2.len();
        let m = out.iter().find(|m| m.span.start == at)?;
        let e = *m.entities.first()?;
        matches!(self.ents.get(e).etype, EntityType::Country | EntityType::Organization).then_some(e)
    }

    /// The state or organisation a known person's title belongs to, from the offices table:
    /// the same role on the article date, else ever, else any office on the date.
    fn office_from_dictionary(&mut self, person: usize, role: &str) -> Option<usize> {
        let g = self.ents.gaz_index(person)?;
        let gaz = self.ents.gaz;
        let role = role.strip_suffix("-elect").unwrap_or(role);
        let same = |o: &&super::gazetteer::Office| o.role.eq_ignore_ascii_case(role);
        let office = gaz
            .offices_of(g, self.date)
            .find(same)
            .or_else(|| gaz.offices_of(g, None).find(same))
            .or_else(|| gaz.offices_of(g, self.date).next())?;
        Some(self.ents.known(office.of))
    }

    /// The person named right after a title: a dictionary person, a short name, or a new
    /// person from a run of capitalised words.
    fn person_after(&mut self, text: &str, at: usize, tokens: &[Token], out: &mut Vec<Mention>) -> Option<(usize, Span)> {
        let rest = &text[at..];
        if !rest.starts_with(' ') {
            return None;
        }
        let start = at + 1;
        if let Some(m) = out.iter().find(|m| m.span.start == start) {
            let e = *m.entities.first()?;
            if self.ents.get(e).etype == EntityType::Person {
                return Some((e, m.span));
            }
            return None;
        }
        // A run of capitalised tokens.
        let ti = tokens.iter().position(|t| t.span.start == start)?;
        let mut end = None;
        let mut words = 0;
        for t in &tokens[ti..] {
            let w = &text[t.span.start..t.span.end];
            if !t.is_word {
                break;
            }
            let w_clean = &text[strip_possessive(text, t.span).start..strip_possessive(text, t.span).end];
            if is_capitalized(w_clean) && !NOT_NAME.contains(&w_clean) {
                if out.iter().any(|m| m.span.start == t.span.start && m.entities.first().is_some_and(|&e| matches!(self.ents.get(e).etype, EntityType::Country | EntityType::Organization))) {
                    break;
                }
                end = Some(strip_possessive(text, t.span).end);
                words += 1;
                if strip_possessive(text, t.span) != t.span {
                    break;
                }
            } else if PARTICLES.contains(&w) && words > 0 {
                continue;
            } else {
                break;
            }
            if words == 4 {
                break;
            }
        }
        let end = end?;
        let span = Span::new(start, end);
        let name = &text[span.start..span.end];
        if words < 2 && name.chars().count() < 3 {
            return None;
        }
        let person = self.ents.new_person(name);
        out.retain(|m| !(m.span.start >= span.start && m.span.end <= span.end));
        out.push(Mention { span, entities: vec![person], kind: MentionKind::TitledPerson, modifier: false, stands_for: None });
        Some((person, span))
    }

    fn pronouns_and_groups(&mut self, text: &str, tokens: &[Token], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let w = &text[t.span.start..t.span.end];
            let lw = w.to_ascii_lowercase();
            match lw.as_str() {
                "he" | "his" | "him" | "she" | "her" => {
                    let want = if lw.starts_with('h') && lw != "her" { 'm' } else { 'f' };
                    let want = if lw == "she" { 'f' } else { want };
                    // The last person of that gender in this sentence before the pronoun, or before it.
                    let in_sentence: Vec<usize> = out
                        .iter()
                        .filter(|m| m.span.end <= t.span.start)
                        .flat_map(|m| m.entities.iter().copied())
                        .filter(|&e| self.ents.get(e).etype == EntityType::Person)
                        .collect();
                    let pick = in_sentence
                        .iter()
                        .rev()
                        .chain(self.last_person.iter().rev())
                        .copied()
                        .find(|&p| self.ents.gender[p].is_none_or(|g| g == want));
                    if let Some(p) = pick {
                        out.push(Mention { span: t.span, entities: vec![p], kind: MentionKind::Pronoun, modifier: false, stands_for: None });
                    }
                }
                "two" | "both" => {
                    let next = tokens.get(i + 1).map(|n| text[n.span.start..n.span.end].to_ascii_lowercase());
                    let prev = i.checked_sub(1).map(|p| text[tokens[p].span.start..tokens[p].span.end].to_ascii_lowercase());
                    let Some(next) = next else { continue };
                    if lw == "two" && prev.as_deref() != Some("the") {
                        continue;
                    }
                    let (pool, span) = match next.as_str() {
                        "leaders" | "presidents" | "men" | "ministers" => (&self.last_person, Span::new(tokens[i - usize::from(lw == "two")].span.start, tokens[i + 1].span.end)),
                        "countries" | "nations" | "states" | "sides" | "governments" => (&self.last_countries, Span::new(tokens[i - usize::from(lw == "two")].span.start, tokens[i + 1].span.end)),
                        _ => continue,
                    };
                    let pool = pool.clone();
                    // The two most recent, from this sentence first.
                    let mut pair: Vec<usize> = Vec::new();
                    let want_person = matches!(next.as_str(), "leaders" | "presidents" | "men" | "ministers");
                    for m in out.iter().rev().filter(|m| m.span.end <= span.start && !m.modifier) {
                        for &e in &m.entities {
                            let is_person = self.ents.get(e).etype == EntityType::Person;
                            let is_country = self.ents.get(e).etype == EntityType::Country;
                            if ((want_person && is_person) || (!want_person && is_country)) && !pair.contains(&e) && pair.len() < 2 {
                                pair.push(e);
                            }
                        }
                    }
                    for &e in pool.iter().rev() {
                        if pair.len() < 2 && !pair.contains(&e) {
                            pair.push(e);
                        }
                    }
                    if pair.len() == 2 {
                        pair.reverse();
                        out.push(Mention { span, entities: pair, kind: MentionKind::Group, modifier: false, stands_for: None });
                    }
                }
                _ => {}
            }
        }
    }
}

/// "minister of mines and energy", "minister of electricity": a ministry spelled out in lower
/// case, up to a comma or a capitalised name (capitalised forms are in titles.tsv).
fn minister_of(text: &str, s: Span) -> Vec<(Span, String)> {
    let stext = &text[s.start..s.end];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = stext[from..].find("minister of ") {
        let at = from + i;
        from = at + 1;
        let mut end = at + "minister of".len();
        let mut words = 0;
        for w in stext[at + "minister of ".len()..].split(' ') {
            let clean = w.trim_end_matches(',');
            if clean.is_empty() || !clean.chars().all(|c| c.is_lowercase() || c == '-') || (words == 0 && matches!(clean, "the" | "a" | "state")) {
                break;
            }
            end += 1 + clean.len();
            words += 1;
            if w.ends_with(',') || words == 4 {
                break;
            }
        }
        if words > 0 {
            let span = Span::new(s.start + at, s.start + end);
            out.push((span, text[span.start..span.end].to_string()));
        }
    }
    out
}

fn role_text(role: &str, written: &str) -> String {
    // Keep the text's own title when it says more than the canonical role ("Deputy ...").
    if written.eq_ignore_ascii_case(role) || written.len() <= role.len() {
        role.to_string()
    } else {
        written.to_string()
    }
}

fn is_sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '“'])
}

/// The end of an agent noun right after a demonym ("Russian troops", "Chinese foreign ministry").
pub(crate) fn agent_noun_after(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix(' ')?;
    for noun in AGENTS.iter() {
        if rest.get(..noun.len()).is_some_and(|w| w.eq_ignore_ascii_case(noun)) {
            let after = rest[noun.len()..].chars().next();
            if after.is_none_or(|c| !c.is_alphanumeric()) {
                return Some(at + 1 + noun.len());
            }
        }
    }
    None
}
