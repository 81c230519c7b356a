//! The gazetteer: countries, capitals, cities, organisations, groups, regions and
//! known people, with English and Indonesian names and Wikidata ids (data files).

use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Country,
    City,
    Organization,
    Region,
    Group,
    Person,
}

impl EntityType {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "Country" => Self::Country,
            "City" => Self::City,
            "Organization" => Self::Organization,
            "Region" => Self::Region,
            "Group" => Self::Group,
            "Person" => Self::Person,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            Self::Country => "Country",
            Self::City => "City",
            Self::Organization => "Organization",
            Self::Region => "Region",
            Self::Group => "Group",
            Self::Person => "Person",
        }
    }
    /// Can act: demand, reject, meet.
    pub fn is_actor(self) -> bool {
        matches!(self, Self::Country | Self::Organization | Self::Group | Self::Person)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    pub capital: bool,
    pub disputed: bool,
    /// A territory whose sovereignty is disputed between states: named at all, it is contested.
    pub contested: bool,
    pub geo: bool,
    pub venue: bool,
    pub media: bool,
    /// A city-state (Singapore, Monaco): named as a place, the country is its own city.
    pub city_state: bool,
    /// A city that is not the capital but stands for its country as an actor ("Tel Aviv and
    /// Tehran were urged to …").
    pub stands_for_country: bool,
    /// A breakaway territory with a government of its own (Transnistria, Northern Cyprus):
    /// its officials serve it.
    pub de_facto_state: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityDef {
    pub key: String,
    pub etype: EntityType,
    pub qid: Option<String>,
    pub label_en: String,
    pub label_id: Option<String>,
    pub names: Vec<String>,
    pub demonyms_en: Vec<String>,
    /// City: its country; disputed region: the state it belongs to de jure.
    pub country: Option<String>,
    pub flags: Flags,
    /// Person: the side the person speaks for.
    pub side: Option<String>,
    pub role_id: Option<String>,
    pub role_en: Option<String>,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entities: Vec<EntityDef>,
    by_key: HashMap<String, usize>,
    index: NameIndex,
    pub max_name_tokens: usize,
    /// Buildings and seats named as places ("Gedung Putih", "the Kremlin"): name → its city.
    venues: NameIndex,
}

/// Names as token lists, found by their first token (exact case), longest first.
#[derive(Debug, Default)]
struct NameIndex(HashMap<String, Vec<(Vec<String>, usize)>>);

impl NameIndex {
    /// Adds a name; returns its length in tokens (0 when it has none).
    fn add(&mut self, toks: Vec<String>, idx: usize) -> usize {
        let Some(first) = toks.first() else { return 0 };
        let n = toks.len();
        let list = self.0.entry(first.clone()).or_default();
        if !list.iter().any(|(t, _)| *t == toks) {
            list.push((toks, idx));
        }
        n
    }

    fn sort(&mut self) {
        for list in self.0.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
    }

    fn longest_match(&self, words: &[&str]) -> Option<(usize, usize)> {
        let cands = self.0.get(*words.first()?)?;
        cands
            .iter()
            .find(|(toks, _)| toks.len() <= words.len() && same_name(toks, &words[..toks.len()]))
            .map(|(toks, idx)| (*idx, toks.len()))
    }
}

/// A name matches its words exactly; in a name of three or more words the inner words may be
/// written in lower case ("Dewan keamanan PBB", "Majelis umum PBB"): the first and last must match.
/// In a generic name written in lower case ("komunitas internasional") a later word may be
/// capitalised ("komunitas Internasional"); "Komunitas Internasional X" is another body's name.
fn same_name(toks: &[String], words: &[&str]) -> bool {
    let n = toks.len();
    let lower = |w: &str| w.chars().all(|c| !c.is_uppercase());
    let generic_name = words.first().is_some_and(|w| lower(w));
    toks.iter().zip(words).enumerate().all(|(i, (a, b))| {
        let inner = n >= 3 && i > 0 && i + 1 < n;
        let generic = generic_name && i > 0 && lower(a);
        a == b || ((inner || generic) && a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase)))
    })
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

fn opt(cell: &str) -> Option<String> {
    let c = cell.trim();
    (!c.is_empty()).then(|| c.to_string())
}

