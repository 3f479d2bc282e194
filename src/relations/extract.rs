//! The argument finder: one document's mentions and cues in, relation records out.
//!
//! Per sentence, for each cue: the actor is the nearest actor mention before the verb group
//! (skipping relative clauses), with the actors coordinated to it; the target is the first
//! mention after the cue. Passive cues ("was struck by") swap them; nominal cues take their actor
//! from a possessive or adjective ("Russia's invasion of", "US sanctions on") or a `by` phrase.
//! The words between actor and cue decide polarity and modality; the nearest time expression
//! gives the date.

use super::patterns::{Form, Frame};
use super::{Extractor, Modality, Polarity, Relation};
use crate::dates::{self, PartialDate};
use crate::entities::mentions::{self, Analysis, Mention, MentionKind};
use crate::entities::{EntityRef, EntityType};
use crate::input::Document;
use crate::text::{is_alphanumeric, CharOffsets, speech_follows, Literals, Span, SPEECH};
use crate::vocab::Kind;
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// A mention usable as actor or target.
#[derive(Debug, Clone)]
struct Arg {
    span: Span,
    entities: Vec<usize>,
    /// Where the entity is a place (target of a visit, location), the place.
    place: Option<usize>,
    is_actor: bool,
    /// A demonym used as an adjective ("the Russian invasion"): an actor only for a nominal cue.
    bare: bool,
}

/// Words that make a following verb form a noun ("this visit", "the strikes").
const DETERMINERS: &[&str] = &["the", "this", "that", "these", "those", "a", "an", "his", "her", "its", "their", "our", "my", "whose", "during", "of"];
/// Words that make a following verb form a noun as modifiers ("a drone strike", "fresh attacks").
const NOUN_MODIFIERS: &[&str] = &[
    "drone", "missile", "rocket", "air", "artillery", "deadly", "recent", "latest", "massive", "overnight", "fresh", "new", "another", "any", "every", "each", "no",
    "such", "first", "second", "last", "next", "further", "retaliatory",
];
/// Words after which a nominal meeting cue has the clause's subject as its actor ("X, speaking
/// after a summit with Y", "X held talks with Y", "X, during a visit to Y").
const GOVERNORS: &[&str] = &["after", "following", "during", "at", "in", "entered", "enters", "resumed", "resumes", "held", "hold", "holds", "holding", "had", "has", "have", "attended", "attends", "attending", "concluded", "wrapped"];
/// Relations whose nominal cue makes the governing clause's subject a participant.
const PARTICIPATORY: &[&str] = &["meetsWith", "negotiatesWith", "visits"];

/// Verbs of doing that make their subject the actor of a nominal attack ("launched a drone attack on X").
const DEED_VERBS: &[&str] = &["launched", "launches", "launch", "launching", "carried", "conducted", "conducts", "staged", "stages", "mounted", "mounts", "unleashed", "unleashes", "executed", "claimed"];
/// Deeds whose doer is the target of a stance on them ("condemned the attack by X").
const DEEDS: &[&str] = &["attack", "attacks", "strike", "strikes", "raid", "bombing", "bombings", "shelling", "assault", "invasion", "killing", "killings", "abduction", "kidnapping", "massacre", "incursion"];
/// Aid given, told as a noun governed by a verb of giving ("X pledged $500 million in aid to Y").
const AID_RELATIONS: &[&str] = &["providesAidTo", "providesMilitaryAidTo", "providesHumanitarianAidTo"];
const AID_GOVERNORS: &[&str] = &["pledged", "pledges", "sent", "sends", "provided", "provides", "gave", "gives", "announced", "announces", "approved", "approves", "delivered", "delivers", "offered", "offers", "promised", "promises", "unveiled", "unveils", "extended", "extends", "committed", "commits"];
/// Sanctions adopted, told as a noun governed by a verb of imposing ("the EU adopted a new package
/// of sanctions against Russia").
const SANCTION_GOVERNORS: &[&str] = &["adopted", "adopts", "approved", "approves", "imposed", "imposes", "unveiled", "unveils", "announced", "announces", "introduced", "introduces", "slapped", "slaps", "agreed", "agrees"];
/// Verbs of stance or speech whose subject is not the doer of the nominal event that follows
/// ("opposed sanctions against X", "condemned attacks on Y").
const STANCE_VERBS: &[&str] = &["opposed", "opposes", "oppose", "condemned", "condemns", "criticized", "criticised", "criticizes", "criticises", "denounced", "denounces", "rejected", "rejects",
    "denied", "denies", "welcomed", "welcomes", "supported", "supports", "backed", "backs", "urged", "urges", "demanded", "demands", "praised", "praises", "discussed", "discusses",
    "feared", "fears", "warned", "warns", "said", "says", "called", "calls", "sought", "seeks", "wants", "wanted", "protested", "protests", "slammed", "slams", "questioned", "decried"];
/// Verbs that open reported speech.
/// Verbs of saying whose object is a stance noun told as news ("expressed its readiness to").
const EXPRESSIVE: &[&str] = &["expressed", "expresses", "voiced", "voices", "reaffirmed", "reaffirms", "reiterated", "reiterates", "conveyed", "conveys", "signaled", "signalled", "signals", "declared", "declares", "stressed", "underlined", "affirmed"];
/// How many words may stand between a verb cue and its target ("condemned the recent strikes on").
const MAX_GAP: usize = 4;
/// Nouns whose owner, not their topic, is the target of a verbal event ("endorsed a peace plan
/// for Ukraine proposed by Beijing" praises China).
const PLAN_NOUNS: &[&str] = &["plan", "proposal", "initiative", "formula", "framework", "resolution", "roadmap", "blueprint"];

/// Verbs of getting in touch, whose object is not the subject of a purpose clause after it
/// ("called Trump to congratulate him").
const CONTACT_VERBS: &[&str] = &["called", "phoned", "telephoned", "rang", "met", "visited", "contacted", "calls", "phones", "meets", "visits"];

/// People defined by whom they oppose: "X's critics" are not X.
const OPPONENTS: &[&str] = &["critics", "critic", "opponents", "opponent", "rivals", "rival", "enemies", "enemy", "detractors", "foes", "adversaries", "accusers"];

/// A region (a sea, islands, a province) as the target of a claim: the place itself is claimed.
fn claims_place(a: &Analysis, g: &Arg, relation: &str) -> bool {
    relation == "claims" && g.place.is_some_and(|p| a.entities.get(p).etype == EntityType::Region)
}

/// The target's entities with those coordinated to it; for a claim on a region, the region.
fn target_entities(a: &Analysis, args: &[Arg], k: usize, relation: &str, text: &str) -> Vec<usize> {
    // "attacked Ukraine and the United States condemned ...": a conjunct followed by a verb is
    // the subject of a new clause, not another target.
    let group = coordinated(args, k, text);
    let cut = group.iter().position(|&i| i > k && verb_like(&text[args[i].span.end..])).unwrap_or(group.len());
    group[..cut]
        .iter()
        .flat_map(|&i| if claims_place(a, &args[i], relation) { args[i].place.into_iter().collect() } else { args[i].entities.clone() })
        .collect()
}

fn is_country(a: &Analysis, g: &Arg) -> bool {
    g.place.is_none() && g.entities.first().is_some_and(|&e| a.entities.get(e).etype == EntityType::Country)
}

const LOCATIVE: &[&str] = &["in", "to", "from", "at", "near", "into", "outside", "across", "around", "toward", "towards", "via", "over"];
const NEGATORS: &[&str] = &["not", "never", "n't", "no longer"];
const NEG_PHRASES: &[&str] = &["refused to", "refuses to", "refuse to", "declined to", "declines to", "decline to", "denied", "denies", "deny", "has yet to", "have yet to", "failed to", "fails to",
    "no plans to", "no plan to", "no intention to", "no intention of"];
const PLANNED: &[&str] = &[
    "will", "'ll", "shall", "scheduled to", "plans to", "planned to", "plan to", "planning to", "expected to", "agreed to", "agree to",
    "set to", "intends to", "intend to", "is to", "are to", "due to", "aims to", "preparing to", "prepares to", "is going to", "are going to",
];
// "was ready to meet", "is willing to talk with": a readiness, not an event.
const HYPOTHETICAL: &[&str] = &["could", "might", "may", "would", "threatened to", "threatens to", "threaten to", "if", "ready to", "willing to", "prepared to", "offered to", "offers to", "offer to", "offering to"];

pub(crate) fn document(ex: &Extractor, doc: &Document, mut log: Option<&mut Vec<String>>) -> Vec<Relation> {
    let text = doc.text.as_str();
    let lower = crate::text::lower_keeping_offsets(text);
    let doc_date = doc.date.as_deref();
    let mut a = mentions::analyze(&ex.gazetteer, doc);
    let anchor = doc_date.and_then(PartialDate::parse);
    let mut out = Vec::new();
    let mut ctx = Ctx { ex, text, lower: &lower, doc, anchor, out: &mut out, chars: CharOffsets::default() };
    for si in 0..a.sentences.len() {
        let s = a.sentences[si];
        if let Some(log) = log.as_deref_mut() {
            log.push(format!("sentence {si}: {}", &text[s.start..s.end]));
            for m in &a.mentions[si] {
                let labels: Vec<&str> = m.entities.iter().map(|&e| a.entities.get(e).label.as_str()).collect();
                log.push(format!(
                    "  mention {:?} '{}' -> {}{}",
                    m.kind,
                    &text[m.span.start..m.span.end],
                    labels.join(" + "),
                    if m.modifier { " (modifier)" } else { "" }
                ));
            }
        }
        ctx.titles(&mut a, si, &mut log);
        ctx.places(&mut a, si, &mut log);
        ctx.sentence(&mut a, si, &mut log);
    }
    out.sort_by_key(|r| (r.sentence, r.span[0], r.span[1]));
    out
}

struct Ctx<'a, 'o> {
    ex: &'a Extractor,
    text: &'a str,
    /// The text lower-cased, every byte offset kept ([`crate::text::lower_keeping_offsets`]).
    lower: &'a str,
    doc: &'a Document,
    anchor: Option<PartialDate>,
    out: &'o mut Vec<Relation>,
    /// Character offsets of the records' spans.
    chars: CharOffsets,
}

/// The `n` words before `at`, nearest first, trimmed of punctuation, from the lower-cased text.
fn words_before(lower: &str, at: usize, n: usize) -> Vec<&str> {
    lower[..at].split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).rev().take(n).map(|w| w.trim_matches(|c: char| !is_alphanumeric(c) && c != '\'')).collect()
}

/// The last word before `at`, trimmed as by `words_before` but not lower-cased.
fn word_before(text: &str, at: usize) -> &str {
    text[..at].split_whitespace().next_back().map_or("", |w| w.trim_matches(|c: char| !is_alphanumeric(c) && c != '\''))
}

