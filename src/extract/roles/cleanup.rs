//! Roles read twice, once more fully: the bare title or the rank beside the office goes; a
//! name a headline alone gives is no name.

use super::{EntityTable, Role};
use crate::extract::{antecedents, Analysed, Context};
use crate::lang::is_in;

/// The roles of an article once all are read: bare titles beside fuller ones, ranks beside
/// offices and names only a headline gives go.
pub(super) fn tidy(ctx: &Context, sents: &[Analysed], table: &EntityTable, out: &mut Vec<Role>) {
    drop_bare_titles(out);
    drop_ranks_beside_offices(&ctx.pack.lexicon.words.ranks, out);
    drop_headline_only_names(ctx, sents, table, out);
}

/// "Minister Kamikawa" after "KAMIKAWA Yoko, Minister for Foreign Affairs of Japan": the bare
/// title adds nothing to the fuller one.
fn drop_bare_titles(out: &mut Vec<Role>) {
    let fuller = |r: &Role, o: &Role| {
        let (a, b) = (r.title.to_lowercase(), o.title.to_lowercase());
        o.person == r.person && o.of == r.of && b.len() > a.len() && b.split_whitespace().any(|w| w == a)
    };
    let keep: Vec<bool> = out.iter().map(|r| !out.iter().any(|o| fuller(r, o))).collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
}

/// "Panglima TNI Jenderal X": a military rank read as a title ("Jenderal") adds nothing
/// where the article gives the person an office for the same side.
fn drop_ranks_beside_offices(ranks: &[String], out: &mut Vec<Role>) {
    let rank = |r: &Role| r.title.split_whitespace().all(|w| is_in(ranks, w));
    let office_beside = |r: &Role, o: &Role| o.person == r.person && o.of == r.of && !rank(o);
    let keep: Vec<bool> = out.iter().map(|r| !rank(r) || !out.iter().any(|o| office_beside(r, o))).collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
}

/// "Presiden Rwanda Setuju Gencatan Senjata": a headline capitalises every word, so a new name
/// read there ("Setuju Gencatan Senjata") is kept only when the article names it elsewhere.
fn drop_headline_only_names(ctx: &Context, sents: &[Analysed], table: &EntityTable, out: &mut Vec<Role>) {
    let cased = |s: &Analysed| {
        let words = s.tokens.iter().filter(|t| t.is_word).count();
        words >= 4 && s.tokens.iter().filter(|t| t.is_word && t.is_capitalised()).count() * 5 >= words * 4
    };
    out.retain(|r| {
        let key = &table.get(r.person).key;
        // A statement's headline names its author once: "Statement From … Spokesperson X".
        let authored = |s: &Analysed| antecedents::statement_head(s, ctx.pack) > 0;
        if !sents.get(r.evidence.sentence).is_some_and(|s| s.is_title && cased(s) && !authored(s)) {
            return true;
        }
        table.gazetteer().get(key).is_some()
            || sents.iter().any(|o| !o.is_title && ctx.text.get(o.start..o.end).is_some_and(|t| t.contains(key.as_str())))
    });
}
