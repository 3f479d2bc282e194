//! Mentions: a document's sentences in, resolved mentions out.
//!
//! For each sentence: dictionary names (one automaton pass), titled people ("Chinese President
//! Xi Jinping", "Sergey Lavrov, Russia's foreign minister"), demonyms, metonyms and capitals.
//! Across the document: short names ("Putin") to the full name seen before, he/she to the last
//! person of that gender, "the two leaders" / "both countries" to the last two. Every mention keeps
//! its own span; the entities of one document live in a [`DocEntities`] table.

use super::gazetteer::{Gazetteer, NameRole};
use super::{EntityRef, EntityType};
use crate::input::Document;
use crate::text::{self, is_alphanumeric, Literals, Span, Token};
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::LazyLock;

const TITLES_TSV: &str = include_str!("../../data/lexicon/titles.tsv");
const AGENT_NOUNS: &str = include_str!("../../data/lexicon/agent_nouns.txt");

/// The office titles, their roles, and an automaton over them (case-insensitive).
struct Titles {
    roles: Vec<(String, bool)>,
    /// Roles that are a state's own office (scope "state").
    state_roles: std::collections::HashSet<String>,
    /// For a state office only some states have, their ISO alpha-3 codes, by role.
    only_in: HashMap<String, Vec<String>>,
    /// The organisation (a dictionary id) whose office a role is, whoever holds it ("MEP").
    body: HashMap<String, String>,
    automaton: AhoCorasick,
}

static TITLES: LazyLock<Titles> = LazyLock::new(|| {
    let t = crate::tsv::Table::parse("data/lexicon/titles.tsv", TITLES_TSV, &["title", "role"])
        .expect("bundled titles.tsv is valid");
    let mut words = Vec::new();
    let mut roles = Vec::new();
    let mut state_roles = std::collections::HashSet::new();
    let mut only_in = HashMap::new();
    let mut body = HashMap::new();
    for row in &t.rows {
        let role = t.get(row, "role").to_string();
        words.push(t.get(row, "title").to_string());
        if t.get(row, "scope") == "state" {
            state_roles.insert(role.clone());
        }
        if !t.get(row, "body").is_empty() {
            body.insert(role.clone(), t.get(row, "body").to_string());
        }
        let states: Vec<String> = t.list(row, "states").map(String::from).collect();
        if !states.is_empty() {
            only_in.insert(role.clone(), states);
        }
        roles.push((role, t.get(row, "head") == "yes"));
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        // A DFA: it searches every sentence and whole articles, and the title list is small.
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .start_kind(aho_corasick::StartKind::Both)
        .build(&words)
        .expect("title automaton");
    Titles { roles, state_roles, only_in, body, automaton }
});

/// An automaton match: pattern index and byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AcMatch {
    pattern: usize,
    start: usize,
    end: usize,
}

/// `ac.find_iter` over all of `text`, and over each of `spans` (disjoint, in order) with
/// offsets relative to the span: what `ac.find_iter(&text[span])` gives.
///
/// One pass over the text serves both. A span's matches are the whole text's matches inside
/// it unless one of those crosses its end, or one that began before it reaches into it (the
/// search of the span alone could then find others); such a span is searched on its own.
fn matches_in(ac: &AhoCorasick, text: &str, spans: &[Span]) -> (Vec<AcMatch>, Vec<Vec<AcMatch>>) {
    let found = |t: &str| -> Vec<AcMatch> { ac.find_iter(t).map(|m| AcMatch { pattern: m.pattern().as_usize(), start: m.start(), end: m.end() }).collect() };
    let all = found(text);
    let mut per_span = Vec::with_capacity(spans.len());
    // A search goes on from the end of each match: matches[k] was searched for from the end
    // of matches[k - 1].
    let from = |k: usize| if k == 0 { 0 } else { all[k - 1].end };
    let mut k = 0;
    for sp in spans {
        // The last match whose search started at or before the span's start.
        while k + 1 < all.len() && from(k + 1) <= sp.start {
            k += 1;
        }
        let first = match all.get(k) {
            Some(m) if m.start < sp.start && m.end > sp.start => None,
            Some(m) if m.start < sp.start => Some(k + 1),
            _ => Some(k),
        };
        let inside: Option<Vec<AcMatch>> = first.and_then(|first| {
            all[first.min(all.len())..]
                .iter()
                .take_while(|m| m.start < sp.end)
                .map(|m| (m.end <= sp.end).then(|| AcMatch { pattern: m.pattern, start: m.start - sp.start, end: m.end - sp.start }))
                .collect()
        });
        per_span.push(inside.unwrap_or_else(|| found(&text[sp.start..sp.end])));
    }
    (all, per_span)
}

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

/// Surnames that are also months or common capitalised words.
const MONTHS: &[&str] = &["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const COMMON_WORD_NAMES: &[&str] = &["May", "March", "June", "August", "Rice", "Young", "Brown", "Power", "Major", "Hope", "King", "Rich", "Long", "Little", "Bird", "Fox", "Green", "White", "Black", "Gray", "Grey", "Said", "Will", "Mark", "Price", "Love", "Street", "Little", "Day", "Ward"];

/// Capitalised words that often open a sentence before a country's name ("Neighbouring Jordan").
const SENTENCE_OPENERS: &[&str] = &["Neighbouring", "Neighboring", "Meanwhile", "Both", "Also", "Even", "Only", "Now", "Today", "Yesterday", "Last", "Next", "Officials", "Landlocked", "Oil-rich", "Tiny", "Nearby", "Western", "Eastern", "Northern", "Southern", "Central", "Neutral", "Democratic", "Communist", "Predominantly", "Mostly", "While", "Unlike", "Like", "Where", "Before", "After"];

const PARTICLES: &[&str] = &["bin", "bint", "al", "el", "de", "da", "dos", "van", "von", "der", "ibn", "la", "le", "du", "di", "abu", "abd", "ben"];

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
    /// A place named by its setting rather than by the dictionary: "the town of X", "X in the
    /// Y region", "in X, Namibia", a dateline.
    Place,
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
    /// For a demonym: it stands for the state ("Russian troops", "the Iranian foreign minister",
    /// "American, British and Jordanian jets"), rather than being a plain adjective.
    pub agent: bool,
}

/// A title fact: person, role, organisation or state, and the span that says so.
#[derive(Debug, Clone)]
pub struct TitleFact {
    pub person: usize,
    pub role: String,
    pub of: usize,
    pub span: Span,
    pub sentence: usize,
    /// How sure the words make it: an explicit qualifier (0.9), or the document's own state
    /// taken as the owner of an unqualified domestic title (lower).
    pub confidence: f32,
}

/// A place fact the words around a place state: "the Russian town of X" (X lies in Russia),
/// "Kyiv's X district", "in X, Namibia", a dateline "X, Vietnam (AP) —".
#[derive(Debug, Clone)]
pub struct PlaceFact {
    pub place: usize,
    pub within: usize,
    pub span: Span,
    pub sentence: usize,
    pub rule: &'static str,
}

/// The entities of one document: dictionary entities it mentions and people it introduces.
pub struct DocEntities<'g> {
    pub gaz: &'g Gazetteer,
    pub list: Vec<EntityRef>,
    gaz_index: Vec<Option<usize>>,
    gender: Vec<Option<char>>,
    by_id: FxHashMap<String, usize>,
    /// The country of a place the document introduces, when its words say so.
    place_country: HashMap<usize, usize>,
}

impl<'g> DocEntities<'g> {
    pub fn new(gaz: &'g Gazetteer) -> Self {
        DocEntities {
            gaz,
            list: Vec::new(),
            gaz_index: Vec::new(),
            gender: Vec::new(),
            by_id: FxHashMap::default(),
            place_country: HashMap::new(),
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

    /// A place not in the dictionary ("the town of X"), with an id derived from the name; the
    /// dictionary place of that id if there is one. None when the id is taken by something that
    /// is not a place (a person, a country, an organisation).
    pub fn new_place(&mut self, name: &str, etype: EntityType) -> Option<usize> {
        let id = super::gazetteer::slug(name);
        if id.is_empty() || !etype.is_place() {
            return None;
        }
        if let Some(g) = self.gaz.by_id(&id) {
            return self.gaz.get(g).etype.is_place().then(|| self.known(g));
        }
        if let Some(&i) = self.by_id.get(&id) {
            return self.list[i].etype.is_place().then_some(i);
        }
        Some(self.push(
            EntityRef {
                id,
                label: name.to_string(),
                etype,
                iso3: None,
                wikidata: None,
            },
            None,
            None,
        ))
    }

    /// An organisation not in the dictionary ("the Lowy Institute"), with an id derived from its
    /// name; the dictionary entity of that id if it is an organisation. None when the id is
    /// taken by something else.
    pub fn new_org(&mut self, name: &str) -> Option<usize> {
        let id = super::gazetteer::slug(name);
        if id.is_empty() {
            return None;
        }
        if let Some(g) = self.gaz.by_id(&id) {
            return (self.gaz.get(g).etype == EntityType::Organization).then(|| self.known(g));
        }
        if let Some(&i) = self.by_id.get(&id) {
            return (self.list[i].etype == EntityType::Organization).then_some(i);
        }
        Some(self.push(
            EntityRef {
                id,
                label: name.to_string(),
                etype: EntityType::Organization,
                iso3: None,
                wikidata: None,
            },
            None,
            None,
        ))
    }

    /// Records the country of a place the document introduced, from the place it lies in.
    /// Dictionary places keep their own country; the first country said wins.
    pub fn set_country(&mut self, place: usize, within: usize) {
        if self.gaz_index[place].is_some() || !self.list[place].etype.is_place() || self.place_country.contains_key(&place) {
            return;
        }
        if let Some(c) = self.country_of(within).filter(|&c| c != place) {
            self.place_country.insert(place, c);
        }
    }

    /// Whether the dictionary lets place `place` lie in `within` (a country, region or city):
    /// a place it does not know (whose country, if said, is `within`'s), or one whose country
    /// is `within` or `within`'s country. Never a person or an organisation.
    pub fn may_lie_in(&mut self, place: usize, within: usize) -> bool {
        if place == within || !self.list[place].etype.is_place() || !matches!(self.list[within].etype, EntityType::Country | EntityType::Region | EntityType::City) {
            return false;
        }
        let (cp, cw) = (self.country_of(place), self.country_of(within));
        if self.gaz_index[place].is_none() {
            return cp.is_none() || cw.is_none() || cp == cw;
        }
        cp.is_some() && cp == cw
    }

    /// Whether `word` is part of the name of a person met earlier in the document.
    fn is_person_word(&self, word: &str) -> bool {
        self.list.iter().any(|e| e.etype == EntityType::Person && e.label.split_whitespace().any(|w| w == word))
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
        let Some(g) = self.gaz_index[i] else {
            return self.place_country.get(&i).copied();
        };
        let c = self.gaz.get(g).country?;
        Some(self.known(c))
    }
}

/// The mentions of a document, sentence by sentence, and the titles found.
pub struct Analysis<'g> {
    pub entities: DocEntities<'g>,
    pub sentences: Vec<Span>,
    pub mentions: Vec<Vec<Mention>>,
    /// In sentence order.
    pub titles: Vec<TitleFact>,
    /// In sentence order.
    pub places: Vec<PlaceFact>,
}

impl Analysis<'_> {
    /// The title facts of sentence `si`, found by bisection, not by a scan of the document's.
    pub fn titles_of(&self, si: usize) -> &[TitleFact] {
        in_sentence(&self.titles, si, |t| t.sentence)
    }

    /// The place facts of sentence `si`.
    pub fn places_of(&self, si: usize) -> &[PlaceFact] {
        in_sentence(&self.places, si, |p| p.sentence)
    }
}

/// The run of `facts` (in sentence order) whose sentence is `si`.
fn in_sentence<T>(facts: &[T], si: usize, sentence: impl Fn(&T) -> usize) -> &[T] {
    let from = facts.partition_point(|f| sentence(f) < si);
    let to = from + facts[from..].partition_point(|f| sentence(f) == si);
    &facts[from..to]
}

/// Finds and resolves the mentions of a whole document.
pub fn analyze<'g>(gaz: &'g Gazetteer, doc: &Document) -> Analysis<'g> {
    let text = doc.text.as_str();
    let date = doc.date.as_deref();
    let sentences = text::sentences(text);
    // One search for the names of the whole text and of each sentence.
    let (doc_names, sentence_names) = gaz.find_names_in(text, &sentences);
    let (doc_titles, sentence_titles) = matches_in(&TITLES.automaton, text, &sentences);
    let outlet = doc.source.as_deref().and_then(|s| outlet_country(gaz, s)).or_else(|| doc.url.as_deref().and_then(|u| url_host_country(gaz, u)));
    let mut st = State {
        ents: DocEntities::new(gaz),
        date,
        last_person: Vec::new(),
        last_countries: Vec::new(),
        last_orgs: Vec::new(),
        last_body: HashMap::new(),
        last_subject: None,
        titles: Vec::new(),
        places: Vec::new(),
        new_short_names: FxHashMap::default(),
        doc_country: document_country(gaz, doc, &doc_names, outlet),
        outlet_country: outlet,
        title_states: title_analogies(gaz, text, date, &doc_titles),
    };
    let mut mentions = Vec::with_capacity(sentences.len());
    for (si, ((&s, names), titles)) in sentences.iter().zip(sentence_names).zip(sentence_titles).enumerate() {
        let ms = st.sentence(text, s, si, &names, &titles);
        mentions.push(ms);
    }
    // Mentions inside a title phrase, or its possessor ("Russian", "Russia's"), are part of it.
    for t in &st.titles {
        for m in &mut mentions[t.sentence] {
            let inside = m.span.start < t.span.end && m.span.end > t.span.start;
            let possessor = m.span.end <= t.span.start && matches!(crate::text::gap(text, m.span.end, t.span.start).trim(), "" | "'s" | "’s");
            if (inside || possessor) && !m.entities.contains(&t.person) {
                m.modifier = true;
            }
        }
    }
    Analysis {
        entities: st.ents,
        sentences,
        mentions,
        titles: st.titles,
        places: st.places,
    }
}

struct State<'g, 'd> {
    ents: DocEntities<'g>,
    date: Option<&'d str>,
    /// People in order of mention, most recent last.
    last_person: Vec<usize>,
    last_countries: Vec<usize>,
    /// Organisations in order of mention, most recent last ("the movement's spokesman").
    last_orgs: Vec<usize>,
    /// The state or organisation that opened the previous sentence as its subject ("The United
    /// States, which ..., would ..."), for a sentence-initial "It" that follows.
    last_subject: Option<usize>,
    titles: Vec<TitleFact>,
    places: Vec<PlaceFact>,
    /// Short names of the people this document introduced ("Waweru" for "Amina Waweru").
    new_short_names: FxHashMap<String, usize>,
    /// The state the article is filed from or is about (a dictionary index): the dateline's
    /// country, else the one state the text names far more than any other. An unqualified
    /// domestic title ("Mayor X", "cabinet minister Y") belongs to it.
    doc_country: Option<usize>,
    /// The state of the outlet that published the article, from its name or web address ("The
    /// Namibian", "Houston Chronicle"), a dictionary index.
    outlet_country: Option<usize>,
    /// For a domestic title the text uses unqualified before known office holders ("Prime
    /// Minister Netanyahu"), the one state they all hold it for (a dictionary index).
    title_states: HashMap<String, usize>,
    /// The state of the last ministry, government, army... the text named ("the Chinese foreign
    /// ministry", "Israel's military"), by body noun, for "the ministry's spokesman".
    last_body: HashMap<&'static str, usize>,
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
    /// The title facts found so far in sentence `si` (the last ones, as facts come in order).
    fn titles_of(&self, si: usize) -> &[TitleFact] {
        in_sentence(&self.titles, si, |t| t.sentence)
    }

