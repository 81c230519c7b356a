//! References whose antecedent the left-to-right discourse cannot see: a plural group whose
//! members the next sentence lists, and the author a headline names for "we" outside quotes.

use super::clauses::{chain_right, in_list, is_dateline, is_preposition, is_verb};
use super::entities::{side_of, EntityTable, Mention};
use super::tokens::longest_phrase;
use super::{Analysed, EntRef, Role};
use crate::lang::{is_in, EntityType, LanguagePack};

/// "Indonesia mengajak negara-negara sahabat ... untuk ... . Negara-negara tersebut di antaranya
/// A, B dan C.": a plural group named in one sentence stands for the members the next lists.
pub fn listed_members(sents: &mut [Analysed], table: &EntityTable, pack: &LanguagePack) {
    for i in 1..sents.len() {
        let Some((head, members)) = member_list(&sents[i], table, pack) else { continue };
        let prev = &mut sents[i - 1];
        if let Some((start, end)) = plural_group(prev, &head) {
            for ent in members {
                prev.mentions.push(Mention { ent, start, end, coref: true });
            }
            prev.mentions.sort_by_key(|m| m.start);
        }
    }
}

/// A plural group noun at token `k`: "negara-negara" (a reduplicated group noun) or, where
/// plurals are inflected, "countries". Its head word and the tokens it spans.
fn plural_head_at(s: &Analysed, k: usize) -> Option<(String, usize)> {
    let t = s.tokens.get(k).filter(|t| t.is_word && is_in(&s.words.group_nouns, &t.lower))?;
    let reduplicated = s.tokens.get(k + 1).is_some_and(|d| d.text == "-") && s.tokens.get(k + 2).is_some_and(|u| u.lower == t.lower);
    if reduplicated {
        Some((t.lower.clone(), 3))
    } else if !s.words.demonstratives_before.is_empty() && t.lower.ends_with('s') {
        Some((t.lower.clone(), 1))
    } else {
        None
    }
}

/// A sentence opening with "<group noun> tersebut <list opener> A, B dan C" ("These countries
/// include A and B"): the group's head word and its members (at least two, none a person).
fn member_list(s: &Analysed, table: &EntityTable, pack: &LanguagePack) -> Option<(String, Vec<EntRef>)> {
    let words = s.words;
    let det_before = s.tokens.first().is_some_and(|t| is_in(&words.demonstratives_before, &t.lower));
    let mut p = usize::from(det_before);
    let (head, n) = plural_head_at(s, p)?;
    p += n;
    let det_after = s.tokens.get(p).is_some_and(|t| is_in(&words.demonstratives_after, &t.lower));
    p += usize::from(det_after);
    if !det_before && !det_after {
        return None;
    }
    let opener = longest_phrase(&s.tokens, p, &pack.phrases().member_list_openers);
    if opener == 0 {
        return None;
    }
    let (members, _) = chain_right(s, table, p + opener);
    let people = members.iter().any(|&e| table.get(side_of(table, e)).etype == EntityType::Person);
    (members.len() >= 2 && !people).then_some((head, members))
}

/// The last plural group with this head word in a sentence, not yet a mention: its span,
/// with the lower-case modifiers before an English head ("neighbouring countries").
fn plural_group(s: &Analysed, head: &str) -> Option<(usize, usize)> {
    let words = s.words;
    let k = (0..s.tokens.len()).rev().find(|&k| plural_head_at(s, k).is_some_and(|(h, _)| h == head) && !covered(s, k))?;
    let (_, n) = plural_head_at(s, k)?;
    let mut start = k;
    if !words.demonstratives_before.is_empty() {
        while start > 0 && k - start < 2 && {
            let t = &s.tokens[start - 1];
            t.is_word
                && !t.is_capitalised()
                && !is_verb(words, t)
                && !is_preposition(words, &t.lower)
                && !is_in(&words.demonstratives_before, &t.lower)
                && !is_in(&words.coordinators, &t.lower)
                && !is_in(&words.base_verbs, &t.lower)
        } {
            start -= 1;
        }
    }
    Some((start, k + n))
}

/// The tokens a `statement_heads` opening spans at the start of sentence `s` (0: none):
/// "Statement by", "Readout of", "Siaran pers".
pub fn statement_head(s: &Analysed, pack: &LanguagePack) -> usize {
    longest_phrase(&s.tokens, 0, &pack.phrases().statement_heads)
}

