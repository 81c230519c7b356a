//! A meeting's date: a day in its clause, before it in the sentence, or in the sentences
//! just before; the day of the report for a meeting told in the past with no time at all.

use super::super::clauses::attribution_follows;
use super::super::dates::{find_dates, Precision};
use super::super::facts::Meeting;
use super::super::tokens::longest_phrase;
use super::super::{Analysed, Context, EntRef};
use super::Cue;
use crate::lang::is_in;

pub(super) fn meeting_date(
    ctx: &Context,
    s: &Analysed,
    cue: &Cue,
    wend: usize,
    future: bool,
    back: usize,
    confidence: &mut f32,
) -> (Option<chrono::NaiveDate>, bool) {
    // ", the State Department announced on Monday": the attribution's day is not the meeting's.
    let g = &ctx.pack.lexicon.grammar;
    let wend = (cue.start..wend.min(s.tokens.len())).find(|&k| s.tokens[k].text == "," && attribution_follows(s, g, k + 1)).unwrap_or(wend);
    let (a, b) = (s.tokens[cue.start].start, s.tokens.get(wend).map(|t| t.start).unwrap_or(s.end));
    // "berlangsung hingga akhir pekan ini": an end date is not the meeting's date.
    let until = |d: &crate::extract::dates::DateExpr| {
        let before = ctx.text[..d.start].trim_end();
        let last = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
        is_in(&s.words.until, &last)
    };
    let after: Vec<_> =
        find_dates(&ctx.text[a..b], a, ctx.published).into_iter().filter(|d| d.precision == Precision::Day && !until(d)).collect();
    if let Some(d) = after.iter().find(|d| !d.relative).or(after.first()) {
        // "will meet on Wednesday": a weekday of a meeting to come lies ahead
        // ("Kamis (29/6)" names its day: it stays).
        let date = match ctx.published {
            Some(p) if future && d.weekday_only && d.date < p => d.date + chrono::Duration::days(7),
            _ => d.date,
        };
        return (Some(date), true);
    }
    let before = find_dates(&ctx.text[s.start..a], s.start, ctx.published);
    if let Some(d) = before.iter().rev().find(|d| d.precision == Precision::Day) {
        return (Some(d.date), true);
    }
    if future {
        return (None, false);
    }
    // The date the sentences just before give ("... on Thursday. Manalo held talks with Wang ...").
    if back < s.start {
        let earlier = find_dates(&ctx.text[back..s.start], back, ctx.published);
        // The report's own date there (a timestamp line) says nothing of the meeting's day.
        if let Some(d) = earlier.iter().rev().find(|d| d.precision == Precision::Day && ctx.published.is_none_or(|p| d.date < p)) {
            *confidence *= 0.8;
            return (Some(d.date), true);
        }
    }
    // "... di Kuala Lumpur pekan lalu": a time without its day is no day of the report.
    let vague = &ctx.pack.phrases().vague_times;
    if (cue.start..wend.min(s.tokens.len())).any(|k| longest_phrase(&s.tokens, k, vague) > 0) {
        return (None, false);
    }
    // A meeting told in the past tense with no date: the day of the report.
    *confidence *= 0.75;
    (ctx.published, false)
}

/// "setelah pembicaraan di Brussel" (no day told: the report's day) and later "di Brussel, 27
/// Februari": a day told for a meeting in a `guessed` city, up to three days before the report,
/// is the day of that meeting too.
pub(super) fn redate(ctx: &Context, out: &mut [Meeting], guessed: &mut Vec<EntRef>, m: &Meeting) {
    let (Some(d), Some(p)) = (m.date, ctx.published) else { return };
    if d > p || p - d > chrono::Duration::days(3) || !guessed.contains(&m.city) {
        return;
    }
    if let Some(o) = out.iter_mut().find(|o| o.city == m.city && o.date == Some(p)) {
        o.date = Some(d);
        guessed.retain(|&c| c != m.city);
    }
}
