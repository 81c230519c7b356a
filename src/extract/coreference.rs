//! Coreference: later short mentions of people, quote speakers, and what pronouns and
//! descriptions point back to ("pihaknya", "blok itu", "ia", "kedua negara", "the regime"),
//! read left to right with the state of the discourse so far.

use super::antecedents;
use super::clauses::{is_dateline, is_preposition, is_verb, located};
use super::entities::{side_of, EntityTable, Mention};
use super::mentions::find_mentions;
use super::reference_cue::Cue;
use super::speakers;
use super::tokens::longest_phrase;
use super::{Analysed, EntRef, Role};
use crate::lang::{is_in, EntityType, LanguagePack};

/// Adds later short mentions of people, coreferring expressions and quote speakers.
pub fn resolve_references(sents: &mut [Analysed], table: &mut EntityTable, pack: &LanguagePack, roles: &[Role]) {
    let mut discourse = Discourse::default();
    for s in sents.iter_mut() {
        if s.is_title && discourse.authors.is_empty() {
            add_short_mentions(s, table);
            let (persons, sides) = antecedents::headline_authors(s, table, pack);
            discourse.counterparts = antecedents::headline_counterparts(s, table, pack, &sides);
            discourse.author_persons = persons;
            discourse.authors = sides;
        }
        add_short_mentions(s, table);
        if discourse.belligerents.is_empty() {
            discourse.belligerents = antecedents::belligerents(s, table);
        }
        let previous = discourse.last_speaker.or(discourse.last_person);
        // A quotation standing alone goes on the quotation just before it.
        let going_on = discourse.quote_speaker.filter(|_| speakers::bare_quote(s));
        s.speaker = speakers::find_speaker(s, table, &pack.lexicon.grammar, previous, discourse.last_person).or(going_on);
        let mut added = Vec::new();
        for i in 0..s.tokens.len() {
            discourse.resolve_at(s, table, pack, roles, i, &mut added);
        }
        discourse.region_heads(s, table, &mut added);
        s.mentions.extend(added);
        s.mentions.sort_by_key(|m| m.start);
        discourse.observe(s, table);
    }
    antecedents::listed_members(sents, table, pack);
}

/// Short mentions of people found anywhere in the article ("Lavrov" after "Sergey Lavrov").
fn add_short_mentions(s: &mut Analysed, table: &mut EntityTable) {
    let extra = find_mentions(&s.tokens, table, s.words);
    for m in extra {
        if !s.mentions.iter().any(|x| x.start < m.end && m.start < x.end) {
            s.mentions.push(m);
        }
    }
    s.mentions.sort_by_key(|m| m.start);
}

/// What the article has told so far, in text order: the entities a reference may point back to.
#[derive(Default)]
struct Discourse {
    last_person: Option<EntRef>,
    /// An organization or a group ("the group", "kelompok itu").
    last_org: Option<EntRef>,
    /// An organization only ("the alliance", "blok itu").
    last_organization: Option<EntRef>,
    last_country: Option<EntRef>,
    /// The side of the last sentence's subject, and all the sides of a coordinated one ("they").
    last_subject: Option<EntRef>,
    last_subject_group: Vec<EntRef>,
    last_speaker: Option<EntRef>,
    /// The speaker of the latest sentence when it quoted someone.
    quote_speaker: Option<EntRef>,
    /// Actors and coordinated groups seen so far, with the sentence they stood in:
    /// collective references ("kedua pihak") look back a few sentences only.
    recent: Vec<(usize, EntRef)>,
    groups: Vec<(usize, Vec<EntRef>)>,
    /// Regions named so far: "the (disputed) shoal" points back to "Scarborough Shoal".
    regions_seen: Vec<EntRef>,
    /// The sides of the text's authors, from a headline "Statement by President X"
    /// ("Joint Statement by President X and President Y": two).
    authors: Vec<EntRef>,
    /// The sides the headline names the authors' call or meeting with: "all parties".
    counterparts: Vec<EntRef>,
    /// Else the two sides of the conflict the article names first.
    belligerents: Vec<EntRef>,
    /// Countries named so far, in order: "all parties" in a report on one of them.
    countries_seen: Vec<EntRef>,
    /// The people among them: "the President" of a statement by President X is X.
    author_persons: Vec<EntRef>,
    /// The side of the subject of the latest sentence naming a document ("the Council passed
    /// a resolution"): what "the resolution" later speaks for.
    last_issuer: Option<EntRef>,
    /// The country whose office ("the Russian Foreign Ministry") was named last.
    last_office: Option<EntRef>,
    /// The person who was the subject of the latest sentence with a person as subject:
    /// "he" opening a sentence continues it.
    last_subject_person: Option<EntRef>,
}

