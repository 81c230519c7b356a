//! Participant lists of a government's readout: "- Jon Finer, Assistant to the President &
//! Principal Deputy National Security Advisor, National Security Council - Mary Smithson,
//! Assistant Secretary for Western Hemisphere, State Department - …". Each item is a name,
//! a title up to the next comma, and the body; the item's side is a country or organisation
//! the body names, else, under a government's own title, the side the readout speaks for.

use super::super::clauses::is_verb;
use super::super::entities::EntityTable;
use super::super::tokens::longest_phrase;
use super::super::{Analysed, Context, EntRef, Role};
use super::home::Home;
use super::names::{name_person, person_at, span_text};
use crate::lang::{is_in, EntityType};

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
        name_person(s, person, a, name_end);
        out.push(Role { person, title, of: side, evidence: ctx.evidence(s, "role.list-item", 0.8) });
    }
    n
}

/// Does sentence `s` end with an item number ("... Secretary of Defense 2.")? The sentence
/// splitter cuts a numbered list after each number.
pub(super) fn ends_with_number(s: &Analysed) -> bool {
    let n = s.tokens.len();
    n >= 2 && s.tokens[n - 1].text == "." && s.tokens[n - 2].text.chars().all(|c| c.is_ascii_digit())
}

/// One item of a numbered participant list, a sentence of its own after the splitter
/// (`numbered`: this sentence or the one before ends with an item number): "Name, Title
/// [of|at] [the] Body [N]." with no verb. The side: a known country or organisation the body
/// names in full, else a body whose name has a head noun (`body_heads`: "the Office of
/// Management and Budget", minted for the article), else, for a government's own title
/// with nothing after it ("Secretary of Defense"), the statement's side. How many roles (0 or 1).
pub(super) fn numbered_item(ctx: &Context, s: &mut Analysed, table: &mut EntityTable, home: Option<&Home>, out: &mut Vec<Role>) -> usize {
    let lex = &ctx.pack.lexicon;
    let phrases = ctx.pack.phrases();
    let Some((person, name_end)) = person_at(&s.tokens, &s.mentions, 0, table, lex, false) else { return 0 };
    let toks = &s.tokens;
    if table.get(person).etype != EntityType::Person
        || toks.get(name_end).is_none_or(|t| t.text != ",")
        || toks.iter().any(|t| is_verb(s.words, t))
    {
        return 0;
    }
    let end = if ends_with_number(s) { toks.len() - 2 } else { toks.len() - usize::from(toks.last().is_some_and(|t| t.text == ".")) };
    let t = name_end + 1;
    let deputy = usize::from(toks.get(t).is_some_and(|w| is_in(&lex.role.deputy, &w.lower)));
    let domestic = longest_phrase(toks, t + deputy, &phrases.domestic_titles);
    let len = longest_phrase(toks, t, &phrases.titles).max(if domestic > 0 { domestic + deputy } else { 0 });
    if len == 0 || t + len > end {
        return 0;
    }
    let mut b = t + len;
    let side = if b == end {
        home.filter(|h| h.statement && domestic > 0 && domestic + deputy == len).map(|h| h.side)
    } else {
        let connector = longest_phrase(toks, b, &phrases.of_words).max(usize::from(is_in(&s.words.location_preps, &toks[b].lower)));
        b += connector;
        if toks.get(b).is_some_and(|w| is_in(&s.words.articles, &w.lower)) {
            b += 1;
        }
        let body = &toks[b.min(end)..end];
        let whole = s.mentions.iter().find(|m| m.start == b && m.end == end && !m.coref).map(|m| m.ent);
        let known = whole.filter(|&e| matches!(table.get(e).etype, EntityType::Country | EntityType::Organization));
        let capitalised = body.iter().all(|w| {
            w.is_capitalised()
                || is_in(&s.words.coordinators, &w.lower)
                || longest_phrase(std::slice::from_ref(w), 0, &phrases.of_words) == 1
        });
        let headed = body.iter().any(|w| is_in(&lex.role.body_heads, &w.text));
        if connector == 0 || body.is_empty() {
            None
        } else if known.is_some() {
            known
        } else if capitalised && headed && body.first().is_some_and(|w| w.is_capitalised()) {
            Some(table.new_org(&span_text(ctx.text, body)))
        } else {
            None
        }
    };
    let Some(side) = side else { return 0 };
    let title = span_text(ctx.text, &s.tokens[t..t + len]);
    table.set_side_if_unknown(person, Some(side));
    name_person(s, person, 0, name_end);
    out.push(Role { person, title, of: side, evidence: ctx.evidence(s, "role.list-item", 0.8) });
    1
}
