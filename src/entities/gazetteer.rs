//! The gazetteer: dictionary files in, one table of entities and one name automaton out.
//!
//! Files (all in `data/gazetteer/`, same format for users' `--dict` files, told apart by their
//! header): countries, organizations, metonyms, places, people, offices. Every name, alias,
//! demonym, capital and short name goes into one Aho-Corasick automaton (leftmost-longest,
//! case-sensitive), built once.

use crate::error::DataError;
use crate::text::{is_alphanumeric, Span};
use crate::tsv::Table;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum EntityType {
    Country,
    Person,
    Organization,
    City,
    Region,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Country => "Country",
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::City => "City",
            EntityType::Region => "Region",
        }
    }
    pub fn is_place(self) -> bool {
        matches!(self, EntityType::City | EntityType::Region)
    }
}

/// One entity of the dictionary.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: String,
    pub label: String,
    pub etype: EntityType,
    pub iso3: Option<String>,
    pub wikidata: Option<String>,
    pub cameo: Option<String>,
    /// For places, organisations and media: the country they belong to (an entity index).
    pub country: Option<usize>,
    /// For organs: the parent organisation.
    pub parent: Option<usize>,
    /// For organisations: igo, organ, armed-group, media, party, body.
    pub category: Option<String>,
    /// For people: 'm' or 'f'.
    pub gender: Option<char>,
    pub aliases: Vec<String>,
    /// For countries: adjective and people names ("Russian", "Russians").
    pub demonyms: Vec<String>,
}

/// One term of office.
#[derive(Debug, Clone)]
pub struct Office {
    pub person: usize,
    pub role: String,
    pub of: usize,
    pub start: Option<String>,
    pub end: Option<String>,
}

impl Office {
    /// Whether the office was held on `date` (YYYY[-MM[-DD]]); open ends count as held.
    pub fn held_on(&self, date: &str) -> bool {
        let after_start = self.start.as_deref().is_none_or(|s| prefix_le(s, date));
        let before_end = self.end.as_deref().is_none_or(|e| prefix_le(date, e));
        after_start && before_end
    }
}

/// Compares partial ISO dates, treating a shorter date as covering its whole period.
fn prefix_le(a: &str, b: &str) -> bool {
    let n = a.len().min(b.len());
    a[..n] <= b[..n]
}

/// What a matched name says about its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRole {
    /// The entity's name or an alias.
    Name,
    /// An adjective or people name of a country ("Russian", "Israelis").
    Demonym,
    /// A seat of government standing for its country ("the Kremlin"). The entity is the country.
    Metonym,
    /// A person's short name ("Putin"), resolved by coreference.
    ShortName,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameHit {
    pub entity: usize,
    pub role: NameRole,
}

/// The loaded dictionaries.
#[derive(Debug)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    pub offices: Vec<Office>,
    /// For each entity, the indices of its offices in `offices`, in file order.
    offices_by_person: Vec<Vec<u32>>,
    by_id: HashMap<String, usize>,
    by_iso3: HashMap<String, usize>,
    /// Capital city -> its country.
    capital_of: HashMap<usize, usize>,
    /// Country -> its capital city.
    capitals: HashMap<usize, usize>,
    hits: Vec<Vec<NameHit>>,
    /// Every name, searched for anchored at one position at a time.
    automaton: AhoCorasick,
    /// The first two bytes of names, as `pair_index(first, second)`; a one-byte name allows
    /// any second byte. Positions whose bytes start no name are not searched.
    first_pairs: Vec<bool>,
}

/// A dictionary file's text and the name to use in messages.
pub struct Source {
    pub name: String,
    pub text: String,
}

const BUNDLED: &[(&str, &str)] = &[
    ("data/gazetteer/countries.tsv", include_str!("../../data/gazetteer/countries.tsv")),
    ("data/gazetteer/organizations.tsv", include_str!("../../data/gazetteer/organizations.tsv")),
    ("data/gazetteer/parties.tsv", include_str!("../../data/gazetteer/parties.tsv")),
    ("data/gazetteer/places.tsv", include_str!("../../data/gazetteer/places.tsv")),
    ("data/gazetteer/metonyms.tsv", include_str!("../../data/gazetteer/metonyms.tsv")),
    ("data/gazetteer/people.tsv", include_str!("../../data/gazetteer/people.tsv")),
    ("data/gazetteer/offices.tsv", include_str!("../../data/gazetteer/offices.tsv")),
];

