//! Dates: a sentence and its article's date in, the time expressions it holds out, each resolved
//! to YYYY, YYYY-MM or YYYY-MM-DD ("Thursday", "last October", "in February 2022",
//! "two years ago", "earlier this month", "next June").

/// A calendar date with optional month and day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut it = s.split('-');
        let year = it.next()?.parse().ok()?;
        let month = it.next().map(str::parse).transpose().ok()?;
        let day = it.next().map(str::parse).transpose().ok()?;
        Some(PartialDate { year, month, day })
    }

    pub fn ymd(year: i32, month: u32, day: u32) -> PartialDate {
        PartialDate { year, month: Some(month), day: Some(day) }
    }

    fn ym(year: i32, month: u32) -> PartialDate {
        PartialDate { year, month: Some(month), day: None }
    }

    fn y(year: i32) -> PartialDate {
        PartialDate { year, month: None, day: None }
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's civil-date algorithm.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

fn add_days(date: PartialDate, n: i64) -> PartialDate {
    let (Some(m), Some(d)) = (date.month, date.day) else { return date };
    let (y, m, d) = civil_from_days(days_from_civil(date.year, m, d) + n);
    PartialDate::ymd(y, m, d)
}

/// 0 = Monday .. 6 = Sunday.
fn weekday(date: PartialDate) -> Option<i64> {
    let days = days_from_civil(date.year, date.month?, date.day?);
    Some((days + 3).rem_euclid(7))
}

const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const NUMBERS: [&str; 11] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

fn month_of(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    // Most words start with no month's first letter.
    if !w.starts_with(['j', 'f', 'm', 'a', 's', 'o', 'n', 'd']) {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u32 + 1)
}

fn number_of(w: &str) -> Option<i64> {
    w.parse().ok().or_else(|| NUMBERS.iter().position(|n| *n == w).map(|i| i as i64))
}

fn year_of(w: &str) -> Option<i32> {
    (w.len() == 4).then(|| w.parse::<i32>().ok()).flatten().filter(|y| (1800..=2100).contains(y))
}

/// One time expression: its byte span in the sentence and its resolved date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub date: PartialDate,
}

/// Finds and resolves the time expressions of `sentence`. `doc_date` anchors relative ones;
/// without it only absolute dates resolve. `future` says whether the clause speaks of what is
/// to come ("will visit on Thursday"), which turns a bare weekday or month forward.
pub fn find(sentence: &str, doc_date: Option<PartialDate>, future: bool) -> Vec<TimeExpr> {
    let (past, to_come) = find_both(sentence, doc_date);
    if future { to_come } else { past }
}

