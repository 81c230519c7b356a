//! Roles: people introduced by a title and the side they serve ("Menteri Luar Negeri
//! Rusia Sergey Lavrov", "Wang Wenbin, juru bicara Kementerian Luar Negeri China,",
//! "timpalannya dari AS Antony Blinken"). A role is a fact; the person and its mention
//! join the entity table on the way.

mod cleanup;
mod copula;
mod home;
mod lists;
mod names;
mod orgs;
mod principal;
mod respective;
mod sides;

use super::clauses::is_verb;
use super::entities::{EntityTable, Mention};
use super::tokens::longest_phrase;
use super::{Analysed, Context, EntRef, Role};
use crate::lang::{is_in, EntityType};
use copula::copular_role;
use home::{document_home, home_side_for, Home};
use names::{
    appositive, capitalised_or_particle, capitalised_run, given_names_of, lower_portfolio, name_person, person_at, span_text, starts_entity,
};
use principal::principal_role;
use sides::{
    acronym_after, joint_organisation, known_person_with_side, known_side, past_side, person_at_token, side_after_name,
    side_closing_appositive, side_named_first,
};

/// People introduced by a role: persons, role facts, and mentions.
pub fn roles(ctx: &Context, sents: &mut [Analysed], table: &mut EntityTable) -> Vec<Role> {
    let mut out = Vec::new();
    let home = document_home(ctx, sents, table);
    let mut after_number = false;
    for s in sents.iter_mut() {
        // A readout's participant list ("- Name, Title, Body - Name, …") is read item by item.
        let mut listed = home.as_ref().filter(|h| h.statement && !s.is_title).map_or(0, |h| lists::list_roles(ctx, s, table, h, &mut out));
        // A numbered list ("1. Name, Title of Body 2. Name, …"): the splitter makes each item a sentence.
        let numbered = after_number || lists::ends_with_number(s);
        after_number = lists::ends_with_number(s);
        if listed == 0 && numbered && !s.is_title {
            listed = lists::numbered_item(ctx, s, table, home.as_ref(), &mut out);
        }
        if listed == 0 {
            roles_in_sentence(ctx, s, table, home.as_ref(), &mut out);
        }
    }
    cleanup::tidy(ctx, sents, table, &mut out);
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
    /// How the side was found when not in the phrase itself ("role.title-name-shared", ...).
    side_rule: Option<&'static str>,
}

/// The last role named in a sentence with its side in the phrase: a partner joined to it
/// ("Menhan Jepang X bersama Menlu Y") may share that side.
struct Shared {
    side: EntRef,
    title: String,
    end: usize,
}

fn roles_in_sentence(ctx: &Context, s: &mut Analysed, table: &mut EntityTable, home: Option<&Home>, out: &mut Vec<Role>) {
    let lex = &ctx.pack.lexicon;
    let titles = &ctx.pack.phrases().titles;
    let mut last_title: Option<String> = None;
    let mut shared: Option<Shared> = None;
    let mut i = 0;
    while i < s.tokens.len() {
        let counterpart = is_in(&lex.role.counterpart, &s.tokens[i].lower);
        let mut title_len = if counterpart { 1 } else { longest_phrase(&s.tokens, i, titles) };
        // "Wakil Duta Besar", "Deputy Special Envoy": a deputy of any title.
        if !counterpart && is_in(&lex.role.deputy, &s.tokens[i].lower) {
            let after = longest_phrase(&s.tokens, i + 1, titles);
            if after > 0 {
                title_len = title_len.max(after + 1);
            }
        }
        // "Foreign Ministers of Armenia and Azerbaijan, X and Y": each serves one side, in order.
        let len = title_len.max(longest_phrase(&s.tokens, i, &ctx.pack.phrases().plural_titles));
        if let Some(next) = (!counterpart && len > 0).then(|| respective::respective_roles(ctx, s, table, (i, len), out)).flatten() {
            i = next;
            continue;
        }
        if title_len == 0 {
            i += 1;
            continue;
        }
        if !counterpart {
            (i, title_len) = names::widen_title(s, lex, i, title_len);
        }
        if let Some(next) = title_in_name(ctx, s, table, i, title_len, out) {
            i = next;
            continue;
        }
        if let Some(next) = principal_role(ctx, s, table, (i, title_len), out) {
            i = next;
            continue;
        }
        let mut t = read_title(ctx, s, table, i, title_len, counterpart);
        if t.side.is_none() && !counterpart {
            if let Some(e) = own_side(ctx, s, home, t.lead) {
                (t.side, t.side_rule) = (Some(e), Some("role.title-name-own"));
            } else if let Some(e) = shared_side(ctx, s, shared.as_ref(), &t) {
                (t.side, t.side_rule) = (Some(e), Some("role.title-name-shared"));
            }
        }
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
        let before = out.len();
        i = match appositive_role(ctx, s, table, &t, &title_text, out) {
            Some(next) => next,
            None => named_role(ctx, s, table, &t, home, title_text.clone(), out),
        };
        if out.len() == before && !counterpart && t.side_rule.is_none() {
            if let Some(side) = t.side {
                copular_role(ctx, s, table, t.start, side, &title_text, out);
            }
        }
        // Only a side named in the phrase itself is shared with a partner.
        if out.len() > before && t.side_rule.is_none() && !counterpart {
            if let Some(side) = t.side {
                shared = Some(Shared { side, title: title_text.to_lowercase(), end: i });
            }
        }
    }
}