    /// The mentions of sentence `s`, whose dictionary names (`Gazetteer::find_names` of its
    /// text) are `names` and whose title automaton matches are `titles`.
    fn sentence(&mut self, text: &str, s: Span, si: usize, names: &[(usize, usize, &'g [super::gazetteer::NameHit])], titles: &[AcMatch]) -> Vec<Mention> {
        let tokens = text::tokens(text, s);
        let mut out: Vec<Mention> = Vec::new();

        // 1. Dictionary names.
        for &(a, b, hits) in names {
            let span = Span::new(s.start + a, s.start + b);
            if let Some(m) = self.resolve_name(text, span, hits, &out) {
                out.push(m);
            }
        }
        // 1b. Places named by a place noun: "the Russian town of X", "Kyiv's X district", a dateline.
        self.dateline(text, s, si, &tokens, &mut out);
        self.place_nouns(text, s, si, &tokens, &mut out);
        // Short names of people this document introduced earlier.
        if !self.new_short_names.is_empty() {
            for t in &tokens {
                let w = strip_possessive(text, t.span);
                let word = &text[w.start..w.end];
                if let Some(&p) = self.new_short_names.get(word) {
                    if !out.iter().any(|m| m.span.start < w.end && m.span.end > w.start) {
                        out.push(Mention { span: w, entities: vec![p], kind: MentionKind::ShortName, modifier: false, stands_for: None, agent: false });
                    }
                }
            }
            out.sort_by_key(|m| m.span.start);
        }
        // "American, British and Jordanian jets": demonyms listed before one agent noun share it.
        for i in (0..out.len().saturating_sub(1)).rev() {
            let (a, b) = (&out[i], &out[i + 1]);
            let joined = matches!(crate::text::gap(text, a.span.end, b.span.start).trim(), "," | "and" | ", and" | "or");
            if a.kind == MentionKind::Demonym && b.kind == MentionKind::Demonym && b.agent && joined {
                out[i].agent = true;
            }
        }
        // 2. Unknown people who speak ("Sadeq Haddad told the AP", “...,” said Maria Lopez) or
        // are named with a person ("Mick Wallace and Clare Daly"), and "all three": before the
        // titles, which may be said of them ("all three were lawmakers").
        self.speakers(text, &tokens, &mut out);
        self.coordinated_people(text, &tokens, &mut out);
        for i in 1..tokens.len() {
            // "six" to "three": three to five letters.
            if !(3..=5).contains(&(tokens[i].span.end - tokens[i].span.start)) {
                continue;
            }
            if let Some(m) = self.all_of_people(text, &tokens, i, &out) {
                out.push(m);
            }
        }
        // 2a. Titled people, before and after their names; then names joined to theirs.
        self.titled_people(text, s, si, &tokens, titles, &mut out);
        self.coordinated_people(text, &tokens, &mut out);
        // 2b. Unknown places set by a preposition and their country: "in X, Namibia", "to X in Y".
        self.located_names(text, s, si, &tokens, &mut out);
        // 3. "It has been trying to ...": a sentence-initial "It" before a verb refers back to the
        // state or organisation that was the subject of the previous sentence.
        if let Some(m) = self.sentence_initial_it(text, &tokens, &out) {
            out.push(m);
        }
        // 3b. Pronouns and groups.
        self.pronouns_and_groups(text, &tokens, &mut out);
        // 3c. "the U.S. leader", "the Chinese president": the one person this document titled as
        // that state's leader.
        self.definite_leader(text, &tokens, &mut out);
        out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        self.last_subject = self.subject_of(text, s, &out);
        for m in &out {
            if m.kind == MentionKind::TitledPerson {
                if let Some(&p) = m.entities.first() {
                    let label = &self.ents.get(p).label;
                    if self.ents.gaz_index(p).is_none() && label.split_whitespace().count() >= 2 {
                        let last = label.split_whitespace().last().unwrap_or("").to_string();
                        self.new_short_names.entry(last).or_insert(p);
                    }
                }
            }
        }
        // Remember the state of each government body named ("the Chinese foreign ministry",
        // "Israel's military"); a body named for two states at once is no one's.
        for m in &out {
            let Some(&c) = m.entities.first() else { continue };
            if self.ents.get(c).etype != EntityType::Country || m.entities.len() != 1 {
                continue;
            }
            let words: Vec<&str> = match m.kind {
                MentionKind::Demonym if m.agent => text[m.span.start..m.span.end].split(' ').skip(1).collect(),
                MentionKind::Name => {
                    let after = &text[m.span.end..s.end];
                    let Some(rest) = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s ")) else { continue };
                    rest.split(' ').take(2).collect()
                }
                _ => continue,
            };
            if let Some(noun) = words.iter().map(|w| w.trim_end_matches([',', '.', ';']).to_lowercase()).find_map(|w| STATE_BODIES.iter().find(|b| **b == w)) {
                self.last_body.insert(noun, c);
            }
        }
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
                    EntityType::Organization if m.kind != MentionKind::Metonym => {
                        self.last_orgs.retain(|&c| c != e);
                        self.last_orgs.push(e);
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
                // "in May", "May 6": the month, not Theresa May.
                let word = &text[span.start..span.end];
                if MONTHS.contains(&word) {
                    let prev = text[..span.start].trim_end().rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
                    let next_digit = text[span.end..].trim_start().starts_with(|c: char| c.is_ascii_digit());
                    if next_digit || matches!(prev.as_str(), "in" | "on" | "since" | "until" | "by" | "of" | "early" | "late" | "mid" | "last" | "next" | "this" | "from" | "through" | "during") {
                        return None;
                    }
                }
                // "Jonathan Moyo", "Abe Lincoln": a short name before another capitalised word
                // of a name is someone else's first name (not Goodluck Jonathan).
                let next = text[span.end..].strip_prefix(' ').map(|r| r.split(|c: char| !(is_alphanumeric(c) || c == '-')).next().unwrap_or("")).unwrap_or("");
                // A word that names a place or body is no surname; another person's short name is
                // one ("Ali Hassan" is neither Abiy Ahmed Ali nor Samia Suluhu Hassan), unless
                // this person was named before ("the Trump Putin summit").
                let seen = self.last_person.iter().any(|&p| self.ents.gaz_index(p).is_some_and(|g| hits.iter().any(|h| h.role == NameRole::ShortName && h.entity == g)));
                // "Mick Wallace ... Wallace": a person this document introduced by that name,
                // unless the dictionary's namesake was named too.
                if let Some(&p) = self.new_short_names.get(word).filter(|_| !seen) {
                    return Some(Mention { span, entities: vec![p], kind: MentionKind::ShortName, modifier: false, stands_for: None, agent: false });
                }
                let names_other = |w: &str| gaz.find_names(w).iter().any(|&(a, b, h)| a == 0 && b == w.len() && (seen || h.iter().any(|h| h.role != NameRole::ShortName)));
                let next_known = !next.is_empty() && names_other(next);
                if is_capitalized(next) && next.chars().any(char::is_lowercase) && !NOT_NAME.contains(&next) && !MONTHS.contains(&next) && !next_known && TITLES.automaton.find(next).is_none_or(|m| m.len() != next.len()) {
                    return None;
                }
                // "Ursula Kern": a short name after another first name is someone else's surname
                // (not Christian Kern). A spelling of the same first name ("Sergei Lavrov") or
                // an initial stays.
                let prev = text[..span.start].strip_suffix(' ').map(|h| h.rsplit(|c: char| !(is_alphanumeric(c) || c == '-')).next().unwrap_or("")).unwrap_or("");
                if prev.chars().count() > 2 && is_capitalized(prev) && prev.chars().any(char::is_lowercase) && !NOT_NAME.contains(&prev) && !SENTENCE_OPENERS.contains(&prev) {
                    // A title ending right before the name ("Prime Minister Kern") is no first name.
                    let known = title_ending_at(text, span.start).is_some() || names_other(prev);
                    let stem: String = prev.chars().take(3).collect::<String>().to_lowercase();
                    let same_first = hits.iter().filter(|h| h.role == NameRole::ShortName).any(|h| gaz.get(h.entity).label.split_whitespace().next().is_some_and(|f| f.to_lowercase().starts_with(&stem)));
                    if !known && !same_first {
                        // A new person, whom the short name means from here on ("Mick Wallace",
                        // then "Wallace").
                        // The whole name: capitalised words before it too ("Karim Abu Saleh"),
                        // and not part of a longer word ("Kim Dong-hoon").
                        let mut start = span.start - 1 - prev.len();
                        // "Karim Abu Saleh": a particle of a name takes the word before it too
                        // (not "Socialists Mick Wallace").
                        let particle = PARTICLES.contains(&prev.to_lowercase().as_str());
                        for _ in 0..usize::from(particle) {
                            let Some(h) = text[..start].strip_suffix(' ') else { break };
                            let w = h.rsplit(' ').next().unwrap_or("");
                            if !is_name_word(w) || SENTENCE_OPENERS.contains(&w) || TITLES.automaton.find(w).is_some_and(|m| m.len() == w.len()) {
                                break;
                            }
                            start -= w.len() + 1;
                        }
                        let full = Span::new(start, span.end);
                        let glued = text[span.end..].starts_with(|c: char| is_alphanumeric(c) || c == '-');
                        if glued || so_far.iter().any(|m| m.span.start < full.end && m.span.end > full.start) || !text[full.start..span.start].ends_with(' ') {
                            return None;
                        }
                        let person = self.ents.new_person(&text[full.start..full.end]);
                        self.new_short_names.insert(word.to_string(), person);
                        return Some(Mention { span: full, entities: vec![person], kind: MentionKind::Name, modifier: false, stands_for: None, agent: false });
                    }
                }
                // "To boost trade, ...": an English function word is not a short name (To Lam).
                if matches!(word, "To" | "Do" | "An" | "So" | "No" | "On" | "In" | "At" | "As" | "By" | "If" | "Or" | "Up" | "We" | "Be" | "Go" | "It" | "Is" | "Us" | "He" | "Me" | "My") {
                    return None;
                }
                let mut person = self.resolve_short_name(hits)?;
                // "Jordan's King Abdullah": a title after a state names that state's office
                // holder, never a same-named person of another state (Abdullah Abdullah).
                if let Some((country, role)) = self.titled_by_state(text, span, so_far) {
                    let pg = self.ents.gaz_index(person);
                    let serves = pg.is_some_and(|g| gaz.offices_of(g, None).any(|o| o.of == country));
                    let serves_as = pg.is_some_and(|g| gaz.offices_of(g, None).any(|o| o.of == country && (role.is_empty() || o.role.eq_ignore_ascii_case(&role))));
                    // The state's holder of that office on the date whose name has this word
                    // ("Saudi Arabia's King Salman" is the king, not the crown prince).
                    let holder = gaz.offices.iter().find(|o| {
                        o.of == country
                            && self.date.is_none_or(|d| o.held_on(d))
                            && (role.is_empty() || o.role.eq_ignore_ascii_case(&role))
                            && gaz.get(o.person).label.split_whitespace().any(|w| w == word)
                    });
                    match holder {
                        Some(o) if !serves_as => person = self.ents.known(o.person),
                        None if !serves => return None,
                        _ => {}
                    }
                } else if let Some(role) = title_ending_at(text, span.start) {
                    // "Sultan Ibrahim" is not Prime Minister Anwar Ibrahim: a state's top title
                    // right before a short name names someone who held that office.
                    let top = TITLES.roles.iter().any(|(r, head)| *head && r == role);
                    let offices: Vec<&super::gazetteer::Office> = self.ents.gaz_index(person).map(|g| gaz.offices_of(g, None).collect()).unwrap_or_default();
                    if top && !offices.is_empty() && !offices.iter().any(|o| same_role(&o.role, role.trim_end_matches("-elect"))) {
                        return None;
                    }
                }
                return Some(Mention {
                    span,
                    entities: vec![person],
                    kind: MentionKind::ShortName,
                    modifier: false,
                    stands_for: None,
                    agent: false,
                });
            }
            NameRole::Demonym | NameRole::Metonym => {
                // "the tycoon's \"White House\" villa": someone's building, not a seat of government.
                if first.role == NameRole::Metonym {
                    let before = text[..span.start].trim_end_matches(['"', '“', '‘', '\'']).trim_end();
                    if before.ends_with("'s") || before.ends_with("’s") {
                        return None;
                    }
                }
                // "pro-Russian", "anti-American": an attitude, not the state.
                let before = &text[..span.start];
                let tail = |n: usize| before.len().checked_sub(n).and_then(|i| before.get(i..)).is_some_and(|t| t.eq_ignore_ascii_case(if n == 4 { "pro-" } else { "anti-" }));
                if tail(4) || tail(5) {
                    return None;
                }
                let c = self.ents.known(first.entity);
                let kind = if first.role == NameRole::Demonym { MentionKind::Demonym } else { MentionKind::Metonym };
                // "Russian troops": the mention covers the agent noun too.
                let mut span = span;
                let mut agent = false;
                if kind == MentionKind::Demonym {
                    if let Some(end) = agent_noun_after(text, span.end) {
                        span.end = end;
                        agent = true;
                    } else if text[span.end..].strip_prefix(' ').is_some_and(|r| TITLES.automaton.find(aho_corasick::Input::new(r).anchored(aho_corasick::Anchored::Yes)).is_some()) {
                        // "the Iranian foreign minister": an unnamed official stands for the state.
                        agent = true;
                    }
                }
                return Some(Mention { span, entities: vec![c], kind, modifier: false, stands_for: None, agent });
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
        // A one-word name glued to an unknown capitalised word is part of another name
        // ("Michael Jordan", "Chad Smith", "George Washington", "Richard Wagner", "Georgia Tech").
        let e = gaz.get(choice);
        let one_word = !text[span.start..span.end].contains(' ');
        if one_word && e.etype != EntityType::Person {
            let known = |w: &str| gaz.find_names(w).iter().any(|(a, b, h)| *a == 0 && *b == w.len() && h.iter().any(|h| h.role != NameRole::ShortName));
            let before = text[..span.start].trim_end_matches(' ');
            let prev_word = before.rsplit(|c: char| !is_alphanumeric(c)).next().unwrap_or("");
            let glued_before = before.len() + 1 == span.start
                && is_capitalized(prev_word)
                && prev_word.chars().any(char::is_lowercase)
                && !NOT_NAME.contains(&prev_word)
                && !SENTENCE_OPENERS.contains(&prev_word)
                && !known(prev_word)
                && TITLES.automaton.find(prev_word).is_none_or(|m| m.len() != prev_word.len());
            let after = &text[span.end..];
            let next_word = after.strip_prefix(' ').map(|a| a.split(|c: char| !is_alphanumeric(c)).next().unwrap_or("")).unwrap_or("");
            let title_next = after.strip_prefix(' ').is_some_and(|r| TITLES.automaton.find(aho_corasick::Input::new(r).anchored(aho_corasick::Anchored::Yes)).is_some());
            let glued_after = is_capitalized(next_word)
                && !title_next
                && !text[span.start..span.end].contains('.')
                && next_word.chars().any(char::is_lowercase)
                && !NOT_NAME.contains(&next_word)
                && !known(next_word)
                // "Rio Grande do Sul": a short alias of a place glued to more of a name is not that place.
                && (e.etype == EntityType::Country || (e.etype.is_place() && text[span.start..span.end] != e.label))
                && TITLES.automaton.find(next_word).is_none_or(|m| m.len() != next_word.len());
            if glued_before || glued_after {
                return None;
            }
        }
        let i = self.ents.known(choice);
        let stands_for = gaz.capital_of(choice).map(|c| self.ents.known(c));
        Some(Mention { span, entities: vec![i], kind: MentionKind::Name, modifier: false, stands_for, agent: false })
    }

    /// The state named right before a title that ends at `span` ("Jordan's King ", "Jordanian
    /// King "), and the title's role ("" when it has none).
    fn titled_by_state(&mut self, text: &str, span: Span, so_far: &[Mention]) -> Option<(usize, String)> {
        let prev = so_far.iter().rev().find(|m| m.span.end <= span.start)?;
        let c = *prev.entities.first()?;
        if self.ents.get(c).etype != EntityType::Country {
            return None;
        }
        let gap = crate::text::gap(text, prev.span.end, span.start).replace('’', "'");
        let title = gap.strip_prefix("'s").unwrap_or(&gap).trim();
        if title.is_empty() {
            return None;
        }
        let m = TITLES.automaton.find(aho_corasick::Input::new(title).anchored(aho_corasick::Anchored::Yes))?;
        if m.end() != title.len() {
            return None;
        }
        let role = TITLES.roles.get(m.pattern().as_usize()).map(|(r, _)| r.clone()).unwrap_or_default();
        Some((self.ents.gaz_index(c)?, role))
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
        // Of several in office, a state's head of state or government is the one a bare name means.
        let heads: Vec<usize> = in_office
            .iter()
            .copied()
            .filter(|&g| {
                gaz.offices_of(g, self.date)
                    .any(|o| gaz.get(o.of).etype == EntityType::Country && TITLES.roles.iter().any(|(r, head)| *head && r.eq_ignore_ascii_case(&o.role)))
            })
            .collect();
        // "May", "Rice", "Young": a name that is also an ordinary word needs the office.
        let common = COMMON_WORD_NAMES.contains(&gaz.get(candidates[0]).label.rsplit(' ').next().unwrap_or(""));
        let pick = match (in_office.as_slice(), heads.as_slice(), candidates.as_slice()) {
            ([one], _, _) | (_, [one], _) => *one,
            ([], _, [one]) if !common => *one,
            _ => return None,
        };
        Some(self.ents.known(pick))
    }

    /// `found`: the sentence's title automaton matches (`TITLES.automaton.find_iter` of its text).
    fn titled_people(&mut self, text: &str, s: Span, si: usize, tokens: &[Token], found: &[AcMatch], out: &mut Vec<Mention>) {
        let stext = &text[s.start..s.end];
        let mut titles: Vec<(Span, String)> = found
            .iter()
            .filter_map(|m| {
                let before = stext[..m.start].chars().next_back();
                let role = &TITLES.roles[m.pattern].0;
                // "cabinet ministers A and B": a domestic title in the plural.
                let plural = stext[m.end..].starts_with('s') && (is_domestic_role(role) || TITLES.body.contains_key(role)) && !role.ends_with('s');
                let end = m.end + usize::from(plural);
                let after = stext[end..].chars().next();
                let ok = before.is_none_or(|c| !is_alphanumeric(c) && c != '-') && after.is_none_or(|c| !is_alphanumeric(c) && c != '-');
                ok.then(|| (Span::new(s.start + m.start, s.start + end), role.clone()))
            })
            .collect();
        // "minister of mines and energy", "Minister of Electricity": a ministry spelled out.
        let posts = post_words(&text[s.start..s.end]);
        titles.extend(minister_of(text, s, &posts));
        // "exercise representative Colonel X", "task force commander Y": posts only a qualifier
        // before them makes an office.
        let extra: Vec<(Span, String)> = extra_posts(text, s, &posts).into_iter().filter(|(sp, _)| !titles.iter().any(|(t, _)| t.start < sp.end && t.end > sp.start)).collect();
        titles.extend(extra);
        titles.sort_by_key(|(sp, _)| sp.start);
        let title_spans: Vec<Span> = titles.iter().map(|(sp, _)| *sp).collect();
        // For "served as TITLE" after the loop, which takes `titles`; most sentences have no " as ".
        let all_titles = if text[s.start..s.end].contains(" as ") { titles.clone() } else { Vec::new() };
        for (tspan, role) in titles {
            let title_text = &text[tspan.start..tspan.end];
            // "the General Assembly", "the Supreme Leader's office": a title word inside a named
            // organisation or place is part of that name.
            if out.iter().any(|m| m.span.start <= tspan.start && m.span.end >= tspan.end && m.span.end > tspan.end && m.entities.first().is_some_and(|&e| self.ents.get(e).etype != EntityType::Person)) {
                continue;
            }
            // "a senior fellow at X", "an expert at X": a post at an organisation, said only with it.
            if AFFILIATIONS.contains(&role.as_str()) {
                self.affiliation(text, s, si, tspan, &role, out);
                continue;
            }
            let mut possessor = self.possessor_before(text, tspan.start, out);
            // "Philippine exercise director X", "US Marines exercise representative X", "the
            // fisheries bureau spokesman X": lower-case nouns between the qualifier and the title
            // belong to the role as written; a government body among them makes the post domestic.
            let mods = if possessor.is_none() { modifier_words(text, s, tspan.start) } else { None };
            let mut via_mods = false;
            let mut service = "";
            if let Some((mstart, _)) = &mods {
                let at = skip_service(text, s, *mstart);
                service = crate::text::gap(text, at, *mstart).trim();
                possessor = self.possessor_before(text, at, out);
                // "US Marines", "the US Navy": the state's name glued to the service is no mention of its own.
                if possessor.is_none() && at != *mstart {
                    possessor = self.country_word_before(text, s, at);
                }
                via_mods = possessor.is_some();
            }
            let government_body = mods.as_ref().is_some_and(|(_, w)| w.split(' ').any(|x| GOVERNMENT_BODIES.contains(&x)));
            let written_role = match &mods {
                Some((_, w)) if via_mods || government_body => {
                    let t = if is_capitalized(title_text) { role.clone() } else { title_text.to_string() };
                    Some(if service.is_empty() || !via_mods { format!("{w} {t}") } else { format!("{service} {w} {t}") })
                }
                _ => None,
            };
            let title_start = match &mods {
                Some((mstart, _)) if written_role.is_some() || is_domestic_role(&role) => *mstart,
                _ => tspan.start,
            };
            let domestic = is_domestic_role(&role) || (government_body && !AFFILIATIONS.contains(&role.as_str()));
            // "Foreign Minister Sergey Lavrov", "White House spokeswoman Sarah Sanders": a title
            // followed by a name, capitalised or after a possessor.
            // An unqualified lower-case domestic title ("cabinet minister X", "deputy police chief
            // Y") names its holder too when the article has a state of its own.
            // (The name is a person's even when no state can be given: "cabinet ministers Jonathan
            // Moyo and ..." is not Goodluck Jonathan.)
            let lower_domestic = domestic && (!is_capitalized(title_text) || !is_capitalized(&role) || written_role.is_some());
            let named = |at: usize| !lower_domestic || is_capitalized(title_text) || possessor.is_some() || full_name_after(self.ents.gaz, text, at);
            // "former leader Ismail Haniyeh": a lower-case title before a known holder of it.
            let holder_after = || {
                let gaz = self.ents.gaz;
                let hits = text[tspan.end..s.end].starts_with(' ').then(|| gaz.name_at(text, tspan.end + 1)).flatten();
                hits.is_some_and(|hits| hits.iter().any(|h| h.role == NameRole::Name && gaz.offices_of(h.entity, None).any(|o| same_role(&o.role, &role))))
            };
            let person = if is_capitalized(title_text) || possessor.is_some() || (lower_domestic && named(tspan.end)) || holder_after() { self.person_after(text, tspan.end, tokens, out) } else { None };
            if let Some((person, pspan)) = person {
                // "a President Ramos would ...": a hypothetical holder, no office held.
                let article = text[s.start..skip_tenure(text, title_start).len().max(s.start)].rsplit(char::is_whitespace).next().is_some_and(|w| matches!(w, "a" | "an" | "A" | "An"));
                if article && is_capitalized(title_text) {
                    continue;
                }
                let plural = title_text.ends_with('s') && !role.ends_with('s');
                let mut holders = vec![(person, pspan)];
                // "cabinet ministers A and B", "Foreign Ministers A, B and C".
                if plural {
                    loop {
                        let end = holders.last().map_or(pspan.end, |h| h.1.end);
                        let rest = &text[end..s.end];
                        let skip = [", and ", " and ", ", "].iter().find(|c| rest.starts_with(*c)).map(|c| c.len() - 1);
                        let Some(k) = skip.filter(|&k| named(end + k)) else { break };
                        let Some(next) = self.person_after(text, end + k, tokens, out) else { break };
                        if holders.iter().any(|h| h.0 == next.0) {
                            break;
                        }
                        holders.push(next);
                    }
                }
                let full_role = written_role.clone().unwrap_or_else(|| self.role_with_body(text, tspan, &role, out));
                // "Likud lawmaker X", "SPD lawmaker Y": a party's legislator sits for the party's state.
                let possessor = match possessor {
                    Some(p) if LEGISLATORS.contains(&role.as_str()) && self.category(p) == Some("party") => self.ents.gaz_index(p).and_then(|g| self.ents.gaz.get(g).country).map(|c| self.ents.known(c)),
                    other => other,
                };
                // "Ukrainian and Polish Defense Ministers A and B": several states before a plural
                // title go to the holders in order, and only when there are as many of each.
                let owners = if plural { self.listed_owners(text, tspan.start, possessor, out) } else { Vec::new() };
                let several = owners.len() > 1;
                if several && owners.len() != holders.len() {
                    continue;
                }
                // A plural title's unknown holders share the article's state only when no other
                // holder is known to hold it for another state ("Foreign Ministers Lavrov and X").
                let known_states: Vec<usize> = if plural { holders.iter().filter_map(|&(p, _)| self.office_from_dictionary(p, &role)).collect() } else { Vec::new() };
                let n = holders.len();
                for (k, (person, pspan)) in holders.into_iter().enumerate() {
                    // A title of one body ("German MEP X") is that body's office whoever holds it.
                    let own = self.title_body(&role).or(if several { Some(owners[k]) } else { possessor });
                    let of = own.or_else(|| if k + 1 == n { self.of_after(text, pspan.end, out) } else { None });
                    let of = of.or_else(|| self.office_from_dictionary(person, &role));
                    let (of, confidence) = match of {
                        Some(of) => (Some(of), 0.9),
                        None => match self.described_owner(text, s, title_start, out) {
                            Some(place) => (Some(place), 0.8),
                            None if domestic => {
                                let d = self.default_office(text, s, title_start, &role, pspan, out);
                                (d.filter(|d| known_states.iter().all(|k| k == d)), 0.6)
                            }
                            None => (None, 0.6),
                        },
                    };
                    if let Some(of) = of {
                        // The second and later holders of a plural title: their own names, so that the
                        // names before them stay actors of their own.
                        let span = if k == 0 { Span::new(title_start.min(tspan.start), pspan.end) } else { pspan };
                        self.titles.push(TitleFact { person, role: full_role.clone(), of, span, sentence: si, confidence });
                    }
                }
                continue;
            }
            // "the group's spokesman, Ahmed Farouk,": a title, a comma, a name.
            let after = &text[tspan.end..s.end];
            if let Some(rest) = after.strip_prefix(", ") {
                // "spokesperson, Rear Admiral Jan Kowal": a rank before the name is not part of it.
                let mut at = s.end - rest.len() - 1;
                if let Some(rank) = title_spans.iter().find(|sp| {
                    let lead = crate::text::gap(text, at, sp.start);
                    sp.start > at && lead.split_whitespace().count() <= 1 && lead.split_whitespace().all(is_capitalized)
                }) {
                    at = rank.end;
                }
                if let Some((person, pspan)) = self.person_after(text, at, tokens, out) {
                    let of = possessor.or_else(|| self.of_after(text, tspan.end, out)).or_else(|| self.office_from_dictionary(person, &role));
                    if let Some(of) = of {
                        self.titles.push(TitleFact { person, role: role.clone(), of, span: Span::new(tspan.start, pspan.end), sentence: si, confidence: 0.9 });
                    }
                    continue;
                }
            }
            // "The head of Acme's engineering unit, Jane Roe,": a title with its body, a comma,
            // a name; the words after the owner's possessive are part of the role.
            // "the party's leader of the government in X, First Minister Y": the possessor's office.
            if let Some(phrase) = after.strip_prefix(" of ").and_then(|r| r.split_once(", ")).map(|(p, _)| p).filter(|p| p.split_whitespace().count() <= 8 && !p.contains([';', '"', '“', '”'])) {
                let comma = tspan.end + 4 + phrase.len();
                let owner = self.of_after(text, tspan.end, out).filter(|&o| matches!(self.ents.get(o).etype, EntityType::Organization | EntityType::Country));
                if let Some(of) = owner.or(possessor) {
                    // A title or rank before the name is not part of it.
                    let mut at = comma + 1;
                    if let Some(rank) = title_spans.iter().find(|sp| sp.start == comma + 2) {
                        at = rank.end;
                    }
                    if let Some((person, pspan)) = self.person_after(text, at, tokens, out) {
                        let body = phrase.split_once("'s ").or_else(|| phrase.split_once("’s ")).map(|(_, b)| b).filter(|b| b.chars().next().is_some_and(char::is_lowercase));
                        let role = match body {
                            Some(b) => format!("{role} of the {b}"),
                            None if owner.is_none() => format!("{} of {phrase}", title_text.to_lowercase()),
                            None => role.clone(),
                        };
                        self.titles.push(TitleFact { person, role, of, span: Span::new(tspan.start, pspan.end), sentence: si, confidence: 0.9 });
                        continue;
                    }
                }
            }
            // "Sergey Lavrov, Russia's foreign minister": an apposition after a person.
            // "was named the new leader of X": the title a person is given.
            let subject = self.named_to(text, s, tspan, out);
            if let Some(&person) = subject.first() {
                // "X, who doubles as deputy premier": the state of the person's other title here.
                let other = self.titles_of(si).iter().rev().find(|t| t.person == person && self.ents.get(t.of).etype == EntityType::Country).map(|t| t.of);
                let body = self.title_body(&role);
                // "were opposition lawmakers in the Irish parliament": a state office's state after "in".
                let of = body.or(possessor).or_else(|| self.of_after(text, tspan.end, out)).or(other);
                let of = of.or_else(|| if domestic { state_in_after(text, tspan.end, s, out, &self.ents) } else { None });
                if let Some(of) = of {
                    let pstart = out.iter().find(|m| m.entities.first() == Some(&person) && m.span.end <= tspan.start).map_or(tspan.start, |m| m.span.start);
                    let role = owner_body(text, tspan, s.end, of, out).unwrap_or_else(|| role.clone());
                    // "A and B were elected MEPs", "all three were lawmakers": every person of the subject.
                    let mut holders: Vec<(usize, usize)> = subject.iter().map(|&p| (p, pstart)).collect();
                    if text[tspan.start..tspan.end].ends_with('s') && subject.len() == 1 {
                        holders.extend(self.people_coordinated_before(text, s, pstart, out));
                    }
                    for (person, pstart) in holders {
                        self.titles.push(TitleFact { person, role: role.clone(), of, span: Span::new(pstart, tspan.end), sentence: si, confidence: 0.9 });
                    }
                }
                continue;
            }
            // "X, executive vice president of Y": lower-case words before the title are part of it.
            let from = title_start.min(tspan.start);
            let tenure_start = skip_tenure(text, from).len();
            let tenure_start = if tenure_start < from { tenure_start + 1 } else { from };
            let Some(possessor_start) = self.apposition_start(text, tenure_start, out) else { continue };
            let head = text[..possessor_start].trim_end();
            let (person, pstart) = if let Some(before) = head.strip_suffix(',') {
                let Some(found) = self.person_ending_at(text, s, before.trim_end().len(), out) else { continue };
                found
            } else if let Some(before) = head.strip_suffix(" and") {
                // "X, executive vice president of Y and a former U.S. ambassador": a second title
                // in the same apposition.
                let end = before.len();
                let same = self.titles_of(si).iter().rev().find(|t| {
                    let g = crate::text::gap(text, t.span.end, end);
                    t.span.end <= end && g.split_whitespace().count() <= 6 && !g.contains([',', ';', '.', '"', '“', '”'])
                });
                let Some(t) = same else { continue };
                (t.person, t.span.start)
            } else {
                continue;
            };
            // "the leader of X" with X unresolved: the owner is said, so the dictionary may not guess it.
            let owner_said = text[tspan.end..s.end].starts_with(" of ");
            let of = self.title_body(&role)
                .or(possessor)
                .or_else(|| self.of_after(text, tspan.end, out))
                .or_else(|| if owner_said { None } else { self.office_from_dictionary(person, &role) });
            if let Some(of) = of {
                let role = written_role.clone().unwrap_or_else(|| if from < tspan.start { text[from..tspan.end].to_string() } else { role.clone() });
                self.titles.push(TitleFact { person, role, of, span: Span::new(pstart, tspan.end), sentence: si, confidence: 0.9 });
            }
        }
        // "X, who heads the Y": a relative clause giving the office.
        self.who_heads(text, s, si, out);
        self.served_as(text, s, si, &all_titles, out);
        // One SIMD search for the words of the three rules below, which most sentences lack.
        let stext = &text[s.start..s.end];
        let rare: Vec<usize> = RARE_OFFICE_WORDS.find_iter(stext).map(|m| m.pattern().as_usize()).collect();
        if rare.contains(&0) {
            self.member_of(text, s, si, out);
        }
        if rare.iter().any(|&k| k == 1 || k == 2) {
            self.predecessor(text, s, si, out);
        }
        if rare.iter().any(|&k| k >= 3) {
            self.won_office(text, s, si, out);
        }
        // A title and a rank before one name ("Commandant Rear Admiral X of Chile") are one fact.
        // Facts come in sentence order, so this sentence's are the last ones: only they are
        // looked at, however long the document.
        let mut seen = std::collections::HashSet::new();
        let mut this_sentence = self.titles.split_off(self.titles.partition_point(|t| t.sentence < si));
        this_sentence.retain(|t| seen.insert((t.person, t.of, t.span.end)));
        self.titles.append(&mut this_sentence);
        // "France's Emmanuel Macron": a state's possessive before one of its office holders.
        let people: Vec<(usize, Span)> = out
            .iter()
            .filter(|m| m.entities.len() == 1 && self.ents.get(m.entities[0]).etype == EntityType::Person)
            .map(|m| (m.entities[0], m.span))
            .collect();
        for (person, pspan) in people {
            if self.titles_of(si).iter().any(|t| t.person == person) {
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
                self.titles.push(TitleFact { person, role, of: c, span: Span::new(start, pspan.end), sentence: si, confidence: 0.9 });
            }
        }
    }

    /// The state named by the one word before `at` ("US", "Philippine"), by name or demonym.
    fn country_word_before(&mut self, text: &str, s: Span, at: usize) -> Option<usize> {
        let head = text[s.start..at].trim_end();
        let w = head.rsplit(char::is_whitespace).next().unwrap_or("");
        let gaz = self.ents.gaz;
        let (_, _, hits) = gaz.find_names(w).into_iter().find(|&(a, b, _)| a == 0 && b == w.len())?;
        let h = hits.iter().find(|h| matches!(h.role, NameRole::Name | NameRole::Demonym) && gaz.get(h.entity).etype == EntityType::Country)?;
        Some(self.ents.known(h.entity))
    }

    /// The article's own state as the owner of an unqualified domestic title before a name
    /// ("Mayor X said", "cabinet minister Y"): only when nothing before the title may qualify it
    /// (an unknown name as in "Acme President X", a possessive, a company or party noun) and
    /// no owner follows the name ("Mayor X of Y").
    fn default_office(&mut self, text: &str, s: Span, title_start: usize, role: &str, pspan: Span, out: &[Mention]) -> Option<usize> {
        // The state of the other holders of this unqualified title in the text first ("Prime
        // Minister Modi" makes "Prime Minister Ram Kumar" India's), else the article's.
        let c = self.title_states.get(role).copied().or(self.doc_country);
        let gaz = self.ents.gaz;
        // An office only some states have ("Senator", "Secretary of State") goes to the article's
        // state if it has one, else to the outlet's own: an American outlet writes "the late Sen.
        // X" unqualified in a story from Hanoi.
        let c = match TITLES.only_in.get(role) {
            Some(states) => {
                let has = |c: &usize| gaz.get(*c).iso3.as_deref().is_some_and(|iso| states.iter().any(|s| s == iso));
                c.filter(has).or(self.outlet_country.filter(has))?
            }
            None => c?,
        };
        // A state's top offices are known: no "Prime Minister" for the United States, no
        // "President" for the United Kingdom. A foreign leader left unqualified gets nothing.
        let top = TITLES.roles.iter().any(|(r, head)| *head && r == role) || matches!(role, "Vice President" | "Vice-President" | "Deputy Prime Minister" | "Deputy Premier");
        let base = role.trim_end_matches("-elect").trim_end_matches("-designate");
        if top && !gaz.offices.iter().any(|o| o.of == c && o.role.eq_ignore_ascii_case(base)) {
            return None;
        }
        // Nor a top office the dictionary gives someone else on the article date: an unknown
        // "President X" in a Seoul business story is a company's president. (The text's own
        // usage, "Prime Minister Modi" before "Prime Minister Kumar", still counts.)
        if top && !self.title_states.contains_key(role) {
            let date = self.date?;
            if base == role && gaz.offices.iter().any(|o| o.of == c && o.role.eq_ignore_ascii_case(base) && o.held_on(date)) {
                return None;
            }
        }
        let head_end = skip_tenure(text, title_start).len().max(s.start);
        let head = &text[s.start..head_end];
        // "In Moscow, Foreign Minister X said": the scene set in another state right before.
        let scene = out.iter().filter(|m| m.span.start >= s.start && m.span.end <= head_end && m.entities.len() == 1).max_by_key(|m| m.span.end).map(|m| (m.span, m.entities[0]));
        if let Some((span, e)) = scene {
            let prep = text[s.start..span.start].trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
            let other = self.ents.country_of(e).is_some_and(|x| self.ents.gaz_index(x) != Some(c));
            if other && matches!(prep.to_lowercase().as_str(), "in" | "from" | "at" | "to") {
                return None;
            }
        }
        if out.iter().any(|m| m.span.end == head_end && m.span.start >= s.start) {
            return None;
        }
        let prev = head.rsplit(char::is_whitespace).next().unwrap_or("");
        if prev.ends_with("'s") || prev.ends_with("’s") || prev.ends_with('\'') || prev.ends_with('’') {
            return None;
        }
        let word = prev.trim_matches(|c: char| !is_alphanumeric(c));
        if word.len() == prev.len() && !word.is_empty() {
            if is_capitalized(word) && !NOT_NAME.contains(&word) && !SENTENCE_OPENERS.contains(&word) && !matches!(word, "Another" | "Also" | "Said") {
                return None;
            }
            if NON_STATE_HEADS.contains(&word.to_lowercase().as_str()) {
                return None;
            }
        }
        let after = text[pspan.end..s.end].trim_start();
        if after.starts_with("of ") || after.starts_with("at ") {
            return None;
        }
        Some(self.ents.known(c))
    }

    /// "Karim Haddad told the AP", “...,” said Maria Lopez: an unknown name of two to four
    /// capitalised words that tells, or that a quote is attributed to, is a person's, unless a
    /// word of it names an institution ("Human Rights Watch") or a title.
    fn speakers(&mut self, text: &str, tokens: &[Token], out: &mut Vec<Mention>) {
        let mut found = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            // Speech verbs are four to five letters long.
            if !(4..=5).contains(&(t.span.end - t.span.start)) {
                continue;
            }
            let w = token_text(text, t);
            if !matches!(w, "said" | "says" | "told" | "added") {
                continue;
            }
            // Companies and agencies say things too; a quote's attribution and "told" are a person's.
            let after_quote = |at: usize| text[..at].trim_end().ends_with(['”', '"']);
            if let Some(span) = name_run_before(text, tokens, i, out).filter(|sp| w == "told" || after_quote(sp.start)) {
                found.push(span);
            }
            // “...,” said X, (not "said Israel would ...": a dictionary name is covered).
            if w == "said" && after_quote(t.span.start) {
                if let Some((span, next, _)) = name_run(text, tokens, i + 1, out) {
                    let after = tokens.get(next).map_or("", |t| token_text(text, t));
                    if next >= tokens.len() || matches!(after, "," | "." | ";") {
                        found.push(span);
                    }
                }
            }
        }
        self.add_unknown_people(text, found, 4, out);
    }

    /// New people from unknown names of two to `most` capitalised words, unless a word of one
    /// names a body ("Human Rights Watch") or a title, or it overlaps a mention.
    fn add_unknown_people(&mut self, text: &str, found: Vec<Span>, most: usize, out: &mut Vec<Mention>) {
        let mut sort = false;
        for span in found {
            let name = &text[span.start..span.end];
            let words: Vec<&str> = name.split_whitespace().collect();
            let capitalised = words.iter().filter(|w| is_capitalized(w)).count();
            if !(2..=most).contains(&capitalised) || is_covered(out, span) {
                continue;
            }
            if words.iter().any(|w| INSTITUTION_WORDS.contains(w) || SENTENCE_OPENERS.contains(w) || NOT_NAME.contains(w)) || TITLES.automaton.find(name).is_some() {
                continue;
            }
            let person = self.ents.new_person(name);
            out.push(Mention { span, entities: vec![person], kind: MentionKind::TitledPerson, modifier: false, stands_for: None, agent: false });
            sort = true;
        }
        if sort {
            out.sort_by_key(|m| m.span.start);
        }
    }

    /// "socialists Mick Wallace and Clare Daly", "Clare Daly and Mick Wallace": an unknown name of
    /// two or three capitalised words joined by "and" to a person's is a person's too.
    fn coordinated_people(&mut self, text: &str, tokens: &[Token], out: &mut Vec<Mention>) {
        let mut found = Vec::new();
        for m in out.iter() {
            if m.entities.len() != 1 || self.ents.get(m.entities[0]).etype != EntityType::Person {
                continue;
            }
            // "PERSON and NAME": the name's first token is two tokens after the person's last.
            if text[m.span.end..].starts_with(" and ") {
                let i = tokens.partition_point(|t| t.span.start < m.span.end + 5);
                if let Some((span, _, words)) = name_run(text, tokens, i, out) {
                    if (2..=3).contains(&words) && text[span.end..].chars().next().is_none_or(|c| c != '\'' && c != '’') {
                        found.push(span);
                    }
                }
            }
            // "NAME and PERSON". A capitalised word opening the sentence before a longer name is
            // no part of it ("Economists Mark Tan and ...").
            if text[..m.span.start].ends_with(" and ") {
                let i = tokens.partition_point(|t| t.span.start < m.span.start - 4);
                if let Some(mut span) = name_run_before(text, tokens, i, out) {
                    let name = &text[span.start..span.end];
                    if tokens.first().is_some_and(|t| t.span.start == span.start) && name.split(' ').count() >= 3 {
                        span.start += name.find(' ').unwrap_or(0) + 1;
                    }
                    found.push(span);
                }
            }
        }
        self.add_unknown_people(text, found, 3, out);
    }

    /// "X, who has spent six years as an opposition lawmaker in Ireland's parliament", "Y served
    /// as foreign minister of Norway": a state office held, said with "as" after a verb of tenure
    /// whose subject is the person, with the state right after the title.
    fn served_as(&mut self, text: &str, s: Span, si: usize, titles: &[(Span, String)], out: &mut Vec<Mention>) {
        for (tspan, role) in titles {
            if !is_domestic_role(role) {
                continue;
            }
            let head = &text[s.start..tspan.start];
            let Some(as_at) = head.rfind(" as ") else { continue };
            // Only an article and adjectives between "as" and the title: not "as an aide to a lawmaker".
            let between: Vec<&str> = head[as_at + 4..].split_whitespace().collect();
            if between.len() > 4 || between.iter().any(|w| !w.chars().all(|c| c.is_lowercase() || c == '-') || NOT_MODIFIERS.contains(w)) {
                continue;
            }
            let before: Vec<&str> = head[..as_at].split_whitespace().collect();
            let Some(k) = before.iter().rposition(|w| TENURE_VERBS.contains(w)) else { continue };
            // The verb's subject: the person right before it, or before "who" with an apposition between.
            let mut j = k;
            while j > 0 && matches!(before[j - 1], "has" | "had" | "have" | "was" | "were" | "been" | "also" | "once" | "previously" | "later") {
                j -= 1;
            }
            if j > 0 && matches!(before[j - 1], "who" | "who’s" | "who's") {
                j -= 1;
            }
            let subject_end = s.start + before[..j].iter().map(|w| w.len() + 1).sum::<usize>();
            let subject_end = text[..subject_end].trim_end().trim_end_matches(',').len();
            // The nearest person before the subject's end, with at most an apposition after it
            // ("X, a former mayor of Y, who ..."), or a new person named right there.
            let nearest = out.iter().rev().find(|m| m.span.end <= subject_end && m.span.start >= s.start && m.entities.len() == 1 && self.ents.get(m.entities[0]).etype == EntityType::Person).map(|m| (m.entities[0], m.span));
            let (person, pstart) = match nearest {
                Some((p, pspan)) if pspan.end == subject_end => (p, pspan.start),
                Some((p, pspan)) if j < k && pspan.end < subject_end => {
                    let gap = crate::text::gap(text, pspan.end, subject_end);
                    if gap.split_whitespace().count() > 14 || !gap.starts_with(", ") || gap.contains(['.', ';']) {
                        continue;
                    }
                    (p, pspan.start)
                }
                _ => match self.person_ending_at(text, s, subject_end, out) {
                    Some(found) => found,
                    None => continue,
                },
            };
            // The state after the title, else (nothing naming another owner there) the article's own.
            let owner_at = [" in the ", " of the ", " for the ", " in ", " of ", " for "].iter().find_map(|p| text[tspan.end..s.end].starts_with(p).then(|| tspan.end + p.len()));
            let said = owner_at.and_then(|at| out.iter().find(|m| m.span.start == at && m.entities.len() == 1 && self.ents.get(m.entities[0]).etype == EntityType::Country).map(|m| m.entities[0]));
            let (of, confidence) = match (said, owner_at, self.doc_country) {
                (Some(of), _, _) => (of, 0.8),
                // A known person's own office; a state's top office only then.
                (None, None, _) if self.ents.gaz_index(person).is_some() => match self.office_from_dictionary(person, role) {
                    Some(of) => (of, 0.8),
                    None => continue,
                },
                (None, None, Some(c)) if !TITLES.roles.iter().any(|(r, head)| *head && r == role) => (self.ents.known(c), 0.6),
                _ => continue,
            };
            // Another office of the same state is another fact ("former security chief X, who was
            // ousted as vice-president").
            if !self.titles_of(si).iter().any(|t| t.person == person && t.of == of && same_role(&t.role, role)) {
                self.titles.push(TitleFact { person, role: role.clone(), of, span: Span::new(pstart, tspan.end), sentence: si, confidence });
            }
        }
    }

    /// "the party's leader in neighbouring Northern Ireland, First Minister X": a definite
    /// description of an office holder right before an unqualified title names the place whose
    /// office it is. Not a scene ("After talks in Beijing, Foreign Minister X said").
    fn described_owner(&self, text: &str, s: Span, title_start: usize, out: &[Mention]) -> Option<usize> {
        let head = text[s.start..title_start].trim_end().strip_suffix(',')?;
        let end = s.start + head.len();
        let m = out.iter().find(|m| m.span.end == end && m.entities.len() == 1)?;
        let place = m.entities[0];
        if !matches!(self.ents.get(place).etype, EntityType::Country | EntityType::Region | EntityType::City) {
            return None;
        }
        let mut before: Vec<&str> = text[s.start..m.span.start].split_whitespace().collect();
        // "in neighbouring X", "of the northern X".
        if before.last().is_some_and(|w| w.chars().all(|c| c.is_lowercase()) && !matches!(*w, "in" | "of")) {
            before.pop();
        }
        if before.last() == Some(&"the") {
            before.pop();
        }
        if !matches!(before.pop(), Some("in" | "of")) {
            return None;
        }
        // The description since the last clause boundary: a definite noun phrase about a holder.
        let from = before.iter().rposition(|w| w.ends_with([',', ';']) || matches!(*w, "and" | "but" | "—" | "–")).map_or(0, |i| i + 1);
        let description = &before[from..];
        let definite = description.first().is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "its" | "their" | "his" | "her") || w.ends_with("'s") || w.ends_with("’s"));
        let holder = description.iter().any(|w| HOLDER_NOUNS.contains(&w.trim_end_matches("'s").trim_end_matches("’s")));
        (definite && holder).then_some(place)
    }

