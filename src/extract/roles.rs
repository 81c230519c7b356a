//! Roles: people introduced by a title and the side they serve ("Menteri Luar Negeri
//! Rusia Sergey Lavrov", "Wang Wenbin, juru bicara Kementerian Luar Negeri China,",
//! "timpalannya dari AS Antony Blinken"). A role is a fact; the person and its mention
//! join the entity table on the way.

use super::clauses::is_verb;
use super::entities::{EntityTable, Mention};
use super::tokens::{longest_phrase, possessive_at, possessive_before, Token};
use super::{Analysed, Context, EntRef, Role};
use crate::lang::{is_in, EntityType, Lexicon};

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

fn starts_entity(s: &Analysed, k: usize) -> bool {
    s.mentions.iter().any(|m| m.start == k)
}

/// Capitalised words from token `from`, joined by a coordinator ("Sumber Daya Air dan Irigasi"),
/// up to an entity: where the run ends.
fn capitalised_run(s: &Analysed, from: usize) -> usize {
    let mut k = from;
    while k < s.tokens.len() && k < from + 6 && !starts_entity(s, k) {
        let t = &s.tokens[k];
        let joiner = k > from
            && is_in(&s.words.coordinators, &t.lower)
            && s.tokens.get(k + 1).is_some_and(|n| n.is_word && n.is_capitalised() && !starts_entity(s, k + 1));
        if !(t.is_word && t.is_capitalised() || joiner) {
            break;
        }
        k += 1;
    }
    k
}

/// "NAME, TITLE SIDE ,": the person named right before a title set off by commas.
/// Returns the person and the token where the name starts.
fn appositive(
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

fn span_text(text: &str, toks: &[Token]) -> String {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => text[a.start..b.end].to_string(),
        _ => String::new(),
    }
}

/// A person's name starting at token `j`: a known person, or capitalised words.
fn person_at(
    tokens: &[Token],
    mentions: &[Mention],
    j: usize,
    table: &mut EntityTable,
    lex: &Lexicon,
    headline: bool,
) -> Option<(EntRef, usize)> {
    // Ranks and honorifics before a known name: "Mayor Jenderal Zaw Min Tun", "Col. Gen. Alexander Fomin".
    let mut j = j;
    while tokens.get(j).is_some_and(|t| is_in(&lex.words.ranks, &t.text)) && !mentions.iter().any(|m| m.start == j) {
        j += 1;
        // "Col." is tokenised "Col" ".".
        if tokens.get(j).is_some_and(|t| t.text == ".") {
            j += 1;
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
        // Ranks and honorifics are not part of the name: "Mayor Jenderal Zaw Min Tun".
        if name.is_empty() && is_in(&lex.words.ranks, &t.text) {
            k += 1;
            continue;
        }
        if hyphen
            || glued
            || (t.is_word && (t.is_capitalised() || (particle && !name.is_empty())) && !acronym && !is_in(&lex.grammar.not_name, &t.text))
        {
            // Headlines capitalise every word: a verb there ends the name ("Menlu Retno Desak ...").
            if (mentions.iter().any(|m| m.start == k) && place_name != Some(k)) || (headline && is_verb(&lex.words, &lowered(t))) {
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

#[cfg(test)]
mod tests {
    use super::roles;
    use crate::extract::test_support::{analysed, Run};
    use crate::extract::Context;

    /// (person, title, side, rule) of every role found.
    fn found(run: &mut Run) -> Vec<(String, String, String, &'static str)> {
        let ctx = Context { pack: run.pack, text: &run.norm.text, published: None, dateline_city: None };
        let found = roles(&ctx, &mut run.sents, &mut run.table);
        found.iter().map(|r| (run.key(r.person).to_string(), r.title.clone(), run.key(r.of).to_string(), r.evidence.rule)).collect()
    }

    fn row(person: &str, title: &str, side: &str, rule: &'static str) -> (String, String, String, &'static str) {
        (person.to_string(), title.to_string(), side.to_string(), rule)
    }

    #[test]
    fn a_title_then_its_side_then_a_new_name() {
        let mut run = analysed("id", "", "Menteri Luar Negeri Filipina Budi Santoso mengatakan pembicaraan berjalan baik.");
        assert_eq!(found(&mut run), vec![row("Budi Santoso", "Menteri Luar Negeri", "Philippines", "role.title-name")]);
        assert_eq!(run.at(0, "Menteri"), vec!["Budi Santoso"]);
    }

    #[test]
    fn a_name_before_a_title_set_off_by_commas() {
        let mut run = analysed("en", "", "Tom Becker, the U.S. envoy, said the offer stood.");
        let roles = found(&mut run);
        assert_eq!(roles.len(), 1, "{roles:?}");
        assert_eq!((roles[0].0.as_str(), roles[0].2.as_str(), roles[0].3), ("Tom Becker", "United States", "role.appositive"));
    }

    #[test]
    fn a_lower_case_title_without_a_side_is_no_role() {
        let mut run = analysed("id", "", "Seorang menteri luar negeri mengatakan pembicaraan berjalan baik.");
        assert!(found(&mut run).is_empty());
    }

    #[test]
    fn a_counterpart_takes_the_last_title() {
        let mut run =
            analysed("id", "", "Menteri Luar Negeri Filipina Budi Santoso bertemu timpalannya dari Jepang Hiro Tanaka di Manila.");
        assert_eq!(
            found(&mut run),
            vec![
                row("Budi Santoso", "Menteri Luar Negeri", "Philippines", "role.title-name"),
                row("Hiro Tanaka", "Menteri Luar Negeri", "Japan", "role.counterpart"),
            ]
        );
    }
}
