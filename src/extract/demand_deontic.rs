//! Demands told in other shapes than "X urged Y to ...": an obligation put on a party in a
//! reported clause ("The President stressed that Hamas must release the hostages": the
//! speaker's side asks the clause's subject), and the English passive ("Israel was urged by
//! the United States to ...": the agent asks the subject).

use super::clauses::{chain_right, clause_end, mention_ending_at, mention_starting_at, negated, subject_before};
use super::entities::{side_of, EntityTable};
use super::tokens::{longest_phrase, possessive_at};
use super::{Analysed, Context, EntRef};
use crate::lang::{is_in, EntityType};

/// A demand at a deontic verb at token `cue`: (demanders, addressees, action start, action end, cue length).
pub struct Deontic {
    pub by: Vec<EntRef>,
    pub of: Vec<EntRef>,
    pub span: (usize, usize),
    pub len: usize,
}

/// "X stressed that Y must ACTION": a verb of the pack's `deontic_verbs`, "that", actors, then
/// a modal of obligation (`deontic_modals`). Not a passive ("Russia must be held accountable"
/// puts no action on Russia), not the speaker's own side ("... that the United States must").
pub fn deontic_at(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize) -> Option<Deontic> {
    let phrases = ctx.pack.phrases();
    let len = longest_phrase(&s.tokens, cue, &phrases.deontic_verbs);
    if len == 0 {
        return None;
    }
    // "said (that) the United States must …": the complementiser may be left out.
    // 'said "the Australian government should …"': or a quotation may open there.
    // "mengatakan, Sudan dan Sudan Selatan harus …": or a comma stand there.
    let that =
        usize::from(s.tokens.get(cue + len).is_some_and(|t| {
            is_in(&ctx.pack.lexicon.demand.complementisers, &t.lower) || (t.text == "\"" || t.text == ",") && !s.quoted[cue]
        }));
    let mut from = cue + len + that;
    // "said that, as a party to UNCLOS since 1982, China must …": past a fronted phrase to its comma.
    // Not a condition ("said that if Hamas agreed, Israel should …").
    let condition = s
        .tokens
        .get(from..(from + 2).min(s.tokens.len()))
        .is_some_and(|w| w.iter().any(|t| is_in(&ctx.pack.lexicon.grammar.conditionals, &t.lower)));
    let (mut of, mut after) = chain_right(s, table, from);
    if of.is_empty() && !condition {
        let comma = |k: &usize| s.tokens[*k].text == "," && !chain_right(s, table, k + 1).0.is_empty();
        from = (from + usize::from(s.tokens.get(from).is_some_and(|t| t.text == ","))..(from + 16).min(s.tokens.len()))
            .take_while(|&k| !matches!(s.tokens[k].text.as_str(), "\"" | ";" | ":"))
            .find(comma)
            .map_or(from, |k| k + 1);
        (of, after) = chain_right(s, table, from);
    }
    if of.is_empty() {
        return None;
    }
    let mut k = after + possessive_at(&s.tokens, after).unwrap_or(0);
    // "the Australian government should …", "Ukraine's troops must …": the party is obliged.
    while s.tokens.get(k).is_some_and(|t| is_in(&ctx.pack.lexicon.demand.obliged_heads, &t.lower)) {
        k += 1;
    }
    let held = k > after + possessive_at(&s.tokens, after).unwrap_or(0);
    // 'that Washington "must not …"': a quotation may open at the modal.
    k += usize::from(s.tokens.get(k).is_some_and(|t| t.text == "\"") && !s.quoted[k.saturating_sub(1)]);
    // Past adverbs ("also"), but not an auxiliary that opens the modal ("has to").
    while s.tokens.get(k).is_some_and(|t| is_in(&ctx.pack.lexicon.grammar.adverbs, &t.lower))
        && longest_phrase(&s.tokens, k, &phrases.deontic_modals) == 0
    {
        k += 1;
    }
    let modal = longest_phrase(&s.tokens, k, &phrases.deontic_modals);
    let start = k + modal;
    // "pasukan Ukraina harus ditarik": what a party holds is to be withdrawn, by that party.
    let possessed = mention_starting_at(s, from).is_none();
    // "Russian troops should be withdrawn": the party is to withdraw them.
    let withdrawn = held && s.tokens.get(start + 1).is_some_and(|t| is_in(&ctx.pack.lexicon.demand.withdrawn, &t.lower));
    let passive = s.tokens.get(start).is_some_and(|t| t.lower == "be" && !withdrawn || !possessed && passive_verb(s, &t.lower));
    // Not "should have sat down": a reproach, no action asked.
    if modal == 0 || passive || s.tokens.get(start).is_none_or(|t| !t.is_word || t.lower == "have") {
        return None;
    }
    let (by, _) = subject_before(ctx, s, table, cue)?;
    let of_sides: Vec<EntRef> = of.iter().map(|&o| side_of(table, o)).collect();
    if by.iter().any(|&b| of_sides.contains(&side_of(table, b)))
        || of.iter().any(|&o| table.get(side_of(table, o)).etype == EntityType::Person)
    {
        return None;
    }
    Some(Deontic { by, of, span: (start, clause_end(ctx, s, start)), len })
}

