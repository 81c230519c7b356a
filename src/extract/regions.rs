//! Disputed regions: annexed, breakaway, occupied, foreign troops present, contested,
//! with who controls or claims them and since when.

use super::clauses::{clause_end, subject_before};
use super::dates::{find_dates, Precision};
use super::entities::{side_of, EntityTable};
use super::tokens::{longest_phrase, possessive_at};
use super::{Analysed, Context, EntRef, RegionStatus, RegionStatusKind};
use crate::lang::{is_in, EntityType};
use chrono::Datelike;

fn is_region(table: &EntityTable, e: EntRef) -> bool {
    let ent = table.get(e);
    (ent.etype == EntityType::Region && !ent.geo) || (ent.etype == EntityType::Country && ent.disputed)
}

/// Words that may stand inside a list of regions: "A, B dan C", "Tepi Barat, termasuk Yerusalem Timur, serta Jalur Gaza".
fn list_glue(words: &crate::lang::Words, w: &str) -> bool {
    is_in(&words.list_glue, w)
}

/// Regions listed from token `start` on (after optional "atas", "seluruh wilayah", a possessor).
/// A city joins the list once a region is in it ("wilayah Zaporizhzhia dan Kherson").
fn regions_after(s: &Analysed, table: &EntityTable, start: usize, end: usize) -> Vec<EntRef> {
    let mut k = start;
    let mut limit = start + 4;
    while k < end && k < limit {
        let w = s.tokens[k].lower.as_str();
        // "wilayah Donetsk" may itself be a region's name.
        if s.mentions.iter().any(|m| m.start == k && is_region(table, m.ent)) {
            break;
        }
        let possessor = s.mentions.iter().find(|m| m.start == k && table.is_actor(m.ent) && !is_region(table, m.ent));
        if let Some(m) = possessor {
            k = m.end;
            // "Ukraine's Donetsk and Luhansk regions".
            if let Some(n) = possessive_at(&s.tokens, k) {
                k += n;
            }
            // "klaim Beijing yang tumpang-tindih di kawasan ...": a short relative clause on
            // the claim, up to the place it is made in.
            if s.tokens.get(k).is_some_and(|t| is_in(&s.words.relatives, &t.lower)) {
                if let Some(at) = (k + 1..(k + 6).min(end)).find(|&j| is_in(&s.words.location_preps, &s.tokens[j].lower)) {
                    k = at;
                    limit = at + 3;
                }
            }
        } else if is_in(&s.words.region_lead_in, w) {
            k += 1;
        } else {
            break;
        }
    }
    let mut out = Vec::new();
    while k < end {
        let Some(m) = s.mentions.iter().find(|m| m.start == k) else { break };
        if !(is_region(table, m.ent) || table.get(m.ent).etype == EntityType::City) {
            break;
        }
        out.push(m.ent);
        k = m.end;
        while k < end && list_glue(s.words, &s.tokens[k].lower) {
            k += 1;
        }
    }
    // "the Donetsk, Luhansk, Zaporizhzhia and Kherson regions": the noun after the list says they are regions.
    if s.tokens.get(k).is_some_and(|t| is_in(&s.words.region_nouns, &t.lower)) {
        return out;
    }
    keep_if_region(table, out)
}

/// A list counts when it names at least one region; its cities are then regions too.
fn keep_if_region(table: &EntityTable, list: Vec<EntRef>) -> Vec<EntRef> {
    if list.iter().any(|&e| is_region(table, e)) {
        list
    } else {
        Vec::new()
    }
}

/// Regions listed leftwards from token `end` ("Zaporizhzhia dan Kherson yang direbut").
fn regions_before(s: &Analysed, table: &EntityTable, end: usize) -> Vec<EntRef> {
    let mut out = Vec::new();
    let mut k = end;
    // Skip "yang", "wilayah", "dua wilayah", ",": "Donetsk dan Luhansk, dua wilayah separatis".
    let mut skipped = 0;
    while k > 0 && skipped < 4 && s.mentions.iter().all(|m| m.end != k) {
        let w = s.tokens[k - 1].lower.as_str();
        if !(is_in(&s.words.region_lead_out, w) || is_in(&s.words.cardinals, w) || s.words.collective_number(w).is_some()) {
            break;
        }
        k -= 1;
        skipped += 1;
    }
    while let Some(m) = s.mentions.iter().find(|m| m.end == k) {
        if !(is_region(table, m.ent) || table.get(m.ent).etype == EntityType::City) {
            break;
        }
        out.push(m.ent);
        k = m.start;
        while k > 0 && list_glue(s.words, &s.tokens[k - 1].lower) {
            k -= 1;
        }
    }
    out.reverse();
    keep_if_region(table, out)
}