/// `find` with `future` false and true at once: one scan of the sentence, two lists. The
/// expressions found are the same; only the resolution of bare weekdays and months differs.
pub fn find_both(sentence: &str, doc_date: Option<PartialDate>) -> (Vec<TimeExpr>, Vec<TimeExpr>) {
    // ASCII lower case keeps every byte offset, so one lower-cased copy of the sentence gives
    // every word's lower-case form.
    let lower = sentence.to_ascii_lowercase();
    let words = word_spans(sentence);
    let lw: Vec<&str> = words.iter().map(|&(a, b)| &lower[a..b]).collect();
    let mut out = (Vec::new(), Vec::new());
    // The same date for both readings.
    let both = |d: PartialDate| (d, d);
    let mut i = 0;
    while i < words.len() {
        let push = |from: usize, to: usize, (past, to_come): (PartialDate, PartialDate), out: &mut (Vec<TimeExpr>, Vec<TimeExpr>)| {
            out.0.push(TimeExpr { start: words[from].0, end: words[to].1, date: past });
            out.1.push(TimeExpr { start: words[from].0, end: words[to].1, date: to_come });
        };
        let w = lw[i];
        let prev = i.checked_sub(1).map(|p| lw[p]);
        // Month forms: "May 20, 2024", "May 20", "February 2022", "in March", "20 May 2024".
        if let Some(m) = month_of(w).filter(|_| w.len() >= 3 && (w != "may" || lw[i] != lw[i].to_lowercase() || is_cap(sentence, words[i].0))) {
            let next = lw.get(i + 1).copied();
            let day = next.and_then(|n| n.parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
            let day_before = prev.and_then(|p| p.parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
            if let Some(d) = day {
                if let Some(y) = lw.get(i + 2).and_then(|n| year_of(n)) {
                    push(i, i + 2, both(PartialDate::ymd(y, m, d)), &mut out);
                    i += 3;
                    continue;
                }
                if let Some(anchor) = doc_date {
                    push(i, i + 1, (month_day_near(anchor, m, d, false), month_day_near(anchor, m, d, true)), &mut out);
                }
                i += 2;
                continue;
            }
            if let Some(y) = next.and_then(year_of) {
                let from = if day_before.is_some() { i - 1 } else { i };
                let date = match day_before {
                    Some(d) => PartialDate::ymd(y, m, d),
                    None => PartialDate::ym(y, m),
                };
                push(from, i + 1, both(date), &mut out);
                i += 2;
                continue;
            }
            if let Some(anchor) = doc_date {
                let rel = prev.unwrap_or("");
                let date = |future: bool| match rel {
                    "last" | "past" => month_near(anchor, m, false, true),
                    "next" | "coming" => month_near(anchor, m, true, true),
                    _ => month_near(anchor, m, future, false),
                };
                let date = (date(false), date(true));
                let from = if matches!(rel, "last" | "next" | "coming" | "past") { i - 1 } else { i };
                match day_before {
                    Some(d) => push(i - 1, i, (PartialDate::ymd(date.0.year, m, d), PartialDate::ymd(date.1.year, m, d)), &mut out),
                    None => push(from, i, date, &mut out),
                }
            }
            i += 1;
            continue;
        }
        if let Some(y) = year_of(w) {
            if matches!(prev, Some("in" | "since" | "by" | "of" | "until" | "from" | "during")) {
                push(i, i, both(PartialDate::y(y)), &mut out);
            }
            i += 1;
            continue;
        }
        let Some(anchor) = doc_date else {
            i += 1;
            continue;
        };
        if let Some(wd) = WEEKDAYS.iter().position(|d| *d == w) {
            if let Some(today) = weekday(anchor) {
                let wd = wd as i64;
                let rel = prev.unwrap_or("");
                let date = |future: bool| {
                    let forward = match rel {
                        "last" => false,
                        "next" | "coming" => true,
                        _ => future,
                    };
                    let delta = if forward { (wd - today).rem_euclid(7) } else { -((today - wd).rem_euclid(7)) };
                    let delta = if rel == "next" && delta == 0 { 7 } else if rel == "last" && delta == 0 { -7 } else { delta };
                    add_days(anchor, delta)
                };
                let from = if matches!(rel, "last" | "next" | "coming") { i - 1 } else { i };
                push(from, i, (date(false), date(true)), &mut out);
            }
            i += 1;
            continue;
        }
        match w {
            "today" | "tonight" => push(i, i, both(anchor), &mut out),
            "yesterday" => push(i, i, both(add_days(anchor, -1)), &mut out),
            "tomorrow" => push(i, i, both(add_days(anchor, 1)), &mut out),
            "year" | "month" | "week" if matches!(prev, Some("last" | "next" | "this")) => {
                let rel = prev.unwrap_or("");
                let step = match rel { "last" => -1, "next" => 1, _ => 0 };
                let date = match w {
                    "year" => PartialDate::y(anchor.year + step),
                    "month" => shift_month(anchor, step),
                    _ => {
                        let d = add_days(anchor, 7 * i64::from(step));
                        PartialDate::ym(d.year, d.month.unwrap_or(1))
                    }
                };
                push(i - 1, i, both(date), &mut out);
            }
            // "75 years since the Soviet Union recognized ...": the event after "since".
            "since" if i >= 2 && matches!(lw[i - 1], "years" | "year") => {
                if let Some(n) = number_of(lw[i - 2]).filter(|&n| n > 0 && n < 500) {
                    push(i - 2, i, both(PartialDate::y(anchor.year - n as i32)), &mut out);
                }
            }
            "ago" => {
                // "two years ago", "three months ago", "five days ago"
                if i >= 2 {
                    if let Some(n) = number_of(lw[i - 2]) {
                        let date = match lw[i - 1] {
                            "years" | "year" => Some(PartialDate::y(anchor.year - n as i32)),
                            "months" | "month" => Some(shift_month(anchor, -n as i32)),
                            "days" | "day" => Some(add_days(anchor, -n)),
                            "weeks" | "week" => {
                                let d = add_days(anchor, -7 * n);
                                Some(PartialDate::ym(d.year, d.month.unwrap_or(1)))
                            }
                            _ => None,
                        };
                        if let Some(date) = date {
                            push(i - 2, i, both(date), &mut out);
                        }
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn is_cap(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_some_and(char::is_uppercase)
}

/// The byte spans of the words (runs of letters and digits) of `s`.
fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut start = None;
    for (i, c) in s.char_indices() {
        if crate::text::is_alphanumeric(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            out.push((st, i));
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

fn shift_month(anchor: PartialDate, step: i32) -> PartialDate {
    let m0 = anchor.year * 12 + anchor.month.unwrap_or(1) as i32 - 1 + step;
    PartialDate::ym(m0.div_euclid(12), (m0.rem_euclid(12) + 1) as u32)
}

/// A month without a year: the nearest such month in the past (or future) of the anchor.
/// `strict` skips the anchor's own month ("last May" said in May is a year ago).
fn month_near(anchor: PartialDate, m: u32, future: bool, strict: bool) -> PartialDate {
    let am = anchor.month.unwrap_or(1);
    let year = if future {
        if m > am || (m == am && !strict) { anchor.year } else { anchor.year + 1 }
    } else if m < am || (m == am && !strict) {
        anchor.year
    } else {
        anchor.year - 1
    };
    PartialDate::ym(year, m)
}

fn month_day_near(anchor: PartialDate, m: u32, d: u32, future: bool) -> PartialDate {
    let am = (anchor.month.unwrap_or(1), anchor.day.unwrap_or(1));
    let year = if future {
        if (m, d) >= am { anchor.year } else { anchor.year + 1 }
    } else if (m, d) <= am {
        anchor.year
    } else {
        anchor.year - 1
    };
    PartialDate::ymd(year, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str, anchor: &str, future: bool) -> String {
        let found = find(s, PartialDate::parse(anchor), future);
        assert_eq!(found.len(), 1, "{s}: {found:?}");
        found[0].date.to_string()
    }

    #[test]
    fn resolves_against_the_article_date() {
        // 2024-05-16 is a Thursday.
        let table = [
            ("He arrived early Thursday morning.", false, "2024-05-16"),
            ("They met on Tuesday.", false, "2024-05-14"),
            ("He will travel on Friday.", true, "2024-05-17"),
            ("Troops invaded in February 2022.", false, "2022-02"),
            ("His visit last October.", false, "2023-10"),
            ("His visit in October.", false, "2023-10"),
            ("A summit next March.", false, "2025-03"),
            ("A summit next June.", false, "2024-06"),
            ("It happened two years ago.", false, "2022"),
            ("They met earlier this month.", false, "2024-05"),
            ("The deal signed on May 20, 2023.", false, "2023-05-20"),
            ("The deal signed on May 2.", false, "2024-05-02"),
            ("Recognised in 1949.", false, "1949"),
            ("It was signed on 20 March 2023.", false, "2023-03-20"),
            ("Talks last year.", false, "2023"),
            ("A gala marking 75 years since the treaty was signed.", false, "1949"),
        ];
        for (s, future, want) in table {
            assert_eq!(one(s, "2024-05-16", future), want, "{s}");
        }
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(find("China may respond.", PartialDate::parse("2024-05-16"), false).is_empty());
    }

    #[test]
    fn civil_round_trip() {
        for d in [-1000, 0, 19859, 20000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(weekday(PartialDate::ymd(2024, 5, 16)), Some(3));
    }
}
