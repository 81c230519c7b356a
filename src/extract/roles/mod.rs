//! Roles: people introduced by a title and the side they serve ("Menteri Luar Negeri
//! Rusia Sergey Lavrov", "Wang Wenbin, juru bicara Kementerian Luar Negeri China,",
//! "timpalannya dari AS Antony Blinken"). A role is a fact; the person and its mention
//! join the entity table on the way.

mod names;

use super::entities::{EntityTable, Mention};
use super::tokens::{longest_phrase, possessive_at, possessive_before};
use super::{Analysed, Context, EntRef, Role};
use crate::lang::{is_in, EntityType, Lexicon};
use names::{appositive, capitalised_run, person_at, span_text, starts_entity};

/// People introduced by a role: persons, role facts, and mentions.
pub fn roles(ctx: &Context, sents: &mut [Analysed], table: &mut EntityTable) -> Vec<Role> {
    let mut out = Vec::new();
    for s in sents.iter_mut() {
        roles_in_sentence(ctx, s, table, &mut out);
    }
    drop_bare_titles(&mut out);
    out
}

/// A title found in a sentence, and the phrase around it.
struct Title {
    start: usize,
    /// Tokens the title matched in the lexicon (1 for a counterpart word).
    len: usize,
    /// Where the title's text ends: capitalised words after its head belong to it.
    end: usize,
    /// "timpalannya", "his counterpart": the title of the last role named.
    counterpart: bool,
    /// The side the title serves.
    side: Option<EntRef>,
    /// Where the phrase opens: before the side when it is named first ("Russian Foreign Minister").
    lead: usize,
    /// Where the person's name may start.
    name_at: usize,
}

fn roles_in_sentence(ctx: &Context, s: &mut Analysed, table: &mut EntityTable, out: &mut Vec<Role>) {
    let lex = &ctx.pack.lexicon;
    let titles = &ctx.pack.phrases().titles;
    let mut last_title: Option<String> = None;
    let mut i = 0;
    while i < s.tokens.len() {
        let counterpart = is_in(&lex.role.counterpart, &s.tokens[i].lower);
        let title_len = if counterpart { 1 } else { longest_phrase(&s.tokens, i, titles) };
        if title_len == 0 {
            i += 1;
            continue;
        }
        let t = read_title(ctx, s, table, i, title_len, counterpart);
        let title_text = if counterpart {
            last_title.clone().unwrap_or_else(|| s.tokens[i].text.clone())
        } else {
            span_text(ctx.text, &s.tokens[i..t.end])
        };
        // A title in lower case ("menteri luar negeri Rusia ...") needs the side it serves,
        // unless the name after it is a known person whose side is known ("foreign ministry
        // spokesperson Mao Ning", "junta leader Senior General Min Aung Hlaing").
        let lower_title = !counterpart && !s.tokens[i].is_capitalised();
        if lower_title && t.side.is_none() && !known_person_with_side(s, table, lex, t.name_at) {
            i += title_len;
            continue;
        }
        if !counterpart {
            last_title = Some(title_text.clone());
        }
        i = match appositive_role(ctx, s, table, &t, &title_text, out) {
            Some(next) => next,
            None => named_role(ctx, s, table, &t, title_text, out),
        };
    }
}

