//! Place discovery: the dateline's city, venues named as places ("di Gedung Putih"),
//! capitals named by description ("the Indonesian capital", "ibu kota Filipina") and
//! places the gazetteer lacks ("di Ohrid, Makedonia Utara").

use super::entities::{EntityTable, Mention};
use super::normalise::Paragraph;
use super::tokens::{longest_phrase, tokenize};
use super::{Analysed, EntRef};
use crate::lang::{is_in, shared_cues, EntityType, LanguagePack};

/// The city a dateline names ("JENEWA - ", "JAKARTA, KOMPAS.com - ", "New York-Presiden ...").
pub fn dateline_city(text: &str, paragraphs: &[Paragraph], table: &EntityTable) -> Option<EntRef> {
    // The dateline opens one of the first paragraphs (a byline or timestamp may come first):
    // "JENEWA - ", "Jakarta, CNN Indonesia -- ", "NEW YORK, KOMPAS.com - ", "Jakarta (ANTARA) - ".
    paragraphs.iter().filter(|p| !p.is_title).take(4).find_map(|p| {
        let para = &text[p.start..p.end];
        let dash = para.find(" - ").or_else(|| para.find(" -- ")).or_else(|| para.find(" — ")).or_else(|| para.find(" – "));
        // "New York-Presiden terpilih ...": a dash glued between the city and the first word.
        let glued = para.find('-').filter(|&i| para[i + 1..].starts_with(char::is_uppercase));
        [dash, glued].into_iter().flatten().find_map(|dash| dateline_head(&para[..dash], table))
    })
}

/// The city that is the whole head of a dateline ("JENEWA", "Jakarta, CNN Indonesia").
fn dateline_head(head: &str, table: &EntityTable) -> Option<EntRef> {
    let head = head.split([',', '(']).next()?.trim();
    let words: Vec<String> = tokenize(head, 0).into_iter().map(|t| t.text).collect();
    if words.is_empty() || words.len() > 4 || !words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        return None;
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let gaz = table.gazetteer();
    let (gi, n) = gaz.longest_match(&refs)?;
    let def = &gaz.entities[gi];
    if n != refs.len() || !(def.etype == EntityType::City || def.flags.city_state) {
        return None;
    }
    table.interned(gi)
}

/// A place a meeting can be held in: a city, or a city-state ("di Singapura").
pub fn is_city(table: &EntityTable, e: EntRef) -> bool {
    let ent = table.get(e);
    match ent.etype {
        EntityType::City => true,
        EntityType::Country => table.gazetteer().get(&ent.key).is_some_and(|(_, def)| def.flags.city_state),
        _ => false,
    }
}

/// Places the gazetteer lacks, named as "di X, <Country>" ("di Ohrid, Makedonia Utara",
/// "di Pattaya, Thailand"): a city of that country, so meetings there are found.
pub fn unknown_places(sents: &mut [Analysed], table: &mut EntityTable, pack: &LanguagePack) {
    for s in sents.iter_mut() {
        venues(s, table);
        capitals_by_description(s, table);
        let mut found = Vec::new();
        for k in 0..s.tokens.len() {
            if !is_in(&s.words.location_preps, &s.tokens[k].lower) {
                continue;
            }
            let start = k + 1;
            let mut end = start;
            while end < s.tokens.len()
                && end < start + 3
                && s.tokens[end].is_word
                && s.tokens[end].is_capitalised()
                && !s.mentions.iter().any(|m| m.start <= end && end < m.end)
                && !is_in(&pack.lexicon.grammar.not_name, &s.tokens[end].text)
            {
                end += 1;
            }
            if end == start || is_in(&s.words.not_places, &s.tokens[start].text) || s.tokens.get(end).is_none_or(|t| t.text != ",") {
                continue;
            }
            let country = s.mentions.iter().find(|m| m.start == end + 1 && table.get(m.ent).etype == EntityType::Country).map(|m| m.ent);
            if let Some(country) = country {
                let name = s.tokens[start..end].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
                let e = table.new_city(&name);
                if table.get(e).capital_of.is_none() {
                    table.set_side_if_unknown(e, Some(country));
                }
                found.push(Mention { ent: e, start, end, coref: false });
            }
        }
        s.mentions.extend(found);
        s.mentions.sort_by_key(|m| m.start);
    }
}

