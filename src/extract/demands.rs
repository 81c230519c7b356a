//! Demands ("X meminta Y untuk ...", "permintaan X agar Y ...") and the rejections
//! that answer them ("Y menolak tuntutan X", "Y emoh ...").

use super::actions::split_actions;
use super::antecedents::article_authors;
use super::clauses::{chain_right, clause_end, conditional, is_verb, modality, negated, relative_antecedent, subject_before, text_of};
use super::demand_deontic::{deontic_at, passive_demand, statement_deontic, under_modal};
use super::demand_nouns::NounDemand;
use super::demand_objects::{
    accepted_by, after_refusal, apposition_end, aside_then, asked_by_verb_before, between_addressees, complement_start, coordinated_demand,
    gapped_verb, located_addressee, nominal_addressee, other_side_before, past_addressee_name, possessor_before, requested_from,
    second_request, talks_partner,
};
use super::demand_reported::reported_deontic;
use super::demand_sources::participle_demand;
use super::entities::{side_of, EntityTable};
use super::rejected_passive::{appositive_refusal, passive_refusal_after, passive_rejection, refused_object};
use super::rejections::PendingRejection;
use super::tokens::{longest_phrase, possessive_at};
use super::{Analysed, Context, Demand, EntRef};
use crate::lang::{is_in, EntityType};

/// The demands of an article, and the refusals found on the way (resolved by `rejections`).
pub fn extract(ctx: &Context, sents: &[Analysed], table: &EntityTable) -> (Vec<Demand>, Vec<PendingRejection>) {
    let lex = &ctx.pack.lexicon;
    let reject_phrases = &ctx.pack.phrases().reject;
    // Demand verbs may be phrases ("called on", "calls upon").
    let demand_verbs = &ctx.pack.phrases().demand_verbs;
    let mut demands = Vec::new();
    let mut pending = Vec::new();
    let authors = article_authors(sents, table, ctx.pack);
    for s in sents {
        let mut k = 0;
        while k < s.tokens.len() {
            let w = s.tokens[k].lower.as_str();
            if let Some(p) = passive_rejection(ctx, s, table, k) {
                pending.push(p);
                k += 1;
                continue;
            }
            let phrase_len = longest_phrase(&s.tokens, k, reject_phrases);
            if phrase_len > 0 || is_in(&lex.reject.verbs, w) {
                let len = phrase_len.max(1);
                if phrase_len > 0 || !negated(ctx, s, k) {
                    if let Some(p) = rejection_at(ctx, s, table, k, len, &mut demands) {
                        pending.push(p);
                    }
                }
                k += len;
                continue;
            }
            let part_len = longest_phrase(&s.tokens, k, &ctx.pack.phrases().demand_participles);
            // "The EU is urging Serbia to …", "has been pressing Kyiv to …": a participle after an auxiliary is the verb.
            let progressive = part_len > 0 && k > 0 && is_in(&lex.demand.progressive_aux, &s.tokens[k - 1].lower);
            if progressive {
                if !negated(ctx, s, k) && !conditional(ctx, s, k) && !under_modal(ctx, s, table, k) {
                    demand_verb(ctx, s, table, (k, part_len), &mut demands);
                }
                k += part_len;
                continue;
            }
            if part_len > 0 {
                if !negated(ctx, s, k) && !conditional(ctx, s, k) {
                    if let Some((by, of, after)) = participle_demand(ctx, s, table, k, part_len) {
                        let end = clause_end(ctx, s, after);
                        let found =
                            Found { by: &by, of: &of, span: (after, end), cue: k, rule: "demand.participle-source", confidence: 0.8 };
                        push_actions(ctx, s, table, found, &mut demands);
                    }
                }
                k += part_len;
                continue;
            }
            if let Some(d) = deontic_at(ctx, s, table, k).filter(|_| !negated(ctx, s, k) && !conditional(ctx, s, k)) {
                let found = Found { by: &d.by, of: &d.of, span: d.span, cue: k, rule: "demand.deontic", confidence: 0.8 };
                push_actions(ctx, s, table, found, &mut demands);
                k += d.len;
                continue;
            }
            let stated = statement_deontic(ctx, s, table, &authors, k).map(|d| (d, "demand.statement-deontic"));
            let stated = stated.or_else(|| reported_deontic(ctx, s, table, k).map(|d| (d, "demand.reported-deontic")));
            if let Some((d, rule)) = stated.filter(|_| !conditional(ctx, s, k)) {
                let found = Found { by: &d.by, of: &d.of, span: d.span, cue: k, rule, confidence: 0.8 };
                push_actions(ctx, s, table, found, &mut demands);
                k += d.len;
                continue;
            }
            let verb_len = Some(longest_phrase(&s.tokens, k, demand_verbs)).filter(|&n| n > 0).unwrap_or_else(|| gapped_verb(ctx, s, k));
            let passive = (verb_len > 0).then(|| passive_demand(ctx, s, table, k, verb_len)).flatten();
            if let Some(d) = passive.filter(|_| !negated(ctx, s, k) && !conditional(ctx, s, k)) {
                let found = Found { by: &d.by, of: &d.of, span: d.span, cue: k, rule: "demand.passive", confidence: 0.85 };
                push_actions(ctx, s, table, found, &mut demands);
                k += d.len;
                continue;
            }
            if verb_len > 0 {
                // "dismissed Western demands that ...": after a refusal the word is the refused noun.
                let refused_noun = is_in(&lex.demand.nouns, w) && (after_refusal(ctx, s, k) || passive_refusal_after(ctx, s, k).is_some());
                if !negated(ctx, s, k) && !conditional(ctx, s, k) && !refused_noun && !under_modal(ctx, s, table, k) {
                    demand_verb(ctx, s, table, (k, verb_len), &mut demands);
                }
                k += verb_len;
                continue;
            } else if is_in(&lex.demand.passive, w) && !negated(ctx, s, k) && !conditional(ctx, s, k) {
                demand_passive(ctx, s, table, k, &mut demands);
            } else if let Some(asked) = is_in(&lex.demand.nouns, w).then(|| accepted_by(ctx, s, table, k)).flatten() {
                // "(Jika) Israel menerima tuntutan Hamas": the demand stands, conditional or not.
                demand_noun(ctx, s, table, k, Some(&asked), &mut demands);
            } else if is_in(&lex.demand.nouns, w)
                && !conditional(ctx, s, k)
                && !after_refusal(ctx, s, k)
                && !negated(ctx, s, k)
                && passive_refusal_after(ctx, s, k).is_none()
            {
                demand_noun(ctx, s, table, k, None, &mut demands);
            }
            k += 1;
        }
    }
    (demands, pending)
}