impl Ctx<'_, '_> {
    fn args(&self, a: &mut Analysis, si: usize) -> Vec<Arg> {
        let text = self.text;
        let mut args = Vec::new();
        // Taken out for the loop (which needs `a` mutably) and put back after it, not cloned.
        let ms = std::mem::take(&mut a.mentions[si]);
        for m in &ms {
            if m.modifier {
                continue;
            }
            let Some(&e) = m.entities.first() else { continue };
            let etype = a.entities.get(e).etype;
            // A media organisation is an entity only for affiliatedWith, never an event's actor or target.
            if etype == EntityType::Organization && a.entities.gaz_index(e).is_some_and(|g| self.ex.gazetteer.get(g).category.as_deref() == Some("media")) {
                continue;
            }
            // "thanked Macron's critics": the critics are the argument, not the one they oppose.
            let rest = &text[m.span.end..];
            if let Some(p) = rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("’s ")) {
                let noun = p.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                if OPPONENTS.contains(&noun) {
                    continue;
                }
            }
            // LOCATIVE words are ASCII without 'k', so an ASCII-case-insensitive match is the
            // match of the lower-cased word.
            let prev = word_before(text, m.span.start);
            let after_locative = LOCATIVE.iter().any(|l| l.eq_ignore_ascii_case(prev));
            let arg = match etype {
                EntityType::City | EntityType::Region => {
                    let country = a.entities.country_of(e);
                    match m.stands_for {
                        // A capital in actor position stands for its state ("Beijing said").
                        Some(state) if !after_locative => Arg { span: m.span, entities: vec![state], place: Some(e), is_actor: true, bare: false },
                        _ => Arg { span: m.span, entities: country.into_iter().collect(), place: Some(e), is_actor: false, bare: false },
                    }
                }
                EntityType::Person => {
                    // A title before the name belongs to the mention ("Putin and Chinese President Xi").
                    let mut start = a.titles_of(si).iter().find(|t| t.person == e && t.span.end == m.span.end).map_or(m.span.start, |t| t.span.start);
                    // ... and so does the title's possessor ("Chinese", "Russia's").
                    if let Some(p) = ms.iter().find(|p| p.modifier && p.span.end <= start && matches!(crate::text::gap(text, p.span.end, start).trim(), "" | "'s" | "’s")) {
                        start = p.span.start;
                    }
                    // "Putin's troops" are Russia's.
                    let rest = &text[m.span.end..];
                    let possessive = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s"));
                    let troops = possessive.and_then(|p| mentions::agent_noun_after(text, text.len() - p.len()));
                    match troops.and_then(|end| self.person_country(a, e).map(|c| (c, end))) {
                        Some((c, end)) => Arg { span: Span::new(m.span.start, end), entities: vec![c], place: None, is_actor: true, bare: false },
                        None => Arg { span: Span::new(start, m.span.end), entities: m.entities.clone(), place: None, is_actor: true, bare: false },
                    }
                }
                _ => {
                    let bare = mentions::is_bare_demonym(m);
                    Arg { span: m.span, entities: m.entities.clone(), place: None, is_actor: !bare, bare }
                }
            };
            args.push(arg);
        }
        a.mentions[si] = ms;
        args
    }

    /// The state a person serves: a title in this document, else an office on the article date.
    fn person_country(&self, a: &mut Analysis, person: usize) -> Option<usize> {
        if let Some(t) = a.titles.iter().find(|t| t.person == person && a.entities.get(t.of).etype == EntityType::Country) {
            return Some(t.of);
        }
        let g = a.entities.gaz_index(person)?;
        let gaz = &self.ex.gazetteer;
        let of = gaz.offices_of(g, self.doc.date.as_deref()).map(|o| o.of).find(|&c| gaz.get(c).etype == EntityType::Country)?;
        Some(a.entities.known(of))
    }

    fn titles(&mut self, a: &mut Analysis, si: usize, log: &mut Option<&mut Vec<String>>) {
        let facts = a.titles_of(si).to_vec();
        for t in facts {
            let subject = a.entities.get(t.person).clone();
            let object = a.entities.get(t.of).clone();
            if let Some(log) = log.as_deref_mut() {
                log.push(format!("  title: {} holds '{}' of {}", subject.label, t.role, object.label));
            }
            self.emit(si, a, subject, "holdsOffice", object, Polarity::Positive, Modality::Asserted, None, None, Some(t.role.clone()), t.span, "title.holds-office".into(), t.confidence);
        }
    }

    /// Place facts the mention finder read from place phrases ("the Russian town of X").
    fn places(&mut self, a: &mut Analysis, si: usize, log: &mut Option<&mut Vec<String>>) {
        let facts = a.places_of(si).to_vec();
        for f in facts {
            let (x, y) = (a.entities.get(f.place).clone(), a.entities.get(f.within).clone());
            if !x.etype.is_place() || !matches!(y.etype, EntityType::Country | EntityType::Region | EntityType::City) {
                continue;
            }
            self.note(log, format!("  locatedIn: {} in {} ({})", x.label, y.label, f.rule));
            self.emit(si, a, x, "locatedIn", y, Polarity::Positive, Modality::Asserted, None, None, None, f.span, f.rule.into(), 0.8);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        si: usize,
        a: &Analysis,
        subject: EntityRef,
        relation: &str,
        object: EntityRef,
        polarity: Polarity,
        modality: Modality,
        date: Option<String>,
        location: Option<EntityRef>,
        role: Option<String>,
        span: Span,
        rule: String,
        confidence: f32,
    ) {
        if subject.id == object.id {
            return;
        }
        let Some(def) = self.ex.vocab.get(relation) else { return };
        // Once per sentence: every record is emitted while its sentence is read, so the records
        // of sentence `si` so far are the last ones out.
        let same = |r: &Relation| r.subject.id == subject.id && r.relation == relation && r.object.id == object.id && r.polarity == polarity && r.modality == modality && r.role == role;
        if self.out.iter().rev().take_while(|r| r.sentence == si).any(same) {
            return;
        }
        let s = a.sentences[si];
        let (date, cameo, goldstein, quad_class) = match def.kind {
            Kind::Structural => (None, None, None, None),
            Kind::Event => (date, def.cameo.clone(), def.goldstein, def.quad_class),
        };
        let char_span = [self.chars.of(self.text, span.start), self.chars.of(self.text, span.end)];
        self.out.push(Relation {
            doc: self.doc.id.clone(),
            sentence: si,
            subject,
            relation: relation.to_string(),
            cameo,
            goldstein,
            quad_class,
            object,
            polarity,
            modality,
            date,
            location,
            role,
            evidence: self.text[s.start..s.end].to_string(),
            span: char_span,
            rule,
            confidence,
        });
    }

    fn sentence(&mut self, a: &mut Analysis, si: usize, log: &mut Option<&mut Vec<String>>) {
        let text = self.text;
        let ltext = self.lower;
        let s = a.sentences[si];
        let stext = &text[s.start..s.end];
        let args = self.args(a, si);
        // Every cue record joins two arguments, or the two entities of one ("the two leaders"):
        // without them, only the log would see the cues.
        let may_join = args.len() >= 2 || args.iter().any(|g| g.entities.len() >= 2);
        let cues = if !may_join && log.is_none() { Vec::new() } else { self.ex.patterns.find(stext) };
        // Time expressions matter only where a cue yields a record: found when first asked for.
        let times = std::cell::OnceCell::new();
        let anchor = self.anchor;
        let dated = || times.get_or_init(|| dates::find_both(stext, anchor));
        for cm in &cues {
            let cue = &self.ex.patterns.cues[cm.cue];
            let cspan = Span::new(s.start + cm.start, s.start + cm.end);
            let relation = cue.relation.clone();
            let wants_place = relation == "visits";
            // "withdrew its troops from southern Lebanon": a troop withdrawal from a region is from its state
            // (not "Russian troops withdrew from Kherson", a city they held).
            let troops_out = relation == "withdrawsFrom" && (cue.text.contains(" troops ") || cue.text.contains(" forces "));
            // A strike on a city is a strike on its state ("fired missiles at Kharkiv").
            // Only a past form: "strikes in Gaza" may be a noun.
            let strikes_place = matches!(relation.as_str(), "bombs" | "attacks" | "invades") && matches!(cm.form, Form::Past | Form::Participle);
            // Formatted only into a log: no allocation when none is kept.
            let mut note = |msg: std::fmt::Arguments<'_>| {
                if let Some(log) = log.as_deref_mut() {
                    log.push(format!("  cue '{}' ({}, {:?}): {msg}", &text[cspan.start..cspan.end], relation, cue.frame));
                }
            };
            // "this visit", "the strikes": a verb cue used as a noun is not a verb.
            // "will skip the meeting": a mutual cue's gerund after a determiner is a noun too.
            if (cue.frame == Frame::Verb && matches!(cm.form, Form::Base | Form::Third | Form::Gerund)) || (cue.frame == Frame::Mutual && cm.form == Form::Gerund) {
                let prev = words_before(ltext, cspan.start, 1).pop().unwrap_or_default();
                if DETERMINERS.contains(&prev) || NOUN_MODIFIERS.contains(&prev) {
                    note(format_args!("'{prev}' before the cue: a noun, not a verb; dropped"));
                    continue;
                }
            }
            // "the detained soldiers", "its occupied territories": a participle after a determiner is an adjective.
            if cue.frame == Frame::Verb && matches!(cm.form, Form::Past | Form::Participle) {
                let prev = words_before(ltext, cspan.start, 1).pop().unwrap_or_default();
                let determiner = |w: &str| matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "these" | "those" | "our" | "my");
                // Also with a demonym between: "a Lebanese armed group".
                let demonym_between = args.iter().any(|g| g.bare && g.span.end <= cspan.start && text[g.span.end..cspan.start].trim().is_empty())
                    && words_before(ltext, cspan.start, 2).get(1).is_some_and(|w| determiner(w));
                if determiner(&prev) || demonym_between {
                    note(format_args!("'{prev}' before the participle: an adjective, not a verb; dropped"));
                    continue;
                }
            }
            // "free trade", "a free press": "free" as an adjective frees nobody.
            if relation == "releases" && text[cspan.start..cspan.end].eq_ignore_ascii_case("free") {
                let next = ltext[cspan.end..s.end].split_whitespace().next().unwrap_or("").trim_matches(|c: char| !is_alphanumeric(c));
                if matches!(next, "trade" | "market" | "markets" | "speech" | "press" | "elections" | "election" | "and" | "world" | "zone" | "movement" | "access" | "agency" | "passage" | "will") {
                    note(format_args!("'free' as an adjective: dropped"));
                    continue;
                }
            }
            // "warned against displacing Palestinians", "warned of a wider war": a warning about an
            // act threatens nobody it names; "warned Israel" does.
            if relation == "threatens" && text[cspan.start..cspan.end].to_ascii_lowercase().starts_with("warn") && [" against ", " of ", " about "].iter().any(|p| text[cspan.end..s.end].starts_with(p)) {
                note(format_args!("a warning about an act, not a threat to its object; dropped"));
                continue;
            }
            // "refused to meet X": the refusal negates the next verb; it rejects nobody.
            if relation == "rejects" && cue.frame == Frame::Verb && text[cspan.end..s.end].starts_with(" to ") {
                note(format_args!("followed by an infinitive: a negator, not a rejection; dropped"));
                continue;
            }
            // "called on Ukraine to negotiate", "urged Israel not to attack": the complement of a
            // request or warning is what was asked for, not an event that happened.
            if cue.frame != Frame::Noun && matches!(cm.form, Form::Base | Form::Plain) && requested_complement(text, s, cspan.start) {
                note(format_args!("the complement of a request or warning: not an event; dropped"));
                continue;
            }
            // "warned against any attack", "to deter an invasion": an event warded off is not one
            // that happened, and the warner is not its actor.
            if (cue.frame == Frame::Noun || matches!(cm.form, Form::Base | Form::Gerund | Form::Third)) && warded_off(ltext, cspan.start) {
                note(format_args!("an event warned against or prevented: dropped"));
                continue;
            }
            // Relative clause "X, who ..., CUE": mentions inside it cannot be the actor.
            let rel_clause = relative_clause_before(text, s, cspan.start);
            let passive = matches!(cm.form, Form::Participle | Form::Past) && is_passive(text, ltext, s, cspan);
            // "citizens abducted by North Korean agents", "the islands, claimed largely by
            // Tokyo": a participle without auxiliary, right after its patient and before "by".
            let reduced_by = if cue.frame == Frame::Verb && !passive && matches!(cm.form, Form::Participle | Form::Past) && !text[..cspan.start].ends_with('-') {
                reduced_passive(text, ltext, s, cspan)
            } else {
                None
            };
            let (subjects, objects, sspan, ospan): (Vec<usize>, Vec<usize>, Span, Span);
            let place;
            let mut governed_noun = false;
            let mut qual_from: Option<usize> = None;
            let mut deed_doer = false;
            // "Russian-occupied eastern Ukraine", "Saudi-led strikes": a participle fused to its
            // actor is an adjective; the actor is the word before the hyphen.
            let fused = cue.frame == Frame::Verb && matches!(cm.form, Form::Participle | Form::Past) && text[..cspan.start].ends_with('-');
            // A cue with words after its target ("back * stance") is written for the active
            // frame only: "a group backed by Iran" backs no stance.
            if cue.tail.is_some() && (passive || reduced_by.is_some() || fused) {
                note(format_args!("a cue with words after its target has no passive or fused form: dropped"));
                continue;
            }
            match cue.frame {
                Frame::Verb if fused => {
                    let Some(agent) = args.iter().position(|g| g.span.end + 1 == cspan.start && (g.is_actor || g.bare)) else {
                        note(format_args!("participle fused to a word that is no actor: dropped"));
                        continue;
                    };
                    let Some(patient) = args.iter().position(|g| {
                        g.span.start >= cspan.end
                            && text[cspan.end..g.span.start].split_whitespace().count() <= 2
                            && text[cspan.end..g.span.start].split_whitespace().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
                            && (g.is_actor || is_country(a, g) || g.place.is_some())
                    }) else {
                        note(format_args!("fused participle without a target: dropped"));
                        continue;
                    };
                    subjects = args[agent].entities.clone();
                    objects = args[patient].entities.clone();
                    place = None;
                    sspan = args[agent].span;
                    ospan = args[patient].span;
                }
                Frame::Verb if reduced_by.is_some() => {
                    let at = reduced_by.unwrap_or(cspan.end);
                    // The agent right after "by": a name, or a demonym of the agents ("by Russian hackers").
                    let Some(agent) = args.iter().position(|g| g.span.start == at && (g.is_actor || g.bare)) else {
                        note(format_args!("reduced passive without a named agent: dropped"));
                        continue;
                    };
                    // The patient: the noun phrase the participle modifies, at most two lower-case words back.
                    let Some(patient) = args.iter().rposition(|g| {
                        g.span.end <= cspan.start && {
                            let between = crate::text::gap(text, g.span.end, cspan.start);
                            let between = between.trim_end().trim_end_matches(',');
                            let words: Vec<&str> = between.split_whitespace().collect();
                            words.len() <= 2 && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-') && !matches!(*w, "and" | "or" | "but"))
                                && words_before(ltext, g.span.start, 1).first().is_none_or(|w| *w != "by")
                        }
                    }) else {
                        note(format_args!("reduced passive without a patient right before it: dropped"));
                        continue;
                    };
                    if !(args[patient].is_actor || args[patient].bare || claims_place(a, &args[patient], &relation)) {
                        note(format_args!("reduced passive whose patient is no actor: dropped"));
                        continue;
                    }
                    subjects = coordinated(&args, agent, text).iter().flat_map(|&i| args[i].entities.clone()).collect();
                    objects = target_entities(a, &args, patient, &relation, text);
                    place = None;
                    sspan = args[agent].span;
                    ospan = args[patient].span;
                }
                Frame::Verb if passive => {
                    // "Kyiv was struck by Russian missiles".
                    let by_at = text[cspan.end..s.end].find(" by ").map(|i| cspan.end + i + 4);
                    let Some(agent) = by_at.and_then(|at| args.iter().position(|g| g.span.start >= at && g.span.start <= at + 12 && g.is_actor)) else {
                        note(format_args!("passive without a named agent: dropped"));
                        continue;
                    };
                    // Not the agent of an earlier passive ("The attack was claimed by Hamas and condemned by Egypt").
                    // "The attack on Kyiv was condemned by Poland": the attack was condemned, not Kyiv.
                    let Some(patient) = args.iter().rposition(|g| {
                        g.span.end <= cspan.start
                            && words_before(ltext, g.span.start, 1).first().is_none_or(|w| !matches!(*w, "by" | "on" | "of" | "against" | "into" | "over" | "with" | "for"))
                    }) else {
                        note(format_args!("passive without a target: dropped"));
                        continue;
                    };
                    subjects = coordinated(&args, agent, text).iter().flat_map(|&i| args[i].entities.clone()).collect();
                    let pat = coordinated(&args, patient, text);
                    objects = pat.iter().flat_map(|&i| args[i].entities.clone()).collect();
                    place = args[patient].place.filter(|_| wants_place);
                    sspan = args[agent].span;
                    ospan = args[patient].span;
                }
                Frame::Verb | Frame::Mutual => {
                    let subj = args.iter().rposition(|g| {
                        g.span.end <= cspan.start && g.is_actor && g.span.start >= s.start && !rel_clause.is_some_and(|rc| g.span.start >= rc.start && g.span.end <= rc.end)
                    });
                    // "Zelensky addressed the Assembly, accusing Russia": a participle clause after a
                    // comma shares the sentence's subject, not the last name before it.
                    let subj = if cm.form == Form::Gerund && text[s.start..cspan.start].trim_end().ends_with(',') {
                        args.iter().position(|g| g.is_actor && g.span.start >= s.start && g.span.end <= cspan.start && !rel_clause.is_some_and(|rc| g.span.start >= rc.start && g.span.end <= rc.end)).or(subj)
                    } else {
                        subj
                    };
                    // "A called B to congratulate him": the caller acts, not the one called.
                    let subj = subj.map(|i| {
                        let purpose = text[args[i].span.end..cspan.start].trim() == "to";
                        let contact = words_before(ltext, args[i].span.start, 1).first().is_some_and(|w| CONTACT_VERBS.contains(w));
                        let caller = args.iter().rposition(|g| g.span.end < args[i].span.start && g.is_actor && g.span.start >= s.start);
                        if purpose && contact { caller.unwrap_or(i) } else { i }
                    });
                    let obj_start = cspan.end;
                    let obj = args.iter().position(|g| {
                        g.span.start >= obj_start
                            && text[obj_start..g.span.start].split_whitespace().count() <= MAX_GAP
                            && (if wants_place { g.place.is_some() || is_country(a, g) } else { g.is_actor || g.bare || claims_place(a, g, &relation) || (strikes_place && g.place.is_some() && !g.entities.is_empty()) || (troops_out && g.place.is_some_and(|p| a.entities.get(p).etype == EntityType::Region) && !g.entities.is_empty()) })
                            && within_clause(text, obj_start, g.span.start)
                            && !new_predicate_between(text, obj_start, g.span.start)
                            // "condemned the attack on Israel": the victim of a deed is not the target of a stance on it.
                            && !(matches!(relation.as_str(), "criticizes" | "praises") && {
                                let w: Vec<&str> = ltext[obj_start..g.span.start].split_whitespace().map(|w| w.trim_matches(|c: char| !is_alphanumeric(c))).collect();
                                w.windows(2).any(|p| DEEDS.contains(&p[0]) && matches!(p[1], "on" | "against" | "in" | "at" | "of"))
                            })
                            // "will host a conference on Sudan": the topic of what is hosted is no guest.
                            && !(relation == "hosts" && text[obj_start..g.span.start].split_whitespace().any(|w| matches!(w, "on" | "about" | "over" | "regarding" | "for")))
                            // "freed 50 hostages held by Boko Haram": the captor is not the one released.
                            && !(relation == "releases" && text[obj_start..g.span.start].split_whitespace().any(|w| w == "by"))
                            // "welcomed Japan's decision": a stance on Japan's act, not a visit hosted.
                            && !(relation == "hosts" && (text[g.span.end..].starts_with("'s") || text[g.span.end..].starts_with("’s")))
                    });
                    if cue.frame == Frame::Mutual {
                        // Both sides: a coordinated group before the cue, or after it ("talks between A and B").
                        // "cooperation between A and B" names its sides after the cue only.
                        let between = cue.text.ends_with(" between");
                        let before: Vec<usize> = if between { Vec::new() } else { subj.map(|i| coordinated(&args, i, text)).unwrap_or_default() };
                        let mut ents: Vec<usize> = before.iter().flat_map(|&i| args[i].entities.clone()).collect();
                        let mut span = subj.map(|i| args[i].span).unwrap_or(cspan);
                        // "Le Drian will meet Aoun and Salam": one side before the cue, the other after
                        // it; the people after the cue do not meet each other.
                        let one_before = ents.len();
                        // Not a place the sides met in ("held talks in Oman").
                        let located = |o: usize| words_before(ltext, args[o].span.start, 1).first().is_some_and(|w| LOCATIVE.contains(w));
                        // "Blinken and Austin met Israeli officials": with its other side right after
                        // the cue, the group before it is one side.
                        let mut one_side = 0;
                        if ents.len() < 2 || (!between && obj.is_some_and(|o| args[o].span.start - cspan.end <= 2 && !located(o))) {
                            if let Some(o) = obj.filter(|&o| args[o].span.start - cspan.end <= 6 && !located(o)) {
                                one_side = ents.len();
                                for i in coordinated(&args, o, text) {
                                    ents.extend(args[i].entities.clone());
                                    span = span.cover(args[i].span);
                                }
                            }
                        }
                        // "A and B, both allies of C", "A and B, both U.S. allies", "A and B are allies of
                        // C": each side is C's ally, not the other's.
                        if relation == "partnerOf" && matches!(&ltext[cspan.start..cspan.end], "allies" | "ally") {
                            let after = &text[cspan.end..s.end];
                            let of_at = after.strip_prefix(" of the ").map(|r| s.end - r.len()).or_else(|| after.strip_prefix(" of ").map(|r| s.end - r.len()));
                            let of_target = of_at.and_then(|at| args.iter().position(|g| g.span.start == at && g.is_actor));
                            let possessor = subj.filter(|&i| args[i].span.end + 1 == cspan.start && words_before(ltext, args[i].span.start, 1).first().is_some_and(|w| matches!(*w, "both" | "all" | "are" | "were" | "two" | "fellow" | "key" | "close")));
                            let holder = of_target.or(possessor);
                            if let Some(h) = holder {
                                // The sides: the group before the cue (before the possessor), said of with a copula or an apposition.
                                let end = if possessor.is_some() { args[h].span.start } else { cspan.start };
                                let Some(side) = args.iter().rposition(|g| g.is_actor && g.span.end <= end && g.span.end < args[h].span.start.min(cspan.start)) else { continue };
                                let gap = &ltext[args[side].span.end..end];
                                let gw: Vec<&str> = gap.split_whitespace().collect();
                                let apposed = gap.trim_start().starts_with(", both") || gap.trim_start().starts_with(", all") || gap.trim_start().starts_with(", fellow") || gap.trim_start().starts_with(", two");
                                let copular = gw.first().is_some_and(|w| matches!(*w, "are" | "were" | "is" | "was" | "remain" | "remains" | "became"));
                                if gw.len() > 5 || !(apposed || copular) {
                                    note(format_args!("'allies' not said of the sides: dropped"));
                                    continue;
                                }
                                let hs = args[h].entities.clone();
                                for i in coordinated(&args, side, text) {
                                    for &x in &args[i].entities.clone() {
                                        for &y in &hs {
                                            let (xe, ye) = (a.entities.get(x).clone(), a.entities.get(y).clone());
                                            if xe.etype == EntityType::Person || ye.etype == EntityType::Person {
                                                continue;
                                            }
                                            self.emit(si, a, xe, "partnerOf", ye, Polarity::Positive, Modality::Asserted, None, None, None, args[i].span.cover(cspan), "partnerOf.allies-of".into(), 0.7);
                                        }
                                    }
                                }
                                continue;
                            }
                        }
                        // "Allies" names a bond only when said of the sides ("A and B are close
                        // allies", "the two allies"); "X rattled some allies" names other parties.
                        if relation == "partnerOf" && matches!(&ltext[cspan.start..cspan.end], "allies" | "ally") {
                            let w = words_before(ltext, cspan.start, 4);
                            let copula = |w: &&str| {
                                matches!(*w, "are" | "were" | "is" | "was" | "be" | "been" | "being" | "remain" | "remained" | "remains" | "became" | "become" | "becoming" | "as" | "two" | "both")
                            };
                            if !w.iter().any(copula) {
                                note(format_args!("'allies' not said of the sides: dropped"));
                                continue;
                            }
                        }
                        // Partnership binds states and organisations: beside a state, a person stands for his own.
                        // A "partnership" binds the leaders' states even when only the leaders are named.
                        let partnership = text[cspan.start..cspan.end].to_ascii_lowercase().contains("partnership");
                        if relation == "partnerOf" && (partnership || ents.iter().any(|&e| a.entities.get(e).etype != EntityType::Person)) {
                            let mut mapped = Vec::new();
                            for &e in &ents {
                                if a.entities.get(e).etype == EntityType::Person {
                                    if let Some(c) = self.person_country(a, e) { mapped.push(c) }
                                } else {
                                    mapped.push(e);
                                }
                            }
                            ents = mapped;
                            ents.sort();
                        }
                        ents.dedup();
                        if ents.len() < 2 {
                            note(format_args!("fewer than two sides: dropped"));
                            continue;
                        }
                        // Every pair, not just first-with-rest.
                        let (pol, moda) = self.qualifiers(text, span.start.min(cspan.start), cspan.start);
                        let scheduled = PARTICIPATORY.contains(&relation.as_str()) || matches!(relation.as_str(), "signsAgreementWith" | "hosts");
                        let moda = if scheduled && moda == Modality::Hypothetical && reported_would(text, s, span.start.min(cspan.start), cspan.start) { Modality::Planned } else { moda };
                        // A partnership talked about ("would discuss the comprehensive partnership") stands.
                        let moda = if relation == "partnerOf" && partnership { Modality::Asserted } else { moda };
                        let date = self.date_for(&dated().0, &dated().1, s, cspan, moda, true);
                        let split = one_before == 1 && ents.len() > 2 && relation != "partnerOf";
                        for i in 0..ents.len() {
                            for j in i + 1..ents.len() {
                                if (split && i > 0) || (one_side > 1 && j < one_side) {
                                    continue;
                                }
                                let (x, y) = (a.entities.get(ents[i]).clone(), a.entities.get(ents[j]).clone());
                                self.emit(si, a, x, &relation, y, pol, moda, date.clone(), None, None, span.cover(cspan), cue.rule.clone(), 0.7);
                            }
                        }
                        continue;
                    }
                    let Some(subj) = subj else {
                        note(format_args!("no actor before the cue: dropped"));
                        continue;
                    };
                    // "endorsed a 12-point peace plan for Ukraine proposed by Beijing": past a plan
                    // noun the target may lie further; the plan's owner is found below.
                    let obj = obj.or_else(|| {
                        let head: Vec<&str> = ltext[cspan.end..s.end].split_whitespace().take(5).map(|w| w.trim_matches(|c: char| !is_alphanumeric(c))).collect();
                        if !head.iter().any(|w| PLAN_NOUNS.contains(w)) {
                            return None;
                        }
                        args.iter().position(|g| g.span.start >= cspan.end && g.is_actor && text[cspan.end..g.span.start].split_whitespace().count() <= 8 && within_clause(text, cspan.end, g.span.start))
                    });
                    // "condemned the attack, which was carried out by Houthi rebels": a stance on a
                    // deed is a stance on its named doer.
                    let obj = obj.or_else(|| {
                        if !matches!(relation.as_str(), "criticizes" | "praises") {
                            return None;
                        }
                        let rest = &text[cspan.end..s.end];
                        let words: Vec<String> = rest.split_whitespace().take(3).map(|w| w.trim_matches(|c: char| !is_alphanumeric(c)).to_lowercase()).collect();
                        if !words.iter().any(|w| DEEDS.contains(&w.as_str())) {
                            return None;
                        }
                        let by = rest.find(" by ").filter(|&i| rest[..i].split_whitespace().count() <= 9 && !rest[..i].contains([';', '.']))?;
                        // The doer: "the attack by X", or after a verb of doing ("which was carried out by X").
                        let before_by = rest[..by].to_lowercase();
                        let deed_end = before_by.split_whitespace().last().map(|w| w.trim_matches(|c: char| !is_alphanumeric(c)).to_string()).unwrap_or_default();
                        let done = ["carried out", "claimed", "launched", "staged", "conducted", "perpetrated", "committed", "mounted", "ordered"].iter().any(|v| before_by.ends_with(v));
                        let plain = !before_by.contains(',') && !deed_end.ends_with("ed") && !deed_end.ends_with("en");
                        if !DEEDS.contains(&deed_end.as_str()) && !done && !plain {
                            return None;
                        }
                        let at = cspan.end + by + 4;
                        let found = args.iter().position(|g| g.span.start == at && (g.is_actor || g.bare));
                        deed_doer = found.is_some();
                        found
                    });
                    // "Kyiv said Moscow had attacked its ports": in a reported clause whose subject is
                    // another state, "its" is the speaker's.
                    // Tried before any later target: "Moscow said Kyiv had shelled its territory, and Ukraine denied it".
                    let speaker_target = {
                        (|| {
                        let after = &ltext[cspan.end..s.end];
                        if !matches!(relation.as_str(), "attacks" | "bombs" | "invades" | "threatens" | "demonstratesForceAgainst") || !(after.starts_with(" its ") || after.starts_with(" their ")) || after.starts_with(" its own") || after.starts_with(" their own") {
                            return None;
                        }
                        let sp = args[..subj].iter().rposition(|g| {
                            g.is_actor && {
                                let gap = ltext[g.span.end..args[subj].span.start].trim();
                                matches!(gap, "said" | "says" | "said that" | "says that" | "claimed" | "claimed that" | "alleged" | "alleged that" | "reported" | "reported that")
                            }
                        })?;
                        let speaker_state = args[sp].entities.first().is_some_and(|&e| matches!(a.entities.get(e).etype, EntityType::Country | EntityType::Organization));
                        (speaker_state && args[sp].entities != args[subj].entities).then_some(sp)
                        })()
                    };
                    if let Some(sp) = speaker_target {
                        let (pol, moda) = self.qualifiers(text, args[subj].span.end, cspan.start);
                        let date = self.date_for(&dated().0, &dated().1, s, cspan, moda, true);
                        let span = args[sp].span.cover(cspan);
                        for &x in &args[subj].entities.clone() {
                            for &y in &args[sp].entities.clone() {
                                let (xe, ye) = (a.entities.get(x).clone(), a.entities.get(y).clone());
                                note(format_args!("{} -> {}: kept ('its' is the speaker's)", xe.label, ye.label));
                                self.emit(si, a, xe, &relation, ye, pol, moda, date.clone(), None, None, span, cue.rule.clone(), 0.65);
                            }
                        }
                        continue;
                    }
                    let Some(obj) = obj else {
                        note(format_args!("no target after the cue: dropped"));
                        continue;
                    };
                    // "X met A and later criticized B": A is the object of an earlier verb
                    // phrase; the verb phrases share the clause's subject X.
                    // The actor is itself the target of an earlier verb cue ("met Scholz in Berlin and later flew to").
                    let object_of_verb = cues.iter().any(|c2| {
                        let c2_end = s.start + c2.end;
                        let f = self.ex.patterns.cues[c2.cue].frame;
                        f != Frame::Noun && c2_end <= args[subj].span.start && c2.start < cm.start && {
                            let g = &text[c2_end..args[subj].span.start];
                            !g.contains([',', ';']) && g.split_whitespace().count() <= 3
                        }
                    });
                    let subj = match shared_subject(text, ltext, &args, s, subj, cspan.start, rel_clause, object_of_verb) {
                        None => subj,
                        Some((Some(k), and_end)) => {
                            note(format_args!("actor shared with an earlier verb phrase: '{}'", &text[args[k].span.start..args[k].span.end]));
                            qual_from = Some(and_end);
                            k
                        }
                        Some((None, _)) => {
                            note(format_args!("coordinated verb phrase without a clause subject: dropped"));
                            continue;
                        }
                    };
                    // "X ... and she's praised Y": a pronoun that the entity layer left unresolved
                    // opens the cue's own clause, so the actor before it is not the subject.
                    // "it"/"they" may stand for the sentence's first actor ("While China claims
                    // neutrality, it has not condemned ..."); a later actor is not its antecedent.
                    let first_actor = !args.iter().any(|g| (g.is_actor || g.bare) && g.span.start >= s.start && g.span.end <= args[subj].span.start)
                        && !ltext[s.start..args[subj].span.start].split_whitespace().any(|w| matches!(w, "it" | "they"));
                    if pronoun_subject_between(text, args[subj].span.end, cspan.start).is_some_and(|p| !(first_actor && matches!(p.as_str(), "it" | "they"))) {
                        note(format_args!("an unresolved pronoun is the subject of the cue's clause: dropped"));
                        continue;
                    }
                    // "denied his Russian counterpart's accusations": the counterpart's state.
                    let obj = {
                        let ow = &ltext[args[obj].span.start..args[obj].span.end];
                        let next = args.get(obj + 1).filter(|n| n.bare && crate::text::gap(text, args[obj].span.end, n.span.start) == " ");
                        match next {
                            Some(n) if matches!(ow, "his" | "her" | "their" | "its") && ltext[n.span.end..].starts_with(" counterpart") => obj + 1,
                            _ => obj,
                        }
                    };
                    // "X said most of the strikes hit Kyiv": the reported clause has its own,
                    // unnamed subject, so X is not the actor.
                    {
                        let gap = &ltext[args[subj].span.end..cspan.start];
                        let words: Vec<&str> = gap.split_whitespace().map(|w| w.trim_matches(|c: char| !is_alphanumeric(c))).collect();
                        if let Some(k) = words.iter().rposition(|w| SPEECH.contains(w)) {
                            if words[k + 1..].iter().any(|w| matches!(*w, "the" | "a" | "an" | "most" | "some" | "many" | "all" | "its" | "their")) {
                                note(format_args!("reported clause with an unnamed subject: dropped"));
                                continue;
                            }
                        }
                        // "X held a briefing, when a reporter asked ...": a subordinate clause that
                        // runs up to the cue with its own unnamed subject.
                        let sub = [", when ", ", while ", ", as ", ", after ", ", because ", ", whereas ", ", until ", ", before "].iter().filter_map(|b| gap.rfind(b).map(|i| i + b.len())).max();
                        if let Some(i) = sub {
                            let clause = &gap[i..];
                            let first = clause.split_whitespace().next().unwrap_or("");
                            if !clause.contains(',') && matches!(first, "the" | "a" | "an" | "some" | "many" | "most" | "one" | "several") {
                                note(format_args!("subordinate clause with an unnamed subject: dropped"));
                                continue;
                            }
                        }
                    }
                    // "Britain drafted the resolution, which calls on the army": the cue's subject is
                    // "which", and its antecedent is no actor ("Russia, which invaded Ukraine" is).
                    {
                        let gap = &ltext[args[subj].span.end..cspan.start];
                        let rel = [", which ", ", that "].iter().filter_map(|b| gap.rfind(b).map(|i| (i, i + b.len()))).max();
                        if let Some((i, j)) = rel {
                            if i > 0 && gap[j..].split_whitespace().all(verb_group_word) {
                                note(format_args!("relative clause whose antecedent is no actor: dropped"));
                                continue;
                            }
                        }
                    }
                    // "Katz warned that Israel would hit Beirut": the speaker's own state, as the
                    // subject of the reported clause, is not what he threatens.
                    if relation == "threatens" && matches!(crate::text::gap(text, cspan.end, args[obj].span.start).trim(), "that" | "") && verb_like(text[args[obj].span.end..s.end].trim_start()) {
                        let mut own: Vec<usize> = Vec::new();
                        for &e in &args[subj].entities {
                            own.push(e);
                            own.extend(self.person_country(a, e));
                        }
                        if args[obj].entities.iter().any(|e| own.contains(e)) {
                            note(format_args!("the speaker's own side as the subject of the reported clause: dropped"));
                            continue;
                        }
                    }
                    // "X was receiving updates, the ministry said": a verb's target does not lie
                    // beyond a comma.
                    if !deed_doer && text[cspan.end..args[obj].span.start].contains(',') {
                        note(format_args!("target beyond a comma: dropped"));
                        continue;
                    }
                    // A plan's topic is not the target: its owner is ("a peace plan for Ukraine
                    // proposed by Beijing", "China's peace plan").
                    let gap = crate::text::gap(ltext, cspan.end, args[obj].span.start);
                    let obj = if gap.split_whitespace().any(|w| PLAN_NOUNS.contains(&w.trim_matches(|c: char| !is_alphanumeric(c)))) {
                        let after = &text[args[obj].span.end..s.end];
                        let owner = ["proposed by ", "put forward by ", "drafted by ", "offered by ", "brokered by ", "floated by "]
                            .iter()
                            .find_map(|p| after.find(p).filter(|&i| i <= 2).map(|i| args[obj].span.end + i + p.len()))
                            .and_then(|at| args.iter().position(|g| g.span.start == at && g.is_actor));
                        let possessor = args.iter().rposition(|g| {
                            g.is_actor && g.span.start >= cspan.end && g.span.end < args[obj].span.start && {
                                let rest = crate::text::gap(ltext, g.span.end, args[obj].span.start);
                                (rest.starts_with("'s ") || rest.starts_with("’s ")) && rest.split_whitespace().any(|w| PLAN_NOUNS.contains(&w))
                            }
                        });
                        match owner.or(possessor) {
                            Some(o) => o,
                            None => {
                                note(format_args!("target is the topic of a plan with no owner: dropped"));
                                continue;
                            }
                        }
                    } else {
                        obj
                    };
                    if let Some(tail) = &cue.tail {
                        let after: String = ltext[args[obj].span.end..s.end].trim_start().chars().filter(|c| !matches!(c, '"' | '“' | '”' | '‘' | '’')).collect();
                        // "denied Washington's accusations", "denied his Russian counterpart's accusations".
                        let possessed = {
                            let raw = &text[args[obj].span.end..s.end];
                            let words: Vec<&str> = raw.split_whitespace().take(3).collect();
                            let k = words.iter().position(|w| w.ends_with("'s") || w.ends_with("’s") || *w == "'s" || *w == "’s");
                            k.is_some_and(|k| {
                                let rest: Vec<String> = raw.split_whitespace().skip(k + 1).map(|w| w.to_lowercase()).collect();
                                let rest = rest.join(" ");
                                tail.split('|').any(|t| rest.starts_with(t))
                            })
                        };
                        if !tail.split('|').any(|t| after.starts_with(t)) && !possessed {
                            note(format_args!("target not followed by '{tail}': dropped"));
                            continue;
                        }
                    }
                    // "will not recognize Azerbaijan's claims": recognising a claim, result or
                    // decision is not diplomatic recognition; "Y's independence|sovereignty|government" is.
                    if relation == "recognizes" {
                        let after = text[args[obj].span.end..s.end].replace('’', "'");
                        if let Some(r) = after.strip_prefix("'s ") {
                            let head = r.split_whitespace().find(|w| !w.chars().all(|c| c.is_lowercase()) || !matches!(*w, "new" | "interim" | "transitional" | "breakaway" | "de" | "facto" | "military" | "elected" | "civilian")).unwrap_or("");
                            let head = head.trim_matches(|c: char| !is_alphanumeric(c)).to_lowercase();
                            if !matches!(head.as_str(), "independence" | "sovereignty" | "statehood" | "government" | "authorities" | "regime" | "leadership" | "junta" | "annexation" | "president" | "leader") {
                                note(format_args!("recognizing the target's {head}: not diplomatic recognition; dropped"));
                                continue;
                            }
                        }
                    }
                    // "demanded the release of Palestinian prisoners from Israel": the demand is on
                    // the holder, not on the state of the people held.
                    let obj = if matches!(relation.as_str(), "demands" | "appealsTo") {
                        let gap = crate::text::gap(ltext, cspan.end, args[obj].span.start);
                        if gap.split_whitespace().any(|w| matches!(w, "release" | "return" | "freeing" | "handover" | "repatriation" | "extradition")) {
                            let holder = args.iter().position(|g| {
                                g.span.start > args[obj].span.end && g.is_actor && within_clause(text, args[obj].span.end, g.span.start)
                                    && words_before(ltext, g.span.start, 1).first().is_some_and(|w| matches!(*w, "from" | "by"))
                                    && !text[args[obj].span.end..g.span.start].contains(',')
                            });
                            match holder {
                                Some(h) => h,
                                None => {
                                    note(format_args!("demand for the release of people, with no holder named: dropped"));
                                    continue;
                                }
                            }
                        } else {
                            obj
                        }
                    } else {
                        obj
                    };
                    // "Iran condemned Israel, and the United States imposed ...": a conjunct right after
                    // a verb is that verb's object, not a co-subject.
                    let mut subj_group = coordinated(&args, subj, text);
                    if let Some(p) = subj_group.iter().rposition(|&i| i < subj && words_before(ltext, args[i].span.start, 1).first().is_some_and(|w| is_verb_word(w))) {
                        subj_group.drain(..=p);
                    }
                    // "Like X, Y condemned Z": X did so too.
                    // Only for stances, which hold whatever their date.
                    let stance = matches!(relation.as_str(), "criticizes" | "praises" | "rejects" | "accuses" | "demands" | "appealsTo");
                    if let Some(like) = args.iter().position(|g| stance && g.is_actor && text[s.start..g.span.start].trim() == "Like") {
                        if text[args[like].span.end..].starts_with(", ") && args[like].span.end + 2 == args[subj_group[0]].span.start {
                            subj_group.push(like);
                        }
                    }
                    subjects = subj_group.iter().flat_map(|&i| args[i].entities.clone()).collect();
                    objects = target_entities(a, &args, obj, &relation, text);
                    place = args[obj].place.filter(|_| wants_place);
                    sspan = args[subj].span;
                    ospan = args[obj].span;
                }
                Frame::Noun => {
                    // The target right after the cue.
                    // A demonym right after the cue names the target's state ("raid on German
                    // consulate", "attack on Russian troops").
                    // "its war in Gaza", "strikes on Kharkiv": the place's state.
                    let war_place = matches!(relation.as_str(), "attacks" | "bombs");
                    let demonym_next = |g: &Arg| g.bare && crate::text::gap(ltext, cspan.end, g.span.start).split_whitespace().all(|w| matches!(w, "the" | "a" | "an"));
                    let Some(obj) = args.iter().position(|g| g.span.start >= cspan.end && g.span.start <= cspan.end + 30 && (g.is_actor || (wants_place && g.place.is_some()) || claims_place(a, g, &relation) || demonym_next(g) || (war_place && g.place.is_some() && !g.entities.is_empty())) && within_clause(text, cspan.end, g.span.start)) else {
                        note(format_args!("no target after the nominal cue: dropped"));
                        continue;
                    };
                    // "her dismissal of the envoy as a 'puppet'": a tail must follow the target.
                    if let Some(tail) = &cue.tail {
                        let after: String = ltext[args[obj].span.end..s.end].trim_start().chars().filter(|c| !matches!(c, '"' | '“' | '”' | '‘' | '’')).collect();
                        if !tail.split('|').any(|t| after.starts_with(t)) {
                            note(format_args!("target not followed by '{tail}': dropped"));
                            continue;
                        }
                    }
                    // The actor: "X's [adj] cue", "X cue" (adjective or name), or "cue T by X".
                    let poss = args.iter().rposition(|g| {
                        (g.is_actor || g.bare) && g.span.end <= cspan.start && {
                            let between = crate::text::gap(text, g.span.end, cspan.start);
                            let between = between.strip_prefix("'s").or_else(|| between.strip_prefix("’s")).unwrap_or(between);
                            let words: Vec<&str> = between.split_whitespace().collect();
                            words.len() <= 3 && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
                                // "the EU opposed sanctions against Hungary": a stance on the event, not its doer.
                                && !words.iter().any(|w| STANCE_VERBS.contains(w))
                                && !words.iter().any(|w| matches!(*w, "and" | "to" | "of" | "by" | "for" | "with" | "in" | "on" | "the" | "a"
                                    | "after" | "following" | "during" | "before" | "at" | "from" | "over" | "since" | "amid" | "despite" | "as" | "is" | "was" | "are" | "were"
                                    | "an" | "its" | "his" | "her" | "their"))
                        }
                    });
                    let by = {
                        let after_obj = &text[args[obj].span.end..s.end];
                        after_obj.strip_prefix(" by ").and_then(|_| args.iter().position(|g| g.is_actor && g.span.start == args[obj].span.end + 4))
                    };
                    let aid = AID_RELATIONS.contains(&relation.as_str());
                    // "condemning Israel for its two-year war in Gaza": "its" is the nearest state or
                    // organisation before it, in the same clause.
                    let poss = poss.or_else(|| {
                        let before = words_before(ltext, cspan.start, 4);
                        let k = before.iter().position(|w| *w == "its")?;
                        if before[..k].iter().any(|w| !w.chars().all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-')) {
                            return None;
                        }
                        let its_at = text[..cspan.start].rfind("its ")?;
                        args.iter().rposition(|g| {
                            g.is_actor && g.span.end <= its_at && g.span.start >= s.start
                                && g.entities.first().is_some_and(|&e| matches!(a.entities.get(e).etype, EntityType::Country | EntityType::Organization))
                                && within_clause(text, g.span.end, its_at)
                                && !text[g.span.end..its_at].contains(',')
                        })
                    });
                    // "Russia launched a drone attack on Odesa": the subject of a verb of doing.
                    let deed = matches!(relation.as_str(), "attacks" | "bombs") && {
                        let w = words_before(ltext, cspan.start, 4);
                        let k = w.iter().position(|x| DEED_VERBS.contains(x));
                        k.is_some_and(|k| w[..k].iter().all(|x| DETERMINERS.contains(x) || (x.chars().all(|c| c.is_lowercase() || c == '-') && !x.ends_with("ed") && !matches!(*x, "and" | "or" | "but" | "to" | "by" | "for" | "in" | "on" | "with"))))
                    };
                    // "Xi, who is on a state visit to France, ...", "Xi, on a visit to France, ...":
                    // the person the clause is said of.
                    let poss = poss.or_else(|| {
                        if relation != "visits" {
                            return None;
                        }
                        let head = &text[s.start..cspan.start];
                        let i = head.rfind(", ")?;
                        let tail = head[i + 2..].to_lowercase();
                        let mut w: Vec<&str> = tail.split_whitespace().collect();
                        if w.first() == Some(&"who") && w.get(1).is_some_and(|x| matches!(*x, "is" | "was" | "are" | "were")) {
                            w.drain(..2);
                            if w.first().is_some_and(|x| matches!(*x, "currently" | "now" | "also")) {
                                w.remove(0);
                            }
                        }
                        if w.first() != Some(&"on") || w.len() > 4 || !w[1..].iter().all(|x| x.chars().all(|c| c.is_lowercase() || c == '-') && !matches!(*x, "and" | "or" | "to" | "by" | "for" | "in" | "on" | "with")) {
                            return None;
                        }
                        args.iter().position(|g| g.is_actor && g.span.end == s.start + i)
                    });
                    let governed = if by.or(poss).is_none() && (PARTICIPATORY.contains(&relation.as_str()) || aid || deed || relation == "sanctions") { self.governing_subject(&args, s, cspan, aid, deed, relation == "sanctions") } else { None };
                    let Some(subj) = by.or(poss).or(governed) else {
                        note(format_args!("no actor for the nominal cue: dropped"));
                        continue;
                    };
                    if governed.is_some() {
                        governed_noun = true;
                        note(format_args!("actor: the subject of the clause that governs the cue"));
                    }
                    subjects = if governed.is_some() { coordinated(&args, subj, text).iter().flat_map(|&i| args[i].entities.clone()).collect() } else { args[subj].entities.clone() };
                    objects = target_entities(a, &args, obj, &relation, text);
                    place = args[obj].place.filter(|_| wants_place);
                    sspan = args[subj].span;
                    ospan = args[obj].span;
                }
            }
            let (pol, moda) = if governed_noun {
                // The verb group follows the subject: "Scholz will travel to Beijing next week for
                // talks with Xi" is planned, however long the way to the cue.
                let from = sspan.end.min(cspan.start);
                let mut end = from;
                for (n, (i, w)) in text[from..cspan.start].split_whitespace().map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w)).enumerate() {
                    if n == 6 {
                        break;
                    }
                    end = i + w.len();
                }
                self.qualifiers(text, from, end.max(from))
            } else if cue.frame == Frame::Noun {
                (Polarity::Positive, Modality::Asserted)
            } else {
                let from = qual_from.unwrap_or(if passive { ospan.end } else { sspan.end });
                self.qualifiers(text, from.min(cspan.start), cspan.start)
            };
            // A condition makes the event hypothetical: "Israel will strike Iran if it attacks",
            // "If Iran attacks, Israel will strike it".
            // "said the two governments would sign": "would" in reported speech is the future of the
            // past, a plan; a condition still makes it hypothetical below.
            // Only for scheduled acts (meetings, visits, signings): "said it would attack" stays a
            // hypothetical stance.
            let scheduled = PARTICIPATORY.contains(&relation.as_str()) || matches!(relation.as_str(), "signsAgreementWith" | "hosts");
            let moda = if cue.frame != Frame::Noun && scheduled && moda == Modality::Hypothetical && reported_would(text, s, sspan.end.min(cspan.start), cspan.start) { Modality::Planned } else { moda };
            // A warning or threat is made even when its consequence is conditional ("warned the
            // Houthis of consequences if attacks continued").
            let moda = if cue.frame != Frame::Noun && moda != Modality::Hypothetical && conditional(text, s, cspan, relation != "threatens") { Modality::Hypothetical } else { moda };
            // "Xi expressed China's readiness to work with Russia": a nominal cue that is the
            // object of a verb of saying is told as news, dated like the verb.
            let expressed = cue.frame == Frame::Noun && {
                let head = sspan.start.min(cspan.start);
                let w = words_before(ltext, head, 2);
                w.iter().take(2).any(|w| EXPRESSIVE.contains(w))
            };
            // "The EU first imposed sanctions on Russia after ...": told as history, not as today's news.
            let history = cue.frame == Frame::Verb && sspan.end <= cspan.start && ltext[sspan.end..cspan.start].split_whitespace().any(|w| matches!(w, "first" | "initially" | "originally" | "previously" | "once"));
            let date = self.date_for(&dated().0, &dated().1, s, cspan, moda, (cue.frame != Frame::Noun || governed_noun || expressed) && !history);
            let location = place.map(|p| a.entities.get(p).clone()).filter(|l| l.etype.is_place());
            // A bare "claim" is a territorial claim only on a region, told as "claimed by X" or
            // "X claims (most of) the R"; "X claimed Y attacked" claims nothing.
            if cue.frame == Frame::Verb && cue.text == "claim" {
                let region = objects.iter().all(|&o| a.entities.get(o).etype == EntityType::Region) && !objects.is_empty();
                let close = passive || reduced_by.is_some() || {
                    let gap = crate::text::gap(ltext, cspan.end, ospan.start);
                    gap.split_whitespace().all(|w| matches!(w, "the" | "most" | "all" | "much" | "of" | "nearly" | "almost" | "virtually" | "entire" | "whole" | "part" | "parts"))
                };
                if !region || !close {
                    note(format_args!("'claim' without a region claimed: dropped"));
                    continue;
                }
            }
            // "Lula, who has clashed with Milei": people clash in words; states, forces and
            // groups fight.
            if cue.text.starts_with("clash") && subjects.iter().chain(&objects).any(|&e| a.entities.get(e).etype == EntityType::Person) {
                note(format_args!("a clash of people is no attack: dropped"));
                continue;
            }
            let span = sspan.cover(ospan).cover(cspan);
            let confidence = match cue.frame {
                Frame::Verb => 0.8,
                _ => 0.7,
            };
            for &x in &subjects {
                for &y in &objects {
                    // "Kenyan police arrived in Haiti", "Russian troops arrived in Belarus": a
                    // deployment, not a visit.
                    if relation == "visits" && {
                        let st = &ltext[sspan.start..sspan.end];
                        let last = st.split_whitespace().last().unwrap_or("").trim_matches(|c: char| !is_alphanumeric(c));
                        matches!(last, "police" | "troops" | "forces" | "soldiers" | "warships" | "ships" | "vessels" | "marines" | "peacekeepers" | "units" | "jets" | "aircraft" | "personnel" | "military" | "army" | "navy")
                    } {
                        note(format_args!("forces arriving: a deployment, not a visit; dropped"));
                        continue;
                    }
                    // "during his visit to Israel" read as Netanyahu's: a leader does not visit the
                    // state he holds office in.
                    if relation == "visits" && a.entities.get(x).etype == EntityType::Person && self.person_country(a, x) == Some(y) {
                        note(format_args!("a visit to the visitor's own state: dropped"));
                        continue;
                    }
                    let subject = a.entities.get(x).clone();
                    let object = a.entities.get(y).clone();
                    note(format_args!("{} -> {}: kept", subject.label, object.label));
                    self.emit(si, a, subject, &relation, object, pol, moda, date.clone(), location.clone(), None, span, cue.rule.clone(), confidence);
                }
            }
        }
        self.structural(a, si, &args, log);
        self.allies(a, si, &args);
        self.judgements(a, si, &args);
        self.reactions(a, si, &args);
        self.critics(a, si, &args);
        self.joint_forces(a, si, &args);
        self.trip_takes(a, si, &args);
        self.requested_meetings(a, si, &args);
        self.handovers(a, si, &args);
        self.dateline_visit(a, si, &args);
    }

    /// "HANOI, Vietnam (AP) — U.S. Defense Secretary X on Wednesday ...", "TOKYO (Reuters) -
    /// U.S. President X said ...": a story filed from a place whose lead names, as its subject,
    /// an official of another state tells that official's visit to the place's country.
    fn dateline_visit(&mut self, a: &mut Analysis, si: usize, args: &[Arg]) {
        let text = self.text;
        let s = a.sentences[si];
        // The dateline opens the text or one of its first lines, in the first two sentences.
        let before = text[..s.start].trim_end_matches([' ', '\t']);
        if si > 1 || !(before.is_empty() || before.ends_with('\n')) {
            return;
        }
        let st = &text[s.start..s.end];
        let caps_len = st.find(|c: char| !(c.is_uppercase() || c == ' ' || c == '-')).unwrap_or(0);
        let name = st[..caps_len].trim_end().trim_end_matches([' ', '-']).trim_end();
        if name.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return;
        }
        let mut rest = st[name.len()..].trim_start();
        // The place: the mention finder's dateline fact, or a city the dictionary knows by that name.
        let fact = a.places_of(si).iter().find(|p| p.rule == "located.dateline" && p.span.start == s.start).map(|p| (p.place, p.within, p.span.end));
        let (place, country) = match fact {
            Some((place, within, end)) => {
                rest = text[end..s.end].trim_start();
                (place, within)
            }
            None => {
                if rest.starts_with(',') {
                    return;
                }
                let title: String = name
                    .split(' ')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next().map(|f| f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase()).unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                let gaz = &self.ex.gazetteer;
                let hits = gaz.find_names(&title);
                let Some(city) = hits.iter().filter(|(b, e, _)| *b == 0 && *e == title.len()).flat_map(|(_, _, h)| h.iter()).map(|h| h.entity).find(|&e| gaz.get(e).etype == EntityType::City) else { return };
                let Some(c) = gaz.country_of(city) else { return };
                (a.entities.known(city), a.entities.known(c))
            }
        };
        if a.entities.get(country).etype != EntityType::Country {
            return;
        }
        // An agency in brackets, then a dash.
        if let Some(r) = rest.strip_prefix('(') {
            let Some(i) = r.find(')') else { return };
            rest = r[i + 1..].trim_start();
        }
        let Some(r) = rest.strip_prefix(['—', '–', '-']) else { return };
        let lead = s.end - r.len();
        // The lead's subject: the first mention after the dash, a titled person.
        let Some(g) = args.iter().find(|g| g.span.start >= lead) else { return };
        if !text[lead..g.span.start].trim().is_empty() || !g.is_actor {
            return;
        }
        let Some(&p) = g.entities.first() else { return };
        if a.entities.get(p).etype != EntityType::Person {
            return;
        }
        let Some(home) = self.person_country(a, p) else { return };
        if home == country {
            return;
        }
        // A story filed from one capital may quote an official far away ("KYIV (AP) — Russian
        // President X said ..."): the story must also tell of travel or a meeting.
        // The rest of the text, lower-cased, each character that is no letter or digit a space:
        // char by char, which differs from `str::to_lowercase` only in a final sigma (σ or ς,
        // neither in the words looked for).
        let mut opening = String::with_capacity(text.len() - s.start + 2);
        opening.push(' ');
        for c in text[s.start..].chars() {
            if c.is_ascii() {
                opening.push(if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { ' ' });
            } else {
                opening.extend(c.to_lowercase().map(|d| if is_alphanumeric(d) { d } else { ' ' }));
            }
        }
        opening.push(' ');
        let travel = [" trip ", " visit ", " visiting ", " visited ", " tour ", " arrived ", " arrives ", " met with ", " meets with ", " talks with ", " summit ", " meeting with ", " hosted by ", " stop ", " leg "];
        if !travel.iter().any(|w| opening.contains(w)) {
            return;
        }
        let (x, y) = (a.entities.get(p).clone(), a.entities.get(country).clone());
        let location = Some(a.entities.get(place).clone()).filter(|l| l.etype.is_place());
        let date = self.doc.date.clone();
        self.emit(si, a, x, "visits", y, Polarity::Positive, Modality::Asserted, date, location, None, Span::new(s.start, g.span.end), "visits.dateline".into(), 0.6);
    }

    /// Forces of several states acting together: "suppressed by Afghan and German security
    /// personnel", "strikes in support of Afghan and US special forces", "joint Kenyan and
    /// Somali troops": each pair cooperates militarily. Not "clashes between A and B forces".
    fn joint_forces(&mut self, a: &mut Analysis, si: usize, args: &[Arg]) {
        // Every record of this rule joins two arguments of the sentence.
        if args.len() < 2 {
            return;
        }
        let text = self.text;
        let ltext = self.lower;
        let s = a.sentences[si];
        let state = |g: &Arg| (g.bare || (g.is_actor && g.place.is_none())) && g.entities.len() == 1 && a.entities.get(g.entities[0]).etype == EntityType::Country;
        let mut k = 0;
        while k < args.len() {
            if !state(&args[k]) {
                k += 1;
                continue;
            }
            let mut end = k;
            while end + 1 < args.len() && state(&args[end + 1]) && matches!(crate::text::gap(text, args[end].span.end, args[end + 1].span.start).trim(), "and" | "," | ", and") {
                end += 1;
            }
            let group = k..=end;
            k = end + 1;
            if group.clone().count() < 2 {
                continue;
            }
            let first = args[*group.start()].span;
            let last = args[*group.end()].span;
            let after = &ltext[last.end..s.end];
            let nouns = ["security forces", "special forces", "armed forces", "forces", "troops", "soldiers", "security personnel", "personnel", "warships", "navies", "armies"];
            // The noun after the last demonym, or inside its mention ("Somali troops").
            let own = &ltext[last.start..last.end];
            let inside = nouns.iter().find(|n| own.ends_with(&format!(" {n}")));
            let noun = inside.or_else(|| nouns.iter().find(|n| after.strip_prefix(' ').is_some_and(|r| r.starts_with(*n) && r[n.len()..].chars().next().is_none_or(|c| !is_alphanumeric(c)))));
            // "... while Canadian, Dutch and Norwegian forces are also taking part": the group
            // joins exercises already told of; each state cooperates with the exercise's sides
            // (the latest joint exercise of the story), not with each other.
            // Also "with forces from Chile and Peru also taking part".
            let noun_len = if inside.is_some() { 0 } else { noun.map_or(0, |n| 1 + n.len()) };
            let from_forces = {
                let p = words_before(ltext, first.start, 2);
                p.first().is_some_and(|w| *w == "from") && p.get(1).is_some_and(|w| matches!(*w, "forces" | "troops" | "soldiers" | "personnel" | "warships" | "units" | "contingents"))
            };
            let joining = (noun.is_some() || from_forces) && {
                let rest = if noun.is_some() { after.get(noun_len..).unwrap_or("").trim_start() } else { after.trim_start() };
                let rest = if from_forces && noun.is_none() { rest.strip_prefix("also ").map(|r| format!("are also {r}")).unwrap_or_else(|| rest.to_string()) } else { rest.to_string() };
                ["are also taking part", "were also taking part", "will also take part", "also took part", "are also participating", "were also participating", "will also participate", "also participated", "are also joining", "will also join", "also joined"].iter().any(|p| rest.starts_with(p))
            };
            if joining {
                let hosts: Vec<(EntityRef, EntityRef, Option<String>, Modality)> = self.out.iter().rev().filter(|r| r.doc == self.doc.id && r.sentence <= si && r.relation == "cooperatesMilitarilyWith" && r.polarity == Polarity::Positive && !r.rule.ends_with("joining")).take(1).map(|r| (r.subject.clone(), r.object.clone(), r.date.clone(), r.modality)).collect();
                let context = (si.saturating_sub(3)..=si).any(|k| {
                    let t = text[a.sentences[k].start..a.sentences[k].end].to_lowercase();
                    ["drills", "exercises", "exercise", "war games", "manoeuvres", "maneuvers"].iter().any(|x| t.contains(x))
                });
                if let (Some((h1, h2, date, moda)), true) = (hosts.first().cloned(), context) {
                    let cue = Span::new(first.start, last.end + noun_len);
                    for i in group.clone() {
                        let x = a.entities.get(args[i].entities[0]).clone();
                        for y in [&h1, &h2] {
                            self.emit(si, a, x.clone(), "cooperatesMilitarilyWith", y.clone(), Polarity::Positive, moda, date.clone(), None, None, cue, "cooperatesMilitarilyWith.joining".into(), 0.6);
                        }
                    }
                }
                continue;
            }
            let Some(noun) = noun else { continue };
            let noun_len = if inside.is_some() { 0 } else { 1 + noun.len() };
            let pre = words_before(ltext, first.start, 9);
            let w = |i: usize| pre.get(i).copied().unwrap_or("");
            // A deed done together, in the passive: "the attack was suppressed (late on Friday) by A and B forces".
            let together = [
                "suppressed", "repelled", "repulsed", "foiled", "thwarted", "secured", "guarded", "protected", "escorted", "liberated", "recaptured", "retaken", "cleared", "rescued", "freed",
                "supported", "backed", "conducted", "carried", "led",
            ];
            let by_passive = w(0) == "by" && {
                let clause: Vec<&&str> = pre[1..].iter().take_while(|x| !SPEECH.contains(x)).collect();
                let gap = crate::text::gap(text, s.start.max(first.start.saturating_sub(80)), first.start);
                clause.iter().any(|x| together.contains(x)) && !gap.contains([',', ';'])
            };
            let trigger = by_passive
                || (w(0) == "of" && matches!(w(1), "support" | "help" | "backing"))
                || matches!(w(0), "joint" | "combined" | "allied");
            if !trigger || ltext[s.start..first.start].contains(" between ") {
                continue;
            }
            let ents: Vec<usize> = group.clone().map(|i| args[i].entities[0]).collect();
            let cue = Span::new(first.start, last.end + noun_len);
            let date = self.event_date(s, cue, Modality::Asserted, true);
            for i in 0..ents.len() {
                for j in i + 1..ents.len() {
                    let (x, y) = (a.entities.get(ents[i]).clone(), a.entities.get(ents[j]).clone());
                    self.emit(si, a, x, "cooperatesMilitarilyWith", y, Polarity::Positive, Modality::Asserted, date.clone(), None, None, cue, "cooperatesMilitarilyWith.joint-forces".into(), 0.65);
                }
            }
        }
    }

    /// "her Gulf tour, which will also take her to Doha, Riyadh and Muscat": the traveller
    /// visits each place; planned with "will", asserted with "took".
    fn trip_takes(&mut self, a: &mut Analysis, si: usize, args: &[Arg]) {
        // Every record of this rule joins two arguments of the sentence.
        if args.len() < 2 {
            return;
        }
        let text = self.text;
        let ltext = self.lower;
        let s = a.sentences[si];
        let lower = &self.lower[s.start..s.end];
        // Every pattern below ends in " him to " or " her to ": most sentences have neither.
        if !lower.contains(" him to ") && !lower.contains(" her to ") {
            return;
        }
        for verb in ["take", "takes", "took", "taking"] {
            for obj in ["him", "her"] {
                let pat = format!(" {verb} {obj} to ");
                let Some(i) = lower.find(&pat) else { continue };
                let at = s.start + i;
                // A journey noun shortly before.
                let before = words_before(ltext, at, 8);
                if !before.iter().any(|w| matches!(*w, "trip" | "tour" | "visit" | "journey" | "swing" | "trips" | "tour," | "visits")) {
                    continue;
                }
                let moda = if before.iter().take(3).any(|w| matches!(*w, "will" | "would" | "'ll")) || verb == "take" || verb == "takes" { Modality::Planned } else { Modality::Asserted };
                if before.iter().take(3).any(|w| matches!(*w, "not" | "never")) {
                    continue;
                }
                let pron_at = at + 1 + verb.len() + 1;
                let Some(pron) = args.iter().find(|g| g.span.start == pron_at && g.is_actor) else { continue };
                // The traveller: the last person named before the pronoun who is not the speaker
                // ("Sanders said Trump had no plans to change his trip, which will take him to");
                // else, with no person named in the sentence, the pronoun's own antecedent.
                let person = |g: &&Arg| g.entities.first().is_some_and(|&e| a.entities.get(e).etype == EntityType::Person);
                let named: Vec<&Arg> = args.iter().filter(|g| g.span.end <= at && g.is_actor && person(g) && !matches!(&ltext[g.span.start..g.span.end], "he" | "she" | "his" | "her" | "him")).collect();
                let traveller = match named.iter().rev().find(|g| !speech_follows(text, g.span.end)) {
                    Some(g) => *g,
                    None if named.is_empty() && person(&pron) => pron,
                    None => continue,
                };
                let p = traveller.entities[0];
                let to = at + pat.len();
                let Some(first) = args.iter().position(|g| g.span.start == to && (g.place.is_some() || is_country(a, g))) else { continue };
                let mut group = vec![first];
                let mut k = first;
                while k + 1 < args.len() && (args[k + 1].place.is_some() || is_country(a, &args[k + 1])) && matches!(crate::text::gap(text, args[k].span.end, args[k + 1].span.start).trim(), "and" | "," | ", and") {
                    k += 1;
                    group.push(k);
                }
                let cue = Span::new(at + 1, to);
                let date = self.event_date(s, cue, moda, true);
                for i in group {
                    let location = args[i].place.map(|pl| a.entities.get(pl).clone()).filter(|l| l.etype.is_place());
                    for &y in &args[i].entities {
                        if a.entities.get(y).etype != EntityType::Country {
                            continue;
                        }
                        let (xe, ye) = (a.entities.get(p).clone(), a.entities.get(y).clone());
                        self.emit(si, a, xe, "visits", ye, Polarity::Positive, moda, date.clone(), location.clone(), None, traveller.span.cover(args[i].span), "visits.trip-takes-to".into(), 0.65);
                    }
                }
            }
        }
    }

    /// "Belarus handed over a German citizen to Germany", "Iran handed two French nationals over to
    /// France": handing people over to a state releases them to it.
    fn handovers(&mut self, a: &mut Analysis, si: usize, args: &[Arg]) {
        // Every record of this rule joins two arguments of the sentence.
        if args.len() < 2 {
            return;
        }
        let text = self.text;
        let ltext = self.lower;
        let s = a.sentences[si];
        let lower = &self.lower[s.start..s.end];
        // Every verb below starts with "hand": most sentences have none.
        if !lower.contains("hand") {
            return;
        }
        const PEOPLE: &[&str] = &["citizen", "citizens", "national", "nationals", "prisoner", "prisoners", "hostage", "hostages", "detainee", "detainees", "journalist", "journalists", "soldier", "soldiers", "sailors", "sailor", "fishermen", "fisherman", "captives", "captive", "pilot", "pilots", "crew", "civilians", "tourist", "tourists", "reporter", "reporters", "man", "woman", "men", "women", "student", "students"];
        for verb in ["handed over ", "hands over ", "handing over ", "hand over ", "handed ", "hands ", "handing "] {
            let mut from = 0;
            while let Some(i) = lower[from..].find(verb) {
                let at = from + i;
                from = at + verb.len();
                if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphanumeric() {
                    continue;
                }
                let rest = &lower[at + verb.len()..];
                // The people handed over, then "[over] to", within six words.
                let Some(to) = rest.find(" to ") else { continue };
                let np = &rest[..to];
                let np = if verb.ends_with("over ") { np } else { match np.strip_suffix(" over") { Some(n) => n, None => continue } };
                let words: Vec<&str> = np.split_whitespace().collect();
                if words.len() > 6 || np.contains([',', ';']) || !words.last().is_some_and(|w| PEOPLE.contains(w)) {
                    continue;
                }
                let target_at = s.start + at + verb.len() + to + 4;
                let target_at = if text[target_at..].starts_with("the ") { target_at + 4 } else { target_at };
                let Some(t) = args.iter().position(|g| g.span.start == target_at && g.is_actor && g.entities.first().is_some_and(|&e| a.entities.get(e).etype == EntityType::Country)) else { continue };
                let vstart = s.start + at;
                let Some(j) = args.iter().rposition(|g| g.is_actor && g.span.end <= vstart && g.span.start >= s.start) else { continue };
                let gap = text[args[j].span.end..vstart].to_lowercase();
                if gap.contains([',', ';']) || gap.split_whitespace().count() > 4 || words_before(ltext, args[j].span.start, 1).first().is_some_and(|w| LOCATIVE.contains(w) || matches!(*w, "of" | "by" | "with")) {
                    continue;
                }
                let (pol, moda) = self.qualifiers(text, args[j].span.end, vstart);
                let cue = Span::new(vstart, vstart + verb.len());
                let date = self.event_date(s, cue, moda, true);
                self.emit_pairs(si, a, &args[j].entities, "releases", &args[t].entities, pol, moda, &date, args[j].span.cover(args[t].span), "releases.hand-over-people-to", 0.7);
            }
        }
    }

    /// "a UN Security Council emergency meeting on the strike, held at the request of Russia":
    /// the requester appeals to the body that meets.
    fn requested_meetings(&mut self, a: &mut Analysis, si: usize, args: &[Arg]) {
        // Every record of this rule joins two arguments of the sentence.
        if args.len() < 2 {
            return;
        }
        let text = self.text;
        let s = a.sentences[si];
        let lower = &self.lower[s.start..s.end];
        // Both patterns below hold "request": most sentences have none.
        if !lower.contains("request") {
            return;
        }
        for pat in ["at the request of ", "requested by "] {
            let Some(i) = lower.find(pat) else { continue };
            let at = s.start + i;
            let after = at + pat.len();
            let Some(req) = args.iter().position(|g| g.span.start == after && g.is_actor) else { continue };
            // The body: an organisation named before, followed within three words by "meeting" or "session".
            let Some(body) = args.iter().rposition(|g| {
                g.span.end <= at && g.is_actor && g.entities.first().is_some_and(|&e| a.entities.get(e).etype == EntityType::Organization) && {
                    let next: Vec<String> = text[g.span.end..at].split_whitespace().take(3).map(|w| w.to_lowercase()).collect();
                    next.iter().any(|w| matches!(w.trim_matches(|c: char| !is_alphanumeric(c)), "meeting" | "session" | "consultations"))
                }
            }) else { continue };
            if text[args[body].span.end..at].contains([';', '.']) || text[args[body].span.end..at].split_whitespace().count() > 12 {
                continue;
            }
            let date = self.event_date(s, Span::new(at, after), Modality::Asserted, true);
            for i in coordinated(args, req, text) {
                let span = args[body].span.cover(args[i].span);
                self.emit_pairs(si, a, &args[i].entities, "appealsTo", &args[body].entities, Polarity::Positive, Modality::Asserted, &date, span, "appealsTo.meeting-at-request", 0.65);
            }
        }
    }

    /// A standing critic: "X is one of the most vocal critics of Y", "X, a fierce critic of Y
    /// and Z": X criticizes Y. The critic is the subject of a copula, or the head of an apposition.
    fn critics(&mut self, a: &mut Analysis, si: usize, args: &[Arg]) {
        // Every record of this rule joins two arguments of the sentence.
        if args.len() < 2 {
            return;
        }
        let text = self.text;
        let ltext = self.lower;
        let s = a.sentences[si];
        let lower = &self.lower[s.start..s.end];
        // "Kremlin critic Alexei Navalny", "prominent Beijing critic Jimmy Lai": the named person
        // right after "ACTOR critic" criticizes the actor.
        for (k, g) in args.iter().enumerate() {
            if !g.is_actor {
                continue;
            }
            let rest = &text[g.span.end..s.end];
            let Some(r) = rest.strip_prefix(" critic ").or_else(|| rest.strip_prefix(" critics ")) else { continue };
            let at = s.end - r.len();
            let Some(p) = args[k + 1..].iter().find(|x| x.span.start == at && x.is_actor) else { continue };
            if !p.entities.first().is_some_and(|&e| a.entities.get(e).etype == EntityType::Person) || !g.entities.first().is_some_and(|&e| a.entities.get(e).etype != EntityType::Person) {
                continue;
            }
            let prev = words_before(ltext, g.span.start, 1).pop().unwrap_or_default();
            if matches!(prev, "former" | "ex" | "onetime" | "one-time") {
                continue;
            }
            self.emit_pairs(si, a, &p.entities, "criticizes", &g.entities, Polarity::Positive, Modality::Asserted, &None, g.span.cover(p.span), "criticizes.actor-critic-name", 0.65);
        }
        // "Israel drew sharp criticism from Turkey", "Hungary faced condemnation from the EU": the
        // source of the criticism criticizes the clause's subject.
        for (k, g) in args.iter().enumerate() {
            let from_len = if text[..g.span.start].ends_with(" from ") { 6 } else if text[..g.span.start].ends_with(" from the ") { 10 } else { 0 };
            if !g.is_actor || k == 0 || from_len == 0 || g.span.start < s.start + from_len {
                continue;
            }
            let head = text[s.start..g.span.start - from_len].to_ascii_lowercase();
            let words: Vec<&str> = head.split_whitespace().collect();
            let Some(&noun) = words.last() else { continue };
            let relation = match noun {
                "criticism" | "condemnation" | "rebuke" | "rebukes" | "censure" | "criticisms" | "condemnations" => "criticizes",
                "praise" => "praises",
                _ => continue,
            };
            let n = words.len();
            let Some(v) = words[..n - 1].iter().rposition(|w| matches!(*w, "drew" | "draws" | "drawn" | "drawing" | "draw" | "faced" | "faces" | "face" | "facing" | "received" | "receives" | "receiving" | "won" | "earned" | "earns" | "attracted" | "attracts" | "sparked" | "prompted" | "triggered" | "provoked")) else { continue };
            if n - 1 - v > 3 || words[v + 1..n - 1].iter().any(|w| !w.chars().all(|c| c.is_lowercase() || c == '-') || matches!(*w, "and" | "or" | "no" | "little")) {
                continue;
            }
            // The subject: the clause's actor right before the verb group.
            let Some(verb_at) = head.rfind(&format!(" {} ", words[v])).map(|i| s.start + i + 1) else { continue };
            let Some(j) = args[..k].iter().rposition(|x| x.is_actor && x.span.end <= verb_at) else { continue };
            let gap = text[args[j].span.end..g.span.start].to_lowercase();
            let gw: Vec<&str> = gap.split_whitespace().collect();
            if gap.contains([',', ';']) || gw.len() > 8 || words_before(ltext, args[j].span.start, 1).first().is_some_and(|w| LOCATIVE.contains(w) || matches!(*w, "of" | "by" | "with" | "against" | "on")) {
                continue;
            }
            let (pol, moda) = self.qualifiers(text, args[j].span.end.min(verb_at), verb_at);
            let date = self.event_date(s, Span::new(args[j].span.end, g.span.start), moda, true);
            let rule = format!("{relation}.drew-from");
            for i in coordinated(args, k, text) {
                self.emit_pairs(si, a, &args[i].entities, relation, &args[j].entities, pol, moda, &date, args[j].span.cover(g.span), &rule, 0.65);
            }
        }

        // "Israel's Gaza war", "Russia's Ukraine war": the possessor wages war on the place named.
        for k in 1..args.len() {
            let (p, g) = (&args[k - 1], &args[k]);
            // " war" then no letter or digit, in any case (only ASCII letters lower-case to w, a, r).
            let after = &text[g.span.end..s.end];
            let war = after.get(..4).is_some_and(|w| w.eq_ignore_ascii_case(" war")) && after[4..].chars().next().is_none_or(|c| !is_alphanumeric(c));
            if !war || !p.is_actor || !matches!(crate::text::gap(text, p.span.end, g.span.start), "'s " | "’s ") {
                continue;
            }
            if !p.entities.first().is_some_and(|&e| matches!(a.entities.get(e).etype, EntityType::Country | EntityType::Organization)) {
                continue;
            }
            let targets: Vec<usize> = match g.place {
                Some(pl) => vec![pl],
                None => g.entities.clone(),
            };
            self.emit_pairs(si, a, &p.entities, "attacks", &targets, Polarity::Positive, Modality::Asserted, &None, p.span.cover(g.span), "attacks.possessor-place-war", 0.65);
        }
        // "her NATO-critical stance", "Slovakia's EU-critical government": the possessor criticizes.
        for (k, g) in args.iter().enumerate() {
            if !g.is_actor || !text[g.span.end..s.end].starts_with("-critical ") || k == 0 {
                continue;
            }
            let p = &args[k - 1];
            let gap = crate::text::gap(text, p.span.end, g.span.start);
            let pron = matches!(&ltext[p.span.start..p.span.end], "his" | "her");
            if !p.is_actor || !(matches!(gap, "'s " | "’s ") || (pron && gap == " ")) {
                continue;
            }
            self.emit_pairs(si, a, &p.entities, "criticizes", &g.entities, Polarity::Positive, Modality::Asserted, &None, p.span.cover(g.span), "criticizes.x-critical", 0.65);
        }
        // Both patterns below hold "critic": most sentences have none.
        let pats: &[&str] = if lower.contains("critic") { &["critics of ", "critic of "] } else { &[] };
        for &pat in pats {
            let mut from = 0;
            while let Some(i) = lower[from..].find(pat) {
                let at = s.start + from + i;
                from += i + pat.len();
                if text[..at].chars().next_back().is_some_and(is_alphanumeric) {
                    continue;
                }
                let after = at + pat.len();
                let after = if text[after..].starts_with("the ") { after + 4 } else { after };
                let Some(t) = args.iter().position(|g| g.span.start == after && g.is_actor) else { continue };
                // The critic, past any possessor ("X is one of Europe's fiercest critics of Y").
                let Some(k) = args.iter().rposition(|g| g.span.end <= at && !text[g.span.end..].starts_with("'s") && !text[g.span.end..].starts_with("’s")) else { continue };
                if !args[k].is_actor || args[k].span.start < s.start {
                    continue;
                }
                let gap = text[args[k].span.end..at].to_lowercase();
                let copulas = [" is ", " was ", " are ", " were ", " has been ", " have been ", " had been ", " has long been ", " remains ", " remained ", " became ", " has become "];
                let apposition = [", a ", ", an ", ", one of ", ", the ", ", another "];
                let head = copulas.iter().chain(apposition.iter()).find(|c| gap.starts_with(*c));
                let Some(head) = head else { continue };
                let rest = &gap[head.len()..];
                let words: Vec<&str> = rest.split_whitespace().collect();
                if words.len() > 7 || rest.contains([',', ';']) || words.iter().any(|w| matches!(*w, "not" | "no" | "never" | "former" | "ex" | "once" | "who" | "which" | "and" | "but")) || gap.contains("n't") {
                    continue;
                }
                if words.iter().any(|w| !w.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))) {
                    continue;
                }
                let date = self.event_date(s, Span::new(at, at + pat.len()), Modality::Asserted, false);
                for i in coordinated(args, t, text) {
                    let span = args[k].span.cover(args[i].span);
                    self.emit_pairs(si, a, &args[k].entities, "criticizes", &args[i].entities, Polarity::Positive, Modality::Asserted, &date, span, "criticizes.critic-of", 0.7);
                }
            }
        }
    }

    /// A reaction that refers back to the previous sentence: "That drew rebukes from X and Y",
    /// "The remarks prompted criticism from X". The reactor comes after "from"; the target is
    /// the subject of the previous sentence, whose words or deed "that" stands for.
    fn reactions(&mut self, a: &mut Analysis, si: usize, args: &[Arg]) {
        if si == 0 {
            return;
        }
        let text = self.text;
        let ltext = self.lower;
        let s = a.sentences[si];
        let lower = &self.lower[s.start..s.end];
        // Most sentences open with none of the openers' first words: settle that before allocating.
        let first = text[s.start..s.end].split_whitespace().next().unwrap_or("");
        if !["that", "this", "the", "his", "her", "those"].iter().any(|w| first.eq_ignore_ascii_case(w)) {
            return;
        }
        let words: Vec<&str> = lower.split_whitespace().collect();
        let openers: &[&[&str]] = &[
            &["that"], &["this"], &["the", "move"], &["the", "remarks"], &["the", "comments"], &["the", "comment"], &["the", "decision"], &["the", "statement"],
            &["his", "remarks"], &["her", "remarks"], &["his", "comments"], &["her", "comments"], &["those", "remarks"], &["those", "comments"],
        ];
        let Some(op) = openers.iter().find(|o| words.len() > o.len() + 2 && words[..o.len()] == o[..]) else { return };
        let mut k = op.len();
        if matches!(words[k], "has" | "have" | "had") {
            k += 1;
        }
        if !matches!(words[k], "drew" | "draws" | "drawn" | "prompted" | "sparked" | "triggered" | "provoked" | "brought" | "earned" | "attracted") {
            return;
        }
        k += 1;
        while k < words.len() && matches!(words[k], "a" | "sharp" | "swift" | "strong" | "angry" | "immediate" | "fierce" | "harsh" | "public" | "stern" | "quick" | "widespread") {
            k += 1;
        }
        let Some(noun) = words.get(k) else { return };
        let relation = match *noun {
            "rebuke" | "rebukes" | "criticism" | "criticisms" | "condemnation" | "condemnations" | "censure" | "denunciation" | "denunciations" => "criticizes",
            "praise" => "praises",
            _ => return,
        };
        if words.get(k + 1) != Some(&"from") {
            return;
        }
        let from_at = match lower.find(" from ") {
            Some(i) => s.start + i + 6,
            None => return,
        };
        // The reactors: actors after "from", but not a possessor ("Ireland's government") or the
        // object of "of" in an apposition ("the leader of the party").
        let reactors: Vec<&Arg> = args
            .iter()
            .filter(|g| g.is_actor && g.span.start >= from_at && within_clause(text, from_at, g.span.start))
            .filter(|g| {
                let prev = words_before(ltext, g.span.start, 1).pop().unwrap_or_default();
                let rest = &text[g.span.end..s.end];
                prev != "of" && !rest.starts_with("'s") && !rest.starts_with("’s")
            })
            .collect();
        if reactors.is_empty() {
            return;
        }
        // The target: the subject of the previous sentence, its first actor not governed by a preposition.
        let p = a.sentences[si - 1];
        let prev_args = self.args(a, si - 1);
        let Some(target) = prev_args.iter().find(|g| {
            let before = words_before(ltext, g.span.start, 1).pop().unwrap_or_default();
            g.span.start >= p.start && g.is_actor && !LOCATIVE.contains(&before) && !matches!(before, "of" | "to" | "with" | "by" | "for" | "from" | "against" | "on" | "about")
        }) else {
            return;
        };
        // Only the sentence's first actor is its subject.
        if prev_args.iter().find(|g| g.is_actor).is_none_or(|f| f.span != target.span) {
            return;
        }
        let cue = Span::new(s.start, from_at);
        let date = self.event_date(s, cue, Modality::Asserted, true);
        let rule = format!("{relation}.reaction-from");
        for g in reactors {
            self.emit_pairs(si, a, &g.entities, relation, &target.entities, Polarity::Positive, Modality::Asserted, &date, cue.cover(g.span), &rule, 0.65);
        }
    }

    /// The subject of the clause whose verb or preposition governs a nominal cue: "X, speaking
    /// after a summit with Y", "X held talks with Y", "X, during a visit to Y, said". The cue must
    /// follow a governing word, with at most three determiners or adjectives between, and the
    /// subject must be the only actor (with those coordinated to it) before the cue.
    fn governing_subject(&self, args: &[Arg], s: Span, cue: Span, aid: bool, deed: bool, sanction: bool) -> Option<usize> {
        let ltext = self.lower;
        let givers = if sanction { SANCTION_GOVERNORS } else { AID_GOVERNORS };
        let aid = aid || sanction;
        let before = words_before(ltext, cue.start, 9);
        let mut governed = false;
        // "X arrived in Cairo for talks with Y", "X flew to Beijing for a meeting with Y": a trip
        // made for the meeting ("called for talks with Y" is not one).
        let for_at = match before.iter().copied().take(2).collect::<Vec<_>>().as_slice() {
            ["for", ..] => Some(1),
            ["a" | "an" | "the", "for"] => Some(2),
            _ => None,
        };
        if let Some(f) = for_at.filter(|_| !aid && !deed) {
            let before = &before[f - 1..];
            let travel = ["arrived", "arrives", "visited", "visits", "visiting", "flew", "flies", "travelled", "traveled", "travels", "headed", "heads", "went", "goes", "came", "comes", "was", "is", "arrive", "travel", "fly", "visit"];
            if before[1..].iter().any(|w| travel.contains(w)) && !before[1..].iter().any(|w| ["call", "push", "press", "appeal", "ask", "hope", "ready", "time", "need", "seek", "sought", "urge", "lobby", "argu", "demand", "plead", "advocat", "prepar", "wait"].iter().any(|p| w.starts_with(p))) {
                return self.governing_subject_after_governed(args, s, cue, false, true);
            }
        }
        for (k, w) in before.iter().enumerate() {
            if (if deed { DEED_VERBS } else { GOVERNORS }).contains(w) && !aid {
                governed = true;
                break;
            }
            // "X pledged $500 million in aid to Y", "X sent fresh military aid to Y".
            if aid {
                if givers.contains(w) {
                    governed = true;
                    break;
                }
                let amount = w.is_empty() || w.chars().any(|c| c.is_ascii_digit()) || matches!(*w, "million" | "billion" | "millions" | "billions" | "hundreds" | "tens" | "in" | "of" | "worth" | "more" | "additional" | "further" | "new" | "fresh" | "emergency" | "the" | "a" | "an" | "its" | "their" | "military" | "humanitarian" | "economic" | "financial" | "security" | "dollars" | "euros" | "another")
                    || (sanction && matches!(*w, "package" | "round" | "set" | "wave" | "tougher" | "sweeping" | "targeted" | "fresh" | "economic" | "trade" | "sectoral"));
                if k >= 8 || !amount {
                    break;
                }
                continue;
            }
            let adjective = DETERMINERS.contains(w) || (w.chars().all(|c| c.is_lowercase() || c == '-') && !w.ends_with("ed") && !SPEECH.contains(w) && !matches!(*w, "and" | "or" | "but" | "with" | "to" | "by" | "for" | "in" | "on"));
            if k >= 3 || !adjective {
                break;
            }
        }
        if !governed {
            return None;
        }
        self.governing_subject_after_governed(args, s, cue, aid, false)
    }

    /// The clause subject of a governed nominal cue: the first actor of the sentence, with every
    /// actor before the cue coordinated with it.
    fn governing_subject_after_governed(&self, args: &[Arg], s: Span, cue: Span, aid: bool, trip: bool) -> Option<usize> {
        let text = self.text;
        let ltext = self.lower;
        // A possessor belongs to its head ("Japan's Abe").
        let possessor = |i: usize| i + 1 < args.len() && matches!(crate::text::gap(text, args[i].span.end, args[i + 1].span.start), "'s " | "’s ");
        let before: Vec<usize> = (0..args.len()).filter(|&i| args[i].span.end <= cue.start && args[i].span.start >= s.start && !possessor(i)).collect();
        let first = *before.first()?;
        if !args[first].is_actor {
            return None;
        }
        // Every actor before the cue must be coordinated with the subject.
        let group = coordinated(args, first, text);
        // On a trip, the place travelled to may stand between ("visited Cairo for talks with").
        let destination = |i: usize| trip && words_before(ltext, args[i].span.start, 1).first().is_some_and(|w| LOCATIVE.contains(w) || matches!(*w, "visited" | "visits" | "visiting" | "visit"));
        if before.iter().any(|&i| (args[i].is_actor || args[i].bare) && !group.contains(&i) && !destination(i)) {
            return None;
        }
        let gap = text[args[first].span.end..cue.start].to_lowercase();
        // "The United States, which gives ... aid to Y": a relative clause on the subject itself.
        let gap = if aid { gap.strip_prefix(", which ").unwrap_or(&gap).to_string() } else { gap };
        if gap.contains(';') || gap.contains(" but ") || gap.contains(" who ") || gap.contains(" which ") || gap.split_whitespace().count() > 12 {
            return None;
        }
        Some(first)
    }

    /// Polarity and modality from the verb group: the words between the actor and the cue.
    fn qualifiers(&self, text: &str, from: usize, cue_start: usize) -> (Polarity, Modality) {
        let group = text[from..cue_start].to_lowercase();
        // Only the last few words belong to the verb group.
        let words: Vec<&str> = group.split_whitespace().collect();
        let tail = words[words.len().saturating_sub(6)..].join(" ");
        let tail = format!(" {} ", tail.replace("n't", " n't").replace(',', " , "));
        let clause = tail.rsplit(" , ").next().unwrap_or(&tail).to_string();
        let clause = format!(" {} ", clause.trim());
        let found = qualifier_phrases(&clause);
        let has = |list: Qualifier| found & (1 << list as u8) != 0;
        let neg = (has(Qualifier::Negator) && !has(Qualifier::NotOnly)) || has(Qualifier::NegPhrase);
        let moda = if has(Qualifier::Hypothetical) {
            Modality::Hypothetical
        } else if has(Qualifier::Planned) {
            Modality::Planned
        } else {
            Modality::Asserted
        };
        (if neg { Polarity::Negative } else { Polarity::Positive }, moda)
    }

    /// The nearest time expression in the sentence; else the article date for an asserted
    /// event told as news; else none.
    /// The date of an event found outside the cue loop (which has the sentence's time
    /// expressions at hand already): past readings for asserted events, future ones otherwise.
    fn event_date(&self, s: Span, cue: Span, moda: Modality, default_to_article: bool) -> Option<String> {
        let times = dates::find(&self.text[s.start..s.end], self.anchor, moda != Modality::Asserted);
        self.date_for(&times, &times, s, cue, moda, default_to_article)
    }

    /// One record per (subject, object) pair of entities, with no location or role.
    #[allow(clippy::too_many_arguments)]
    fn emit_pairs(&mut self, si: usize, a: &Analysis, subjects: &[usize], relation: &str, objects: &[usize], polarity: Polarity, moda: Modality, date: &Option<String>, span: Span, rule: &str, confidence: f32) {
        for &x in subjects {
            for &y in objects {
                let (xe, ye) = (a.entities.get(x).clone(), a.entities.get(y).clone());
                self.emit(si, a, xe, relation, ye, polarity, moda, date.clone(), None, None, span, rule.to_string(), confidence);
            }
        }
    }

    fn date_for(&self, times: &[dates::TimeExpr], future_times: &[dates::TimeExpr], s: Span, cue: Span, moda: Modality, default_to_article: bool) -> Option<String> {
        let pool = if moda == Modality::Asserted { times } else { future_times };
        let c = cue.start - s.start;
        let st = &self.text[s.start..s.end];
        // A time expression dates only the events of its own clause: none across "; but, while,
        // which, after, before, when", and "N years since" only the event that follows it.
        let same_clause = |t: &&dates::TimeExpr| {
            let (from, to) = if t.end <= c { (t.end, c) } else { ((cue.end - s.start).min(t.start), t.start) };
            let between = format!(" {} ", st[from..to].to_lowercase());
            let since = st[t.start..t.end].to_lowercase().ends_with("since");
            !(since && t.start >= c)
                && ![";", " but ", ", while ", " while ", ", which ", ", who ", " after ", " before ", " when ", " since ", " whereas ", " although "].iter().any(|b| between.contains(b))
        };
        // "Finland, which joined NATO in 2023, criticized Russia": 2023 dates the relative clause.
        let rel = relative_clause_before(self.text, s, cue.start);
        let outside = |t: &&dates::TimeExpr| !rel.is_some_and(|r| s.start + t.start >= r.start && s.start + t.end <= r.end);
        let nearest = pool.iter().filter(same_clause).filter(outside).min_by_key(|t| if t.end <= c { c - t.end } else { t.start.saturating_sub(c) });
        match nearest {
            Some(t) => Some(t.date.to_string()),
            None if moda == Modality::Asserted && default_to_article => self.doc.date.clone(),
            None => None,
        }
    }

    /// Structural facts: locatedIn, memberOf, affiliatedWith.
    fn structural(&mut self, a: &mut Analysis, si: usize, args: &[Arg], log: &mut Option<&mut Vec<String>>) {
        let text = self.text;
        let ltext = self.lower;
        let s = a.sentences[si];
        let lower = &self.lower[s.start..s.end];
        let ms: &[Mention] = &a.mentions[si];
        for (k, m) in ms.iter().enumerate() {
            let Some(&e) = m.entities.first() else { continue };
            let et = a.entities.get(e).etype;
            let rest = &text[m.span.end..s.end];
            // "Harbin, a city in northeastern China"; "Sanaa, the capital of Yemen".
            if et.is_place() {
                if let Some(target) = located_in_apposition(text, m.span.end, s.end, &ms[k + 1..]) {
                    let t = target.entities[0];
                    let tt = a.entities.get(t).etype;
                    if matches!(tt, EntityType::Country | EntityType::Region) {
                        let (x, y) = (a.entities.get(e).clone(), a.entities.get(t).clone());
                        self.note(log, format!("  locatedIn: {} in {} (apposition)", x.label, y.label));
                        self.emit(si, a, x, "locatedIn", y, Polarity::Positive, Modality::Asserted, None, None, None, m.span.cover(target.span), "located.apposition".into(), 0.85);
                    }
                }
                // "Mazar-i-Sharif, Afghanistan": a place followed by its own country.
                if let Some(next) = ms.get(k + 1) {
                    if crate::text::gap(text, m.span.end, next.span.start).trim() == "," {
                        let c = a.entities.country_of(e);
                        // "..., India said": a speaker is not a container.
                        if c.is_some() && next.entities.first().copied() == c && next.kind == MentionKind::Name && !speech_follows(text, next.span.end) {
                            let (x, y) = (a.entities.get(e).clone(), a.entities.get(next.entities[0]).clone());
                            self.emit(si, a, x, "locatedIn", y, Polarity::Positive, Modality::Asserted, None, None, None, m.span.cover(next.span), "located.place-comma-country".into(), 0.85);
                        }
                    }
                }
                // "Bila Tserkva in the Kyiv region", "X, in the Belgorod region", "X in South
                // Africa's Northern Cape province": a place in a region or country, when the
                // dictionary agrees or does not know the place.
                if matches!(m.kind, MentionKind::Name | MentionKind::Place) {
                    // "the Tigray region of Ethiopia" says the same.
                    let of = mentions::after_region_of(text, m.span, s.end).filter(|_| et == EntityType::Region);
                    let (at, rule) = match mentions::after_in(text, m.span.end, s.end) {
                        Some(at) => (Some(at), "located.in"),
                        None => (of, "located.region-of"),
                    };
                    if let Some(y) = at.and_then(|at| ms.iter().find(|n| n.span.start == at && matches!(n.kind, MentionKind::Name | MentionKind::Place))) {
                        let mut target = y.entities.first().copied().map(|t| (t, y.span));
                        // "Y's [adj] REGION": the region, when it lies in Y.
                        if let Some((t, tspan)) = target.filter(|&(t, _)| a.entities.get(t).etype == EntityType::Country) {
                            let between = crate::text::gap(text, tspan.end, s.end);
                            let rest = between.strip_prefix("'s ").or_else(|| between.strip_prefix("’s ")).or_else(|| between.strip_prefix("' ")).or_else(|| between.strip_prefix("’ "));
                            if let Some(rest) = rest {
                                let region = ms.iter().find(|n| {
                                    n.span.start > tspan.end
                                        && matches!(n.kind, MentionKind::Name | MentionKind::Place)
                                        && crate::text::gap(text, s.end - rest.len(), n.span.start).split_whitespace().count() <= 2
                                        && crate::text::gap(text, s.end - rest.len(), n.span.start).split_whitespace().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
                                });
                                if let Some((r, rspan)) = region.and_then(|n| Some((*n.entities.first()?, n.span))) {
                                    if a.entities.get(r).etype == EntityType::Region && a.entities.may_lie_in(r, t) {
                                        target = Some((r, rspan));
                                    }
                                }
                            }
                        }
                        if let Some((t, tspan)) = target {
                            if matches!(a.entities.get(t).etype, EntityType::Country | EntityType::Region) && a.entities.may_lie_in(e, t) {
                                a.entities.set_country(e, t);
                                let (x, y) = (a.entities.get(e).clone(), a.entities.get(t).clone());
                                self.note(log, format!("  locatedIn: {} in {} ({rule})", x.label, y.label));
                                self.emit(si, a, x, "locatedIn", y, Polarity::Positive, Modality::Asserted, None, None, None, m.span.cover(tspan), rule.into(), 0.8);
                            }
                        }
                    }
                }
                // "Ukraine's northeastern Kharkiv region": the country as possessor.
                if let Some(prev) = k.checked_sub(1).map(|p| &ms[p]) {
                    let between = crate::text::gap(text, prev.span.end, m.span.start);
                    let between = between.strip_prefix("'s").or_else(|| between.strip_prefix("’s"));
                    if let Some(between) = between {
                        let words: Vec<&str> = between.split_whitespace().collect();
                        let pc = prev.entities.first().copied();
                        let prepositional = words.iter().any(|w| matches!(*w, "on" | "in" | "at" | "against" | "to" | "of" | "by" | "for" | "from" | "into" | "near" | "over" | "with"));
                        if words.len() <= 2 && !prepositional && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-')) && pc.is_some_and(|c| a.entities.get(c).etype == EntityType::Country) {
                            let (x, y) = (a.entities.get(e).clone(), a.entities.get(pc.unwrap()).clone());
                            self.emit(si, a, x, "locatedIn", y, Polarity::Positive, Modality::Asserted, None, None, None, prev.span.cover(m.span), "located.possessive".into(), 0.85);
                        }
                    }
                }
            }
            // "the Ukrainian capital": the capital lies in its country.
            if m.kind == MentionKind::Demonym && et == EntityType::Country {
                let before = crate::text::gap(text, s.start, m.span.start);
                let after = crate::text::gap(text, m.span.end, s.end);
                let capital_word = after.strip_prefix(" capital").is_some_and(|r| r.chars().next().is_none_or(|c| !is_alphanumeric(c)));
                if capital_word && (before.ends_with("the ") || before.ends_with("The ")) {
                    if let Some(c) = a.entities.gaz_index(e).and_then(|g| self.ex.gazetteer.capital(g)) {
                        let c = a.entities.known(c);
                        let (x, y) = (a.entities.get(c).clone(), a.entities.get(e).clone());
                        let span = Span::new(m.span.start, m.span.end + " capital".len());
                        self.emit(si, a, x, "locatedIn", y, Polarity::Positive, Modality::Asserted, None, None, None, span, "located.demonym-capital".into(), 0.8);
                    }
                }
            }
            // Media: "Russia's RIA Novosti news agency", "state news agency Xinhua", "Chinese state media CCTV".
            if et == EntityType::Organization {
                let is_media = a.entities.gaz_index(e).is_some_and(|g| self.ex.gazetteer.get(g).category.as_deref() == Some("media"));
                if is_media {
                    let before = &text[s.start..m.span.start];
                    let lb = before.to_lowercase();
                    let stated = ["news agency ", "state media ", "state broadcaster ", "state television ", "state tv ", "news outlet ", "broadcaster "].iter().any(|p| lb.ends_with(p));
                    let poss = k.checked_sub(1).map(|p| &ms[p]).filter(|p| {
                        let between = crate::text::gap(text, p.span.end, m.span.start);
                        // "Russia's RIA news agency", "Chinese state broadcaster CCTV"; not "Zimbabwean
                        // reports seen by Reuters".
                        let words: Vec<&str> = between.trim_start_matches(['\'', '’', 's']).split_whitespace().collect();
                        // Only words that describe the outlet stand between: not "Russia freed a
                        // Wall Street Journal reporter".
                        matches!(between.trim(), "'s" | "’s" | "")
                            || (words.len() <= 3
                                && words.iter().all(|w| {
                                    matches!(*w, "state" | "state-run" | "state-owned" | "state-controlled" | "state-backed" | "state-affiliated" | "government" | "government-run"
                                        | "official" | "news" | "agency" | "media" | "broadcaster" | "television" | "tv" | "outlet" | "newspaper" | "daily" | "public" | "run"
                                        | "radio" | "wire" | "service" | "pro-government" | "government-owned" | "the")
                                }))
                    });
                    let country = poss
                        .and_then(|p| p.entities.first().copied())
                        .filter(|&c| a.entities.get(c).etype == EntityType::Country)
                        .or_else(|| if stated || rest.trim_start().to_lowercase().starts_with("news agency") { a.entities.country_of(e) } else { None });
                    if let Some(c) = country {
                        let (x, y) = (a.entities.get(e).clone(), a.entities.get(c).clone());
                        let span = poss.map_or(m.span, |p| p.span.cover(m.span));
                        self.emit(si, a, x, "affiliatedWith", y, Polarity::Positive, Modality::Asserted, None, None, None, span, "affiliated.media".into(), 0.8);
                    }
                }
            }
        }
        // memberOf: "Russia and China, both members of the UN Security Council"; "NATO member Poland".
        let patterns: &[&str] = if lower.contains("member") { &["members of ", "member of ", "member states of ", "member state of "] } else { &[] };
        for &pat in patterns {
            let mut from = 0;
            while let Some(i) = lower[from..].find(pat) {
                let at = s.start + from + i;
                from += i + pat.len();
                let after = at + pat.len();
                let after = if text[after..].starts_with("the ") { after + 4 } else { after };
                let Some(org) = args.iter().find(|g| g.span.start == after && g.entities.first().is_some_and(|&e| a.entities.get(e).etype == EntityType::Organization)) else { continue };
                let Some(subj) = args.iter().rposition(|g| g.span.end <= at && g.is_actor && within_clause(text, g.span.end, at) || g.span.end <= at && g.is_actor && text[g.span.end..at].starts_with(',')) else { continue };
                let o = org.entities[0];
                // "Vietnam is not a member of NATO", "Ukraine will become a member of NATO".
                let (pol, moda) = if text[args[subj].span.end..at].contains(',') { (Polarity::Positive, Modality::Asserted) } else { self.qualifiers(text, args[subj].span.end, at) };
                if moda != Modality::Asserted {
                    continue;
                }
                for i in coordinated(args, subj, text) {
                    for &x in &args[i].entities {
                        if a.entities.get(x).etype == EntityType::Country {
                            let (xe, ye) = (a.entities.get(x).clone(), a.entities.get(o).clone());
                            self.emit(si, a, xe, "memberOf", ye, pol, Modality::Asserted, None, None, None, args[i].span.cover(org.span), "member.members-of".into(), 0.8);
                        }
                    }
                }
            }
        }
        for (k, g) in args.iter().enumerate() {
            let Some(&o) = g.entities.first() else { continue };
            if a.entities.get(o).etype != EntityType::Organization || !g.is_actor {
                continue;
            }
            let rest = &text[g.span.end..s.end];
            let head = &text[s.start..g.span.start];
            let before = &lower[..head.len()];
            // "Finland, which joined NATO in 2023", "Sweden formally joined NATO": a state that joined is a member.
            // Not "joined the European Union's talks", "joined the African Union mission".
            let next = rest.split_whitespace().next().unwrap_or("").trim_end_matches(|c: char| !is_alphanumeric(c));
            let org_ends = rest.trim_start().is_empty()
                || rest.starts_with([',', '.', ';', ':', ')'])
                || next.starts_with(|c: char| c.is_ascii_digit())
                || matches!(next, "in" | "on" | "at" | "as" | "after" | "before" | "when" | "and" | "with" | "last" | "this" | "earlier" | "later" | "since" | "following" | "during" | "together" | "alongside" | "shortly" | "formally" | "officially" | "only" | "just" | "amid" | "despite" | "because" | "but" | "while");
            if let Some(b) = before.strip_suffix("joined ").or_else(|| before.strip_suffix("joined the ")).filter(|_| org_ends && !rest.starts_with("'s") && !rest.starts_with("’s")) {
                let head = b.trim_end();
                let subj = args[..k].iter().rposition(|x| {
                    x.is_actor && x.span.end <= s.start + head.len() && words_before(ltext, x.span.start, 1).first().is_none_or(|w| !LOCATIVE.contains(w) && !matches!(*w, "of" | "by" | "with" | "for" | "against")) && {
                        let gap = &ltext[x.span.end..s.start + head.len()];
                        let gap = gap.trim_start().strip_prefix(", which").or_else(|| gap.trim_start().strip_prefix(", who")).unwrap_or(gap.trim_start());
                        gap.split_whitespace().all(|w| matches!(w, "has" | "have" | "had" | "formally" | "officially" | "finally" | "also" | "recently" | "already"))
                    }
                });
                if let Some(j) = subj {
                    for i in coordinated(args, j, text) {
                        for &x in &args[i].entities {
                            if a.entities.get(x).etype == EntityType::Country {
                                let (xe, ye) = (a.entities.get(x).clone(), a.entities.get(o).clone());
                                self.emit(si, a, xe, "memberOf", ye, Polarity::Positive, Modality::Asserted, None, None, None, args[i].span.cover(g.span), "member.joined".into(), 0.75);
                            }
                        }
                    }
                }
            }
            // "France and Germany, both NATO members, ...": an apposition to a group of states.
            if (before.ends_with(", both ") || before.ends_with(", all ") || before.ends_with(", fellow ") || before.ends_with(", both fellow ")) && (rest.starts_with(" members") || rest.starts_with(" member states")) {
                let comma = s.start + before.rfind(", ").unwrap_or(0);
                if let Some(j) = args[..k].iter().rposition(|x| x.is_actor && x.span.end == comma) {
                    for i in coordinated(args, j, text) {
                        for &x in &args[i].entities {
                            if a.entities.get(x).etype == EntityType::Country {
                                let (xe, ye) = (a.entities.get(x).clone(), a.entities.get(o).clone());
                                self.emit(si, a, xe, "memberOf", ye, Polarity::Positive, Modality::Asserted, None, None, None, args[i].span.cover(g.span), "member.both-members".into(), 0.75);
                            }
                        }
                    }
                }
            }
            let Some(r) = rest.strip_prefix(" member ").or_else(|| rest.strip_prefix(" members ")).or_else(|| rest.strip_prefix(" member state ")) else { continue };
            let at = s.end - r.len();
            if let Some(next) = args[k + 1..].iter().position(|x| x.span.start == at).map(|p| k + 1 + p) {
                for i in coordinated(args, next, text) {
                    for &x in &args[i].entities {
                        if a.entities.get(x).etype == EntityType::Country {
                            let (xe, ye) = (a.entities.get(x).clone(), a.entities.get(o).clone());
                            self.emit(si, a, xe, "memberOf", ye, Polarity::Positive, Modality::Asserted, None, None, None, g.span.cover(args[i].span), "member.org-member-state".into(), 0.8);
                        }
                    }
                }
            }
        }
    }

    /// "Kenya's ally Uganda", "Kyiv's European allies, including France", "the US and its
    /// ally Japan": the ally is a partner of the possessor.
    fn allies(&mut self, a: &mut Analysis, si: usize, args: &[Arg]) {
        // Every record of this rule joins two arguments of the sentence.
        if args.len() < 2 {
            return;
        }
        let text = self.text;
        let s = a.sentences[si];
        for (k, g) in args.iter().enumerate() {
            if !g.is_actor {
                continue;
            }
            let rest = &text[g.span.end..s.end];
            let Some(r) = rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("’s ")).or_else(|| rest.strip_prefix(" and its ")) else { continue };
            let words: Vec<&str> = r.split_whitespace().take(5).collect();
            // Up to two lower-case or demonym adjectives, then the noun.
            let Some(n) = words.iter().take(3).position(|w| matches!(w.trim_end_matches(','), "ally" | "allies" | "partner" | "partners")) else { continue };
            if words[..n].iter().any(|w| w.ends_with(',') || matches!(*w, "former" | "ex" | "once" | "old")) {
                continue;
            }
            let noun_end = {
                // Byte offset of the noun's end within r.
                let mut off = 0;
                for (j, w) in r.split_whitespace().enumerate() {
                    let at = r[off..].find(w).unwrap() + off;
                    off = at + w.len();
                    if j == n {
                        break;
                    }
                }
                s.end - r.len() + off
            };
            let gap = text[noun_end..s.end].to_string();
            let gap_words: Vec<&str> = gap.split_whitespace().take(3).collect();
            let lead = gap_words.iter().take_while(|w| matches!(w.trim_matches(','), "" | "including" | "such" | "as" | "like" | "notably")).count();
            let Some(first) = args[k + 1..].iter().position(|x| x.is_actor && x.span.start >= noun_end && crate::text::gap(text, noun_end, x.span.start).split_whitespace().count() <= lead.max(1) - if lead == 0 { 1 } else { 0 }).map(|p| k + 1 + p) else { continue };
            let y = g.entities[0];
            for i in coordinated(args, first, text) {
                for &x in &args[i].entities {
                    if matches!(a.entities.get(x).etype, EntityType::Country | EntityType::Person | EntityType::Organization) {
                        let (xe, ye) = (a.entities.get(x).clone(), a.entities.get(y).clone());
                        self.emit(si, a, xe, "partnerOf", ye, Polarity::Positive, Modality::Asserted, None, None, None, g.span.cover(args[i].span), "partner.possessive-ally".into(), 0.75);
                    }
                }
            }
        }
    }

    /// Reported judgement: "X said Y's move was 'unacceptable'", "X called Y's remarks
    /// irresponsible": X criticizes Y when a speech verb introduces a clause that names Y and
    /// judges it with a word of censure.
    fn judgements(&mut self, a: &mut Analysis, si: usize, args: &[Arg]) {
        // Every record of this rule joins two arguments of the sentence.
        if args.len() < 2 {
            return;
        }
        let text = self.text;
        let s = a.sentences[si];
        let lower = &self.lower[s.start..s.end];
        let censure = [
            "unacceptable", "irresponsible", "provocative", "provocation", "reckless", "illegal", "unlawful", "outrageous", "destabilizing", "destabilising",
            "a violation of", "a flagrant violation", "a blatant violation", "an act of aggression", "a grave escalation", "dangerous escalation", "shameful", "deplorable", "a threat to",
        ];
        let speech = ["said", "says", "called", "calls", "described", "describes", "branded", "brands", "termed", "told reporters", "added", "warned"];
        if !JUDGEMENT_STEMS.is_match(lower) {
            return;
        }
        for (k, g) in args.iter().enumerate() {
            if !g.is_actor {
                continue;
            }
            let after = text[g.span.end..s.end].to_ascii_lowercase();
            // The speech verb right after the speaker (or after a short apposition ending in a comma).
            let head: String = after.split([',', '"', '“']).next().unwrap_or("").to_string();
            let hw: Vec<&str> = head.split_whitespace().collect();
            let Some(v) = hw.iter().position(|w| speech.contains(w)) else { continue };
            if v > 2 || hw[..v].iter().any(|w| NEGATORS.contains(w) || matches!(*w, "who" | "which" | "and")) {
                continue;
            }
            let vat = g.span.end + after.find(hw[v]).unwrap_or(0) + hw[v].len();
            // The judged party: the next actor within six words of the verb, as possessor or subject.
            let Some(t) = args[k + 1..].iter().find(|x| x.is_actor && x.span.start >= vat && text[vat..x.span.start].split_whitespace().count() <= 6 && within_clause(text, vat, x.span.start)) else { continue };
            if text[vat..t.span.start].split_whitespace().any(|w| matches!(w.to_lowercase().trim_matches(|c: char| !is_alphanumeric(c)), "not" | "no" | "against" | "on" | "by" | "for" | "to" | "with" | "from")) {
                continue;
            }
            let tail = text[t.span.end..s.end].to_lowercase();
            let clause: String = tail.chars().filter(|c| !matches!(c, '"' | '“' | '”' | '‘' | '’')).collect();
            let window: Vec<&str> = clause.split_whitespace().take(10).collect();
            let window = format!(" {} ", window.join(" ").replace([',', '.', ';'], " "));
            if window.contains(" not ") || window.contains("n't ") || !within_clause(text, t.span.end, (t.span.end + 40).min(s.end)) && window.contains(" but ") {
                continue;
            }
            if !censure.iter().any(|c| window.contains(&format!(" {c} "))) {
                continue;
            }
            let date = self.event_date(s, Span::new(g.span.end, vat), Modality::Asserted, true);
            self.emit_pairs(si, a, &g.entities, "criticizes", &t.entities, Polarity::Positive, Modality::Asserted, &date, g.span.cover(t.span), "criticizes.reported-judgement", 0.7);
        }
    }

    fn note(&self, log: &mut Option<&mut Vec<String>>, msg: String) {
        if let Some(log) = log.as_deref_mut() {
            log.push(msg);
        }
    }
}