/// Is token `i` inside a mention already?
fn covered(s: &Analysed, i: usize) -> bool {
    s.mentions.iter().any(|m| m.start <= i && i < m.end)
}

impl Discourse {
    /// The entity token `i` refers back to, added to `added` as a coreferring mention.
    fn resolve_at(&self, s: &Analysed, table: &EntityTable, pack: &LanguagePack, roles: &[Role], i: usize, added: &mut Vec<Mention>) {
        let c = Cue::at(s, pack, i);
        if self.all_parties(s, table, pack, i, added) {
            return;
        }
        // "Korea Utara menyatakan (bahwa) pihaknya …": the subject of the speech verb before it.
        if is_in(&s.words.speaker_side, c.w) && !covered(s, i) {
            if let Some(e) = antecedents::speech_subject(s, table, &pack.lexicon.grammar, i) {
                added.push(Mention { ent: e, start: i, end: i + 1, coref: true });
                return;
            }
        }
        if let Some(n) = antecedents::short_org_name(&self.recent, table, s, i).filter(|_| !covered(s, i)) {
            added.push(Mention { ent: n.0, start: i, end: i + n.1, coref: true });
            return;
        }
        let Some((e, len)) = self.referent(s, table, roles, &c, added) else { return };
        // The mention takes in the demonstrative before the head ("the bloc", "the military regime").
        let start = if c.demonstrative && !c.after && len == 1 && i > 0 && is_in(&s.words.demonstratives_before, c.prev) {
            i - 1
        } else if c.modified > 0 && !c.after && len == 1 {
            i - 1 - c.modified
        } else {
            i
        };
        if !covered(s, i) {
            added.push(Mention { ent: e, start, end: (i + len).min(s.tokens.len()), coref: true });
        }
    }