/// English passive: "Israel was urged by the United States to allow more aid", "Hamas is being
/// pressed by Qatar and Egypt to accept the deal": a demand verb (`verb_len` tokens at `cue`)
/// after a copula, its agent after "by", the subject asked, then the complementiser.
pub fn passive_demand(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize, verb_len: usize) -> Option<Deontic> {
    let w = s.words;
    let mut p = cue;
    while p > 0 && is_in(&ctx.pack.lexicon.grammar.adverbs, &s.tokens[p - 1].lower) && !is_in(&w.copulas, &s.tokens[p - 1].lower) {
        p -= 1;
    }
    let aux = p > 0 && (is_in(&w.copulas, &s.tokens[p - 1].lower) || s.tokens[p - 1].lower == "being");
    let agent = s.tokens.get(cue + verb_len).is_some_and(|t| is_in(&w.agent_preps, &t.lower));
    // '"The Embassy is urged to adhere to them," the ministry said': in a quote with no agent,
    // the speaker asks.
    let speaker = s.speaker.filter(|_| s.quoted.get(cue).copied().unwrap_or(false)).map(|sp| side_of(table, sp));
    if w.base_verbs.is_empty() || !aux || !(agent || speaker.is_some()) {
        return None;
    }
    let (by, after) = if agent { chain_right(s, table, cue + verb_len + 1) } else { (speaker.into_iter().collect(), cue + verb_len) };
    if by.is_empty() || !s.tokens.get(after).is_some_and(|t| is_in(&ctx.pack.lexicon.demand.complementisers, &t.lower)) {
        return None;
    }
    let (of, _) = subject_before(ctx, s, table, p.saturating_sub(1))?;
    let by_sides: Vec<EntRef> = by.iter().map(|&b| side_of(table, b)).collect();
    if of.iter().any(|&o| by_sides.contains(&side_of(table, o))) {
        return None;
    }
    Some(Deontic { by, of, span: (after + 1, clause_end(ctx, s, after + 1)), len: verb_len })
}

/// In a statement, outside quotes, a clause opening with actors and a modal of obligation:
/// "..., but Pyongyang must immediately cease its provocations" — the statement's `authors`
/// ask the actors. Only where the actors open the clause (the sentence, or after a comma, a
/// coordinator or "but"), so "talks between X and Y must resume" and "we believe X must" give
/// nothing; not a passive ("must be held accountable"), not "must not".
pub fn statement_deontic(ctx: &Context, s: &Analysed, table: &EntityTable, authors: &[EntRef], cue: usize) -> Option<Deontic> {
    if authors.is_empty() || s.is_title || s.quoted.get(cue).copied().unwrap_or(true) {
        return None;
    }
    let Obligation { modal, start, opening } = obligation_at(ctx, s, table, cue)?;
    let opens = opening == 0 || {
        let t = &s.tokens[opening - 1];
        matches!(t.text.as_str(), "," | ";")
            || is_in(&s.words.coordinators, &t.lower)
            || is_in(&ctx.pack.lexicon.grammar.clause_breaks, &t.lower)
    };
    if !opens {
        return None;
    }
    let (of, _) = chain_right(s, table, opening);
    let by_sides: Vec<EntRef> = authors.iter().map(|&a| side_of(table, a)).collect();
    if of.is_empty() || of.iter().any(|&o| by_sides.contains(&side_of(table, o))) {
        return None;
    }
    Some(Deontic { by: authors.to_vec(), of, span: (start, clause_end(ctx, s, start)), len: modal })
}