/// The side of the author a headline names after its `statement_head` of `h` tokens:
/// "Statement by President Joseph R. Biden, Jr. on ..." (the first known person's side, or
/// a side named right after the opening: "Readout of White House ..."). None when `h` is 0.
pub fn statement_author(s: &Analysed, table: &EntityTable, h: usize) -> Option<EntRef> {
    if h == 0 {
        return None;
    }
    let mut ms: Vec<_> = s.mentions.iter().filter(|m| m.start >= h && !m.coref).collect();
    ms.sort_by_key(|m| m.start);
    let first = ms.iter().find_map(|m| {
        let e = table.get(m.ent);
        match e.etype {
            EntityType::Person => e.side,
            EntityType::Country | EntityType::Organization if m.start <= h + 1 => Some(m.ent),
            _ => None,
        }
    });
    first.or_else(|| body_of_a_government(s, table, &ms))
}

/// "Readout of the Third Meeting of the White House Competition Council": the one country a
/// headline names, as the first word of a body's name, before any "with" (a counterpart).
fn body_of_a_government(s: &Analysed, table: &EntityTable, ms: &[&Mention]) -> Option<EntRef> {
    let with = (0..s.tokens.len()).find(|&k| is_in(&s.words.with_preps, &s.tokens[k].lower)).unwrap_or(s.tokens.len());
    let countries: Vec<&&Mention> = ms.iter().filter(|m| table.get(m.ent).etype == EntityType::Country).collect();
    match countries.as_slice() {
        [m] if m.end < with && s.tokens.get(m.end).is_some_and(|t| t.is_word && t.is_capitalised()) => Some(m.ent),
        _ => None,
    }
}

/// Everyone a headline names as the text's authors after its `statement_head` of `h` tokens:
/// "Joint Statement by President Biden and President Macron" gives both presidents,
/// "Statement from President Joe Biden on ..." one. The names (people or sides) joined by
/// commas, coordinators, articles and titles right after the opening, up to the first
/// other word ("on", "'s"). Empty when `h` is 0.
pub fn statement_authors(s: &Analysed, table: &EntityTable, pack: &LanguagePack, h: usize) -> Vec<EntRef> {
    let mut out = Vec::new();
    if h == 0 {
        return out;
    }
    let w = s.words;
    let mut k = h;
    while k < s.tokens.len() {
        if let Some(m) = s.mentions.iter().filter(|m| m.start == k && !m.coref).max_by_key(|m| m.end) {
            if table.is_actor(m.ent) && !out.contains(&m.ent) {
                out.push(m.ent);
            }
            k = m.end;
            continue;
        }
        let t = &s.tokens[k];
        let joins = t.text == "," || is_in(&w.coordinators, &t.lower) || is_in(&w.articles, &t.lower);
        let title = longest_phrase(&s.tokens, k, &pack.phrases().titles);
        if !joins && title == 0 {
            // A possessive ends the authors: "Readout of President Biden's Call with ..." is his alone.
            break;
        }
        k += title.max(1);
    }
    out
}

/// The authors a statement's headline names: the people among them, and their sides (or the
/// side named right after the opening: "Readout of White House ..."). Both empty for a
/// headline that opens no statement.
pub fn headline_authors(s: &Analysed, table: &EntityTable, pack: &LanguagePack) -> (Vec<EntRef>, Vec<EntRef>) {
    let head = statement_head(s, pack);
    let named = statement_authors(s, table, pack, head);
    let persons = named.iter().copied().filter(|&e| table.get(e).etype == EntityType::Person).collect();
    let mut sides: Vec<EntRef> = Vec::new();
    for side in named.iter().map(|&e| side_of(table, e)).filter(|&e| table.get(e).etype != EntityType::Person) {
        if !sides.contains(&side) {
            sides.push(side);
        }
    }
    if sides.is_empty() {
        sides.extend(statement_author(s, table, head));
    }
    (persons, sides)
}

