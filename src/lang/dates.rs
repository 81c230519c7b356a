//! A pack's date words (the `[dates]` section of its lexicon): month and day
//! names and the words around relative dates. `extract::dates` builds its
//! patterns from the words of every registered pack.

use serde::Deserialize;
use std::collections::BTreeMap;

/// Date words of one language; every list may be empty (the pack then adds no such pattern).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DateLex {
    /// Month names and abbreviations, lower case: one list per month, January first.
    pub months: Vec<Vec<String>>,
    /// Day names, lower case: one list per day, Monday first.
    pub weekdays: Vec<Vec<String>>,
    /// Words for a day counted from publication, with the count ("kemarin" = -1).
    pub days: BTreeMap<String, i64>,
    /// After a day and month or a month: a date before publication ("17 Desember lalu", "Desember lalu").
    pub past_after_month: Vec<String>,
    /// After a day and month: the next such date ("20 Agustus mendatang").
    pub future_after_month: Vec<String>,
    /// After a weekday: the latest such day ("Senin lalu").
    pub past_after_weekday: Vec<String>,
    /// After a weekday: the next such day ("Senin depan").
    pub future_after_weekday: Vec<String>,
    /// Before a weekday: the latest such day ("last Tuesday").
    pub past_before_weekday: Vec<String>,
    /// Before a weekday: the next such day ("next Tuesday").
    pub future_before_weekday: Vec<String>,
    /// Before a bare weekday, matched as written: the latest such day ("pada Senin", "on Monday").
    pub before_weekday: Vec<String>,
    /// Before a year: "tahun 2014", "in 2014".
    pub before_year: Vec<String>,
    /// A weekday followed by a day and month in parentheses names that date: "Rabu (13/1/2022)".
    pub weekday_then_numeric_date: bool,
    /// Parts of a week, with their day counted from Monday ("awal" = 0, "akhir" = 4).
    pub week_parts: BTreeMap<String, i64>,
    /// Weeks after a part, counted from the week of publication ("pekan ini" = 0, "pekan lalu" = -1).
    pub weeks: BTreeMap<String, i64>,
}