pub fn extract(ctx: &Context, sents: &[Analysed], table: &EntityTable) -> Vec<RegionStatus> {
    let lex = &ctx.pack.lexicon.region;
    let phrases = ctx.pack.phrases();
    let cues: Vec<(&Vec<String>, RegionStatusKind)> = [
        (&phrases.annexed, RegionStatusKind::Annexed),
        (&phrases.breakaway, RegionStatusKind::Breakaway),
        (&phrases.occupied, RegionStatusKind::Occupied),
        (&phrases.contested, RegionStatusKind::Contested),
    ]
    .into_iter()
    .flat_map(|(list, kind)| list.iter().map(move |p| (p, kind)))
    .collect();
    let claims = &phrases.claims;
    let mut out: Vec<RegionStatus> = Vec::new();
    let mut lists: Vec<Vec<EntRef>> = Vec::new();
    for s in sents {
        let mut k = 0;
        while k < s.tokens.len() {
            let claim = longest_phrase(&s.tokens, k, claims);
            if claim > 0 {
                claimed_part(ctx, s, table, k, claim, &mut out);
                k += claim;
                continue;
            }
            let best = cues.iter().filter(|(p, _)| longest_phrase(&s.tokens, k, std::slice::from_ref(p)) > 0).max_by_key(|(p, _)| p.len());
            if let Some((phrase, kind)) = best {
                if !super::clauses::negated(ctx, s, k) {
                    let before = lists.iter().chain(region_lists(s, table, k).iter()).cloned().collect::<Vec<_>>();
                    status_at(ctx, s, table, Cue { at: k, len: phrase.len(), kind: *kind, lists: &before }, &mut out);
                }
                k += phrase.len();
                continue;
            }
            if is_in(&lex.presence, &s.tokens[k].lower) || is_in(&lex.owned_presence, &s.tokens[k].lower) {
                presence_at(ctx, s, table, k, &mut out);
            }
            k += 1;
        }
        lists.extend(region_lists(s, table, s.tokens.len()));
    }
    known_contested(ctx, sents, table, &mut out);
    out
}

/// A territory whose sovereignty states dispute (the gazetteer's `contested`), named in the
/// article with no status told for it: contested, from its first naming outside a dateline.
fn known_contested(ctx: &Context, sents: &[Analysed], table: &EntityTable, out: &mut Vec<RegionStatus>) {
    for s in sents {
        for m in &s.mentions {
            if !table.get(m.ent).contested || super::clauses::is_dateline(s, m) || out.iter().any(|o| o.region == m.ent) {
                continue;
            }
            let evidence = ctx.evidence(s, "region.known-contested", 0.8);
            out.push(RegionStatus {
                region: m.ent,
                status: RegionStatusKind::Contested,
                controlled_by: None,
                claimed_by: None,
                forces: None,
                since: None,
                evidence,
            });
        }
    }
}

/// A status cue: where it stands, its length and status, and the region lists told before it.
struct Cue<'a> {
    at: usize,
    len: usize,
    kind: RegionStatusKind,
    lists: &'a [Vec<EntRef>],
}