const FAMILY_NAME_FIRST: &str = include_str!("../../data/lexicon/family_name_first.txt");

/// Which dictionary a table is, told by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Countries,
    Organizations,
    Places,
    Metonyms,
    People,
    Offices,
}

fn kind_of(table: &Table) -> Option<FileKind> {
    let has = |c: &str| table.has_column(c);
    if has("iso3") && has("demonyms") {
        Some(FileKind::Countries)
    } else if has("category") {
        Some(FileKind::Organizations)
    } else if has("type") && has("country") {
        Some(FileKind::Places)
    } else if has("note") && has("country") {
        Some(FileKind::Metonyms)
    } else if has("gender") {
        Some(FileKind::People)
    } else if has("person") && has("role") {
        Some(FileKind::Offices)
    } else {
        None
    }
}

impl Gazetteer {
    /// The bundled dictionaries.
    pub fn bundled_sources() -> Vec<Source> {
        BUNDLED
            .iter()
            .map(|(n, t)| Source {
                name: n.to_string(),
                text: t.to_string(),
            })
            .collect()
    }

    /// Reads a user's dictionary file (`--dict`).
    pub fn read_source(path: &Path) -> Result<Source, DataError> {
        let text = std::fs::read_to_string(path).map_err(|source| DataError::Io {
            file: path.display().to_string(),
            source,
        })?;
        Ok(Source {
            name: path.display().to_string(),
            text,
        })
    }

    /// Loads the bundled dictionaries, then each user file in order. A user row whose id
    /// already exists replaces that entity.
    pub fn load(extra: &[Source]) -> Result<Gazetteer, DataError> {
        let mut sources = Gazetteer::bundled_sources();
        sources.extend(extra.iter().map(|s| Source {
            name: s.name.clone(),
            text: s.text.clone(),
        }));
        let mut tables = Vec::new();
        for s in &sources {
            let table = Table::parse(&s.name, &s.text, &[])?;
            let kind = kind_of(&table).ok_or_else(|| {
                DataError::row(&s.name, 1, "unknown dictionary header (see README: dictionary format)")
            })?;
            tables.push((kind, table));
        }
        let mut b = Builder::default();
        // Countries first: every other file refers to them by ISO code.
        for order in [
            FileKind::Countries,
            FileKind::Organizations,
            FileKind::Places,
            FileKind::Metonyms,
            FileKind::People,
            FileKind::Offices,
        ] {
            for (kind, table) in &tables {
                if *kind == order {
                    b.add(order, table)?;
                }
            }
        }
        b.finish()
    }

    pub fn get(&self, i: usize) -> &Entity {
        &self.entities[i]
    }

    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn by_iso3(&self, code: &str) -> Option<usize> {
        self.by_iso3.get(code).copied()
    }

    pub fn capital_of(&self, city: usize) -> Option<usize> {
        self.capital_of.get(&city).copied()
    }

    pub fn capital(&self, country: usize) -> Option<usize> {
        self.capitals.get(&country).copied()
    }

    /// The country an entity belongs to: itself for a country, else its `country` field.
    pub fn country_of(&self, i: usize) -> Option<usize> {
        let e = &self.entities[i];
        if e.etype == EntityType::Country {
            Some(i)
        } else {
            e.country
        }
    }