    /// "X, the finance member of the Eastern Cape's executive council", "Y, a member of Kenya's
    /// parliament": membership of a body of a state or region, in an apposition after a person.
    fn member_of(&mut self, text: &str, s: Span, si: usize, out: &mut Vec<Mention>) {
        let stext = &text[s.start..s.end];
        let found: Vec<usize> = stext.match_indices(" member of ").map(|(i, _)| s.start + i).collect();
        for at in found {
            let head = &text[s.start..at + 1];
            let Some(open) = [", the ", ", a ", ", an "].iter().filter_map(|p| head.rfind(p)).max() else { continue };
            if head[open..].split_whitespace().count() > 12 {
                continue;
            }
            let mut oat = at + " member of ".len();
            let the = text[oat..s.end].starts_with("the ");
            if the {
                oat += 4;
            }
            let Some((owner, mspan)) = out.iter().find(|m| m.span.start == oat && m.entities.len() == 1).map(|m| (m.entities[0], m.span)) else { continue };
            if !matches!(self.ents.get(owner).etype, EntityType::Country | EntityType::Region | EntityType::City) {
                continue;
            }
            let after = &text[mspan.end..s.end];
            let Some(body) = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s ")) else { continue };
            let words: Vec<&str> = body.split(|c: char| !(c.is_alphabetic() || c == '-' || c == ' ')).next().unwrap_or("").split_whitespace().take_while(|w| w.chars().all(|c| c.is_lowercase() || c == '-')).take(3).collect();
            if !words.last().is_some_and(|w| MEMBER_BODIES.contains(w)) {
                continue;
            }
            let Some((person, pstart)) = self.person_ending_at(text, s, s.start + open, out) else { continue };
            // The role as written: "member of the executive council", "member of parliament".
            let role = format!("member of {}{}", if the { "the " } else { "" }, words.join(" "));
            self.titles.push(TitleFact { person, role, of: owner, span: Span::new(pstart, mspan.end), sentence: si, confidence: 0.8 });
        }
    }

