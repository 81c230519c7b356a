//! Names around a title: the person after it, the appositive before it, the capitalised
//! words that belong to the title.

use super::super::clauses::{is_preposition, is_verb};
use super::super::entities::{EntityTable, Mention};
use super::super::tokens::{longest_phrase, Token};
use super::super::{Analysed, EntRef};
use crate::lang::{is_in, EntityType, Lexicon};

pub(super) fn starts_entity(s: &Analysed, k: usize) -> bool {
    s.mentions.iter().any(|m| m.start == k)
}

/// Capitalised words from token `from`, joined by a coordinator ("Sumber Daya Air dan Irigasi"),
/// up to an entity: where the run ends.
pub(super) fn capitalised_run(s: &Analysed, from: usize, titles: &[Vec<String>]) -> usize {
    let mut k = from;
    while k < s.tokens.len() && k < from + 6 && !starts_entity(s, k) {
        let t = &s.tokens[k];
        // "Kelautan dan Perikanan" joins a portfolio; "… dan Duta Besar" starts another title.
        let joiner = k > from
            && is_in(&s.words.coordinators, &t.lower)
            && s.tokens.get(k + 1).is_some_and(|n| n.is_word && n.is_capitalised() && !starts_entity(s, k + 1))
            && longest_phrase(&s.tokens, k + 1, titles) == 0;
        if !(t.is_word && t.is_capitalised() || joiner) {
            break;
        }
        k += 1;
    }
    k
}

/// "NAME, TITLE SIDE ,": the person named right before a title set off by commas.
/// Returns the person and the token where the name starts.
pub(super) fn appositive(
    tokens: &[Token],
    mentions: &[Mention],
    title_start: usize,
    side_end: usize,
    table: &mut EntityTable,
    lex: &Lexicon,
) -> Option<(EntRef, usize)> {
    if title_start < 2 || tokens[title_start - 1].text != "," || tokens.get(side_end).is_none_or(|t| t.text != "," && t.text != ".") {
        return None;
    }
    let end = title_start - 1;
    if let Some(m) = mentions.iter().find(|m| m.end == end) {
        return (table.get(m.ent).etype == EntityType::Person).then_some((m.ent, m.start));
    }
    let mut start = end;
    while start > 0 && end - start < 4 {
        let t = &tokens[start - 1];
        if t.is_word && t.is_capitalised() && !is_in(&lex.grammar.not_name, &t.text) && !mentions.iter().any(|m| m.end == start) {
            start -= 1;
        } else {
            break;
        }
    }
    // "KAMIKAWA Yoko": a known family name written first, then the given name.
    if end - start == 1 {
        if let Some(m) = mentions.iter().find(|m| m.end == start && m.end - m.start == 1) {
            if table.get(m.ent).etype == EntityType::Person && tokens[end - 1].is_capitalised() {
                let name: Vec<String> = tokens[m.start..end].iter().map(|t| t.text.clone()).collect();
                table.add_local(name, m.ent);
                return Some((m.ent, m.start));
            }
        }
    }
    // Two words at least, and not the first word of the sentence alone.
    if end - start < 2 {
        return None;
    }
    let name: Vec<String> = tokens[start..end].iter().map(|t| t.text.clone()).collect();
    if name.iter().any(|w| is_in(&lex.words.ranks, w)) && end - start < 3 {
        return None;
    }
    Some((table.new_person(&name, None), start))
}

fn lowered(t: &Token) -> Token {
    Token { text: t.lower.clone(), ..t.clone() }
}

/// Tokens `start..end` name `person`: the mentions there give way to one of it.
pub(super) fn name_person(s: &mut Analysed, person: EntRef, start: usize, end: usize) {
    s.mentions.retain(|m| m.end <= start || m.start >= end);
    s.mentions.push(Mention { ent: person, start, end, coref: false });
    s.mentions.sort_by_key(|m| m.start);
}

pub(super) fn span_text(text: &str, toks: &[Token]) -> String {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => text[a.start..b.end].to_string(),
        _ => String::new(),
    }
}

