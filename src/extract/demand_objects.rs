//! What the object of a demand verb says about who is asked: an apposition before the
//! complementiser, a thing requested from a party, a nominal naming the one to act; and an
//! adverb inside the verb's phrase ("calls again on").

use super::bodies::government_of;
use super::clauses::{chain_right, clause_end, is_preposition, is_verb, located, mention_ending_at, mention_starting_at, subject_before};
use super::entities::{side_of, EntityTable, Mention};
use super::tokens::{longest_phrase, possessive_at, possessive_before};
use super::{Analysed, Context, Demand, EntRef};
use crate::lang::{is_in, EntityType};

/// "mendorong China, sekutu terbesar Korut, untuk ...": an apposition (a short phrase
/// between commas, no quote, no relative clause) right after the addressee, then the
/// complementiser. Returns the complementiser's token. Verbs are not refused inside:
/// Indonesian superlatives look like verbs ("terbesar").
pub(super) fn apposition_end(ctx: &Context, s: &Analysed, after: usize) -> Option<usize> {
    if s.tokens.get(after)?.text != "," {
        return None;
    }
    let close = (after + 2..(after + 10).min(s.tokens.len())).find(|&k| s.tokens[k].text == ",")?;
    let inside = &s.tokens[after + 1..close];
    // "Amerika Serikat, yang mengirim kapal perang ke kawasan itu, untuk ...": a relative clause
    // on the addressee closes like an apposition.
    let relative = is_in(&s.words.relatives, &inside[0].lower);
    let plain = inside.iter().all(|t| t.is_word || t.text == "-" || t.text == "'")
        && !inside[usize::from(relative)..]
            .iter()
            .any(|t| is_in(&s.words.relatives, &t.lower) || is_in(&ctx.pack.lexicon.demand.complementisers, &t.lower));
    let comp = s.tokens.get(close + 1).is_some_and(|t| is_in(&ctx.pack.lexicon.demand.complementisers, &t.lower));
    (plain && comp).then_some(close + 1)
}

/// The actor asked to give a thing the lexicon lists (`requested_things`): right after it
/// ("penegasan Amerika Serikat") or after `requested_from` ("assurances from Moscow").
/// A state, organisation or group, not one of the demanders.
pub(super) fn requested_from(ctx: &Context, s: &Analysed, table: &EntityTable, j: usize, by: &[EntRef]) -> Option<EntRef> {
    let lex = &ctx.pack.lexicon.demand;
    let n = longest_phrase(&s.tokens, j, &ctx.pack.phrases().requested_things);
    if n == 0 {
        return transfer_from(ctx, s, table, j, by);
    }
    let mut k = j + n;
    // "meminta klarifikasi dan penjelasan dari …": coordinated things asked for.
    while s.tokens.get(k).is_some_and(|t| is_in(&s.words.coordinators, &t.lower)) {
        match longest_phrase(&s.tokens, k + 1, &ctx.pack.phrases().requested_things) {
            0 => break,
            m => k += 1 + m,
        }
    }
    if s.tokens.get(k).is_some_and(|t| is_in(&lex.requested_from, &t.lower)) {
        k += 1;
    }
    let (actors, _) = chain_right(s, table, k);
    other_side(table, *actors.first()?, by)
}

/// "requested the extradition of former president X from Chile": past the person to be handed
/// over (a few words, no verb), the party after "from" is asked.
fn transfer_from(ctx: &Context, s: &Analysed, table: &EntityTable, j: usize, by: &[EntRef]) -> Option<EntRef> {
    let n = longest_phrase(&s.tokens, j, &ctx.pack.phrases().transfers);
    if n == 0 {
        return None;
    }
    let plain = |t: &super::tokens::Token| t.is_word && !is_verb(s.words, t);
    let k = (j + n..(j + n + 8).min(s.tokens.len()))
        .take_while(|&k| plain(&s.tokens[k]) || s.tokens[k].text == "-")
        .find(|&k| is_in(&ctx.pack.lexicon.demand.requested_from, &s.tokens[k].lower))?;
    other_side(table, *chain_right(s, table, k + 1).0.first()?, by)
}

