//! Refusals told in the passive: "permintaan Zelenskyy langsung ditolak Jokowi", "Hamas's
//! demands were rejected by Israel". The demand noun comes first, who refused it after the verb.

use super::clauses::{chain_right, conditional, is_verb, negated, subject_before, text_of};
use super::demand_objects::possessor_before;
use super::entities::side_of;
use super::entities::EntityTable;
use super::rejections::PendingRejection;
use super::tokens::longest_phrase;
use super::{Analysed, Context};
use crate::lang::is_in;

/// The passive refusal a demand noun at `noun` is the subject of: where its verb starts and how
/// long it is (past an auxiliary and a few adverbs: "were quickly rejected", "langsung ditolak").
pub fn passive_refusal_after(ctx: &Context, s: &Analysed, noun: usize) -> Option<(usize, usize)> {
    let lex = &ctx.pack.lexicon.reject;
    let passive = |k: usize| longest_phrase(&s.tokens, k, &ctx.pack.phrases().reject_passive);
    let mut aux = lex.passive_aux.is_empty();
    for k in noun + 1..(noun + 7).min(s.tokens.len()) {
        let t = &s.tokens[k];
        if !t.is_word {
            return None;
        }
        if is_in(&lex.passive_aux, &t.lower) {
            aux = true;
        } else if passive(k) > 0 {
            return aux.then_some((k, passive(k)));
        }
    }
    None
}

/// The refusal a passive reject verb at `cue` tells of the demand noun before it ("permintaan
/// Zelenskyy", "the demands of Hamas", "Hamas's demands").
pub fn passive_rejection(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize) -> Option<PendingRejection> {
    // Read at every token: nothing to do unless a passive refusal stands here.
    if longest_phrase(&s.tokens, cue, &ctx.pack.phrases().reject_passive) == 0 {
        return None;
    }
    let nouns = &ctx.pack.lexicon.demand.nouns;
    let noun = (cue.saturating_sub(6)..cue).rev().find(|&k| is_in(nouns, &s.tokens[k].lower))?;
    let (at, len) = passive_refusal_after(ctx, s, noun).filter(|&(at, _)| at == cue)?;
    // Denied or conditional before the noun ("jika tuntutan itu ditolak"); not "were" itself.
    if negated(ctx, s, cue) || conditional(ctx, s, noun) {
        return None;
    }
    let mut j = at + len;
    if s.tokens.get(j).is_some_and(|t| is_in(&s.words.agent_preps, &t.lower)) {
        j += 1;
    }
    let (by, _) = chain_right(s, table, j);
    if by.is_empty() {
        return None;
    }
    // "permintaan Zelenskyy" (the owner after the noun), "Hamas's demands" (before it).
    let of = usize::from(s.tokens.get(noun + 1).is_some_and(|t| is_in(&s.words.head_of, &t.lower)));
    let (after, _) = chain_right(s, table, noun + 1 + of);
    let named = if after.is_empty() { possessor_before(ctx, s, table, noun) } else { after };
    Some(PendingRejection {
        by,
        stated_by: s.speaker,
        anaphoric: named.is_empty(),
        named_demander: named,
        object: text_of(ctx, s, noun, cue),
        own_demands: Vec::new(),
        evidence: ctx.evidence(s, "reject.passive", 0.8),
    })
}

/// A refusal told after the thing refused, in apposition: "Nigeria proposed freeing Bazoum, a
/// suggestion rejected by Niger's leaders" — the agent after the verb (`len` tokens at `cue`)
/// refuses what the clause's subject asked. None when the words before the verb are no such
/// apposition ("a demand noun, after a comma and an article").
pub fn appositive_refusal(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize, len: usize) -> Option<PendingRejection> {
    let noun = cue.checked_sub(1)?;
    let w = &s.tokens[noun].lower;
    let demand_noun = is_in(&ctx.pack.lexicon.demand.nouns, w) || is_in(&s.words.demand_like, w);
    if noun < 3
        || !demand_noun
        || !is_in(&ctx.pack.lexicon.demand.noun_markers, &s.tokens[noun - 1].lower)
        || s.tokens[noun - 2].text != ","
    {
        return None;
    }
    let (by, _) = chain_right(s, table, cue + len + 1);
    // The clause's subject: who stands before its first verb.
    let verb = (0..noun - 2).find(|&k| is_verb(s.words, &s.tokens[k]))?;
    let (asked_by, _) = subject_before(ctx, s, table, verb)?;
    let by_sides: Vec<_> = by.iter().map(|&b| side_of(table, b)).collect();
    if by.is_empty() || asked_by.iter().any(|&a| by_sides.contains(&side_of(table, a))) {
        return None;
    }
    Some(PendingRejection {
        by,
        stated_by: None,
        anaphoric: false,
        named_demander: asked_by,
        object: text_of(ctx, s, 0, noun - 2),
        own_demands: Vec::new(),
        evidence: ctx.evidence(s, "reject.passive", 0.8),
    })
}

#[cfg(test)]
#[path = "rejected_passive_tests.rs"]
mod tests;