    /// "Mary Robinson's trailblazing win in 1990", "X's election in 2019": the office the
    /// dictionary gives the person from that year on (or from January after it, an
    /// inauguration).
    fn won_office(&mut self, text: &str, s: Span, si: usize, out: &[Mention]) {
        let mut found = Vec::new();
        for m in out.iter().filter(|m| m.entities.len() == 1 && self.ents.get(m.entities[0]).etype == EntityType::Person) {
            let after = &text[m.span.end..s.end];
            let Some(rest) = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s ")) else { continue };
            let words: Vec<&str> = rest.split_whitespace().take(8).map(|w| w.trim_end_matches([',', '.', ';', ':'])).collect();
            let Some(k) = words.iter().take(3).position(|w| WIN_NOUNS.contains(w)) else { continue };
            if !words[..k].iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-')) {
                continue;
            }
            let year = words[k + 1..].windows(2).take(3).find(|p| p[0] == "in" && p[1].len() == 4 && p[1].bytes().all(|b| b.is_ascii_digit())).map(|p| p[1]);
            if let Some(year) = year.and_then(|y| y.parse::<u32>().ok()) {
                found.push((m.entities[0], m.span, year));
            }
        }
        for (person, span, year) in found {
            let Some(g) = self.ents.gaz_index(person) else { continue };
            let gaz = self.ents.gaz;
            let from = |o: &&super::gazetteer::Office| {
                let start = o.start.as_deref().unwrap_or("");
                let y: u32 = start.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
                y == year || (y == year + 1 && start.get(5..7) == Some("01"))
            };
            if let Some(office) = gaz.offices_of(g, None).find(from) {
                self.push_dictionary_office(person, office, span, si);
            }
        }
    }

    /// A person's office from the dictionary as a title fact of sentence `si` (confidence 0.6:
    /// the text implies it), unless the sentence already gives the person an office of that owner.
    fn push_dictionary_office(&mut self, person: usize, office: &super::gazetteer::Office, span: Span, si: usize) {
        let of = self.ents.known(office.of);
        if !self.titles_of(si).iter().any(|t| t.person == person && t.of == of) {
            self.titles.push(TitleFact { person, role: office.role.clone(), of, span, sentence: si, confidence: 0.6 });
        }
    }

    /// "X will succeed Y", "replaced Y", "Y's successor": Y holds, on the article's date, the
    /// office the dictionary gives them, and the sentence says so.
    fn predecessor(&mut self, text: &str, s: Span, si: usize, out: &[Mention]) {
        let Some(date) = self.date else { return };
        let stext = &text[s.start..s.end];
        let is_person = |m: &Mention, ents: &DocEntities| m.entities.len() == 1 && ents.get(m.entities[0]).etype == EntityType::Person;
        let mut found = Vec::new();
        for cue in SUCCESSION {
            for (i, _) in stext.match_indices(cue) {
                let at = s.start + i + cue.len();
                // The first person after the cue, with at most a short apposition before the name.
                let Some(m) = out.iter().find(|m| m.span.start >= at && m.span.start < s.end && is_person(m, &self.ents)) else { continue };
                let gap = crate::text::gap(text, at, m.span.start);
                // "will replace the old bridge, X said": the speaker, not the one replaced.
                let speaker = crate::text::speech_follows(text, m.span.end);
                if gap.split_whitespace().count() <= 4 && !gap.contains(['.', ';', ':']) && !speaker {
                    found.push((m.entities[0], Span::new(s.start + i + 1, m.span.end), succeeded_as(&text[m.span.end..s.end])));
                }
            }
        }
        // "Y's successor".
        for m in out.iter().filter(|m| is_person(m, &self.ents)) {
            let after = &text[m.span.end..s.end];
            if let Some(rest) = after.strip_prefix("'s successor").or_else(|| after.strip_prefix("’s successor")) {
                found.push((m.entities[0], m.span, succeeded_as(rest)));
            }
        }
        for (person, span, role) in found {
            let Some(g) = self.ents.gaz_index(person) else { continue };
            let gaz = self.ents.gaz;
            // "succeed X as chair of the bloc": only the office said, if the dictionary has it.
            let said = |o: &&super::gazetteer::Office| role.as_deref().is_none_or(|r| same_role(&o.role, r));
            if let Some(office) = gaz.offices_of(g, Some(date)).find(said) {
                self.push_dictionary_office(person, office, span, si);
            }
        }
    }

    /// The person named right before an apposition's comma: a person mention ending at `end`,
    /// or else a new person from the capitalised words there. Returns the person and where the
    /// name starts.
    fn person_ending_at(&mut self, text: &str, s: Span, end: usize, out: &mut Vec<Mention>) -> Option<(usize, usize)> {
        let known = out
            .iter()
            .rev()
            .find(|m| m.span.end == end && m.entities.len() == 1 && self.ents.get(m.entities[0]).etype == EntityType::Person)
            .map(|m| (m.entities[0], m.span.start));
        known.or_else(|| self.person_before(text, s, end, out))
    }

    /// "Mark Weston, a senior fellow at the Lowy Institute": an apposition after a person whose
    /// title holds only with the organisation after it.
    fn affiliation(&mut self, text: &str, s: Span, si: usize, tspan: Span, role: &str, out: &mut Vec<Mention>) {
        let head = text[s.start..tspan.start].trim_end();
        let head = head.strip_suffix("senior").or_else(|| head.strip_suffix("leading")).or_else(|| head.strip_suffix("independent")).unwrap_or(head).trim_end();
        let head = ["a", "an", "the"].iter().find_map(|d| head.strip_suffix(d).filter(|h| h.ends_with(' '))).unwrap_or(head).trim_end();
        let Some(before) = head.strip_suffix(',') else { return };
        let before_end = s.start + before.trim_end().len();
        let Some(of) = self.of_after(text, tspan.end, out).filter(|&o| self.ents.get(o).etype == EntityType::Organization).or_else(|| self.described_body_at(text, s, tspan.end, out)) else { return };
        if self.ents.get(of).etype != EntityType::Organization {
            return;
        }
        let Some((person, pstart)) = self.person_ending_at(text, s, before_end, out) else { return };
        self.titles.push(TitleFact { person, role: role.to_string(), of, span: Span::new(pstart, tspan.end), sentence: si, confidence: 0.9 });
    }

    /// "an expert on the conflict at U.K. think-tank Chatham House": the body after " at " a few
    /// words on, past a state and a word saying what kind of body it is.
    fn described_body_at(&mut self, text: &str, s: Span, end: usize, out: &mut Vec<Mention>) -> Option<usize> {
        let rest = &text[end..s.end];
        let at = rest.find(" at ")?;
        if rest[..at].contains([',', ';', '"', '“', '”']) || rest[..at].split_whitespace().count() > 6 {
            return None;
        }
        let mut pos = end + at + 4;
        if text[pos..s.end].starts_with("the ") {
            pos += 4;
        }
        if let Some(m) = out.iter().find(|m| m.span.start == pos && m.entities.first().is_some_and(|&e| self.ents.get(e).etype == EntityType::Country)) {
            pos = m.span.end + 1;
        }
        let kind = BODY_KINDS.iter().find(|k| text[pos.min(s.end)..s.end].starts_with(*k));
        pos += kind.map_or(0, |k| k.len());
        if let Some(m) = out.iter().find(|m| m.span.start == pos && m.entities.len() == 1) {
            let e = m.entities[0];
            return (self.ents.get(e).etype == EntityType::Organization).then_some(e);
        }
        // An unknown name: after a kind of body, its capitalised words (with "und", "of" ...
        // between them); else a name that says it is a body ("University of Tehran").
        let span = match kind {
            Some(_) => {
                let words: Vec<&str> = text[pos..s.end].split(' ').collect();
                let clean = |w: &str| w.trim_end_matches([',', '.', ';', ':']).to_string();
                let mut n = 0;
                let mut end = pos;
                let mut at = pos;
                for (k, w) in words.iter().enumerate().take(8) {
                    let c = clean(w);
                    let joins = NAME_JOINERS.contains(&c.as_str()) && words.get(k + 1).is_some_and(|next| is_name_word(&clean(next)));
                    if is_name_word(&c) {
                        n += 1;
                        end = at + c.len();
                    } else if !(n > 0 && joins) {
                        break;
                    }
                    if c.len() != w.len() {
                        break;
                    }
                    at += w.len() + 1;
                }
                (n > 0).then(|| Span::new(pos, end))?
            }
            None => org_name_at(text, pos).filter(|sp| sp.end <= s.end)?,
        };
        // Names inside the body's name are part of it ("Tehran" in "University of Tehran").
        if out.iter().any(|m| m.span.start < span.end && m.span.end > span.start && !(m.span.start >= span.start && m.span.end <= span.end)) {
            return None;
        }
        out.retain(|m| !(m.span.start >= span.start && m.span.end <= span.end));
        let o = self.ents.new_org(&text[span.start..span.end])?;
        out.push(Mention { span, entities: vec![o], kind: MentionKind::Name, modifier: false, stands_for: None, agent: false });
        Some(o)
    }

    /// "X was named the new leader of Y", "X was elected chairman of Y": the person given the
    /// title, the subject of a verb of appointment right before it.
    fn named_to(&mut self, text: &str, s: Span, tspan: Span, out: &mut Vec<Mention>) -> Vec<usize> {
        let mut head = text[s.start..tspan.start].trim_end();
        for _ in 0..3 {
            let w = head.rsplit(' ').next().unwrap_or("");
            // Determiners, tenure words and adjectives ("were opposition lawmakers"), not the verb.
            let adjective = w.len() > 2 && w.chars().all(|c| c.is_lowercase() || c == '-') && !APPOINTED.iter().any(|v| v.ends_with(w)) && !NOT_MODIFIERS.contains(&w);
            if matches!(w, "the" | "a" | "an" | "new" | "next" | "its" | "their") || TENURE_WORDS.contains(&w) || adjective {
                head = head[..head.len() - w.len()].trim_end();
            }
        }
        let Some(verb) = APPOINTED.iter().find(|v| head.ends_with(*v) && (v.starts_with(',') || head[..head.len() - v.len()].ends_with(' '))) else { return Vec::new() };
        let mut subj = head[..head.len() - verb.len()].trim_end();
        // "A and B subsequently were elected": an adverb between the subject and the verb.
        if let Some(w) = subj.rsplit(' ').next().filter(|w| w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_lowercase())) {
            subj = subj[..subj.len() - w.len()].trim_end();
        }
        let end = s.start + subj.len();
        if let Some(m) = out.iter().find(|m| m.span.end == end && !m.entities.is_empty()) {
            // One person, or a group of people ("all three were lawmakers").
            let people = m.entities.iter().all(|&e| self.ents.get(e).etype == EntityType::Person);
            return if people && (m.entities.len() == 1 || m.kind == MentionKind::Group) { m.entities.clone() } else { Vec::new() };
        }
        self.person_before(text, s, end, out).map(|(p, _)| p).into_iter().collect()
    }

    /// The organisation whose office a role is, when the title says it ("MEP").
    fn title_body(&mut self, role: &str) -> Option<usize> {
        let id = TITLES.body.get(role)?;
        let g = self.ents.gaz.by_id(id)?;
        Some(self.ents.known(g))
    }

    /// "Clare Byrne and Tom Walsh were elected": the people listed before the last one, who
    /// starts at `start` ("A, B and C").
    fn people_coordinated_before(&self, text: &str, s: Span, start: usize, out: &[Mention]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut at = start;
        loop {
            let head = &text[s.start..at];
            let Some(h) = head.strip_suffix(" and ").or_else(|| head.strip_suffix(", and ")).or_else(|| head.strip_suffix(", ")) else { break };
            let end = s.start + h.len();
            let Some(m) = out.iter().find(|m| m.span.end == end && m.entities.len() == 1 && self.ents.get(m.entities[0]).etype == EntityType::Person) else { break };
            found.push((m.entities[0], m.span.start));
            at = m.span.start;
        }
        found
    }

    /// "Mykola Petrenko, who heads the Kyiv regional administration": the person heads the body.
    fn who_heads(&mut self, text: &str, s: Span, si: usize, out: &mut Vec<Mention>) {
        let stext = &text[s.start..s.end];
        // Every clause in HEADS starts with ", who ": one search for that spares the six
        // searches in the many sentences without it.
        if !stext.contains(HEADS_PREFIX) {
            return;
        }
        for (verb, role) in HEADS {
            let Some(i) = stext.find(verb) else { continue };
            let end = s.start + i;
            let known = out
                .iter()
                .find(|m| m.span.end == end && m.entities.len() == 1 && self.ents.get(m.entities[0]).etype == EntityType::Person)
                .map(|m| (m.entities[0], m.span));
            let Some((person, pspan)) = known.or_else(|| self.person_before(text, s, end, out).map(|(p, st)| (p, Span::new(st, end)))) else { continue };
            let at = pspan.end + verb.len();
            let rest2 = &text[at..s.end];
            let at = at + if rest2.starts_with("the ") { 4 } else { 0 };
            let of = match out.iter().find(|m| m.span.start == at) {
                Some(m) => m.entities.first().copied().filter(|&e| matches!(self.ents.get(e).etype, EntityType::Country | EntityType::Organization)),
                None => match org_name_at(text, at).filter(|sp| sp.end <= s.end && !is_covered(out, *sp)) {
                    Some(sp) => {
                        let e = self.ents.new_org(&text[sp.start..sp.end]);
                        if let Some(e) = e {
                            out.push(Mention { span: sp, entities: vec![e], kind: MentionKind::Name, modifier: false, stands_for: None, agent: false });
                        }
                        e
                    }
                    // "who heads the regional administration": the region the sentence named before.
                    None => {
                        let rest = &text[at..s.end];
                        let kind = if ["regional administration", "regional government", "provincial administration", "provincial government", "oblast administration"].iter().any(|b| rest.starts_with(b)) {
                            Some(EntityType::Region)
                        } else if ["city administration", "city government", "city council", "municipal government"].iter().any(|b| rest.starts_with(b)) {
                            Some(EntityType::City)
                        } else {
                            None
                        };
                        let found: Vec<usize> = out
                            .iter()
                            .filter(|m| m.span.end <= pspan.start && m.span.start >= s.start)
                            .filter_map(|m| m.entities.first().copied())
                            .filter(|&e| Some(self.ents.get(e).etype) == kind)
                            .collect();
                        // Only when the sentence names one such place.
                        match found.as_slice() {
                            [e, rest @ ..] if rest.iter().all(|r| r == e) => Some(*e),
                            _ => None,
                        }
                    }
                },
            };
            let Some(of) = of else { continue };
            if self.titles_of(si).iter().any(|t| t.person == person && t.of == of) {
                continue;
            }
            // "head of the regional administration": the body stays in the role.
            let body = ["regional administration", "regional government", "provincial administration", "provincial government", "oblast administration", "city administration", "city government", "city council", "municipal government"]
                .iter()
                .find(|b| text[at..s.end].starts_with(**b));
            let role = match body {
                Some(b) if matches!(self.ents.get(of).etype, EntityType::Region | EntityType::City) => format!("{role} of the {b}"),
                _ => role.to_string(),
            };
            self.titles.push(TitleFact { person, role, of, span: Span::new(pspan.start, at), sentence: si, confidence: 0.9 });
        }
    }

    /// A government body standing before a title names it: "White House spokeswoman".
    fn role_with_body(&self, text: &str, tspan: Span, role: &str, out: &[Mention]) -> String {
        let base = role.to_string();
        let head = text[..tspan.start].trim_end();
        match out.iter().find(|m| m.span.end == head.len() && m.kind == MentionKind::Metonym) {
            Some(m) => format!("{} {}", &text[m.span.start..m.span.end], base),
            None => base,
        }
    }

    /// A run of two to four capitalised words ending at `end`: an unknown person named before
    /// an apposition ("Ana Petrova, Bulgaria's foreign minister").
    fn person_before(&mut self, text: &str, s: Span, end: usize, out: &mut Vec<Mention>) -> Option<(usize, usize)> {
        let head = crate::text::gap(text, s.start, end);
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
        let name = &text[span.start..span.end];
        // "Abu Amer" after "Sadeq Abu Amer": the end of a full name the text gave before.
        let earlier = self.last_person.iter().rev().copied().find(|&p| {
            let label = &self.ents.get(p).label;
            label.len() > name.len() && label.ends_with(name) && label[..label.len() - name.len()].ends_with(' ')
        });
        let (person, kind) = match earlier {
            Some(p) => (p, MentionKind::ShortName),
            None => (self.ents.new_person(name), MentionKind::TitledPerson),
        };
        out.push(Mention { span, entities: vec![person], kind, modifier: false, stands_for: None, agent: false });
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
        // "a former U.S. ambassador": tenure words before the possessor too.
        let head = skip_tenure(text, start);
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
        let head = skip_tenure(text, title_start);
        let title_start = head.len();
        let possessive = head.strip_suffix("'s").or_else(|| head.strip_suffix("’s"));
        let head = possessive.unwrap_or(head);
        let Some(m) = out.iter().rev().find(|m| m.span.end == head.len() || (m.span.start < title_start && m.span.end > title_start && m.kind == MentionKind::Demonym)) else {
            // "the Islamist movement's spokesman": a definite description of an organisation
            // named earlier stands for the one named last.
            possessive?;
            let words: Vec<&str> = head.rsplit(char::is_whitespace).take(4).collect();
            let noun = *words.first()?;
            if !ORG_ANAPHORS.contains(&noun) && !STATE_BODIES.contains(&noun) {
                return None;
            }
            // "the" and at most two adjectives before the noun ("the Islamist movement's").
            let det = words.iter().skip(1).position(|w| matches!(*w, "the" | "The"))? + 1;
            if !words[1..det].iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-')) {
                return None;
            }
            // "the ministry's spokesman": the state whose ministry the text named last.
            if STATE_BODIES.contains(&noun) {
                return self.last_body.get(noun).copied();
            }
            return self.org_for_anaphor(noun);
        };
        let e = *m.entities.first()?;
        match self.ents.get(e).etype {
            EntityType::Country | EntityType::Organization => Some(e),
            EntityType::City | EntityType::Region => m.stands_for.or(Some(e)),
            EntityType::Person => None,
        }
    }

    /// The states listed before a title, ending with its possessor: "Ukrainian and Polish"
    /// gives [Ukraine, Poland]; one possessor gives just it.
    fn listed_owners(&self, text: &str, title_start: usize, possessor: Option<usize>, out: &[Mention]) -> Vec<usize> {
        let Some(p) = possessor else { return Vec::new() };
        let Some(mut k) = out.iter().rposition(|m| m.span.end <= title_start && m.entities.first() == Some(&p)) else { return vec![p] };
        let mut owners = vec![p];
        while k > 0 {
            let (prev, cur) = (&out[k - 1], &out[k]);
            let joined = matches!(crate::text::gap(text, prev.span.end, cur.span.start).trim(), "and" | "," | ", and");
            let Some(&e) = prev.entities.first().filter(|&&e| joined && matches!(self.ents.get(e).etype, EntityType::Country | EntityType::Organization)) else { break };
            owners.push(e);
            k -= 1;
        }
        owners.reverse();
        owners
    }

    /// The dictionary category of an organisation (igo, party, armed-group...).
    fn category(&self, e: usize) -> Option<&'g str> {
        let gaz: &'g Gazetteer = self.ents.gaz;
        self.ents.gaz_index(e).and_then(|g| gaz.get(g).category.as_deref())
    }

    /// The organisation a definite description refers back to: the last one named whose kind
    /// fits the noun ("the movement", "the group" an armed group or party, "the party" a party,
    /// "the alliance", "the bloc" an international organisation). Never a state.
    fn org_for_anaphor(&self, noun: &str) -> Option<usize> {
        let fits: &[&str] = match noun {
            "party" => &["party"],
            "alliance" | "bloc" => &["igo"],
            "organisation" | "organization" => &["igo", "armed-group", "party", "body"],
            _ => &["armed-group", "party"],
        };
        self.last_orgs.iter().rev().copied().find(|&e| {
            let cat = self.ents.gaz_index(e).and_then(|g| self.ents.gaz.get(g).category.as_deref());
            cat.is_some_and(|c| fits.contains(&c))
        })
    }

    /// "the foreign minister of Russia".
    /// "the foreign minister of Russia", "police chief of Balkh province", "a senior fellow at
    /// the Lowy Institute": the state, organisation or place after "of" (or "at").
    fn of_after(&mut self, text: &str, end: usize, out: &mut Vec<Mention>) -> Option<usize> {
        let rest = &text[end..];
        let trimmed = rest.trim_start();
        let rest2 = trimmed.strip_prefix("of ").or_else(|| trimmed.strip_prefix("at "))?;
        let rest2 = rest2.strip_prefix("the ").unwrap_or(rest2);
        // `rest2` is a suffix of the whole text, so its start is measured from the text's end.
        let at = text.len() - rest2.len();
        // "the Colombian Green Party", "the Canberra Strategy Institute": a body's name that
        // opens with a place or demonym is the body's.
        let body = org_name_at(text, at).filter(|sp| out.iter().filter(|m| m.span.start < sp.end && m.span.end > sp.start).all(|m| m.span.end < sp.end && !m.modifier));
        let m = out.iter().find(|m| m.span.start == at);
        if let (Some(sp), Some(_)) = (body, m) {
            if let Some(e) = self.ents.new_org(&text[sp.start..sp.end]) {
                out.retain(|m| !(m.span.start >= sp.start && m.span.end <= sp.end));
                out.push(Mention { span: sp, entities: vec![e], kind: MentionKind::Name, modifier: false, stands_for: None, agent: false });
                return Some(e);
            }
        }
        if let Some(m) = out.iter().find(|m| m.span.start == at) {
            let e = *m.entities.first()?;
            // "the leader of Sweden's Social Democrats": the owner is the name after the
            // possessive, a new organisation when it is clearly one, else unknown.
            let after = &text[m.span.end..];
            if let Some(rest) = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s ")) {
                if rest.chars().next().is_some_and(char::is_uppercase) {
                    let at2 = text.len() - rest.len();
                    if let Some(e2) = out.iter().find(|m| m.span.start == at2).and_then(|m| m.entities.first().copied()) {
                        return (self.ents.get(e2).etype == EntityType::Organization).then_some(e2);
                    }
                    let span = org_name_at(text, at2).filter(|sp| !is_covered(out, *sp))?;
                    let o = self.ents.new_org(&text[span.start..span.end])?;
                    out.push(Mention { span, entities: vec![o], kind: MentionKind::Name, modifier: false, stands_for: None, agent: false });
                    return Some(o);
                }
            }
            return match self.ents.get(e).etype {
                EntityType::Country | EntityType::Organization => Some(e),
                EntityType::Region | EntityType::City => Some(m.stands_for.unwrap_or(e)),
                EntityType::Person => None,
            };
        }
        let span = org_name_at(text, at)?;
        if is_covered(out, span) {
            return None;
        }
        let e = self.ents.new_org(&text[span.start..span.end])?;
        out.push(Mention { span, entities: vec![e], kind: MentionKind::Name, modifier: false, stands_for: None, agent: false });
        Some(e)
    }

    /// The state or organisation a known person's title belongs to, from the offices table:
    /// the same role on the article date, else ever, else any office on the date.
    fn office_from_dictionary(&mut self, person: usize, role: &str) -> Option<usize> {
        let g = self.ents.gaz_index(person)?;
        let gaz = self.ents.gaz;
        let role = role.strip_suffix("-elect").unwrap_or(role);
        let same = |o: &&super::gazetteer::Office| same_role(&o.role, role);
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
        let rest = text.get(at..).unwrap_or("");
        if !rest.starts_with(' ') {
            return None;
        }
        let mut start = at + 1;
        // "Commandant Major General Arturo Rojas": a military rank before the name is no part of it.
        'rank: loop {
            for r in RANKS {
                let after = text.get(start..).unwrap_or("");
                if after.starts_with(r) && after[r.len()..].starts_with(' ') && after[r.len() + 1..].chars().next().is_some_and(char::is_uppercase) {
                    start += r.len() + 1;
                    continue 'rank;
                }
            }
            break;
        }
        if let Some(m) = out.iter().find(|m| m.span.start == start) {
            let e = *m.entities.first()?;
            // "Economy Minister Martin Pereyra": a short name followed by more of a name is
            // someone else's first name.
            let more_name = text[m.span.end..].strip_prefix(' ').and_then(|r| r.chars().next()).is_some_and(char::is_uppercase);
            if self.ents.get(e).etype == EntityType::Person && !(m.kind == MentionKind::ShortName && more_name) {
                return Some((e, m.span));
            }
            if m.kind != MentionKind::ShortName {
                return None;
            }
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
        out.push(Mention { span, entities: vec![person], kind: MentionKind::TitledPerson, modifier: false, stands_for: None, agent: false });
        Some((person, span))
    }

    /// "HANOI, Vietnam (AP) —": a dateline names the place the story was filed from and its
    /// country. The place is a mention but never an actor.
    fn dateline(&mut self, text: &str, s: Span, si: usize, tokens: &[Token], out: &mut Vec<Mention>) {
        let mut end = None;
        for (j, t) in tokens.iter().enumerate().take(4) {
            let w = token_text(text, t);
            let caps = t.is_word && w.chars().any(char::is_alphabetic) && w.chars().all(|c| c.is_uppercase() || c == '-');
            if !caps || (j > 0 && crate::text::gap(text, tokens[j - 1].span.end, t.span.start) != " ") {
                break;
            }
            end = Some(t.span.end);
        }
        let (Some(first), Some(end)) = (tokens.first(), end) else { return };
        let start = first.span.start;
        // A dateline opens the text or a line.
        if !crate::text::gap(text, 0, start).trim_end_matches([' ', '\t']).is_empty() && !crate::text::gap(text, 0, start).trim_end_matches([' ', '\t']).ends_with('\n') {
            return;
        }
        if out.iter().any(|m| m.span.start < end && m.span.end > start) || crate::text::gap(text, end, end + 2) != ", " {
            return;
        }
        let Some((within, wspan)) = out.iter().find(|m| m.span.start == end + 2 && m.kind == MentionKind::Name).and_then(|m| Some((*m.entities.first()?, m.span))) else { return };
        if !matches!(self.ents.get(within).etype, EntityType::Country | EntityType::Region) {
            return;
        }
        // An agency in brackets, then a dash.
        let after = crate::text::gap(text, wspan.end, s.end).trim_start();
        let after = match after.strip_prefix('(') {
            Some(a) => a.find(')').and_then(|i| a.get(i + 1..)).unwrap_or("").trim_start(),
            None => after,
        };
        if !after.starts_with(['—', '–', '-']) {
            return;
        }
        let name = title_case(crate::text::gap(text, start, end));
        let Some(place) = self.dictionary_place(&name).or_else(|| self.ents.new_place(&name, EntityType::City)) else { return };
        if !self.place_agrees(place, within) {
            return;
        }
        self.ents.set_country(place, within);
        out.push(Mention { span: Span::new(start, end), entities: vec![place], kind: MentionKind::Place, modifier: true, stands_for: None, agent: false });
        self.places.push(PlaceFact { place, within, span: Span::new(start, wspan.end), sentence: si, rule: "located.dateline" });
    }

    /// The dictionary place written `name` exactly (any case of the first letters).
    fn dictionary_place(&mut self, name: &str) -> Option<usize> {
        let gaz = self.ents.gaz;
        let g = gaz
            .find_names(name)
            .into_iter()
            .filter(|&(a, b, _)| a == 0 && b == name.len())
            .flat_map(|(_, _, hits)| hits.iter())
            .find(|h| h.role == NameRole::Name && gaz.get(h.entity).etype.is_place())?
            .entity;
        Some(self.ents.known(g))
    }

    /// Whether the dictionary lets `place` lie in `within`.
    fn place_agrees(&mut self, place: usize, within: usize) -> bool {
        self.ents.may_lie_in(place, within)
    }

    /// Places named by a kind of place: "the (northern) (Afghan) city of X", "the Philippines'
    /// main island of X", "Kyiv's X district", "the X region". A name the dictionary lacks
    /// becomes a new place; a demonym or possessor in the phrase says where it lies.
    fn place_nouns(&mut self, text: &str, s: Span, si: usize, tokens: &[Token], out: &mut Vec<Mention>) {
        // "the town of X".
        for i in 0..tokens.len() {
            let t = tokens[i];
            let w = token_text(text, &t);
            if !PLACE_NOUN_SHAPES.may_hold(w) {
                continue;
            }
            let Some(&(_, etype)) = PLACE_NOUNS.iter().find(|(n, _)| *n == w) else { continue };
            let (Some(of), Some(nt)) = (tokens.get(i + 1), tokens.get(i + 2)) else { continue };
            if token_text(text, of) != "of" || crate::text::gap(text, t.span.end, of.span.start) != " " || crate::text::gap(text, of.span.end, nt.span.start) != " " {
                continue;
            }
            let (place, pspan) = if let Some(k) = out.iter().position(|m| m.span.start == nt.span.start) {
                let m = &out[k];
                let Some(&e) = m.entities.first() else { continue };
                if m.kind != MentionKind::Name || !self.ents.get(e).etype.is_place() {
                    continue;
                }
                let mspan = m.span;
                // "the province of Kandahar" is the province, not the city of that name.
                let e = if self.ents.get(e).etype != etype {
                    let name = crate::text::gap(text, mspan.start, mspan.end);
                    let other = [format!("{name} {w}"), format!("{name} {}", title_case(w))]
                        .iter()
                        .find_map(|n| self.dictionary_place(n))
                        .filter(|&o| self.ents.get(o).etype == etype);
                    match other {
                        Some(o) => {
                            out[k].entities = vec![o];
                            out[k].stands_for = None;
                            o
                        }
                        None => e,
                    }
                } else {
                    e
                };
                (e, mspan)
            } else {
                let Some((span, _, _)) = name_run(text, tokens, i + 2, out) else { continue };
                let name = crate::text::gap(text, span.start, span.end);
                if !self.may_be_place(text, name) {
                    continue;
                }
                let Some(p) = self.ents.new_place(name, etype) else { continue };
                out.push(Mention { span, entities: vec![p], kind: MentionKind::Place, modifier: false, stands_for: None, agent: false });
                (p, span)
            };
            let before = before_phrase(text, s, t.span.start, out);
            self.place_fact(place, &before, pspan, si, "located.place-noun", out);
            self.country_from_in(text, s, place, pspan, out);
        }
        // "the Erongo region", "Kyiv's Shevchenko district".
        for i in 1..tokens.len() {
            let t = tokens[i];
            let w = token_text(text, &t);
            if !AREA_NOUN_SHAPES.may_hold(w) || !AREA_NOUNS.contains(&w) || crate::text::gap(text, tokens[i - 1].span.end, t.span.start) != " " {
                continue;
            }
            let Some(nspan) = name_run_before(text, tokens, i, out) else { continue };
            let name = crate::text::gap(text, nspan.start, nspan.end);
            if !self.may_be_place(text, name) {
                continue;
            }
            let before = before_phrase(text, s, nspan.start, out);
            if before.qualifier.is_none() && before.word != "the" && !PLACE_PREPOSITIONS.contains(&before.word.as_str()) {
                continue;
            }
            let Some(p) = self.ents.new_place(&format!("{name} {w}"), EntityType::Region) else { continue };
            let span = Span::new(nspan.start, t.span.end);
            out.push(Mention { span, entities: vec![p], kind: MentionKind::Place, modifier: false, stands_for: None, agent: false });
            self.place_fact(p, &before, span, si, "located.possessive", out);
            self.country_from_in(text, s, p, span, out);
        }
    }

    /// "the town of X in [the] Y": a new place takes the country of the region or country
    /// after it, so that a visit to it is a visit to that country. (The extractor states the
    /// locatedIn fact.)
    fn country_from_in(&mut self, text: &str, s: Span, place: usize, pspan: Span, out: &[Mention]) {
        let Some(at) = after_in(text, pspan.end, s.end) else { return };
        let within = out.iter().find(|m| m.span.start == at && matches!(m.kind, MentionKind::Name | MentionKind::Place)).and_then(|m| m.entities.first().copied());
        if let Some(y) = within.filter(|&y| matches!(self.ents.get(y).etype, EntityType::Country | EntityType::Region)) {
            if self.place_agrees(place, y) {
                self.ents.set_country(place, y);
            }
        }
    }

    /// The place fact a place phrase states: its possessor or demonym ("the Russian town of X"),
    /// or, for a dictionary place after a compass adjective ("the southern province of X"), its
    /// own country when the sentence names it.
    fn place_fact(&mut self, place: usize, before: &Before, pspan: Span, si: usize, rule: &'static str, out: &[Mention]) {
        let (within, start) = match before.qualifier {
            Some((e, span)) => (e, span.start),
            None if before.compass => {
                let Some(c) = self.ents.gaz_index(place).and_then(|g| self.ents.gaz.get(g).country) else { return };
                let named = out.iter().any(|m| m.kind == MentionKind::Name && m.entities.first().is_some_and(|&e| self.ents.gaz_index(e) == Some(c)));
                if !named {
                    return;
                }
                (self.ents.known(c), pspan.start)
            }
            None => return,
        };
        if !matches!(self.ents.get(within).etype, EntityType::Country | EntityType::Region | EntityType::City) || !self.place_agrees(place, within) {
            return;
        }
        self.ents.set_country(place, within);
        self.places.push(PlaceFact { place, within, span: Span::new(start.min(pspan.start), pspan.end), sentence: si, rule });
    }

    /// Whether a capitalised name can be a place: the document never has it speak ("X said"),
    /// and no word of it is an organisation's or a building's head noun, an office title, or
    /// part of a person's name met before.
    fn may_be_place(&self, text: &str, name: &str) -> bool {
        !name.is_empty()
            && !speaks_somewhere(text, name)
            && name.split([' ', '-']).all(|w| {
                !ORG_WORDS.contains(&w) && !self.ents.is_person_word(w) && TITLES.automaton.find(w).is_none_or(|m| m.start() != 0 || m.end() != w.len())
            })
    }

    /// Unknown capitalised names a preposition and a country or region mark as places: "in
    /// Lüderitz, Namibia", "to Port Nolloth in the Northern Cape", and names ending in a
    /// landform ("Cam Ranh Bay in Vietnam") without the preposition.
    fn located_names(&mut self, text: &str, s: Span, si: usize, tokens: &[Token], out: &mut Vec<Mention>) {
        for i in 0..tokens.len() {
            // Only a capitalised word can start a name, and not after another.
            if !tokens[i].is_word || !is_capitalized(token_text(text, &tokens[i])) {
                continue;
            }
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p)).filter(|p| p.is_word);
            if prev.is_some_and(|p| is_capitalized(token_text(text, p))) {
                continue;
            }
            let prep = prev.filter(|p| crate::text::gap(text, p.span.end, tokens[i].span.start) == " ").map(|p| token_text(text, p).to_ascii_lowercase()).unwrap_or_default();
            let after_prep = PLACE_PREPOSITIONS.contains(&prep.as_str());
            let Some((span, _, words)) = name_run(text, tokens, i, out) else { continue };
            let name = crate::text::gap(text, span.start, span.end);
            let last = name.rsplit(' ').next().unwrap_or("");
            let feature = words >= 2 && FEATURE_WORDS.contains(&last);
            // "Oranjemund, a town in southern Namibia": an apposition says what the name is (but
            // an adverb opening the sentence is no place: "Meanwhile, a village in ...").
            if let Some(etype) = appositive_place_noun(text, span.end, s.end).filter(|_| i > 0 || words >= 2 || !is_sentence_adverb(name)) {
                if self.may_be_place(text, name) {
                    if let Some(place) = self.ents.new_place(name, etype) {
                        out.push(Mention { span, entities: vec![place], kind: MentionKind::Place, modifier: false, stands_for: None, agent: false });
                    }
                }
                continue;
            }
            if !(after_prep || feature) || !self.may_be_place(text, name) {
                continue;
            }
            let etype = if REGION_WORDS.contains(&last) { EntityType::Region } else { EntityType::City };
            // "in X, Namibia": the country right after a comma, not an apposition ("to X,
            // Namibia's president").
            let comma_country = out
                .iter()
                .find(|m| m.span.start == span.end + 2 && m.kind == MentionKind::Name)
                .filter(|_| crate::text::gap(text, span.end, span.end + 2) == ", ")
                .and_then(|m| m.entities.first().copied().filter(|&c| self.ents.get(c).etype == EntityType::Country).map(|c| (c, m.span)))
                .filter(|&(_, cspan)| {
                    let after = crate::text::gap(text, cspan.end, s.end);
                    let next = after.trim_start().split(|c: char| !is_alphanumeric(c)).next().unwrap_or("");
                    // "..., India said": a speaker, not a container.
                    !(after.starts_with("'s") || after.starts_with("’s") || after.starts_with('\'') || after.starts_with('’'))
                        && !matches!(next, "said" | "says" | "told" | "added" | "stated" | "announced" | "reported" | "claimed" | "claims" | "insisted" | "insists" | "argued" | "argues" | "warned")
                        && TITLES.automaton.find(next).is_none_or(|m| m.start() != 0 || m.end() != next.len())
                });
            if let Some((c, cspan)) = comma_country {
                let Some(place) = self.ents.new_place(name, etype) else { continue };
                if !self.place_agrees(place, c) {
                    continue;
                }
                self.ents.set_country(place, c);
                out.push(Mention { span, entities: vec![place], kind: MentionKind::Place, modifier: false, stands_for: None, agent: false });
                self.places.push(PlaceFact { place, within: c, span: span.cover(cspan), sentence: si, rule: "located.place-comma-country" });
                continue;
            }
            // "to X in [the] [adj] Y": Y a country or region; the extractor states the fact.
            // After "from" and "at" organisations are as common as places ("officials from X").
            if matches!(prep.as_str(), "at" | "from") && !feature {
                continue;
            }
            let Some(at) = after_in(text, span.end, s.end) else { continue };
            let within = out.iter().find(|m| m.span.start == at && matches!(m.kind, MentionKind::Name | MentionKind::Place)).and_then(|m| m.entities.first().copied());
            let Some(within) = within.filter(|&y| matches!(self.ents.get(y).etype, EntityType::Country | EntityType::Region)) else { continue };
            let Some(place) = self.ents.new_place(name, etype) else { continue };
            if !self.place_agrees(place, within) {
                continue;
            }
            self.ents.set_country(place, within);
            out.push(Mention { span, entities: vec![place], kind: MentionKind::Place, modifier: false, stands_for: None, agent: false });
        }
    }

    /// The single state or organisation that opens a sentence as its subject: "Israel, which ...,
    /// has pledged", "The United States would". None when the sentence opens otherwise, or when
    /// the opening names more than one entity ("Russia and China").
    fn subject_of(&self, text: &str, s: Span, out: &[Mention]) -> Option<usize> {
        let first = out.iter().find(|m| !m.modifier)?;
        let before = text[s.start..first.span.start].trim();
        if !(before.is_empty() || before == "The") || first.entities.len() != 1 || first.kind == MentionKind::Demonym {
            return None;
        }
        let e = first.entities[0];
        if !matches!(self.ents.get(e).etype, EntityType::Country | EntityType::Organization) {
            return None;
        }
        // The next words must continue the subject: a comma (apposition or relative clause) or a verb,
        // not "and"/"or" (a compound subject) or a possessive ("Israel's army").
        let after = text[first.span.end..s.end].trim_start();
        if after.starts_with("and ") || after.starts_with("or ") || after.starts_with("'s") || after.starts_with("’s") {
            return None;
        }
        Some(e)
    }

    /// "It has pledged", "It will ask": "It" opening a sentence before an auxiliary or a reporting
    /// verb, resolved to the previous sentence's subject. Not the expletive "It is ...", "It has
    /// been a year", "It will be hard".
    fn sentence_initial_it(&self, text: &str, tokens: &[Token], out: &[Mention]) -> Option<Mention> {
        let subject = self.last_subject?;
        let words: Vec<&str> = tokens.iter().filter(|t| t.is_word).take(4).map(|t| &text[t.span.start..t.span.end]).collect();
        if words.len() < 3 || words[0] != "It" {
            return None;
        }
        let ok = match words[1] {
            "has" | "have" | "had" | "will" | "would" | "also" => match words[2] {
                "been" => words.get(3).is_some_and(|w| w.ends_with("ing")),
                "be" | "not" | "a" | "an" | "the" | "to" | "is" | "was" => false,
                w => w.len() > 2 && w.chars().all(|c| c.is_ascii_lowercase()),
            },
            "said" | "says" | "announced" | "pledged" | "vowed" | "urged" | "called" | "accused" | "warned" => true,
            _ => false,
        };
        if !ok || out.iter().any(|m| !m.modifier && m.span.start < tokens[0].span.end) {
            return None;
        }
        let first = tokens.iter().find(|t| t.is_word)?;
        Some(Mention { span: first.span, entities: vec![subject], kind: MentionKind::Pronoun, modifier: false, stands_for: None, agent: false })
    }

    /// "The U.S. leader, who will visit ...": "the" + a state (name or demonym) + "leader" or
    /// "president" refers back to the person the document titled as that state's president, when
    /// exactly one was.
    fn definite_leader(&mut self, text: &str, tokens: &[Token], out: &mut Vec<Mention>) {
        let mut found = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let w = &text[t.span.start..t.span.end];
            if !matches!(w, "leader" | "president") {
                continue;
            }
            let Some(mi) = out.iter().position(|m| m.span.end <= t.span.start && text[m.span.end..t.span.start].trim().is_empty()) else { continue };
            let m = &out[mi];
            if m.entities.len() != 1 || self.ents.get(m.entities[0]).etype != EntityType::Country {
                continue;
            }
            let before = text[..m.span.start].trim_end();
            if !matches!(before.split_whitespace().next_back(), Some("the" | "The")) {
                continue;
            }
            // Not followed by a name: "the U.S. president Donald Trump" is a title, handled elsewhere.
            if let Some(n) = tokens.get(i + 1) {
                if n.is_word && is_capitalized(&text[n.span.start..n.span.end]) {
                    continue;
                }
            }
            let country = m.entities[0];
            let mut people: Vec<usize> = self.titles.iter().filter(|f| f.of == country && matches!(f.role.as_str(), "President" | "Prime Minister")).map(|f| f.person).collect();
            people.sort_unstable();
            people.dedup();
            if people.len() != 1 {
                continue;
            }
            let art = before.len() - 3;
            found.push((mi, Mention { span: Span::new(art, t.span.end), entities: vec![people[0]], kind: MentionKind::Pronoun, modifier: false, stands_for: None, agent: false }));
        }
        for (mi, m) in found.into_iter().rev() {
            out[mi].modifier = true;
            out.push(m);
        }
    }

    /// "all three were lawmakers", "all four have served": the people this sentence named last,
    /// as many as the number says.
    fn all_of_people(&self, text: &str, tokens: &[Token], i: usize, out: &[Mention]) -> Option<Mention> {
        let word = |k: usize| tokens.get(k).map(|t| &text[t.span.start..t.span.end]);
        // Only "all N" before a verb, of people named in this sentence: "the three leaders" may
        // be others than the last three people named. "all" is the rarest word, so it goes first.
        if !word(i - 1)?.eq_ignore_ascii_case("all") || !matches!(word(i + 1)?, "were" | "are" | "had" | "have") {
            return None;
        }
        let n = ["three", "four", "five", "six"].iter().position(|w| word(i).is_some_and(|x| x.eq_ignore_ascii_case(w)))? + 3;
        let start = tokens[i - 1].span.start;
        let mut people: Vec<usize> = Vec::new();
        let in_sentence = out.iter().rev().filter(|m| m.span.end <= start && !m.modifier).flat_map(|m| m.entities.iter().copied());
        for e in in_sentence {
            if people.len() < n && self.ents.get(e).etype == EntityType::Person && !people.contains(&e) {
                people.push(e);
            }
        }
        if people.len() < n {
            return None;
        }
        people.reverse();
        Some(Mention { span: Span::new(start, tokens[i].span.end), entities: people, kind: MentionKind::Group, modifier: false, stands_for: None, agent: false })
    }

    fn pronouns_and_groups(&mut self, text: &str, tokens: &[Token], out: &mut Vec<Mention>) {
        for (i, t) in tokens.iter().enumerate() {
            let w = &text[t.span.start..t.span.end];
            // Longer than "she" and the longest contraction ("’ll", five bytes), or not starting
            // as "he", "his", "him", "she", "her", "two" and "both" do: no word below.
            let b = w.as_bytes();
            if w.len() > 8 || w.len() < 2 || !matches!([b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()], [b'h', b'e' | b'i'] | [b's', b'h'] | [b't', b'w'] | [b'b', b'o']) {
                continue;
            }
            // "She's", "he'd", "he’ll": he/she before a contracted auxiliary ("they" is not resolved here).
            let w = ["'s", "’s", "'d", "’d", "'ll", "’ll", "'ve", "’ve", "'re", "’re"]
                .iter()
                .find_map(|c| w.strip_suffix(c).filter(|p| p.eq_ignore_ascii_case("he") || p.eq_ignore_ascii_case("she")))
                .unwrap_or(w);
            if w.len() > 4 {
                continue; // he, his, him, she, her, two, both
            }
            let t = &Token { span: Span::new(t.span.start, t.span.start + w.len()), ..*t };
            // Lower-cased in a buffer on the stack: nearly every sentence has many short words.
            let mut buf = [0u8; 4];
            let lw = &mut buf[..w.len()];
            lw.copy_from_slice(w.as_bytes());
            lw.make_ascii_lowercase();
            let lw = std::str::from_utf8(lw).expect("ASCII lower case keeps UTF-8 valid");
            match lw {
                "he" | "his" | "him" | "she" | "her" => {
                    let want = if lw.starts_with('h') && lw != "her" { 'm' } else { 'f' };
                    let want = if lw == "she" { 'f' } else { want };
                    // The last person of that gender in this sentence before the pronoun, or before it.
                    // In text order: titled people were found after the dictionary names.
                    let mut before: Vec<&Mention> = out.iter().filter(|m| m.span.end <= t.span.start).collect();
                    before.sort_by_key(|m| m.span.start);
                    let in_sentence: Vec<usize> = before
                        .iter()
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
                        out.push(Mention { span: t.span, entities: vec![p], kind: MentionKind::Pronoun, modifier: false, stands_for: None, agent: false });
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
                    // "X has been trying to persuade both sides": the sides of a dispute are others
                    // than the subject that acts on them.
                    let exclude: Vec<usize> = if next == "sides" {
                        out.iter().filter(|m| !m.modifier).min_by_key(|m| m.span.start).filter(|m| m.span.end <= span.start).map(|m| m.entities.clone()).unwrap_or_default()
                    } else {
                        Vec::new()
                    };
                    for m in out.iter().rev().filter(|m| m.span.end <= span.start && !m.modifier) {
                        for &e in &m.entities {
                            let is_person = self.ents.get(e).etype == EntityType::Person;
                            let is_country = self.ents.get(e).etype == EntityType::Country;
                            if ((want_person && is_person) || (!want_person && is_country)) && !pair.contains(&e) && !exclude.contains(&e) && pair.len() < 2 {
                                pair.push(e);
                            }
                        }
                    }
                    for &e in pool.iter().rev() {
                        if pair.len() < 2 && !pair.contains(&e) && !exclude.contains(&e) {
                            pair.push(e);
                        }
                    }
                    if pair.len() == 2 {
                        pair.reverse();
                        out.push(Mention { span, entities: pair, kind: MentionKind::Group, modifier: false, stands_for: None, agent: false });
                    }
                }
                _ => {}
            }
        }
    }
}