/// A demand found at a cue: who asks, who is asked, the demanded clause's tokens.
struct Found<'a> {
    by: &'a [EntRef],
    of: &'a [EntRef],
    span: (usize, usize),
    cue: usize,
    rule: &'static str,
    confidence: f32,
}

/// A demand named by a noun at `cue` (see `demand_nouns`), pushed: the possessor read before
/// the noun and the indices of the demands made.
fn demand_noun(
    ctx: &Context,
    s: &Analysed,
    table: &EntityTable,
    cue: usize,
    refused_by: Option<&[EntRef]>,
    out: &mut Vec<Demand>,
) -> (Vec<EntRef>, Vec<usize>) {
    let (possessor, found) = super::demand_nouns::demand_noun(ctx, s, table, cue, refused_by);
    let Some(NounDemand { by, of, span, confidence }) = found else {
        return (possessor, Vec::new());
    };
    (possessor, push_actions(ctx, s, table, Found { by: &by, of: &of, span, cue, rule: "demand.noun", confidence }, out))
}

fn push_actions(ctx: &Context, s: &Analysed, table: &EntityTable, f: Found, out: &mut Vec<Demand>) -> Vec<usize> {
    let Found { by, of, span, cue, rule, confidence } = f;
    let (a, b) = span;
    // "... for Hamas to release the hostages and for Israel to allow aid": two demands.
    if let Some((k, second, from)) = second_request(ctx, s, table, a, b) {
        let mut made = push_actions(ctx, s, table, Found { by, of, span: (a, k), cue, rule, confidence }, out);
        made.extend(push_actions(ctx, s, table, Found { by, of: &second, span: (from, b), cue, rule, confidence }, out));
        return made;
    }
    let mut made = Vec::new();
    // A very long span is a misparse, unless English coordination splits it into actions.
    if b <= a || (b - a > 40 && s.words.base_verbs.is_empty()) {
        return made;
    }
    let addressees: Vec<EntRef> = if of.is_empty() { implied_addressee(s, table, by, a, b) } else { of.to_vec() };
    for (pa, pb) in split_actions(s, a, b) {
        if pb - pa > 40 {
            continue;
        }
        let action = text_of(ctx, s, pa, pb).trim_end_matches([',', ' ']).to_string();
        if action.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        for &d in by {
            for &o in &addressees {
                let (ds, os) = (side_of(table, d), side_of(table, o));
                // A person whose side is unknown cannot stand for one: no fact.
                if ds == os || table.get(ds).etype == EntityType::Person || table.get(os).etype == EntityType::Person {
                    continue;
                }
                // Only a person states something for a side ("Moskow" is the side itself).
                let stated_by = (table.get(d).etype == EntityType::Person).then_some(d);
                out.push(Demand {
                    by: ds,
                    of: os,
                    action: action.clone(),
                    stated_by,
                    modality: modality(ctx, s, cue),
                    evidence: ctx.evidence(s, rule, if of.is_empty() { confidence * 0.8 } else { confidence }),
                });
                made.push(out.len() - 1);
            }
        }
    }
    made
}