/// "pressed Israeli Prime Minister Benjamin Netanyahu on Wednesday to ...", "urged China's top
/// nuclear envoy, Wu Dawei, to ...": the side (`last`, ending at `after`), a possessive, a title
/// and the name of one of its people are one addressee; where the complement is looked for.
pub(super) fn past_addressee_name(ctx: &Context, s: &Analysed, table: &EntityTable, last: EntRef, after: usize) -> usize {
    let person = |m: &&Mention| table.get(m.ent).etype == EntityType::Person && side_of(table, m.ent) == side_of(table, last);
    if let Some(m) = mention_starting_at(s, after).filter(person) {
        return m.end;
    }
    let mut k = after + possessive_at(&s.tokens, after).unwrap_or(0);
    while k < after + 4 && s.tokens.get(k).is_some_and(|t| is_in(&s.words.title_modifiers, &t.text)) {
        k += 1;
    }
    let t = longest_phrase(&s.tokens, k, &ctx.pack.phrases().titles);
    if t == 0 {
        return after;
    }
    // The name after the title, or set off by commas after it (the roles stage may have made
    // the title part of the name's mention).
    let comma = usize::from(s.tokens.get(k + t).is_some_and(|t| t.text == ","));
    let named = mention_starting_at(s, k).or_else(|| mention_starting_at(s, k + t + comma));
    named.filter(person).map_or(after, |m| m.end)
}

/// English: the actors a nominal object names as the doers of what is to be done or undone:
/// a possessor ("an end to Israel's occupation"), the subject of a relative clause ("the
/// removal of the buoy that China installed"), an agent ("the release of the hostages held
/// by Hamas") or the "of" of an agent noun ("the support of the Governments of X and Y").
pub(super) fn nominal_addressee(ctx: &Context, s: &Analysed, table: &EntityTable, j: usize, by: &[EntRef]) -> Option<Vec<EntRef>> {
    let w = s.words;
    if !s.tokens.get(j).is_some_and(|t| t.is_word && !t.is_capitalised()) {
        return None;
    }
    if w.base_verbs.is_empty() {
        return possessed_agent(ctx, s, table, j, by);
    }
    let end = clause_end(ctx, s, j).min(j + 16);
    let agent_noun = |k: usize| k >= j && is_in(&ctx.pack.lexicon.demand.agent_nominals, &s.tokens[k].lower);
    let m = s.mentions.iter().filter(|m| m.start > j && m.end <= end && table.is_actor(m.ent)).find(|m| {
        // Where the name's phrase starts: "the Government(s) of X" is X.
        let lead = (2..=3).find(|&n| m.start >= n && government_of(s, m.start - n) == Some(n)).map_or(m.start, |n| m.start - n);
        // "the withdrawal of the Russian army": past an article.
        let lead = if lead >= 2 && is_in(&w.articles, &s.tokens[lead - 1].lower) { lead - 1 } else { lead };
        let prev = s.tokens[lead - 1].lower.as_str();
        let possessive = possessive_at(&s.tokens, m.end).is_some();
        let relative = is_in(&w.relatives, prev) && s.tokens.get(m.end).is_some_and(|t| is_verb(w, t));
        let agent = is_in(&w.agent_preps, prev) && lead >= 2 && is_verb(w, &s.tokens[lead - 2]);
        // 'the "immediate withdrawal" of Rwandan troops': a closing quotation mark before "of".
        let noun = if lead >= 3 && s.tokens[lead - 2].text == "\"" { lead - 3 } else { lead.saturating_sub(2) };
        let of_agent = is_in(&w.head_of, prev) && lead >= 2 && agent_noun(noun);
        possessive || relative || agent || of_agent
    })?;
    other_sides(table, chain_right(s, table, m.start).0, by)
}