    /// Offices held by `person` on `date` (all offices when the date is unknown).
    pub fn offices_of<'a>(&'a self, person: usize, date: Option<&'a str>) -> impl Iterator<Item = &'a Office> + 'a {
        let own = self.offices_by_person.get(person).map_or(&[][..], Vec::as_slice);
        own.iter().map(|&i| &self.offices[i as usize]).filter(move |o| date.is_none_or(|d| o.held_on(d)))
    }

    /// The dictionary name that starts at byte `at` of `text` and stands there as whole words,
    /// with its hits ("Ismail Haniyeh" right after "former leader ").
    pub fn name_at(&self, text: &str, at: usize) -> Option<&[NameHit]> {
        let input = aho_corasick::Input::new(text).span(at..text.len()).anchored(aho_corasick::Anchored::Yes);
        let m = self.automaton.find(input)?;
        is_word(text, m.start(), m.end()).then(|| self.hits[m.pattern().as_usize()].as_slice())
    }

    /// Raw name matches in `text`, leftmost-longest, with word-boundary checks. A match that
    /// fails its boundary check does not hide a valid one that starts one character later.
    pub fn find_names<'a>(&'a self, text: &str) -> Vec<(usize, usize, &'a [NameHit])> {
        let mut out = Vec::new();
        self.search(text, |step| {
            if step.accepted {
                out.push((step.start, step.end, self.hits[step.pattern].as_slice()));
            }
        });
        out
    }

    /// `find_names` over all of `text`, and over each of `spans` (disjoint, in order), with the
    /// offsets of the latter relative to their span: what `find_names(&text[span])` gives.
    ///
    /// One search of the text serves both. A span's names are the whole text's names inside
    /// it, unless the span starts inside a word, or the whole-text search found a match that
    /// crosses one of its edges, passed over its start, or judged a word boundary at its edge
    /// differently than a search of the span alone would; such a span (rare) is searched again
    /// on its own.
    #[allow(clippy::type_complexity)]
    pub fn find_names_in<'a>(&'a self, text: &str, spans: &[Span]) -> (Vec<(usize, usize, &'a [NameHit])>, Vec<Vec<(usize, usize, &'a [NameHit])>>) {
        let mut steps: Vec<Step> = Vec::new();
        self.search(text, |step| steps.push(step));
        let all = steps.iter().filter(|st| st.accepted).map(|st| (st.start, st.end, self.hits[st.pattern].as_slice())).collect();
        let mut per_span = Vec::with_capacity(spans.len());
        let mut k = 0;
        for sp in spans {
            // The last step whose search started at or before the span's start.
            while k + 1 < steps.len() && steps[k + 1].from <= sp.start {
                k += 1;
            }
            let stext = &text[sp.start..sp.end];
            // A span that starts inside a word: a name at its start counts for it alone.
            if text[..sp.start].chars().next_back().is_some_and(is_alphanumeric) {
                per_span.push(self.find_names(stext));
                continue;
            }
            // The step from which a search of the span alone sees the same matches.
            let first = match steps.get(k) {
                None => k,
                Some(st) if st.start >= sp.start => k,
                // A match before the span, after which the search found nothing more.
                Some(st) if st.resume <= sp.start => k + 1,
                // The search went on from inside the span: a match there may have been skipped.
                Some(_) => {
                    per_span.push(self.find_names(stext));
                    continue;
                }
            };
            let mut names = Vec::new();
            let mut same = true;
            for st in steps[first.min(steps.len())..].iter().take_while(|st| st.start < sp.end) {
                if st.end > sp.end || is_word(stext, st.start - sp.start, st.end - sp.start) != st.accepted {
                    same = false;
                    break;
                }
                if st.accepted {
                    names.push((st.start - sp.start, st.end - sp.start, self.hits[st.pattern].as_slice()));
                }
            }
            per_span.push(if same { names } else { self.find_names(stext) });
        }
        (all, per_span)
    }

    /// The search behind `find_names`: each match found, in order, whether it passed its
    /// boundary check or not.
    ///
    /// The same matches as an unanchored leftmost-longest search that goes on one character
    /// after a match failing its boundary check, only faster: a match can pass only where no
    /// letter or digit comes before it, and must start with bytes some name starts with, so
    /// the search tries just those positions (whose first two bytes start a name: mostly
    /// capitalised words), anchored, taking the longest name there. The automaton never runs
    /// over the rest of the text.
    fn search(&self, text: &str, mut on_step: impl FnMut(Step)) {
        let bytes = text.as_bytes();
        let mut pos = 0;
        let mut p = 0;
        // Past a position where no name starts: the next byte, or past the rest of an ASCII word
        // (no name starts after a letter or digit). Most of a text is skipped word by word.
        let skip = |p: usize| match bytes[p..].iter().position(|b| !b.is_ascii_alphanumeric()) {
            Some(0) => p + 1,
            Some(k) => p + k,
            None => bytes.len(),
        };
        while p < bytes.len() {
            // A name's first byte starts a character, so `p` is a character boundary past here.
            if !self.first_pairs[pair_index(bytes[p], bytes.get(p + 1).copied())] || text[..p].chars().next_back().is_some_and(is_alphanumeric) {
                p = skip(p);
                continue;
            }
            let input = aho_corasick::Input::new(text).span(p..text.len()).anchored(aho_corasick::Anchored::Yes);
            let Some(m) = self.automaton.find(input) else {
                p = skip(p);
                continue;
            };
            let (s, e) = (m.start(), m.end());
            let accepted = is_word(text, s, e);
            let resume = if accepted { e } else { s + 1 };
            on_step(Step { from: pos, start: s, end: e, pattern: m.pattern().as_usize(), accepted, resume });
            pos = resume;
            p = resume;
        }
    }
}

