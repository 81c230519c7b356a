//! Summonings: "The Foreign Ministry summoned China's ambassador", "Retno memanggil Duta Besar
//! Brasil di Jakarta". A government called a foreign envoy in: the two sides met, in the city
//! the sentence names after the envoy, else in the summoner's capital.

use super::super::entities::{side_of, EntityTable};
use super::super::tokens::{longest_phrase, possessive_before};
use super::super::{Analysed, Context, EntRef, Meeting, Mention};
use super::date::meeting_date;
use super::Cue;
use crate::lang::{is_in, EntityType};
use std::collections::BTreeSet;

/// Tokens between the verb and the envoy's title ("summoned the U.S. ambassador").
const ENVOY_REACH: usize = 5;
/// Tokens after the envoy in which "di Jakarta" / "in Manila" places the summoning.
const PLACE_REACH: usize = 8;

/// The summonings told in an article, one meeting each.
pub fn summonings(ctx: &Context, sents: &[Analysed], table: &mut EntityTable) -> Vec<Meeting> {
    let phrases = ctx.pack.phrases();
    let mut out = Vec::new();
    for (si, s) in sents.iter().enumerate().filter(|(_, s)| !s.is_title) {
        let back = sents[si.saturating_sub(ctx.pack.lexicon.meeting.date_look_back)].start;
        for k in 0..s.tokens.len() {
            let n = longest_phrase(&s.tokens, k, &phrases.summon_verbs);
            if n == 0 || s.tokens.get(k + n).is_some_and(|t| is_in(&ctx.pack.lexicon.meeting.recalled, &t.lower)) {
                continue;
            }
            let Some((envoy_at, envoy_len)) = (k + n..(k + n + ENVOY_REACH).min(s.tokens.len()))
                .find_map(|j| Some((j, longest_phrase(&s.tokens, j, &phrases.envoys))).filter(|e| e.1 > 0))
            else {
                continue;
            };
            let Some(guest) = envoy_side(s, table, envoy_at, envoy_len) else { continue };
            let Some(host) = summoner(s, table, k, guest) else { continue };
            let Some(city) = named_city(s, table, envoy_at + envoy_len).or_else(|| capital(table, host)) else { continue };
            let cue = Cue { start: k, end: k + n, verb: true, host: false };
            let mut confidence = 0.8;
            let (date, _) = meeting_date(ctx, s, &cue, s.tokens.len(), false, back, &mut confidence);
            let participants: BTreeSet<EntRef> = [host, guest].into_iter().collect();
            let evidence = vec![ctx.evidence(s, "meeting.summoned", confidence)];
            out.push(Meeting { city, date, participants, modality: None, evidence });
        }
    }
    out
}

/// The side whose envoy the title at `at` names: "China's ambassador", "the U.S. ambassador",
/// "Duta Besar Brasil", "the ambassador of Chile". Not "its ambassador" (one's own).
fn envoy_side(s: &Analysed, table: &EntityTable, at: usize, len: usize) -> Option<EntRef> {
    let end = possessive_before(&s.tokens, at).unwrap_or(at);
    let sided = |m: &&Mention| matches!(table.get(m.ent).etype, EntityType::Country | EntityType::Organization);
    let before = s.mentions.iter().filter(sided).find(|m| m.end == end);
    let after = at + len + usize::from(s.tokens.get(at + len).is_some_and(|t| is_in(&s.words.head_of, &t.lower)));
    let after = after + usize::from(s.tokens.get(after).is_some_and(|t| is_in(&s.words.articles, &t.lower)));
    before.or_else(|| s.mentions.iter().filter(sided).find(|m| m.start == after)).map(|m| m.ent)
}

/// Who summoned: the side of the last actor named before the verb at `k` that is not the guest's.
fn summoner(s: &Analysed, table: &EntityTable, k: usize, guest: EntRef) -> Option<EntRef> {
    let actor = |m: &&Mention| m.end <= k && table.is_actor(m.ent) && table.get(m.ent).etype != EntityType::City;
    let side = side_of(table, s.mentions.iter().rfind(actor)?.ent);
    (side != guest && table.get(side).etype == EntityType::Country).then_some(side)
}

/// "memanggil Duta Besar Brasil di Jakarta": a city after a place preposition soon after the envoy.
fn named_city(s: &Analysed, table: &EntityTable, from: usize) -> Option<EntRef> {
    let until = (from + PLACE_REACH).min(s.tokens.len());
    s.mentions
        .iter()
        .filter(|m| m.start > from && m.start < until && table.get(m.ent).etype == EntityType::City)
        .find(|m| is_in(&s.words.location_preps, &s.tokens[m.start - 1].lower))
        .map(|m| m.ent)
}

/// The capital of a country, from the gazetteer.
fn capital(table: &mut EntityTable, country: EntRef) -> Option<EntRef> {
    let gi = table.gazetteer().capital_of(&table.get(country).key)?;
    Some(table.intern(gi))
}

#[cfg(test)]
#[path = "summoned_tests.rs"]
mod tests;