/// Indonesian: the actor after an agent noun, past a few lower-case words, is who is to act:
/// "menyerukan penghentian serangan Israel", "menuntut penarikan segera kelompok pemberontak
/// M23", "penghentian total permusuhan dan penarikan Israel" (not "serangan terhadap Israel").
fn possessed_agent(ctx: &Context, s: &Analysed, table: &EntityTable, j: usize, by: &[EntRef]) -> Option<Vec<EntRef>> {
    let w = s.words;
    let end = clause_end(ctx, s, j).min(j + 10);
    let plain = |k: usize| {
        let t = &s.tokens[k];
        t.is_word
            && !t.is_capitalised()
            && !is_preposition(w, &t.lower)
            && !is_in(&w.coordinators, &t.lower)
            && !is_in(&w.location_preps, &t.lower)
    };
    let chain = (j..end).filter(|&k| is_in(&ctx.pack.lexicon.demand.agent_nominals, &s.tokens[k].lower)).find_map(|noun| {
        let mut k = noun + 1;
        while k < end && k < noun + 4 && mention_starting_at(s, k).is_none() && plain(k) {
            k += 1;
        }
        Some(chain_right(s, table, k).0).filter(|c| !c.is_empty())
    })?;
    other_sides(table, chain, by)
}

/// The actor owning a demand noun at token `k`: "Russia's (core) demands" (an adjective or two
/// between), "the U.N. chief's call" (an office between the actor and the possessive), and in
/// English "U.S. calls", "Western demands" (the actor right before the noun).
pub(super) fn possessor_before(ctx: &Context, s: &Analysed, table: &EntityTable, k: usize) -> Vec<EntRef> {
    for back in 0..3 {
        let Some(at) = k.checked_sub(back) else { break };
        if let Some(owner) = possessive_before(&s.tokens, at).filter(|_| at >= 3).and_then(|end| owner_ending_at(ctx, s, table, end)) {
            return vec![owner];
        }
        if back > 0 && !s.tokens[at].is_word {
            break;
        }
    }
    // Not "Both sides need to ...": there "need" is the verb.
    let english = !s.words.demonstratives_before.is_empty() && !is_in(&ctx.pack.lexicon.demand.needs, &s.tokens[k].lower);
    // "the U.S.-led proposal": the actor before a hyphened author word.
    let authored = k >= 2 && s.tokens[k - 2].text == "-" && is_in(&s.words.authored_compounds, &s.tokens[k - 1].lower);
    let end = if authored { k - 2 } else { k };
    mention_ending_at(s, end).filter(|m| english && table.is_actor(m.ent)).map(|m| vec![m.ent]).unwrap_or_default()
}

/// The actor of a possessor ending at token `end`: its name, or its name and an office
/// ("the U.N. chief", "Iran's foreign ministry", "the EU foreign policy chief").
fn owner_ending_at(ctx: &Context, s: &Analysed, table: &EntityTable, end: usize) -> Option<EntRef> {
    if let Some(m) = s.mentions.iter().find(|m| m.end == end && table.is_actor(m.ent)) {
        return Some(m.ent);
    }
    let m = s.mentions.iter().filter(|m| m.end < end && end - m.end <= 4 && table.is_actor(m.ent)).max_by_key(|m| m.end)?;
    let lower = s.tokens[m.end..end].iter().all(|t| t.text == "-" || t.is_word && !t.is_capitalised());
    (lower && ends_in_office(ctx, s, m.end, end)).then_some(m.ent)
}

/// Do the words `from..end` after an actor end in an office: a title ending at `end`, or an
/// institution or `speaker_heads` word last ("foreign ministry", "official", "chief")?
pub(super) fn ends_in_office(ctx: &Context, s: &Analysed, from: usize, end: usize) -> bool {
    let head = &s.tokens[end - 1].lower;
    let titled = (from..end).any(|i| i + longest_phrase(&s.tokens, i, &ctx.pack.phrases().titles) == end);
    titled || is_in(&s.words.institution_heads, head) || is_in(&ctx.pack.lexicon.grammar.speaker_heads, head)
}

/// "menyerukan gencatan senjata antara Rusia dan Ukraina", "called for talks between X and Y":
/// a short object (no comma, no verb) and the two or more sides after a `between` word, none of
/// them the demander's, are who is asked.
pub fn between_addressees(ctx: &Context, s: &Analysed, table: &EntityTable, j: usize, by: &[EntRef]) -> Option<Vec<EntRef>> {
    let toks = &s.tokens;
    let k = (j + 1..(j + 5).min(toks.len())).find(|&k| is_in(&s.words.between, &toks[k].lower))?;
    if toks[j..k].iter().any(|t| !t.is_word || is_verb(s.words, t) || is_in(&ctx.pack.lexicon.demand.complementisers, &t.lower)) {
        return None;
    }
    let (sides, _) = chain_right(s, table, k + 1);
    let by_sides: Vec<EntRef> = by.iter().map(|&d| side_of(table, d)).collect();
    (sides.len() >= 2 && !sides.iter().any(|&e| by_sides.contains(&side_of(table, e)))).then_some(sides)
}

