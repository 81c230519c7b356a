//! Sides the gazetteer doesn't know: an organisation named between a title and its holder
//! ("Dirut PT Sinar Jaya bernama Wahyu", "CEO Acme, yaitu Budi Santoso"). Only where a cue
//! word marks where the organisation ends and the name starts.

use super::super::entities::EntityTable;
use super::super::{Analysed, Context, EntRef};
use super::names::{capitalised_run, span_text, starts_entity};
use crate::lang::is_in;

/// An unknown organisation right after a title at token `j`: the entity (minted for the
/// article) and the token where the holder's name starts.
pub(super) fn org_after_title(ctx: &Context, s: &Analysed, table: &mut EntityTable, j: usize) -> Option<(EntRef, usize)> {
    let titles = &ctx.pack.phrases().titles;
    let run_end = capitalised_run(s, j, titles);
    // The run stops at a known entity; one that ends there is no unknown organisation.
    if run_end == j || starts_entity(s, run_end) {
        return None;
    }
    let cues = &ctx.pack.lexicon.role.name_cues;
    let word = |k: usize| s.tokens.get(k).is_some_and(|t| t.is_word && t.is_capitalised());
    // "Dirut PT Sinar Jaya bernama Wahyu", "CEO Acme, yaitu Budi Santoso". Without such a
    // cue the run's end is a guess: "Panglima TNI Jenderal X" names a state's army, "Kepala
    // Pusat Komunikasi Publik Kemenhan" an office; on unseen news such guesses were wrong
    // four times in five.
    let cue = [run_end, run_end + 1].into_iter().find(|&k| s.tokens.get(k).is_some_and(|t| is_in(cues, &t.lower)))?;
    let comma_ok = cue == run_end || s.tokens[run_end].text == ",";
    if !(comma_ok && run_end - j <= 4 && word(cue + 1)) {
        return None;
    }
    let name = span_text(ctx.text, &s.tokens[j..run_end]);
    Some((table.new_org(&name), cue + 1))
}