/// "minister of mines and energy", "minister of electricity": a ministry spelled out in lower
/// case, up to a comma or a capitalised name (capitalised forms are in titles.tsv).
/// The words `minister_of` and `extra_posts` look for: "minister of ", then EXTRA_POSTS.
static POST_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(std::iter::once("minister of ").chain(EXTRA_POSTS)).expect("post word automaton")
});

/// The POST_WORDS words, for the quick check that a sentence has any.
static POST_WORDS_ANY: LazyLock<Literals> = LazyLock::new(|| Literals::new(std::iter::once("minister of ").chain(EXTRA_POSTS)));

/// Lower-case posts that are not in the titles list because alone they name no office
/// ("representative", "commander", "coordinator"); with a state before them they do.
const EXTRA_POSTS: [&str; 3] = ["representative", "commander", "coordinator"];

/// Every occurrence of each POST_WORDS word in a sentence, as (word index, byte offset), by
/// word, then offset: one automaton pass instead of a search per word. (No word can overlap
/// itself, so these are exactly the occurrences `str::find` and `match_indices` give.)
/// Whether `name` is somewhere in `text` the subject of a verb of speech ("Kharkiv said ..."
/// names no place). One search for the name, each occurrence checked for a following verb.
fn speaks_somewhere(text: &str, name: &str) -> bool {
    const SPEAKS: [&str; 7] = ["said", "says", "told", "announced", "added", "reported", "stated"];
    let mut from = 0;
    while let Some(i) = text[from..].find(name) {
        let at = from + i;
        let after = text[at + name.len()..].strip_prefix(' ');
        if after.is_some_and(|r| SPEAKS.iter().any(|v| r.strip_prefix(v).is_some_and(|t| t.starts_with(' ')))) {
            return true;
        }
        // The next occurrence may overlap this one.
        from = at + name.chars().next().map_or(1, char::len_utf8);
    }
    false
}