/// An addressee the clause names with "ke/kepada/terhadap X", else the speaker's side.
fn implied_addressee(s: &Analysed, table: &EntityTable, by: &[EntRef], a: usize, b: usize) -> Vec<EntRef> {
    let by_sides: Vec<EntRef> = by.iter().map(|&d| side_of(table, d)).collect();
    for m in s.mentions.iter().filter(|m| m.start > a && m.start < b) {
        let prev = s.tokens[m.start - 1].lower.as_str();
        if is_in(&s.words.addressee_preps, prev) && table.is_actor(m.ent) && !by_sides.contains(&side_of(table, m.ent)) {
            return vec![m.ent];
        }
    }
    match s.speaker {
        Some(sp) if s.quoted.get(a).copied().unwrap_or(false) && !by_sides.contains(&side_of(table, sp)) => {
            vec![sp]
        }
        _ => Vec::new(),
    }
}

/// "X meminta (kepada) Y (…) untuk/agar ACTION", "X meminta agar Y ACTION", "X minta Y ACTION".
fn demand_verb(ctx: &Context, s: &Analysed, table: &EntityTable, (cue, cue_len): (usize, usize), out: &mut Vec<Demand>) {
    let lex = &ctx.pack.lexicon.demand;
    // "Rusia, yang menuntut ...": the relative clause's antecedent asks; "..., yang mendorong
    // Trump untuk ...": a relative clause on an event, not on an actor, asks nothing.
    let found = match relative_antecedent(ctx, s, table, cue) {
        Some(a) if a.is_empty() => None,
        Some(a) => Some((a, 1.0)),
        None => subject_before(ctx, s, table, cue),
    };
    let Some((mut by, conf)) = found else {
        return;
    };
    // "mengajak Lithuania menyerukan penghentian …": the party asked to call for it passes the
    // outer demander's demand on; the outer demander asks it.
    if let Some(outer) = asked_by_verb_before(ctx, s, cue) {
        match subject_before(ctx, s, table, outer) {
            Some((outer_by, _)) => by = outer_by,
            None => return,
        }
    }
    let mut j = cue + cue_len;
    if s.tokens.get(j).is_some_and(|t| is_in(&lex.addressee_preps, &t.lower)) {
        j += 1;
    } else if s.tokens.get(j).is_some_and(|t| is_in(&lex.requested_from, &t.lower)) && !is_in(&lex.weak_verbs, &s.tokens[cue].lower) {
        // "demanded from Canada to take ...": the party asked, then what it is to do (not
        // "pressure from the West to ...", where the West asks).
        let (from, after) = chain_right(s, table, j + 1);
        if !from.is_empty() && s.tokens.get(after).is_some_and(|t| is_in(&lex.complementisers, &t.lower)) {
            j += 1;
        }
    }
    // "demanded on Monday that ...": a short adverbial between the verb and what follows.
    let adverbs = &ctx.pack.lexicon.grammar.adverbs;
    if chain_right(s, table, j).0.is_empty() && !s.tokens.get(j).is_some_and(|t| is_in(&lex.complementisers, &t.lower)) {
        let k = (j..(j + 3).min(s.tokens.len())).find(|&k| !is_in(adverbs, &s.tokens[k].lower)).unwrap_or(j);
        if k > j && (!chain_right(s, table, k).0.is_empty() || s.tokens.get(k).is_some_and(|t| is_in(&lex.complementisers, &t.lower))) {
            j = k;
        }
    }
    let (mut of, mut after) = chain_right(s, table, j);
    if let Some(&last) = of.last() {
        after = past_addressee_name(ctx, s, table, last, after);
        // "urged Mali's military, which …, to", "urged the Australian government to": the party's own body.
        let owned = possessive_at(&s.tokens, after).unwrap_or(0);
        if s.tokens.get(after + owned).is_some_and(|t| is_in(&lex.obliged_heads, &t.lower)) {
            after += owned + 1;
        }
    }
    // "... and urged it to ...": an object pronoun stands for the addressee just asked, else for
    // the last other side named before it ("welcomed China's participation and urged it to").
    if of.is_empty() && s.tokens.get(j).is_some_and(|t| is_in(&s.words.object_pronouns, &t.lower)) {
        let asked = out.last().filter(|d| d.evidence.sentence == s.index).map(|d| d.of);
        // Only "it" with "to" after it: "insisted it wanted …" is the clause's subject.
        let it =
            is_in(&s.words.org_pronouns, &s.tokens[j].lower) && s.tokens.get(j + 1).is_some_and(|t| is_in(&lex.complementisers, &t.lower));
        if let Some(e) = asked.or_else(|| other_side_before(s, table, &by, cue).filter(|_| it)) {
            of = vec![e];
            after = j + 1;
        }
    }
    let mut comp = false;
    let mut rule = "demand.verb-object";
    if of.is_empty() && s.tokens.get(j).is_some_and(|t| is_in(&lex.complementisers, &t.lower)) {
        comp = true;
        let (o, e) = chain_right(s, table, j + 1);
        of = o;
        after = if of.is_empty() { j + 1 } else { e };
    } else if !of.is_empty() {
        // Up to a few words ("selama pertemuan") before the complementiser.
        if let Some(k) = (after..(after + 6).min(s.tokens.len())).find(|&k| is_in(&lex.complementisers, &s.tokens[k].lower)) {
            if let Some(a) = complement_start(ctx, s, after, k) {
                (after, comp) = (a, true);
            }
        } else if let Some(k) = aside_then(s, &lex.complementisers, after) {
            (after, comp) = (k + 1, true);
        } else if let Some(n) = possessive_at(&s.tokens, after).filter(|_| of.len() == 1) {
            // "demanded Russia's immediate withdrawal": the action is the possessed noun phrase.
            after += n;
        }
        if !comp && s.tokens.get(after).is_some_and(|t| is_in(&lex.request_preps, &t.lower)) {
            // "asked Tokyo for an apology": the thing requested is what the addressee is to give.
            if longest_phrase(&s.tokens, after + 1, &ctx.pack.phrases().requested_things) > 0 {
                after += 1;
                comp = true;
            }
        }
        if !comp && is_in(&lex.hope_verbs, &s.tokens[cue].lower) {
            // "berharap Myanmar dapat memulihkan …": a modal or a verb opens what is hoped for.
            if let Some(t) = s.tokens.get(after) {
                let opener = is_in(&lex.hope_openers, &t.lower);
                if opener || is_verb(s.words, t) {
                    after += usize::from(opener && !is_in(&ctx.pack.lexicon.grammar.negations, &t.lower));
                    comp = true;
                }
            }
        }
        if !comp {
            if let Some(k) = apposition_end(ctx, s, after) {
                after = k + 1;
                comp = true;
                rule = "demand.verb-apposition";
            }
        }
    } else if let Some(o) = requested_from(ctx, s, table, j, &by) {
        // "meminta penegasan Amerika Serikat terkait ...": what the addressee is to give.
        of = vec![o];
        after = j;
        rule = "demand.verb-requested";
    } else if let Some(o) = nominal_addressee(ctx, s, table, j, &by) {
        // "demanded an end to Israel's occupation", "demanded the removal of the buoy that China
        // installed", "called for the support of the Governments of X and Y".
        of = o;
        after = j;
    } else if let Some(o) = talks_partner(ctx, s, table, (cue, j), &by) {
        // "meminta konsultasi formal dengan China": talks with a party.
        of = o;
        after = j;
        rule = "demand.verb-requested";
    } else if let Some(o) = between_addressees(ctx, s, table, j, &by) {
        // "menyerukan gencatan senjata antara Rusia dan Ukraina".
        of = o;
        after = j;
        rule = "demand.verb-between";
    } else if let Some(o) = located_addressee(ctx, s, table, j, &by) {
        (of, after, rule) = (o, j, "demand.located");
    } else if let Some(prev) = coordinated_demand(ctx, s, table, cue, &by, out) {
        // "X demanded that Y ... and called for early elections": the same addressee.
        of = vec![prev];
        after = j;
    } else {
        // Neither an actor asked nor "untuk/agar": the object is not an actor
        // ("mendesak pemerintah agar ...") — nothing to say who is asked.
        return;
    }
    let cue_text = s.tokens[cue..cue + cue_len].iter().map(|t| t.lower.as_str()).collect::<Vec<_>>().join(" ");
    // "paid a courtesy call on President X on Wednesday": after a determiner the cue is a noun,
    // a demand only with what is asked.
    let weak = is_in(&lex.weak_verbs, &cue_text) || cue > 0 && is_in(&lex.noun_markers, &s.tokens[cue - 1].lower);
    // "bersikeras bahwa Taiwan adalah …": a weak verb asks nothing through an assertive complementiser.
    let assertive =
        [j, after.saturating_sub(1)].iter().any(|&k| s.tokens.get(k).is_some_and(|t| is_in(&lex.assertive_complementisers, &t.lower)));
    let end = clause_end(ctx, s, after);
    // "told the council that his country is facing …": after a weak verb's addressee, "that"
    // opens what is told, unless it puts an obligation on someone ("told Iran that it must stop").
    let told = || {
        (after.saturating_sub(1)..=after).any(|k| s.tokens.get(k).is_some_and(|t| is_in(&lex.told_complementisers, &t.lower)))
            && !(after..end).any(|k| longest_phrase(&s.tokens, k, &ctx.pack.phrases().deontic_modals) > 0)
    };
    if weak && (!comp || of.is_empty() || assertive || told()) {
        return;
    }
    // "warned Manila to stop …" (or "not to") asks; "warned that …", "warned Manila that …" only warn.
    if is_in(&lex.warn_verbs, &cue_text) {
        let to = (after.saturating_sub(1)..=after + 1).any(|k| s.tokens.get(k).is_some_and(|t| is_in(&lex.warn_complementisers, &t.lower)));
        if !to || s.tokens.get(j).is_some_and(|t| is_in(&lex.complementisers, &t.lower)) {
            return;
        }
    }
    if comp && rule == "demand.verb-object" {
        rule = "demand.verb-complement";
    }
    push_actions(ctx, s, table, Found { by: &by, of: &of, span: (after, end), cue, rule, confidence: 0.9 * conf }, out);
}