    /// The referent of a cue and the tokens it spans, by cue family, in this order. Group
    /// references ("the leaders", "kedua negara") add their mentions to `added` themselves.
    fn referent(&self, s: &Analysed, table: &EntityTable, roles: &[Role], c: &Cue, added: &mut Vec<Mention>) -> Option<(EntRef, usize)> {
        let words = s.words;
        let determined = is_in(&words.demonstratives_before, c.prev);
        if is_in(&words.speaker_side, c.w) {
            s.speaker.map(|sp| side_of(table, sp)).or(self.last_subject).map(|e| (e, 1))
        } else if c.demonstrative && is_in(&words.organization_heads, c.w) {
            self.last_organization.map(|e| (e, c.span))
        } else if c.title_len > 0
            && (determined || c.bare)
            && s.tokens.get(c.i + c.title_len).is_none_or(|t| !(t.is_word && t.is_capitalised()))
        {
            antecedents::titled_person(s, roles, c.i, c.title_len, &self.author_persons)
        } else if determined
            && is_in(&words.group_nouns, c.w)
            && !is_in(&words.organization_heads, c.w)
            && (c.i < 2 || words.collective_number(&s.tokens[c.i - 2].lower).is_none())
        {
            self.group_noun(s, table, c.i, added);
            None
        } else if c.demonstrative && c.modified == 0 && is_in(&words.office_heads, c.w) {
            self.last_office.map(|e| (e, c.span))
        } else if c.demonstrative && is_in(&words.document_heads, c.w) {
            self.last_issuer.map(|e| (e, c.span))
        } else if c.demonstrative && is_in(&words.org_heads, c.w) {
            self.last_org.map(|e| (e, c.span))
        } else if let Some(e) = antecedents::org_by_head(&self.recent, table, c.w, c.after, determined && is_in(&words.body_heads, c.w))
            .filter(|_| !covered(s, c.i))
        {
            Some((e, c.span))
        } else if c.demonstrative
            && is_in(&words.country_heads, c.w)
            && c.prev != "-"
            && !s.tokens.get(c.i + 1).is_some_and(|t| is_in(&words.head_of, &t.lower))
        {
            // Not "the Government of Sudan": the name after it says which.
            self.country(s, table, c.i).map(|e| (e, c.span))
        } else if c.i == 0 && is_in(&words.org_pronouns, c.w) && self.opens_clause_of_org(s, table) {
            self.last_subject.map(|e| (e, 1))
        } else if is_in(&words.person_pronouns, c.w) {
            // "He" as the subject continues the last sentence's subject ("The President spoke
            // with the Amir. ... He urged ..."); elsewhere it is the person last named.
            // Later in a sentence, a person named before it in the sentence ("Blinken traveled to
            // Cairo, where he met ...").
            let subject = !(0..c.i).any(|k| is_verb(words, &s.tokens[k]) || s.tokens[k].text == "\"");
            let here = s.mentions.iter().rfind(|m| m.end <= c.i && table.get(m.ent).etype == EntityType::Person).map(|m| m.ent);
            if subject { self.last_subject_person.or(self.last_person) } else { here.or(self.last_person) }.map(|e| (e, 1))
        } else if let Some(n) = words.collective_number(c.w).filter(|_| is_in(&words.group_nouns, c.next)) {
            self.collective(s, table, c.i, n, added);
            None
        } else if is_in(&words.plural_pronouns, c.w) {
            // "NATO menegaskan bahwa mereka ...": the subject of this sentence, if before; else the
            // last subject, all its sides when it was coordinated ("Japan and Korea met. They urged ...").
            let here = subject_mention(s, table).filter(|m| m.end <= c.i).map(|m| side_of(table, m.ent));
            if here.is_none() && self.last_subject_group.len() >= 2 && !covered(s, c.i) {
                added.extend(self.last_subject_group.iter().map(|&e| Mention { ent: e, start: c.i, end: c.i + 1, coref: true }));
                return None;
            }
            here.or(self.last_subject).map(|e| (e, 1))
        } else if is_in(&words.first_person, c.w) && s.quoted[c.i] {
            s.speaker.map(|sp| (side_of(table, sp), 1))
        } else if is_in(&words.first_person, c.w) && !s.is_title {
            // Outside quotes, "we" in a statement is its author ("We call on the regime to ..."),
            // or its authors together (a joint statement).
            match self.authors.as_slice() {
                [] => None,
                [a] => Some((*a, 1)),
                all => {
                    if !covered(s, c.i) {
                        added.extend(all.iter().map(|&a| Mention { ent: a, start: c.i, end: c.i + 1, coref: true }));
                    }
                    None
                }
            }
        } else {
            None
        }
    }

    /// "Ini juga meminta …": a verb follows the sentence's first word (past adverbs), and the
    /// last sentence's subject was an organisation or a group.
    fn opens_clause_of_org(&self, s: &Analysed, table: &EntityTable) -> bool {
        let verb = s.tokens.iter().skip(1).find(|t| !is_in(&s.words.also, &t.lower)).is_some_and(|t| is_verb(s.words, t));
        verb && self.last_subject.is_some_and(|e| matches!(table.get(e).etype, EntityType::Organization | EntityType::Group))
    }

    /// "all parties", "both sides" at token `i` in a statement on a call or meeting with a
    /// counterpart (else in an article on a conflict between two sides): "both sides" is a group
    /// of two named just before if there is one, else (and "all parties" always) the counterparts. False when no such phrase stands at `i`.
    fn all_parties(&self, s: &Analysed, table: &EntityTable, pack: &LanguagePack, i: usize, added: &mut Vec<Mention>) -> bool {
        let len = longest_phrase(&s.tokens, i, &pack.phrases().all_parties);
        let counterparts = if self.counterparts.is_empty() { &self.belligerents } else { &self.counterparts };
        if len == 0 || s.is_title || covered(s, i) {
            return false;
        }
        let before = added.len();
        let counted = s.words.collective_number(&s.tokens[i].lower);
        if let Some(n) = counted {
            self.collective(s, table, i, n, added);
            // "kedua belah pihak": the whole phrase.
            added[before..].iter_mut().for_each(|m| m.end = m.end.max(i + len));
        }
        if added.len() == before {
            added.extend(counterparts.iter().map(|&e| Mention { ent: e, start: i, end: i + len, coref: true }));
        }
        if added.len() == before && counted.is_none() {
            // "all parties in Libya"; else, in a report naming one country so far that this
            // sentence does not name ("They called on all parties to preserve the calm"), its parties.
            let here = s.mentions.iter().find(|m| m.start == i + len + 1 && located(s, m)).map(|m| m.ent);
            let subject = subject_mention(s, table).map(|m| side_of(table, m.ent));
            let mut others = self.countries_seen.clone();
            antecedents::add_countries(s, table, s.mentions.iter().filter(|m| m.end <= i), &mut others);
            others.retain(|&c| Some(c) != subject);
            if let Some(c) =
                here.filter(|&e| table.get(e).etype == EntityType::Country).or(others.first().copied().filter(|_| others.len() == 1))
            {
                added.push(Mention { ent: c, start: i, end: i + len, coref: true });
            }
        }
        added.len() > before
    }