/// "Raja Salman", "King Salman": a known person named with the title of its office (the
/// gazetteer's name holds the title). The role, and where to go on.
fn title_in_name(ctx: &Context, s: &Analysed, table: &EntityTable, i: usize, len: usize, out: &mut Vec<Role>) -> Option<usize> {
    let m = s.mentions.iter().find(|m| m.start == i && m.end > i + len && !m.coref)?;
    let person = table.get(m.ent);
    let side = person.side.filter(|_| person.etype == EntityType::Person)?;
    let (_, def) = table.gazetteer().get(&person.key)?;
    let title = span_text(ctx.text, &s.tokens[i..i + len]);
    let office = [&def.role_id, &def.role_en].into_iter().flatten().any(|o| o.eq_ignore_ascii_case(&title));
    office.then(|| {
        out.push(Role { person: m.ent, title, of: side, evidence: ctx.evidence(s, "role.title-in-name", 0.9) });
        m.end
    })
}

/// "my Special Envoy for Yemen" in a government's statement: the author's side.
fn own_side(ctx: &Context, s: &Analysed, home: Option<&Home>, lead: usize) -> Option<EntRef> {
    let home = home.filter(|h| h.statement)?;
    (lead > 0 && is_in(&ctx.pack.lexicon.role.own_possessives, &s.tokens[lead - 1].lower)).then_some(home.side)
}

/// "Menteri Pertahanan Jepang X bersama Menlu Y", "President Ortega and his wife, Vice President
/// Murillo": the partner's side, when only a joiner and a few lower-case words stand between
/// the two, and the titles differ (two presidents serve two sides).
fn shared_side(ctx: &Context, s: &Analysed, shared: Option<&Shared>, t: &Title) -> Option<EntRef> {
    let shared = shared?;
    if t.lead < shared.end || t.lead - shared.end > 5 {
        return None;
    }
    let gap = &s.tokens[shared.end..t.lead];
    let joiners = &ctx.pack.lexicon.role.shared_side_joiners;
    let joined = gap.first().is_some_and(|w| is_in(joiners, &w.lower));
    let plain = gap.iter().all(|w| w.text == "," || (w.is_word && !w.is_capitalised() && !is_verb(s.words, w)));
    let title = span_text(ctx.text, &s.tokens[t.start..t.start + t.len]).to_lowercase();
    (joined && plain && shared.title != title).then_some(shared.side)
}