fn post_words(stext: &str) -> Vec<(usize, usize)> {
    // Most sentences have none: one SIMD multi-substring search says so faster than the
    // overlapping search, which goes byte by byte, or a `str::contains` per word.
    if !POST_WORDS_ANY.is_match(stext) {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize)> = POST_WORDS.find_overlapping_iter(stext).map(|m| (m.pattern().as_usize(), m.start())).collect();
    found.sort_unstable();
    found
}

fn minister_of(text: &str, s: Span, posts: &[(usize, usize)]) -> Vec<(Span, String)> {
    let stext = &text[s.start..s.end];
    let mut out = Vec::new();
    for at in posts.iter().filter(|p| p.0 == 0).map(|p| p.1) {
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

/// A demonym used as a plain adjective ("German business leaders", "the Russian invasion"), not
/// standing for the state as "Russian troops" does.
pub fn is_bare_demonym(m: &Mention) -> bool {
    m.kind == MentionKind::Demonym && !m.agent
}

/// The end of an agent noun right after a demonym ("Russian troops", "Chinese foreign ministry").
pub(crate) fn agent_noun_after(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix(' ')?;
    for noun in AGENTS.iter() {
        if rest.get(..noun.len()).is_some_and(|w| w.eq_ignore_ascii_case(noun)) {
            let after = rest[noun.len()..].chars().next();
            if after.is_none_or(|c| !is_alphanumeric(c)) {
                return Some(at + 1 + noun.len());
            }
        }
    }
    None
}

/// Nouns that name a kind of place before "of NAME" ("the town of X"), and the type they give.
const PLACE_NOUNS: &[(&str, EntityType)] = &[
    ("city", EntityType::City),
    ("town", EntityType::City),
    ("village", EntityType::City),
    ("port", EntityType::City),
    ("hamlet", EntityType::City),
    ("settlement", EntityType::City),
    ("township", EntityType::City),
    ("municipality", EntityType::City),
    ("island", EntityType::Region),
    ("region", EntityType::Region),
    ("province", EntityType::Region),
    ("district", EntityType::Region),
    ("county", EntityType::Region),
    ("oblast", EntityType::Region),
    ("governorate", EntityType::Region),
    ("prefecture", EntityType::Region),
    ("state", EntityType::Region),
    ("enclave", EntityType::Region),
    ("peninsula", EntityType::Region),
];

/// Nouns that follow an area's name: "the Kunene region", "Kyiv's Shevchenko district".
const AREA_NOUNS: &[&str] = &["region", "province", "district", "county", "oblast", "governorate", "prefecture", "municipality"];

/// The first byte and length of each word of a short word list: a test that rules out most
/// words before the list is searched (every token of every sentence is looked up).
struct Shapes([u64; 256]);

impl Shapes {
    fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Shapes {
        let mut bits = [0u64; 256];
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                bits[usize::from(b)] |= 1 << w.len().min(63);
            }
        }
        Shapes(bits)
    }

    /// False only when no word of the list has the first byte and length of `w`.
    fn may_hold(&self, w: &str) -> bool {
        w.as_bytes().first().is_none_or(|&b| self.0[usize::from(b)] & (1 << w.len().min(63)) != 0)
    }
}

static PLACE_NOUN_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(PLACE_NOUNS.iter().map(|(n, _)| *n)));
static AREA_NOUN_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(AREA_NOUNS.iter().copied()));

/// Last words that make a capitalised name a place: "Cam Ranh Bay", "Hainan Island".
const FEATURE_WORDS: &[&str] = &["Bay", "Island", "Islands", "Harbour", "Harbor", "Peninsula", "Valley", "Heights", "Beach", "Lagoon", "Atoll", "Reef", "Archipelago"];

/// Last words of a place name that make it a region rather than a town.
const REGION_WORDS: &[&str] = &[
    "Province", "Region", "District", "County", "Oblast", "Governorate", "Prefecture", "Island", "Islands", "Peninsula", "Valley", "Heights", "Atoll", "Reef", "Archipelago",
];

