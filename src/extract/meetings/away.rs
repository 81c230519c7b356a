//! Where a meeting is not: a place named away from the report's dateline ("bertemu ... di
//! Adana"), and a meeting of foreign sides in a report filed at home.

use super::super::dates::find_dates;
use super::super::entities::EntityTable;
use super::super::places::is_city;
use super::super::{Analysed, Context, EntRef};
use crate::lang::is_in;
use std::collections::BTreeSet;

/// "in California", "ke Meksiko": one of `preps` at `k` before a capitalised word that is no
/// date, no city of the gazetteer and not the dateline city's country.
pub(super) fn other_place_at(ctx: &Context, s: &Analysed, table: &EntityTable, k: usize, preps: &[String]) -> bool {
    let home = ctx.dateline_city.and_then(|c| table.country_key(c));
    is_in(preps, &s.tokens[k].lower)
        && s.tokens.get(k + 1).is_some_and(|t| {
            t.is_word
                && t.is_capitalised()
                && find_dates(&t.text, 0, ctx.published).is_empty()
                && s.mentions.iter().all(|m| m.start != k + 1 || !(is_city(table, m.ent) || Some(table.get(m.ent).key.as_str()) == home))
        })
}

/// "Korut menerima tawaran untuk mengadakan pertemuan dengan Korsel" filed from Jakarta: a
/// report filed at home (the pack's home side) places at its dateline `city` only a meeting
/// its side takes part in; a reporter datelined abroad ("NEW YORK, KOMPAS.com") is where the
/// talks are.
pub(super) fn home_takes_part(ctx: &Context, table: &EntityTable, city: EntRef, participants: &BTreeSet<EntRef>) -> bool {
    let home = ctx.pack.lexicon.role.home_side.as_deref();
    let filed_at_home = home.is_some() && table.country_key(city) == home;
    !filed_at_home || participants.iter().any(|&p| Some(table.get(p).key.as_str()) == home)
}
