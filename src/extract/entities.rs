//! Entities in an article: gazetteer mentions, people introduced by their role,
//! later short mentions, coreference ("pihaknya", "blok itu", "ia") and quote speakers.

use super::tokens::{tokenize, Token};
use super::{Analysed, Context, EntRef, Role};
use crate::lang::{is_in, EntityType, Gazetteer, LanguagePack};
use std::collections::HashMap;

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
    pub geo: bool,
    pub media: bool,
    /// Every known surface form (written out as skos:altLabel).
    pub names: Vec<String>,
}

/// The entities one article refers to; gazetteer entries are interned on use.
#[derive(Debug, Clone)]
pub struct EntityTable {
    gaz: &'static Gazetteer,
    entities: Vec<Entity>,
    by_gaz: HashMap<usize, EntRef>,
    /// Article-local names of people found through role patterns.
    local: HashMap<String, Vec<(Vec<String>, EntRef)>>,
    ambiguous: std::collections::HashSet<String>,
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
        EntityTable { gaz, entities: Vec::new(), by_gaz: HashMap::new(), local: HashMap::new(), ambiguous: Default::default() }
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
        if def.flags.capital {
            if let Some((ci, _)) = def.country.as_deref().and_then(|k| gaz.get(k)) {
                let c = self.intern(ci);
                self.entities[e].capital_of = Some(c);
            }
        }
        e
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
        self.entities.push(Entity {
            key: name.to_string(),
            etype: EntityType::City,
            qid: None,
            label_en: name.to_string(),
            label_id: None,
            side: None,
            capital_of: None,
            disputed: false,
            geo: false,
            media: false,
            names: Vec::new(),
        });
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
            let lower = name_tokens[0].to_lowercase();
            let family: String = lower.chars().take(1).flat_map(char::to_uppercase).chain(lower.chars().skip(1)).collect();
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
        if let Some(e) = self.entities.iter().position(|x| x.etype == EntityType::Person && x.key == name) {
            if self.entities[e].side.is_none() {
                self.entities[e].side = side;
            }
            return e;
        }
        let e = self.entities.len();
        self.entities.push(Entity {
            key: name.clone(),
            etype: EntityType::Person,
            qid: None,
            label_en: name,
            label_id: None,
            side,
            capital_of: None,
            disputed: false,
            geo: false,
            media: false,
            names: Vec::new(),
        });
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
                        let lower = t.to_lowercase();
                        let titled: String = lower.chars().take(1).flat_map(char::to_uppercase).chain(lower.chars().skip(1)).collect();
                        self.add_local(vec![titled], e);
                    }
                }
            }
        }
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

fn has(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x == w)
}

/// Tokens, quote flags and gazetteer mentions of every sentence.
pub fn analyse(text: &str, sentences: &[super::segment::Sentence], table: &mut EntityTable, pack: &'static LanguagePack) -> Vec<Analysed> {
    let mut lead_seen = false;
    let mut out = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let tokens = tokenize(&text[s.start..s.end], s.start);
            let mut quoted = Vec::with_capacity(tokens.len());
            let mut inside = false;
            for t in &tokens {
                if t.text == "\"" {
                    inside = !inside;
                }
                quoted.push(inside);
            }
            let mentions = find_mentions(&tokens, table, &pack.lexicon.words);
            let is_lead = !s.is_title && !lead_seen;
            lead_seen |= !s.is_title;
            Analysed {
                index: i,
                start: s.start,
                end: s.end,
                tokens,
                mentions,
                speaker: None,
                quoted,
                is_title: s.is_title,
                is_lead,
                words: &pack.lexicon.words,
            }
        })
        .collect::<Vec<Analysed>>();
    // A byline or a caption may come before the dateline: "By X and Y Associated Press",
    // then "BRUSSELS, Jan 12 (AP) - ...". The sentence opening with a place and a dash is the lead.
    let dateline = out
        .iter()
        .take(6)
        .position(|s| !s.is_title && s.mentions.first().is_some_and(|m| m.start == 0) && s.tokens.iter().take(10).any(|t| t.text == "-"));
    if let Some(d) = dateline {
        for (i, s) in out.iter_mut().enumerate() {
            s.is_lead = i == d;
        }
    }
    out
}