    /// "The leaders also demanded ...": the latest coordinated group, a sentence or two back.
    fn group_noun(&self, s: &Analysed, table: &EntityTable, i: usize, added: &mut Vec<Mention>) {
        let free = !covered(s, i);
        if let Some((_, g)) = self.groups.iter().rev().find(|(at, _)| s.index.saturating_sub(*at) <= 3) {
            if free {
                for &e in g {
                    added.push(Mention { ent: e, start: i - 1, end: i + 1, coref: true });
                }
            }
        } else if let Some(sides) = (free && is_in(&s.words.person_group_nouns, &s.tokens[i].lower))
            .then(|| self.people_together(table, s.index))
            .filter(|sides| sides.len() >= 2)
        {
            // "President X met Prime Minister Y. The leaders discussed ...": the people's sides.
            for e in sides {
                added.push(Mention { ent: e, start: i - 1, end: i + 1, coref: true });
            }
        } else if let Some(org) = self.last_subject.filter(|&e| free && table.get(e).etype == EntityType::Organization) {
            // "The 42nd ASEAN Summit ... In their statement, the leaders called on ...": the bloc's leaders.
            added.push(Mention { ent: org, start: i - 1, end: i + 1, coref: true });
        }
    }

    /// "the country", "negara itu": in English a country named earlier in the same sentence
    /// comes first ("On Burma, ... the regime"), then the last country named.
    fn country(&self, s: &Analysed, table: &EntityTable, i: usize) -> Option<EntRef> {
        let here = (!s.words.demonstratives_before.is_empty())
            .then(|| {
                s.mentions.iter().rev().find(|m| m.end <= i && !m.coref && table.get(m.ent).etype == EntityType::Country).map(|m| m.ent)
            })
            .flatten();
        here.or(self.last_country)
    }

    /// "ketiga negara", "kedua menlu", "both countries": the last `n` sides named, preferring
    /// the latest coordinated group of that size ("AS, Jepang dan Australia").
    fn collective(&self, s: &Analysed, table: &EntityTable, i: usize, n: usize, added: &mut Vec<Mention>) {
        let words = s.words;
        // The sides already named in this sentence are not "both sides" they address ...
        // but not a side named inside a phrase ("a mission on the Armenian side of the border").
        let governed = |m: &Mention| {
            let mut k = m.start;
            if k > 0 && is_in(&words.articles, &s.tokens[k - 1].lower) {
                k -= 1;
            }
            !words.demonstratives_before.is_empty() && k > 0 && is_preposition(words, &s.tokens[k - 1].lower)
        };
        // Nor those in a fronted phrase ("Dalam pidato menjelang pertemuan delegasi A-B, X ...").
        let fronted =
            s.tokens.first().filter(|t| is_preposition(words, &t.lower)).and_then(|_| s.tokens.iter().position(|t| t.text == ","));
        let own: Vec<EntRef> = s
            .mentions
            .iter()
            .filter(|m| m.end <= i && !governed(m) && fronted.is_none_or(|f| m.start > f))
            .map(|m| side_of(table, m.ent))
            .collect();
        let near = |at: usize, back: usize| s.index.saturating_sub(at) <= back;
        let group = self
            .groups
            .iter()
            .rev()
            .find(|(at, g)| near(*at, 10) && g.len() == n && !g.iter().any(|e| own.contains(e)))
            .map(|(_, g)| g.clone());
        let mut sides: Vec<EntRef> = group.unwrap_or_default();
        // "the two leaders": the sides of the people last named come first.
        let people = is_in(&words.person_group_nouns, &s.tokens.get(i + 1).map_or(String::new(), |t| t.lower.clone()));
        if people && sides.is_empty() {
            sides = self.person_sides(table, s.index, n, &own);
        }
        for e in self.recent.iter().rev().filter(|(at, _)| near(*at, 2)).map(|(_, e)| *e) {
            if sides.len() >= n {
                break;
            }
            let side = side_of(table, e);
            if table.is_actor(e) && table.get(side).etype != EntityType::Person && !sides.contains(&side) && !own.contains(&side) {
                sides.push(side);
            }
        }
        if sides.len() == n && !covered(s, i) {
            for side in sides {
                added.push(Mention { ent: side, start: i, end: (i + 2).min(s.tokens.len()), coref: true });
            }
        }
    }

