//! Demands a text makes of someone: "the statement from the African Union calling on Russia
//! to ...", "a UN resolution urging Israel to ...": who wrote it, who is asked, where the
//! demanded clause starts.

use super::clauses::{chain_right, is_verb, mention_ending_at};
use super::entities::{side_of, EntityTable};
use super::tokens::{longest_phrase, possessive_before};
use super::{Analysed, Context, EntRef};
use crate::lang::{is_in, EntityType};

/// At a participle cue (`cue`, `len` tokens): the authors of the source text named just
/// before, the addressees after the cue, and the token after the complementiser.
pub fn participle_demand(
    ctx: &Context,
    s: &Analysed,
    table: &EntityTable,
    cue: usize,
    len: usize,
) -> Option<(Vec<EntRef>, Vec<EntRef>, usize)> {
    let lex = &ctx.pack.lexicon.demand;
    let comp = |k: usize| s.tokens.get(k).is_some_and(|t| is_in(&lex.complementisers, &t.lower));
    // Where what is asked starts: after the complementiser ("…, urging Russia to withdraw"), or
    // after the addressee a complementiser opens ("…, demanding that China remove the buoy").
    let (of, start) = match chain_right(s, table, cue + len) {
        (of, after) if !of.is_empty() && comp(after) => (of, after + 1),
        _ if comp(cue + len) => {
            let (of, after) = chain_right(s, table, cue + len + 1);
            (of, after + usize::from(comp(after)))
        }
        _ => return None,
    };
    if of.is_empty() {
        return None;
    }
    let from = cue.saturating_sub(14);
    let noun = (from..cue)
        .rev()
        .take_while(|&k| !matches!(s.tokens[k].text.as_str(), "." | ";" | ":"))
        .find(|&k| longest_phrase(&s.tokens, k, &ctx.pack.phrases().demand_sources) > 0);
    let by = match noun {
        // "The EU issued a statement on Monday, urging …": a statement no one is named for is the subject's.
        Some(noun) => authors(ctx, s, table, noun).or_else(|| opening_subject(s, table, cue))?,
        None => opening_subject(s, table, cue)?,
    };
    let of_sides: Vec<EntRef> = of.iter().map(|&o| side_of(table, o)).collect();
    let by: Vec<EntRef> = by.into_iter().filter(|b| !of_sides.contains(b)).collect();
    (!by.is_empty()).then_some((by, of, start))
}

/// The sides that wrote the source text at token `noun`: its possessor or modifier ("Russia's
/// statement", "the UN resolution"), else the actors after "from/by/of" ("the statement from
/// the Chairperson and the African Union"). Each side once; no person without a side.
fn authors(ctx: &Context, s: &Analysed, table: &EntityTable, noun: usize) -> Option<Vec<EntRef>> {
    let lex = &ctx.pack.lexicon.demand;
    let owner_end = possessive_before(&s.tokens, noun).unwrap_or(noun);
    let before = mention_ending_at(s, owner_end).filter(|m| table.is_actor(m.ent)).map(|m| vec![m.ent]);
    let named = || {
        let k = noun + longest_phrase(&s.tokens, noun, &ctx.pack.phrases().demand_sources);
        s.tokens.get(k).filter(|t| is_in(&lex.source_preps, &t.lower))?;
        // "from the Secretary-General and ASEAN chair ...": the first actor a few words on,
        // with no verb or punctuation before it.
        let first = (k + 1..(k + 5).min(s.tokens.len()))
            .take_while(|&j| s.tokens[j].is_word && !is_verb(s.words, &s.tokens[j]))
            .find(|&j| s.mentions.iter().any(|m| m.start == j && table.is_actor(m.ent)))?;
        Some(chain_right(s, table, first).0).filter(|c| !c.is_empty())
    };
    let mut sides = Vec::new();
    for e in before.or_else(named)? {
        let side = side_of(table, e);
        if table.get(side).etype != EntityType::Person && !sides.contains(&side) {
            sides.push(side);
        }
    }
    (!sides.is_empty()).then_some(sides)
}

/// "Biden spoke at the White House on Monday, urging Israel to ...": a participle after a comma
/// has the sentence's subject, an actor opening the sentence (or the words after the lead's
/// dateline), its side if a person; outside quotations only.
fn opening_subject(s: &Analysed, table: &EntityTable, cue: usize) -> Option<Vec<EntRef>> {
    if cue == 0 || s.tokens[cue - 1].text != "," || s.quoted.get(cue).copied().unwrap_or(true) || s.tokens.iter().any(|t| t.text == "\"") {
        return None;
    }
    let first = s
        .tokens
        .iter()
        .position(|t| matches!(t.text.as_str(), "-" | "--" | "—" | "–"))
        .filter(|&d| s.is_lead && d < 8)
        .map_or(0, |d| d + 1);
    // "The EU issued …": past an article.
    let first = first + usize::from(s.tokens.get(first).is_some_and(|t| is_in(&s.words.articles, &t.lower)));
    let m = s.mentions.iter().filter(|m| m.start == first && table.is_actor(m.ent)).max_by_key(|m| m.end)?;
    // The name after a title or a demonym ("U.S. President Joe Biden") is the same side.
    let side = side_of(table, m.ent);
    (table.get(side).etype != EntityType::Person).then(|| vec![side])
}