/// "X, a [adj] city in [adj] Y" / "X, the capital of Y": the mention Y.
fn located_in_apposition<'m>(text: &str, at: usize, end: usize, later: &'m [Mention]) -> Option<&'m Mention> {
    let rest = &text[at..end];
    let r = rest.strip_prefix(", ")?;
    let r = r.strip_prefix("a ").or_else(|| r.strip_prefix("an ")).or_else(|| r.strip_prefix("the "))?;
    // Up to five words, one of them a kind of place, then "in" or "of".
    let words: Vec<&str> = r.split(' ').take(7).collect();
    let kinds = ["city", "town", "port", "capital", "region", "province", "village", "district", "island", "state", "oblast", "enclave", "territory", "border"];
    let mut offset = 0;
    let mut seen_kind = false;
    for w in &words {
        let lw = w.trim_matches(|c: char| !is_alphanumeric(c)).to_lowercase();
        if kinds.contains(&lw.as_str()) {
            seen_kind = true;
        }
        offset += w.len() + 1;
        if seen_kind && (lw == "in" || lw == "of") {
            let from = at + 2 + (rest.len() - 2 - r.len()) + offset;
            // Skip lower-case adjectives ("northeastern").
            return later.iter().find(|m| m.span.start >= from && text[from..m.span.start].split_whitespace().all(|x| x.chars().all(|c| c.is_lowercase() || c == '-')) && text[from..m.span.start].split_whitespace().count() <= 2);
        }
        if w.ends_with(',') {
            return None;
        }
    }
    None
}