/// The sides a statement's headline names after its first `with_preps` word, other than the
/// authors' (`sides`): "Readout of X's Call with Prime Minister Y of Kosovo" gives Kosovo.
/// Empty for a headline that opens no statement, and where no side is known.
pub fn headline_counterparts(s: &Analysed, table: &EntityTable, pack: &LanguagePack, sides: &[EntRef]) -> Vec<EntRef> {
    let head = statement_head(s, pack);
    let with = (head..s.tokens.len()).find(|&k| head > 0 && is_in(&s.words.with_preps, &s.tokens[k].lower));
    let mut out = Vec::new();
    for m in s.mentions.iter().filter(|m| with.is_some_and(|w| m.start > w) && !m.coref && table.is_actor(m.ent)) {
        let side = side_of(table, m.ent);
        if table.get(side).etype != EntityType::Person && !sides.contains(&side) && !out.contains(&side) {
            out.push(side);
        }
    }
    out
}

/// The two sides of a conflict the sentence names: a `conflict_nouns` word, a `with_preps`
/// word ("antara", "between"), then two actors joined by a coordinator within a few words
/// ("pertempuran antara pasukan Israel dan para pejuang Hamas"). Empty otherwise.
pub fn belligerents(s: &Analysed, table: &EntityTable) -> Vec<EntRef> {
    let w = s.words;
    let toks = &s.tokens;
    for k in 0..toks.len().saturating_sub(1) {
        if !is_in(&w.conflict_nouns, &toks[k].lower) || !is_in(&w.with_preps, &toks[k + 1].lower) {
            continue;
        }
        let window = k + 2..(k + 10).min(toks.len());
        let stop = window.clone().find(|&j| !toks[j].is_word && toks[j].text != "-").unwrap_or(window.end);
        let found: Vec<&Mention> = s.mentions.iter().filter(|m| m.start >= k + 2 && m.end <= stop && table.is_actor(m.ent)).collect();
        if let [a, b] = found[..] {
            let joined = toks[a.end..b.start].iter().any(|t| is_in(&w.coordinators, &t.lower));
            let (sa, sb) = (side_of(table, a.ent), side_of(table, b.ent));
            if joined && sa != sb && table.get(sa).etype != EntityType::Person && table.get(sb).etype != EntityType::Person {
                return vec![sa, sb];
            }
        }
    }
    Vec::new()
}

/// "Korea Utara menyatakan (bahwa) pihaknya …": the side of the actor right before a speech verb
/// that stands just before token `i` (a complementiser between).
pub fn speech_subject(s: &Analysed, table: &EntityTable, g: &crate::lang::GrammarLex, i: usize) -> Option<EntRef> {
    let mut v = i.checked_sub(1)?;
    if s.tokens[v].lower == "bahwa" || s.tokens[v].lower == "that" {
        v = v.checked_sub(1)?;
    }
    if !is_in(&g.speech_verbs, &s.tokens[v].lower) {
        return None;
    }
    // Past adverbs and a time set off by commas: "Korea Utara, hari Selasa, menyatakan".
    let mut end = v;
    while end > 0 && v - end < 4 && (s.tokens[end - 1].text == "," || in_list(&g.adverbs, &s.tokens[end - 1].lower)) {
        end -= 1;
    }
    let m = s.mentions.iter().find(|m| m.end == end && table.is_actor(m.ent))?;
    Some(side_of(table, m.ent))
}

/// Organisations named in the last few sentences (`recent`, newest last).
fn recent_orgs<'a>(recent: &'a [(usize, EntRef)], table: &'a EntityTable) -> impl Iterator<Item = EntRef> + 'a {
    let at = recent.last().map_or(0, |r| r.0);
    recent
        .iter()
        .rev()
        .take_while(move |(i, _)| at.saturating_sub(*i) <= 3)
        .map(|&(_, e)| e)
        .filter(move |&e| table.get(e).etype == EntityType::Organization)
}

/// "Dewan itu" after "Dewan Keamanan PBB", "Liga tersebut" after "Liga Arab": the first word
/// (`head`, lower case) of a recent organisation's longer name, with a demonstrative after it.
/// "the court" after "the International Court of Justice", "the agency": a body's head noun
/// (`body`: it is one of the pack's body heads, after an article) anywhere in such a name.
pub fn org_by_head(recent: &[(usize, EntRef)], table: &EntityTable, head: &str, after: bool, body: bool) -> Option<EntRef> {
    recent_orgs(recent, table).find(|&e| {
        table.get(e).names.iter().any(|n| {
            let mut words = n.split_whitespace().map(str::to_lowercase);
            n.split_whitespace().count() >= 2
                && if after { words.next().is_some_and(|h| h == head) } else { body && words.any(|w| w == head) }
        })
    })
}

