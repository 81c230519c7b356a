//! Participant lists of a government's readout: "- Jon Finer, Assistant to the President &
//! Principal Deputy National Security Advisor, National Security Council - Mary Smithson,
//! Assistant Secretary for Western Hemisphere, State Department - …". Each item is a name,
//! a title up to the next comma, and the body; the item's side is a country or organisation
//! the body names, else, under a government's own title, the side the readout speaks for.

use super::super::entities::{EntityTable, Mention};
use super::super::tokens::longest_phrase;
use super::super::{Analysed, Context, EntRef, Role};
use super::home::Home;
use super::names::{person_at, span_text};
use crate::lang::EntityType;

/// The roles of the list items in sentence `s` of a statement (`home.statement`); how many.
pub(super) fn list_roles(ctx: &Context, s: &mut Analysed, table: &mut EntityTable, home: &Home, out: &mut Vec<Role>) -> usize {
    let toks = &s.tokens;
    // Item separators: a hyphen standing alone between spaces (or opening the sentence).
    let seps: Vec<usize> = (0..toks.len())
        .filter(|&k| {
            toks[k].text == "-" && (k == 0 || toks[k - 1].end < toks[k].start) && toks.get(k + 1).is_some_and(|n| n.start > toks[k].end)
        })
        .collect();
    if seps.len() < 2 {
        return 0;
    }
    let mut bounds: Vec<(usize, usize)> = seps.windows(2).map(|w| (w[0] + 1, w[1])).collect();
    bounds.push((seps[seps.len() - 1] + 1, toks.len()));
    let lex = &ctx.pack.lexicon;
    let titles = &ctx.pack.phrases().titles;
    let mut found: Vec<(EntRef, String, EntRef, usize, usize)> = Vec::new();
    for (a, b) in bounds {
        let Some((person, name_end)) = person_at(&s.tokens, &s.mentions, a, table, lex, false) else { continue };
        if name_end + 1 >= b || s.tokens[name_end].text != "," || table.get(person).etype != EntityType::Person {
            continue;
        }
        let t = name_end + 1;
        if longest_phrase(&s.tokens, t, titles) == 0 {
            continue;
        }
        let title_end = (t..b).find(|&k| s.tokens[k].text == ",").unwrap_or(b);
        let named = s
            .mentions
            .iter()
            .filter(|m| m.start > title_end && m.end <= b && !m.coref)
            .map(|m| m.ent)
            .find(|&e| matches!(table.get(e).etype, EntityType::Country | EntityType::Organization));
        // An unknown body serves the readout's side only under a government's own title
        // ("Assistant Secretary …, State Department"); "President, NAACP" is no official of it.
        let domestic = longest_phrase(&s.tokens, t, &ctx.pack.phrases().domestic_titles) > 0;
        let Some(side) = named.or(domestic.then_some(home.side)) else { continue };
        let title = span_text(ctx.text, &s.tokens[t..title_end]);
        found.push((person, title, side, a, name_end));
    }
    let n = found.len();
    if n < 2 {
        return 0;
    }
    for (person, title, side, a, name_end) in found {
        table.set_side_if_unknown(person, Some(side));
        s.mentions.retain(|m| m.end <= a || m.start >= name_end);
        s.mentions.push(Mention { ent: person, start: a, end: name_end, coref: false });
        out.push(Role { person, title, of: side, evidence: ctx.evidence(s, "role.list-item", 0.8) });
    }
    s.mentions.sort_by_key(|m| m.start);
    n
}