/// Words that make a capitalised name an organisation, a building, a body or an event.
const ORG_WORDS: &[&str] = &[
    "University", "College", "School", "Academy", "Institute", "Hospital", "Clinic", "Ministry", "Department", "Party", "Council", "Congress",
    "Parliament", "Senate", "Assembly", "Government", "Court", "Bank", "Company", "Corporation", "Corp", "Inc", "Ltd", "Group", "Agency",
    "Foundation", "Association", "Union", "Committee", "Commission", "Force", "Forces", "Army", "Navy", "Command", "Times", "News", "Post",
    "Journal", "Airlines", "Airways", "Airport", "Stadium", "Hotel", "Palace", "House", "Centre", "Center", "Office", "Embassy", "Consulate",
    "Church", "Mosque", "Cathedral", "Temple", "Prison", "Base", "Club", "Summit", "Conference", "Forum", "Games", "Cup", "Festival",
    "Museum", "Square", "Street", "Road", "Avenue", "Bridge", "Tower", "Hall", "Mall", "Market", "Station", "Plant", "Project",
];

/// Words that make a capitalised name an organisation one can work for or lead.
const BODY_WORDS: &[&str] = &[
    "Institution", "Institute", "Council", "Group", "Party", "Bureau", "Agency", "Ministry", "Centre", "Center", "House", "University",
    "College", "Academy", "Foundation", "Association", "Commission", "Committee", "Department", "Office", "Fund", "Bank", "Corporation",
    "Organisation", "Organization", "Union", "Federation", "Society", "Forum", "Movement", "Front", "Service", "Authority", "Board",
];

/// The state named right after `end` by "in (the)": "lawmakers in the Irish parliament",
/// "a senator in Chile".
fn state_in_after(text: &str, end: usize, s: Span, out: &[Mention], ents: &DocEntities) -> Option<usize> {
    let rest = &text[end..s.end];
    let skip = [" in the ", " in "].iter().find(|p| rest.starts_with(*p))?.len();
    let m = out.iter().find(|m| m.span.start == end + skip && m.entities.len() == 1)?;
    (ents.get(m.entities[0]).etype == EntityType::Country).then_some(m.entities[0])
}

/// An organisation's name starting at `at`: a run of capitalised words (with "of", "for", "and",
/// "on" inside it) holding one of BODY_WORDS: "Lowy Institute", "Council on Foreign Relations".
fn org_name_at(text: &str, at: usize) -> Option<Span> {
    let mut end = at;
    let mut pos = at;
    let mut has_body = false;
    let mut words = 0;
    for w in text[at..].split(' ') {
        let core = w.trim_end_matches([',', '.', ';', ':', ')', '"', '”']);
        let core = core.strip_suffix("'s").or_else(|| core.strip_suffix("’s")).unwrap_or(core);
        let name_word = is_capitalized(core) && core.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '&' | '\'' | '’'));
        if name_word {
            words += 1;
            end = pos + core.len();
            has_body |= BODY_WORDS.contains(&core);
        } else if !(words > 0 && matches!(core, "of" | "for" | "and" | "on" | "&") && core.len() == w.len()) {
            break;
        }
        if core.len() != w.len() || words >= 8 {
            break;
        }
        pos += w.len() + 1;
    }
    (has_body && words >= 2).then(|| Span::new(at, end))
}

/// The state an article belongs to, as a wire reader takes it: the country of its dateline
/// ("KYIV, Ukraine (AP) —", "TOKYO (Reuters) -"), else the state its web address files it
/// under ("/india-news/"), else the state it names most when that one is named at least three
/// times and at least one and a half times as often as any other (a place in a state counts for
/// it), else the `outlet`'s own state if the text names it. None otherwise.
fn document_country(gaz: &Gazetteer, doc: &Document, names: &[(usize, usize, &[super::gazetteer::NameHit])], outlet: Option<usize>) -> Option<usize> {
    for line in doc.text.lines() {
        if let Some(c) = dateline_country(gaz, line.trim_start()) {
            return Some(c);
        }
    }
    if let Some(c) = doc.url.as_deref().and_then(|u| url_section_country(gaz, u)) {
        return Some(c);
    }
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for &(_, _, hits) in names {
        let Some(h) = hits.first() else { continue };
        if h.role == NameRole::ShortName {
            continue;
        }
        let e = gaz.get(h.entity);
        let c = match (e.etype, h.role) {
            (EntityType::Country, _) => Some(h.entity),
            // A capital standing for its state ("Kyiv said") or a seat of government.
            (EntityType::City, NameRole::Name) if gaz.capital_of(h.entity).is_some() => gaz.capital_of(h.entity),
            // A place in it ("Mazar-i-Sharif", "Balkh province").
            (EntityType::City | EntityType::Region, NameRole::Name) => e.country,
            _ => None,
        };
        if let Some(c) = c {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut v: Vec<(usize, usize)> = counts.iter().map(|(&c, &n)| (c, n)).collect();
    v.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
    let (top, n) = *v.first()?;
    let second = v.get(1).map_or(0, |&(_, n)| n);
    if n >= 3 && 2 * n >= 3 * second {
        return Some(top);
    }
    // No state stands out: a national outlet writes its own state's offices unqualified ("The
    // Namibian", "Times of X"), when the text names that state at all.
    outlet.filter(|c| counts.contains_key(c))
}

/// The one state a set of words names, by a state's name or demonym or by a city or region of it
/// ("Namibian", "Times of India", "Houston Chronicle"); none when they name two.
fn named_country(gaz: &Gazetteer, words: &str, places: bool) -> Option<usize> {
    let mut found = None;
    for (_, _, hits) in gaz.find_names(words) {
        let c = hits.iter().find_map(|h| {
            let e = gaz.get(h.entity);
            match (e.etype, h.role) {
                (EntityType::Country, NameRole::Name | NameRole::Demonym) => Some(h.entity),
                (EntityType::City | EntityType::Region, NameRole::Name) if places => gaz.country_of(h.entity),
                _ => None,
            }
        });
        match (found, c) {
            (_, None) => {}
            (None, Some(c)) => found = Some(c),
            (Some(f), Some(c)) if f != c => return None,
            _ => {}
        }
    }
    found.filter(|&c| gaz.get(c).category.as_deref() != Some("historical"))
}

/// The state of a national outlet from its name, without the wire agency in brackets: "The
/// Namibian", "Taipei Times (AFP)", "The Moscow Times".
fn outlet_country(gaz: &Gazetteer, source: &str) -> Option<usize> {
    let name = source.split('(').next().unwrap_or(source).trim();
    named_country(gaz, name, true)
}

/// Words of a URL's host name as a name: `www.namibian.com.na` gives "Namibian".
fn url_host_country(gaz: &Gazetteer, url: &str) -> Option<usize> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split('/').next().unwrap_or("");
    host.split('.').filter(|w| w.len() > 3 && *w != "www").find_map(|w| named_country(gaz, &title_case(w), false))
}

/// A state a URL's section names: `/india-news/...`, `/world/uk-news/...`. The last part of the
/// path is the story's own slug, whose words are its headline, not its section.
fn url_section_country(gaz: &Gazetteer, url: &str) -> Option<usize> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split(['?', '#']).next().unwrap_or("");
    let mut parts: Vec<&str> = path.split('/').skip(1).filter(|p| !p.is_empty()).collect();
    parts.pop();
    parts.iter().find_map(|part| {
        let words: Vec<String> = part
            .split(['-', '_'])
            .map(|w| if w.len() <= 3 { w.to_uppercase() } else { title_case(w) })
            .collect();
        named_country(gaz, &words.join(" "), false)
    })
}

/// For each domestic title the text writes unqualified (no demonym, name or possessive before
/// it) right before a dictionary person who holds that office for a state, that state, when all
/// such holders agree ("Prime Minister Netanyahu" and "Prime Minister Yitzhak Shamir": Israel).
/// `found`: the title automaton's matches in `text`.
fn title_analogies(gaz: &Gazetteer, text: &str, date: Option<&str>, found: &[AcMatch]) -> HashMap<String, usize> {
    let mut seen: HashMap<String, Option<usize>> = HashMap::new();
    for m in found {
        let role = &TITLES.roles[m.pattern].0;
        let title = &text[m.start..m.end];
        if !is_domestic_role(role) || !is_capitalized(title) || text[..m.start].chars().next_back().is_some_and(|c| is_alphanumeric(c) || c == '-') {
            continue;
        }
        let head = skip_tenure(text, m.start);
        let prev = head.rsplit(char::is_whitespace).next().unwrap_or("");
        let word = prev.trim_matches(|c: char| !is_alphanumeric(c) && c != '.');
        if prev.ends_with("'s") || prev.ends_with("’s") || prev.ends_with('’') || prev.ends_with('\'') {
            continue;
        }
        let named = !word.is_empty() && gaz.find_names(word).iter().any(|&(a, b, _)| a == 0 && b == word.len());
        let sentence_start = prev.is_empty() || prev.ends_with(['.', '!', '?', '"', '“', '”', ':']);
        if named || (is_capitalized(word) && !sentence_start && !NOT_NAME.contains(&word) && !SENTENCE_OPENERS.contains(&word)) {
            continue;
        }
        if !text[m.end..].starts_with(' ') {
            continue;
        }
        let Some(hits) = gaz.name_at(text, m.end + 1) else { continue };
        let people: Vec<usize> = hits.iter().filter(|h| matches!(h.role, NameRole::Name | NameRole::ShortName) && gaz.get(h.entity).etype == EntityType::Person).map(|h| h.entity).collect();
        // A short name several people share ("Assad") counts when they all held it for one state.
        let same = |o: &&super::gazetteer::Office| o.role.eq_ignore_ascii_case(role);
        let mut states: Vec<usize> = people
            .iter()
            .filter_map(|&p| gaz.offices_of(p, date).find(same).or_else(|| gaz.offices_of(p, None).find(same)).map(|o| o.of))
            .collect();
        states.sort_unstable();
        states.dedup();
        let c = match states.as_slice() {
            [] => continue,
            [c] if gaz.get(*c).etype == EntityType::Country => Some(*c),
            _ => None,
        };
        seen.entry(role.clone()).and_modify(|v| if *v != c { *v = None }).or_insert(c);
    }
    seen.into_iter().filter_map(|(r, c)| Some((r, c?))).collect()
}

/// The country of a dateline line: upper-case place words, an optional ", Country", an optional
/// agency in brackets, then a dash.
fn dateline_country(gaz: &Gazetteer, line: &str) -> Option<usize> {
    // The place opens the line in capitals: a line that opens with a word in lower or title
    // case ("The", "He") has none, and most lines are given up here.
    let mut opening = line.chars();
    if opening.next().is_some_and(char::is_lowercase) || opening.next().is_some_and(char::is_lowercase) {
        return None;
    }
    let dash = line.char_indices().take(90).find(|&(_, c)| c == '—' || c == '–').map(|(i, _)| i).or_else(|| line.get(..line.len().min(90)).and_then(|h| h.find(" - ")))?;
    let head = line[..dash].trim_end();
    let place_end = head.find([',', '(']).unwrap_or(head.len());
    let place = head[..place_end].trim();
    if place.is_empty() || !place.chars().any(char::is_alphabetic) || !place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '.' | '\'' | '’')) {
        return None;
    }
    let rest = &head[place_end..];
    // "HANOI, Vietnam (AP)": the country or region after the comma.
    if let Some(after) = rest.strip_prefix(',') {
        let name = after.split('(').next().unwrap_or("").trim();
        let exact = gaz.find_names(name).into_iter().find(|&(a, b, _)| a == 0 && b == name.len());
        let hit = exact.and_then(|(_, _, hits)| hits.iter().find(|h| h.role == NameRole::Name).copied())?;
        return gaz.country_of(hit.entity);
    }
    if !rest.is_empty() && !(rest.starts_with('(') && rest.ends_with(')')) {
        return None;
    }
    // "TOKYO (Reuters)": a place the dictionary knows, in one country.
    let name = title_case(place);
    let found = gaz.find_names(&name).into_iter().find(|&(a, b, _)| a == 0 && b == name.len())?;
    // A capital a historical state shared (Moscow of the Soviet Union) is today's state's.
    let places: Vec<usize> = found
        .2
        .iter()
        .filter(|h| h.role == NameRole::Name && gaz.get(h.entity).etype.is_place())
        .filter_map(|h| gaz.country_of(h.entity))
        .filter(|&c| gaz.get(c).category.as_deref() != Some("historical"))
        .collect();
    match places.as_slice() {
        [c, rest @ ..] if rest.iter().all(|r| r == c) => Some(*c),
        _ => None,
    }
}

/// The office after "succeed X" or "X's successor": "as president" gives "president".
fn succeeded_as(after: &str) -> Option<String> {
    let rest = after.strip_prefix(" as ")?;
    let phrase = rest.split(|c: char| !(c.is_alphabetic() || c == '-' || c == ' ')).next().unwrap_or("");
    let words: Vec<&str> = phrase.split_whitespace().take_while(|w| !NOT_MODIFIERS.contains(w)).take(3).collect();
    let words: Vec<&str> = words.into_iter().skip_while(|w| matches!(*w, "the" | "a" | "an")).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The role of a title that ends right before `at` ("Prime Minister " before "Kern").
fn title_ending_at(text: &str, at: usize) -> Option<&'static str> {
    let mut from = at.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = text[from..at].strip_suffix(' ')?;
    let m = TITLES.automaton.find_iter(head).find(|m| m.end() == head.len())?;
    // A whole word: not "Minister" inside "Ministers".
    (m.start() == 0 || !head[..m.start()].ends_with(|c: char| is_alphanumeric(c))).then(|| TITLES.roles[m.pattern().as_usize()].0.as_str())
}

/// Whether two role names are the same office, whatever the case and hyphens ("Vice-President").
fn same_role(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x.eq_ignore_ascii_case(&y) || (matches!(x, b'-' | b' ') && matches!(y, b'-' | b' ')))
}

/// A state's own office (scope "state" in data/lexicon/titles.tsv), which a reader gives to the
/// article's state when no state is said ("Mayor X said", "minister of mines Y").
fn is_domestic_role(role: &str) -> bool {
    TITLES.state_roles.contains(role) || role.starts_with("minister of ") || role.starts_with("Minister of ")
}

/// Lower-case nouns before a title that make it a post of some other body ("company president").
const NON_STATE_HEADS: &[&str] = &[
    "company", "firm", "club", "bank", "university", "college", "school", "corporation", "league", "federation", "association", "committee", "board",
    "party", "union", "group", "team", "network", "channel", "studio", "foundation", "council", "church", "airline", "institute", "society",
];

/// Lower-case nouns right before a title that are part of the post ("exercise director",
/// "fisheries bureau spokesman"): one to three words, none a function word, verb form, or a
/// word that makes it a post of a company, party, rebel group or other non-state body. Returns
/// where they start and the words.
fn modifier_words(text: &str, s: Span, title_start: usize) -> Option<(usize, String)> {
    let mut start = title_start;
    let mut words: Vec<&str> = Vec::new();
    while words.len() < 3 {
        let head = &text[s.start..start];
        let Some(h) = head.strip_suffix(' ') else { break };
        let w = h.rsplit(' ').next().unwrap_or("");
        let ok = w.len() >= 3
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && !w.ends_with("ly")
            && !MODIFIER_STOP.contains(&w)
            && !NON_STATE_HEADS.contains(&w);
        if !ok {
            break;
        }
        words.push(w);
        start = s.start + h.len() - w.len();
    }
    if words.is_empty() {
        return None;
    }
    words.reverse();
    Some((start, words.join(" ")))
}

/// "leader of Hamas's political bureau": the office is the body's, so the role names it
/// ("leader of the political bureau") while the office belongs to the organisation or state.
fn owner_body(text: &str, tspan: Span, end: usize, of: usize, out: &[Mention]) -> Option<String> {
    let rest = text[tspan.end..end].strip_prefix(" of ")?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let at = end - rest.len();
    let m = out.iter().find(|m| m.span.start == at && m.entities.first() == Some(&of))?;
    let after = &text[m.span.end..end];
    let after = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s "))?;
    let words: Vec<&str> = after.split(' ').take(3).take_while(|w| w.chars().all(|c| c.is_ascii_lowercase())).collect();
    let head = words.iter().rposition(|w| BODY_NOUNS.contains(w))?;
    let title = &text[tspan.start..tspan.end];
    Some(format!("{title} of the {}", words[..=head].join(" ")))
}

/// Bodies within a state or organisation whose head is named by them.
const BODY_NOUNS: &[&str] = &["bureau", "council", "committee", "wing", "office", "board", "cabinet", "assembly", "parliament", "politburo", "secretariat", "commission"];

/// Whether a full name follows `at` (after a space and any rank): a dictionary person, or two
/// capitalised words ("Jonathan Moyo", not "Democrats").
fn full_name_after(gaz: &Gazetteer, text: &str, at: usize) -> bool {
    let Some(mut rest) = text[at..].strip_prefix(' ') else { return false };
    for r in RANKS {
        if let Some(after) = rest.strip_prefix(r).and_then(|a| a.strip_prefix(' ')) {
            rest = after;
            break;
        }
    }
    // A name starts with a capital: most lower-case titles are followed by none ("the president said").
    if !rest.starts_with(char::is_uppercase) {
        return false;
    }
    let known = gaz.name_at(text, text.len() - rest.len()).is_some_and(|hits| hits.iter().any(|h| h.role == NameRole::Name && gaz.get(h.entity).etype == EntityType::Person));
    let words: Vec<&str> = rest.split(' ').take(2).collect();
    known
        || (words.len() == 2
            && words.iter().all(|w| {
                let w = w.trim_end_matches([',', '.', ';', ':']);
                is_capitalized(w) && !NOT_NAME.contains(&w) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            }))
}

/// The EXTRA_POSTS in a sentence with a word boundary before them and a space after.
fn extra_posts(text: &str, s: Span, posts: &[(usize, usize)]) -> Vec<(Span, String)> {
    let stext = &text[s.start..s.end];
    let mut out = Vec::new();
    for &(k, i) in posts.iter().filter(|p| p.0 > 0) {
        let post = EXTRA_POSTS[k - 1];
        let before = stext[..i].chars().next_back();
        let after = stext[i + post.len()..].chars().next();
        if before.is_none_or(|c| !is_alphanumeric(c) && c != '-') && after == Some(' ') {
            out.push((Span::new(s.start + i, s.start + i + post.len()), post.to_string()));
        }
    }
    out
}

/// Skips an armed service named between a state and a post ("US Marines exercise
/// representative"): where the qualifier before it ends.
fn skip_service(text: &str, s: Span, at: usize) -> usize {
    let head = text[s.start..at].trim_end();
    for svc in ["Marines", "Marine Corps", "Navy", "Army", "Air Force", "Coast Guard", "Police"] {
        if let Some(h) = head.strip_suffix(svc).filter(|h| h.ends_with(' ')) {
            return s.start + h.len();
        }
    }
    at
}

/// Function words, common verbs and words of non-state bodies that never modify a post.
const MODIFIER_STOP: &[&str] = &[
    "the", "and", "but", "for", "its", "his", "her", "their", "our", "your", "with", "from", "into", "onto", "said", "says", "told", "met", "saw", "hit",
    "led", "let", "put", "got", "won", "ran", "sent", "sat", "set", "cut", "quit", "was", "were", "are", "has", "had", "have", "who", "that", "which",
    "when", "while", "where", "than", "then", "also", "now", "not", "new", "former", "late", "acting", "interim", "outgoing", "incoming", "current",
    "top", "chief", "senior", "junior", "deputy", "assistant", "local", "regional", "provincial", "separatist", "rebel", "militant", "insurgent",
    "jihadist", "dissident", "opposition", "business", "tech", "industry", "media", "rights", "human", "activist", "student", "religious", "tribal",
    "football", "coach", "fund", "giant", "maker", "producer", "operator", "carrier", "startup", "energy", "oil", "gas", "mining", "insurance",
    "news", "agency", "campaign", "election", "according", "via", "about", "after", "before", "over", "under", "between", "among",
];

