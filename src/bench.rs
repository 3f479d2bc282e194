//! Benchmarks: a synthetic news corpus built from the dictionaries and cue patterns, and the
//! measurements `geokg bench` reports (throughput, peak memory, query latency).
//!
//! The generator writes wire-style articles: dated, titled, a few dozen sentences of about twenty
//! words, some carrying a relation (a titled official visiting, meeting, criticising, a state
//! sanctioning or striking another), most not, and officials named with their titles and
//! quoted. Its figures are tuned to those of the shared dev articles (some 22 words and two
//! names a sentence, 14% of sentences with an event); `geokg bench extract` prints both so that
//! they can be compared.

use crate::entities::gazetteer::EntityType;
use crate::input::Document;
use crate::relations::patterns::Frame;
use crate::relations::Extractor;
use std::time::{Duration, Instant};

/// SplitMix64: a small, fast, seedable generator; the corpus must be the same for a seed on
/// every machine, which a system RNG would not give.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() <= p
    }
    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Zipf's law over `n` ranks (weight 1/rank): how often news names its actors. A few states
/// and leaders fill most reports and a long tail appears now and then, which is what a
/// relationship query meets in a real store; drawing actors uniformly would make every one of
/// them a hub.
pub struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize) -> Zipf {
        let mut sum = 0.0;
        let cumulative = (1..=n.max(1))
            .map(|rank| {
                sum += 1.0 / rank as f64;
                sum
            })
            .collect();
        Zipf { cumulative }
    }
    /// A rank in 0..n.
    pub fn sample(&self, rng: &mut Rng) -> usize {
        let x = rng.unit() * self.cumulative[self.cumulative.len() - 1];
        self.cumulative.partition_point(|&c| c <= x).min(self.cumulative.len() - 1)
    }
}

/// `v` in a seeded random order (Fisher-Yates), so that which actors are frequent depends on
/// the seed and not on the dictionary's order.
fn shuffled<T>(mut v: Vec<T>, rng: &mut Rng) -> Vec<T> {
    for i in (1..v.len()).rev() {
        v.swap(i, rng.below(i + 1));
    }
    v
}

/// Sentences that carry no relation, with slots for entities: the bulk of any article.
const FILLER: &[&str] = &[
    "Analysts in {City} said the move reflected growing concern in {C} over energy prices, the slowing pace of growth and the cost of borrowing.",
    "The talks come at a delicate moment for {C} and {C2}, with elections due next year and inflation still well above the central bank's target.",
    "{D} officials have repeatedly said that any settlement must respect international law and the sovereignty of every state in the region.",
    "Markets in {City} were little changed on the news, though the currency weakened slightly against the dollar and bond yields edged higher.",
    "Diplomats from {C} and {C2} familiar with the discussions said a joint statement was still being drafted late in the evening in {City}.",
    "The government in {City} has faced mounting criticism at home over its handling of the economy and a series of corruption cases.",
    "Thousands of people gathered in central {City} over the weekend, according to {D} media reports that could not be independently verified.",
    "Trade between {C} and {C2} reached a record last year, driven by demand for grain, fertiliser, machinery and liquefied natural gas.",
    "A spokesperson for the ministry in {City} declined to comment on the details, citing the sensitivity of the negotiations with {C}.",
    "The region has seen a sharp rise in tensions since the start of the year, with several incidents reported along the border with {C}.",
    "Observers expect little progress before the summit, which is scheduled to take place in {City} later this year with leaders from {C} attending.",
    "Humanitarian groups warned that food and fuel shortages could worsen in {C} as winter approaches in the areas hit hardest by the fighting.",
    "{D} media described the meeting as constructive, while opposition figures in {City} called it a missed opportunity for the country.",
    "The agreement, if ratified by lawmakers in {C}, would cover investment in ports, railways and renewable energy over the next decade.",
    "Officials did not say how many people had been detained in {City}, and the figures could not be independently verified by reporters.",
    "Security was tight around the venue in {City}, where armoured vehicles and police officers blocked several streets near the {D} embassy.",
    // Officials named with their titles, and what they said: most of what real reports quote.
    "“We have always been open to dialogue, but not at any price,” {P} told reporters in {City}, adding that no date had been set for the next round.",
    "{Pn}, speaking at a news conference in {City}, said the government would study the proposal carefully before taking any decision.",
    "The remarks by {P} drew a cautious response in {City}, where officials said they needed more time to assess their implications for {C}.",
    "In an interview with {D} television, {P} said the economy of {C} had weathered the crisis better than many had expected.",
    "{P} has been under pressure from members of {Pos} own coalition, who accuse the government of moving too slowly on reforms.",
];