/// A person's name starting at token `j`: a known person, or capitalised words.
pub(super) fn person_at(
    tokens: &[Token],
    mentions: &[Mention],
    j: usize,
    table: &mut EntityTable,
    lex: &Lexicon,
    headline: bool,
) -> Option<(EntRef, usize)> {
    // A headline in the body (a link to another article, a subheading): most words capitalised.
    let words = tokens.iter().filter(|t| t.is_word).count();
    let headline = headline || (words >= 6 && tokens.iter().filter(|t| t.is_word && t.is_capitalised()).count() * 5 >= words * 4);
    // Ranks and honorifics before a known name: "Mayor Jenderal Zaw Min Tun", "Col. Gen. Alexander Fomin".
    let mut j = j;
    while tokens.get(j).is_some_and(|t| is_in(&lex.words.ranks, &t.text)) && !mentions.iter().any(|m| m.start == j) {
        j += 1;
        // "Col." is tokenised "Col" ".".
        if tokens.get(j).is_some_and(|t| t.text == ".") {
            j += 1;
        }
        // "Jenderal TNI Gatot Nurmantyo": the rank's service before the name.
        if let Some(m) = mentions.iter().find(|m| m.start == j && m.end == j + 1 && table.get(m.ent).etype != EntityType::Person) {
            if tokens.get(m.end).is_some_and(|t| t.is_word && t.is_capitalised()) {
                j = m.end;
            }
        }
    }
    // "Spokesperson for the UN Secretary-General Stéphane Dujarric": the principal's title
    // before a known person is no part of the name.
    if !mentions.iter().any(|m| m.start == j) {
        let person_from = |k: usize| mentions.iter().any(|m| m.start == k && table.get(m.ent).etype == EntityType::Person);
        if let Some(n) = (1..=4).find(|&n| person_from(j + n) && is_in(&lex.role.titles, &joined(tokens.get(j..j + n).unwrap_or(&[])))) {
            j += n;
        }
    }
    // A known person; or a first name that is also a place ("Wellington Koo") when a
    // capitalised word follows it.
    let mut place_name = None;
    if let Some(m) = mentions.iter().find(|m| m.start == j) {
        let etype = table.get(m.ent).etype;
        let name_follows = tokens.get(m.end).is_some_and(|t| t.is_word && t.is_capitalised()) && !mentions.iter().any(|o| o.start == m.end);
        if etype == EntityType::City && m.end == j + 1 && name_follows {
            place_name = Some(m.start);
        } else {
            return (etype == EntityType::Person).then_some((m.ent, m.end));
        }
    }
    let mut k = j;
    let mut name: Vec<String> = Vec::new();
    while k < tokens.len() && name.len() < 5 {
        let t = &tokens[k];
        let particle = is_in(&lex.words.name_particles, &t.lower);
        let acronym = t.text.chars().count() >= 2 && t.text.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        // "Al-Sisi", "Kim Yeon-chul": a hyphen glued to the next word.
        let hyphen = t.text == "-"
            && !name.is_empty()
            && tokens.get(k + 1).is_some_and(|n| n.is_word && n.start == t.end && t.start == tokens[k - 1].end);
        let glued = !name.is_empty() && k > j && tokens[k - 1].text == "-" && t.start == tokens[k - 1].end;
        // Ranks, honorifics and a principal's title are not part of the name: "Mayor Jenderal Zaw
        // Min Tun", "Spokesperson for the UN Secretary-General Stéphane Dujarric".
        let title_word = is_in(&lex.role.titles, &t.text) || (t.text == "-" && k > j && is_in(&lex.role.titles, &tokens[k - 1].text));
        if name.is_empty() && (is_in(&lex.words.ranks, &t.text) || title_word) {
            k += 1;
            continue;
        }
        // "Laksamana Muda M. Hasan Ali Khan": an initial and its full stop.
        let initial = t.is_word
            && t.text.chars().count() == 1
            && t.is_capitalised()
            && tokens.get(k + 1).is_some_and(|d| d.text == "." && d.start == t.end)
            && tokens.get(k + 2).is_some_and(|n| n.is_word && n.is_capitalised() && !mentions.iter().any(|m| m.start == k + 2));
        if initial {
            name.push(format!("{}.", t.text));
            k += 2;
            continue;
        }
        if hyphen
            || glued
            || (t.is_word && (t.is_capitalised() || (particle && !name.is_empty())) && !acronym && !is_in(&lex.grammar.not_name, &t.text))
        {
            // "Mohammed Javad Zarif" before the known "Javad Zarif": a given name of that person.
            if let Some(m) = mentions.iter().find(|m| m.start == k && !name.is_empty() && name.len() <= 2 && !glued) {
                if table.get(m.ent).etype == EntityType::Person {
                    return Some((m.ent, m.end));
                }
            }
            // Headlines capitalise every word: a verb there ends the name ("Menlu Retno Desak ...").
            // A name glued by a hyphen goes on over an entity's name ("al-Houthi").
            if (mentions.iter().any(|m| m.start == k) && place_name != Some(k) && !glued)
                || (headline
                    && (is_verb(&lex.words, &lowered(t))
                        || is_in(&lex.grammar.headline_stops, &t.text)
                        || is_in(&lex.words.prepositions, &t.lower)))
            {
                break;
            }
            name.push(t.text.clone());
            k += 1;
        } else {
            break;
        }
    }
    while name.last().is_some_and(|w| w == "-" || is_in(&lex.words.name_particles, w)) {
        name.pop();
        k -= 1;
    }
    // Institutions are not people: "Departemen Luar Negeri", "Dewan Keamanan".
    if name.is_empty() || name.iter().any(|w| is_in(&lex.words.institutions, w)) {
        return None;
    }
    Some((table.new_person(&name, None), k))
}

