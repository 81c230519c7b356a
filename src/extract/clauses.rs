//! Shallow Indonesian clause structure: subjects before a cue, coordinated actor
//! chains after it, the demanded clause, negation, conditionals and modality.

use super::bodies::government_of;
use super::tokens::{longest_phrase, possessive_at, Token};
use super::{Analysed, Context, EntRef, Mention};
use crate::extract::entities::EntityTable;
use crate::lang::{is_in, Words};

/// A verb by the language's morphology ("menolak", "berunding") or word list.
pub fn is_verb(words: &Words, t: &Token) -> bool {
    // All-caps or inner capitals ("NATO", "McDonald") are names, not verbs.
    if !t.is_word || t.is_capitalised() && t.text.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    words.is_verb_word(&t.lower, t.is_capitalised())
}

pub fn is_preposition(words: &Words, w: &str) -> bool {
    is_in(&words.prepositions, w)
}

/// Membership ignoring ASCII case (pack lists hold "Senin" as written).
pub(super) fn in_list(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// A place name opening the lead sentence as its dateline ("SEOUL -- ", "Jakarta, CNN Indonesia -- ").
pub fn is_dateline(s: &Analysed, m: &Mention) -> bool {
    // "GENEVA, Jan 10 (Reuters) - ": a date and an agency may stand between.
    // "NUSA DUA, Indonesia (Reuters) - ": the country after the dateline's city belongs to it.
    let opening = m.start <= 1 || (m.start <= 5 && s.tokens[..m.start].iter().all(|t| t.text == "," || (t.is_word && t.is_capitalised())));
    // Not a hyphen inside a word ("two-day talks"); "BRUSSELS–The …" is still a dateline's.
    let dash = |k: usize| {
        let t = &s.tokens[k];
        let caps = k > 0 && s.tokens[k - 1].text.chars().all(|c| !c.is_lowercase());
        let glued = k > 0 && !caps && s.tokens[k - 1].end == t.start && s.tokens.get(k + 1).is_some_and(|n| n.start == t.end);
        matches!(t.text.as_str(), "-" | "—" | "–") && !glued
    };
    s.is_lead && opening && (m.end..(m.end + 8).min(s.tokens.len())).any(dash)
}

/// A mention after a preposition of place or direction ("di Brussels", "to Beijing").
pub fn located(s: &Analysed, m: &Mention) -> bool {
    m.start > 0 && {
        let prev = &s.tokens[m.start - 1].lower;
        is_in(&s.words.location_preps, prev) || is_in(&s.words.direction_preps, prev)
    }
}

pub fn mention_ending_at(s: &Analysed, end: usize) -> Option<&Mention> {
    s.mentions.iter().filter(|m| m.end == end).max_by_key(|m| m.end - m.start)
}

pub fn mention_starting_at(s: &Analysed, start: usize) -> Option<&Mention> {
    s.mentions.iter().filter(|m| m.start == start).max_by_key(|m| m.end - m.start)
}

/// The referents of a mention's span: several may share one ("ketiga negara").
fn push_sharing_span(s: &Analysed, m: &Mention, out: &mut Vec<EntRef>) {
    for other in s.mentions.iter().filter(|o| o.start == m.start && o.end == m.end) {
        if !out.contains(&other.ent) {
            out.push(other.ent);
        }
    }
}

/// Actors coordinated leftwards from a mention ending at `end`: "AS dan NATO", "Rusia, China dan Iran".
pub(super) fn chain_left(s: &Analysed, table: &EntityTable, end: usize) -> Vec<EntRef> {
    let mut out = Vec::new();
    let mut pos = end;
    // "Korea Utara (Korut) menuntut": look through a parenthesised short name.
    if pos >= 2 && s.tokens[pos - 1].text == ")" {
        if let Some(open) = (pos.saturating_sub(6)..pos - 1).rev().find(|&k| s.tokens[k].text == "(") {
            if mention_ending_at(s, open).is_some() {
                pos = open;
            }
        }
    }
    // A list joined with "and" somewhere ("South Korea, the United States and Japan").
    let mut coordinated = false;
    while let Some(m) = mention_ending_at(s, pos) {
        // "…, pemerintah negara Barat dan aktivis China": the country's people are no actor
        // and no member, but the list goes on before them.
        if people_before(s, m.start) {
            match step_left(s, m.start - 1, &mut coordinated, false) {
                Some(p) => {
                    pos = p;
                    continue;
                }
                None => break,
            }
        }
        // A capital joins a chain only as its first member ("di Kairo, Retno ..." is two
        // clauses), and never when it names a place ("KTT di Riyadh desak ...") or a dateline.
        let city = table.get(m.ent).etype == crate::lang::EntityType::City;
        if !table.is_actor(m.ent) || (city && (!out.is_empty() || located(s, m) || is_dateline(s, m))) {
            break;
        }
        // "On Burma, the Secretary called ...": a comma-joined member governed by a
        // preposition is no part of the subject.
        if !out.is_empty()
            && !coordinated
            && s.tokens.get(pos).is_some_and(|t| t.text == ",")
            && m.start > 0
            && is_preposition(s.words, &s.tokens[m.start - 1].lower)
        {
            break;
        }
        // "Macron, saat berkomunikasi dengan Presiden Lebanon Joseph Aoun, menekankan …": the
        // object of a verb's "with" is not the subject.
        let with = |k: usize| k >= 2 && is_in(&s.words.with_preps, &s.tokens[k - 1].lower) && is_verb(s.words, &s.tokens[k - 2]);
        if out.is_empty() && with(m.start) {
            break;
        }
        push_sharing_span(s, m, &mut out);
        let mut before = m.start;
        // "..., the United States and Japan": an article before a member.
        if before >= 2 && is_in(&s.words.articles, &s.tokens[before - 1].lower) {
            before -= 1;
        }
        // "…, Erdogan menyerukan": the last member of a list follows a coordinator; after a
        // bare comma it opens the clause ("Dalam pidato menjelang pertemuan delegasi A-B, X ...").
        if out.len() == 1 && !coordinated && before > 0 && s.tokens[before - 1].text == "," {
            break;
        }
        match step_left(s, before, &mut coordinated, true) {
            Some(p) => pos = p,
            None => break,
        }
    }
    out.reverse();
    out
}

/// "aktivis China", "warga Iran": a word naming a country's people before the mention at `k`.
fn people_before(s: &Analysed, k: usize) -> bool {
    k >= 1 && is_in(&s.words.people_of, &s.tokens[k - 1].lower)
}

/// From a list member starting at `before`, leftwards past the joiner before it (a
/// coordinator, a comma, a dash when `dash`, and ", dan"): where the previous member ends.
/// Notes a coordinator in `coordinated`. None when no joiner stands there.
fn step_left(s: &Analysed, before: usize, coordinated: &mut bool, dash: bool) -> Option<usize> {
    let t = s.tokens.get(before.checked_sub(1)?)?;
    let coordinator = is_in(&s.words.coordinators, &t.lower);
    if !(coordinator || t.text == "," || (dash && t.text == "-")) {
        return None;
    }
    *coordinated |= coordinator;
    let mut pos = before - 1;
    // ", dan X"
    if pos >= 1 && s.tokens[pos - 1].text == "," {
        pos -= 1;
    }
    Some(pos)
}

/// Actors coordinated from token `start` rightwards; returns them and the end token.
pub fn chain_right(s: &Analysed, table: &EntityTable, start: usize) -> (Vec<EntRef>, usize) {
    let mut out = Vec::new();
    let mut pos = start;
    // "asked the United States to ...": an article before the first member; "semua pasukan
    // pimpinan AS": a quantifier before it and the side leading it after.
    let word_at = |k: usize, list: &[String]| s.tokens.get(k).is_some_and(|t| is_in(list, &t.lower));
    let quantified = usize::from(word_at(pos, &s.words.quantifiers) && word_at(pos + 1, &s.words.articles));
    // "para pemimpin militer Niger": up to three such words before the name.
    // Not a word that opens a name ("otoritas Negeri Tirai Bambu").
    let article = |k: usize| (word_at(k, &s.words.articles) || word_at(k, &s.words.actor_articles)) && mention_starting_at(s, k).is_none();
    let articles = (0..3).take_while(|&n| article(pos + quantified + n)).count();
    if articles > 0 {
        let head = pos + quantified + articles;
        let led = usize::from(word_at(head, &s.words.led_by));
        if mention_starting_at(s, head + led).is_some() {
            pos = head + led;
        }
    }
    // "agar Tuan Trump menarik ...": an honorific before a known person.
    if s.tokens.get(pos).is_some_and(|t| is_in(&s.words.ranks, &t.text))
        && mention_starting_at(s, pos + 1).is_some_and(|m| table.get(m.ent).etype == crate::lang::EntityType::Person)
    {
        pos += 1;
    }
    // "the Government of Sudan", "the Governments of Israel and Lebanon": the names after the head.
    if let Some(n) = government_of(s, start) {
        pos = start + n;
    }
    while let Some(m) = mention_starting_at(s, pos) {
        // "the NATO-led Kosovo Force", "Iran-backed Houthis": a name in a compound modifier is
        // not the actor; the name after it is.
        if out.is_empty()
            && s.tokens.get(m.end).is_some_and(|t| t.text == "-")
            && s.tokens.get(m.end + 1).is_some_and(|t| t.is_word && !t.is_capitalised())
        {
            pos = m.end + 2;
            continue;
        }
        if !table.is_actor(m.ent) {
            break;
        }
        push_sharing_span(s, m, &mut out);
        pos = m.end;
        // "Russian President Vladimir Putin and …": the titled person the side names comes with it.
        if let Some(p) = mention_starting_at(s, pos)
            .filter(|p| table.get(p.ent).etype == crate::lang::EntityType::Person && table.get(p.ent).side == Some(m.ent))
        {
            pos = p.end;
        }
        // Skip a parenthesised abbreviation: "Amerika Serikat (AS)".
        if s.tokens.get(pos).is_some_and(|t| t.text == "(") {
            if let Some(k) = s.tokens[pos..].iter().take(5).position(|t| t.text == ")") {
                pos += k + 1;
            }
        }
        let mut next = pos;
        if s.tokens.get(next).is_some_and(|t| t.text == "," || t.text == "-") {
            next += 1;
        }
        if s.tokens.get(next).is_some_and(|t| is_in(&s.words.coordinators, &t.lower)) {
            next += 1;
        }
        while next > pos && next < pos + 4 && article(next) {
            next += 1;
        }
        let Some(m) = mention_starting_at(s, next).filter(|_| next > pos) else { break };
        // "Beijing, Pyongyang's main ally, ...": a possessor after a comma opens an apposition.
        if s.tokens[pos].text == ","
            && !is_in(&s.words.coordinators, &s.tokens[next - 1].lower)
            && possessive_at(&s.tokens, m.end).is_some()
        {
            break;
        }
        pos = next;
    }
    // "Syria's divided opposition": the party's opponents are not the party.
    if let Some(n) = possessive_at(&s.tokens, pos).filter(|_| !out.is_empty()) {
        let head = (pos + n..(pos + n + 3).min(s.tokens.len())).take_while(|&k| s.tokens[k].is_word && !s.tokens[k].is_capitalised());
        if head.into_iter().any(|k| is_in(&s.words.opponent_heads, &s.tokens[k].lower)) {
            return (Vec::new(), start);
        }
    }
    // "UN member states", "ASEAN members": the members are not the body.
    if s.tokens.get(pos).is_some_and(|t| is_in(&s.words.member_heads, &t.lower)) {
        return (Vec::new(), start);
    }
    let end = if out.is_empty() { start } else { pos };
    (out, end)
}

/// A name at `k` that a "(the) Government of" before it stands for.
fn headed(s: &Analysed, k: usize) -> bool {
    (2..=4).any(|n| k >= n && government_of(s, k - n) == Some(n))
}

/// Who performs the cue at token `cue`: the actors right before it (skipping
/// adverbs), else the clause subject, else the quote's speaker.
pub fn subject_before(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize) -> Option<(Vec<EntRef>, f32)> {
    let g = &ctx.pack.lexicon.grammar;
    let mut j = cue;
    while j > 0 && in_list(&g.adverbs, &s.tokens[j - 1].lower) {
        j -= 1;
    }
    // "the International Court of Justice - Wednesday ordered": past a weekday and a closing dash.
    j -= usize::from(j > 1 && ctx.pack.lexicon.dates.weekdays.iter().flatten().any(|d| *d == s.tokens[j - 1].lower));
    j -= usize::from(j > 1 && matches!(s.tokens[j - 1].text.as_str(), "-" | "—" | "–") && mention_ending_at(s, j - 1).is_some());
    // "Ministers at the end of talks in Indonesia urged …": a place after an event is no subject
    // (people in a place are: "officials in Jakarta urged …").
    let placed = mention_ending_at(s, j).is_some_and(|m| {
        m.start >= 2
            && is_in(&s.words.location_preps, &s.tokens[m.start - 1].lower)
            && s.tokens[m.start - 2].is_word
            && !s.tokens[m.start - 2].is_capitalised()
            && !is_in(&s.words.group_nouns, &s.tokens[m.start - 2].lower)
    });
    let chain = if placed { Vec::new() } else { chain_left(s, table, j) };
    if !chain.is_empty() {
        return Some((chain, 1.0));
    }
    if let Some(org) = member_subject(ctx, s, table, j) {
        return Some((vec![org], 0.9));
    }
    // "Hal itu disampaikan Retno saat mendesak ...", "Erdogan spoke in Ankara while urging ...":
    // the last actor before the clause word that no preposition governs.
    // Not after a comma when the sentence opens with its subject ("X mendesak Y untuk …, seraya
    // mengatakan …": X, not Y).
    let after_comma_of_opened_sentence = || {
        let verb = s.tokens.iter().position(|t| is_verb(s.words, t)).unwrap_or(0);
        j >= 2 && s.tokens[j - 2].text == "," && s.mentions.iter().any(|m| m.start < verb && table.is_actor(m.ent) && !is_dateline(s, m))
    };
    if j > 0 && !s.quoted[j] && in_list(&g.while_words, &s.tokens[j - 1].lower) && !after_comma_of_opened_sentence() {
        let actor = s.mentions.iter().rev().filter(|m| m.end < j && table.is_actor(m.ent) && !is_dateline(s, m)).find(|m| {
            m.start == 0
                || !(is_preposition(s.words, &s.tokens[m.start - 1].lower) || is_in(&s.words.location_preps, &s.tokens[m.start - 1].lower))
        });
        if let Some(m) = actor {
            return Some((vec![m.ent], 0.8));
        }
    }
    // The clause subject: first actor before the first verb, from the start of
    // the sentence or of the quotation the cue stands in.
    let mut from = if s.quoted[cue] { (0..cue).rev().find(|&k| s.tokens[k].text == "\"").map(|k| k + 1).unwrap_or(0) } else { 0 };
    // "In a commentary carried by ..., Pyongyang rejected ...": past an opening adverbial phrase.
    if from == 0 && !s.quoted[cue] && s.tokens.first().is_some_and(|t| is_preposition(s.words, &t.lower)) {
        if let Some(c) = (1..cue).find(|&k| s.tokens[k].text == ",") {
            from = c + 1;
        }
    }
    let first_verb = (from..cue).find(|&k| is_verb(s.words, &s.tokens[k])).unwrap_or(cue);
    if let Some(m) = s
        .mentions
        .iter()
        .filter(|m| m.start >= from && m.start < first_verb && table.is_actor(m.ent) && !is_dateline(s, m))
        .filter(|m| !people_before(s, m.start))
        .find(|m| m.start == from || !is_preposition(s.words, &s.tokens[m.start - 1].lower) || headed(s, m.start))
    {
        let chain = chain_left(s, table, chain_right(s, table, m.start).1);
        let chain = if chain.is_empty() { vec![m.ent] } else { chain };
        return Some((chain, 0.85));
    }
    s.speaker.map(|sp| (vec![sp], 0.7))
}

/// "54 negara … yang tergabung dalam Uni Afrika, menuntut …": the organisation whose
/// members the subject names, when it closes the subject with a comma before the cue at `j`.
fn member_subject(ctx: &Context, s: &Analysed, table: &EntityTable, j: usize) -> Option<EntRef> {
    if j < 2 || s.tokens[j - 1].text != "," {
        return None;
    }
    let m = mention_ending_at(s, j - 1).filter(|m| table.is_actor(m.ent))?;
    let e = table.get(m.ent).etype;
    if !matches!(e, crate::lang::EntityType::Organization | crate::lang::EntityType::Group) {
        return None;
    }
    let after_member_phrase = ctx
        .pack
        .phrases()
        .member_of
        .iter()
        .any(|p| m.start >= p.len() && s.tokens[m.start - p.len()..m.start].iter().zip(p).all(|(t, w)| t.lower == *w));
    after_member_phrase.then_some(m.ent)
}

/// When the cue at `cue` opens a relative clause ("..., yang mendorong X untuk", "Russia,
/// which demanded"), the actors it hangs on: those right before the relative word (and a
/// comma). Empty when the antecedent is no actor ("apa yang dilakukan AS, yang mendorong
/// ...": an event prompted it). None when the cue is not in a relative clause.
pub fn relative_antecedent(ctx: &Context, s: &Analysed, table: &EntityTable, cue: usize) -> Option<Vec<EntRef>> {
    let g = &ctx.pack.lexicon.grammar;
    let mut j = cue;
    while j > 0 && in_list(&g.adverbs, &s.tokens[j - 1].lower) {
        j -= 1;
    }
    if j == 0 || !is_in(&s.words.relatives, &s.tokens[j - 1].lower) {
        return None;
    }
    let mut end = j - 1;
    if end > 0 && s.tokens[end - 1].text == "," {
        end -= 1;
    }
    Some(chain_left(s, table, end))
}

/// The end (exclusive) of the clause that starts at token `start`.
pub fn clause_end(ctx: &Context, s: &Analysed, start: usize) -> usize {
    let g = &ctx.pack.lexicon.grammar;
    let toks = &s.tokens;
    // An action opening with a quotation of its first words ('mendesak semua pihak "menyetujui dan
    // melaksanakan sepenuhnya" gencatan senjata itu') goes on after the closing mark.
    // Only a short quotation within the clause (no full stop in it).
    let close = toks.get(start).filter(|t| t.text == "\"").and_then(|_| toks[start + 1..].iter().take(12).position(|t| t.text == "\""));
    let fragment = close.is_some_and(|c| {
        !toks[start + 1..start + 1 + c].iter().any(|t| matches!(t.text.as_str(), "." | ";" | "?" | "!"))
            && toks.get(start + c + 2).is_some_and(|t| t.is_word && !is_in(&s.words.clause_openers, &t.lower))
    });
    let quoted_start = s.quoted.get(start).copied().unwrap_or(false) && !fragment;
    let pronoun =
        |j: usize| toks.get(j).is_some_and(|t| is_in(&s.words.plural_pronouns, &t.lower) || is_in(&s.words.person_pronouns, &t.lower));
    let mut k = start;
    if fragment {
        k += close.map_or(0, |c| c + 2);
    }
    while k < toks.len() {
        let t = &toks[k];
        // Not the dot of an abbreviation before a number ("a Sept. 19 statement").
        let abbreviation = t.text == "." && toks.get(k + 1).is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()));
        if matches!(t.text.as_str(), ";" | "." | "?" | "!" | ":" | "(") && !abbreviation || (t.text == "\"" && quoted_start && k > start) {
            break;
        }
        // A quotation opened inside the clause belongs to it: menghentikan "perilaku berbahaya".
        if t.text == "\"" && !quoted_start {
            match toks[k + 1..].iter().position(|t| t.text == "\"") {
                Some(close) if k > start => {
                    k += close + 2;
                    continue;
                }
                _ => break,
            }
        }
        if t.text == "," {
            // Headlines join clauses with commas: "Desak China Hormati UNCLOS, Beijing Tolak ...".
            if s.is_title {
                break;
            }
            // ", Beijing menolak ...": a new clause with its own subject.
            if let Some(m) = mention_starting_at(s, k + 1) {
                if toks.get(m.end).is_some_and(|t| is_verb(s.words, t)) {
                    break;
                }
            }
            let next = toks.get(k + 1).map(|t| t.lower.as_str()).unwrap_or("");
            // English: ", which China seized ...": a non-restrictive relative clause is no part of the action.
            if !s.words.base_verbs.is_empty() && k > start && is_in(&s.words.relatives, next) && next != "that" {
                break;
            }
            if in_list(&g.speech, next)
                || in_list(&g.speech_self, next)
                || in_list(&g.clause_breaks, next)
                || in_list(&g.speech_verbs, next)
                || next == "\""
                || attribution_follows(s, g, k + 1)
            {
                break;
            }
        }
        if in_list(&g.clause_breaks, &t.lower) && k > start {
            break;
        }
        // "... to condemn the launch and call on X to ...": the subject's next demand is no
        // part of this action.
        // "..., and they urged ...": the same with a pronoun subject.
        let next = k + 1 + usize::from(pronoun(k + 1));
        if k > start && is_in(&s.words.coordinators, &t.lower) && longest_phrase(toks, next, &ctx.pack.phrases().demand_verbs) > 0 {
            break;
        }
        k += 1;
    }
    k
}

