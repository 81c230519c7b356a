//! The entities one article refers to: gazetteer entries interned on use, people and
//! places found in the text, their article-local short names, and the mentions that name them.

use super::EntRef;
use crate::lang::{EntityType, Gazetteer};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub key: String,
    pub etype: EntityType,
    pub qid: Option<String>,
    pub label_en: String,
    pub label_id: Option<String>,
    /// Person: the side spoken for. City: the country it is the capital of.
    pub side: Option<EntRef>,
    pub capital_of: Option<EntRef>,
    pub disputed: bool,
    /// Named at all, contested (a territory whose sovereignty states dispute).
    pub contested: bool,
    /// A breakaway territory with a government of its own: a side its officials serve.
    pub de_facto_state: bool,
    pub geo: bool,
    pub media: bool,
    /// Every known surface form (written out as skos:altLabel).
    pub names: Vec<String>,
}

impl Entity {
    /// An entity found in the text, not in the gazetteer.
    fn found(name: &str, etype: EntityType, side: Option<EntRef>) -> Self {
        Entity {
            key: name.to_string(),
            etype,
            qid: None,
            label_en: name.to_string(),
            label_id: None,
            side,
            capital_of: None,
            disputed: false,
            contested: false,
            de_facto_state: false,
            geo: false,
            media: false,
            names: Vec::new(),
        }
    }
}

/// "KAMIKAWA" → "Kamikawa".
fn title_case(w: &str) -> String {
    let lower = w.to_lowercase();
    lower.chars().take(1).flat_map(char::to_uppercase).chain(lower.chars().skip(1)).collect()
}

/// The entities one article refers to; gazetteer entries are interned on use.
#[derive(Debug, Clone)]
pub struct EntityTable {
    gaz: &'static Gazetteer,
    entities: Vec<Entity>,
    by_gaz: HashMap<usize, EntRef>,
    /// Article-local names of people found through role patterns.
    local: HashMap<String, Vec<(Vec<String>, EntRef)>>,
    ambiguous: HashSet<String>,
    /// Known people whose short names were added on their first mention.
    named: HashSet<EntRef>,
}

/// An entity named (or referred to) by a token span of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub ent: EntRef,
    pub start: usize,
    pub end: usize,
    pub coref: bool,
}

impl EntityTable {
    pub fn new(gaz: &'static Gazetteer) -> Self {
        EntityTable {
            gaz,
            entities: Vec::new(),
            by_gaz: HashMap::new(),
            local: HashMap::new(),
            ambiguous: Default::default(),
            named: HashSet::new(),
        }
    }

    pub fn get(&self, e: EntRef) -> &Entity {
        &self.entities[e]
    }

    /// Can stand as an actor: a country, organisation, group or person (not a
    /// news agency), or a capital standing for its government ("Moskow").
    pub fn is_actor(&self, e: EntRef) -> bool {
        let ent = &self.entities[e];
        (ent.etype.is_actor() && !ent.media) || ent.capital_of.is_some()
    }

    /// Can an official serve it: a country, organisation or group, or a breakaway territory
    /// with a government of its own ("Transnistrian Foreign Minister").
    pub fn serves(&self, e: EntRef) -> bool {
        let ent = &self.entities[e];
        matches!(ent.etype, EntityType::Country | EntityType::Organization | EntityType::Group) || ent.de_facto_state
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (EntRef, &Entity)> {
        self.entities.iter().enumerate()
    }

    /// Interns a gazetteer entry (and what it refers to: a person's side, a capital's country).
    pub fn intern(&mut self, gi: usize) -> EntRef {
        if let Some(&e) = self.by_gaz.get(&gi) {
            return e;
        }
        let def = &self.gaz.entities[gi];
        let e = self.entities.len();
        self.entities.push(Entity {
            key: def.key.clone(),
            etype: def.etype,
            qid: def.qid.clone(),
            label_en: def.label_en.clone(),
            label_id: def.label_id.clone(),
            side: None,
            capital_of: None,
            disputed: def.flags.disputed,
            contested: def.flags.contested,
            de_facto_state: def.flags.de_facto_state,
            geo: def.flags.geo,
            media: def.flags.media,
            names: def.names.clone(),
        });
        self.by_gaz.insert(gi, e);
        let gaz = self.gaz;
        if let Some((si, _)) = def.side.as_deref().and_then(|k| gaz.get(k)) {
            let s = self.intern(si);
            self.entities[e].side = Some(s);
        }
        if def.flags.capital || def.flags.stands_for_country {
            if let Some((ci, _)) = def.country.as_deref().and_then(|k| gaz.get(k)) {
                let c = self.intern(ci);
                self.entities[e].capital_of = Some(c);
            }
        }
        e
    }

    /// The gazetteer key of the country a place lies in (its row's `country`), if the
    /// gazetteer knows the place.
    pub fn country_key(&self, e: EntRef) -> Option<&'static str> {
        self.gaz.get(&self.entities[e].key).and_then(|(_, def)| def.country.as_deref())
    }