/// A condition on the clause of `cue`: "if"/"unless" after it in the same clause, or a sentence
/// that opens with "If ..." whose first comma comes before the cue.
fn conditional(text: &str, s: Span, cue: Span, after_counts: bool) -> bool {
    let after = text[cue.end..s.end].to_lowercase();
    let clause = after.split([',', ';']).next().unwrap_or("");
    if after_counts && (clause.contains(" if ") || clause.contains(" unless ")) {
        return true;
    }
    let head = &text[s.start..cue.start];
    if (head.starts_with("If ") || head.starts_with("Unless ")) && head.contains(',') {
        return true;
    }
    // The cue inside the condition: "If Iran attacks, ...", "... unless Russia withdraws".
    let h = format!(" {}", head.to_lowercase());
    [" if ", " unless "].iter().filter_map(|w| h.rfind(w)).max().is_some_and(|i| !h[i..].contains([',', ';']))
}

/// The actors joined to `k` by "and" or commas, in text order.
fn coordinated(args: &[Arg], k: usize, text: &str) -> Vec<usize> {
    let joins = |a: &Arg, b: &Arg| {
        if a.is_actor != b.is_actor && a.place.is_none() && b.place.is_none() {
            return false;
        }
        // "praised Japan, and he criticized China": a subject pronoun opens a new clause.
        if matches!(text[b.span.start..b.span.end].to_lowercase().as_str(), "he" | "she" | "they" | "it" | "we" | "i") {
            return false;
        }
        let between = crate::text::gap(text, a.span.end, b.span.start).trim();
        // "Iran and the European Union", "Egypt, Bahrain and the United Arab Emirates".
        // "not only Poland but also Hungary".
        matches!(between, "and" | "," | ", and" | "&" | "or" | "as well as" | "and the" | ", and the" | "or the" | "as well as the" | "and The" | "but also" | ", but also" | "but also the" | ", but also the")
    };
    let mut lo = k;
    while lo > 0 && joins(&args[lo - 1], &args[lo]) {
        lo -= 1;
    }
    let mut hi = k;
    while hi + 1 < args.len() && joins(&args[hi], &args[hi + 1]) {
        hi += 1;
    }
    // Commas alone join nothing ("In an interview with Xinhua, Putin ..."): a list needs "and"/"or".
    let has_conjunction = (lo..hi).any(|i| {
        let between = crate::text::gap(text, args[i].span.end, args[i + 1].span.start).trim();
        between != ","
    });
    if has_conjunction { (lo..=hi).collect() } else { vec![k] }
}

