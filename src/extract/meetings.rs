//! Meetings: a meeting cue ("bertemu", "pertemuan", "KTT", "sidang"), the city
//! it was held in, its date and the sides at the table. Calls are not meetings.

mod away;
mod cues;
mod date;
mod merge;
mod summoned;

use super::clauses::{is_preposition, mention_starting_at};
use super::entities::{side_of, EntityTable};
use super::places::is_city;
use super::tokens::longest_phrase;
use super::{Analysed, Context, EntRef, Meeting, Mention};
use crate::lang::{is_in, EntityType};
use away::{home_takes_part, other_place_at};
use cues::{attendees, discussed_with, hosts_guest};
use date::meeting_date;
use merge::{merge, relocate};
use std::collections::BTreeSet;
pub use summoned::summonings;

struct Cue {
    start: usize,
    end: usize,
    verb: bool,
    /// "welcomed X to ...": a verb of receiving a guest, placed by "to" as well.
    host: bool,
}

/// The meetings of an article; `summoned` (from [`summonings`]) join those told with the same city and day.
pub fn extract(ctx: &Context, sents: &[Analysed], table: &EntityTable, summoned: Vec<Meeting>) -> Vec<Meeting> {
    let phrases = ctx.pack.phrases();
    let (verbs, nouns, not_meetings) = (&phrases.meeting_verbs, &phrases.meeting_nouns, &phrases.not_meetings);
    let mut out: Vec<Meeting> = Vec::new();
    let mut undated: Vec<Meeting> = Vec::new();
    // The place of the last meeting told in the body: "acara tersebut dihadiri oleh X" adds to it.
    let mut last_city: Option<EntRef> = None;
    // Has the dateline alone placed a meeting (in the dateline's city)?
    let mut dateline_placed = false;
    // Cities whose meeting has only the report's day (no day told).
    let mut guessed: Vec<EntRef> = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        // Where the sentences before this one start: an undated meeting told right after a
        // dated sentence takes that date (the date is given once).
        let back = sents[si.saturating_sub(ctx.pack.lexicon.meeting.date_look_back)].start;
        // Find the cues first: each owns the words up to the next one.
        let mut cues = Vec::new();
        let mut k = 0;
        while k < s.tokens.len() {
            let nm = longest_phrase(&s.tokens, k, not_meetings);
            if nm > 0 {
                k += nm;
                continue;
            }
            let v = longest_phrase(&s.tokens, k, verbs);
            let n = longest_phrase(&s.tokens, k, nouns);
            if v > 0 || n > 0 {
                let len = v.max(n);
                cues.push(Cue { start: k, end: k + len, verb: v >= n, host: false });
                k += len;
            } else if let Some(with) = discussed_with(ctx, s, k) {
                cues.push(Cue { start: k, end: with, verb: true, host: false });
                k = with;
            } else if hosts_guest(s, table, k) {
                cues.push(Cue { start: k, end: k + 1, verb: true, host: true });
                k += 1;
            } else {
                k += 1;
            }
        }
        // "melakukan pertemuan bilateral dengan X di KTT G20, Hamburg": a meeting noun after a
        // place preposition is where the cue before it happens, not a window of its own.
        // Also past lower-case words after the preposition ("di sela-sela KTT ASEAN").
        let venue = |c: &Cue| {
            let lead = (c.start.saturating_sub(4)..c.start).rev().take_while(|&j| {
                let t = &s.tokens[j];
                (t.text == "-" || (t.is_word && !t.is_capitalised())) && !super::clauses::is_verb(s.words, t)
            });
            !c.verb && lead.chain([c.start]).any(|j| j > 0 && is_in(&s.words.location_preps, &s.tokens[j - 1].lower))
        };
        let told_before = last_city;
        for (ci, cue) in cues.iter().enumerate() {
            let next = cues[ci + 1..].iter().find(|c| !venue(c));
            let window_end = next.map(|c| c.start).unwrap_or(s.tokens.len());
            let window_start = if ci == 0 { 0 } else { cues[ci - 1].end };
            // "met on the sidelines of the APEC summit in San Francisco": a verb's place may
            // follow a noun cue; it reaches to the next verb cue.
            let verb_end = cues[ci + 1..].iter().find(|c| c.verb).map_or(s.tokens.len(), |c| c.start);
            if let Some((m, dated, by_dateline)) = meeting_at(ctx, s, table, cue, (window_start, window_end, verb_end), back) {
                dateline_placed |= by_dateline;
                // A headline or a bare "pertemuan di X" with no date of its own
                // speaks of a meeting the body dates: attach it later.
                // A later undated mention of a city already met in refers back to that meeting.
                let earlier = out.iter_mut().find(|o| o.city == m.city);
                match earlier {
                    Some(o) if !dated => {
                        o.participants.extend(m.participants);
                        o.evidence.extend(m.evidence);
                    }
                    _ if !dated && (s.is_title || !cue.verb) => undated.push(m),
                    _ => {
                        last_city = Some(m.city);
                        if let Some(m) = if by_dateline { Some(m) } else { relocate(ctx, &mut out, dateline_placed, m) } {
                            if dated {
                                date::redate(ctx, &mut out, &mut guessed, &m);
                            } else if m.date.is_some() && m.date == ctx.published {
                                guessed.push(m.city);
                            }
                            merge(&mut out, m);
                        }
                    }
                }
            }
        }
        // No meeting of its own: the sentence may list who attended the last one.
        if last_city == told_before {
            let attended = attendees(ctx, s, table);
            let between = if attended.is_empty() { cues::opened_between(ctx, s, table) } else { BTreeSet::new() };
            let told_just_before = |o: &&mut Meeting| o.evidence.last().is_some_and(|e| e.sentence + 1 == s.index);
            let last = if between.is_empty() {
                last_city.and_then(|c| out.iter_mut().rev().find(|o| o.city == c))
            } else {
                out.iter_mut().chain(undated.iter_mut()).filter(told_just_before).last()
            };
            if let Some(last) = last.filter(|_| !attended.is_empty() || !between.is_empty()) {
                last.participants.extend(attended.into_iter().chain(between));
                last.evidence.push(ctx.evidence(s, "meeting.attended", 0.7));
            }
        }
    }
    for m in undated {
        let Some(m) = relocate(ctx, &mut out, dateline_placed, m) else { continue };
        match out.iter_mut().find(|o| o.city == m.city) {
            Some(o) => {
                o.participants.extend(m.participants);
                o.evidence.extend(m.evidence);
            }
            None => merge(&mut out, m),
        }
    }
    summoned.into_iter().for_each(|m| merge(&mut out, m));
    // Same city, no participants: borrow them from another meeting there (a series of talks).
    let snapshot = out.clone();
    for m in out.iter_mut().filter(|m| m.participants.is_empty()) {
        if let Some(other) = snapshot.iter().find(|o| o.city == m.city && !o.participants.is_empty()) {
            m.participants = other.participants.clone();
            for e in &mut m.evidence {
                e.confidence *= 0.8;
            }
        }
    }
    out
}