/// The share of sentences that carry a relation, as the extractor finds them in the shared dev
/// articles (`geokg bench extract --input` prints it for any corpus).
const RELATION_SHARE: f64 = 0.14;

/// A generated corpus in the JSON Lines format `geokg extract` reads.
pub struct Generator<'a> {
    ex: &'a Extractor,
    rng: Rng,
    countries: Vec<usize>,
    people: Vec<(usize, String, usize)>,
    country_rank: Zipf,
    person_rank: Zipf,
    cities: Vec<usize>,
    cues: Vec<usize>,
    n: usize,
}

impl<'a> Generator<'a> {
    pub fn new(ex: &'a Extractor, seed: u64) -> Generator<'a> {
        let gaz = &ex.gazetteer;
        let countries: Vec<usize> = (0..gaz.entities.len())
            .filter(|&i| gaz.get(i).etype == EntityType::Country && !gaz.get(i).demonyms.is_empty() && gaz.get(i).category.as_deref() == Some("member"))
            .collect();
        let people: Vec<(usize, String, usize)> = gaz
            .offices
            .iter()
            .filter(|o| o.end.is_none() && gaz.get(o.of).etype == EntityType::Country && !gaz.get(o.of).demonyms.is_empty())
            .map(|o| (o.person, o.role.clone(), o.of))
            .collect();
        let cities: Vec<usize> = (0..gaz.entities.len()).filter(|&i| gaz.get(i).etype == EntityType::City && gaz.get(i).country.is_some()).collect();
        let cues: Vec<usize> = (0..ex.patterns.cues.len())
            .filter(|&i| {
                let c = &ex.patterns.cues[i];
                c.frame == Frame::Verb && c.tail.is_none() && ex.vocab.get(&c.relation).is_some_and(|d| d.cameo.is_some())
            })
            .collect();
        let mut rng = Rng::new(seed);
        let countries = shuffled(countries, &mut rng);
        let people = shuffled(people, &mut rng);
        let (country_rank, person_rank) = (Zipf::new(countries.len()), Zipf::new(people.len()));
        Generator { ex, rng, countries, people, country_rank, person_rank, cities, cues, n: 0 }
    }

    fn label(&self, i: usize) -> &'a str {
        &self.ex.gazetteer.get(i).label
    }

    fn country(&mut self) -> usize {
        self.countries[self.country_rank.sample(&mut self.rng)]
    }

    fn demonym(&mut self, c: usize) -> String {
        let d = &self.ex.gazetteer.get(c).demonyms;
        d[0].clone()
    }

    /// An office holder, drawn by rank, and how news first names them: "Ruritanian foreign
    /// minister X".
    fn official(&mut self) -> (usize, String) {
        let (p, role, of) = self.people[self.person_rank.sample(&mut self.rng)].clone();
        let titled = format!("{} {role} {}", self.demonym(of), self.label(p));
        (p, titled)
    }

