//! Wire-style reported obligations: "Russia must pull its troops out of Ukraine, British Foreign
//! Secretary David Cameron said on Friday", "\"Hamas must free the hostages,\" Netanyahu told
//! reporters" — a clause opening the sentence (or its quotation) with actors and a modal of
//! obligation, attributed after a comma to a speaker: the speaker's side asks the actors.

use super::clauses::{chain_left, mention_ending_at, mention_starting_at};
use super::demand_deontic::{obligation_at, Deontic, Obligation};
use super::demand_objects::ends_in_office;
use super::entities::{side_of, EntityTable};
use super::{Analysed, Context, EntRef};
use crate::lang::is_in;

/// The longest stretch of words between the attribution's comma and its speech verb.
const ATTRIBUTION_WORDS: usize = 10;

/// A reported obligation at the modal at token `cue`. Not a passive ("must be allowed"), not
/// "must not", not "should have" (a reproach or a right, no action asked), not the speaker's
/// own side; the actors open the sentence, its quotation or the words after a dateline.
pub fn reported_deontic(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize) -> Option<Deontic> {
    if s.is_title {
        return None;
    }
    let Obligation { modal, start, opening } = obligation_at(ctx, s, table, cue)?;
    if s.tokens[start].lower == "have" {
        return None;
    }
    let quoted = s.quoted.get(cue).copied().unwrap_or(false);
    let mut first = opening;
    if quoted {
        if first == 0 || s.tokens[first - 1].text != "\"" {
            return None;
        }
        first -= 1;
    }
    if !opens_sentence(s, first) {
        return None;
    }
    let (comma, speakers) = attribution(ctx, s, table, start, quoted)?;
    let (of, _) = super::clauses::chain_right(s, table, opening);
    let by_sides: Vec<EntRef> = speakers.iter().map(|&b| side_of(table, b)).collect();
    if of.is_empty() || of.iter().any(|&o| by_sides.contains(&side_of(table, o))) {
        return None;
    }
    Some(Deontic { by: speakers, of, span: (start, comma), len: modal })
}

/// Token `k` begins the sentence, or follows the lead's dateline ("LONDON (Reuters) - ").
fn opens_sentence(s: &Analysed, k: usize) -> bool {
    k == 0 || s.is_lead && matches!(s.tokens[k - 1].text.as_str(), "-" | "--" | "—" | "–")
}

/// The attribution after the clause starting at `from`: a comma (inside the quotation, then the
/// closing mark, when the clause is quoted), a few words, a speech verb, with an actor as its
/// subject (", Foreign Secretary David Cameron said", ", he said", ", China's foreign ministry
/// said") or right after it (", said Maria Zakharova"); coordinated speakers all speak (", the
/// foreign ministers of Japan and South Korea said"). The comma's index and the speakers.
fn attribution(ctx: &Context, s: &Analysed, table: &EntityTable, from: usize, quoted: bool) -> Option<(usize, Vec<EntRef>)> {
    let g = &ctx.pack.lexicon.grammar;
    let toks = &s.tokens;
    let speech = |k: usize| {
        is_in(&g.speech_verbs, &toks[k].lower) || is_in(&g.speech, &toks[k].lower) || quoted && is_in(&g.speech_self, &toks[k].lower)
    };
    for k in from..toks.len() {
        if matches!(toks[k].text.as_str(), ";" | "?" | "!" | ":") {
            return None;
        }
        if toks[k].text != "," || s.quoted[k] != quoted {
            continue;
        }
        let mut p = k + 1;
        if quoted {
            if toks.get(p).is_none_or(|t| t.text != "\"") {
                continue;
            }
            p += 1;
        }
        let limit = (p + ATTRIBUTION_WORDS).min(toks.len());
        let Some(v) = (p..limit).find(|&i| speech(i) || toks[i].text == ",") else { continue };
        if !speech(v) {
            continue;
        }
        // '"…," tambahnya': the quotation's speaker, known from before.
        if v == p && quoted && is_in(&g.speech_self, &toks[v].lower) {
            return s.speaker.filter(|&e| table.is_actor(e)).map(|e| (k, vec![e]));
        }
        if v == p {
            return mention_starting_at(s, v + 1).filter(|m| table.is_actor(m.ent)).map(|m| (k, vec![m.ent]));
        }
        if mention_ending_at(s, v).is_some_and(|m| m.start >= p && table.is_actor(m.ent)) {
            return Some((k, chain_left(s, table, v))).filter(|(_, c)| !c.is_empty());
        }
        return office_speaker(ctx, s, table, p, v).map(|e| (k, vec![e]));
    }
    None
}

/// ", China's foreign ministry said", ", a senior U.S. official said": an actor followed only
/// by lower-case words ending in an office (a title, an institution, a `speaker_heads` word).
fn office_speaker(ctx: &Context, s: &Analysed, table: &EntityTable, p: usize, v: usize) -> Option<EntRef> {
    let m = s.mentions.iter().rfind(|m| m.start >= p && m.end < v && table.is_actor(m.ent))?;
    let tail = &s.tokens[m.end..v];
    let lower = |t: &&super::tokens::Token| t.is_word && !t.is_capitalised() || t.text == "'" || t.lower == "s";
    if tail.len() > 4 || !tail.iter().all(|t| lower(&t)) {
        return None;
    }
    ends_in_office(ctx, s, m.end, v).then_some(m.ent)
}

#[cfg(test)]
#[path = "demand_reported_tests.rs"]
mod tests;