/// "di Gedung Putih", "at the Kremlin": after a place preposition a venue of the gazetteer
/// stands for its city (the name stays an actor elsewhere: "Gedung Putih menyatakan").
fn venues(s: &mut Analysed, table: &mut EntityTable) {
    let toks = &s.tokens;
    let mut found = Vec::new();
    // "welcomed X to the White House": after a verb of receiving a guest, "to" places too.
    let hosted = toks.iter().position(|t| is_in(&s.words.host_verbs, &t.lower));
    for k in 0..toks.len() {
        let to_host = hosted.is_some_and(|h| h < k) && is_in(&s.words.direction_preps, &toks[k].lower);
        if !is_in(&s.words.location_preps, &toks[k].lower) && !to_host {
            continue;
        }
        // "at the White House": the article belongs to the venue's name.
        let j = if toks.get(k + 1).is_some_and(|t| is_in(&s.words.demonstratives_before, &t.lower)) { k + 2 } else { k + 1 };
        let words: Vec<&str> = toks[j.min(toks.len())..].iter().map(|t| t.text.as_str()).collect();
        let Some((ci, n)) = table.gazetteer().venue_at(&words) else { continue };
        let end = j + n;
        // "Istana Negara Malaysia", "Dewan Keamanan Nasional": a longer name, another place;
        // "Markas PBB di Jenewa", "Gedung Merdeka, Bandung": the city is named.
        let next = toks.get(end);
        let city_follows = next.is_some_and(|t| t.text == "," || is_in(&s.words.location_preps, &t.lower))
            && s.mentions.iter().any(|m| m.start == end + 1 && table.get(m.ent).etype == EntityType::City);
        if next.is_some_and(|t| t.is_word && t.is_capitalised()) || city_follows {
            continue;
        }
        found.push(Mention { ent: table.intern(ci), start: k + 1, end, coref: false });
    }
    if !found.is_empty() {
        s.mentions.retain(|m| !found.iter().any(|f| m.start < f.end && f.start < m.end));
        s.mentions.extend(found);
        s.mentions.sort_by_key(|m| m.start);
    }
}

/// "the Indonesian capital", "ibu kota Filipina": the capital city of that country. The
/// capital words of every pack are looked for in every article.
fn capitals_by_description(s: &mut Analysed, table: &mut EntityTable) {
    let cues = shared_cues();
    let is_country = |table: &EntityTable, m: &Mention| table.get(m.ent).etype == EntityType::Country;
    let mut found = Vec::new();
    for k in 0..s.tokens.len() {
        // "<demonym> capital" (the country before the word), or "ibu kota <negara>" (after it).
        let after = longest_phrase(&s.tokens, k, &cues.capital_after);
        let before = longest_phrase(&s.tokens, k, &cues.capital_before);
        let described = if after > 0 && k > 0 {
            s.mentions.iter().find(|m| m.end == k && is_country(table, m)).map(|m| (m.ent, m.start, k + after))
        } else if before > 0 {
            s.mentions.iter().find(|m| m.start == k + before && is_country(table, m)).map(|m| (m.ent, k, m.end))
        } else {
            None
        };
        let Some((country, start, end)) = described else { continue };
        let key = table.get(country).key.clone();
        if let Some(gi) = table.gazetteer().capital_of(&key) {
            let city = table.intern(gi);
            found.push(Mention { ent: city, start, end, coref: false });
        }
    }
    if !found.is_empty() {
        s.mentions.retain(|m| !found.iter().any(|f| m.start >= f.start && m.end <= f.end));
        s.mentions.extend(found);
        s.mentions.sort_by_key(|m| m.start);
    }
}

#[cfg(test)]
mod tests {
    use super::{dateline_city, unknown_places};
    use crate::extract::test_support::{analysed, Run};

    fn placed(lang: &str, body: &str) -> Run {
        let mut run = analysed(lang, "", body);
        unknown_places(&mut run.sents, &mut run.table, run.pack);
        run
    }

    #[test]
    fn the_dateline_names_the_city() {
        let run = analysed("id", "Judul", "JENEWA - Rusia dan Amerika Serikat memulai pembicaraan.");
        let city = dateline_city(&run.norm.text, &run.norm.paragraphs, &run.table);
        assert_eq!(city.map(|e| run.key(e)), Some("Geneva"));
    }

    #[test]
    fn a_venue_after_a_place_preposition_stands_for_its_city() {
        let id = placed("id", "Gedung Putih menyatakan Presiden akan bertemu Raja Yordania di Gedung Putih.");
        assert_eq!(id.mentions(0).first().map(|(_, e)| *e), Some("United States"), "an actor before the verb");
        assert!(id.mentions(0).contains(&("Gedung Putih".to_string(), "Washington, D.C.")));
        let en = placed("en", "The leaders met at the Kremlin and at NATO headquarters.");
        assert_eq!(en.at(0, "the"), vec!["Moscow"]);
        assert_eq!(en.at(0, "NATO"), vec!["Brussels"]);
    }

    #[test]
    fn a_capital_described_by_its_country() {
        let en = placed("en", "The ministers met in the Philippine capital on Monday.");
        assert_eq!(en.at(0, "Philippine"), vec!["Manila"]);
        let id = placed("id", "Para menteri bertemu di ibu kota Filipina pada Senin.");
        assert_eq!(id.at(0, "ibu"), vec!["Manila"]);
    }

    #[test]
    fn an_unknown_place_before_its_country_is_a_city_of_it() {
        let run = placed("id", "Para menteri bertemu di Struga, Makedonia Utara, pada Kamis.");
        let ohrid = run.sents[0].mentions.iter().find(|m| run.key(m.ent) == "Struga").expect("Struga found");
        let side = run.table.get(ohrid.ent).side.expect("a country");
        assert_eq!(run.key(side), "North Macedonia");
    }
}