/// Whether the words between a cue and a later actor hold the cue's own object and then a second
/// verb phrase: "welcomed the vote and urged Russia", "condemned the attack and called on Iran".
/// The actor belongs to the second verb. A bare "and VERB" ("attacked and occupied Ukraine")
/// shares its object and is no break.
fn new_predicate_between(text: &str, from: usize, to: usize) -> bool {
    if to <= from {
        return false;
    }
    let words: Vec<String> = text[from..to].split_whitespace().map(|w| w.trim_matches(|c: char| !is_alphanumeric(c) && c != '-').to_string()).collect();
    words.iter().enumerate().any(|(i, w)| {
        let adverb = words.get(i + 1).is_some_and(|v| matches!(v.as_str(), "also" | "then" | "later" | "again"));
        w == "and" && i > 0 && words.get(i + 1 + adverb as usize).is_some_and(|v| is_verb_word(v) && !matches!(v.as_str(), "also" | "then" | "later" | "again"))
    })
}

/// Every censure phrase of `judgements` holds one of these stems: a sentence without any cannot
/// judge anyone.
static JUDGEMENT_STEMS: LazyLock<Literals> = LazyLock::new(|| {
    Literals::new([
        "unacceptable", "irresponsible", "provocati", "reckless", "illegal", "unlawful", "outrageous", "destabili", "violation", "aggression", "escalation", "shameful",
        "deplorable", "threat",
    ])
});