/// A meeting at a cue, and whether the text dates it (else the report's date is used).
fn meeting_at(
    ctx: &Context,
    s: &Analysed,
    table: &EntityTable,
    cue: &Cue,
    (wstart, wend, verb_end): (usize, usize, usize),
    back: usize,
) -> Option<(Meeting, bool, bool)> {
    let lex = &ctx.pack.lexicon.meeting;
    let toks = &s.tokens;
    // "pertemuan itu/tersebut" refers back to a meeting already told.
    if !cue.verb && toks.get(cue.end).is_some_and(|t| lex.anaphors.contains(&t.lower)) {
        return None;
    }
    if cues::not_held(ctx, s, (cue.start, cue.end)) {
        return None;
    }
    let remote = &ctx.pack.phrases().remote;
    // "... met in Rome in October and spoke by phone in November": a call told in a
    // coordinated clause after the meeting is another event.
    let english = !s.words.demonstratives_before.is_empty();
    let clause_stop = (cue.end..wend)
        .find(|&k| {
            english && is_in(&s.words.coordinators, &toks[k].lower) && toks.get(k + 1).is_some_and(|t| super::clauses::is_verb(s.words, t))
        })
        .unwrap_or(wend);
    // Not a word of the cue itself ("paid a courtesy call on X").
    if (wstart..clause_stop).any(|k| (k < cue.start || k >= cue.end) && longest_phrase(toks, k, remote) > 0) {
        return None;
    }
    let mut city = city_after(s, table, cue, wend);
    let mut date_end = wend;
    if city.is_none() && english && cue.verb && verb_end > wend {
        // Only through a noun cue governed by a preposition ("on the sidelines of the summit in X").
        let governed = (wend.saturating_sub(4)..wend).any(|k| is_preposition(s.words, &toks[k].lower))
            && !(cue.end..wend).any(|k| super::clauses::is_verb(s.words, &toks[k]) || is_in(&s.words.relatives, &toks[k].lower));
        if governed {
            city = city_after(s, table, cue, verb_end);
            date_end = if city.is_some() { verb_end } else { wend };
        }
    }
    if city.is_none() && english && !cue.verb {
        city = city_before(s, table, cue, wstart);
    }
    if city.is_none() && wstart == 0 {
        city = fronted_city(s, table, cue);
    }
    if city.is_none() && english && cue.verb {
        city = opening_phrase_city(s, table, cue).or_else(|| city_where(s, table, cue));
    }
    if city.is_none() {
        city = travel_destination(s, table, cue, wstart, &ctx.pack.lexicon.grammar.future);
    }
    // "... met the speaker in California", "kunjungan ke Meksiko untuk melakukan pertemuan": a
    // place the gazetteer lacks, or another country, is still a place, not the dateline's.
    let place_named = (cue.end..clause_stop).any(|k| other_place_at(ctx, s, table, k, &lex.away_after))
        || (wstart..cue.start).any(|k| other_place_at(ctx, s, table, k, &lex.away_before));
    // A meeting to come, or told in a quote, is not placed by where the report is filed.
    let dateline_ok =
        !place_named && super::clauses::modality(ctx, s, cue.start).is_none() && !s.quoted.get(cue.start).copied().unwrap_or(false);
    let mut confidence = 0.85;
    let from_dateline = city.is_none();
    let (city, city_end) = match city {
        Some(c) => c,
        // "Retno bertemu dengan Menlu Iran ...": with no place named, a meeting told
        // with its counterpart happens where the report is filed from.
        // English leads name the place in the dateline only: "BRUSSELS, Jan 12 (AP) — ... at the first session of ...".
        None if dateline_ok
            && (cue.verb || (english && s.is_lead))
            && (s.is_lead || toks.get(cue.end).is_some_and(|t| is_in(&s.words.with_preps, &t.lower))) =>
        {
            confidence = 0.55;
            (ctx.dateline_city?, cue.end)
        }
        None => return None,
    };
    let participants = participants(ctx, s, table, cue, wstart, wend, city_end);
    // "Scholz said talks would continue" filed from Berlin: the dateline places no meeting of one side.
    if from_dateline && (participants.len() < 2 || !home_takes_part(ctx, table, city, &participants)) {
        return None;
    }
    let modality = super::clauses::modality(ctx, s, cue.start);
    // "Officials will sit down ... on Wednesday, followed by a meeting ... on Thursday": a future
    // word earlier in the English sentence also looks ahead (Indonesian "akan" also means "about":
    // "optimisme akan perdamaian").
    let future = modality.is_some() || (english && (0..cue.start).any(|k| is_in(&ctx.pack.lexicon.grammar.future, &toks[k].lower)));
    let (date, dated) = meeting_date(ctx, s, cue, date_end, future, back, &mut confidence);
    let rule = if cue.verb { "meeting.verb" } else { "meeting.noun" };
    Some((Meeting { city, date, participants, modality, evidence: vec![ctx.evidence(s, rule, confidence)] }, dated, from_dateline))
}