/// The title at token `i`: how far its text reaches, the side it serves, where the name may start.
fn read_title(ctx: &Context, s: &Analysed, table: &EntityTable, i: usize, len: usize, counterpart: bool) -> Title {
    let of_words = &ctx.pack.phrases().of_words;
    let mut end = i + len;
    let mut j = end;
    // "Menteri Unifikasi Korsel ...", "Kepala Kebijakan Luar Negeri UE ...":
    // a title head followed by capitalised words up to the side it serves.
    if !counterpart && !s.is_title {
        let k = capitalised_run(s, j);
        let institution = s.tokens.get(j).is_some_and(|t| is_in(&s.words.institution_heads, &t.lower));
        if k > j && starts_entity(s, k) && !institution {
            end = k;
            j = k;
        }
    }
    // "(Menlu)" after the title.
    if s.tokens.get(j).is_some_and(|t| t.text == "(") {
        if let Some(k) = s.tokens[j..].iter().take(6).position(|t| t.text == ")") {
            j += k + 1;
        }
    }
    let of_len = longest_phrase(&s.tokens, j, of_words);
    j += of_len;
    // "Minister of Foreign Affairs of the People's Republic of China": an article before the side.
    if of_len > 0
        && s.tokens.get(j).is_some_and(|t| is_in(&s.words.articles, &t.lower))
        && s.mentions.iter().any(|m| m.start == j + 1 && !m.coref)
    {
        j += 1;
    }
    // "Departemen Luar Negeri AS", "Kementerian Unifikasi Korsel": an institution of the side.
    if of_len == 0 && s.tokens.get(j).is_some_and(|t| is_in(&s.words.institution_heads, &t.lower)) {
        let k = capitalised_run(s, j + 1);
        if starts_entity(s, k) {
            j = k;
        }
    }
    let mut side = None;
    if let Some(m) = s.mentions.iter().find(|m| m.start == j && !m.coref) {
        let ent = table.get(m.ent);
        if matches!(ent.etype, EntityType::Country | EntityType::Organization | EntityType::Group) {
            side = Some(m.ent);
            j = m.end;
        } else if let Some(c) = ent.capital_of {
            side = Some(c);
            j = m.end;
        }
    }
    let mut lead = i;
    if side.is_none() && !counterpart {
        if let Some((e, start)) = side_named_first(s, table, of_words, i) {
            side = Some(e);
            lead = start;
        }
    }
    // "Blinken, the U.S. secretary of state,": the appositive opens with an article.
    if lead > 1 && is_in(&s.words.articles, &s.tokens[lead - 1].lower) {
        lead -= 1;
    }
    if side.is_some() {
        j = past_side(s, j);
    }
    Title { start: i, len, end, counterpart, side, lead, name_at: j }
}

/// English names the side first: "Russian Foreign Minister ...", "U.S. Secretary of
/// State ...", "Chinese Foreign Ministry spokesperson ...", "China's top diplomat ...".
/// The side and the token where it starts.
fn side_named_first(s: &Analysed, table: &EntityTable, of_words: &[Vec<String>], i: usize) -> Option<(EntRef, usize)> {
    let mut k = i;
    for of in of_words {
        if k >= of.len() && s.tokens[k - of.len()..k].iter().zip(of).all(|(t, w)| t.lower == *w) {
            k -= of.len();
            break;
        }
    }
    if k >= 3 {
        if let Some(at) = possessive_before(&s.tokens, k) {
            k = at;
        }
    }
    let m = s.mentions.iter().find(|m| m.end == k && !m.coref)?;
    matches!(table.get(m.ent).etype, EntityType::Country | EntityType::Organization | EntityType::Group).then_some((m.ent, m.start))
}

/// Past what may follow a side before the name: "(AS)", "untuk Korea Utara", "'s Taiwan Affairs Office,".
fn past_side(s: &Analysed, mut j: usize) -> usize {
    // "Amerika Serikat (AS) Antony Blinken"
    if s.tokens.get(j).is_some_and(|t| t.text == "(") {
        if let Some(k) = s.tokens[j..].iter().position(|t| t.text == ")") {
            if k <= 4 {
                j += k + 1;
            }
        }
    }
    // "Utusan Khusus AS untuk Korea Utara Stephen Biegun"
    if s.tokens.get(j).is_some_and(|t| is_in(&s.words.role_for, &t.lower)) {
        if let Some(m) = s.mentions.iter().find(|m| m.start == j + 1) {
            j = m.end;
        }
    }
    // "spokeswoman for China's Taiwan Affairs Office,": an institution of the side.
    if let Some(n) = possessive_at(&s.tokens, j) {
        let mut k = j + n;
        while k < s.tokens.len() && k < j + 7 && s.tokens[k].is_word && s.tokens[k].is_capitalised() {
            k += 1;
        }
        if k > j + n && s.tokens.get(k).is_some_and(|t| t.text == "," || t.text == ".") {
            j = k;
        }
    }
    j
}