/// "Y diminta (oleh X) untuk ACTION".
fn demand_passive(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize, out: &mut Vec<Demand>) {
    let lex = &ctx.pack.lexicon.demand;
    let Some((of, conf)) = subject_before(ctx, s, table, cue) else {
        return;
    };
    let mut j = cue + 1;
    let mut by = Vec::new();
    if s.tokens.get(j).is_some_and(|t| is_in(&s.words.agent_preps, &t.lower)) {
        let (b, e) = chain_right(s, table, j + 1);
        by = b;
        j = e;
    } else {
        // The agent may follow without "oleh": "Ethiopia diminta delegasi Sudan untuk ...".
        let (b, e) = chain_right(s, table, j);
        if !b.is_empty() && s.tokens.get(e).is_some_and(|t| is_in(&ctx.pack.lexicon.demand.complementisers, &t.lower)) {
            by = b;
            j = e;
        }
    }
    if by.is_empty() {
        return;
    }
    if s.tokens.get(j).is_some_and(|t| is_in(&lex.complementisers, &t.lower)) {
        j += 1;
    }
    let end = clause_end(ctx, s, j);
    push_actions(ctx, s, table, Found { by: &by, of: &of, span: (j, end), cue, rule: "demand.passive", confidence: 0.85 * conf }, out);
}