/// The city: "di <City>" after the cue, within its window; and where it ends.
fn city_after(s: &Analysed, table: &EntityTable, cue: &Cue, wend: usize) -> Option<(EntRef, usize)> {
    let toks = &s.tokens;
    for k in cue.end..wend {
        // "dialog ... terhenti setelah serangan di Mumbai": another clause, another place.
        if is_in(&s.words.clause_openers, &toks[k].lower) {
            break;
        }
        if let Some(m) = mention_starting_at(s, k) {
            // "di Jenewa", "di Gedung Pancasila, Jakarta", "di desa gencatan senjata Panmunjom",
            // "di National Convention Center (NCC) Vientiane" (a venue's name may be longer).
            let w = s.words;
            // "in Germany's capital, Berlin": further back past the capital's apposition.
            let capital = k >= 2 && toks[k - 1].text == "," && is_in(&w.capital_words, &toks[k - 2].lower);
            let reach = if capital { 8 } else { 5 };
            let after_di = (k.saturating_sub(reach)..k).chain(venue_name_start(s, k)).any(|j| is_in(&w.location_preps, &toks[j].lower))
                && !is_in(&w.direction_preps, &toks[k - 1].lower);
            // "welcomed X to the White House", "received X to Jakarta".
            let hosted_to = cue.host && k > 0 && is_in(&w.direction_preps, &toks[k - 1].lower);
            let after_di = after_di || hosted_to;
            if is_city(table, m.ent) && k > 0 && after_di {
                return Some((m.ent, m.end));
            }
        }
    }
    None
}