/// "Dewan Keamanan yang beranggotakan 15 negara" after "Dewan Keamanan PBB": the first two or
/// more words of a recent organisation's name at token `i`, with no capitalised word after them
/// ("Dewan Keamanan Nasional" is another body). The organisation and the words taken.
pub fn short_org_name(recent: &[(usize, EntRef)], table: &EntityTable, s: &Analysed, i: usize) -> Option<(EntRef, usize)> {
    let toks = &s.tokens;
    if !toks[i].is_capitalised() {
        return None;
    }
    recent_orgs(recent, table).find_map(|e| {
        table
            .get(e)
            .names
            .iter()
            .filter(|name| name.split_whitespace().next() == Some(toks[i].text.as_str()))
            .find_map(|name| {
                let words: Vec<&str> = name.split_whitespace().collect();
                (2..words.len()).rev().find(|&n| {
                    toks.len() >= i + n
                        && toks[i..i + n].iter().zip(&words).all(|(t, w)| t.text == *w)
                        && !toks.get(i + n).is_some_and(|t| t.is_word && t.is_capitalised())
                })
            })
            .map(|n| (e, n))
    })
}

/// The sides of an article's authors, from the first headline sentence that names them.
pub fn article_authors(sents: &[Analysed], table: &EntityTable, pack: &LanguagePack) -> Vec<EntRef> {
    sents.iter().take_while(|s| s.is_title).map(|s| headline_authors(s, table, pack).1).find(|a| !a.is_empty()).unwrap_or_default()
}

/// Is token `i` inside a mention already?
fn covered(s: &Analysed, i: usize) -> bool {
    s.mentions.iter().any(|m| m.start <= i && i < m.end)
}

/// "the Secretary", "the Foreign Minister": the person last introduced with that title, named
/// before this point (not "The President encouraged President X" in the same sentence); in a
/// statement whose headline names its author with that title, the author ("Readout of
/// President Biden's Call with President X. ... The President urged ...").
pub fn titled_person(s: &Analysed, roles: &[Role], i: usize, title_len: usize, authors: &[EntRef]) -> Option<(EntRef, usize)> {
    let title = s.tokens[i..i + title_len].iter().map(|t| t.lower.as_str()).collect::<Vec<_>>().join(" ");
    let before = |r: &Role| {
        r.evidence.sentence < s.index
            || (r.evidence.sentence == s.index && s.mentions.iter().any(|m| m.ent == r.person && !m.coref && m.end <= i))
    };
    let holders = roles.iter().filter(|r| {
        // "the Secretary" for a "Secretary of State", "the minister" for a "Foreign Minister".
        let full = format!(" {} ", r.title.to_lowercase());
        before(r) && full.contains(&format!(" {title} "))
    });
    let mut latest: Option<&Role> = None;
    for r in holders {
        if authors.contains(&r.person) {
            return Some((r.person, title_len));
        }
        if latest.is_none_or(|l| r.evidence.sentence >= l.evidence.sentence) {
            latest = Some(r);
        }
    }
    latest.map(|r| (r.person, title_len))
}

/// The country a mention names in the text: a country or its capital ("clashes in Tripoli"),
/// not a person's country noted in brackets ("Council President X (France)"), not the dateline.
pub fn country_named(s: &Analysed, table: &EntityTable, m: &Mention) -> Option<EntRef> {
    let bracketed = m.start > 0 && s.tokens[m.start - 1].text == "(";
    let ent = table.get(m.ent);
    let c = if ent.etype == EntityType::Country { Some(m.ent) } else { ent.capital_of };
    c.filter(|_| !m.coref && !bracketed && !is_dateline(s, m))
}

/// The country an office belongs to, when the sentence names one beside it: "the Russian
/// Foreign Ministry", "Kementerian Luar Negeri RI", "Ministry of Foreign Affairs of Japan".
pub fn office_of(s: &Analysed, table: &EntityTable) -> Option<EntRef> {
    let office = s.tokens.iter().rposition(|t| t.is_capitalised() && is_in(&s.words.office_heads, &t.lower))?;
    // Before it ("the Russian Foreign Ministry"), or after a chain of the office's own words
    // ("Ministry of Foreign Affairs of Japan"), not the object of a verb after it.
    let chain = |m: &Mention| {
        m.start > office
            && m.start <= office + 5
            && s.tokens[office + 1..m.start]
                .iter()
                .all(|t| t.is_capitalised() || is_in(&s.words.articles, &t.lower) || is_in(&s.words.head_of, &t.lower))
    };
    let near = |m: &&Mention| !m.coref && ((m.end <= office && m.end + 2 >= office) || chain(m));
    s.mentions.iter().filter(near).find(|m| table.get(m.ent).etype == EntityType::Country).map(|m| m.ent)
}

