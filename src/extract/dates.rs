//! Date expressions: explicit ("21 Januari 2022", "(13/1/2022)"), weekdays, and
//! relative ones ("Desember lalu", "awal pekan ini", "kemarin") against the publication date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
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
}

pub fn month_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    Some(match w {
        "januari" | "january" | "jan" => 1,
        "februari" | "february" | "feb" | "pebruari" => 2,
        "maret" | "march" | "mar" => 3,
        "april" | "apr" => 4,
        "mei" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "agustus" | "august" | "aug" | "agu" | "agt" | "ags" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" | "nopember" => 11,
        "desember" | "december" | "des" | "dec" => 12,
        _ => return None,
    })
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word.to_lowercase().as_str() {
        "senin" | "monday" => Weekday::Mon,
        "selasa" | "tuesday" => Weekday::Tue,
        "rabu" | "wednesday" => Weekday::Wed,
        "kamis" | "thursday" => Weekday::Thu,
        "jumat" | "jum'at" | "friday" => Weekday::Fri,
        "sabtu" | "saturday" => Weekday::Sat,
        "minggu" | "ahad" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

const MONTHS: &str = r"Januari|January|Jan|Februari|Pebruari|February|Feb|Maret|March|Mar|April|Apr|Mei|May|Juni|June|Jun|Juli|July|Jul|Agustus|August|Aug|Agu|Agt|September|Sept|Sep|Oktober|October|Okt|Oct|November|Nopember|Nov|Desember|December|Des|Dec";
const DAYS: &str = r"Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu|Ahad";
const EN_DAYS: &str = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

fn patterns() -> &'static [(Regex, &'static str)] {
    static RES: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    RES.get_or_init(|| {
        let p = |s: String, k: &'static str| (Regex::new(&s).expect("built-in date pattern"), k);
        vec![
            p(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b".into(), "dmy"),
            p(r"\b(\d{4})-(\d{2})-(\d{2})\b".into(), "iso"),
            p(format!(r"(?i)\b(\d{{1,2}})\s+({MONTHS})\.?\s+(\d{{4}})\b"), "d_month_y"),
            p(format!(r"(?i)\b({MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b"), "month_d_y"),
            p(format!(r"(?i)\b({DAYS})\s*\((\d{{1,2}})/(\d{{1,2}})\)"), "weekday_dm"),
            p(format!(r"(?i)\b(\d{{1,2}})\s+({MONTHS})\b(\s+(lalu|kemarin|silam|mendatang|depan|nanti))?"), "d_month"),
            p(format!(r"(?i)\b({MONTHS})\s+(\d{{4}})\b"), "month_y"),
            // English: "Jan. 21", "January 21", "last Tuesday", "on Monday", "yesterday", "in 2014".
            p(format!(r"\b({MONTHS})\.?\s+(\d{{1,2}})\b"), "month_d"),
            p(format!(r"(?i)\b(last|next|this)\s+({EN_DAYS})\b"), "weekday_rel_en"),
            p(format!(r"\b(on|On)\s+({EN_DAYS})\b"), "weekday_bare"),
            p(r"(?i)\b(earlier|later)\s+this\s+week\b".into(), "week_part_en"),
            p(r"(?i)\b(in|since)\s+((19|20)\d{2})\b".into(), "year"),
            p(format!(r"\b({MONTHS})\s+(lalu|kemarin|silam)\b"), "month_last"),
            p(r"(?i)\b(awal|akhir|pertengahan)\s+pekan\s+(ini|lalu)\b".into(), "week_part"),
            p(r"(?i)\b(kemarin|hari ini|besok|lusa|yesterday|today|tomorrow)\b".into(), "day_word"),
            p(format!(r"\b({DAYS})\s+(lalu|kemarin|depan|mendatang|ini)\b"), "weekday_rel"),
            p(format!(r"\b(pada|hari|Pada|,)\s+({DAYS})\b"), "weekday_bare"),
            p(r"(?i)\b(tahun|sejak|pada)\s+((19|20)\d{2})\b".into(), "year"),
        ]
    })
}

/// All date expressions in `text` (starting at byte `base`), earliest first,
/// without overlaps (the first, most explicit pattern wins a span).
pub fn find_dates(text: &str, base: usize, published: Option<NaiveDate>) -> Vec<DateExpr> {
    let mut found: Vec<DateExpr> = Vec::new();
    for (re, kind) in patterns() {
        for c in re.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            if found.iter().any(|d| d.start < base + m.end() && base + m.start() < d.end) {
                continue;
            }
            // "Rabu (13/1/2022)", "Jumat, 30 September": the weekday only names the date after it.
            let rest = text[m.end()..].trim_start();
            let rest_after_comma = rest.strip_prefix(',').map(str::trim_start).unwrap_or("");
            if kind.starts_with("weekday_")
                && *kind != "weekday_dm"
                && (rest.starts_with('(') || rest_after_comma.starts_with(|c: char| c.is_ascii_digit()))
            {
                continue;
            }
            let g = |i: usize| c.get(i).map(|x| x.as_str()).unwrap_or("");
            let num = |i: usize| g(i).parse::<u32>().ok();
            let resolved = match *kind {
                "dmy" => ymd(g(3).parse().ok(), num(2), num(1)).map(|d| (d, Precision::Day, false)),
                "iso" => ymd(g(1).parse().ok(), num(2), num(3)).map(|d| (d, Precision::Day, false)),
                "d_month_y" => ymd(g(3).parse().ok(), month_number(g(2)), num(1)).map(|d| (d, Precision::Day, false)),
                "month_d_y" => ymd(g(3).parse().ok(), month_number(g(1)), num(2)).map(|d| (d, Precision::Day, false)),
                "weekday_dm" => published.and_then(|p| infer_year(p, num(3), num(2), false)).map(|d| (d, Precision::Day, true)),
                "d_month" => {
                    let rel = g(4).to_lowercase();
                    let future = matches!(rel.as_str(), "mendatang" | "depan" | "nanti");
                    published
                        .and_then(|p| {
                            if future {
                                next_occurrence(p, month_number(g(2)), num(1))
                            } else {
                                infer_year(p, month_number(g(2)), num(1), !rel.is_empty())
                            }
                        })
                        .map(|d| (d, Precision::Day, true))
                }
                "month_y" => ymd(g(2).parse().ok(), month_number(g(1)), Some(1)).map(|d| (d, Precision::Month, false)),
                "month_last" => published.and_then(|p| last_month(p, month_number(g(1)))).map(|d| (d, Precision::Month, true)),
                "week_part" => published.and_then(|p| week_part(p, g(1), g(2))).map(|d| (d, Precision::Day, true)),
                "day_word" => published.and_then(|p| day_word(p, &g(1).to_lowercase())).map(|d| (d, Precision::Day, true)),
                "weekday_rel" => published.and_then(|p| weekday_rel(p, g(1), g(2))).map(|d| (d, Precision::Day, true)),
                "weekday_bare" => published.and_then(|p| weekday_rel(p, g(2), "lalu")).map(|d| (d, Precision::Day, true)),
                "month_d" => published.and_then(|p| infer_year(p, month_number(g(1)), num(2), false)).map(|d| (d, Precision::Day, true)),
                "weekday_rel_en" => {
                    let rel = if g(1).eq_ignore_ascii_case("next") { "depan" } else { "lalu" };
                    published.and_then(|p| weekday_rel(p, g(2), rel)).map(|d| (d, Precision::Day, true))
                }
                "week_part_en" => published
                    .and_then(|p| week_part(p, if g(1).eq_ignore_ascii_case("earlier") { "awal" } else { "akhir" }, "ini"))
                    .map(|d| (d, Precision::Day, true)),
                "year" => ymd(g(2).parse().ok(), Some(1), Some(1)).map(|d| (d, Precision::Year, false)),
                _ => None,
            };
            if let Some((date, precision, relative)) = resolved {
                let start = if *kind == "year" || *kind == "weekday_bare" { c.get(2).map_or(m.start(), |x| x.start()) } else { m.start() };
                found.push(DateExpr { start: base + start, end: base + m.end(), date, precision, relative });
            }
        }
    }
    found.sort_by_key(|d| d.start);
    found
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

fn week_part(published: NaiveDate, part: &str, which: &str) -> Option<NaiveDate> {
    let mut monday = monday_of(published);
    if which.eq_ignore_ascii_case("lalu") {
        monday -= Duration::days(7);
    }
    Some(match part.to_lowercase().as_str() {
        "awal" => monday,
        "pertengahan" => monday + Duration::days(2),
        _ => monday + Duration::days(4),
    })
}

fn day_word(published: NaiveDate, w: &str) -> Option<NaiveDate> {
    Some(match w {
        "kemarin" | "yesterday" => published - Duration::days(1),
        "hari ini" | "today" => published,
        "besok" | "tomorrow" => published + Duration::days(1),
        "lusa" => published + Duration::days(2),
        _ => return None,
    })
}

fn weekday_rel(published: NaiveDate, day: &str, rel: &str) -> Option<NaiveDate> {
    let wd = weekday(day)?;
    let diff = (published.weekday().num_days_from_monday() as i64) - (wd.num_days_from_monday() as i64);
    Some(match rel.to_lowercase().as_str() {
        "depan" | "mendatang" => {
            let ahead = (7 - diff).rem_euclid(7);
            published + Duration::days(if ahead == 0 { 7 } else { ahead })
        }
        // "Senin lalu", "pada Senin": the latest such day on or before publication.
        _ => published - Duration::days(diff.rem_euclid(7)),
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
        assert_eq!(f("di Brussel pada 12 Januari dan"), vec![(d("2022-01-12"), Precision::Day)]);
        assert_eq!(f("pada 17 Desember lalu"), vec![(d("2021-12-17"), Precision::Day)]);
        assert_eq!(f("Desember lalu"), vec![(d("2021-12-01"), Precision::Month)]);
        assert_eq!(f("di Jenewa awal pekan ini."), vec![(d("2022-01-10"), Precision::Day)]);
        assert_eq!(f("Jum'at, 21 Januari 2022 - 21:00"), vec![(d("2022-01-21"), Precision::Day)]);
        assert_eq!(f("kemarin"), vec![(d("2022-01-12"), Precision::Day)]);
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
    }
}