/// Where a run of capitalised words and parenthesised acronyms before `k` starts, one
/// token before it (where "di" would stand): "di National Convention Center (NCC) Vientiane",
/// "di Gedung Pancasila Kementerian Luar Negeri RI, Jakarta".
fn venue_name_start(s: &Analysed, k: usize) -> Option<usize> {
    let toks = &s.tokens;
    let named = |t: &super::tokens::Token| (t.is_word && t.is_capitalised()) || t.text == "(" || t.text == ")";
    // "di Gedung Pancasila Kementerian Luar Negeri RI, Jakarta": a comma may close the venue's name.
    let k = if k > 0 && toks[k - 1].text == "," { k - 1 } else { k };
    let j = (k.saturating_sub(10)..k).rev().take_while(|&j| named(&toks[j])).last()?;
    j.checked_sub(1)
}

/// English: "due in Jakarta on Friday for meetings with ...": the place may come just
/// before a noun cue (its end is then the cue's).
fn city_before(s: &Analysed, table: &EntityTable, cue: &Cue, wstart: usize) -> Option<(EntRef, usize)> {
    let toks = &s.tokens;
    let from = cue.start.saturating_sub(8).max(wstart);
    let clause_from = (from..cue.start).rev().find(|&k| matches!(toks[k].text.as_str(), "," | ";" | "\"")).map_or(from, |k| k + 1);
    s.mentions
        .iter()
        .filter(|m| m.start > clause_from && m.end <= cue.start && is_city(table, m.ent))
        .rfind(|m| is_in(&s.words.location_preps, &toks[m.start - 1].lower))
        .map(|m| (m.ent, cue.end))
}

/// "Today in Jeddah, President Biden met ...", "Di Jeddah, Presiden ... bertemu ...": a place
/// fronted before the subject (at the sentence's or the dateline's start), closed by a comma.
fn fronted_city(s: &Analysed, table: &EntityTable, cue: &Cue) -> Option<(EntRef, usize)> {
    let toks = &s.tokens;
    let opening = |p: usize| (p.saturating_sub(2)..=p).any(|st| st == 0 || matches!(toks[st - 1].text.as_str(), "-" | "--" | "—" | "–"));
    s.mentions
        .iter()
        .find(|m| {
            m.start > 0
                && m.end < cue.start
                && toks[m.end].text == ","
                && is_city(table, m.ent)
                && is_in(&s.words.location_preps, &toks[m.start - 1].lower)
                && opening(m.start - 1)
        })
        .map(|m| (m.ent, cue.end))
}

/// English: "On the margins of the NATO Summit in Vilnius, President X met ...", "During his
/// visit to Jakarta, ... met ...": a sentence opening with a prepositional phrase closed by a
/// comma, with no verb in it, places the meeting told after it (its last city after "in",
/// "at" or "to").
fn opening_phrase_city(s: &Analysed, table: &EntityTable, cue: &Cue) -> Option<(EntRef, usize)> {
    let toks = &s.tokens;
    if !toks.first().is_some_and(|t| is_preposition(s.words, &t.lower)) {
        return None;
    }
    let comma = (1..cue.start).find(|&k| toks[k].text == ",")?;
    if (1..comma).any(|k| super::clauses::is_verb(s.words, &toks[k])) {
        return None;
    }
    s.mentions.iter().filter(|m| m.end <= comma && is_city(table, m.ent)).rfind(|m| super::clauses::located(s, m)).map(|m| (m.ent, cue.end))
}