/// A known person whose side is known at token `j` (after ranks: "Senior General Min Aung Hlaing").
fn known_person_with_side(s: &Analysed, table: &EntityTable, lex: &Lexicon, j: usize) -> bool {
    let mut k = j;
    while s.tokens.get(k).is_some_and(|t| is_in(&lex.words.ranks, &t.text) || t.text == ".") {
        k += 1;
    }
    s.mentions.iter().any(|m| m.start == k && !m.coref && table.get(m.ent).etype == EntityType::Person && table.get(m.ent).side.is_some())
}

/// "Wang Wenbin, juru bicara Kementerian Luar Negeri China, mengatakan ...": the name before
/// the title. Returns where to go on when it made the role.
fn appositive_role(ctx: &Context, s: &mut Analysed, table: &mut EntityTable, t: &Title, title: &str, out: &mut Vec<Role>) -> Option<usize> {
    let lex = &ctx.pack.lexicon;
    // The appositive is read (and its name learnt) even when the title cannot use it.
    let (person, name_start) =
        appositive(&s.tokens, &s.mentions, t.lead, t.name_at, table, lex).filter(|_| t.side.is_some() && !t.counterpart)?;
    let j = t.name_at;
    let name: Vec<String> = s.tokens[name_start..t.lead - 1].iter().map(|t| t.text.clone()).filter(|t| t != "-").collect();
    table.add_short_names(&name, person);
    table.set_side_if_unknown(person, t.side);
    s.mentions.retain(|m| m.end <= name_start || m.start >= j);
    s.mentions.push(Mention { ent: person, start: name_start, end: j, coref: false });
    s.mentions.sort_by_key(|m| m.start);
    if let Some(of) = t.side {
        out.push(Role { person, title: title.to_string(), of, evidence: ctx.evidence(s, "role.appositive", 0.85) });
    }
    Some(j)
}

/// The person named after the title ("Menlu Rusia Sergey Lavrov", "kata juru bicara Kemlu
/// China, Wang Wenbin"). Returns where to go on.
fn named_role(ctx: &Context, s: &mut Analysed, table: &mut EntityTable, t: &Title, title: String, out: &mut Vec<Role>) -> usize {
    let lex = &ctx.pack.lexicon;
    let mut j = t.name_at;
    // The name after a comma (not in headlines).
    if t.side.is_some()
        && !s.is_title
        && s.tokens.get(j).is_some_and(|t| t.text == ",")
        && s.tokens.get(j + 1).is_some_and(|t| t.is_word && t.is_capitalised() && !is_in(&lex.grammar.not_name, &t.text))
        && s.tokens.get(j + 2).is_some_and(|t| t.is_word && t.is_capitalised())
    {
        j += 1;
    }
    let Some((person, name_end)) = person_at(&s.tokens, &s.mentions, j, table, lex, s.is_title) else {
        return t.start + t.len;
    };
    let name: Vec<String> = s.tokens[j..name_end].iter().map(|t| t.text.clone()).filter(|t| t != "-").collect();
    if !name.is_empty() {
        table.add_short_names(&name, person);
    }
    // A known person serving another side than the title's is a misparse
    // ("Bertemu Menlu Jepang, Retno minta ..."): no role from it.
    let known = table.get(person).side;
    if !t.counterpart && known.is_some() && t.side.is_some() && known != t.side {
        return name_end;
    }
    table.set_side_if_unknown(person, t.side);
    let side = t.side.or(table.get(person).side);
    s.mentions.retain(|m| m.end <= t.start || m.start >= name_end);
    s.mentions.push(Mention { ent: person, start: t.start, end: name_end, coref: false });
    s.mentions.sort_by_key(|m| m.start);
    if let Some(of) = side {
        let (rule, confidence) = if t.counterpart { ("role.counterpart", 0.6) } else { ("role.title-name", 0.9) };
        out.push(Role { person, title, of, evidence: ctx.evidence(s, rule, confidence) });
    }
    name_end
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

#[cfg(test)]
mod tests;