/// The lists of verb-group phrases that qualify a cue.
#[derive(Clone, Copy)]
enum Qualifier {
    Negator,
    NotOnly,
    NegPhrase,
    Hypothetical,
    Planned,
}

/// Every qualifying phrase with a space on each side, in one automaton, and for each the lists
/// (bits by `Qualifier`) it is in.
static QUALIFIER_PHRASES: LazyLock<(AhoCorasick, Vec<u8>)> = LazyLock::new(|| {
    let lists = [(Qualifier::Negator, NEGATORS), (Qualifier::NotOnly, &["not only"][..]), (Qualifier::NegPhrase, NEG_PHRASES), (Qualifier::Hypothetical, HYPOTHETICAL), (Qualifier::Planned, PLANNED)];
    let mut phrases: Vec<String> = Vec::new();
    let mut bits: Vec<u8> = Vec::new();
    for (list, words) in lists {
        for w in words {
            let spaced = format!(" {w} ");
            match phrases.iter().position(|p| *p == spaced) {
                Some(k) => bits[k] |= 1 << list as u8,
                None => {
                    phrases.push(spaced);
                    bits.push(1 << list as u8);
                }
            }
        }
    }
    (AhoCorasick::new(&phrases).expect("qualifier phrase automaton"), bits)
});