/// A modal of obligation at token `cue` put on actors right before it (past adverbs): "...
/// Pyongyang must immediately cease ...". Not negated, not "must not", not a passive ("must be").
pub(super) struct Obligation {
    /// Tokens of the modal.
    pub modal: usize,
    /// Where the obliged action starts.
    pub start: usize,
    /// Where the obliged actors (and an article before them) start.
    pub opening: usize,
}

pub(super) fn obligation_at(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize) -> Option<Obligation> {
    let g = &ctx.pack.lexicon.grammar;
    let modal = longest_phrase(&s.tokens, cue, &ctx.pack.phrases().deontic_modals);
    if modal == 0 || negated(ctx, s, cue) {
        return None;
    }
    let start = cue + modal;
    let after = s.tokens.get(start)?;
    if !after.is_word || after.lower == "be" || is_in(&g.negations, &after.lower) || passive_verb(s, &after.lower) {
        return None;
    }
    let opening = actors_before(ctx, s, table, cue)?;
    Some(Obligation { modal, start, opening })
}

/// Where the actors standing right before token `k` (past adverbs) begin.
fn actors_before(ctx: &Context, s: &Analysed, table: &EntityTable, k: usize) -> Option<usize> {
    let mut j = k;
    while j > 0 && is_in(&ctx.pack.lexicon.grammar.adverbs, &s.tokens[j - 1].lower) {
        j -= 1;
    }
    clause_subject_start(s, table, j)
}

/// An Indonesian passive verb ("harus dihukum": no action on the subject): the pack's lower-case
/// verb prefix ("di-") on a word long enough to be a verb, not one of its `not_verbs`.
fn passive_verb(s: &Analysed, w: &str) -> bool {
    let min = |p: &String| s.words.verb_prefixes.get(p).copied().unwrap_or(usize::MAX);
    s.words.lowercase_verb_prefixes.iter().any(|p| w.starts_with(p.as_str()) && w.chars().count() >= min(p))
        && !is_in(&s.words.not_verbs, w)
}

/// A demand verb at `cue` under a modal of obligation in its own clause ("Komunitas internasional
/// harus bersatu mendesak Israel …", "the world must urge Y to …"): the subject is asked to
/// demand, it demands nothing yet.
/// Only when actors stand right before the modal: in "Jepang menyatakan dunia mesti terus menekan
/// Korea Utara agar …" no actor is obliged, and the demand stays the speaker's.
pub fn under_modal(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize) -> bool {
    let modals = &ctx.pack.phrases().deontic_modals;
    (cue.saturating_sub(3)..cue)
        .rev()
        .take_while(|&k| s.tokens[k].is_word)
        .any(|k| longest_phrase(&s.tokens, k, modals) > 0 && actors_before(ctx, s, table, k).is_some())
}

/// Where the actors ending at token `end` begin: past coordinated members and an article
/// before each ("Russia and Belarus", "the DPRK"). None when no actor ends there.
fn clause_subject_start(s: &Analysed, table: &EntityTable, end: usize) -> Option<usize> {
    let mut pos = end;
    let mut start = None;
    while let Some(m) = mention_ending_at(s, pos).filter(|m| table.is_actor(m.ent)) {
        let mut b = m.start;
        if b > 0 && is_in(&s.words.articles, &s.tokens[b - 1].lower) {
            b -= 1;
        }
        start = Some(b);
        let joiner = b.checked_sub(1).map(|k| &s.tokens[k]);
        match joiner {
            Some(t) if (t.text == "," || is_in(&s.words.coordinators, &t.lower)) && mention_ending_at(s, b - 1).is_some() => pos = b - 1,
            _ => break,
        }
    }
    start
}

#[cfg(test)]
#[path = "demand_deontic_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "demand_speakers_tests.rs"]
mod speakers_tests;
