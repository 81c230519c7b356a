//! Date expressions: explicit ("21 Januari 2022", "(13/1/2022)"), weekdays, and
//! relative ones ("Desember lalu", "awal pekan ini", "kemarin") against the publication date.

use crate::lang::DateLex;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date found in a sentence, with its byte span in the document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
    pub precision: Precision,
    /// Resolved against the publication date rather than written in full.
    pub relative: bool,
    /// Named by a weekday alone ("pada Kamis", "on Monday"): its week is a guess from
    /// publication, unlike "Kamis (29/6)", which names its day and month.
    pub weekday_only: bool,
}

/// The date words of every registered pack and the patterns built from them, once.
struct DateGrammar {
    /// Tried in order; the first pattern to match a span wins it.
    patterns: Vec<(Regex, Kind)>,
    months: HashMap<String, u32>,
    weekdays: HashMap<String, Weekday>,
    days: HashMap<String, i64>,
    future_after_month: HashSet<String>,
    /// Words before or after a weekday that point to the next such day.
    future_weekday: HashSet<String>,
    week_parts: HashMap<String, i64>,
    weeks: HashMap<String, i64>,
}

/// What a pattern found, which says how its groups resolve to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// 13/1/2022
    Dmy,
    /// 2022-01-13
    Iso,
    /// 21 Januari 2022
    DayMonthYear,
    /// January 21, 2022
    MonthDayYear,
    /// Rabu (13/1)
    WeekdayDate,
    /// 12 Januari, 17 Desember lalu, 20 Agustus mendatang
    DayMonth,
    /// Januari 2022
    MonthYear,
    /// Jan. 12
    MonthDay,
    /// last Tuesday
    WeekdayBefore,
    /// awal pekan ini, earlier this week
    WeekPart,
    /// Desember lalu
    MonthLast,
    /// kemarin, today
    DayWord,
    /// Senin lalu, Senin depan
    WeekdayAfter,
    /// pada Senin, on Monday
    WeekdayBare,
    /// tahun 2014, in 2014
    Year,
}

impl Kind {
    /// A weekday that only names the date written after it ("Rabu (13/1/2022)", "Jumat, 30 September").
    fn is_weekday_word(self) -> bool {
        matches!(self, Kind::WeekdayBefore | Kind::WeekdayAfter | Kind::WeekdayBare)
    }
}

/// `words` as a regex alternation, longest first (words of a phrase joined by
/// `between_words`); one that matches nothing when there are none.
fn alternation(words: &[String], between_words: &str) -> String {
    let mut words: Vec<&String> = words.iter().collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    if words.is_empty() {
        return r"[^\s\S]".into();
    }
    let escaped: Vec<String> = words.iter().map(|w| w.split(' ').map(regex::escape).collect::<Vec<_>>().join(between_words)).collect();
    escaped.join("|")
}

/// "januari" → "Januari": the form the case-sensitive patterns match.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

impl DateGrammar {
    fn get() -> &'static DateGrammar {
        static GRAMMAR: OnceLock<DateGrammar> = OnceLock::new();
        GRAMMAR.get_or_init(|| DateGrammar::new(crate::lang::packs().iter().map(|p| &p.lexicon.dates).collect()))
    }

    fn new(packs: Vec<&DateLex>) -> Self {
        let future_words = |words: &dyn Fn(&DateLex) -> Vec<&String>| -> HashSet<String> {
            packs.iter().flat_map(|p| words(p)).map(|w| w.to_lowercase()).collect()
        };
        DateGrammar {
            patterns: patterns(&packs)
                .into_iter()
                .map(|(re, kind)| (Regex::new(&re).expect("date patterns are built from escaped lexicon words"), kind))
                .collect(),
            months: numbered(&packs, |p| &p.months).into_iter().map(|(w, i)| (w, i as u32 + 1)).collect(),
            weekdays: numbered(&packs, |p| &p.weekdays)
                .into_iter()
                .filter_map(|(w, i)| Some((w, Weekday::try_from(u8::try_from(i).ok()?).ok()?)))
                .collect(),
            days: counted(&packs, |p| &p.days),
            future_after_month: future_words(&|p| p.future_after_month.iter().collect()),
            future_weekday: future_words(&|p| p.future_after_weekday.iter().chain(&p.future_before_weekday).collect()),
            week_parts: counted(&packs, |p| &p.week_parts),
            weeks: counted(&packs, |p| &p.weeks),
        }
    }

    fn month(&self, word: &str) -> Option<u32> {
        self.months.get(word.to_lowercase().trim_end_matches('.')).copied()
    }

    fn weekday(&self, word: &str) -> Option<Weekday> {
        self.weekdays.get(&word.to_lowercase()).copied()
    }

    /// Is `word` (after or before a weekday) one that points to the next such day?
    fn future_weekday(&self, word: &str) -> bool {
        self.future_weekday.contains(&word.to_lowercase())
    }
}