/// One match of a name search: where the search started, the match, and whether it stands at
/// word boundaries.
struct Step {
    from: usize,
    start: usize,
    end: usize,
    pattern: usize,
    accepted: bool,
    /// Where the search went on.
    resume: usize,
}

/// Where the pair of a byte and the next (None at the end of the text) is in `first_pairs`.
fn pair_index(first: u8, second: Option<u8>) -> usize {
    usize::from(first) * 257 + second.map_or(256, usize::from)
}

/// Whether `text[s..e]` is a whole word (or words): no letter or digit right before or after.
fn is_word(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    before.is_none_or(|c| !is_alphanumeric(c)) && after.is_none_or(|c| !is_alphanumeric(c))
}

#[derive(Default)]
struct Builder {
    entities: Vec<Entity>,
    offices: Vec<Office>,
    by_id: HashMap<String, usize>,
    by_iso3: HashMap<String, usize>,
    demonyms: Vec<(String, usize)>,
    metonyms: Vec<(String, usize)>,
    /// (country, capital name), resolved once places are loaded.
    capital_names: Vec<(usize, String)>,
}

impl Table {
    fn has_column(&self, c: &str) -> bool {
        self.column_index(c).is_some()
    }
}

impl Builder {
    /// Adds an entity, or replaces the one with the same id (a user's --dict row). An id that
    /// already names an entity of another type is an error: ids are global.
    fn upsert(&mut self, t: &Table, row: &crate::tsv::Row, e: Entity) -> Result<usize, DataError> {
        match self.by_id.get(&e.id) {
            Some(&i) if self.entities[i].etype != e.etype => Err(t.error(
                row,
                format!("id '{}' already names a {} (ids are shared by all dictionaries)", e.id, self.entities[i].etype.as_str()),
            )),
            Some(&i) => {
                self.entities[i] = e;
                Ok(i)
            }
            None => {
                let i = self.entities.len();
                self.by_id.insert(e.id.clone(), i);
                self.entities.push(e);
                Ok(i)
            }
        }
    }

    /// Resolves an ISO alpha-3 code or an entity id.
    fn reference(&self, t: &Table, row: &crate::tsv::Row, col: &str) -> Result<Option<usize>, DataError> {
        let v = t.get(row, col);
        if v.is_empty() {
            return Ok(None);
        }
        if let Some(&i) = self.by_iso3.get(v) {
            return Ok(Some(i));
        }
        if let Some(&i) = self.by_id.get(v) {
            return Ok(Some(i));
        }
        let what = if v.bytes().all(|b| b.is_ascii_uppercase()) {
            "country code"
        } else {
            "entity id"
        };
        Err(t.error(row, format!("unknown {what} '{v}' in column '{col}'")))
    }

    fn wikidata(t: &Table, row: &crate::tsv::Row) -> Result<Option<String>, DataError> {
        match t.opt(row, "wikidata") {
            Some(q) if !is_qid(&q) => Err(t.error(row, format!("bad Wikidata id '{q}'"))),
            q => Ok(q),
        }
    }