    /// The gazetteer the table interns from.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gaz
    }

    /// The entity a gazetteer entry was interned as, if it was.
    pub fn interned(&self, gi: usize) -> Option<EntRef> {
        self.by_gaz.get(&gi).copied()
    }

    /// Sets the side a person speaks for (or a place belongs to) unless one is known.
    /// The side the article's own words give a person, over the gazetteer's.
    pub fn set_side(&mut self, e: EntRef, side: EntRef) {
        self.entities[e].side = Some(side);
    }

    pub fn set_side_if_unknown(&mut self, e: EntRef, side: Option<EntRef>) {
        if self.entities[e].side.is_none() {
            self.entities[e].side = side;
        }
    }

    pub fn intern_key(&mut self, key: &str) -> Option<EntRef> {
        let (gi, _) = self.gaz.get(key)?;
        Some(self.intern(gi))
    }

    /// A place found in the text but not in the gazetteer ("di Ohrid, Makedonia Utara").
    pub fn new_city(&mut self, name: &str) -> EntRef {
        if let Some(e) = self.entities.iter().position(|x| x.etype == EntityType::City && x.key == name) {
            return e;
        }
        self.entities.push(Entity::found(name, EntityType::City, None));
        self.entities.len() - 1
    }

    /// An organisation found in the text but not in the gazetteer ("PT Sinar Jaya").
    pub fn new_org(&mut self, name: &str) -> EntRef {
        if let Some(e) = self.entities.iter().position(|x| x.etype == EntityType::Organization && x.key == name) {
            return e;
        }
        self.entities.push(Entity::found(name, EntityType::Organization, None));
        self.entities.len() - 1
    }

    /// A person found in the text but not in the gazetteer.
    pub fn new_person(&mut self, name_tokens: &[String], side: Option<EntRef>) -> EntRef {
        // "KAMIKAWA Yoko" (family name in capitals first, as Japanese official texts write it):
        // the person "Yoko Kamikawa".
        let caps = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
        let titled = |w: &str| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.clone().count() > 0 && cs.all(char::is_lowercase)
        };
        if name_tokens.len() == 2 && caps(&name_tokens[0]) && titled(&name_tokens[1]) {
            let family = title_case(&name_tokens[0]);
            let reordered = vec![name_tokens[1].clone(), family.clone()];
            let as_written = vec![family.clone(), name_tokens[1].clone()];
            let known = |order: &[String]| {
                let refs: Vec<&str> = order.iter().map(String::as_str).collect();
                self.gaz
                    .longest_match(&refs)
                    .filter(|&(gi, n)| n == 2 && self.gaz.entities[gi].etype == EntityType::Person)
                    .map(|(gi, _)| gi)
            };
            // "WANG Yi" is Wang Yi; "KAMIKAWA Yoko" is Yoko Kamikawa: the gazetteer tells.
            let e = match known(&as_written).or_else(|| known(&reordered)) {
                Some(gi) => self.intern(gi),
                None => self.new_person(&as_written, side),
            };
            self.add_local(name_tokens.to_vec(), e);
            self.add_local(vec![family], e);
            return e;
        }
        let name = name_tokens.join(" ").replace(" - ", "-");
        // "Sekretaris Jenderal Ban" after "Ban Ki-moon": one word of a single person's full name.
        if let [one] = name_tokens {
            let mut named = self.entities.iter().enumerate().filter(|(_, x)| {
                let words: Vec<&str> = x.key.split_whitespace().collect();
                x.etype == EntityType::Person && words.len() > 1 && (words[0] == one || words[words.len() - 1] == one)
            });
            if let (Some((e, _)), None) = (named.next(), named.next()) {
                return e;
            }
        }
        if let Some(e) = self.entities.iter().position(|x| x.etype == EntityType::Person && x.key == name) {
            if self.entities[e].side.is_none() {
                self.entities[e].side = side;
            }
            return e;
        }
        let e = self.entities.len();
        self.entities.push(Entity::found(&name, EntityType::Person, side));
        self.add_short_names(name_tokens, e);
        e
    }

    /// The full name and later short mentions: the family name ("Lavrov"), or the
    /// first one for names written family-name first ("Park" for Park Jin); an
    /// alias shared by two people in the article is dropped.
    pub fn add_short_names(&mut self, name_tokens: &[String], e: EntRef) {
        self.add_local(name_tokens.to_vec(), e);
        if name_tokens.len() > 1 {
            for t in [&name_tokens[name_tokens.len() - 1], &name_tokens[0]] {
                if t.chars().count() >= 3 && t.chars().next().is_some_and(char::is_uppercase) {
                    self.add_local(vec![t.clone()], e);
                    // "WANG Yi", later "Minister Wang".
                    if t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
                        self.add_local(vec![title_case(t)], e);
                    }
                }
            }
        }
    }

    /// Is `w` alone the article-local short name of a person ("Lavrov", "Tamim")?
    pub fn is_short_person_name(&self, w: &str) -> bool {
        self.local.get(w).is_some_and(|c| c.iter().any(|(t, e)| t.len() == 1 && self.entities[*e].etype == EntityType::Person))
    }

    /// True the first time this is asked for an entity (a known person's first mention).
    pub fn first_naming(&mut self, e: EntRef) -> bool {
        self.named.insert(e)
    }

    /// An article-local name; a single-word name claimed by two entities is ambiguous and removed.
    pub fn add_local(&mut self, name: Vec<String>, e: EntRef) {
        let list = self.local.entry(name[0].clone()).or_default();
        if let Some(pos) = list.iter().position(|(t, _)| *t == name) {
            if list[pos].1 != e && name.len() == 1 {
                list.remove(pos);
                self.ambiguous.insert(name[0].clone());
            }
            return;
        }
        if name.len() == 1 && self.ambiguous.contains(&name[0]) {
            return;
        }
        list.push((name, e));
        list.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
    }

    /// Longest entity name at the start of `words`, article-local people first.
    /// The length of the name `match_at` would find, without interning anything.
    pub fn match_len(&self, words: &[&str]) -> Option<usize> {
        let local = words.first().and_then(|w| self.local.get(*w)).and_then(|cands| {
            cands.iter().filter(|(t, _)| t.len() <= words.len() && t.iter().zip(words).all(|(a, b)| a == b)).map(|(t, _)| t.len()).max()
        });
        let gaz = self.gaz.longest_match(words).map(|(_, n)| n);
        local.max(gaz)
    }

    pub fn match_at(&mut self, words: &[&str]) -> Option<(EntRef, usize)> {
        let local = words.first().and_then(|w| self.local.get(*w)).and_then(|cands| {
            cands.iter().find(|(t, _)| t.len() <= words.len() && t.iter().zip(words).all(|(a, b)| a == b)).map(|(t, e)| (*e, t.len()))
        });
        let gaz = self.gaz.longest_match(words);
        match (local, gaz) {
            (Some(l), Some((gi, n))) if n > l.1 => Some((self.intern(gi), n)),
            (Some(l), _) => Some(l),
            (None, Some((gi, n))) => Some((self.intern(gi), n)),
            (None, None) => None,
        }
    }
}