/// ", a U.S. official said", ", the foreign ministry said in a statement" from token `k`: a few
/// words without a verb or a comma, then a speech verb — the report's attribution, no part of
/// the clause before it.
pub fn attribution_follows(s: &Analysed, g: &crate::lang::GrammarLex, k: usize) -> bool {
    let toks = &s.tokens;
    let end = (k + 8).min(toks.len());
    let Some(v) = (k..end).find(|&i| in_list(&g.speech_verbs, &toks[i].lower) || in_list(&g.speech, &toks[i].lower)) else {
        return false;
    };
    v > k && toks[k..v].iter().all(|t| t.text != "," && t.text != "\"" && !is_verb(s.words, t))
}

/// A cue negated right before it ("tidak meminta", "belum menolak").
pub fn negated(ctx: &Context, s: &Analysed, cue: usize) -> bool {
    let g = &ctx.pack.lexicon.grammar;
    (cue.saturating_sub(3)..cue).any(|k| in_list(&g.negations, &s.tokens[k].lower))
}

/// A cue inside a conditional clause ("jika China menuntut ..."), a question ("Will Washington
/// urge Kyiv to ...?") or another clause that asserts nothing (the pack's `conditionals`).
pub fn conditional(ctx: &Context, s: &Analysed, cue: usize) -> bool {
    let g = &ctx.pack.lexicon.grammar;
    let quoted = s.quoted.get(cue).copied().unwrap_or(false);
    let rest = s.tokens.iter().zip(&s.quoted).skip(cue);
    if rest.take_while(|(t, &q)| q == quoted && !matches!(t.text.as_str(), "." | ";")).any(|(t, _)| t.text == "?") {
        return true;
    }
    let mut k = cue;
    while k > 0 {
        k -= 1;
        let w = s.tokens[k].lower.as_str();
        if in_list(&g.conditionals, w) {
            return true;
        }
        if matches!(w, "." | ";" | "\"") {
            break;
        }
    }
    false
}

/// "akan" (or another future word) shortly before the cue.
pub fn modality(ctx: &Context, s: &Analysed, cue: usize) -> Option<String> {
    let g = &ctx.pack.lexicon.grammar;
    (cue.saturating_sub(3)..cue).find(|&k| in_list(&g.future, &s.tokens[k].lower)).map(|k| s.tokens[k].lower.clone())
}

/// The document text of tokens `[a, b)`.
pub fn text_of(ctx: &Context, s: &Analysed, a: usize, b: usize) -> String {
    if b <= a {
        return String::new();
    }
    let text = &ctx.text[s.tokens[a].start..s.tokens[b - 1].end];
    // 'to "stop any provocative acts': a quotation mark opening the span and never closed in it.
    match text.strip_prefix('"') {
        Some(rest) if !rest.contains('"') => rest.trim_start().to_string(),
        _ => text.to_string(),
    }
}