/// The patterns, most explicit first. Dates are recognised in the words of every
/// registered pack, whatever the article's language: the month and day-word
/// patterns take all packs' words at once; those that pair a weekday with other
/// words are built pack by pack, each with its own day names.
fn patterns(packs: &[&DateLex]) -> Vec<(String, Kind)> {
    let union = |words: &dyn Fn(&DateLex) -> Vec<&String>| -> Vec<String> { packs.iter().flat_map(|p| words(p)).cloned().collect() };
    let month_words = union(&|p| p.months.iter().flatten().collect());
    let months = alternation(&month_words, " ");
    let months_cap = alternation(&month_words.iter().map(|w| capitalised(w)).collect::<Vec<_>>(), " ");
    let past_after_month = alternation(&union(&|p| p.past_after_month.iter().collect()), " ");
    let after_month = alternation(&union(&|p| p.past_after_month.iter().chain(&p.future_after_month).collect()), " ");
    let day_words = alternation(&union(&|p| p.days.keys().collect()), " ");
    // One pattern per pack that has the words: `make(pack, its day names, the same capitalised)`.
    let per_pack = |kind: Kind, make: &dyn Fn(&DateLex, &str, &str) -> Option<String>| -> Vec<(String, Kind)> {
        packs
            .iter()
            .filter_map(|p| {
                let days: Vec<String> = p.weekdays.iter().flatten().cloned().collect();
                let days_cap: Vec<String> = days.iter().map(|w| capitalised(w)).collect();
                make(p, &alternation(&days, " "), &alternation(&days_cap, " ")).map(|re| (re, kind))
            })
            .collect()
    };
    let listed = |words: Vec<&String>| (!words.is_empty()).then(|| alternation(&words.into_iter().cloned().collect::<Vec<_>>(), " "));

    let mut patterns: Vec<(String, Kind)> = vec![
        // "13/1/2022", and "(24/8 / 2017)" as some newsrooms space it.
        (r"\b(\d{1,2}) ?/ ?(\d{1,2}) ?/ ?(\d{4})\b".into(), Kind::Dmy),
        (r"\b(\d{4})-(\d{2})-(\d{2})\b".into(), Kind::Iso),
        // "5-8 Agustus 2017", "12–14 June 2023": a span of days is dated by its first.
        (format!(r"(?i)\b(\d{{1,2}})\s*[-–]\s*\d{{1,2}}\s+({months})\.?\s+(\d{{4}})\b"), Kind::DayMonthYear),
        (format!(r"(?i)\b(\d{{1,2}})\s+({months})\.?\s+(\d{{4}})\b"), Kind::DayMonthYear),
        (format!(r"(?i)\b({months})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b"), Kind::MonthDayYear),
    ];
    patterns.extend(per_pack(Kind::WeekdayDate, &|p, days, _| {
        p.weekday_then_numeric_date.then(|| format!(r"(?i)\b({days})\s*\((\d{{1,2}})/(\d{{1,2}})\)"))
    }));
    patterns.push((format!(r"(?i)\b(\d{{1,2}})\s+({months})\b(\s+({after_month}))?"), Kind::DayMonth));
    patterns.push((format!(r"(?i)\b({months})\s+(\d{{4}})\b"), Kind::MonthYear));
    patterns.push((format!(r"\b({months_cap})\.?\s+(\d{{1,2}})\b"), Kind::MonthDay));
    patterns.extend(per_pack(Kind::WeekdayBefore, &|p, days, _| {
        listed(p.past_before_weekday.iter().chain(&p.future_before_weekday).collect())
            .map(|before| format!(r"(?i)\b({before})\s+({days})\b"))
    }));
    patterns.extend(per_pack(Kind::WeekPart, &|p, _, _| {
        let parts = listed(p.week_parts.keys().collect())?;
        let weeks = alternation(&p.weeks.keys().cloned().collect::<Vec<_>>(), r"\s+");
        (!p.weeks.is_empty()).then(|| format!(r"(?i)\b({parts})\s+({weeks})\b"))
    }));
    patterns.push((format!(r"\b({months_cap})\s+({past_after_month})\b"), Kind::MonthLast));
    patterns.push((format!(r"(?i)\b({day_words})\b"), Kind::DayWord));
    patterns.extend(per_pack(Kind::WeekdayAfter, &|p, _, days_cap| {
        listed(p.past_after_weekday.iter().chain(&p.future_after_weekday).collect()).map(|after| format!(r"\b({days_cap})\s+({after})\b"))
    }));
    patterns.extend(per_pack(Kind::WeekdayBare, &|p, _, days_cap| {
        listed(p.before_weekday.iter().collect()).map(|before| format!(r"\b({before})\s+({days_cap})\b"))
    }));
    patterns.extend(per_pack(Kind::Year, &|p, _, _| {
        listed(p.before_year.iter().collect()).map(|before| format!(r"(?i)\b({before})\s+((19|20)\d{{2}})\b"))
    }));
    patterns
}

