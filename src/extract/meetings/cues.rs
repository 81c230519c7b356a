//! Meeting cues beyond the lexicon's verbs and nouns: "membahas <topic> dengan X", a host
//! receiving a guest ("welcomed Prime Minister X to the White House"), and who attended an
//! event told before ("Acara tersebut juga dihadiri oleh X").

use super::super::clauses::mention_starting_at;
use super::super::entities::{side_of, EntityTable};
use super::super::places::is_city;
use super::super::tokens::longest_phrase;
use super::super::{Analysed, Context, EntRef};
use crate::lang::{is_in, EntityType};
use std::collections::BTreeSet;

/// "Acara tersebut juga dihadiri oleh X, Y": the sides attending, when an attendance cue
/// follows an anaphor of an event ("acara tersebut", "selain itu") closely.
pub(super) fn attendees(ctx: &Context, s: &Analysed, table: &EntityTable) -> BTreeSet<EntRef> {
    let lex = &ctx.pack.lexicon.meeting;
    let cues = &ctx.pack.phrases().attended_by;
    let Some((k, len)) = (0..s.tokens.len()).find_map(|k| Some((k, longest_phrase(&s.tokens, k, cues))).filter(|&(_, n)| n > 0)) else {
        return BTreeSet::new();
    };
    let anaphor = (k.saturating_sub(3)..k).any(|a| {
        a > 0
            && is_in(&lex.anaphors, &s.tokens[a].lower)
            && (is_in(&lex.event_nouns, &s.tokens[a - 1].lower) || is_in(&lex.nouns, &s.tokens[a - 1].lower))
    });
    if !anaphor || s.quoted.get(k).copied().unwrap_or(false) {
        return BTreeSet::new();
    }
    s.mentions
        .iter()
        .filter(|m| m.start >= k + len && !m.coref && table.is_actor(m.ent))
        .map(|m| side_of(table, m.ent))
        .filter(|&e| table.get(e).etype != EntityType::Person)
        .collect()
}

/// "The meeting between X and Y has kicked off" right after "The talks are being held in
/// Berlin": a meeting noun opening the sentence, then "between", names who sat at the meeting
/// the sentence before told.
pub(super) fn opened_between(ctx: &Context, s: &Analysed, table: &EntityTable) -> BTreeSet<EntRef> {
    let toks = &s.tokens;
    let start = usize::from(toks.first().is_some_and(|t| is_in(&s.words.articles, &t.lower)));
    let noun = longest_phrase(toks, start, &ctx.pack.phrases().meeting_nouns);
    if noun == 0 || !toks.get(start + noun).is_some_and(|t| is_in(&s.words.between, &t.lower)) {
        return BTreeSet::new();
    }
    let end = (start + noun..toks.len()).find(|&k| super::super::clauses::is_verb(s.words, &toks[k])).unwrap_or(toks.len());
    s.mentions
        .iter()
        .filter(|m| m.start > start + noun && m.end <= end && !m.coref && table.is_actor(m.ent))
        .map(|m| side_of(table, m.ent))
        .filter(|&e| table.get(e).etype != EntityType::Person)
        .collect()
}

/// "membahas <topic> dengan X": where "dengan" stands when a discussion verb at `k` is
/// followed closely by it (no comma between) and by an actor right after it.
pub(super) fn discussed_with(ctx: &Context, s: &Analysed, k: usize) -> Option<usize> {
    if !is_in(&ctx.pack.lexicon.meeting.discuss_verbs, &s.tokens[k].lower) {
        return None;
    }
    let with = (k + 1..s.tokens.len().min(k + DISCUSSED_TOPIC + 1))
        .take_while(|&j| s.tokens[j].text != "," && s.tokens[j].text != ".")
        .find(|&j| is_in(&s.words.with_preps, &s.tokens[j].lower))?;
    s.mentions.iter().any(|m| m.start == with + 1).then_some(with)
}

/// "welcomed Prime Minister X", "received the Emir": a verb of receiving a guest at `k` whose
/// object is an actor (after an article and capitalised title words), not "welcomed the deal".
pub(super) fn hosts_guest(s: &Analysed, table: &EntityTable, k: usize) -> bool {
    if !is_in(&s.words.host_verbs, &s.tokens[k].lower) {
        return false;
    }
    let mut j = k + 1;
    while j < s.tokens.len().min(k + 5) {
        if let Some(m) = mention_starting_at(s, j) {
            return table.is_actor(m.ent) && !is_city(table, m.ent);
        }
        let t = &s.tokens[j];
        if !(is_in(&s.words.articles, &t.lower) || (t.is_word && t.is_capitalised())) {
            return false;
        }
        j += 1;
    }
    false
}

/// Words a discussed topic may take before "dengan".
const DISCUSSED_TOPIC: usize = 8;

/// A meeting cue denied, in a condition or question, or called off ("Washington cancelled talks
/// … in Doha", "the summit in Luanda was postponed", "pertemuan … ditunda": just before the
/// cue, or after it in its clause): no meeting was held.
pub(super) fn not_held(ctx: &Context, s: &Analysed, (start, end): (usize, usize)) -> bool {
    if super::super::clauses::negated(ctx, s, start) || super::super::clauses::conditional(ctx, s, start) {
        return true;
    }
    let off = |k: usize| longest_phrase(&s.tokens, k, &ctx.pack.phrases().called_off) > 0;
    let after = (end..s.tokens.len()).take_while(|&k| !matches!(s.tokens[k].text.as_str(), "." | ";" | "\"")).take(12);
    (start.saturating_sub(6)..start).any(off) || after.into_iter().any(off)
}

#[cfg(test)]
#[path = "called_off_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "visits_tests.rs"]
mod visits_tests;