/// "... traveled to Cairo, where he met ...": the city right before ", where" opening the
/// clause of the cue (at most three words between "where" and the cue).
fn city_where(s: &Analysed, table: &EntityTable, cue: &Cue) -> Option<(EntRef, usize)> {
    let toks = &s.tokens;
    let w = (cue.start.saturating_sub(4)..cue.start).rev().find(|&k| is_in(&s.words.place_relatives, &toks[k].lower))?;
    let comma = w.checked_sub(1).filter(|&c| toks[c].text == ",")?;
    s.mentions.iter().find(|m| m.end == comma && is_city(table, m.ent)).map(|m| (m.ent, cue.end))
}

/// "Blinken traveled to Beijing to meet Wang Yi", "arrived in Riyadh on Monday for talks with ...",
/// "visited Pyongyang and held talks with ...": the destination of a travel verb before the cue
/// in the same clause (no comma-free relative, no other verb of its own between, at most 12
/// words back) places the meeting.
fn travel_destination(s: &Analysed, table: &EntityTable, cue: &Cue, wstart: usize, future: &[String]) -> Option<(EntRef, usize)> {
    let toks = &s.tokens;
    let from = cue.start.saturating_sub(12).max(wstart);
    let k = (from..cue.start).rev().find(|&k| is_in(&s.words.travel_verbs, &toks[k].lower))?;
    // "arrived in Beijing on Monday and will hold talks": a future word on the cue is no other clause.
    let clause = |j: usize| {
        is_in(&s.words.relatives, &toks[j].lower)
            || super::clauses::is_verb(s.words, &toks[j]) && !(j + 1 == cue.start && is_in(future, &toks[j].lower))
    };
    if (k + 1..cue.start).any(|j| clause(j) || matches!(toks[j].text.as_str(), ";" | "\"")) {
        return None;
    }
    s.mentions
        .iter()
        .filter(|m| m.start > k && m.start <= k + 3 && m.end <= cue.start)
        .find(|m| {
            // "visited Pyongyang", "traveled to Beijing", "arrived in Riyadh" (not "arrived from Doha").
            let reached = m.start == k + 1 || is_in(&s.words.destination_preps, &toks[m.start - 1].lower);
            reached && is_city(table, m.ent)
        })
        .map(|m| (m.ent, cue.end))
}

