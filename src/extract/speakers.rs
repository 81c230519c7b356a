//! Who speaks in a sentence: the person a speech verb, "according to" or a quotation's
//! attribution names, or the speaker already known.

use super::entities::EntityTable;
use super::{Analysed, EntRef};
use crate::lang::{is_in, EntityType, GrammarLex};

/// Who speaks in a sentence: "kata X", "menurut X", "X said", "tegasnya" (the speaker
/// already known), "..., he said" (the person last named), "X mengatakan (bahwa) ...".
pub fn find_speaker(
    s: &Analysed,
    table: &EntityTable,
    lex: &GrammarLex,
    previous: Option<EntRef>,
    last_person: Option<EntRef>,
) -> Option<EntRef> {
    let has_quote = s.tokens.iter().any(|t| t.text == "\"");
    for (i, t) in s.tokens.iter().enumerate() {
        if s.quoted[i] && t.text != "\"" {
            continue;
        }
        if is_in(&lex.speech_self, &t.lower) {
            return previous;
        }
        if is_in(&lex.speech, &t.lower) {
            if let Some(m) = s.mentions.iter().find(|m| m.start == i + 1 && table.is_actor(m.ent)) {
                return Some(m.ent);
            }
        }
        // "\"…,\" demikian pernyataan misi Uni Afrika": a closing attribution names its source
        // within a few words.
        if has_quote && is_in(&lex.speech_closers, &t.lower) {
            if let Some(m) = s.mentions.iter().find(|m| m.start > i && m.start <= i + 4 && !s.quoted[m.start] && table.is_actor(m.ent)) {
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
        if has_quote && is_in(&lex.speech_verbs, &t.lower) {
            if let Some(m) = s.mentions.iter().find(|m| m.end == i && table.is_actor(m.ent)) {
                return Some(m.ent);
            }
            // "...," he said: the person last named.
            if i > 0 && is_in(&s.words.person_pronouns, &s.tokens[i - 1].lower) && last_person.is_some() {
                return last_person;
            }
            // '"…," Uganda's foreign minister said', '"…," the French foreign ministry said': the
            // side a short unquoted phrase right before the verb names.
            let short =
                |m: &&crate::extract::entities::Mention| m.end < i && m.start + 5 >= i && !s.quoted[m.start] && table.is_actor(m.ent);
            if let Some(m) = s.mentions.iter().rfind(short).filter(|m| s.tokens[m.end..i].iter().all(|t| t.is_word || t.text == "'")) {
                return Some(m.ent);
            }
        }
    }
    // Reported speech: "Stoltenberg mengatakan (bahwa) ...".
    s.mentions
        .iter()
        .find(|m| table.get(m.ent).etype == EntityType::Person && s.tokens.get(m.end).is_some_and(|t| is_in(&lex.speech_verbs, &t.lower)))
        .map(|m| m.ent)
}

/// A sentence that is a quotation and nothing else.
pub fn bare_quote(s: &Analysed) -> bool {
    s.tokens.first().is_some_and(|t| t.text == "\"") && s.tokens.iter().zip(&s.quoted).all(|(t, &q)| q || !t.is_word)
}
