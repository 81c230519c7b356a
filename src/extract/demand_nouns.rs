//! Demands named by a noun: "permintaan/tuntutan Rusia agar NATO …", "Russia's demand that …",
//! "my urgent call on the authorities of Myanmar to …", and the refused demand of "Y menolak
//! tuntutan X" (addressed to the refuser).

use super::clauses::{chain_right, clause_end, subject_before};
use super::demand_objects::possessor_before;
use super::entities::EntityTable;
use super::tokens::longest_phrase;
use super::{Analysed, Context, EntRef};
use crate::lang::is_in;

/// "permintaan/tuntutan X agar Y ACTION", "tuntutan untuk ACTION" (demander from context).
/// With `refused_by`, the demand is the object of a refusal and addressed to the refuser.
/// A demand a noun names: who asks, who is asked (empty: from context), the demanded
/// clause's tokens, the rule's confidence.
pub struct NounDemand {
    pub by: Vec<EntRef>,
    pub of: Vec<EntRef>,
    pub span: (usize, usize),
    pub confidence: f32,
}

/// Also the possessor read before the noun ("Russia's demands"), found or not.
pub fn demand_noun(
    ctx: &Context,
    s: &Analysed,
    table: &EntityTable,
    cue: usize,
    refused_by: Option<&[EntRef]>,
) -> (Vec<EntRef>, Option<NounDemand>) {
    let lex = &ctx.pack.lexicon.demand;
    let (mut possessor, mut j) = chain_right(s, table, cue + 1);
    // English puts the possessor first: "Russia's demand that ...".
    if possessor.is_empty() {
        possessor = possessor_before(ctx, s, table, cue);
    }
    // "calls by the United Nations to ...", "demands from Kyiv that ...": the author after "by"/"from".
    if possessor.is_empty()
        && s.tokens.get(cue + 1).is_some_and(|t| is_in(&s.words.agent_preps, &t.lower) || is_in(&lex.requested_from, &t.lower))
    {
        let (by, end) = chain_right(s, table, cue + 2);
        if !by.is_empty() {
            possessor = by;
            j = end;
        }
    }
    // "harapan pemerintah agar …", "tuntutan resmi agar …": a word or two naming no actor before it.
    if possessor.is_empty() {
        let plain = |k: usize| {
            s.tokens.get(k).is_some_and(|t| t.is_word && !t.is_capitalised() && !s.mentions.iter().any(|m| m.start <= k && k < m.end))
        };
        if let Some(k) = (j + 1..j + 3).find(|&k| s.tokens.get(k).is_some_and(|t| is_in(lex.noun_complementisers(), &t.lower))) {
            if (j..k).all(plain) && !s.tokens[j..k].iter().any(|t| is_in(lex.noun_complementisers(), &t.lower)) {
                j = k;
            }
        }
    }
    // "my urgent call on the military authorities of Myanmar to release …": the addressee
    // after the verb's preposition, then what it is to do.
    // With no owner, the subject conveys it: "Indonesia menyampaikan seruan kepada Taliban untuk …".
    if s.tokens.get(j).is_some_and(|t| is_in(&lex.addressee_preps, &t.lower)) && refused_by.is_none() {
        let (of, e) = chain_right(s, table, j + 1);
        let by = if possessor.is_empty() { subject_before(ctx, s, table, cue) } else { Some((possessor.clone(), 1.0)) };
        if let Some((by, conf)) = by.filter(|_| !of.is_empty() && s.tokens.get(e).is_some_and(|t| is_in(&lex.complementisers, &t.lower))) {
            let end = clause_end(ctx, s, e + 1);
            return (possessor, Some(NounDemand { by, of, span: (e + 1, end), confidence: 0.85 * conf }));
        }
    }
    // "tuntutan Hamas, yang mencakup …": what is demanded, after a content opener.
    let comma = usize::from(s.tokens.get(j).is_some_and(|t| t.text == ","));
    let opener = longest_phrase(&s.tokens, j + comma, &ctx.pack.phrases().content_openers);
    if opener > 0 && !possessor.is_empty() && refused_by.is_some() {
        j += comma + opener - 1;
    } else if !s.tokens.get(j).is_some_and(|t| is_in(lex.noun_complementisers(), &t.lower)) {
        return (possessor, None);
    }
    j += 1;
    let (by, conf) = if possessor.is_empty() {
        match refused_by {
            Some(_) => return (possessor, None),
            None => match subject_before(ctx, s, table, cue) {
                // "'Both sides need to de-escalate,' Borrell said": the speaker asks the subject.
                Some((subject, conf))
                    if s.quoted[cue] && is_in(&lex.needs, &s.tokens[cue].lower) && s.speaker.is_some_and(|sp| !subject.contains(&sp)) =>
                {
                    let speaker = s.speaker.map(|sp| vec![sp]).unwrap_or_default();
                    let end = clause_end(ctx, s, j);
                    return (possessor, Some(NounDemand { by: speaker, of: subject, span: (j, end), confidence: 0.85 * conf }));
                }
                Some(x) => x,
                None => return (possessor, None),
            },
        }
    } else {
        (possessor.clone(), 1.0)
    };
    let (mut of, mut after) = chain_right(s, table, j);
    if of.is_empty() {
        if let Some(r) = refused_by {
            of = r.to_vec();
        }
    } else if s.tokens.get(after).is_some_and(|t| is_in(&lex.complementisers, &t.lower) || is_in(&lex.hope_openers, &t.lower)) {
        // "the need for Israel to protect civilians", "harapan agar Myanmar bisa …": the action starts after it.
        after += 1;
    }
    let end = clause_end(ctx, s, after);
    (possessor, Some(NounDemand { by, of, span: (after, end), confidence: 0.85 * conf }))
}

#[cfg(test)]
#[path = "demand_shapes_tests.rs"]
mod tests;