/// "menyerukan penghentian kekerasan di Myanmar", "called for an end to the violence in Myanmar":
/// a short object (no comma, verb or complementiser) ending in a country the demander is not,
/// after a location word, is where what is asked must happen; its government is asked.
pub fn located_addressee(ctx: &Context, s: &Analysed, table: &EntityTable, j: usize, by: &[EntRef]) -> Option<Vec<EntRef>> {
    let toks = &s.tokens;
    let k = (j + 1..(j + 10).min(toks.len())).find(|&k| is_in(&s.words.location_preps, &toks[k].lower))?;
    // "an end to the violence": "to" before an article opens no clause.
    let opens = |i: usize| {
        is_in(&ctx.pack.lexicon.demand.complementisers, &toks[i].lower)
            && !toks.get(i + 1).is_some_and(|t| is_in(&s.words.articles, &t.lower))
    };
    if (j..k).any(|i| !toks[i].is_word || is_verb(s.words, &toks[i]) || opens(i)) {
        return None;
    }
    // "gencatan senjata dengan Houthi di Yaman": a party the object names is the one asked, not the place.
    if s.mentions.iter().any(|m| m.start >= j && m.start < k && table.is_actor(m.ent)) {
        return None;
    }
    let m = mention_starting_at(s, k + 1).filter(|m| table.get(m.ent).etype == EntityType::Country)?;
    // The country closes the object ("di Myanmar.", "in Myanmar and ..."), not a longer place phrase.
    if toks.get(m.end).is_some_and(|t| t.is_word && !is_in(&s.words.coordinators, &t.lower)) {
        return None;
    }
    other_sides(table, vec![m.ent], by)
}

/// "Israel menerima tuntutan Hamas", "Kyiv met Washington's demands": the subject of a verb
/// meeting the demand noun at `k` (one filler word between), who is the one asked.
pub fn accepted_by(ctx: &Context, s: &Analysed, table: &EntityTable, k: usize) -> Option<Vec<EntRef>> {
    let verbs = &ctx.pack.phrases().accept_verbs;
    let fillers = &s.words.refusal_fillers;
    let cue = (k.saturating_sub(4)..k).find(|&c| {
        let len = longest_phrase(&s.tokens, c, verbs);
        len > 0 && s.tokens[c + len..k].iter().all(|t| is_in(fillers, &t.lower))
    })?;
    subject_before(ctx, s, table, cue).map(|(by, _)| by).filter(|by| !by.is_empty())
}

/// A refusal verb, or the last word of a refusal phrase ("tidak akan menerima"), just before
/// token `k`: the demand word there is what is refused.
pub fn after_refusal(ctx: &Context, s: &Analysed, k: usize) -> bool {
    let verbs = &ctx.pack.lexicon.reject.verbs;
    let phrases = &ctx.pack.phrases().reject;
    (k.saturating_sub(3)..k).any(|j| {
        let w = &s.tokens[j].lower;
        is_in(verbs, w) || phrases.iter().any(|p| p.last() == Some(w))
    })
}

/// "The UK calls again on Russia to ...", "called once more on": a demand verb phrase whose
/// head and particle an adverb or two part. The tokens it spans from the head at `k`, or 0.
pub(super) fn gapped_verb(ctx: &Context, s: &Analysed, k: usize) -> usize {
    let adverbs = &ctx.pack.lexicon.grammar.adverbs;
    let head = &s.tokens[k].lower;
    if !ctx.pack.phrases().demand_verbs.iter().any(|p| p.len() >= 2 && p[0] == *head) {
        return 0;
    }
    let gap = (k + 1..(k + 3).min(s.tokens.len())).take_while(|&j| is_in(adverbs, &s.tokens[j].lower)).count();
    // The particle may itself read as an adverb ("on"): the shortest gap that fits.
    (1..=gap)
        .find_map(|g| {
            let rest = k + 1 + g;
            let fits = |p: &&Vec<String>| {
                p.len() >= 2
                    && p[0] == *head
                    && rest + p.len() - 1 <= s.tokens.len()
                    && s.tokens[rest..rest + p.len() - 1].iter().zip(&p[1..]).all(|(t, w)| t.lower == *w)
            };
            ctx.pack.phrases().demand_verbs.iter().filter(fits).map(|p| g + p.len()).max()
        })
        .unwrap_or(0)
}