/// Sides at the table: actors in the clause around the cue, up to words that
/// start a topic or purpose ("untuk", "membahas", "mengenai").
fn participants(
    ctx: &Context,
    s: &Analysed,
    table: &EntityTable,
    cue: &Cue,
    wstart: usize,
    wend: usize,
    city_end: usize,
) -> BTreeSet<EntRef> {
    let lex = &ctx.pack.lexicon.meeting;
    let stop = |k: usize| lex.participant_stops.iter().any(|w| *w == s.tokens[k].lower);
    let mut out = BTreeSet::new();
    let mut add = |e: EntRef| {
        if table.is_actor(e) && table.get(side_of(table, e)).etype != EntityType::Person {
            out.insert(side_of(table, e));
        }
    };
    // English: "X, Minister for Foreign Affairs of Japan, held a meeting": the comma closes an apposition.
    let appositive_comma = cue.verb && !s.words.base_verbs.is_empty();
    // "… dan akan mengadakan pembicaraan", "… and will hold talks": past a future word or an adverb.
    let g = &ctx.pack.lexicon.grammar;
    let aux = |k: usize| is_in(&g.future, &s.tokens[k].lower) || is_in(&g.adverbs, &s.tokens[k].lower);
    let before = (0..cue.start).rev().find(|&k| !aux(k) || k + 2 < cue.start).map_or(0, |k| k + 1);
    let coordinated = before > 0
        && ((s.tokens[before - 1].text == "," && !appositive_comma) || is_in(&s.words.coordinators, &s.tokens[before - 1].lower));
    let k = if coordinated { cue.start } else { left_edge(s, table, cue, wstart, stop) };
    // English: the clause subject sits at the table even past a stop word
    // ("Yoon and Kishida also sat down for a separate session", "X, Minister for Foreign Affairs of Japan, held a meeting").
    if !s.words.base_verbs.is_empty() && !coordinated && !s.quoted.get(cue.start).copied().unwrap_or(false) {
        if let Some((subject, conf)) = super::clauses::subject_before(ctx, s, table, cue.start) {
            if conf >= 0.85 {
                for e in subject {
                    add(e);
                }
            }
        }
    }
    // "Lavrov visited Pyongyang and held talks with ...", "Scholz flew to Kyiv, meeting ...", "X
    // melakukan kunjungan ke Jakarta dan bertemu dengan ...": the traveller sits at the table.
    if coordinated {
        let travel = (wstart..cue.start).rev().find(|&k| is_in(&s.words.travel_verbs, &s.tokens[k].lower));
        if let Some((subject, conf)) = travel.and_then(|k| super::clauses::subject_before(ctx, s, table, k)) {
            if conf >= 0.85 {
                for e in subject {
                    add(e);
                }
            }
        }
    }
    // '"…," kata X setelah bertemu dengan Y': the speaker, outside the quotation. A verb, or an
    // English gerund ("after meeting Y"); after a bare noun ("setelah pertemuan Uni Eropa")
    // the speaker may not have been there.
    let verbal = cue.verb || !s.words.base_verbs.is_empty();
    if verbal
        && cue.start > 0
        && is_in(&lex.speaker_after, &s.tokens[cue.start - 1].lower)
        && !s.quoted.get(cue.start).copied().unwrap_or(false)
    {
        s.speaker.into_iter().for_each(&mut add);
    }
    let capital_ok = |m: &Mention| capital_as_party(s, table, m);
    for m in s.mentions.iter().filter(|m| m.start >= k && m.end <= cue.start && !super::clauses::is_dateline(s, m)) {
        if capital_ok(m) && (m.start == 0 || !is_in(&s.words.topic_preps, &s.tokens[m.start - 1].lower)) {
            add(m.ent);
        }
    }
    // Right: the cue's own complement ("pertemuan Dewan Rusia-NATO", "dengan X",
    // "antara X dan Y"), skipping the country after a city ("di Jenewa, Swiss").
    let mut stop_at = wend;
    for k in cue.end..wend {
        if k > cue.end && stop(k) {
            stop_at = k;
            break;
        }
    }
    for m in s.mentions.iter().filter(|m| m.start >= cue.end && m.start < stop_at) {
        let prev = if m.start > 0 { s.tokens[m.start - 1].lower.as_str() } else { "" };
        let apposition = prev == "," && m.start == city_end + 1;
        // "met with King Abdullah II of Jordan", "the Prime Minister of Japan": the side after a
        // capitalised name or title is at the table.
        let side_of_name = is_in(&s.words.head_of, prev)
            && m.start >= 2
            && s.tokens[m.start - 2].is_word
            && s.tokens[m.start - 2].is_capitalised()
            && table.get(m.ent).etype != EntityType::City;
        let host = is_in(&s.words.with_preps, prev) || is_in(&lex.host_preps, prev) && m.start == cue.end + 1;
        let governed = is_preposition(s.words, prev) && !host && !side_of_name;
        if !apposition && !governed && capital_ok(m) {
            add(m.ent);
        }
    }
    out
}

/// Left of the cue: back to a stop word, a clause break, another meeting's place, or the
/// window start (for a cue not coordinated with another: "... dan sesi").
fn left_edge(s: &Analysed, table: &EntityTable, cue: &Cue, wstart: usize, stop: impl Fn(usize) -> bool) -> usize {
    let mut k = cue.start;
    while k > wstart {
        k -= 1;
        let w = s.tokens[k].lower.as_str();
        let place = s.mentions.iter().any(|m| {
            m.start <= k
                && k < m.end
                && is_city(table, m.ent)
                && m.start > 0
                && is_in(&s.words.location_preps, &s.tokens[m.start - 1].lower)
        });
        if stop(k) || place || matches!(w, "\"" | ";") || is_in(&s.words.clause_openers, w) {
            k += 1;
            break;
        }
    }
    k
}

/// A capital stands for its government only where a party is expected
/// ("dengan Moskow", "Washington-Beijing"), never in a dateline or after "di".
fn capital_as_party(s: &Analysed, table: &EntityTable, m: &Mention) -> bool {
    if table.get(m.ent).etype != EntityType::City {
        return true;
    }
    let prev = if m.start > 0 { s.tokens[m.start - 1].lower.as_str() } else { "" };
    let next = s.tokens.get(m.end).map(|t| t.text.as_str()).unwrap_or("");
    prev == "-" || is_in(&s.words.with_preps, prev) || (next == "-" && m.start > 1)
}

#[cfg(test)]
mod tests;