/// The title at token `i`: how far its text reaches, the side it serves, where the name may start.
fn read_title(ctx: &Context, s: &Analysed, table: &mut EntityTable, i: usize, len: usize, counterpart: bool) -> Title {
    let of_words = &ctx.pack.phrases().of_words;
    let mut end = i + len;
    let mut j = end;
    // "Menteri Unifikasi Korsel ...", "Kepala Kebijakan Luar Negeri UE ...":
    // a title head followed by capitalised words up to the side it serves.
    if !counterpart && !s.is_title {
        let k = capitalised_run(s, j, &ctx.pack.phrases().titles);
        let institution = s.tokens.get(j).is_some_and(|t| is_in(&s.words.institution_heads, &t.lower));
        if k > j && starts_entity(s, k) && !institution {
            // "President Tayyip Erdogan": given names of the known person after them are no title.
            if !given_names_of(s, table, j, k) {
                end = k;
            }
            j = k;
        } else if let Some(p) = joined_portfolio(ctx, s, j, k) {
            end = p;
            j = p;
        } else if let Some(p) =
            lower_portfolio(s, table, i, j).filter(|_| !s.tokens.get(j).is_some_and(|t| is_in(&s.words.role_for, &t.lower)))
        {
            // Not "special envoy for North Korea, X": what "for" names is the portfolio.
            end = p;
            j = p;
        }
    }
    // "(Menlu)" after the title.
    if s.tokens.get(j).is_some_and(|t| t.text == "(") {
        if let Some(k) = s.tokens[j..].iter().take(6).position(|t| t.text == ")") {
            j += k + 1;
        }
    }
    let of_len = longest_phrase(&s.tokens, j, of_words);
    // "Special Envoy for Yemen": the portfolio, not the side served.
    let portfolio = of_len > 0
        && is_in(&s.words.role_for, &s.tokens[j].lower)
        && ctx
            .pack
            .phrases()
            .portfolio_titles
            .iter()
            .any(|p| p.len() <= len && s.tokens[i + len - p.len()..i + len].iter().zip(p).all(|(t, w)| t.lower == *w));
    if portfolio {
        let (side, lead) = side_named_first(s, table, of_words, i).map_or((None, i), |(e, start)| (Some(e), start));
        if let Some(m) = s.mentions.iter().find(|m| m.start == j + 1 && !m.coref) {
            let j = m.end;
            return Title { start: i, len, end: j, counterpart, side, lead, name_at: j, side_rule: None };
        }
        // "Special Representative for International Cooperation Erzhan Kazykhan": where the
        // portfolio's capitalised words end and an unknown name starts is a guess; only a
        // known person after them is the holder.
        let run_end = capitalised_run(s, j + 1, &ctx.pack.phrases().titles);
        if run_end > j + 1 {
            let known = s.mentions.iter().any(|m| m.start == run_end && !m.coref && table.get(m.ent).etype == EntityType::Person);
            let name_at = if known { run_end } else { s.tokens.len() };
            return Title { start: i, len, end: run_end, counterpart, side, lead, name_at, side_rule: None };
        }
    }
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
        let k = capitalised_run(s, j + 1, &ctx.pack.phrases().titles);
        if starts_entity(s, k) {
            j = k;
        }
    }
    // "Juru bicara pemerintah Kanada": a head noun standing for the side before its name.
    if of_len == 0
        && s.tokens.get(j).is_some_and(|t| is_in(&s.words.articles, &t.lower))
        && s.mentions.iter().any(|m| m.start == j + 1 && !m.coref && table.get(m.ent).etype == EntityType::Country)
    {
        j += 1;
    }
    let mut side = None;
    if let Some(m) = s.mentions.iter().find(|m| m.start == j && !m.coref) {
        let ent = table.get(m.ent);
        if table.serves(m.ent) {
            side = Some(m.ent);
            // "President of the ECOWAS Commission, X": the side's own body closes the title.
            j = m.end + usize::from(of_len > 0 && s.tokens.get(m.end).is_some_and(|t| is_in(&s.words.institutions, &t.text)));
            // "Utusan PBB dan Liga Arab, Kofi Annan": a joint post of two organisations.
            if let Some(second) = joint_organisation(s, table, m.ent, j) {
                j = second;
            }
        } else if let Some(c) = ent.capital_of {
            side = Some(c);
            j = m.end;
        }
    }
    let mut lead = i;
    // "his Indian counterpart X": a side alone right before it (not "his U.S. and Japanese counterparts").
    let alone = |m: &Mention| m.end == i && !(m.start > 0 && is_in(&s.words.coordinators, &s.tokens[m.start - 1].lower));
    let adjacent = !counterpart || s.mentions.iter().any(alone);
    if let Some((e, start)) = side_named_first(s, table, of_words, i).filter(|_| side.is_none() && adjacent) {
        (side, lead) = (Some(e), start);
    }
    // "juru bicara kementerian, Geng Shuang": a known person with a known side named after
    // a title that names no side (an institution told before), set off by a comma.
    if side.is_none() && !counterpart {
        let k = j + usize::from(s.tokens.get(j).is_some_and(|t| is_in(&s.words.institution_heads, &t.lower)));
        let person = |m: &&Mention| m.start == k + 1 && !m.coref && table.get(m.ent).etype == EntityType::Person;
        let comma = s.tokens.get(k).is_some_and(|t| t.text == ",");
        if let Some(e) = s.mentions.iter().find(person).filter(|_| comma).and_then(|m| table.get(m.ent).side) {
            return Title {
                start: i,
                len,
                end: k,
                counterpart,
                side: Some(e),
                lead,
                name_at: k + 1,
                side_rule: Some("role.title-known-name"),
            };
        }
    }
    // "John Smith, Direktur Kantor Kontrol Aset-aset LN Kementerian Keuangan AS.": in an
    // appositive, the side closing it after a long portfolio.
    if side.is_none() && !counterpart && !s.is_title && i > 0 && s.tokens[i - 1].text == "," {
        if let Some((e, k, side_start)) = side_closing_appositive(s, table, j) {
            return Title { start: i, len, end: side_start, counterpart, side: Some(e), lead, name_at: k, side_rule: None };
        }
    }
    if side.is_none() && !counterpart && !s.is_title && of_len == 0 {
        if let Some((org, name_at)) = orgs::org_after_title(ctx, s, table, j) {
            return Title { start: i, len, end, counterpart, side: Some(org), lead, name_at, side_rule: Some("role.title-org-name") };
        }
    }
    // "Blinken, the U.S. secretary of state,": the appositive opens with an article.
    if lead > 1 && is_in(&s.words.articles, &s.tokens[lead - 1].lower) {
        lead -= 1;
    }
    if let Some((org, k)) = side.and_then(|e| acronym_after(s, table, e, j)) {
        side = Some(org);
        j = k;
    }
    let portfolio_after_of = lead != i && of_len > 0 && j == end + of_len && !s.mentions.iter().any(|m| m.start == j);
    if side.is_some() && portfolio_after_of && s.tokens.get(j).is_some_and(|t| t.is_word && t.is_capitalised()) {
        // "Slovak Minister of Foreign and European Affairs X": after a side named first, capitalised
        // words after "of" are the title's portfolio; a known person after them holds it, else no guess.
        let portfolio = |m: &&Mention| s.tokens[j..m.start].iter().all(|w| w.is_capitalised() || is_in(&s.words.coordinators, &w.lower));
        let person = |m: &&Mention| m.start > j && m.start <= j + 8 && !m.coref && table.get(m.ent).etype == EntityType::Person;
        let known = s.mentions.iter().filter(person).find(portfolio);
        (end, j) = known.map_or((end, s.tokens.len()), |m| (m.start, m.start));
    } else if side.is_some() {
        j = past_side(s, table, j);
    } else if of_len > 0 && j == end + of_len {
        // "Vice President of Policy & Partnerships": what follows the "of" is no name.
        j -= of_len;
    }
    Title { start: i, len, end, counterpart, side, lead, name_at: j, side_rule: None }
}