/// Coordinated lists of regions in a sentence before token `until` ("wilayah Donetsk, Luhansk, Zaporizhzhia dan Kherson").
fn region_lists(s: &Analysed, table: &EntityTable, until: usize) -> Vec<Vec<EntRef>> {
    let mut out = Vec::new();
    let mut current: Vec<EntRef> = Vec::new();
    let mut last_end = usize::MAX;
    for m in s.mentions.iter().filter(|m| m.end <= until && !m.coref) {
        let placeish = is_region(table, m.ent) || table.get(m.ent).etype == EntityType::City;
        let joined =
            last_end != usize::MAX && m.start >= last_end && s.tokens[last_end..m.start].iter().all(|t| list_glue(s.words, &t.lower));
        if !placeish || !joined {
            let list = keep_if_region(table, std::mem::take(&mut current));
            if list.len() >= 2 {
                out.push(list);
            }
        }
        if placeish {
            current.push(m.ent);
            last_end = m.end;
        } else {
            last_end = usize::MAX;
        }
    }
    let list = keep_if_region(table, current);
    if list.len() >= 2 {
        out.push(list);
    }
    out
}

/// "Crimea dan Donbas adalah bagian dari Rusia": the country claims the regions (contested).
fn claimed_part(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize, len: usize, out: &mut Vec<RegionStatus>) {
    // "an inherent part of the territory of Japan": lead-in words before the country.
    let mut at = cue + len;
    while at < s.tokens.len() && at < cue + len + 4 && is_in(&s.words.region_lead_in, &s.tokens[at].lower) {
        if s.mentions.iter().any(|m| m.start == at) {
            break;
        }
        at += 1;
    }
    let Some(country) = s
        .mentions
        .iter()
        .find(|m| (m.start == cue + len || m.start == at) && table.is_actor(m.ent))
        .map(|m| side_of(table, m.ent))
        .filter(|&c| table.get(c).etype == EntityType::Country)
    else {
        return;
    };
    let mut k = cue;
    while k > 0 && is_in(&s.words.copulas, &s.tokens[k - 1].lower) {
        k -= 1;
    }
    for region in regions_before(s, table, k) {
        if region == country || !is_region(table, region) && table.get(region).etype != EntityType::City {
            continue;
        }
        push(
            out,
            RegionStatus {
                region,
                status: RegionStatusKind::Contested,
                controlled_by: None,
                claimed_by: Some(country),
                forces: None,
                since: None,
                evidence: ctx.evidence(s, "region.claimed-part", 0.7),
            },
        );
    }
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

fn status_at(ctx: &Context, s: &Analysed, table: &EntityTable, c: Cue, out: &mut Vec<RegionStatus>) {
    let Cue { at: cue, len, kind, lists } = c;
    let end = clause_end(ctx, s, cue + len);
    let lower = s.tokens[cue].lower.as_str();
    // The regions: listed right after a nominal or active cue ("aneksasi Krimea",
    // "pendudukan Israel atas Tepi Barat, termasuk Yerusalem Timur"), else those
    // right before it ("Zaporizhzhia dan Kherson yang direbut"), else the nearest
    // region before it in the sentence.
    let after = regions_after(s, table, cue + len, end);
    let before = regions_before(s, table, cue);
    // A disputed country is a region only where a cue says so next to it: as the nearest
    // name it is more often one of the claimants ("Vietnam ... dan Taiwan memiliki klaim").
    let nearest = s
        .mentions
        .iter()
        .filter(|m| m.end <= cue && is_region(table, m.ent) && table.get(m.ent).etype != EntityType::Country)
        .max_by_key(|m| m.end);
    // A name that holds the cue ("wilayah Palestina yang diduduki", "the Occupied Palestinian
    // Territories") is the region itself.
    let named = s.mentions.iter().find(|m| m.start <= cue && cue + len <= m.end && m.end > cue && is_region(table, m.ent));
    // "wilayah yang diduduki sejak 1967, termasuk Tepi Barat dan Yerusalem Timur".
    let included = || {
        let k = (cue + len..end).find(|&k| is_in(&s.words.inclusion, &s.tokens[k].lower))?;
        let list = regions_after(s, table, k + 1, end);
        (!list.is_empty() && cue >= 1 && is_in(&s.words.relatives, &s.tokens[cue - 1].lower)).then_some(list)
    };
    let (regions, region_after) = if let Some(m) = named {
        (vec![m.ent], false)
    } else if let Some(list) = counted_apposition(s, table, cue, len) {
        (list, false)
    } else if !after.is_empty() {
        (after, true)
    } else if !before.is_empty() {
        (before, false)
    } else if let Some(list) = included() {
        (list, true)
    } else if let Some(list) = collective(s, cue, lists) {
        (list, false)
    } else {
        // "China claims more than 80 percent of the region of the South China Sea": a claim
        // reaches a region the gazetteer knows to be disputed later in its clause.
        let disputed_after = || {
            s.mentions
                .iter()
                .filter(|m| m.start >= cue + len && m.start < end.min(cue + len + 20))
                .filter(|m| !s.tokens[cue + len..m.start].iter().any(|t| matches!(t.text.as_str(), "," | ";" | ":")))
                .find(|m| {
                    kind == RegionStatusKind::Contested
                        && is_region(table, m.ent)
                        && table.get(m.ent).disputed
                        && table.get(m.ent).etype == EntityType::Region
                })
        };
        match nearest {
            Some(m) if cue - m.end <= 12 => (vec![m.ent], false),
            _ => match disputed_after() {
                Some(m) => (vec![m.ent], true),
                None => return,
            },
        }
    };
    // The other side: "bergabung dengan Rusia", "dicaplok (oleh) Rusia", subject of "mencaplok".
    let mut counterpart: Option<EntRef> = None;
    let w = s.words;
    let joins = is_in(&w.join_cues, lower);
    if joins || w.agent_after_prefixes.iter().any(|p| lower.starts_with(p.as_str())) || is_in(&w.agent_after_cues, lower) {
        counterpart = s
            .mentions
            .iter()
            .filter(|m| m.start >= cue + len && m.start < end && table.is_actor(m.ent))
            .filter(|m| !is_region(table, m.ent))
            // The agent stands right after the cue: "diduduki (oleh) Israel", "direbut pasukan Rusia".
            .find(|m| s.tokens[cue + len..m.start].iter().all(|t| is_in(&s.words.agent_fillers, &t.lower)))
            .map(|m| side_of(table, m.ent));
    }
    if joins && counterpart.is_none_or(|c| table.get(c).etype != EntityType::Country) {
        return;
    }
    if region_after && counterpart.is_none() && w.active_prefixes.iter().any(|p| lower.starts_with(p.as_str())) {
        counterpart = subject_before(ctx, s, table, cue).and_then(|(c, _)| c.first().map(|&e| side_of(table, e)));
    }
    // The side named right before the cue: "which Russia annexed", "Russian-annexed Crimea".
    if counterpart.is_none() && !joins {
        let at = if cue >= 1 && s.tokens[cue - 1].text == "-" { cue - 1 } else { cue };
        counterpart =
            s.mentions.iter().find(|m| m.end == at && table.is_actor(m.ent) && !is_region(table, m.ent)).map(|m| side_of(table, m.ent));
    }
    let claim = kind == RegionStatusKind::Contested;
    let since = since_year(ctx, s, cue, end);
    for region in regions {
        if counterpart.is_some_and(|c| side_of(table, c) == region) {
            continue;
        }
        push(
            out,
            RegionStatus {
                region,
                status: kind,
                controlled_by: if claim { None } else { counterpart },
                claimed_by: if claim { counterpart } else { None },
                forces: None,
                since,
                evidence: ctx.evidence(
                    s,
                    if named.is_some() { "region.in-name" } else { rule_name(kind) },
                    if region_after { 0.85 } else { 0.75 },
                ),
            },
        );
    }
}

/// "Keempat wilayah itu dianeksasi": the latest list of that many regions.
fn collective(s: &Analysed, cue: usize, lists: &[Vec<EntRef>]) -> Option<Vec<EntRef>> {
    let from = cue.saturating_sub(5);
    let k = (from..cue).find(|&k| s.words.collective_number(&s.tokens[k].lower).is_some())?;
    if !s.tokens.get(k + 1).is_some_and(|t| is_in(&s.words.region_nouns, &t.lower)) {
        return None;
    }
    let n = s.words.collective_number(&s.tokens[k].lower)?;
    lists.iter().rev().find(|l| l.len() == n).cloned()
}

/// "dua wilayah yang memisahkan diri di Ukraina timur - Republik Rakyat Donetsk dan Republik
/// Rakyat Luhansk", "two breakaway regions: A and B": a counted region noun just before the cue,
/// the regions listed after the next dash or colon of the sentence.
fn counted_apposition(s: &Analysed, table: &EntityTable, cue: usize, len: usize) -> Option<Vec<EntRef>> {
    let w = s.words;
    let noun_at = |k: usize| s.tokens.get(k).is_some_and(|n| is_in(&w.region_nouns, &n.lower));
    let counted = (cue.saturating_sub(4)..=cue.saturating_sub(1)).any(|k| {
        let t = &s.tokens[k].lower;
        (is_in(&w.cardinals, t) || w.collective_number(t).is_some()) && (noun_at(k + 1) || k + 1 == cue && noun_at(cue + len))
    });
    if !counted {
        return None;
    }
    let end = s.tokens.len().min(cue + len + 16);
    let dash = (cue + len..end).find(|&k| matches!(s.tokens[k].text.as_str(), "-" | "–" | "—" | ":"))?;
    let list = regions_after(s, table, dash + 1, s.tokens.len());
    (list.len() >= 2).then_some(list)
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
    // Whose forces: the first country after the cue, before "di" ("pasukan Rusia di ..."),
    // or the one right before it ("Russian troops in ...").
    let after = s
        .mentions
        .iter()
        .filter(|m| m.start > cue && m.start < end && table.is_actor(m.ent))
        .find(|m| !s.tokens[cue..m.start].iter().any(|t| is_in(&s.words.location_preps, &t.lower)))
        .map(|m| side_of(table, m.ent));
    let before =
        s.mentions.iter().find(|m| m.end == cue && table.is_actor(m.ent) && !is_region(table, m.ent)).map(|m| side_of(table, m.ent));
    let owned = is_in(&lex.owned_presence, &s.tokens[cue].lower);
    let subject = || super::clauses::subject_before(ctx, s, table, cue).and_then(|(b, _)| b.first().map(|&e| side_of(table, e)));
    let Some(force) = after.or(before).or_else(|| owned.then(subject).flatten()) else {
        return;
    };
    let Some(mut di) = (cue + 1..end).find(|&k| is_in(&s.words.location_preps, &s.tokens[k].lower)) else {
        return;
    };
    // "di lima lokasi strategis di Lebanon selatan": places within the region named after them.
    if !s.mentions.iter().any(|m| m.start == di + 1) {
        let plain =
            |k: usize| s.tokens[k].is_word && !s.tokens[k].is_capitalised() || s.tokens[k].text.starts_with(|c: char| c.is_ascii_digit());
        if let Some(next) =
            (di + 1..(di + 6).min(end)).take_while(|&k| plain(k)).find(|&k| is_in(&s.words.location_preps, &s.tokens[k].lower))
        {
            di = next;
        }
    }
    // Owned forces only with a verb of placing ("pasukannya akan tetap berada di").
    let placed = s.tokens[cue..di].iter().any(|t| lex.presence_verbs.contains(&t.lower)) || di <= cue + 4 && !owned;
    if !placed {
        return;
    }
    // The list of regions after "di": "A, B dan C" — stops at any other word ("dan ke Crimea").
    let mut k = di + 1;
    // "U.S. troops are stationed in South Korea": with a placement verb, a country hosts them too.
    let stationed = s.tokens[cue..di].iter().any(|t| lex.presence_verbs.contains(&t.lower));
    let host = |e: EntRef| is_region(table, e) || (stationed && table.get(e).etype == EntityType::Country);
    while let Some(m) = s.mentions.iter().find(|m| m.start == k) {
        if !host(m.ent) {
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
        if s.tokens.get(k).is_some_and(|t| is_in(&s.words.coordinators, &t.lower)) {
            k += 1;
        }
        // ", and some 54,000 in Japan": an elliptical repeat with a number and the preposition.
        if stationed && s.mentions.iter().all(|m| m.start != k) {
            let skip = s.tokens[k..].iter().take(6).position(|t| is_in(&s.words.location_preps, &t.lower));
            if let Some(p) = skip {
                if s.tokens[k..k + p].iter().any(|t| t.text.chars().next().is_some_and(|c| c.is_ascii_digit())) {
                    k += p + 1;
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "regions_tests.rs"]
mod tests;