    fn relation_sentence(&mut self) -> String {
        let ci = self.cues[self.rng.below(self.cues.len())];
        let cue = &self.ex.patterns.cues[ci];
        let verb = self.ex.patterns.past(cue);
        let target = { let c = self.country(); self.label(c) }.to_string();
        let day = *self.rng.pick(&["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "earlier this month"]);
        match self.rng.below(3) {
            0 if !self.people.is_empty() => {
                let (_, official) = self.official();
                format!("{official} {verb} {target} {day}, according to a statement released by the government.")
            }
            1 => {
                let actor = { let c = self.country(); self.label(c) }.to_string();
                format!("{actor} {verb} {target} {day}, a move that drew sharp reactions from neighbouring governments.")
            }
            _ => {
                let c = self.country();
                let dem = self.demonym(c);
                let done = self.ex.patterns.participle(cue);
                format!("{dem} officials said they had {done} {target} {day} after weeks of growing tension.")
            }
        }
    }

    fn filler(&mut self) -> String {
        // Templates naming an official need the dictionary's office holders.
        let t = loop {
            let t = *self.rng.pick(FILLER);
            if !self.people.is_empty() || !t.contains("{P") {
                break t;
            }
        };
        let c = self.country();
        let c2 = self.country();
        let city = self.cities[self.rng.below(self.cities.len())];
        let dem = self.demonym(c);
        let mut out = t.replace("{C2}", self.label(c2)).replace("{C}", self.label(c)).replace("{D}", &dem).replace("{City}", self.label(city));
        if out.contains("{P") {
            // An official of any state with the title, or the name alone.
            let (p, titled) = self.official();
            let gender = self.ex.gazetteer.get(p).gender;
            out = out.replace("{Pn}", self.label(p)).replace("{P}", &titled).replace("{Pos}", if gender == Some('f') { "her" } else { "his" });
        }
        out
    }

    /// The next article.
    pub fn article(&mut self) -> Document {
        self.n += 1;
        let sentences = 25 + self.rng.below(20);
        let mut paragraphs = Vec::new();
        let mut para = Vec::new();
        for _ in 0..sentences {
            let s = if self.rng.chance(RELATION_SHARE) { self.relation_sentence() } else { self.filler() };
            para.push(s);
            if para.len() >= 2 + self.rng.below(2) {
                paragraphs.push(para.join(" "));
                para.clear();
            }
        }
        if !para.is_empty() {
            paragraphs.push(para.join(" "));
        }
        let a = { let c = self.country(); self.label(c) }.to_string();
        let b = { let c = self.country(); self.label(c) }.to_string();
        let year = 2000 + self.rng.below(26);
        let (month, day) = (1 + self.rng.below(12), 1 + self.rng.below(28));
        Document {
            id: format!("bench-{:07}", self.n),
            title: Some(format!("{a} and {b} weigh next steps as regional tensions rise")),
            date: Some(format!("{year:04}-{month:02}-{day:02}")),
            source: Some("geokg bench generator".into()),
            url: None,
            text: paragraphs.join("\n"),
        }
    }
}

impl Iterator for Generator<'_> {
    type Item = Document;
    fn next(&mut self) -> Option<Document> {
        Some(self.article())
    }
}

/// Figures of one extraction run.
#[derive(Debug, Clone, Default)]
pub struct ExtractFigures {
    pub documents: usize,
    pub bytes: u64,
    pub sentences: usize,
    pub relation_sentences: usize,
    pub relations: usize,
    pub mentions: usize,
    pub words: usize,
    /// The time of each round, in the order run.
    pub rounds: Vec<Duration>,
}

impl ExtractFigures {
    /// The median round's time: one slow round (another process, a page-cache miss) does not
    /// move it, as it moves a single run's.
    pub fn elapsed(&self) -> Duration {
        median(&self.rounds)
    }
    pub fn mb_per_s(&self) -> f64 {
        self.mb_per_s_in(self.elapsed())
    }
    pub fn sentences_per_s(&self) -> f64 {
        self.sentences as f64 / self.elapsed().as_secs_f64().max(1e-9)
    }
    /// The slowest and fastest rounds, in MB/s.
    pub fn mb_per_s_range(&self) -> (f64, f64) {
        let slowest = self.rounds.iter().max().copied().unwrap_or_default();
        let fastest = self.rounds.iter().min().copied().unwrap_or_default();
        (self.mb_per_s_in(slowest), self.mb_per_s_in(fastest))
    }
    fn mb_per_s_in(&self, d: Duration) -> f64 {
        self.bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
    }
}

/// Extracts every document on this thread, `rounds` times over, and measures each round. Each
/// document's records are counted and dropped, as a streaming run writes them out and drops
/// them; holding all of them would time the growth of the heap as well. The corpus statistics
/// (sentences, words, names) are counted outside the timed part, and so is a first extraction
/// that builds the automata made on first use (the title finder, some 10 ms), as a long run
/// builds them once.
pub fn measure_extract(ex: &Extractor, docs: &[Document], rounds: usize) -> ExtractFigures {
    let mut f = ExtractFigures::default();
    let mut with = std::collections::HashSet::new();
    if let Some(d) = docs.first() {
        ex.extract(d);
    }
    for _ in 0..rounds.max(1) {
        f.relations = 0;
        f.relation_sentences = 0;
        let start = Instant::now();
        for d in docs {
            let rels = ex.extract(d);
            f.relations += rels.len();
            with.clear();
            with.extend(rels.iter().filter(|r| r.cameo.is_some()).map(|r| r.sentence));
            f.relation_sentences += with.len();
        }
        f.rounds.push(start.elapsed());
    }
    for d in docs {
        f.documents += 1;
        f.bytes += d.text.len() as u64;
        f.sentences += crate::text::sentences(&d.text).len();
        f.words += d.text.split_whitespace().count();
        f.mentions += ex.gazetteer.find_names(&d.text).len();
    }
    f
}

/// The documents as one: their texts joined by blank lines, under the first one's id and date.
/// Extracting it takes as long as extracting them apart when the cost of a document is linear
/// in its length, which a long transcript or report needs.
pub fn as_one_document(docs: &[Document]) -> Option<Document> {
    let first = docs.first()?;
    let text = docs.iter().map(|d| d.text.as_str()).collect::<Vec<_>>().join("\n\n");
    Some(Document { id: format!("{}-joined", first.id), text, ..first.clone() })
}

/// Peak resident memory of this process in MB (Linux: VmHWM), if known.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The median of some timings (the upper one of an even count); zero for none.
pub fn median(times: &[Duration]) -> Duration {
    let mut t = times.to_vec();
    t.sort();
    t.get(t.len() / 2).copied().unwrap_or_default()
}

/// The p-th percentile (0-100) of sorted durations, in milliseconds.
pub fn percentile_ms(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relations::ExtractorOptions;

    #[test]
    fn generator_is_deterministic_and_news_like() {
        let ex = Extractor::new(&ExtractorOptions::default()).unwrap();
        let a: Vec<Document> = Generator::new(&ex, 7).take(20).collect();
        let b: Vec<Document> = Generator::new(&ex, 7).take(20).collect();
        assert_eq!(a, b);
        let f = measure_extract(&ex, &a, 2);
        assert_eq!(f.rounds.len(), 2);
        let (slowest, fastest) = f.mb_per_s_range();
        assert!(slowest <= f.mb_per_s() && f.mb_per_s() <= fastest);
        let words_per_sentence = f.words as f64 / f.sentences as f64;
        assert!((15.0..30.0).contains(&words_per_sentence), "{words_per_sentence}");
        // The shared dev articles: 22 words a sentence, two names, 14% with an event.
        let share = f.relation_sentences as f64 / f.sentences as f64;
        assert!((0.10..0.20).contains(&share), "relation-bearing share {share}");
        let names = f.mentions as f64 / f.sentences as f64;
        assert!((1.8..2.3).contains(&names), "names per sentence {names}");
    }

    #[test]
    fn zipf_favours_low_ranks_and_covers_the_tail() {
        let z = Zipf::new(100);
        let mut rng = Rng::new(1);
        let mut counts = [0usize; 100];
        for _ in 0..100_000 {
            counts[z.sample(&mut rng)] += 1;
        }
        // Weight 1/rank: rank 1 about twice rank 2 and ten times rank 10; H(100) is about 5.19.
        let expect = |rank: f64| 100_000.0 / (rank * 5.187);
        for (rank, got) in [(1.0, counts[0]), (2.0, counts[1]), (10.0, counts[9])] {
            assert!((got as f64 - expect(rank)).abs() < 0.1 * expect(rank), "rank {rank}: {got}");
        }
        assert!(counts.iter().all(|&c| c > 0), "every rank is drawn now and then");
    }

    #[test]
    fn the_median_round_is_reported() {
        let f = ExtractFigures { bytes: 10_000_000, rounds: [5, 1, 2].map(Duration::from_secs).to_vec(), ..Default::default() };
        assert_eq!(f.elapsed(), Duration::from_secs(2));
        assert_eq!(f.mb_per_s(), 5.0);
        assert_eq!(f.mb_per_s_range(), (2.0, 10.0));
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        let ms = |v: &[u64]| v.iter().map(|&m| Duration::from_millis(m)).collect::<Vec<_>>();
        assert_eq!(median(&ms(&[30, 10, 20])), Duration::from_millis(20));
        assert_eq!(median(&ms(&[40, 10])), Duration::from_millis(40));
        assert_eq!(median(&[]), Duration::ZERO);
    }

    #[test]
    fn percentiles() {
        let d: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile_ms(&d, 50.0).round(), 51.0);
        assert_eq!(percentile_ms(&d, 95.0).round(), 95.0);
    }
}