fn find_mentions(tokens: &[Token], table: &mut EntityTable, lang: &crate::lang::Words) -> Vec<Mention> {
    let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].is_word {
            // "the West Bank": a longer name starting inside this one wins ("the West" is another).
            let n0 = table.match_len(&words[i..]).unwrap_or(0);
            if n0 > 1 && (i + 1..i + n0).any(|k| tokens[k].is_word && table.match_len(&words[k..]).is_some_and(|n2| k + n2 > i + n0)) {
                i += 1;
                continue;
            }
            if let Some((e, n)) = table.match_at(&words[i..]) {
                // "junta militer Myanmar" makes a later bare "junta" refer to it.
                if n > 1 && is_in(&lang.group_head_aliases, &tokens[i].text) {
                    table.add_local(vec![tokens[i].text.clone()], e);
                }
                // English puts the head last: "Myanmar's junta", "the military junta".
                if n > 1 && !lang.demonstratives_before.is_empty() && is_in(&lang.group_head_aliases, &tokens[i + n - 1].lower) {
                    table.add_local(vec![tokens[i + n - 1].text.clone()], e);
                }
                out.push(Mention { ent: e, start: i, end: i + n, coref: false });
                i += n;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The city a dateline names ("JENEWA - ", "JAKARTA, KOMPAS.com - ").
pub fn dateline_city(text: &str, paragraphs: &[super::normalise::Paragraph], table: &EntityTable) -> Option<EntRef> {
    // The dateline opens one of the first paragraphs (a byline or timestamp may come first):
    // "JENEWA - ", "Jakarta, CNN Indonesia -- ", "NEW YORK, KOMPAS.com - ", "Jakarta (ANTARA) - ".
    paragraphs.iter().filter(|p| !p.is_title).take(4).find_map(|p| {
        let para = &text[p.start..p.end];
        let dash = para.find(" - ").or_else(|| para.find(" -- ")).or_else(|| para.find(" — ")).or_else(|| para.find(" – "))?;
        let head = para[..dash].split([',', '(']).next()?.trim();
        let words: Vec<String> = tokenize(head, 0).into_iter().map(|t| t.text).collect();
        if words.is_empty() || words.len() > 4 || !words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            return None;
        }
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let (gi, n) = table.gaz.longest_match(&refs)?;
        if n != refs.len() || table.gaz.entities[gi].etype != EntityType::City {
            return None;
        }
        table.by_gaz.get(&gi).copied()
    })
}

/// People introduced by a role ("Menteri Luar Negeri Rusia Sergey Lavrov",
/// "timpalannya dari AS Antony Blinken"): persons, role facts, and mentions.
pub fn roles(ctx: &Context, sents: &mut [Analysed], table: &mut EntityTable) -> Vec<Role> {
    let lex = &ctx.pack.lexicon;
    let titles = &ctx.pack.phrases().titles;
    let of_words = &ctx.pack.phrases().of_words;
    let mut out = Vec::new();
    for s in sents.iter_mut() {
        let mut last_title: Option<String> = None;
        let mut i = 0;
        while i < s.tokens.len() {
            let counterpart = has(&lex.role.counterpart, &s.tokens[i].lower);
            let title_len = if counterpart { 1 } else { longest_phrase(&s.tokens, i, titles) };
            if title_len == 0 {
                i += 1;
                continue;
            }
            let mut title_end = i + title_len;
            let mut j = title_end;
            let starts_entity = |k: usize| s.mentions.iter().any(|m| m.start == k);
            // Capitalised words, joined by a coordinator ("Sumber Daya Air dan Irigasi").
            let capitalised_run = |from: usize| {
                let mut k = from;
                while k < s.tokens.len() && k < from + 6 && !starts_entity(k) {
                    let t = &s.tokens[k];
                    let joiner = k > from
                        && is_in(&s.words.coordinators, &t.lower)
                        && s.tokens.get(k + 1).is_some_and(|n| n.is_word && n.is_capitalised() && !starts_entity(k + 1));
                    if !(t.is_word && t.is_capitalised() || joiner) {
                        break;
                    }
                    k += 1;
                }
                k
            };
            // "Menteri Unifikasi Korsel ...", "Kepala Kebijakan Luar Negeri UE ...":
            // a title head followed by capitalised words up to the side it serves.
            if !counterpart && !s.is_title {
                let k = capitalised_run(j);
                let institution = s.tokens.get(j).is_some_and(|t| is_in(&s.words.institution_heads, &t.lower));
                if k > j && starts_entity(k) && !institution {
                    title_end = k;
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
                let k = capitalised_run(j + 1);
                if starts_entity(k) {
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
            // English names the side first: "Russian Foreign Minister ...", "U.S. Secretary of
            // State ...", "Chinese Foreign Ministry spokesperson ...".
            let mut lead = i;
            if side.is_none() && !counterpart {
                let mut k = i;
                for of in of_words {
                    if k >= of.len() && s.tokens[k - of.len()..k].iter().zip(of).all(|(t, w)| t.lower == *w) {
                        k -= of.len();
                        break;
                    }
                }
                // "China's top diplomat ...": a possessive side.
                if k >= 3 && s.tokens[k - 2].text == "'" && s.tokens[k - 1].lower == "s" {
                    k -= 2;
                }
                if let Some(m) = s.mentions.iter().find(|m| m.end == k && !m.coref) {
                    let ent = table.get(m.ent);
                    if matches!(ent.etype, EntityType::Country | EntityType::Organization | EntityType::Group) {
                        side = Some(m.ent);
                        lead = m.start;
                    }
                }
            }
            // "Blinken, the U.S. secretary of state,": the appositive opens with an article.
            if lead > 1 && is_in(&s.words.articles, &s.tokens[lead - 1].lower) {
                lead -= 1;
            }
            if side.is_some() && s.tokens.get(j).is_some_and(|t| t.text == "(") {
                // "Amerika Serikat (AS) Antony Blinken"
                if let Some(k) = s.tokens[j..].iter().position(|t| t.text == ")") {
                    if k <= 4 {
                        j += k + 1;
                    }
                }
            }
            // "Utusan Khusus AS untuk Korea Utara Stephen Biegun"
            if side.is_some() && s.tokens.get(j).is_some_and(|t| is_in(&s.words.role_for, &t.lower)) {
                if let Some(m) = s.mentions.iter().find(|m| m.start == j + 1) {
                    j = m.end;
                }
            }
            // "spokeswoman for China's Taiwan Affairs Office,": an institution of the side.
            if side.is_some() && s.tokens.get(j).is_some_and(|t| t.text == "'") && s.tokens.get(j + 1).is_some_and(|t| t.lower == "s") {
                let mut k = j + 2;
                while k < s.tokens.len() && k < j + 7 && s.tokens[k].is_word && s.tokens[k].is_capitalised() {
                    k += 1;
                }
                if k > j + 2 && s.tokens.get(k).is_some_and(|t| t.text == "," || t.text == ".") {
                    j = k;
                }
            }
            let title_text = if counterpart {
                last_title.clone().unwrap_or_else(|| s.tokens[i].text.clone())
            } else {
                span_text(ctx.text, &s.tokens[i..title_end])
            };
            // A title in lower case ("menteri luar negeri Rusia ...") needs the side it serves.
            let lower_title = !counterpart && !s.tokens[i].is_capitalised();
            // ... unless the name after it is a known person whose side is known ("foreign ministry
            // spokesperson Mao Ning", "junta leader Senior General Min Aung Hlaing").
            let known_after = || {
                let mut k = j;
                while s.tokens.get(k).is_some_and(|t| is_in(&lex.words.ranks, &t.text) || t.text == ".") {
                    k += 1;
                }
                s.mentions
                    .iter()
                    .any(|m| m.start == k && !m.coref && table.get(m.ent).etype == EntityType::Person && table.get(m.ent).side.is_some())
            };
            if lower_title && side.is_none() && !known_after() {
                i += title_len;
                continue;
            }
            // "Wang Wenbin, juru bicara Kementerian Luar Negeri China, mengatakan ...".
            if let Some((person, name_start)) =
                appositive(&s.tokens, &s.mentions, lead, j, table, lex).filter(|_| side.is_some() && !counterpart)
            {
                let name: Vec<String> = s.tokens[name_start..lead - 1].iter().map(|t| t.text.clone()).filter(|t| t != "-").collect();
                table.add_short_names(&name, person);
                if table.get(person).side.is_none() {
                    table.entities[person].side = side;
                }
                s.mentions.retain(|m| m.end <= name_start || m.start >= j);
                s.mentions.push(Mention { ent: person, start: name_start, end: j, coref: false });
                s.mentions.sort_by_key(|m| m.start);
                if let Some(of) = side {
                    out.push(Role { person, title: title_text.clone(), of, evidence: ctx.evidence(s, "role.appositive", 0.85) });
                }
                last_title = Some(title_text);
                i = j;
                continue;
            }
            // "kata juru bicara Kemlu China, Wang Wenbin": the name after a comma (not in headlines).
            if side.is_some()
                && !s.is_title
                && s.tokens.get(j).is_some_and(|t| t.text == ",")
                && s.tokens.get(j + 1).is_some_and(|t| t.is_word && t.is_capitalised() && !has(&lex.grammar.not_name, &t.text))
                && s.tokens.get(j + 2).is_some_and(|t| t.is_word && t.is_capitalised())
            {
                j += 1;
            }
            let Some((person, name_end)) = person_at(&s.tokens, &s.mentions, j, table, lex, s.is_title) else {
                if !counterpart {
                    last_title = Some(title_text);
                }
                i += title_len;
                continue;
            };
            if !counterpart {
                last_title = Some(title_text.clone());
            }
            let name: Vec<String> = s.tokens[j..name_end].iter().map(|t| t.text.clone()).filter(|t| t != "-").collect();
            if !name.is_empty() {
                table.add_short_names(&name, person);
            }
            // A known person serving another side than the title's is a misparse
            // ("Bertemu Menlu Jepang, Retno minta ..."): no role from it.
            let known = table.get(person).side;
            if !counterpart && known.is_some() && side.is_some() && known != side {
                i = name_end;
                continue;
            }
            if known.is_none() {
                table.entities[person].side = side;
            }
            let side = side.or(table.get(person).side);
            s.mentions.retain(|m| m.end <= i || m.start >= name_end);
            s.mentions.push(Mention { ent: person, start: i, end: name_end, coref: false });
            s.mentions.sort_by_key(|m| m.start);
            if let Some(of) = side {
                let rule = if counterpart { "role.counterpart" } else { "role.title-name" };
                out.push(Role { person, title: title_text, of, evidence: ctx.evidence(s, rule, if counterpart { 0.6 } else { 0.9 }) });
            }
            i = name_end;
        }
    }
    // "Minister Kamikawa" after "KAMIKAWA Yoko, Minister for Foreign Affairs of Japan": the bare
    // title adds nothing to the fuller one.
    let fuller = |r: &Role, o: &Role| {
        let (a, b) = (r.title.to_lowercase(), o.title.to_lowercase());
        o.person == r.person && o.of == r.of && b.len() > a.len() && b.split_whitespace().any(|w| w == a)
    };
    let keep: Vec<bool> = out.iter().map(|r| !out.iter().any(|o| fuller(r, o))).collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    out
}

/// "NAME, TITLE SIDE ,": the person named right before a title set off by commas.
/// Returns the person and the token where the name starts.
fn appositive(
    tokens: &[Token],
    mentions: &[Mention],
    title_start: usize,
    side_end: usize,
    table: &mut EntityTable,
    lex: &crate::lang::Lexicon,
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
        if t.is_word && t.is_capitalised() && !has(&lex.grammar.not_name, &t.text) && !mentions.iter().any(|m| m.end == start) {
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

/// Length of the longest phrase (lowercased token lists) starting at token `i`.
pub fn longest_phrase(tokens: &[Token], i: usize, phrases: &[Vec<String>]) -> usize {
    phrases
        .iter()
        .filter(|p| !p.is_empty() && p.len() <= tokens.len().saturating_sub(i) && p.iter().zip(&tokens[i..]).all(|(a, t)| *a == t.lower))
        .map(Vec::len)
        .max()
        .unwrap_or(0)
}

/// A person's name starting at token `j`: a known person, or capitalised words.
fn person_at(
    tokens: &[Token],
    mentions: &[Mention],
    j: usize,
    table: &mut EntityTable,
    lex: &crate::lang::Lexicon,
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
            || (t.is_word && (t.is_capitalised() || (particle && !name.is_empty())) && !acronym && !has(&lex.grammar.not_name, &t.text))
        {
            // Headlines capitalise every word: a verb there ends the name ("Menlu Retno Desak ...").
            if (mentions.iter().any(|m| m.start == k) && place_name != Some(k))
                || (headline && super::clauses::is_verb(&lex.words, &lowered(t)))
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

/// Adds later short mentions of people, coreferring expressions and quote speakers.
pub fn resolve_references(sents: &mut [Analysed], table: &mut EntityTable, pack: &LanguagePack, roles: &[super::Role]) {
    let lex = &pack.lexicon.grammar;
    let mut last_person: Option<EntRef> = None;
    let mut last_org: Option<EntRef> = None;
    let mut last_organization: Option<EntRef> = None;
    let mut last_country: Option<EntRef> = None;
    let mut last_subject: Option<EntRef> = None;
    let mut last_speaker: Option<EntRef> = None;
    // Actors and coordinated groups seen so far, with the sentence they stood in:
    // collective references ("kedua pihak") look back a few sentences only.
    let mut recent: Vec<(usize, EntRef)> = Vec::new();
    let mut groups: Vec<(usize, Vec<EntRef>)> = Vec::new();
    // Regions named so far: "the (disputed) shoal" points back to "Scarborough Shoal".
    let mut regions_seen: Vec<EntRef> = Vec::new();
    for s in sents.iter_mut() {
        // Short mentions of people found anywhere in the article.
        let extra = find_mentions(&s.tokens, table, s.words);
        for m in extra {
            if !s.mentions.iter().any(|x| x.start < m.end && m.start < x.end) {
                s.mentions.push(m);
            }
        }
        s.mentions.sort_by_key(|m| m.start);
        s.speaker = find_speaker(s, table, lex, last_speaker.or(last_person), last_person);
        // Coreference, left to right, with the discourse state.
        let mut added = Vec::new();
        let n_tokens = s.tokens.len();
        let n = n_tokens;
        for i in 0..n {
            let w = s.tokens[i].lower.as_str();
            let next = s.tokens.get(i + 1).map(|t| t.lower.as_str()).unwrap_or("");
            let prev = if i > 0 { s.tokens[i - 1].lower.as_str() } else { "" };
            let words = s.words;
            // "blok itu" (id) or "the bloc" (en): a head noun with its demonstrative.
            let after = is_in(&words.demonstratives_after, next);
            // "the military regime": one lower-case modifier between the article and the head.
            let modified = i >= 2
                && is_in(&words.demonstratives_before, &s.tokens[i - 2].lower)
                && s.tokens[i - 1].is_word
                && !s.tokens[i - 1].is_capitalised()
                && !s.mentions.iter().any(|m| m.start < i && i - 1 < m.end);
            let demonstrative = after || is_in(&words.demonstratives_before, prev) || modified;
            let span = if after { 2 } else { 1 };
            let title_len =
                if is_in(&words.demonstratives_before, prev) { longest_phrase(&s.tokens, i, &pack.phrases().titles) } else { 0 };
            let resolved = if is_in(&words.speaker_side, w) {
                s.speaker.map(|sp| super::side_of(table, sp)).or(last_subject).map(|e| (e, 1))
            } else if demonstrative && is_in(&words.organization_heads, w) {
                last_organization.map(|e| (e, span))
            } else if title_len > 0
                && is_in(&words.demonstratives_before, prev)
                && s.tokens.get(i + title_len).is_none_or(|t| !(t.is_word && t.is_capitalised()))
            {
                // "the Secretary", "the Foreign Minister": the person last introduced with that title.
                let title = s.tokens[i..i + title_len].iter().map(|t| t.lower.as_str()).collect::<Vec<_>>().join(" ");
                roles
                    .iter()
                    .filter(|r| {
                        // "the Secretary" for a "Secretary of State", "the minister" for a "Foreign Minister".
                        let full = format!(" {} ", r.title.to_lowercase());
                        r.evidence.sentence <= s.index && full.contains(&format!(" {title} "))
                    })
                    .max_by_key(|r| r.evidence.sentence)
                    .map(|r| (r.person, title_len))
            } else if is_in(&words.demonstratives_before, prev)
                && is_in(&words.group_nouns, w)
                && !is_in(&words.organization_heads, w)
                && (i < 2 || words.collective_number(&s.tokens[i - 2].lower).is_none())
            {
                // "The leaders also demanded ...": the latest coordinated group, a sentence or two back.
                let free = !s.mentions.iter().any(|m| m.start <= i && i < m.end);
                if let Some((_, g)) = groups.iter().rev().find(|(at, _)| s.index.saturating_sub(*at) <= 3) {
                    if free {
                        for &e in g {
                            added.push(Mention { ent: e, start: i - 1, end: i + 1, coref: true });
                        }
                    }
                } else if let Some(org) = last_subject.filter(|&e| free && table.get(e).etype == EntityType::Organization) {
                    // "The 42nd ASEAN Summit ... In their statement, the leaders called on ...": the bloc's leaders.
                    added.push(Mention { ent: org, start: i - 1, end: i + 1, coref: true });
                }
                None
            } else if demonstrative && is_in(&words.org_heads, w) {
                last_org.map(|e| (e, span))
            } else if demonstrative && is_in(&words.country_heads, w) && prev != "-" {
                // English: a country named earlier in the same sentence comes first ("On Burma, ... the regime").
                let here = (!words.demonstratives_before.is_empty())
                    .then(|| {
                        s.mentions
                            .iter()
                            .rev()
                            .find(|m| m.end <= i && !m.coref && table.get(m.ent).etype == EntityType::Country)
                            .map(|m| m.ent)
                    })
                    .flatten();
                here.or(last_country).map(|e| (e, span))
            } else if is_in(&words.person_pronouns, w) {
                last_person.map(|e| (e, 1))
            } else if let Some(n) = words.collective_number(w).filter(|_| is_in(&words.group_nouns, next)) {
                // "ketiga negara", "kedua menlu", "both countries": the last N sides named,
                // preferring the latest coordinated group of that size ("AS, Jepang dan Australia").
                // The sides already named in this sentence are not "both sides" they address.
                // ... but not a side named inside a phrase ("a mission on the Armenian side of the border").
                let governed = |m: &Mention| {
                    let mut k = m.start;
                    if k > 0 && is_in(&words.articles, &s.tokens[k - 1].lower) {
                        k -= 1;
                    }
                    !words.demonstratives_before.is_empty() && k > 0 && super::clauses::is_preposition(words, &s.tokens[k - 1].lower)
                };
                let own: Vec<EntRef> =
                    s.mentions.iter().filter(|m| m.end <= i && !governed(m)).map(|m| super::side_of(table, m.ent)).collect();
                let near = |at: usize, back: usize| s.index.saturating_sub(at) <= back;
                let group = groups
                    .iter()
                    .rev()
                    .find(|(at, g)| near(*at, 10) && g.len() == n && !g.iter().any(|e| own.contains(e)))
                    .map(|(_, g)| g.clone());
                let mut sides: Vec<EntRef> = group.unwrap_or_default();
                let here = std::iter::empty::<EntRef>();
                for e in here.rev().chain(recent.iter().rev().filter(|(at, _)| near(*at, 2)).map(|(_, e)| *e)) {
                    if sides.len() >= n {
                        break;
                    }
                    let side = super::side_of(table, e);
                    if table.is_actor(e) && table.get(side).etype != EntityType::Person && !sides.contains(&side) && !own.contains(&side) {
                        sides.push(side);
                    }
                }
                if sides.len() == n && !s.mentions.iter().any(|m| m.start <= i && i < m.end) {
                    for side in sides {
                        added.push(Mention { ent: side, start: i, end: (i + 2).min(n_tokens), coref: true });
                    }
                }
                None
            } else if is_in(&words.plural_pronouns, w) {
                // "NATO menegaskan bahwa mereka ...": the subject of this sentence, if before.
                subject_mention(s, table).filter(|m| m.end <= i).map(|m| super::side_of(table, m.ent)).or(last_subject).map(|e| (e, 1))
            } else if is_in(&words.first_person, w) && s.quoted[i] {
                s.speaker.map(|sp| (super::side_of(table, sp), 1))
            } else {
                None
            };
            if let Some((e, len)) = resolved {
                let start = if demonstrative && !after && len == 1 && i > 0 && is_in(&words.demonstratives_before, prev) {
                    i - 1
                } else if modified && !after && len == 1 {
                    i - 2
                } else {
                    i
                };
                if !s.mentions.iter().any(|m| m.start <= i && i < m.end) {
                    added.push(Mention { ent: e, start, end: (i + len).min(n), coref: true });
                }
            }
        }
        // English: "the disputed shoal", "the peninsula": the head noun of a region named before.
        if !s.words.demonstratives_before.is_empty() {
            for i in 1..n {
                let w = s.tokens[i].lower.as_str();
                let det = is_in(&s.words.demonstratives_before, &s.tokens[i - 1].lower)
                    || (i >= 2
                        && is_in(&s.words.demonstratives_before, &s.tokens[i - 2].lower)
                        && s.tokens[i - 1].is_word
                        && !s.tokens[i - 1].is_capitalised());
                if !det || !s.tokens[i].is_word || s.tokens[i].is_capitalised() || s.mentions.iter().any(|m| m.start <= i && i < m.end) {
                    continue;
                }
                let head = |e: EntRef| {
                    let label = table.get(e).label_en.to_lowercase();
                    let last = label.rsplit(' ').next().unwrap_or("").to_string();
                    label.contains(' ') && (last == w || last.strip_suffix('s') == Some(w))
                };
                if let Some(&e) = regions_seen.iter().rev().find(|&&e| head(e)) {
                    added.push(Mention { ent: e, start: i, end: i + 1, coref: true });
                }
            }
        }
        s.mentions.extend(added);
        s.mentions.sort_by_key(|m| m.start);
        for m in s.mentions.iter().filter(|m| !m.coref && table.get(m.ent).etype == EntityType::Region) {
            regions_seen.push(m.ent);
        }
        // Coordinated groups of actors: "A, B dan C".
        let mut group: Vec<EntRef> = Vec::new();
        let mut last_end = usize::MAX;
        let located = |m: &Mention| {
            m.start > 0 && {
                let prev = &s.tokens[m.start - 1].lower;
                is_in(&s.words.location_preps, prev) || is_in(&s.words.direction_preps, prev)
            }
        };
        for m in s.mentions.iter().filter(|m| table.is_actor(m.ent) && !m.coref) {
            if located(m) || (table.get(m.ent).etype == EntityType::City && !group.is_empty()) {
                last_end = usize::MAX;
                continue;
            }
            let side = super::side_of(table, m.ent);
            let joined = last_end != usize::MAX
                && m.start > last_end
                && s.tokens[last_end..m.start]
                    .iter()
                    .all(|t| t.text == "," || is_in(&s.words.coordinators, &t.lower) || is_in(&s.words.articles, &t.lower));
            if !joined {
                if group.len() >= 2 {
                    groups.push((s.index, std::mem::take(&mut group)));
                }
                group.clear();
            }
            if !group.contains(&side) && table.get(side).etype != EntityType::Person {
                group.push(side);
            }
            last_end = m.end;
        }
        if group.len() >= 2 {
            groups.push((s.index, group));
        }
        // Update the discourse state in text order.
        for m in &s.mentions {
            // "di Brussels" names a place, not a party.
            if table.is_actor(m.ent) && !located(m) {
                recent.push((s.index, m.ent));
            }
            let ent = table.get(m.ent);
            match ent.etype {
                EntityType::Person => last_person = Some(m.ent),
                EntityType::Organization | EntityType::Group if !ent.media => {
                    last_org = Some(m.ent);
                    if ent.etype == EntityType::Organization {
                        last_organization = Some(m.ent);
                    }
                }
                EntityType::Country => last_country = Some(m.ent),
                _ => {}
            }
        }
        if let Some(sub) = first_subject(s, table) {
            last_subject = Some(super::side_of(table, sub));
        }
        if s.speaker.is_some() {
            last_speaker = s.speaker;
        }
    }
}

/// The first actor mention of a sentence that stands before its first verb.
pub fn first_subject(s: &Analysed, table: &EntityTable) -> Option<EntRef> {
    subject_mention(s, table).map(|m| m.ent)
}

fn subject_mention<'a>(s: &'a Analysed, table: &EntityTable) -> Option<&'a Mention> {
    let first_verb = s.tokens.iter().position(|t| super::clauses::is_verb(s.words, t)).unwrap_or(s.tokens.len());
    s.mentions
        .iter()
        .filter(|m| m.start < first_verb && table.is_actor(m.ent) && !super::clauses::is_dateline(s, m))
        .find(|m| m.start == 0 || !super::clauses::is_preposition(s.words, &s.tokens[m.start - 1].lower))
}

fn find_speaker(
    s: &Analysed,
    table: &EntityTable,
    lex: &crate::lang::GrammarLex,
    previous: Option<EntRef>,
    last_person: Option<EntRef>,
) -> Option<EntRef> {
    let has_quote = s.tokens.iter().any(|t| t.text == "\"");
    for (i, t) in s.tokens.iter().enumerate() {
        if s.quoted[i] && t.text != "\"" {
            continue;
        }
        if has(&lex.speech_self, &t.lower) {
            return previous;
        }
        if has(&lex.speech, &t.lower) {
            if let Some(m) = s.mentions.iter().find(|m| m.start == i + 1 && table.is_actor(m.ent)) {
                return Some(m.ent);
            }
        }
        if is_in(&s.words.according_to, &t.lower) {
            if let Some(m) = s.mentions.iter().find(|m| m.start == i + 1) {
                return Some(m.ent);
            }
        }
        if is_in(&s.words.according_to_self, &t.lower) {
            return previous;
        }
        if has_quote && has(&lex.speech_verbs, &t.lower) {
            if let Some(m) = s.mentions.iter().find(|m| m.end == i && table.is_actor(m.ent)) {
                return Some(m.ent);
            }
            // "...," he said: the person last named.
            if i > 0 && is_in(&s.words.person_pronouns, &s.tokens[i - 1].lower) && last_person.is_some() {
                return last_person;
            }
        }
    }
    // Reported speech: "Stoltenberg mengatakan (bahwa) ...".
    s.mentions
        .iter()
        .find(|m| table.get(m.ent).etype == EntityType::Person && s.tokens.get(m.end).is_some_and(|t| has(&lex.speech_verbs, &t.lower)))
        .map(|m| m.ent)
}

/// "the Indonesian capital", "ibu kota Filipina": the capital city of that country.
fn capitals_by_description(s: &mut Analysed, table: &mut EntityTable) {
    let mut found = Vec::new();
    for k in 0..s.tokens.len() {
        let w = s.tokens[k].lower.as_str();
        // English: <demonym> capital; Indonesian: ibu kota <negara>.
        let (country, start, end) = if w == "capital" && k > 0 {
            match s.mentions.iter().find(|m| m.end == k && table.get(m.ent).etype == EntityType::Country) {
                Some(m) => (m.ent, m.start, k + 1),
                None => continue,
            }
        } else if w == "ibu" && s.tokens.get(k + 1).is_some_and(|t| t.lower == "kota") {
            match s.mentions.iter().find(|m| m.start == k + 2 && table.get(m.ent).etype == EntityType::Country) {
                Some(m) => (m.ent, k, m.end),
                None => continue,
            }
        } else {
            continue;
        };
        let key = table.get(country).key.clone();
        if let Some(gi) = table.gaz.capital_of(&key) {
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

/// Places the gazetteer lacks, named as "di X, <Country>" ("di Ohrid, Makedonia Utara",
/// "di Pattaya, Thailand"): a city of that country, so meetings there are found.
pub fn unknown_places(sents: &mut [Analysed], table: &mut EntityTable, pack: &LanguagePack) {
    for s in sents.iter_mut() {
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
                && !has(&pack.lexicon.grammar.not_name, &s.tokens[end].text)
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
                if table.entities[e].capital_of.is_none() && table.entities[e].side.is_none() {
                    table.entities[e].side = Some(country);
                }
                found.push(Mention { ent: e, start, end, coref: false });
            }
        }
        s.mentions.extend(found);
        s.mentions.sort_by_key(|m| m.start);
    }
}