/// The side an actor mention stands for: a person's side, a capital's country.
pub fn side_of(table: &EntityTable, e: EntRef) -> EntRef {
    let ent = table.get(e);
    match ent.etype {
        EntityType::Person => ent.side.unwrap_or(e),
        EntityType::City => ent.capital_of.unwrap_or(e),
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> EntityTable {
        EntityTable::new(crate::lang::gazetteer())
    }

    #[test]
    fn a_capital_is_interned_with_its_country_and_stands_for_it() {
        let mut t = table();
        let manila = t.intern_key("Manila").expect("Manila is in the gazetteer");
        let country = t.get(manila).capital_of.expect("a capital");
        assert_eq!(t.get(country).key, "Philippines");
        assert!(t.is_actor(manila));
        assert_eq!(side_of(&t, manila), country);
    }

    #[test]
    fn a_known_person_brings_the_side_spoken_for() {
        let mut t = table();
        let lavrov = t.intern_key("Sergey Lavrov").expect("Lavrov is in the gazetteer");
        assert_eq!(t.get(side_of(&t, lavrov)).key, "Russia");
    }

    #[test]
    fn a_new_person_is_found_again_by_the_family_name() {
        let mut t = table();
        let name = ["Budi".to_string(), "Santoso".to_string()];
        let budi = t.new_person(&name, None);
        assert_eq!(t.get(budi).key, "Budi Santoso");
        assert_eq!(t.match_at(&["Santoso", "mengatakan"]), Some((budi, 1)));
        assert_eq!(t.match_at(&["Budi", "Santoso"]), Some((budi, 2)));
    }

    #[test]
    fn a_family_name_shared_by_two_people_names_neither() {
        let mut t = table();
        t.new_person(&["Budi".to_string(), "Santoso".to_string()], None);
        t.new_person(&["Agus".to_string(), "Santoso".to_string()], None);
        assert_eq!(t.match_len(&["Santoso"]), None);
        assert_eq!(t.match_len(&["Agus", "Santoso"]), Some(2));
    }

    #[test]
    fn a_family_name_in_capitals_first_is_the_known_person() {
        let mut t = table();
        let e = t.new_person(&["KAMIKAWA".to_string(), "Yoko".to_string()], None);
        assert_eq!(t.get(e).key, "Yoko Kamikawa");
        assert_eq!(t.match_at(&["Kamikawa"]).map(|(x, _)| x), Some(e));
    }
}