/// "Menteri Kelautan dan Perikanan Susi Pudjiastuti", "Menteri Hukum dan HAM, Yasonna Laoly":
/// a portfolio of two words joined by a coordinator belongs to the title. Where it ends.
fn joined_portfolio(ctx: &Context, s: &Analysed, j: usize, run_end: usize) -> Option<usize> {
    let joiner = s.tokens.get(j + 1).is_some_and(|t| is_in(&s.words.coordinators, &t.lower));
    let after = j + 3;
    let next_is_name = s.tokens.get(after).is_some_and(|t| t.text == "," || (t.is_word && t.is_capitalised()));
    let title_next = longest_phrase(&s.tokens, j + 2, &ctx.pack.phrases().titles) > 0;
    (joiner && run_end >= after && next_is_name && !title_next && !starts_entity(s, j + 2)).then_some(after)
}

/// "Wang Wenbin, juru bicara Kementerian Luar Negeri China, mengatakan ...": the name before
/// the title. Returns where to go on when it made the role.
fn appositive_role(ctx: &Context, s: &mut Analysed, table: &mut EntityTable, t: &Title, title: &str, out: &mut Vec<Role>) -> Option<usize> {
    let lex = &ctx.pack.lexicon;
    // The appositive is read (and its name learnt) even when the title cannot use it.
    // "Presiden Azerbaijan, Ilham Aliyev, Perdana Menteri Armenia, …": a name that just got its title holds no next one.
    let titled = |p: EntRef| out.iter().any(|r| r.person == p && r.evidence.sentence == s.index);
    // "A, the President of the Assembly, B, and …": a list of titled names; B holds the title.
    let comma = |k: usize| s.tokens.get(k).is_some_and(|w| w.text == ",");
    if comma(t.name_at) && person_at(&s.tokens, &s.mentions, t.name_at + 1, table, lex, s.is_title).is_some_and(|(_, end)| comma(end)) {
        return None;
    }
    // "Penny Wong, the Foreign Minister,": a title naming no side serves a known person's side.
    let (person, name_start, side) = appositive(&s.tokens, &s.mentions, t.lead, t.name_at, table, lex)
        .filter(|&(p, _)| !t.counterpart && !titled(p))
        .and_then(|(p, start)| Some((p, start, t.side.or_else(|| known_side(table, p))?)))?;
    let j = t.name_at;
    let name: Vec<String> = s.tokens[name_start..t.lead - 1].iter().map(|t| t.text.clone()).filter(|t| t != "-").collect();
    table.add_short_names(&name, person);
    table.set_side_if_unknown(person, Some(side));
    name_person(s, person, name_start, j);
    out.push(Role { person, title: title.to_string(), of: side, evidence: ctx.evidence(s, "role.appositive", 0.85) });
    Some(j)
}