/// "called for Hezbollah to end its attacks and for Israel to end its operations": a second
/// addressee inside the action `a..b`, after a coordinator and a request preposition, then a
/// complementiser. Where the first action ends, the second addressees, where their action starts.
pub(super) fn second_request(ctx: &Context, s: &Analysed, table: &EntityTable, a: usize, b: usize) -> Option<(usize, Vec<EntRef>, usize)> {
    let lex = &ctx.pack.lexicon.demand;
    let t = &s.tokens;
    (a + 1..b.saturating_sub(3)).find_map(|k| {
        if !is_in(&s.words.coordinators, &t[k].lower) || !is_in(&lex.request_preps, &t[k + 1].lower) {
            return None;
        }
        let (of, after) = chain_right(s, table, k + 2);
        (!of.is_empty() && t.get(after).is_some_and(|x| is_in(&lex.complementisers, &x.lower))).then_some((k, of, after + 1))
    })
}

/// The one side named before token `cue` that is not one of `by` and stands for a party (not a
/// place after "in"/"to", not a person without a side): what "it" may point back to.
pub(super) fn other_side_before(s: &Analysed, table: &EntityTable, by: &[EntRef], cue: usize) -> Option<EntRef> {
    let by_sides: Vec<EntRef> = by.iter().map(|&b| side_of(table, b)).collect();
    let mut others: Vec<EntRef> = s
        .mentions
        .iter()
        .filter(|m| m.end <= cue && table.is_actor(m.ent) && !located(s, m))
        .map(|m| side_of(table, m.ent))
        .filter(|&e| !by_sides.contains(&e) && !matches!(table.get(e).etype, EntityType::Person | EntityType::City))
        .collect();
    others.dedup();
    // Only one: with two sides before it, "it" could be either.
    match others.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
#[path = "demand_objects_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "demand_asides_tests.rs"]
mod asides_tests;

/// "akan meminta konsultasi formal dengan China", "requested talks with Pyongyang": talks
/// asked for with a party (a few words after the verb) ask that party to hold them.
pub(super) fn talks_partner(
    ctx: &Context,
    s: &Analysed,
    table: &EntityTable,
    (cue, j): (usize, usize),
    by: &[EntRef],
) -> Option<Vec<EntRef>> {
    let lex = &ctx.pack.lexicon.demand;
    // Asked for, not called for: "menyerukan dialog dengan Armenia dan Azerbaijan" names partners.
    if !is_in(&lex.talk_verbs, &s.tokens[cue].lower) {
        return None;
    }
    let plain = |k: usize| s.tokens.get(k).is_some_and(|t| t.is_word && !t.is_capitalised());
    let noun = (j..j + 3).take_while(|&k| plain(k)).find(|&k| is_in(&lex.talk_nouns, &s.tokens[k].lower))?;
    let with = (noun + 1..noun + 4).take_while(|&k| plain(k)).find(|&k| is_in(&lex.talk_preps, &s.tokens[k].lower))?;
    let (chain, _) = chain_right(s, table, with + 1);
    other_sides(table, chain, by)
}

/// The side of `e` when it is neither a person nor a side of the demanders `by`.
fn other_side(table: &EntityTable, e: EntRef, by: &[EntRef]) -> Option<EntRef> {
    other_sides(table, vec![e], by).map(|sides| sides[0])
}

/// The sides of `chain` that are neither people nor a side of the demanders `by`; None when none is left.
fn other_sides(table: &EntityTable, chain: Vec<EntRef>, by: &[EntRef]) -> Option<Vec<EntRef>> {
    let by_sides: Vec<EntRef> = by.iter().map(|&b| side_of(table, b)).collect();
    let sides: Vec<EntRef> = chain
        .into_iter()
        .map(|e| side_of(table, e))
        .filter(|&o| table.get(o).etype != EntityType::Person && !by_sides.contains(&o))
        .collect();
    (!sides.is_empty()).then_some(sides)
}

/// "urged all Libyan parties, facilitated by the United Nations, to agree …": a short aside
/// set off by commas at `at` (after a group noun such as "parties", if any), opening with a
/// lower-case word. The complementiser after it.
pub(super) fn aside_then(s: &Analysed, complementisers: &[String], at: usize) -> Option<usize> {
    let toks = &s.tokens;
    let at = at + usize::from(toks.get(at).is_some_and(|t| is_in(&s.words.group_nouns, &t.lower)));
    let opens = toks.get(at).is_some_and(|t| t.text == ",") && toks.get(at + 1).is_some_and(|t| t.is_word && !t.is_capitalised());
    if !opens || toks.get(at + 1).is_some_and(|t| is_in(&s.words.coordinators, &t.lower)) {
        return None;
    }
    let close = (at + 2..(at + 10).min(toks.len())).find(|&k| !toks[k].is_word)?;
    (toks[close].text == "," && toks.get(close + 1).is_some_and(|t| is_in(complementisers, &t.lower))).then_some(close + 1)
}

/// Where what is asked starts, with a complementiser at `k` a few words past the addressee
/// (which ends at `after`): past it ("selama pertemuan untuk", "Presiden AS, Donald Trump, untuk",
/// 'both sides "to refrain'), at a negation before it ("urged Moscow not to"). In Indonesian a
/// verb right after the addressee opens it, and the complementiser tells a purpose ("menyarankan
/// Taliban mengubah peraturan agar …"). None: a comma or quotation in between ends the phrase.
pub(super) fn complement_start(ctx: &Context, s: &Analysed, after: usize, k: usize) -> Option<usize> {
    let toks = &s.tokens;
    let closing_comma = k == after + 1 && toks[after].text == ",";
    let opening_quote = k == after + 1 && toks[after].text == "\"";
    if toks[after..k].iter().any(|t| t.text == "," || t.text == "\"") && k != after && !closing_comma && !opening_quote {
        return None;
    }
    if k > after && s.words.base_verbs.is_empty() && is_verb(s.words, &toks[after]) {
        return Some(after);
    }
    let not = k > after && is_in(&ctx.pack.lexicon.grammar.negations, &toks[k - 1].lower);
    Some(if not { k - 1 } else { k + 1 })
}

/// A demand verb right before the actors right before the cue at `cue` ("mengajak Lithuania
/// menyerukan …", "urged Lithuania call for …"): the outer verb's index.
pub(super) fn asked_by_verb_before(ctx: &Context, s: &Analysed, cue: usize) -> Option<usize> {
    let mut k = cue;
    while k > 0 && is_in(&ctx.pack.lexicon.grammar.adverbs, &s.tokens[k - 1].lower) {
        k -= 1;
    }
    let m = s.mentions.iter().filter(|m| m.end == k).min_by_key(|m| m.start)?;
    let outer = m.start.checked_sub(1)?;
    is_in(&ctx.pack.lexicon.demand.verbs, &s.tokens[outer].lower).then_some(outer)
}

/// The addressee of the demand just made in this sentence by the same side, when the
/// cue is coordinated with it ("... and called for ...", "..., and urged ..."); English only.
pub(super) fn coordinated_demand(
    ctx: &Context,
    s: &Analysed,
    table: &EntityTable,
    cue: usize,
    by: &[EntRef],
    out: &[Demand],
) -> Option<EntRef> {
    let w = s.words;
    if w.base_verbs.is_empty() {
        return None;
    }
    let mut k = cue;
    while k > 0 && is_in(&ctx.pack.lexicon.grammar.adverbs, &s.tokens[k - 1].lower) {
        k -= 1;
    }
    if k == 0 || !is_in(&w.coordinators, &s.tokens[k - 1].lower) {
        return None;
    }
    let last = out.last().filter(|d| d.evidence.sentence == s.index)?;
    by.iter().any(|&b| side_of(table, b) == last.by).then_some(last.of)
}