/// The lists (bits by `Qualifier`) whose phrases `hay` holds, each with a space on either side.
fn qualifier_phrases(hay: &str) -> u8 {
    let (ac, bits) = &*QUALIFIER_PHRASES;
    ac.find_overlapping_iter(hay).fold(0, |found, m| found | bits[m.pattern().as_usize()])
}

/// No clause boundary (";", ", which", ", while", " but ") between two points.
fn within_clause(text: &str, from: usize, to: usize) -> bool {
    if to < from {
        return true;
    }
    let between = text[from..to].to_lowercase();
    !(between.contains(';') || between.contains(", while") || between.contains(" but ") || between.contains(", which") || between.contains(", who") || between.contains(" said ") || between.contains(" after ") || between.contains(" before ") || between.split_whitespace().count() > 12)
}

/// The span of a relative clause ", who ... ," that ends right before `cue`.
fn relative_clause_before(text: &str, s: Span, cue: usize) -> Option<Span> {
    let head = &text[s.start..cue];
    // "Lula, who has clashed with Milei, will host": auxiliaries after the clause.
    let mut h = head.trim_end();
    while let Some(w) = h.rsplit(' ').next().filter(|w| matches!(*w, "will" | "would" | "has" | "have" | "had" | "is" | "was" | "can" | "could" | "may" | "might" | "must" | "should" | "also")) {
        h = h[..h.len() - w.len()].trim_end();
    }
    let close = h.strip_suffix(',').map(|h| h.len())?;
    // A participle phrase: "The report, commissioned by Germany, criticized Poland".
    if let Some(open) = head[..close].rfind(", ") {
        let seg: Vec<&str> = head[open + 2..close].split_whitespace().collect();
        if seg.len() >= 3 && (seg[0].ends_with("ed") || seg[0].ends_with("en")) && seg[0].chars().all(|c| c.is_lowercase()) && seg[1..3].contains(&"by") {
            return Some(Span::new(s.start + open, s.start + close + 1));
        }
    }
    // Also a parenthetical phrase: "Trump, during a visit to Japan, praised Abe".
    // And an apposition: "Hezbollah, a group backed by Iran, fired".
    let open = [", who ", ", which ", ", whose ", ", whom ", ", during ", ", after ", ", following ", ", speaking ", ", in ", ", at ", ", on ", ", a ", ", an "]
        .iter()
        .filter_map(|w| head[..close].rfind(w))
        .max()?;
    Some(Span::new(s.start + open, s.start + close + 1))
}

