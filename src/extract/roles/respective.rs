//! One title for two sides and two people, in the same order: "Foreign Ministers of Armenia
//! and Azerbaijan, Ararat Mirzoyan and Jeyhun Bayramov", "Menlu Serbia dan Kosovo, Ivica Dacic
//! dan Donika Gervalla", "Russian and Ukrainian Foreign Ministers Sergey Lavrov and Dmytro
//! Kuleba": the first person serves the first side, the second the second.

use super::super::entities::EntityTable;
use super::super::tokens::longest_phrase;
use super::super::{Analysed, Context, EntRef, Role};
use super::names::{person_at, span_text};
use crate::lang::{is_in, EntityType};

/// The two roles when the words after the title at `i` (`len` tokens; then "of", the first
/// side, a coordinator, the second side, a comma, a name, a coordinator, a name) say so; where
/// reading goes on. A plural title is given in the singular ("Foreign Ministers").
pub(super) fn respective_roles(
    ctx: &Context,
    s: &mut Analysed,
    table: &mut EntityTable,
    (i, len): (usize, usize),
    out: &mut Vec<Role>,
) -> Option<usize> {
    let lex = &ctx.pack.lexicon;
    let from = i + len + longest_phrase(&s.tokens, i + len, &ctx.pack.phrases().of_words);
    let side = |k: usize| {
        s.mentions
            .iter()
            .find(|m| m.start == k && !m.coref && matches!(table.get(m.ent).etype, EntityType::Country | EntityType::Organization))
            .map(|m| (m.ent, m.end))
    };
    let joined = |k: usize| s.tokens.get(k).is_some_and(|t| is_in(&s.words.coordinators, &t.lower));
    let after = side(from).and_then(|(a, a_end)| side(a_end + 1).filter(|_| joined(a_end)).map(|(b, b_end)| (a, b, b_end)));
    let (a, b, names) = match after {
        Some((a, b, b_end)) if s.tokens.get(b_end).is_some_and(|t| t.text == ",") => (a, b, b_end + 1),
        Some(_) => return None,
        // "Russian and Ukrainian Foreign Ministers X and Y": the sides before the title.
        None => {
            let ending = |k: usize| {
                s.mentions
                    .iter()
                    .find(|m| m.end == k && !m.coref && matches!(table.get(m.ent).etype, EntityType::Country | EntityType::Organization))
                    .map(|m| (m.ent, m.start))
            };
            let sides = ending(i).and_then(|(b, b_start)| Some((ending(b_start.checked_sub(1).filter(|&k| joined(k))?)?.0, b)));
            match sides {
                Some((a, b)) => (a, b, i + len),
                None => return known_holders(ctx, s, table, (i, len), out),
            }
        }
    };
    if a == b {
        return None;
    }
    let (p, p_end) = person_at(&s.tokens, &s.mentions, names, table, lex, s.is_title)?;
    if !joined(p_end) {
        return None;
    }
    let (q, q_end) = person_at(&s.tokens, &s.mentions, p_end + 1, table, lex, s.is_title)?;
    let closes = s.tokens.get(q_end).is_none_or(|t| !t.is_word || !t.is_capitalised());
    let persons = |e: EntRef| table.get(e).etype == EntityType::Person;
    if p == q || !closes || !persons(p) || !persons(q) {
        return None;
    }
    let title = singular(ctx, s, i, len);
    for (person, of) in [(p, a), (q, b)] {
        table.set_side_if_unknown(person, Some(of));
        out.push(Role { person, title: title.clone(), of, evidence: ctx.evidence(s, "role.respective", 0.8) });
    }
    Some(q_end)
}

/// A plural title given in the singular ("Foreign Ministers" → "Foreign Minister").
fn singular(ctx: &Context, s: &Analysed, i: usize, len: usize) -> String {
    let written = span_text(ctx.text, &s.tokens[i..i + len]);
    let one = written.strip_suffix('s').filter(|w| ctx.pack.lexicon.role.titles.iter().any(|t| t.eq_ignore_ascii_case(w)));
    one.map_or(written.clone(), str::to_string)
}

/// "Presidents Ilham Aliyev and Serzh Sargsyan", "the two foreign ministers, A and B": a plural
/// title naming no side, then two people whose sides the gazetteer knows (and differ); each
/// holds the title for its own side.
fn known_holders(ctx: &Context, s: &mut Analysed, table: &mut EntityTable, (i, len): (usize, usize), out: &mut Vec<Role>) -> Option<usize> {
    if longest_phrase(&s.tokens, i, &ctx.pack.phrases().plural_titles) != len {
        return None;
    }
    let names = i + len + usize::from(s.tokens.get(i + len).is_some_and(|t| t.text == ","));
    let lex = &ctx.pack.lexicon;
    let (p, p_end) = person_at(&s.tokens, &s.mentions, names, table, lex, s.is_title)?;
    if !s.tokens.get(p_end).is_some_and(|t| is_in(&s.words.coordinators, &t.lower)) {
        return None;
    }
    let (q, q_end) = person_at(&s.tokens, &s.mentions, p_end + 1, table, lex, s.is_title)?;
    let (a, b) = (table.get(p).side?, table.get(q).side?);
    let persons = table.get(p).etype == EntityType::Person && table.get(q).etype == EntityType::Person;
    if !persons || a == b {
        return None;
    }
    let title = singular(ctx, s, i, len);
    for (person, of) in [(p, a), (q, b)] {
        out.push(Role { person, title: title.clone(), of, evidence: ctx.evidence(s, "role.plural-known", 0.8) });
    }
    Some(q_end)
}
