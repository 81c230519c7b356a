//! Disputed regions: annexed, breakaway, occupied, foreign troops present, contested,
//! with who controls or claims them and since when.

use super::clauses::{clause_end, subject_before};
use super::dates::{find_dates, Precision};
use super::entities::{longest_phrase, EntityTable};
use super::{side_of, Analysed, Context, EntRef, RegionStatus, RegionStatusKind};
use crate::lang::{phrase_tokens, EntityType};
use chrono::Datelike;

fn is_region(table: &EntityTable, e: EntRef) -> bool {
    let ent = table.get(e);
    ent.etype == EntityType::Region && !ent.geo
}

pub fn extract(ctx: &Context, sents: &[Analysed], table: &EntityTable) -> Vec<RegionStatus> {
    let lex = &ctx.pack.lexicon.region;
    let cues: Vec<(Vec<String>, RegionStatusKind)> = [
        (&lex.annexed, RegionStatusKind::Annexed),
        (&lex.breakaway, RegionStatusKind::Breakaway),
        (&lex.occupied, RegionStatusKind::Occupied),
        (&lex.contested, RegionStatusKind::Contested),
    ]
    .into_iter()
    .flat_map(|(list, kind)| list.iter().map(move |p| (phrase_tokens(p), kind)))
    .collect();
    let mut out: Vec<RegionStatus> = Vec::new();
    for s in sents {
        let mut k = 0;
        while k < s.tokens.len() {
            let best = cues.iter().filter(|(p, _)| longest_phrase(&s.tokens, k, std::slice::from_ref(p)) > 0).max_by_key(|(p, _)| p.len());
            if let Some((phrase, kind)) = best {
                if !super::clauses::negated(ctx, s, k) {
                    status_at(ctx, s, table, k, phrase.len(), *kind, &mut out);
                }
                k += phrase.len();
                continue;
            }
            if lex.presence.iter().any(|w| *w == s.tokens[k].lower) {
                presence_at(ctx, s, table, k, &mut out);
            }
            k += 1;
        }
    }
    out
}

fn since_year(ctx: &Context, s: &Analysed, from: usize, to: usize) -> Option<i32> {
    let a = s.tokens.get(from)?.start;
    let b = s.tokens.get(to.saturating_sub(1)).map(|t| t.end).unwrap_or(s.end);
    if b <= a {
        return None;
    }
    find_dates(&ctx.text[a..b], a, None).into_iter().find(|d| d.precision == Precision::Year || !d.relative).map(|d| d.date.year())
}

fn push(out: &mut Vec<RegionStatus>, r: RegionStatus) {
    if !out.iter().any(|o| o.region == r.region && o.status == r.status && o.evidence.sentence == r.evidence.sentence) {
        out.push(r);
    }
}

fn status_at(
    ctx: &Context,
    s: &Analysed,
    table: &EntityTable,
    cue: usize,
    len: usize,
    kind: RegionStatusKind,
    out: &mut Vec<RegionStatus>,
) {
    let end = clause_end(ctx, s, cue + len);
    let lower = s.tokens[cue].lower.as_str();
    // The region: named right after a nominal or active cue ("aneksasi Krimea",
    // "menduduki Tepi Barat"), else the nearest region before the cue in the sentence.
    let after = s.mentions.iter().find(|m| m.start >= cue + len && m.start <= cue + len + 2 && is_region(table, m.ent));
    let before = s.mentions.iter().filter(|m| m.end <= cue && is_region(table, m.ent)).max_by_key(|m| m.end);
    let (region, region_after) = match (after, before) {
        (Some(m), _) => (m.ent, true),
        (None, Some(m)) if cue - m.end <= 12 => (m.ent, false),
        _ => return,
    };
    // The other side: "bergabung dengan Rusia", "dicaplok (oleh) Rusia", subject of "mencaplok".
    let mut counterpart: Option<EntRef> = None;
    let joins = lower == "bergabung" || lower == "menjadi";
    if joins || lower.starts_with("di") || lower == "pendudukan" || lower == "aneksasi" || lower == "pencaplokan" {
        counterpart = s
            .mentions
            .iter()
            .filter(|m| m.start >= cue + len && m.start < end && table.is_actor(m.ent))
            .find(|m| !(region_after && m.start == cue + len))
            .map(|m| side_of(table, m.ent));
    }
    if joins && counterpart.is_none_or(|c| table.get(c).etype != EntityType::Country) {
        return;
    }
    if region_after && counterpart.is_none() && (lower.starts_with("me") || lower.starts_with("meng")) {
        counterpart = subject_before(ctx, s, table, cue).and_then(|(c, _)| c.first().map(|&e| side_of(table, e)));
    }
    let claim = kind == RegionStatusKind::Contested;
    let r = RegionStatus {
        region,
        status: kind,
        controlled_by: if claim { None } else { counterpart },
        claimed_by: if claim { counterpart } else { None },
        forces: None,
        since: since_year(ctx, s, cue, end),
        evidence: ctx.evidence(s, rule_name(kind), if region_after { 0.85 } else { 0.75 }),
    };
    push(out, r);
}

fn rule_name(kind: RegionStatusKind) -> &'static str {
    match kind {
        RegionStatusKind::Annexed => "region.annexed",
        RegionStatusKind::Breakaway => "region.breakaway",
        RegionStatusKind::Occupied => "region.occupied",
        RegionStatusKind::ForeignMilitaryPresence => "region.troops",
        RegionStatusKind::Contested => "region.contested",
    }
}

/// "pasukan (penjaga perdamaian) Rusia (yang ditempatkan) di Transnistria, Abkhazia dan Ossetia Selatan".
fn presence_at(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize, out: &mut Vec<RegionStatus>) {
    let lex = &ctx.pack.lexicon.region;
    let end = clause_end(ctx, s, cue + 1).min(cue + 14);
    // Whose forces: the first country after the cue, before "di".
    let Some(force) = s
        .mentions
        .iter()
        .filter(|m| m.start > cue && m.start < end && table.is_actor(m.ent))
        .find(|m| !s.tokens[cue..m.start].iter().any(|t| t.lower == "di"))
        .map(|m| side_of(table, m.ent))
    else {
        return;
    };
    let Some(di) = (cue + 1..end).find(|&k| s.tokens[k].lower == "di") else {
        return;
    };
    let placed = s.tokens[cue..di].iter().any(|t| lex.presence_verbs.iter().any(|v| *v == t.lower)) || di <= cue + 4;
    if !placed {
        return;
    }
    // The list of regions after "di": "A, B dan C" — stops at any other word ("dan ke Crimea").
    let mut k = di + 1;
    loop {
        let Some(m) = s.mentions.iter().find(|m| m.start == k) else {
            break;
        };
        if !is_region(table, m.ent) {
            break;
        }
        if side_of(table, m.ent) != force {
            push(
                out,
                RegionStatus {
                    region: m.ent,
                    status: RegionStatusKind::ForeignMilitaryPresence,
                    controlled_by: None,
                    claimed_by: None,
                    forces: Some(force),
                    since: None,
                    evidence: ctx.evidence(s, "region.troops", 0.8),
                },
            );
        }
        k = m.end;
        if s.tokens.get(k).is_some_and(|t| t.text == ",") {
            k += 1;
        }
        if s.tokens.get(k).is_some_and(|t| t.lower == "dan" || t.lower == "serta") {
            k += 1;
        }
    }
}
