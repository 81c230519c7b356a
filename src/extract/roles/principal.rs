//! Officials named by the person they serve: "Juru bicara Duterte Harry Roque", "Zaw Htay, juru
//! bicara kantor Suu Kyi, ..." — the title serves the principal's side, and its holder is the
//! other name, never the principal.

use super::names::{appositive, known_by_family_name, name_person, person_at, span_text};
use super::{EntityTable, Role};
use crate::extract::clauses::mention_starting_at;
use crate::extract::tokens::possessive_before;
use crate::extract::{Analysed, Context, EntRef};
use crate::lang::{is_in, EntityType};

/// A role read at a principal title `i..i + len` ("juru bicara") followed by a known person
/// with a side (after an office word: "kantor"); returns where to go on, or None when the
/// title serves no principal here.
pub(super) fn principal_role(
    ctx: &Context,
    s: &mut Analysed,
    table: &mut EntityTable,
    (i, len): (usize, usize),
    out: &mut Vec<Role>,
) -> Option<usize> {
    let lex = &ctx.pack.lexicon;
    let title = s.tokens[i..i + len].iter().map(|t| t.lower.as_str()).collect::<Vec<_>>().join(" ");
    // "Guterres's spokesman Stephane Dujarric": the principal's possessive before the title.
    if is_in(&lex.role.possessed_titles, &title) {
        if let Some(found) = possessive_principal(ctx, s, table, (i, len), out) {
            return Some(found);
        }
    }
    if !is_in(&lex.role.principal_titles, &title) {
        return None;
    }
    let mut j = i + len;
    while s.tokens.get(j).is_some_and(|t| is_in(&lex.role.principal_offices, &t.lower)) {
        j += 1;
    }
    let (p, p_end) = match mention_starting_at(s, j) {
        Some(m) if !m.coref && table.get(m.ent).etype == EntityType::Person => (m.ent, m.end),
        Some(_) => return None,
        None => (known_by_family_name(s, table, j)?, j + 1),
    };
    let side = table.get(p).side?;
    // A deputy or a spokesperson has no spokesperson of their own.
    if !heads_a_side(table, p) {
        return None;
    }
    // The holder: a new name right after the principal, or the name the title stands beside.
    let holder = match person_at(&s.tokens, &s.mentions, p_end, table, lex, s.is_title) {
        Some((h, end)) if h != p => Some((h, i, end)),
        _ => appositive(&s.tokens, &s.mentions, i, p_end, table, lex).filter(|&(h, _)| h != p).map(|(h, start)| (h, start, p_end)),
    };
    let Some((holder, start, end)) = holder else {
        // The principal is no holder of its servant's title: nothing to read here.
        return Some(p_end);
    };
    if !hold_for_principal(ctx, s, table, (holder, side), (i, len), (p_end, end), out) {
        return Some(end);
    }
    Some(end.max(start + 1))
}

/// Offices (as the gazetteer's English role names them) that serve another rather than have
/// officials of their own named after them.
const SERVING_OFFICES: &[&str] = &["Deputy", "Vice", "Spokes", "Press Secretary"];

/// Can the known person `p` be a principal: not a deputy or a spokesperson themselves ("Juru
/// Bicara Arrmanatha Nasir" names a deputy foreign minister by his own title).
fn heads_a_side(table: &EntityTable, p: EntRef) -> bool {
    let Some((_, def)) = table.gazetteer().get(&table.get(p).key) else { return true };
    def.role_en.as_deref().is_none_or(|r| !SERVING_OFFICES.iter().any(|h| r.contains(h)))
}

/// "Guterres's spokesman Stephane Dujarric", "Putin's spokesman, Dmitry Peskov,": a known
/// person with a side and a possessive right before the title; the new name after it (past a
/// comma) holds the title for the principal's side.
fn possessive_principal(
    ctx: &Context,
    s: &mut Analysed,
    table: &mut EntityTable,
    (i, len): (usize, usize),
    out: &mut Vec<Role>,
) -> Option<usize> {
    let lex = &ctx.pack.lexicon;
    let owner_end = possessive_before(&s.tokens, i)?;
    let p = s.mentions.iter().find(|m| m.end == owner_end && !m.coref && table.get(m.ent).etype == EntityType::Person)?.ent;
    let side = table.get(p).side?;
    let at = i + len + usize::from(s.tokens.get(i + len).is_some_and(|t| t.text == ","));
    let (holder, end) = person_at(&s.tokens, &s.mentions, at, table, lex, s.is_title).filter(|&(h, _)| h != p)?;
    hold_for_principal(ctx, s, table, (holder, side), (i, len), (at, end), out);
    Some(end)
}

/// The role of `holder` with the title at `i..i + len`, for its principal's `side`; the name at
/// `name_start..name_end` (if any) becomes the holder's mention. False, and nothing read, when
/// the holder is known to serve another side.
fn hold_for_principal(
    ctx: &Context,
    s: &mut Analysed,
    table: &mut EntityTable,
    (holder, side): (EntRef, EntRef),
    (i, len): (usize, usize),
    (name_start, name_end): (usize, usize),
    out: &mut Vec<Role>,
) -> bool {
    if table.get(holder).side.is_some_and(|h| h != side) {
        return false;
    }
    table.set_side_if_unknown(holder, Some(side));
    if name_end > name_start {
        name_person(s, holder, name_start, name_end);
    }
    let text = span_text(ctx.text, &s.tokens[i..i + len]);
    out.push(Role { person: holder, title: text, of: side, evidence: ctx.evidence(s, "role.principal", 0.85) });
    true
}