    /// The distinct sides of the people named in the last three sentences, latest first, up to `n`;
    /// none of `own` (sides named in this sentence before the reference).
    fn person_sides(&self, table: &EntityTable, at: usize, n: usize, own: &[EntRef]) -> Vec<EntRef> {
        let mut sides = Vec::new();
        for &(_, e) in self.recent.iter().rev().filter(|(k, _)| at.saturating_sub(*k) <= 3) {
            let side = side_of(table, e);
            if sides.len() < n && table.get(e).etype == EntityType::Person && side != e && !sides.contains(&side) && !own.contains(&side) {
                sides.push(side);
            }
        }
        sides
    }

    /// The sides of the people named together in one of the last two sentences (the latest
    /// with two sides or more): "President X met Prime Minister Y" before "the leaders".
    fn people_together(&self, table: &EntityTable, at: usize) -> Vec<EntRef> {
        for back in 1..=2 {
            let Some(k) = at.checked_sub(back) else { break };
            let mut sides = Vec::new();
            for &(_, e) in self.recent.iter().filter(|(j, _)| *j == k) {
                let side = side_of(table, e);
                if table.get(e).etype == EntityType::Person && side != e && !sides.contains(&side) {
                    sides.push(side);
                }
            }
            if sides.len() >= 2 {
                return sides;
            }
        }
        Vec::new()
    }

    /// English: "the disputed shoal", "the peninsula": the head noun of a region named before.
    fn region_heads(&self, s: &Analysed, table: &EntityTable, added: &mut Vec<Mention>) {
        if s.words.demonstratives_before.is_empty() {
            return;
        }
        for i in 1..s.tokens.len() {
            let w = s.tokens[i].lower.as_str();
            let det = is_in(&s.words.demonstratives_before, &s.tokens[i - 1].lower)
                || (i >= 2
                    && is_in(&s.words.demonstratives_before, &s.tokens[i - 2].lower)
                    && s.tokens[i - 1].is_word
                    && !s.tokens[i - 1].is_capitalised());
            if !det || !s.tokens[i].is_word || s.tokens[i].is_capitalised() || covered(s, i) {
                continue;
            }
            let head = |e: EntRef| {
                let label = table.get(e).label_en.to_lowercase();
                let last = label.rsplit(' ').next().unwrap_or("").to_string();
                label.contains(' ') && (last == w || last.strip_suffix('s') == Some(w))
            };
            if let Some(&e) = self.regions_seen.iter().rev().find(|&&e| head(e)) {
                added.push(Mention { ent: e, start: i, end: i + 1, coref: true });
            }
        }
    }