    fn add(&mut self, kind: FileKind, t: &Table) -> Result<(), DataError> {
        for row in &t.rows {
            match kind {
                FileKind::Countries => {
                    let iso3 = t.required(row, "iso3")?.to_string();
                    if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
                        return Err(t.error(row, format!("bad ISO alpha-3 code '{iso3}'")));
                    }
                    let name = t.required(row, "name")?.to_string();
                    let id = t.opt(row, "id").unwrap_or_else(|| slug(&name));
                    let mut aliases: Vec<String> = t.list(row, "official").map(String::from).collect();
                    aliases.extend(t.list(row, "aliases").map(String::from));
                    let i = self.upsert(t, row, Entity {
                        id,
                        label: name,
                        etype: EntityType::Country,
                        iso3: Some(iso3.clone()),
                        wikidata: Self::wikidata(t, row)?,
                        cameo: t.opt(row, "cameo"),
                        country: None,
                        parent: None,
                        category: t.opt(row, "status"),
                        gender: None,
                        aliases,
                        demonyms: t.list(row, "demonyms").map(String::from).collect(),
                    })?;
                    if let Some(&j) = self.by_iso3.get(&iso3) {
                        if j != i {
                            return Err(t.error(row, format!("ISO code '{iso3}' already used by '{}'", self.entities[j].id)));
                        }
                    }
                    self.by_iso3.insert(iso3, i);
                    for d in t.list(row, "demonyms") {
                        self.demonyms.push((d.to_string(), i));
                    }
                    if let Some(c) = t.opt(row, "capital") {
                        self.capital_names.push((i, c));
                    }
                }
                FileKind::Organizations => {
                    let name = t.required(row, "name")?.to_string();
                    let country = self.reference(t, row, "country")?;
                    let parent = self.reference(t, row, "parent").ok().flatten();
                    self.upsert(t, row, Entity {
                        id: t.opt(row, "id").unwrap_or_else(|| slug(&name)),
                        label: name,
                        etype: EntityType::Organization,
                        iso3: None,
                        wikidata: Self::wikidata(t, row)?,
                        cameo: None,
                        country,
                        parent,
                        category: t.opt(row, "category"),
                        gender: None,
                        aliases: t.list(row, "aliases").map(String::from).collect(),
                        demonyms: Vec::new(),
                    })?;
                }
                FileKind::Places => {
                    let name = t.required(row, "name")?.to_string();
                    let etype = match t.required(row, "type")? {
                        "City" => EntityType::City,
                        "Region" => EntityType::Region,
                        other => return Err(t.error(row, format!("unknown place type '{other}' (City or Region)"))),
                    };
                    let country = self.reference(t, row, "country")?;
                    self.upsert(t, row, Entity {
                        id: t.opt(row, "id").unwrap_or_else(|| slug(&name)),
                        label: name,
                        etype,
                        iso3: None,
                        wikidata: Self::wikidata(t, row)?,
                        cameo: None,
                        country,
                        parent: None,
                        category: None,
                        gender: None,
                        aliases: t.list(row, "aliases").map(String::from).collect(),
                        demonyms: Vec::new(),
                    })?;
                }
                FileKind::Metonyms => {
                    let country = self
                        .reference(t, row, "country")?
                        .ok_or_else(|| t.error(row, "empty 'country'"))?;
                    self.metonyms.push((t.required(row, "name")?.to_string(), country));
                    for a in t.list(row, "aliases") {
                        self.metonyms.push((a.to_string(), country));
                    }
                }
                FileKind::People => {
                    let name = t.required(row, "name")?.to_string();
                    let gender = match t.get(row, "gender") {
                        "" => None,
                        "m" => Some('m'),
                        "f" => Some('f'),
                        g => return Err(t.error(row, format!("bad gender '{g}' (m or f)"))),
                    };
                    self.upsert(t, row, Entity {
                        id: t.opt(row, "id").unwrap_or_else(|| slug(&name)),
                        label: name,
                        etype: EntityType::Person,
                        iso3: None,
                        wikidata: Self::wikidata(t, row)?,
                        cameo: None,
                        country: None,
                        parent: None,
                        category: None,
                        gender,
                        aliases: t.list(row, "aliases").map(String::from).collect(),
                        demonyms: Vec::new(),
                    })?;
                }
                FileKind::Offices => {
                    let person_id = t.required(row, "person")?;
                    let person = *self
                        .by_id
                        .get(person_id)
                        .filter(|&&i| self.entities[i].etype == EntityType::Person)
                        .ok_or_else(|| t.error(row, format!("unknown person '{person_id}'")))?;
                    let of = self.reference(t, row, "of")?.ok_or_else(|| t.error(row, "empty 'of'"))?;
                    let start = t.opt(row, "start");
                    let end = t.opt(row, "end");
                    for d in start.iter().chain(end.iter()) {
                        if crate::input::normalise_date(d).as_deref() != Some(d.as_str()) {
                            return Err(t.error(row, format!("bad date '{d}'")));
                        }
                    }
                    if let (Some(s), Some(e)) = (&start, &end) {
                        if !prefix_le(s, e) {
                            return Err(t.error(row, format!("office starts ({s}) after it ends ({e})")));
                        }
                    }
                    // A person's country, for people in one country's offices.
                    if self.entities[of].etype == EntityType::Country && self.entities[person].country.is_none() {
                        self.entities[person].country = Some(of);
                    }
                    self.offices.push(Office {
                        person,
                        role: t.required(row, "role")?.to_string(),
                        of,
                        start,
                        end,
                    });
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Gazetteer, DataError> {
        let Builder {
            entities,
            offices,
            by_id,
            by_iso3,
            demonyms,
            metonyms,
            capital_names,
        } = self;
        // Capitals: the city of that name in that country (added when places.tsv lacks it).
        let mut capital_of = HashMap::new();
        let mut capitals = HashMap::new();
        let mut entities = entities;
        let mut by_id = by_id;
        for (country, name) in capital_names {
            let found = entities.iter().position(|e| {
                e.etype == EntityType::City
                    && e.country == Some(country)
                    && (e.label == name || e.aliases.contains(&name))
            });
            let city = match found {
                Some(c) => c,
                None => {
                    let mut id = slug(&name);
                    if by_id.contains_key(&id) {
                        id = format!("{id}-{}", entities[country].id);
                    }
                    let i = entities.len();
                    by_id.insert(id.clone(), i);
                    entities.push(Entity {
                        id,
                        label: name,
                        etype: EntityType::City,
                        iso3: None,
                        wikidata: None,
                        cameo: None,
                        country: Some(country),
                        parent: None,
                        category: None,
                        gender: None,
                        aliases: Vec::new(),
                        demonyms: Vec::new(),
                    });
                    i
                }
            };
            capital_of.insert(city, country);
            capitals.insert(country, city);
        }

        let family_first: std::collections::HashSet<&str> = FAMILY_NAME_FIRST
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();

        let mut table: HashMap<String, Vec<NameHit>> = HashMap::new();
        let mut add = |name: &str, hit: NameHit| {
            let name = name.trim();
            if name.chars().count() < 2 {
                return;
            }
            let spellings = if name.contains('\'') { vec![name.to_string(), name.replace('\'', "’")] } else { vec![name.to_string()] };
            for n in spellings {
                let v = table.entry(n).or_default();
                if !v.contains(&hit) {
                    v.push(hit);
                }
            }
        };
        for (i, e) in entities.iter().enumerate() {
            add(&e.label, NameHit { entity: i, role: NameRole::Name });
            for a in &e.aliases {
                add(a, NameHit { entity: i, role: NameRole::Name });
            }
            if e.etype == EntityType::Person {
                for full in std::iter::once(&e.label).chain(&e.aliases) {
                    let words: Vec<&str> = full.split_whitespace().collect();
                    if words.len() >= 2 {
                        let short = if family_first.contains(words[0]) { words[0] } else { words[words.len() - 1] };
                        if short.chars().count() >= 2 && short.chars().next().is_some_and(char::is_uppercase) {
                            add(short, NameHit { entity: i, role: NameRole::ShortName });
                        }
                    }
                }
            }
        }
        for (d, c) in &demonyms {
            add(d, NameHit { entity: *c, role: NameRole::Demonym });
        }
        for (m, c) in &metonyms {
            add(m, NameHit { entity: *c, role: NameRole::Metonym });
        }
        // Names first, then short names: a full name beats a short name of someone else.
        let mut patterns: Vec<(String, Vec<NameHit>)> = table.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, hits) in &mut patterns {
            hits.sort_by_key(|h| h.role != NameRole::Name);
        }
        let (patterns, hits): (Vec<String>, Vec<Vec<NameHit>>) = patterns.into_iter().unzip();
        let mut first_pairs = vec![false; 256 * 257];
        for p in &patterns {
            match *p.as_bytes() {
                [a, b, ..] => first_pairs[pair_index(a, Some(b))] = true,
                [a] => (0..=255).map(Some).chain([None]).for_each(|b| first_pairs[pair_index(a, b)] = true),
                [] => {}
            }
            // At the end of the text a name's first byte is all there is.
            if let Some(&a) = p.as_bytes().first() {
                first_pairs[pair_index(a, None)] = true;
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // Searched only anchored, at a few positions (see `search`): a compact NFA does that
            // as fast as a DFA would, which takes some 50 MB more and longer to build.
            .start_kind(aho_corasick::StartKind::Anchored)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .map_err(|e| DataError::row("gazetteer", 0, format!("cannot build the name automaton: {e}")))?;
        let mut offices_by_person = vec![Vec::new(); entities.len()];
        for (i, o) in offices.iter().enumerate() {
            offices_by_person[o.person].push(i as u32);
        }
        Ok(Gazetteer {
            entities,
            offices,
            offices_by_person,
            by_id,
            by_iso3,
            capital_of,
            capitals,
            hits,
            automaton,
            first_pairs,
        })
    }
}

pub fn is_qid(q: &str) -> bool {
    q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit())
}

/// A stable, readable id from a name: lower case ASCII, words joined by `-`
/// ("Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan").
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' && c != '’' {
            dash = true;
        }
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' => 'A',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' | 'Ē' => 'E',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'Í' | 'Ì' | 'Î' | 'Ï' | 'İ' => 'I',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' | 'Ō' => 'O',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ű' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ū' => 'U',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'ñ' | 'ń' => 'n',
        'Ñ' => 'N',
        'š' | 'ś' | 'ş' | 'ș' => 's',
        'Š' | 'Ś' | 'Ş' | 'Ș' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ğ' => 'g',
        'ł' => 'l',
        'Ł' => 'L',
        'ý' | 'ÿ' => 'y',
        'ř' => 'r',
        'ț' | 'ţ' => 't',
        'đ' | 'ď' => 'd',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_spans_are_those_of_their_text() {
        let g = Gazetteer::load(&[]).unwrap();
        // Edges that a whole-text search sees differently: names glued to the span's edges,
        // inside words, across sentence ends.
        let texts = crate::text::sample_texts("xRussia.Ukraine and China\nUSA Iranian Iran.\nMoscowx said. Kyiv. New York Times. Beijing");
        for text in &texts {
            let whole: Vec<Span> = vec![Span::new(0, text.len())];
            let sentences = crate::text::sentences(text);
            // Every span cut at every character boundary of a short prefix, and every sentence.
            let mut cuts: Vec<Vec<Span>> = vec![whole, sentences];
            let short = &text[..text.char_indices().nth(120).map_or(text.len(), |(i, _)| i)];
            let bounds: Vec<usize> = short.char_indices().map(|(i, _)| i).chain([short.len()]).collect();
            cuts.extend(bounds.windows(2).map(|w| vec![Span::new(0, w[0]), Span::new(w[0], w[1]), Span::new(w[1], short.len())]));
            cuts.extend(bounds.iter().map(|&b| vec![Span::new(0, b), Span::new(b, text.len())]));
            for spans in cuts {
                let (all, per) = g.find_names_in(text, &spans);
                assert_eq!(all, g.find_names(text));
                for (sp, names) in spans.iter().zip(per) {
                    assert_eq!(names, g.find_names(&text[sp.start..sp.end]), "{sp:?}");
                }
            }
        }
    }

    /// The names `search` finds are those of the plain search it speeds up: the automaton
    /// tried at every character not after a letter or digit, a name taken where it ends a word,
    /// the search going on after it (or one character on).
    #[test]
    fn the_name_search_skips_no_name() {
        let g = Gazetteer::load(&[]).unwrap();
        let plain = |text: &str| {
            let mut out = Vec::new();
            let mut p = 0;
            while p < text.len() {
                let start = text.is_char_boundary(p) && !text[..p].chars().next_back().is_some_and(is_alphanumeric);
                let input = aho_corasick::Input::new(text).span(p..text.len()).anchored(aho_corasick::Anchored::Yes);
                match g.automaton.find(input).filter(|_| start) {
                    Some(m) if is_word(text, m.start(), m.end()) => {
                        out.push((m.start(), m.end(), g.hits[m.pattern().as_usize()].as_slice()));
                        p = m.end();
                    }
                    _ => p += 1,
                }
            }
            out
        };
        let texts = crate::text::sample_texts("“Russia” and ‘China’. naïveRussia, Ü-Iran, 10Russia, Russia's—China—Iran’s x-Ukraine.Russia Moscow");
        for text in &texts {
            assert_eq!(g.find_names(text), plain(text), "{text:?}");
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(slug("Côte d'Ivoire"), "cote-divoire");
        assert_eq!(slug("  U.S. "), "u-s");
    }

    #[test]
    fn partial_dates_compare_by_period() {
        let o = Office { person: 0, role: "President".into(), of: 0, start: Some("2012-05-07".into()), end: None };
        assert!(o.held_on("2024-05-16"));
        assert!(o.held_on("2012"));
        assert!(!o.held_on("2011-12-31"));
    }
}