/// The person named after the title ("Menlu Rusia Sergey Lavrov", "kata juru bicara Kemlu
/// China, Wang Wenbin"). Returns where to go on.
fn named_role(
    ctx: &Context,
    s: &mut Analysed,
    table: &mut EntityTable,
    t: &Title,
    home: Option<&Home>,
    title: String,
    out: &mut Vec<Role>,
) -> usize {
    let lex = &ctx.pack.lexicon;
    let mut j = t.name_at;
    // A domestic title with no side: the document's own side ("Menteri Keuangan Sri Mulyani").
    let home_side = home.filter(|_| t.side.is_none() && !t.counterpart).and_then(|h| home_side_for(ctx, s, table, h, t.start, t.len));
    // The name after a comma (not in headlines).
    let comma = (t.side.is_some() || home_side.is_some())
        && !s.is_title
        && s.tokens.get(j).is_some_and(|t| t.text == ",")
        && s.tokens.get(j + 1).is_some_and(|t| t.is_word && t.is_capitalised() && !is_in(&lex.grammar.not_name, &t.text))
        && (capitalised_or_particle(s, lex, j + 2) || person_at_token(s, table, j + 1));
    if comma {
        // "kepala Dewan Syura Iran, Ketua Parlemen X": a second title before the name.
        let second = longest_phrase(&s.tokens, j + 1, &ctx.pack.phrases().titles);
        j += 1 + second * usize::from(s.tokens.get(j + 1 + second).is_some_and(|t| t.is_word && t.is_capitalised()));
    }
    let Some((person, name_end)) = person_at(&s.tokens, &s.mentions, j, table, lex, s.is_title) else {
        return t.start + t.len;
    };
    // "Direktur Perlindungan WNI Kemlu X": a new name that an acronym follows is the office's
    // portfolio read as a name; where the name starts is a guess.
    let acronym_after = s.tokens.get(name_end).is_some_and(|t| t.text.chars().count() >= 2 && t.text.chars().all(|c| c.is_uppercase()));
    if acronym_after && table.get(person).side.is_none() && !s.mentions.iter().any(|m| m.start == j) {
        return t.start + t.len;
    }
    let name: Vec<String> = s.tokens[j..name_end].iter().map(|t| t.text.clone()).filter(|t| t != "-").collect();
    // "Amir Abdollahian" for "Hossein Amir Abdollahian": the title word is part of the name.
    let written = format!(" {} {} ", span_text(ctx.text, &s.tokens[t.start..t.start + t.len]), name.join(" "));
    if name.len() < 3 && format!(" {} ", table.get(person).key).contains(&written) {
        return name_end;
    }
    if !name.is_empty() {
        table.add_short_names(&name, person);
    }
    // "Foreign Minister Simon Coveney of Ireland": the side after the name.
    let after = if t.side.is_none() && !t.counterpart { side_after_name(ctx, s, table, name_end) } else { None };
    let named = t.side.or(after.map(|(e, _)| e));
    // A known person serving another side than the title's is a misparse
    // ("Bertemu Menlu Jepang, Retno minta ..."): no role from it. Not when the name follows
    // the side at once in running text ("Perdana Menteri Belanda Mark Rutte"): people
    // change offices, and the article's own words are the better witness of when.
    let known = table.get(person).side;
    let adjacent = !comma && !s.is_title && t.side.is_some() && after.is_none();
    if !t.counterpart && known.is_some() && named.is_some() && known != named && !adjacent && !office_names(table, person, named) {
        return name_end;
    }
    let home_side = home_side.filter(|_| named.is_none() && known.is_none() && name.len() <= 4);
    match named {
        Some(side) if adjacent && !t.counterpart && known != named => table.set_side(person, side),
        _ => table.set_side_if_unknown(person, named.or(home_side)),
    }
    let side = named.or(known).or(home_side);
    let name_end = after.map_or(name_end, |(_, end)| end);
    // The second organisation of a joint post ("Utusan PBB dan Liga Arab, X") holds it too.
    let joint = t.side.and_then(|first| {
        s.mentions.iter().find(|m| m.start > t.start && m.start < j && joint_organisation(s, table, first, m.start - 1) == Some(m.end))
    });
    if let (Some(m), Some(_)) = (joint, side) {
        out.push(Role { person, title: title.clone(), of: m.ent, evidence: ctx.evidence(s, "role.title-name", 0.85) });
    }
    name_person(s, person, t.start, name_end);
    if let Some(of) = side {
        let (rule, confidence) = if t.counterpart {
            ("role.counterpart", 0.6)
        } else if let Some(rule) = t.side_rule {
            (rule, 0.8)
        } else if after.is_some() {
            ("role.title-name-of", 0.85)
        } else if named.is_none() && known.is_none() {
            ("role.title-name-home", 0.75)
        } else {
            ("role.title-name", 0.9)
        };
        let evidence = ctx.evidence(s, rule, confidence);
        out.push(Role { person, title: title.clone(), of, evidence: evidence.clone() });
        // "European Commission Executive Vice Presidents A and B": B holds it for the side too.
        if let Some((second, end)) = t.side.is_some().then(|| second_holder(ctx, s, table, &title, name_end)).flatten() {
            table.set_side_if_unknown(second, Some(of));
            name_person(s, second, name_end + 1, end);
            out.push(Role { person: second, title, of, evidence });
            return end;
        }
    }
    name_end
}

