//! Refusals told in the passive: "permintaan Zelenskyy langsung ditolak Jokowi", "Hamas's
//! demands were rejected by Israel". The demand noun comes first, who refused it after the verb.
//! Also the head of an active refusal's object, and a refusal in apposition.

use super::clauses::{chain_right, conditional, is_verb, negated, subject_before, text_of};
use super::demand_objects::possessor_before;
use super::entities::side_of;
use super::entities::EntityTable;
use super::rejections::PendingRejection;
use super::tokens::{longest_phrase, possessive_at};
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

/// The head of a refused object after the cue at `cue` (`len` tokens): past fillers, a
/// possessor, names before the noun. Also: whether a possessive naming no actor points back,
/// and whether an article before it does ("the demands").
pub(super) fn refused_object(ctx: &Context, s: &Analysed, cue: usize, len: usize) -> (usize, bool, bool) {
    let lex = &ctx.pack.lexicon;
    let mut j = cue + len;
    while s.tokens.get(j).is_some_and(|t| is_in(&s.words.refusal_fillers, &t.lower)) {
        j += 1;
    }
    // "rejected the summit's calls": a possessive that names no actor points back.
    let mut possessive_anaphor = false;
    if let Some(n) = possessive_at(&s.tokens, j + 1).filter(|_| !s.mentions.iter().any(|m| m.start <= j && j < m.end)) {
        let after = j + 1 + n;
        if let Some(k) = (after..(after + 3).min(s.tokens.len())).find(|&k| is_in(&lex.demand.nouns, &s.tokens[k].lower)) {
            j = k;
            possessive_anaphor = true;
        }
    }
    // "rejected Russia's (core) demands": look past the possessor (and an adjective or two) to the noun.
    if let Some(m) = s.mentions.iter().find(|m| m.start <= j && j < m.end) {
        // "the U.N. chief's call": an office word or two may stand between the name and the possessive.
        let lower = |e: usize| e == m.end || s.tokens[e - 1].text == "-" || s.tokens[e - 1].is_word && !s.tokens[e - 1].is_capitalised();
        let owner_end = (m.end..(m.end + 4).min(s.tokens.len())).take_while(|&e| lower(e)).find(|&e| possessive_at(&s.tokens, e).is_some());
        if let Some((e, n)) = owner_end.and_then(|e| possessive_at(&s.tokens, e).map(|n| (e, n))) {
            let after = e + n;
            let noun = (after..(after + 3).min(s.tokens.len())).find(|&k| {
                [&lex.demand.nouns, &s.words.demand_like, &lex.reject.possessed_objects].iter().any(|l| is_in(l, &s.tokens[k].lower))
            });
            j = noun.unwrap_or(after);
        }
    }
    let english = !s.words.demonstratives_before.is_empty();
    let is_demand_noun =
        |k: usize| s.tokens.get(k).is_some_and(|t| is_in(&lex.demand.nouns, &t.lower) || is_in(&s.words.demand_like, &t.lower));
    // "rejected the Camp David demands": a name or two before the noun; "the" before them points back.
    let mut determined = j > cue + len && is_in(&s.words.demonstratives_before, &s.tokens[j - 1].lower);
    if english && !is_demand_noun(j) {
        let mut modifiers = (j..(j + 3).min(s.tokens.len())).take_while(|&k| s.tokens[k].is_word && s.tokens[k].is_capitalised()).count();
        // "the U.S.-led proposal".
        let hyphen = s.tokens.get(j + modifiers).is_some_and(|t| t.text == "-");
        modifiers += 2 * usize::from(
            modifiers > 0 && hyphen && s.tokens.get(j + modifiers + 1).is_some_and(|t| is_in(&s.words.authored_compounds, &t.lower)),
        );
        if modifiers > 0 && is_demand_noun(j + modifiers) {
            j += modifiers;
        } else {
            determined = false;
        }
    }
    (j, possessive_anaphor, determined)
}

#[cfg(test)]
#[path = "rejected_passive_tests.rs"]
mod tests;
