//! Roles told with a copula: "Brzezinski merupakan penasihat keamanan nasional AS ...",
//! "Lavrov adalah Menteri Luar Negeri Rusia", "Sanchez is the foreign minister of Spain".

use super::names::known_by_family_name;
use super::{EntityTable, Role};
use crate::extract::{Analysed, Context, EntRef};
use crate::lang::{is_in, EntityType};

/// A role for the person named right before a copula (and fillers such as "mantan", "the")
/// that stands before a title at `start` whose side `side` the phrase names.
pub(super) fn copular_role(ctx: &Context, s: &Analysed, table: &EntityTable, start: usize, side: EntRef, title: &str, out: &mut Vec<Role>) {
    let w = s.words;
    let lex = &ctx.pack.lexicon;
    let mut k = start;
    while k > 0 && (is_in(&w.articles, &s.tokens[k - 1].lower) || is_in(&lex.role.copula_fillers, &s.tokens[k - 1].lower)) {
        k -= 1;
    }
    if k == 0 || !is_in(&w.copulas, &s.tokens[k - 1].lower) || s.quoted.get(start).copied().unwrap_or(false) {
        return;
    }
    k -= 1;
    while k > 0 && is_in(&lex.grammar.adverbs, &s.tokens[k - 1].lower) {
        k -= 1;
    }
    // "Hassanal Bolkiah, selaku pemimpin ASEAN,": the copula may open an aside.
    if k > 0 && s.tokens[k - 1].text == "," {
        k -= 1;
    }
    // The person: a mention, or the family name of one named before ("Brzezinski merupakan ...").
    let person = match s.mentions.iter().find(|m| m.end == k) {
        Some(m) if table.get(m.ent).etype == EntityType::Person => m.ent,
        Some(_) => return,
        None => match k.checked_sub(1).and_then(|j| known_by_family_name(s, table, j)) {
            Some(p) => p,
            None => return,
        },
    };
    // A person known to serve another side is no holder here (a role states the one side a
    // person represents: "Sultan Hassanal Bolkiah sebagai Ketua ASEAN" stays Brunei's).
    if table.get(person).side.is_some_and(|p| p != side) {
        return;
    }
    out.push(Role { person, title: title.to_string(), of: side, evidence: ctx.evidence(s, "role.copula", 0.8) });
}