/// Word → position in its list (month or weekday from 0), over every pack; the first pack wins a word.
fn numbered(packs: &[&DateLex], lists: impl Fn(&DateLex) -> &Vec<Vec<String>>) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for p in packs {
        for (i, list) in lists(p).iter().enumerate() {
            for w in list {
                map.entry(w.to_lowercase()).or_insert(i);
            }
        }
    }
    map
}

/// Word → count (of days or weeks), over every pack; the first pack wins a word.
fn counted(packs: &[&DateLex], counts: impl Fn(&DateLex) -> &BTreeMap<String, i64>) -> HashMap<String, i64> {
    let mut map = HashMap::new();
    for p in packs {
        for (w, n) in counts(p) {
            map.entry(w.to_lowercase()).or_insert(*n);
        }
    }
    map
}

/// The month a name or abbreviation of any registered language stands for.
pub fn month_number(word: &str) -> Option<u32> {
    DateGrammar::get().month(word)
}

/// All date expressions in `text` (starting at byte `base`), earliest first,
/// without overlaps (the first, most explicit pattern wins a span).
pub fn find_dates(text: &str, base: usize, published: Option<NaiveDate>) -> Vec<DateExpr> {
    DateGrammar::get().find(text, base, published)
}

impl DateGrammar {
    fn find(&self, text: &str, base: usize, published: Option<NaiveDate>) -> Vec<DateExpr> {
        let mut found: Vec<DateExpr> = Vec::new();
        for (re, kind) in &self.patterns {
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("group 0");
                if found.iter().any(|d| d.start < base + m.end() && base + m.start() < d.end) {
                    continue;
                }
                // "Rabu (13/1/2022)", "Jumat, 30 September", "Selasa 25 September", "Sunday,
                // October 2": the weekday only names the date after it.
                let rest = text[m.end()..].trim_start();
                let rest_after_comma = rest.strip_prefix(',').map(str::trim_start).unwrap_or("");
                let month_next = rest_after_comma.split(|c: char| !c.is_alphabetic()).next().is_some_and(|w| self.month(w).is_some());
                if kind.is_weekday_word()
                    && (rest.starts_with(|c: char| c == '(' || c.is_ascii_digit())
                        || rest_after_comma.starts_with(|c: char| c.is_ascii_digit())
                        || month_next)
                {
                    continue;
                }
                let g = |i: usize| c.get(i).map(|x| x.as_str()).unwrap_or("");
                if let Some((date, precision, relative)) = self.resolve(*kind, &g, published) {
                    let start =
                        if matches!(kind, Kind::Year | Kind::WeekdayBare) { c.get(2).map_or(m.start(), |x| x.start()) } else { m.start() };
                    let weekday_only = kind.is_weekday_word();
                    found.push(DateExpr { start: base + start, end: base + m.end(), date, precision, relative, weekday_only });
                }
            }
        }
        found.sort_by_key(|d| d.start);
        found
    }

    /// The date a match of `kind` names, from its groups `g` (and the publication date for relative ones).
    fn resolve<'t>(&self, kind: Kind, g: &dyn Fn(usize) -> &'t str, published: Option<NaiveDate>) -> Option<(NaiveDate, Precision, bool)> {
        let num = |i: usize| g(i).parse::<u32>().ok();
        let year = |i: usize| g(i).parse::<i32>().ok();
        let explicit = |d: Option<NaiveDate>, precision| d.map(|d| (d, precision, false));
        let relative = |d: Option<NaiveDate>, precision| d.map(|d| (d, precision, true));
        let p = published;
        match kind {
            Kind::Dmy => explicit(ymd(year(3), num(2), num(1)), Precision::Day),
            Kind::Iso => explicit(ymd(year(1), num(2), num(3)), Precision::Day),
            Kind::DayMonthYear => explicit(ymd(year(3), self.month(g(2)), num(1)), Precision::Day),
            Kind::MonthDayYear => explicit(ymd(year(3), self.month(g(1)), num(2)), Precision::Day),
            Kind::WeekdayDate => relative(p.and_then(|p| infer_year(p, num(3), num(2), false)), Precision::Day),
            Kind::DayMonth => {
                let rel = g(4).to_lowercase();
                let (month, day) = (self.month(g(2)), num(1));
                let date = if self.future_after_month.contains(&rel) {
                    p.and_then(|p| next_occurrence(p, month, day))
                } else {
                    p.and_then(|p| infer_year(p, month, day, !rel.is_empty()))
                };
                relative(date, Precision::Day)
            }
            Kind::MonthYear => explicit(ymd(year(2), self.month(g(1)), Some(1)), Precision::Month),
            Kind::MonthLast => relative(p.and_then(|p| last_month(p, self.month(g(1)))), Precision::Month),
            Kind::WeekPart => {
                let part = *self.week_parts.get(&g(1).to_lowercase())?;
                let week = *self.weeks.get(&g(2).split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())?;
                relative(p.map(|p| monday_of(p) + Duration::days(7 * week + part)), Precision::Day)
            }
            Kind::DayWord => {
                let offset = *self.days.get(&g(1).to_lowercase())?;
                relative(p.map(|p| p + Duration::days(offset)), Precision::Day)
            }
            Kind::WeekdayAfter => relative(p.and_then(|p| weekday_rel(p, self.weekday(g(1))?, self.future_weekday(g(2)))), Precision::Day),
            Kind::WeekdayBefore => relative(p.and_then(|p| weekday_rel(p, self.weekday(g(2))?, self.future_weekday(g(1)))), Precision::Day),
            Kind::WeekdayBare => relative(p.and_then(|p| weekday_rel(p, self.weekday(g(2))?, false)), Precision::Day),
            Kind::MonthDay => relative(p.and_then(|p| infer_year(p, self.month(g(1)), num(2), false)), Precision::Day),
            Kind::Year => explicit(ymd(year(2), Some(1), Some(1)), Precision::Year),
        }
    }
}

