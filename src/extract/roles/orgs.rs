//! Sides the gazetteer doesn't know: an organisation named between a title and its holder
//! ("CEO Acme Logistics Budi Santoso", "Dirut PT Sinar Jaya bernama Wahyu", "Ketua LPKR
//! Andi Wijaya"). Only where the text marks where the organisation ends and the name starts.

use super::super::entities::EntityTable;
use super::super::{Analysed, Context, EntRef};
use super::names::{capitalised_run, span_text, starts_entity};
use crate::lang::is_in;

/// An unknown organisation right after a title at token `j`: the entity (minted for the
/// article) and the token where the holder's name starts.
pub(super) fn org_after_title(ctx: &Context, s: &Analysed, table: &mut EntityTable, j: usize) -> Option<(EntRef, usize)> {
    let titles = &ctx.pack.phrases().titles;
    let run_end = capitalised_run(s, j, titles);
    // A run reaching the next known entity, or cut at its longest, is not delimited.
    if run_end == j || starts_entity(s, run_end) || (j..run_end).any(|k| starts_entity(s, k)) {
        return None;
    }
    let cues = &ctx.pack.lexicon.role.name_cues;
    let word = |k: usize| s.tokens.get(k).is_some_and(|t| t.is_word && t.is_capitalised());
    let (org_end, name_at) =
        if let Some(cue) = [run_end, run_end + 1].into_iter().find(|&k| s.tokens.get(k).is_some_and(|t| is_in(cues, &t.lower))) {
            // "Dirut PT Sinar Jaya bernama Wahyu", "CEO Acme, yaitu Budi Santoso".
            let comma_ok = cue == run_end || s.tokens[run_end].text == ",";
            (comma_ok && run_end - j <= 4 && word(cue + 1)).then_some((run_end, cue + 1))?
        } else if is_acronym(&s.tokens[j].text) && run_end - j >= 3 && run_end - j <= 4 {
            // "Ketua LPKR Andi Wijaya": an unknown acronym, then a name of two or three words.
            (j + 1, j + 1)
        } else if run_end - j == 4 && (j..run_end).all(|k| titled(&s.tokens[k].text)) && !word(run_end) {
            // "CEO Acme Logistics Budi Santoso": two words of organisation, two of name.
            (j + 2, j + 2)
        } else {
            return None;
        };
    let name = span_text(ctx.text, &s.tokens[j..org_end]);
    Some((table.new_org(&name), name_at))
}

/// "LPKR", "KPK": two to six capitals (digits allowed after the first).
fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n) && w.chars().next().is_some_and(|c| c.is_uppercase()) && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// "Logistics": a capital and then lower-case letters only.
fn titled(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.clone().count() > 1 && cs.all(char::is_lowercase)
}
