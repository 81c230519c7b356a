//! Where a title's side is named: before it ("Russian Foreign Minister"), right after it
//! and past what may follow ("Konsul Jenderal RI di Istanbul, Turki,"), in brackets after it
//! ("PBB (IAEA)"), closing an appositive, or after the holder's name ("X of Ireland").

use super::super::entities::{EntityTable, Mention};
use super::super::tokens::{possessive_at, possessive_before};
use super::super::{Analysed, Context, EntRef};
use crate::lang::{is_in, EntityType, Lexicon};

/// English names the side first: "Russian Foreign Minister ...", "U.S. Secretary of
/// State ...", "Chinese Foreign Ministry spokesperson ...", "China's top diplomat ...".
/// The side and the token where it starts.
pub(super) fn side_named_first(s: &Analysed, table: &EntityTable, of_words: &[Vec<String>], i: usize) -> Option<(EntRef, usize)> {
    let mut k = i;
    // "China's top nuclear envoy": a modifier or two between the side and the title.
    while k > 0 && i - k < 2 && is_in(&s.words.title_modifiers, &s.tokens[k - 1].text) {
        k -= 1;
    }
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
    // "African Union Commission Chairperson": an organ of the side between it and the title.
    if k > 1 && !s.mentions.iter().any(|m| m.end == k) && is_in(&s.words.institutions, &s.tokens[k - 1].text) {
        k -= 1;
    }
    let m = s.mentions.iter().find(|m| m.end == k && !m.coref)?;
    if let Some(member) = member_before(s, table, m, i) {
        return Some(member);
    }
    table.serves(m.ent).then_some((m.ent, m.start))
}

/// "Israel's UN Ambassador", "Palestinian U.N. representative": an envoy's title at `i` after an
/// organisation `org` that a country names right before: the country is the side served.
fn member_before(s: &Analysed, table: &EntityTable, org: &Mention, i: usize) -> Option<(EntRef, usize)> {
    let envoy = s.tokens[i..].iter().take(3).any(|t| is_in(&s.words.envoy_heads, &t.lower));
    if !envoy || table.get(org.ent).etype != EntityType::Organization {
        return None;
    }
    // "Washington's deputy U.N. ambassador": a deputy word between.
    let at = org.start - usize::from(org.start > 0 && is_in(&s.words.title_modifiers, &s.tokens[org.start - 1].lower));
    let end = possessive_before(&s.tokens, at).unwrap_or(at);
    let c = s.mentions.iter().find(|c| c.end == end && !c.coref)?;
    let country = match table.get(c.ent) {
        e if e.etype == EntityType::Country => c.ent,
        e => e.capital_of?,
    };
    Some((country, c.start))
}