/// Are tokens `j..k` names of the known person whose mention starts at `k` ("Tayyip" before
/// "Erdogan", whose full name is "Recep Tayyip Erdoğan")?
pub(super) fn given_names_of(s: &Analysed, table: &EntityTable, j: usize, k: usize) -> bool {
    let Some(m) = s.mentions.iter().find(|m| m.start == k && table.get(m.ent).etype == EntityType::Person) else {
        return false;
    };
    let names = &table.get(m.ent).names;
    s.tokens[j..k].iter().all(|t| names.iter().any(|n| n.split_whitespace().any(|w| w == t.text)))
}

/// "kepala bidang hubungan luar negeri Uni Eropa, Federica Mogherini": a lower-case title's
/// lower-case portfolio up to the side, which a comma and a name must follow. Where the side
/// starts, or None.
pub(super) fn lower_portfolio(s: &Analysed, table: &EntityTable, i: usize, j: usize) -> Option<usize> {
    // Lower-case words, no verb; neither a preposition first ("dalam pertemuan dengan") nor a
    // head noun standing for the side ("pemerintah").
    let plain = |t: &Token| t.is_word && !t.is_capitalised() && !is_verb(s.words, t) && !is_in(&s.words.articles, &t.lower);
    if s.tokens.get(j).is_none_or(|t| is_preposition(s.words, &t.lower)) {
        return None;
    }
    let k = (j..(j + 5).min(s.tokens.len())).take_while(|&k| plain(&s.tokens[k])).last()? + 1;
    let m = s.mentions.iter().find(|m| m.start == k && !m.coref)?;
    let comma = s.tokens.get(m.end).is_some_and(|t| t.text == ",") && s.tokens.get(m.end + 1).is_some_and(|t| t.is_capitalised());
    // "Kepala kebijakan luar negeri Uni Eropa Josep Borrell", "kepala kehakiman Iran Ebrahim
    // Raisi": a known person right after the side, or two capitalised words naming no one else.
    let name = |n: usize| s.tokens.get(m.end + n).is_some_and(|t| t.is_word && t.is_capitalised());
    let other = |o: &&Mention| (o.start == m.end || o.start == m.end + 1) && table.get(o.ent).etype != EntityType::Person;
    let named = name(0) && name(1) && !s.mentions.iter().any(|o| other(&o));
    if s.tokens[i].is_capitalised() {
        return named.then_some(k);
    }
    (comma || named).then_some(k)
}

/// "Duterte" after "Presiden Filipina Rodrigo Duterte": the one person of the article so far
/// with a side whose name ends in the capitalised word at `j`.
pub(super) fn known_by_family_name(s: &Analysed, table: &EntityTable, j: usize) -> Option<EntRef> {
    let t = s.tokens.get(j).filter(|t| t.is_word && t.is_capitalised())?;
    let mut people = table
        .iter()
        .filter(|(_, e)| e.etype == EntityType::Person && e.side.is_some() && e.key.rsplit(' ').next() == Some(t.text.as_str()));
    let (p, _) = people.next()?;
    people.next().is_none().then_some(p)
}

/// The title at `i` (`len` tokens) with the words around it that belong to it: an aide's title
/// before a lower-case one ("ajudan presiden Vladimir Medinsky": the aide is named) and a
/// modifier after it ("Presiden interim Ukraina"; not "sementara itu", meanwhile).
pub(super) fn widen_title(s: &Analysed, lex: &Lexicon, mut i: usize, mut len: usize) -> (usize, usize) {
    if i > 0 && !s.tokens[i].is_capitalised() && is_in(&lex.role.principal_titles, &s.tokens[i - 1].lower) {
        (i, len) = (i - 1, len + 1);
    }
    if s.tokens.get(i + len).is_some_and(|t| is_in(&lex.role.modifiers_after, &t.lower))
        && s.tokens.get(i + len + 1).is_some_and(|t| !is_in(&s.words.demonstratives_after, &t.lower))
    {
        len += 1;
    }
    (i, len)
}

/// A capitalised word at `k`, or a name particle before one ("Fayez al Sarraj", "al-Sarraj").
pub(super) fn capitalised_or_particle(s: &Analysed, lex: &Lexicon, k: usize) -> bool {
    let cap = |k: usize| s.tokens.get(k).is_some_and(|t| t.is_word && t.is_capitalised());
    let particle = s.tokens.get(k).is_some_and(|t| is_in(&lex.words.name_particles, &t.lower));
    cap(k) || particle && (cap(k + 1) || s.tokens.get(k + 1).is_some_and(|t| t.text == "-") && cap(k + 2))
}

/// Tokens' text as written, with no spaces around a hyphen ("Secretary-General").
fn joined(tokens: &[Token]) -> String {
    let mut out = String::new();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 && t.text != "-" && tokens[k - 1].text != "-" {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
    out
}