/// Whether the words before a verb cue are "and|but|while|; PRONOUN [verb group]", the pronoun
/// a subject ("he", "she's", "they've").
fn pronoun_subject_between(text: &str, from: usize, cue: usize) -> Option<String> {
    let gap = text[from..cue].to_lowercase().replace('’', "'").replace(';', " ; ").replace(',', " , ");
    let words: Vec<&str> = gap.split_whitespace().collect();
    let k = words.iter().rposition(|w| matches!(*w, "and" | "but" | "while" | "whereas" | ";" | "," | "although" | "that"))?;
    let p = words.get(k + 1)?;
    let base = ["he", "she", "it", "they", "we", "i", "you"].iter().find(|x| *p == **x || p.strip_prefix(**x).is_some_and(|c| ["'s", "'ve", "'d", "'ll", "'re"].contains(&c)))?;
    // Then the verb group, and at most three other words ("it will press war crimes charges").
    let rest = &words[k + 2..];
    let others = rest.iter().filter(|w| !verb_group_word(w)).count();
    let plain = rest.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '\''));
    (others <= 3 && plain && !rest.iter().any(|w| SPEECH.contains(w))).then(|| base.to_string())
}

/// Auxiliaries and adverbs that may stand between "and" and a coordinated verb.
fn verb_group_word(w: &str) -> bool {
    matches!(w, "has" | "have" | "had" | "also" | "later" | "then" | "subsequently" | "since" | "again" | "once" | "even" | "will" | "would" | "could" | "did" | "does" | "do" | "not" | "never" | "is" | "was" | "were" | "are" | "been" | "has also" | "n't")
        || (w.ends_with("ly") && w.len() > 3)
}

/// When the nearest actor before a verb cue is followed only by "and" and a verb group ("Russia
/// and has accused"), it cannot be the cue's subject. The subject is the clause's first actor not
/// governed by a preposition, with no speech verb or clause break between; `Some((None, _))` when
/// there is none. Also the byte offset after "and", where the verb group starts.
fn shared_subject(text: &str, ltext: &str, args: &[Arg], s: Span, subj: usize, cue: usize, rel_clause: Option<Span>, object_of_verb: bool) -> Option<(Option<usize>, usize)> {
    let gap = &text[args[subj].span.end..cue];
    let g = gap.trim_start().trim_start_matches(',').trim_start();
    // "and" right after the actor; or, when the actor is the object of a preposition ("critics of
    // China's claims in the sea and has accused"), the last "and" of the gap.
    // "X not only condemned A but also imposed sanctions on A".
    let rest = match g.strip_prefix("and ").or_else(|| g.strip_prefix("but also ")).or_else(|| g.strip_prefix("but ").filter(|_| ltext[s.start..cue].contains("not only "))) {
        Some(r) => r,
        None => {
            let prev = words_before(ltext, args[subj].span.start, 1).pop().unwrap_or_default();
            // "Beijing summoned the Japanese ambassador and criticized X": the actor is inside
            // the object of a verb, after its determiner.
            let pre2 = words_before(ltext, args[subj].span.start, 2);
            let in_object = pre2.len() == 2 && matches!(pre2[0], "the" | "a" | "an") && is_verb_word(&pre2[1]) && !SPEECH.contains(&pre2[1]) && !verb_group_word(&pre2[1]);
            if !matches!(prev, "of" | "with" | "to" | "against" | "on" | "from" | "for" | "over") && !object_of_verb && !in_object {
                return None;
            }
            let i = g.rfind(" and ")?;
            if g[..i].contains([';', ',', '"', '“']) {
                return None;
            }
            &g[i + 5..]
        }
    };
    // "... and reaffirmed its commitment to defend", "... and vowed to retaliate": a coordinated
    // verb whose infinitive complement is the cue.
    let complement = {
        let w: Vec<&str> = rest.split_whitespace().collect();
        w.len() >= 2 && w.len() <= 5 && w.last() == Some(&"to") && w[0].len() > 4 && w[0].ends_with("ed") && is_verb_word(w[0])
            && !SPEECH.contains(&w[0]) && w[1..].iter().all(|x| x.chars().all(|c| c.is_lowercase()) && !matches!(*x, "and" | "or" | "but" | "that" | "which" | "who"))
    };
    if !complement && !rest.split_whitespace().all(|w| w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '’') && verb_group_word(&w.replace('’', "'"))) {
        return None;
    }
    let and_end = cue - rest.len();
    let prepositions = ["in", "to", "from", "at", "near", "into", "of", "with", "by", "for", "against", "on", "about", "like", "under", "than", "between", "over", "after", "before", "during", "toward", "towards", "as"];
    let k = args.iter().enumerate().position(|(i, g)| {
        if i >= subj || !g.is_actor || g.span.start < s.start || rel_clause.is_some_and(|rc| g.span.start >= rc.start && g.span.end <= rc.end) {
            return false;
        }
        let prev = words_before(ltext, g.span.start, 1).pop().unwrap_or_default();
        let after = &text[g.span.end..];
        if prepositions.contains(&prev) || after.starts_with("'s") || after.starts_with("’s") {
            return false;
        }
        let between = format!(" {} ", &ltext[g.span.end..and_end]);
        let breaks = [";", ", which", ", who", " who ", " which ", " but ", " that ", " while ", " when ", " because ", " if ", "“", "\"", " after ", " before "];
        // A speech verb is a break unless the speaker goes on as a pronoun ("Poland said it backed
        // Ukraine and condemned Russia").
        let words: Vec<&str> = between.split_whitespace().map(|w| w.trim_matches(|c: char| !is_alphanumeric(c))).collect();
        let speech_ok = match words.iter().rposition(|w| SPEECH.contains(w)) {
            None => true,
            Some(k) => {
                let next = words.get(k + 1).copied().unwrap_or("");
                let next = if next == "that" { words.get(k + 2).copied().unwrap_or("") } else { next };
                k == words.iter().position(|w| SPEECH.contains(w)).unwrap_or(k) && matches!(next, "it" | "he" | "she" | "they" | "we")
            }
        };
        // "X not only condemned A but also ...": that "but" continues X's clause.
        let not_only = between.contains(" not only ");
        let breaks: Vec<&str> = breaks.iter().copied().filter(|b| !(speech_ok && *b == " that ") && !(not_only && *b == " but ")).collect();
        !breaks.iter().any(|b| between.contains(b)) && speech_ok && between.split_whitespace().count() <= 25
    });
    Some((k, and_end))
}

/// A participle that ends a reduced relative clause: at most two adverbs, then "by"; not after
/// an auxiliary ("has claimed by ..."). The byte offset after "by ".
fn reduced_passive(text: &str, ltext: &str, s: Span, cue: Span) -> Option<usize> {
    let prev = words_before(ltext, cue.start, 1).pop().unwrap_or_default();
    let prev = prev.replace('’', "'");
    if matches!(prev.as_str(), "has" | "have" | "had" | "he" | "she" | "it" | "they" | "we" | "i" | "you" | "who" | "which" | "that") || prev.ends_with("'s") || prev.ends_with("'ve") || prev.ends_with("'d") {
        return None;
    }
    let rest = &text[cue.end..s.end];
    let i = rest.find(" by ")?;
    let words: Vec<&str> = rest[..i].split_whitespace().collect();
    let adverb = |w: &&str| w.chars().all(|c| c.is_ascii_lowercase()) && (w.ends_with("ly") || matches!(*w, "almost" | "also" | "once" | "long" | "now"));
    if words.len() > 2 || !words.iter().all(adverb) {
        return None;
    }
    Some(cue.end + i + 4)
}

/// "was struck", "were attacked", "has been invaded", "being bombed" ... followed by "by".
fn is_passive(text: &str, ltext: &str, s: Span, cue: Span) -> bool {
    let before = words_before(ltext, cue.start, 2);
    let aux = before.first().copied().unwrap_or("");
    let aux2 = before.get(1).copied().unwrap_or("");
    let is_aux = |w: &str| matches!(w, "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got");
    (is_aux(aux) || ((matches!(aux, "reportedly" | "allegedly" | "also" | "repeatedly") || (aux.len() > 4 && aux.ends_with("ly") && aux.chars().all(|c| c.is_ascii_lowercase()))) && is_aux(aux2))) && text[cue.end..s.end].contains(" by ")
}

/// Whether the verb cue at `cue` is the infinitive complement of a request or warning in its own
/// clause: "called on Ukraine to negotiate", "urged Israel not to attack", "asked Japan to join".
fn requested_complement(text: &str, s: Span, cue: usize) -> bool {
    let head = text[s.start..cue].to_lowercase().replace('’', "'");
    let clause = head.rsplit([',', ';', '"', '“', '”']).next().unwrap_or(&head);
    let words: Vec<&str> = clause.split_whitespace().collect();
    if words.last() != Some(&"to") {
        return false;
    }
    let to = words.len() - 1;
    // Only request and warning verbs govern ("decided to", "agreed to" do not).
    const REQUEST: &[&str] = &[
        "urge", "urged", "urges", "urging", "call", "called", "calls", "calling", "ask", "asked", "asks", "asking", "pressed",
        "presses", "pressing", "demand", "demanded", "demands", "demanding", "tell", "told", "tells", "telling", "encourage", "encouraged",
        "encourages", "encouraging", "invite", "invited", "invites", "inviting", "want", "wanted", "wants", "advise", "advised", "advises",
        "warn", "warned", "warns", "warning", "appeal", "appealed", "appeals", "appealing", "persuade", "persuaded", "implored", "implore",
        "begged", "beg", "exhorted", "challenged", "challenge", "request", "requested", "requests", "requesting", "pushed", "pushing",
    ];
    let k = words.iter().rposition(|w| REQUEST.contains(&w.trim_matches(|c: char| !is_alphanumeric(c))));
    // "called Trump to congratulate him" is a telephone call; a request is "called on X to".
    if k.is_some_and(|k| words[k].starts_with("call") && !matches!(words.get(k + 1), Some(&("on" | "upon" | "for")))) {
        return false;
    }
    // The request verb, then its addressee (a few words), then "to".
    k.is_some_and(|k| to > k + 1 && to - k <= 8 && !words[k + 1..to].iter().any(|w| matches!(*w, "and" | "but" | "that" | "which" | "who" | "after" | "before" | "while")))
}

/// Whether the cue at `at` names an event warded off: "against any attack", "to deter an
/// invasion", "to prevent attacks", "warned of possible strikes".
fn warded_off(ltext: &str, at: usize) -> bool {
    let w = words_before(ltext, at, 2);
    let ward = |x: &str| matches!(x, "against" | "prevent" | "deter" | "avert" | "avoid" | "forestall" | "preempt" | "pre-empt" | "thwart" | "any" | "possible" | "potential");
    let det = |x: &str| matches!(x, "a" | "an" | "any" | "further" | "new" | "future" | "possible" | "potential" | "more");
    match (w.first().copied(), w.get(1).copied()) {
        (Some(p), _) if ward(p) => true,
        (Some(p), Some(q)) if det(p) && ward(q) => true,
        _ => false,
    }
}

/// Whether the verb group before a cue is a plain "would" inside reported speech ("the minister
/// said the two countries would sign a deal"): no other hedge, and a speech verb before it.
fn reported_would(text: &str, s: Span, from: usize, cue: usize) -> bool {
    let group = text[from..cue].to_lowercase();
    let words: Vec<&str> = group.split_whitespace().collect();
    let tail = &words[words.len().saturating_sub(6)..];
    if !tail.contains(&"would") || tail.iter().any(|w| matches!(*w, "could" | "might" | "may" | "if" | "unless" | "threatened" | "threatens" | "threaten" | "like" | "rather")) {
        return false;
    }
    let sentence = format!(" {} ", text[s.start..s.end].to_lowercase());
    if [" if ", " unless ", " otherwise ", " only when "].iter().any(|w| sentence.contains(w)) {
        return false;
    }
    let head = text[s.start..cue].to_lowercase();
    let Some(w) = head.rfind(" would ") else { return false };
    let before: Vec<&str> = head[..w].split_whitespace().map(|x| x.trim_matches(|c: char| !is_alphanumeric(c))).collect();
    before.iter().any(|x| matches!(*x, "said" | "says" | "told" | "announced" | "stated" | "added" | "confirmed" | "reported"))
}

/// Whether a word is a finite verb or auxiliary ("condemned", "has", "said").
fn is_verb_word(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_lowercase())
        && ((w.len() > 4 && w.ends_with("ed") && !matches!(w, "united" | "allied" | "combined" | "armed" | "embattled" | "indebted" | "isolated" | "landlocked" | "neighboured" | "unnamed" | "alleged" | "so-called"))
            || matches!(w, "has" | "have" | "had" | "is" | "was" | "were" | "are" | "will" | "would" | "could" | "can" | "may" | "might" | "must" | "should" | "said" | "says" | "did" | "does" | "also" | "then" | "later" | "again" | "accuses" | "condemns" | "criticizes" | "praises" | "met" | "sent" | "told" | "warns" | "urges"))
}

/// Whether the text after a mention opens with a verb ("... and the United States condemned").
fn verb_like(after: &str) -> bool {
    let w = after.split_whitespace().next().unwrap_or("");
    !after.starts_with(['\'', '’', ',']) && is_verb_word(w)
}