/// Past what may follow a side before the name: "(AS)", "untuk Korea Utara", "'s Taiwan Affairs Office,".
pub(super) fn past_side(s: &Analysed, table: &EntityTable, mut j: usize) -> usize {
    // "Amerika Serikat (AS) Antony Blinken"
    if s.tokens.get(j).is_some_and(|t| t.text == "(") {
        if let Some(k) = s.tokens[j..].iter().position(|t| t.text == ")") {
            if k <= 4 {
                j += k + 1;
            }
        }
    }
    // "Konsul Jenderal RI di Istanbul, Turki, Herry Sudradjat": the post's city (and its
    // country) after the side.
    if s.tokens.get(j).is_some_and(|t| is_in(&s.words.location_preps, &t.lower)) {
        let place = |at: usize, kind: EntityType| s.mentions.iter().find(|m| m.start == at && !m.coref && table.get(m.ent).etype == kind);
        if let Some(city) = place(j + 1, EntityType::City) {
            j = city.end;
            if s.tokens.get(j).is_some_and(|t| t.text == ",") {
                if let Some(country) = place(j + 1, EntityType::Country) {
                    j = country.end;
                }
            }
        }
    }
    // "Utusan Khusus AS untuk Korea Utara Stephen Biegun", "U.S. Ambassador to the U.N. X"
    if s.tokens.get(j).is_some_and(|t| is_in(&s.words.role_for, &t.lower)) {
        let article = usize::from(s.tokens.get(j + 1).is_some_and(|t| is_in(&s.words.articles, &t.lower)));
        if let Some(m) = s.mentions.iter().find(|m| m.start == j + 1 + article) {
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

/// "Kepala Badan Energi Atom Internasional PBB (IAEA) Yukiya Amano": an organisation in
/// brackets right after the side names the body the side only qualifies. It and where it ends.
pub(super) fn acronym_after(s: &Analysed, table: &EntityTable, side: EntRef, j: usize) -> Option<(EntRef, usize)> {
    if s.tokens.get(j).is_none_or(|t| t.text != "(") {
        return None;
    }
    let m = s.mentions.iter().find(|m| m.start == j + 1 && !m.coref)?;
    let closed = s.tokens.get(m.end).is_some_and(|t| t.text == ")");
    let org = matches!(table.get(m.ent).etype, EntityType::Organization | EntityType::Group);
    (closed && org && m.ent != side).then_some((m.ent, m.end + 1))
}

/// A side that closes an appositive title after its portfolio (capitalised words, hyphens,
/// "dan"): the side, where it ends, where it starts.
pub(super) fn side_closing_appositive(s: &Analysed, table: &EntityTable, j: usize) -> Option<(EntRef, usize, usize)> {
    let mut k = j;
    while k < s.tokens.len() && k < j + APPOSITIVE_PORTFOLIO {
        if let Some(m) = s.mentions.iter().find(|m| m.start == k && !m.coref) {
            let closes = s.tokens.get(m.end).is_none_or(|t| t.text == "," || t.text == ".");
            let sided = matches!(table.get(m.ent).etype, EntityType::Country | EntityType::Organization);
            return (closes && sided && k > j).then_some((m.ent, m.end, m.start));
        }
        let t = &s.tokens[k];
        let glued = k > j && (t.text == "-" || s.tokens[k - 1].text == "-");
        if !(t.is_word && t.is_capitalised() || glued || is_in(&s.words.coordinators, &t.lower)) {
            return None;
        }
        k += 1;
    }
    None
}

/// "Simon Coveney of Ireland", "Macky Sall of Senegal": the side named right after a name,
/// and where it ends.
pub(super) fn side_after_name(ctx: &Context, s: &Analysed, table: &EntityTable, name_end: usize) -> Option<(EntRef, usize)> {
    let mut k = name_end;
    if !s.tokens.get(k).is_some_and(|t| is_in(&ctx.pack.lexicon.role.side_after_name, &t.lower)) {
        return None;
    }
    k += 1;
    if s.tokens.get(k).is_some_and(|t| is_in(&s.words.articles, &t.lower)) {
        k += 1;
    }
    let m = s.mentions.iter().find(|m| m.start == k && !m.coref)?;
    matches!(table.get(m.ent).etype, EntityType::Country | EntityType::Organization).then_some((m.ent, m.end))
}

/// Words of portfolio an appositive title may hold before the side that closes it.
const APPOSITIVE_PORTFOLIO: usize = 10;

/// A known person whose side is known at token `j` (after ranks: "Senior General Min Aung Hlaing").
pub(super) fn known_person_with_side(s: &Analysed, table: &EntityTable, lex: &Lexicon, j: usize) -> bool {
    let mut k = j;
    while s.tokens.get(k).is_some_and(|t| is_in(&lex.words.ranks, &t.text) || t.text == ".") {
        k += 1;
    }
    persons_at(s, table, k).any(|e| table.get(e).side.is_some())
}

/// An organisation joined by a coordinator at token `j` to the organisation `first` just
/// named ("PBB dan Liga Arab"): where the second one ends.
pub(super) fn joint_organisation(s: &Analysed, table: &EntityTable, first: EntRef, j: usize) -> Option<usize> {
    let org = |e: EntRef| table.get(e).etype == EntityType::Organization;
    let joined = s.tokens.get(j).is_some_and(|t| is_in(&s.words.coordinators, &t.lower));
    let m = s.mentions.iter().find(|m| m.start == j + 1 && !m.coref && org(m.ent) && m.ent != first)?;
    (joined && org(first)).then_some(m.end)
}

/// A known person's name starts at token `k` ("Frank-Walter Steinmeier").
pub(super) fn person_at_token(s: &Analysed, table: &EntityTable, k: usize) -> bool {
    persons_at(s, table, k).next().is_some()
}

/// The persons that mentions (not references) starting at token `k` name.
fn persons_at<'a>(s: &'a Analysed, table: &'a EntityTable, k: usize) -> impl Iterator<Item = EntRef> + 'a {
    s.mentions.iter().filter(move |m| m.start == k && !m.coref && table.get(m.ent).etype == EntityType::Person).map(|m| m.ent)
}

/// The side the gazetteer gives a person it knows (not one learnt from this article).
pub(super) fn known_side(table: &EntityTable, person: EntRef) -> Option<EntRef> {
    let e = table.get(person);
    (e.etype == EntityType::Person && table.gazetteer().get(&e.key).is_some()).then_some(e.side).flatten()
}