/// Government bodies whose post before a name is a state's ("fisheries bureau spokesman").
const GOVERNMENT_BODIES: &[&str] = &["ministry", "bureau", "department", "police", "army", "navy", "military", "government", "cabinet", "presidential", "coastguard"];

/// Military and police ranks written before a name, longest first.
const RANKS: &[&str] = &[
    "Lieutenant General", "Lieutenant Colonel", "Lieutenant Commander", "Major General", "Brigadier General", "Rear Admiral", "Vice Admiral",
    "Air Marshal", "Air Chief Marshal", "Field Marshal", "Staff Sergeant", "General", "Admiral", "Colonel", "Brigadier", "Commodore", "Captain",
    "Lieutenant", "Sergeant", "Gen.", "Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Lt. Col.", "Col.", "Adm.", "Capt.", "Lt.", "Sgt.", "Maj.",
];

/// Titles that hold only with the organisation after them ("a senior fellow at X").
const AFFILIATIONS: &[&str] = &["senior fellow", "fellow", "expert", "analyst", "researcher", "professor", "scholar"];

/// Verbs that give a person the title after them ("was named the new leader of X").
/// Words of a body's or outlet's name, never of a person's ("Human Rights Watch", "State
/// Department", "Sky News").
const INSTITUTION_WORDS: &[&str] = &[
    "Ministry", "Office", "Department", "Council", "Committee", "Party", "Group", "Agency", "Army", "Forces", "Force", "Police", "Guard", "Guards",
    "Court", "Bank", "News", "Times", "Post", "Journal", "Press", "Radio", "Television", "Service", "Institute", "University", "Union", "Association",
    "Organization", "Organisation", "Commission", "Authority", "Government", "Administration", "House", "Network", "Daily", "Media", "Watch",
    "International", "Foundation", "Center", "Centre", "Corps", "Command", "Company", "Corporation", "Fund", "Movement", "Front", "Brigade", "Brigades",
    "State", "States", "Republic", "Kingdom", "Federation", "Navy", "Airlines", "Airways", "Reuters", "Jazeera", "Monitor", "Observatory", "Crescent",
    "Cross", "Alliance", "League", "Congress", "Parliament", "Assembly", "Senate", "Ministers", "Officials", "Sources", "Statement", "Embassy",
];

/// Lower-case words inside a body's name ("Stiftung Wissenschaft und Politik").
const NAME_JOINERS: &[&str] = &["of", "for", "and", "und", "de", "la", "du", "des", "on", "&"];

/// Words that say what kind of body a name after them is ("think-tank Chatham House").
const BODY_KINDS: &[&str] = &["think-tank ", "think tank ", "research institute ", "research group ", "university ", "consultancy ", "policy institute ", "institute "];

/// The words `member_of` (pattern 0), `predecessor` (1, 2: every SUCCESSION cue holds one) and
/// `won_office` (3 and up) need.
static RARE_OFFICE_WORDS: LazyLock<Literals> = LazyLock::new(|| Literals::new([" member of ", "succe", "replac", " win ", "victory", "election", "inauguration"]));

/// What a person wins an office by ("X's win in 1990").
const WIN_NOUNS: &[&str] = &["win", "victory", "election", "re-election", "reelection", "inauguration"];

/// Verbs of holding an office for a time: "served as", "spent nine years as".
/// Also the verbs of leaving or losing one ("was ousted as vice-president").
const TENURE_VERBS: &[&str] = &[
    "served", "serves", "serving", "spent", "spends", "spending", "worked", "works", "sat", "sits", "remained", "remains", "ousted", "removed", "sacked",
    "fired", "dismissed", "resigned", "resigns", "quit", "quits", "retired", "retires",
];

/// Words that end an article-and-adjectives run before a title ("as an aide to a lawmaker").
const NOT_MODIFIERS: &[&str] = &["to", "of", "for", "with", "and", "or", "by", "in", "on", "at", "from", "who", "that", "which", "than"];

/// Nouns of an office holder in a description before a title ("the party's leader in X, First
/// Minister Y").
const HOLDER_NOUNS: &[&str] = &["leader", "head", "chief", "official", "governor", "mayor", "minister", "premier", "president", "ruler", "administrator", "representative"];

/// Bodies a person is a member of ("member of Kenya's parliament", "the Eastern Cape's executive council").
const MEMBER_BODIES: &[&str] = &["parliament", "council", "assembly", "senate", "cabinet", "legislature", "politburo", "committee", "congress"];

/// Words before the predecessor whose office a successor takes ("will succeed X", "replaced Y").
const SUCCESSION: &[&str] = &[" succeed ", " succeeds ", " succeeded ", " succeeding ", " replace ", " replaces ", " replaced ", " replacing ", " successor to ", " successor of "];

const APPOINTED: &[&str] = &[
    "was named", "has been named", "was appointed", "has been appointed", "was elected", "has been elected", "was chosen as", "was picked as",
    "was sworn in as", "became", "becomes", "was installed as", ", who doubles as", ", who also serves as", ", who serves as", ", who is also",
    "were named", "were appointed", "were elected", "were", "are",
    // "X is the head of Y": a copula before a title says the office too.
    "is", "was", "remains",
];

/// Relative clauses that give the office of the person before them, and the role they give.
const HEADS: &[(&str, &str)] = &[
    (", who heads ", "head"), (", who leads ", "leader"), (", who chairs ", "chair"), (", who runs ", "head"), (", who directs ", "director"),
    (", who commands ", "commander"),
];

/// What every clause of HEADS starts with (checked by a test).
const HEADS_PREFIX: &str = ", who ";

/// Roles of members of a legislature, whose office is their state's even when a party qualifies them.
const LEGISLATORS: &[&str] = &["lawmaker", "Senator", "Representative"];

/// Government bodies by which a definite description refers back to a state ("the ministry's
/// spokesman").
const STATE_BODIES: &[&str] = &["ministry", "government", "army", "military", "navy", "embassy", "police"];

/// Nouns by which a definite description refers back to an organisation ("the group's leader").
const ORG_ANAPHORS: &[&str] = &["movement", "group", "militia", "organisation", "organization", "insurgency", "party", "alliance", "bloc", "faction", "outfit"];

/// Words between a possessor and a title that say when the office was held ("Israel's former
/// prime minister"): the office is still the possessor's.
const TENURE_WORDS: &[&str] = &["former", "late", "then", "outgoing", "incoming", "acting", "interim", "current", "new", "longtime", "long-time", "ex-"];

/// The text before a title, without the tenure words right before it.
fn skip_tenure(text: &str, title_start: usize) -> &str {
    let mut head = text[..title_start].trim_end();
    loop {
        let w = head.rsplit(' ').next().unwrap_or("");
        if !w.is_empty() && TENURE_WORDS.contains(&w.to_lowercase().as_str()) && head.len() > w.len() {
            head = head[..head.len() - w.len()].trim_end();
        } else {
            return head;
        }
    }
}

/// Prepositions after which an unknown capitalised name is a place when its country follows.
const PLACE_PREPOSITIONS: &[&str] = &["in", "to", "from", "near", "at"];

/// Words that end a run of adjectives read backwards from a noun.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "in", "to", "from", "at", "near", "of", "for", "with", "by", "on", "and", "or", "but", "its", "their", "his", "her",
    "this", "that", "these", "those", "into", "across", "around", "outside", "over", "via", "toward", "towards", "as", "than", "is", "was",
    "are", "were", "be", "been", "has", "have", "had", "said", "says", "which", "who", "where", "while", "when", "after", "before", "since",
    "between", "through", "throughout", "inside", "within", "along", "against", "under", "about", "some", "all", "each", "every", "our", "my",
];

fn token_text<'t>(text: &'t str, t: &Token) -> &'t str {
    text.get(t.span.start..t.span.end).unwrap_or("")
}

/// "NEW YORK" -> "New York", "MAZAR-I-SHARIF" -> "Mazar-I-Sharif".
fn title_case(caps: &str) -> String {
    let mut out = String::with_capacity(caps.len());
    let mut start = true;
    for c in caps.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !is_alphanumeric(c);
    }
    out
}

/// `head` without a final possessive mark ("Kyiv's", "the Philippines'").
fn possessive_stripped(head: &str) -> Option<&str> {
    for suffix in ["'s", "’s"] {
        if let Some(h) = head.strip_suffix(suffix) {
            return Some(h);
        }
    }
    for suffix in ['\'', '’'] {
        if let Some(h) = head.strip_suffix(suffix) {
            if h.ends_with('s') {
                return Some(h);
            }
        }
    }
    None
}

/// Two or more capital letters and nothing else: an acronym, not a place name.
fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// Words that open a sentence before a comma without naming anything ("Meanwhile, ...").
fn is_sentence_adverb(w: &str) -> bool {
    const ADVERBS: &[&str] = &[
        "Meanwhile", "However", "Today", "Yesterday", "Tonight", "Now", "Still", "Instead", "Nearby", "Elsewhere", "Separately", "Earlier",
        "Later", "Overall", "Also", "Yet", "Then", "There", "Here", "Nevertheless", "Nonetheless", "Moreover", "Furthermore", "Otherwise",
        "Thus", "Hence", "Indeed", "Previously", "Afterwards", "Again", "Locally", "Nationally", "Regionally", "Abroad", "Overnight",
    ];
    ADVERBS.contains(&w) || w.ends_with("ly")
}

/// "northern", "south-eastern", "central".
fn is_compass(w: &str) -> bool {
    w == "central" || (w.ends_with("ern") && ["north", "south", "east", "west"].iter().any(|d| w.contains(d)))
}

/// A word that can be part of an unknown place name.
fn is_name_word(w: &str) -> bool {
    is_capitalized(w) && !NOT_NAME.contains(&w) && !is_acronym(w) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

fn is_covered(out: &[Mention], sp: Span) -> bool {
    out.iter().any(|m| m.span.start < sp.end && m.span.end > sp.start)
}

/// A run of up to four capitalised words from token `i` (lower-case particles allowed between
/// them), none part of a mention: an unknown name. Ends at a possessive ("X's"). Returns its
/// span, the index of the token after it, and its number of capitalised words.
fn name_run(text: &str, tokens: &[Token], i: usize, out: &[Mention]) -> Option<(Span, usize, usize)> {
    let mut end = None;
    let mut words = 0;
    let mut next = i;
    let mut j = i;
    while let Some(t) = tokens.get(j) {
        if !t.is_word || is_covered(out, t.span) || words == 4 {
            break;
        }
        if j > i && crate::text::gap(text, tokens[j - 1].span.end, t.span.start) != " " {
            break;
        }
        let core = strip_possessive(text, t.span);
        let w = text.get(core.start..core.end).unwrap_or("");
        if is_name_word(w) {
            words += 1;
            end = Some(core.end);
            j += 1;
            next = j;
            if core != t.span {
                break;
            }
        } else if words > 0 && PARTICLES.contains(&w) {
            j += 1;
        } else {
            break;
        }
    }
    Some((Span::new(tokens.get(i)?.span.start, end?), next, words))
}

/// A run of up to four capitalised words ending right before token `i`, none part of a
/// mention and none possessive.
fn name_run_before(text: &str, tokens: &[Token], i: usize, out: &[Mention]) -> Option<Span> {
    let mut start = None;
    let mut j = i;
    let mut words = 0;
    while j > 0 && words < 4 {
        let t = tokens[j - 1];
        if !t.is_word || is_covered(out, t.span) || strip_possessive(text, t.span) != t.span {
            break;
        }
        if j < i && crate::text::gap(text, t.span.end, tokens[j].span.start) != " " {
            break;
        }
        if !is_name_word(token_text(text, &t)) {
            break;
        }
        start = Some(t.span.start);
        words += 1;
        j -= 1;
    }
    Some(Span::new(start?, tokens.get(i.checked_sub(1)?)?.span.end))
}

/// What a place phrase says before its noun: a possessor ("Kyiv's", "the Philippines'") or a
/// demonym inside the phrase ("the northern Afghan city"), whether a compass adjective is
/// among its adjectives, and the word that opens it ("the", "in").
struct Before {
    qualifier: Option<(usize, Span)>,
    word: String,
    compass: bool,
}

fn before_phrase(text: &str, s: Span, at: usize, out: &[Mention]) -> Before {
    let mut pos = at;
    let mut adjectives = 0;
    let mut compass = false;
    let mut demonym: Option<(usize, Span)> = None;
    loop {
        let head = crate::text::gap(text, s.start, pos).trim_end();
        let hend = s.start + head.len();
        if demonym.is_none() {
            let (core, poss) = match possessive_stripped(head) {
                Some(h) => (s.start + h.len(), true),
                None => (hend, false),
            };
            if let Some(m) = out.iter().filter(|m| m.span.end == core && m.span.start >= s.start).min_by_key(|m| m.span.start) {
                let e = m.entities.first().copied().filter(|_| m.entities.len() == 1);
                match (e, poss, m.kind) {
                    (Some(e), true, k) if k != MentionKind::Demonym && k != MentionKind::Pronoun => {
                        return Before { qualifier: Some((e, m.span)), word: String::new(), compass };
                    }
                    (Some(e), false, MentionKind::Demonym) => {
                        demonym = Some((e, m.span));
                        pos = m.span.start;
                        adjectives = 0;
                        continue;
                    }
                    _ => return Before { qualifier: None, word: String::new(), compass },
                }
            }
        }
        let wstart = head.rfind(char::is_whitespace).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let w = head.get(wstart..).unwrap_or("");
        let lw = w.to_lowercase();
        if adjectives < 3 && !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-') && !FUNCTION_WORDS.contains(&lw.as_str()) {
            adjectives += 1;
            compass |= is_compass(&lw);
            pos = s.start + wstart;
            continue;
        }
        // A demonym qualifies the place only inside its noun phrase: "the [adj] Afghan city".
        let qualifier = demonym.filter(|_| matches!(lw.as_str(), "the" | "a" | "an"));
        return Before { qualifier, word: lw, compass };
    }
}

/// The type of place an apposition after `at` names: ", a [adj] town in", ", the port of"
/// (the place noun right before "in" or "of").
fn appositive_place_noun(text: &str, at: usize, end: usize) -> Option<EntityType> {
    let rest = crate::text::gap(text, at, end).strip_prefix(", ")?;
    let rest = rest.strip_prefix("a ").or_else(|| rest.strip_prefix("an ")).or_else(|| rest.strip_prefix("the "))?;
    let words: Vec<&str> = rest.split(' ').take(5).collect();
    for (k, w) in words.iter().enumerate() {
        if let Some(&(_, etype)) = PLACE_NOUNS.iter().find(|(n, _)| n == w).or(if *w == "capital" { Some(&("capital", EntityType::City)) } else { None }) {
            return matches!(words.get(k + 1), Some(&"in") | Some(&"of")).then_some(etype);
        }
        if !w.chars().all(|c| c.is_alphabetic() || c == '-') || FUNCTION_WORDS.contains(w) {
            return None;
        }
    }
    None
}

/// After a region's mention ending at `at`: where Y starts in "the X region of [the] Y" (the
/// region noun inside the mention or right after it).
pub(crate) fn after_region_of(text: &str, span: Span, end: usize) -> Option<usize> {
    let own = crate::text::gap(text, span.start, span.end);
    let rest = crate::text::gap(text, span.end, end);
    let ends_with_noun = |t: &str| t.rsplit(' ').next().is_some_and(|w| AREA_NOUNS.contains(&w.to_lowercase().as_str()) || w == "state");
    let rest = if ends_with_noun(own) {
        rest
    } else {
        let (w, tail) = rest.strip_prefix(' ')?.split_once(' ')?;
        if !(AREA_NOUNS.contains(&w) || w == "state") {
            return None;
        }
        tail
    };
    let rest = rest.trim_start_matches(' ').strip_prefix("of ")?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    Some(end - rest.len())
}

/// After a place ending at `at`: where Y starts in "X in [the] [adj] [adj] Y" or
/// "X, in the Y"; None when no "in" follows.
pub(crate) fn after_in(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = crate::text::gap(text, at, end);
    let r = rest.strip_prefix(" in ").or_else(|| rest.strip_prefix(", in "))?;
    let mut r = r.strip_prefix("the ").unwrap_or(r);
    for _ in 0..2 {
        let Some((w, tail)) = r.split_once(' ') else { break };
        if !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-') && !FUNCTION_WORDS.contains(&w) {
            r = tail;
        } else {
            break;
        }
    }
    Some(end - r.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_of_spans_are_those_of_their_text() {
        let texts = crate::text::sample_texts("Prime Minister. Foreign Minister Lavrov met the prime minister of X, the President.\nDefense Ministers");
        for text in &texts {
            let short = &text[..text.char_indices().nth(150).map_or(text.len(), |(i, _)| i)];
            let bounds: Vec<usize> = short.char_indices().map(|(i, _)| i).chain([short.len()]).collect();
            let mut cuts: Vec<Vec<Span>> = vec![text::sentences(text)];
            cuts.extend(bounds.windows(2).map(|w| vec![Span::new(0, w[0]), Span::new(w[0], w[1]), Span::new(w[1], short.len())]));
            cuts.extend(bounds.iter().map(|&b| vec![Span::new(0, b), Span::new(b, text.len())]));
            for spans in cuts {
                let (all, per) = matches_in(&TITLES.automaton, text, &spans);
                let direct = |t: &str| -> Vec<AcMatch> { TITLES.automaton.find_iter(t).map(|m| AcMatch { pattern: m.pattern().as_usize(), start: m.start(), end: m.end() }).collect() };
                assert_eq!(all, direct(text));
                for (sp, found) in spans.iter().zip(per) {
                    assert_eq!(found, direct(&text[sp.start..sp.end]), "{sp:?}");
                }
            }
        }
    }

    #[test]
    fn a_name_speaks_when_a_verb_of_speech_follows_it() {
        for (text, name, expected) in [
            ("Earlier, Kharkiv said on Monday it would stay.", "Kharkiv", true),
            ("Officials in Kharkiv said nothing.", "Kharkiv", true),
            ("Kharkiv, he said, was shelled.", "Kharkiv", false),
            ("Kharkiv saidtwice", "Kharkiv", false),
            ("Kharkiv was shelled. Kharkiv reported damage.", "Kharkiv", true),
            // An occurrence that overlaps the one before.
            ("Bora Bora Bora said so.", "Bora Bora", true),
            ("No name here said anything.", "Kharkiv", false),
        ] {
            assert_eq!(speaks_somewhere(text, name), expected, "{text:?} / {name:?}");
        }
    }

    #[test]
    fn a_dateline_names_its_state() {
        let gaz = Gazetteer::load(&[]).unwrap();
        for (line, expected) in [
            ("TOKYO (Reuters) - Officials said on Monday ...", Some("japan")),
            ("KYIV, Ukraine (AP) — Russia fired ...", Some("ukraine")),
            ("DUBLIN — She has slammed ...", Some("ireland")),
            ("NEW YORK — The talks ...", Some("united-states")),
            // Not in capitals: a sentence, not a dateline.
            ("Tokyo (Reuters) - Officials said ...", None),
            ("The talks — held in Tokyo — ended.", None),
            ("tOKYO — Officials said ...", None),
            ("He said — on Monday — that ...", None),
            ("— TOKYO", None),
        ] {
            let got = dateline_country(&gaz, line).map(|c| gaz.get(c).id.as_str());
            assert_eq!(got, expected, "{line:?}");
        }
    }

    #[test]
    fn the_facts_of_a_sentence_are_its_run() {
        let facts = [0, 0, 2, 3, 3, 3, 7];
        for (si, expected) in [(0, &[0, 0][..]), (1, &[]), (2, &[2]), (3, &[3, 3, 3]), (5, &[]), (7, &[7]), (9, &[])] {
            assert_eq!(in_sentence(&facts, si, |&f| f), expected, "sentence {si}");
        }
        assert!(in_sentence(&[] as &[usize], 0, |&f| f).is_empty());
    }

    #[test]
    fn heads_share_their_prefix() {
        assert!(HEADS.iter().all(|(verb, _)| verb.starts_with(HEADS_PREFIX)));
    }
}