fn ymd(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> Option<NaiveDate> {
    let y = y?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m?, d?)
}

/// A day and month without a year: the publication year, or the year before when
/// that would put a past event more than a week after publication.
fn infer_year(published: NaiveDate, month: Option<u32>, day: Option<u32>, past: bool) -> Option<NaiveDate> {
    let d = NaiveDate::from_ymd_opt(published.year(), month?, day?)?;
    let limit = if past { Duration::days(0) } else { Duration::days(60) };
    if d > published + limit {
        NaiveDate::from_ymd_opt(published.year() - 1, month?, day?)
    } else {
        Some(d)
    }
}

/// A day and month said to come ("20 Agustus mendatang"): on or after publication.
fn next_occurrence(published: NaiveDate, month: Option<u32>, day: Option<u32>) -> Option<NaiveDate> {
    let d = NaiveDate::from_ymd_opt(published.year(), month?, day?)?;
    if d < published {
        NaiveDate::from_ymd_opt(published.year() + 1, month?, day?)
    } else {
        Some(d)
    }
}

fn last_month(published: NaiveDate, month: Option<u32>) -> Option<NaiveDate> {
    let m = month?;
    let y = if m >= published.month() { published.year() - 1 } else { published.year() };
    NaiveDate::from_ymd_opt(y, m, 1)
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// The latest `day` on or before publication, or (`future`) the next one after it.
fn weekday_rel(published: NaiveDate, day: Weekday, future: bool) -> Option<NaiveDate> {
    let diff = (published.weekday().num_days_from_monday() as i64) - (day.num_days_from_monday() as i64);
    Some(if future {
        let ahead = (7 - diff).rem_euclid(7);
        published + Duration::days(if ahead == 0 { 7 } else { ahead })
    } else {
        // "Senin lalu", "pada Senin": the latest such day on or before publication.
        published - Duration::days(diff.rem_euclid(7))
    })
}

/// Publication date from a timestamp line such as "Jum'at, 21 Januari 2022 - 21:00 WIB".
pub fn date_in_line(line: &str) -> Option<NaiveDate> {
    find_dates(line, 0, None).into_iter().find(|d| d.precision == Precision::Day && !d.relative).map(|d| d.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn explicit_and_relative() {
        let p = Some(d("2022-01-13"));
        let f = |t: &str| find_dates(t, 0, p).into_iter().map(|x| (x.date, x.precision)).collect::<Vec<_>>();
        assert_eq!(f("pada Rabu (13/1/2022)."), vec![(d("2022-01-13"), Precision::Day)]);
        assert_eq!(f("di Bogor, Kamis (6/1 / 2022)."), vec![(d("2022-01-06"), Precision::Day)]);
        assert_eq!(f("di Brussel pada 12 Januari dan"), vec![(d("2022-01-12"), Precision::Day)]);
        assert_eq!(f("pada 17 Desember lalu"), vec![(d("2021-12-17"), Precision::Day)]);
        assert_eq!(f("Desember lalu"), vec![(d("2021-12-01"), Precision::Month)]);
        assert_eq!(f("di Jenewa awal pekan ini."), vec![(d("2022-01-10"), Precision::Day)]);
        assert_eq!(f("Jum'at, 21 Januari 2022 - 21:00"), vec![(d("2022-01-21"), Precision::Day)]);
        assert_eq!(f("kemarin"), vec![(d("2022-01-12"), Precision::Day)]);
        assert_eq!(f("Sehari sebelumnya, kedua menteri"), vec![(d("2022-01-12"), Precision::Day)]);
        assert_eq!(f("talks held a day earlier in Jeddah"), vec![(d("2022-01-12"), Precision::Day)]);
        assert_eq!(f("pada tahun 2014"), vec![(d("2014-01-01"), Precision::Year)]);
        assert_eq!(f("Senin lalu"), vec![(d("2022-01-10"), Precision::Day)]);
        assert_eq!(f("Senin depan"), vec![(d("2022-01-17"), Precision::Day)]);
        assert_eq!(f("di Bangkok, Thailand, Rabu, menyatakan"), vec![(d("2022-01-12"), Precision::Day)]);
        assert_eq!(f("pada 20 Januari mendatang"), vec![(d("2022-01-20"), Precision::Day)]);
        assert_eq!(f("pada 10 Januari mendatang"), vec![(d("2023-01-10"), Precision::Day)]);
        assert_eq!(f("met on Jan. 12 in Brussels"), vec![(d("2022-01-12"), Precision::Day)]);
        assert_eq!(f("talks on Monday"), vec![(d("2022-01-10"), Precision::Day)]);
        assert_eq!(f("last Tuesday"), vec![(d("2022-01-11"), Precision::Day)]);
        assert_eq!(f("annexed in 2014"), vec![(d("2014-01-01"), Precision::Year)]);
        assert_eq!(f("yesterday"), vec![(d("2022-01-12"), Precision::Day)]);
        // A weekday before the date it names: the date.
        assert_eq!(f("met late on Sunday, January 2, in Baku"), vec![(d("2022-01-02"), Precision::Day)]);
        // Wire copy leaves out the "on": "agreed Wednesday", "met late Sunday".
        assert_eq!(f("the ministers agreed Wednesday to"), vec![(d("2022-01-12"), Precision::Day)]);
        assert_eq!(f("pada Selasa 11 Januari"), vec![(d("2022-01-11"), Precision::Day)]);
        assert_eq!(f("the envoys met late Sunday in Doha"), vec![(d("2022-01-09"), Precision::Day)]);
    }

    /// A third pack is data only: its words give dates without a line of code.
    #[test]
    fn a_span_of_days_is_dated_by_its_first() {
        let f = |t: &str| find_dates(t, 0, Some(d("2017-08-10"))).into_iter().map(|x| x.date).collect::<Vec<_>>();
        assert_eq!(f("digelar pada 5-8 Agustus 2017."), vec![d("2017-08-05")]);
        assert_eq!(f("met on 24–27 July 2017."), vec![d("2017-07-24")]);
        // Not a score or a count before a date.
        assert_eq!(f("skor 2-1 pada 8 Agustus 2017."), vec![d("2017-08-08")]);
    }

    #[test]
    fn a_new_packs_date_words_are_recognised() {
        let toml = r#"
            months = [["janvier"], ["février"], ["mars"], ["avril"], ["mai"], ["juin"], ["juillet"], ["août"], ["septembre"], ["octobre"], ["novembre"], ["décembre"]]
            weekdays = [["lundi"], ["mardi"], ["mercredi"], ["jeudi"], ["vendredi"], ["samedi"], ["dimanche"]]
            days = { hier = -1, "aujourd'hui" = 0 }
            future_after_weekday = ["prochain"]
            before_year = ["depuis"]
        "#;
        let fr: DateLex = toml::from_str(toml).unwrap();
        let grammar = DateGrammar::new(vec![&fr]);
        let p = Some(d("2022-01-13"));
        let f = |t: &str| grammar.find(t, 0, p).into_iter().map(|x| (x.date, x.precision)).collect::<Vec<_>>();
        assert_eq!(f("le 21 janvier 2022"), vec![(d("2022-01-21"), Precision::Day)]);
        assert_eq!(f("hier"), vec![(d("2022-01-12"), Precision::Day)]);
        assert_eq!(f("Lundi prochain"), vec![(d("2022-01-17"), Precision::Day)]);
        assert_eq!(f("annexée depuis 2014"), vec![(d("2014-01-01"), Precision::Year)]);
        assert_eq!(f("Senin lalu, last Tuesday"), vec![], "only the words of the packs given");
    }
}
