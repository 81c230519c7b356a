//! Roles read twice, once more fully: the bare title or the rank beside the office goes.

use super::Role;
use crate::lang::is_in;

/// "Minister Kamikawa" after "KAMIKAWA Yoko, Minister for Foreign Affairs of Japan": the bare
/// title adds nothing to the fuller one.
pub(super) fn drop_bare_titles(out: &mut Vec<Role>) {
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
pub(super) fn drop_ranks_beside_offices(ranks: &[String], out: &mut Vec<Role>) {
    let rank = |r: &Role| r.title.split_whitespace().all(|w| is_in(ranks, w));
    let office_beside = |r: &Role, o: &Role| o.person == r.person && o.of == r.of && !rank(o);
    let keep: Vec<bool> = out.iter().map(|r| !rank(r) || !out.iter().any(|o| office_beside(r, o))).collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
}