/// The sides of a sentence's subject when it is more than one: several sharing its span ("the
/// three ministers"), else the coordinated group it opens ("Japan, the US and South Korea").
pub fn subject_group(s: &Analysed, table: &EntityTable, m: &Mention, groups: &[(usize, Vec<EntRef>)]) -> Vec<EntRef> {
    let mut sides: Vec<EntRef> = Vec::new();
    for o in s.mentions.iter().filter(|o| o.start == m.start && o.end == m.end) {
        let side = side_of(table, o.ent);
        if !sides.contains(&side) {
            sides.push(side);
        }
    }
    if sides.len() < 2 {
        let side = side_of(table, m.ent);
        if let Some((_, g)) = groups.iter().rev().find(|(at, g)| *at == s.index && g.first() == Some(&side)) {
            sides = g.clone();
        }
    }
    sides
}

/// The countries `mentions` name (`antecedents::country_named`), added to `seen` once each, in order.
pub fn add_countries<'a>(s: &Analysed, table: &EntityTable, mentions: impl Iterator<Item = &'a Mention>, seen: &mut Vec<EntRef>) {
    for c in mentions.filter_map(|m| country_named(s, table, m)) {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
}

/// "The foreign ministers of Japan ...": a name after "of" and a group noun ("ministers",
/// "leaders") at token `k` is who the group is, not a phrase governed by the preposition.
pub fn members_of(s: &Analysed, k: usize) -> bool {
    k >= 2 && is_in(&s.words.head_of, &s.tokens[k - 1].lower) && is_in(&s.words.group_nouns, &s.tokens[k - 2].lower)
}

#[cfg(test)]
mod tests {
    use crate::extract::coreference::resolve_references;
    use crate::extract::test_support::{analysed, Run};

    fn resolved(lang: &str, title: &str, body: &str) -> Run {
        let mut run = analysed(lang, title, body);
        resolve_references(&mut run.sents, &mut run.table, run.pack, &[]);
        run
    }

    #[test]
    fn a_plural_group_stands_for_the_members_listed_next() {
        let run = resolved(
            "id",
            "",
            "Jepang mengajak negara-negara tetangga untuk memperketat pengawasan laut. Negara-negara tersebut antara lain Korea Selatan, Filipina dan Vietnam.",
        );
        assert_eq!(run.at(0, "negara"), vec!["South Korea", "Philippines", "Vietnam"]);
    }

    #[test]
    fn an_english_group_with_its_modifier_takes_the_listed_members() {
        let run = resolved(
            "en",
            "",
            "Washington urged neighbouring countries to close their airspace. These countries include Poland, Romania and Slovakia.",
        );
        assert_eq!(run.at(0, "neighbouring"), vec!["Poland", "Romania", "Slovakia"]);
    }

    #[test]
    fn no_members_without_a_demonstrative_or_a_list() {
        // The next sentence talks about other countries; a single country is no list.
        let run = resolved(
            "id",
            "",
            "Jepang mengajak negara-negara tetangga untuk memperketat pengawasan laut. Negara-negara tersebut adalah mitra dagang Malaysia.",
        );
        assert!(run.at(0, "negara").is_empty());
    }

    #[test]
    fn we_outside_quotes_is_the_author_a_statement_headline_names() {
        let run = resolved(
            "en",
            "Statement by President Joe Biden on the Elections in Belarus",
            "We call on the authorities in Minsk to release all political prisoners.",
        );
        assert_eq!(run.at(1, "We"), vec!["United States"]);
    }

    #[test]
    fn we_in_a_news_report_has_no_author() {
        let run = resolved(
            "en",
            "Biden urges Belarus to free prisoners",
            "We call on the authorities in Minsk to release all political prisoners.",
        );
        assert!(run.at(1, "We").is_empty());
    }
}