impl Gazetteer {
    /// Parses `entities.tsv` (8 columns) and `people.tsv` (6 columns).
    pub fn parse(entities: &str, people: &str) -> Result<Self, String> {
        let mut g = Gazetteer::default();
        let mut venues = Vec::new();
        for (n, line) in entities.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() != 8 {
                return Err(format!("entities.tsv:{}: expected 8 columns, found {}", n + 1, c.len()));
            }
            let names_en = split_list(c[3]);
            let names_id = split_list(c[4]);
            // A venue is no entity: only its names, standing for the city in the country column.
            if c[1].trim() == "Venue" {
                venues.push((n + 1, names_en.into_iter().chain(names_id).collect::<Vec<_>>(), c[6].trim().to_string()));
                continue;
            }
            let etype = EntityType::parse(c[1].trim()).ok_or(format!("entities.tsv:{}: unknown type {:?}", n + 1, c[1]))?;
            let mut flags = Flags::default();
            for f in c[7].split(',').map(str::trim).filter(|f| !f.is_empty()) {
                match f {
                    "capital" => flags.capital = true,
                    "disputed" => flags.disputed = true,
                    "contested" => flags.contested = true,
                    "geo" => flags.geo = true,
                    "venue" => flags.venue = true,
                    "media" => flags.media = true,
                    "city-state" => flags.city_state = true,
                    "stands-for-country" => flags.stands_for_country = true,
                    "de-facto-state" => flags.de_facto_state = true,
                    other => return Err(format!("entities.tsv:{}: unknown flag {other:?}", n + 1)),
                }
            }
            let key = c[0].trim().to_string();
            let mut names = vec![key.clone()];
            names.extend(names_en.iter().cloned());
            names.extend(names_id.iter().cloned());
            // English demonyms name the side in actor position: "Russian troops", "the Chinese foreign ministry".
            names.extend(split_list(c[5]));
            g.push(EntityDef {
                label_en: names_en.first().cloned().unwrap_or_else(|| key.clone()),
                label_id: names_id.first().cloned(),
                key,
                etype,
                qid: opt(c[2]),
                names,
                demonyms_en: split_list(c[5]),
                country: opt(c[6]),
                flags,
                side: None,
                role_id: None,
                role_en: None,
            })?;
        }
        for (n, line) in people.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() != 6 {
                return Err(format!("people.tsv:{}: expected 6 columns, found {}", n + 1, c.len()));
            }
            let key = c[0].trim().to_string();
            let mut names = vec![key.clone()];
            names.extend(split_list(c[2]));
            names = spelling_variants(names);
            g.push(EntityDef {
                label_en: key.clone(),
                label_id: None,
                key,
                etype: EntityType::Person,
                qid: opt(c[1]),
                names,
                demonyms_en: Vec::new(),
                country: None,
                flags: Flags::default(),
                side: opt(c[3]),
                role_id: opt(c[4]),
                role_en: opt(c[5]),
            })?;
        }
        for e in &g.entities {
            for r in [&e.country, &e.side].into_iter().flatten() {
                if !g.by_key.contains_key(r) {
                    return Err(format!("gazetteer: {:?} refers to unknown entry {r:?}", e.key));
                }
            }
        }
        for (line, names, city) in venues {
            let Some((ci, def)) = g.get(&city) else {
                return Err(format!("entities.tsv:{line}: venue in unknown city {city:?}"));
            };
            if def.etype != EntityType::City {
                return Err(format!("entities.tsv:{line}: venue in {city:?}, which is no City"));
            }
            for name in names {
                g.venues.add(tokens(&name), ci);
            }
        }
        g.index.sort();
        g.venues.sort();
        Ok(g)
    }

    fn push(&mut self, def: EntityDef) -> Result<(), String> {
        let idx = self.entities.len();
        if self.by_key.insert(def.key.clone(), idx).is_some() {
            return Err(format!("gazetteer: duplicate key {:?}", def.key));
        }
        for name in &def.names {
            self.add_name(name, idx);
            // "Ecowas", "Nato", "Asean": acronyms of four letters or more are also written in title
            // case (not a news agency's: "Antara" is also a word).
            if !def.flags.media && name.len() >= 4 && name.chars().all(|c| c.is_ascii_uppercase()) {
                let title: String = name.chars().take(1).chain(name[1..].chars().map(|c| c.to_ascii_lowercase())).collect();
                self.add_name(&title, idx);
            }
        }
        self.entities.push(def);
        Ok(())
    }

    /// Adds a surface form (exact case, plus its all-caps form for datelines).
    pub fn add_name(&mut self, name: &str, idx: usize) {
        let toks = tokens(name);
        let upper: Vec<String> = toks.iter().map(|t| t.to_uppercase()).collect();
        for variant in [toks, upper] {
            let n = self.index.add(variant, idx);
            self.max_name_tokens = self.max_name_tokens.max(n);
        }
    }

    /// The capital of a country (the first city flagged capital of it).
    pub fn capital_of(&self, country_key: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.flags.capital && e.country.as_deref() == Some(country_key))
    }

    pub fn get(&self, key: &str) -> Option<(usize, &EntityDef)> {
        self.by_key.get(key).map(|&i| (i, &self.entities[i]))
    }

    /// Longest name starting at `words[0]`: (entity index, number of tokens).
    pub fn longest_match(&self, words: &[&str]) -> Option<(usize, usize)> {
        self.index.longest_match(words)
    }

    /// Longest venue name starting at `words[0]` ("Gedung Putih", "Kremlin"): (the
    /// entity index of its city, number of tokens).
    pub fn venue_at(&self, words: &[&str]) -> Option<(usize, usize)> {
        self.venues.longest_match(words)
    }
}