/// After a plural title's first holder ending at `name_end`: a coordinator and a second name
/// closing the phrase (punctuation or the sentence's end after it). The person and where the name ends.
fn second_holder(ctx: &Context, s: &Analysed, table: &mut EntityTable, title: &str, name_end: usize) -> Option<(EntRef, usize)> {
    let plural = ctx.pack.lexicon.role.plural_titles.iter().any(|p| p.eq_ignore_ascii_case(title));
    if !plural || !s.tokens.get(name_end).is_some_and(|t| is_in(&s.words.coordinators, &t.lower)) {
        return None;
    }
    let (person, end) = person_at(&s.tokens, &s.mentions, name_end + 1, table, &ctx.pack.lexicon, s.is_title)?;
    let closes = s.tokens.get(end).is_none_or(|t| !t.is_word);
    (closes && table.get(person).etype == EntityType::Person && table.get(person).side.is_none()).then_some((person, end))
}

/// The known office of a person names the side: "European Commission President Ursula von der
/// Leyen" (side EU in the gazetteer, office "President of the European Commission").
fn office_names(table: &EntityTable, person: EntRef, side: Option<EntRef>) -> bool {
    let Some(side) = side else { return false };
    let Some((_, def)) = table.gazetteer().get(&table.get(person).key) else { return false };
    let names = &table.get(side).names;
    [&def.role_en, &def.role_id].into_iter().flatten().any(|office| names.iter().any(|n| n.len() > 3 && office.contains(n.as_str())))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod joint_tests;

#[cfg(test)]
#[path = "title_words_tests.rs"]
mod title_words_tests;
