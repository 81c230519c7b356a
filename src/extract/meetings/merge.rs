//! Putting a meeting found in a sentence with those found before: the same city and day are
//! one meeting; a city the body names may move a meeting the dateline placed.

use super::super::{Context, Meeting};

/// "Putin dan Erdogan bertemu" filed from Moscow, then "pertemuan yang digelar di Sochi": the
/// body names where the meeting the dateline placed was held (no meeting yet in that city, the
/// same date or none, no side that was not at the first). Gives `m` back when it is another.
pub(super) fn relocate(ctx: &Context, out: &mut [Meeting], dateline_placed: bool, m: Meeting) -> Option<Meeting> {
    let placed = |o: &Meeting| {
        dateline_placed
            && ctx.dateline_city == Some(o.city)
            && (m.date.is_none() || m.date == o.date)
            && !m.participants.is_empty()
            && m.participants.is_subset(&o.participants)
    };
    if out.iter().any(|o| o.city == m.city) {
        return Some(m);
    }
    match out.iter_mut().find(|o| placed(o)) {
        Some(o) => {
            o.city = m.city;
            o.evidence.extend(m.evidence);
            None
        }
        None => Some(m),
    }
}

/// Within an article, one meeting per city and date (or per city when a date is missing).
pub(super) fn merge(out: &mut Vec<Meeting>, m: Meeting) {
    if let Some(o) = out.iter_mut().find(|o| o.city == m.city && (o.date == m.date || m.date.is_none() || o.date.is_none())) {
        o.participants.extend(m.participants);
        if o.date.is_none() {
            o.date = m.date;
        }
        o.evidence.extend(m.evidence);
        return;
    }
    out.push(m);
}