fn tokens(name: &str) -> Vec<String> {
    super::tokens::tokenize(name, 0).into_iter().map(|t| t.text).collect()
}

/// A person's names as the press also writes them: a hyphen as a space ("Amir-Abdollahian",
/// "Amir Abdollahian") and a comma before a suffix ("Ferdinand R. Marcos Jr.", "…, Jr."). Each once.
fn spelling_variants(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let spaced = n.replace('-', " ");
        let comma = ["Jr.", "Sr."].iter().find_map(|s| n.strip_suffix(&format!(" {s}")).map(|head| format!("{head}, {s}")));
        for v in std::iter::once(n).chain(Some(spaced)).chain(comma) {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_gazetteer_loads_and_resolves() {
        let g = crate::lang::gazetteer();
        let (ru, _) = g.get("Russia").expect("Russia");
        assert_eq!(g.longest_match(&["Rusia", "meminta"]), Some((ru, 1)));
        assert_eq!(g.longest_match(&["Federasi", "Rusia"]), Some((ru, 2)));
        let (us, def) = g.get("United States").expect("US");
        assert_eq!(def.qid.as_deref(), Some("Q30"));
        assert_eq!(g.longest_match(&["Amerika", "Serikat", "("]), Some((us, 2)));
        assert_eq!(g.longest_match(&["AS"]), Some((us, 1)));
        let (gen, def) = g.get("Geneva").expect("Geneva");
        assert_eq!(def.etype, EntityType::City);
        assert_eq!(g.longest_match(&["JENEWA"]), Some((gen, 1)));
        assert!(g.entities.iter().filter(|e| e.etype == EntityType::Country).count() >= 193);
        // Indonesian provincial capitals host meetings too.
        for city in ["Padang", "Kupang", "Banda Aceh", "Pangkalpinang"] {
            let words: Vec<&str> = city.split(' ').collect();
            let (i, n) = g.longest_match(&words).unwrap_or_else(|| panic!("{city}"));
            assert_eq!(
                (g.entities[i].etype, g.entities[i].country.as_deref(), n),
                (EntityType::City, Some("Indonesia"), words.len()),
                "{city}"
            );
        }
    }

    #[test]
    fn inner_words_of_long_names_may_be_lower_case() {
        let g = crate::lang::gazetteer();
        let (unsc, _) = g.get("UN Security Council").expect("UNSC");
        assert_eq!(g.longest_match(&["Dewan", "keamanan", "PBB", "untuk"]), Some((unsc, 3)));
        // Two-word names and first or last words keep their case.
        assert_ne!(g.longest_match(&["Amerika", "serikat"]).map(|m| m.1), Some(2));
        assert_ne!(g.longest_match(&["Dewan", "Keamanan", "pbb"]).map(|m| m.1), Some(3));
        let (ic, _) = g.get("International community").expect("international community");
        assert_eq!(g.longest_match(&["komunitas", "Internasional"]), Some((ic, 2)));
        assert_ne!(g.longest_match(&["Komunitas", "Internasional", "Women"]).map(|m| m.0), Some(ic), "a capitalised name is another body");
    }

    #[test]
    fn a_venue_names_its_city_and_no_entity() {
        let g = crate::lang::gazetteer();
        let (washington, _) = g.get("Washington, D.C.").expect("Washington");
        assert_eq!(g.venue_at(&["Gedung", "Putih", "pada"]), Some((washington, 2)));
        let (us, _) = g.get("United States").expect("US");
        assert_eq!(g.longest_match(&["Gedung", "Putih"]), Some((us, 2)), "the name stays the actor's");
        assert!(g.get("White House").is_none());
        let row = |ty: &str, city: &str| format!("Hall\t{ty}\t\tHall\tBalai\t\t{city}\t\nParis\tCity\t\tParis\tParis\t\t\tcapital\n");
        let parsed = Gazetteer::parse(&row("Venue", "Paris"), "").expect("a venue row parses");
        assert_eq!(parsed.venue_at(&["Balai"]).map(|(i, _)| parsed.entities[i].key.as_str()), Some("Paris"));
        assert!(Gazetteer::parse(&row("Venue", "Lyon"), "").is_err(), "a venue's city must be known");
    }
}