    /// Takes in a resolved sentence: its regions, coordinated groups, actors, subject and speaker.
    fn observe(&mut self, s: &Analysed, table: &EntityTable) {
        for m in s.mentions.iter().filter(|m| !m.coref && table.get(m.ent).etype == EntityType::Region) {
            self.regions_seen.push(m.ent);
        }
        self.observe_groups(s, table);
        for m in &s.mentions {
            // "di Brussels" names a place, not a party.
            if table.is_actor(m.ent) && !located(s, m) {
                self.recent.push((s.index, m.ent));
            }
            let ent = table.get(m.ent);
            match ent.etype {
                EntityType::Person => self.last_person = Some(m.ent),
                EntityType::Organization | EntityType::Group if !ent.media => {
                    self.last_org = Some(m.ent);
                    if ent.etype == EntityType::Organization {
                        self.last_organization = Some(m.ent);
                    }
                }
                EntityType::Country => self.last_country = Some(m.ent),
                _ => {}
            }
        }
        antecedents::add_countries(s, table, s.mentions.iter(), &mut self.countries_seen);
        if let Some(c) = antecedents::office_of(s, table) {
            self.last_office = Some(c);
        }
        if let Some(m) = subject_mention(s, table) {
            let side = side_of(table, m.ent);
            self.last_subject = Some(side);
            self.last_subject_group = antecedents::subject_group(s, table, m, &self.groups);
            // A body naming a document issued it (not "an Israeli decision": another side's); a
            // country, only with a verb of issuing.
            let issued = |w: &[String]| s.tokens.iter().any(|t| is_in(w, &t.lower));
            let others = |k: usize| s.mentions.iter().any(|o| o.end == k && side_of(table, o.ent) != side);
            let own = (0..s.tokens.len()).any(|k| is_in(&s.words.document_heads, &s.tokens[k].lower) && !others(k));
            let issuer = match table.get(side).etype {
                EntityType::Organization => own,
                EntityType::Country => issued(&s.words.issue_verbs) && issued(&s.words.document_heads),
                _ => false,
            };
            // "the UN decree" after "the United Nations Security Council approved …": the organ stays.
            let organ = |old: EntRef| table.get(old).names.iter().any(|n| n.starts_with(&format!("{} ", table.get(side).label_en)));
            if issuer && !self.last_issuer.is_some_and(organ) {
                self.last_issuer = Some(side);
            }
        }
        // The person the sentence is about: who speaks in it, else its subject outside a quote.
        let subject = subject_mention(s, table).filter(|m| !s.quoted[m.start]).map(|m| m.ent);
        if let Some(p) = s.speaker.or(subject).filter(|&e| table.get(e).etype == EntityType::Person) {
            self.last_subject_person = Some(p);
        }
        if s.speaker.is_some() {
            self.last_speaker = s.speaker;
        }
        self.quote_speaker = s.speaker.filter(|_| s.quoted.iter().any(|&q| q));
    }

    /// Coordinated groups of actors: "A, B dan C".
    fn observe_groups(&mut self, s: &Analysed, table: &EntityTable) {
        let mut group: Vec<EntRef> = Vec::new();
        let mut last_end = usize::MAX;
        for m in s.mentions.iter().filter(|m| table.is_actor(m.ent) && !m.coref) {
            // "officials from Thailand and Cambodia", "delegasi dari X dan Y": people of the sides.
            let people_from = m.start >= 2
                && is_in(&s.words.direction_preps, &s.tokens[m.start - 1].lower)
                && is_in(&s.words.group_nouns, &s.tokens[m.start - 2].lower);
            if (located(s, m) && !people_from) || (table.get(m.ent).etype == EntityType::City && !group.is_empty()) {
                last_end = usize::MAX;
                continue;
            }
            let side = side_of(table, m.ent);
            let joined = last_end != usize::MAX
                && m.start > last_end
                && s.tokens[last_end..m.start]
                    .iter()
                    .all(|t| t.text == "," || is_in(&s.words.coordinators, &t.lower) || is_in(&s.words.articles, &t.lower));
            if !joined {
                if group.len() >= 2 {
                    self.groups.push((s.index, std::mem::take(&mut group)));
                }
                group.clear();
            }
            if !group.contains(&side) && table.get(side).etype != EntityType::Person {
                group.push(side);
            }
            last_end = m.end;
        }
        if group.len() >= 2 {
            self.groups.push((s.index, group));
        }
    }
}

/// The first actor mention of a sentence that stands before its first verb.
fn subject_mention<'a>(s: &'a Analysed, table: &EntityTable) -> Option<&'a Mention> {
    let first_verb = s.tokens.iter().position(|t| is_verb(s.words, t)).unwrap_or(s.tokens.len());
    s.mentions
        .iter()
        .filter(|m| m.start < first_verb && table.is_actor(m.ent) && !is_dateline(s, m))
        .find(|m| m.start == 0 || !is_preposition(s.words, &s.tokens[m.start - 1].lower) || antecedents::members_of(s, m.start))
}

#[cfg(test)]
#[path = "coreference_tests.rs"]
mod tests;