/// A refusal at the cue `cue` (`len` tokens): who refuses what, to be matched to the
/// demands once all are known; demands the object itself makes are added to `demands`.
fn rejection_at(
    ctx: &Context,
    s: &Analysed,
    table: &EntityTable,
    cue: usize,
    len: usize,
    demands: &mut Vec<Demand>,
) -> Option<PendingRejection> {
    if conditional(ctx, s, cue) {
        return None;
    }
    // "…, a suggestion rejected by Niger": a participle, its agent refuses.
    if s.tokens.get(cue + len).is_some_and(|t| is_in(&s.words.agent_preps, &t.lower)) {
        return appositive_refusal(ctx, s, table, cue, len);
    }
    let lex = &ctx.pack.lexicon;
    let (by, conf) = subject_before(ctx, s, table, cue)?;
    let (j, possessive_anaphor, determined) = refused_object(ctx, s, cue, len);
    let english = !s.words.demonstratives_before.is_empty();
    let obj = s.tokens.get(j)?;
    let demand_object = is_in(&lex.demand.nouns, &obj.lower) || is_in(&s.words.demand_like, &obj.lower);
    if is_in(&lex.reject.non_demand_objects, &obj.lower) || is_in(&lex.reject.denial_verbs, &s.tokens[cue].lower) && !demand_object {
        return None;
    }
    let end = clause_end(ctx, s, j);
    let mut named = Vec::new();
    let mut own = Vec::new();
    let mut anaphoric = false;
    if demand_object {
        let (possessor, made) = demand_noun(ctx, s, table, j, Some(&by), demands);
        named = possessor;
        own = made;
        anaphoric = s.tokens[j + 1..(j + 5).min(end.max(j + 1))].iter().any(|t| is_in(&s.words.demonstratives_after, &t.lower))
            || (j > 0 && is_in(&s.words.demonstratives_before, &s.tokens[j - 1].lower));
    } else if is_in(&lex.reject.possessed_objects, &obj.lower) {
        // "rejected Vietnam's protest": only the possessor makes it a refusal of a demander.
        named = possessor_before(ctx, s, table, j);
    }
    // "refused any timetable set by the bloc": the demander as the agent of the object.
    if named.is_empty() && own.is_empty() {
        if let Some(m) = s
            .mentions
            .iter()
            .find(|m| m.start > j && m.start < end && is_in(&s.words.agent_preps, &s.tokens[m.start - 1].lower) && table.is_actor(m.ent))
        {
            if !by.iter().any(|&b| side_of(table, b) == side_of(table, m.ent)) {
                named.push(m.ent);
            }
        }
    }
    // English: "rebuffed proposals", "rejected the demands" without a possessor point back.
    let bare = english && own.is_empty() && (is_in(&lex.demand.nouns, &obj.lower) || is_in(&s.words.demand_like, &obj.lower));
    // "Namun, Singapura tidak mau mendengar.": a refusal with no object refuses what it was just asked.
    let anaphoric = (anaphoric || possessive_anaphor || determined || bare || !obj.is_word) && named.is_empty();
    Some(PendingRejection {
        by,
        stated_by: s.speaker,
        named_demander: named,
        object: text_of(ctx, s, j, end),
        own_demands: own,
        anaphoric,
        evidence: ctx.evidence(s, "reject.verb", 0.85 * conf),
    })
}

#[cfg(test)]
#[path = "demands_tests.rs"]
mod tests;
