//! The cue of a reference: a token of a sentence and the words around it (a demonstrative
//! before or after it, a modifier between, a title) that may make it point back.

use super::clauses::is_verb;
use super::tokens::longest_phrase;
use super::Analysed;
use crate::lang::{is_in, LanguagePack};

/// Token `i` of a sentence and the words around it that may make it a reference.
pub(super) struct Cue<'a> {
    pub(super) i: usize,
    pub(super) w: &'a str,
    pub(super) next: &'a str,
    pub(super) prev: &'a str,
    /// "blok itu", "kelompok pemberontak tersebut" (id): the demonstrative after the head noun.
    pub(super) after: bool,
    /// "the military regime", "the 27-member bloc": tokens of one lower-case modifier (or a
    /// hyphenated number compound) between the article and the head; 0 when none.
    pub(super) modified: usize,
    /// "blok itu" (id) or "the bloc" (en): a head noun with its demonstrative.
    pub(super) demonstrative: bool,
    /// Tokens the reference spans from `i`.
    pub(super) span: usize,
    /// "the Secretary", "the Foreign Minister": a title after a demonstrative.
    pub(super) title_len: usize,
    /// "Menlu juga meminta …": a bare title before a verb, in a language without articles.
    pub(super) bare: bool,
}

impl<'a> Cue<'a> {
    pub(super) fn at(s: &'a Analysed, pack: &LanguagePack, i: usize) -> Self {
        let words = s.words;
        let w = s.tokens[i].lower.as_str();
        let next = s.tokens.get(i + 1).map(|t| t.lower.as_str()).unwrap_or("");
        let prev = if i > 0 { s.tokens[i - 1].lower.as_str() } else { "" };
        // "kelompok pemberontak tersebut": one lower-case modifier between the head and its demonstrative.
        let modifier_after = s.tokens.get(i + 1).is_some_and(|t| t.is_word && !t.is_capitalised() && !is_verb(words, t))
            && s.tokens.get(i + 2).is_some_and(|t| is_in(&words.demonstratives_after, &t.lower));
        let after = is_in(&words.demonstratives_after, next) || modifier_after;
        // Not a number: "the two allies" is a group of two, not the alliance.
        let lower_word =
            |k: usize| s.tokens[k].is_word && !s.tokens[k].is_capitalised() && words.collective_number(&s.tokens[k].lower).is_none();
        let free = |k: usize| !s.mentions.iter().any(|m| m.start <= k && k < m.end);
        let modified = if i >= 2 && is_in(&words.demonstratives_before, &s.tokens[i - 2].lower) && lower_word(i - 1) && free(i - 1) {
            1
        } else if i >= 4
            && is_in(&words.demonstratives_before, &s.tokens[i - 4].lower)
            && s.tokens[i - 3].text.chars().all(|c| c.is_ascii_digit())
            && s.tokens[i - 2].text == "-"
            && lower_word(i - 1)
        {
            3
        } else {
            0
        };
        let determined = is_in(&words.demonstratives_before, prev);
        let demonstrative = after || determined || modified > 0;
        let span = if modifier_after {
            3
        } else if after {
            2
        } else {
            1
        };
        // A language without articles names an official met before by the bare title, then
        // a verb ("Menlu juga meminta …"): not a title before a name. Titles are looked up only
        // where one could count (this runs on every token).
        let bare_word = words.demonstratives_before.is_empty() && s.tokens[i].is_capitalised() && free(i);
        let titled = if determined || bare_word { longest_phrase(&s.tokens, i, &pack.phrases().titles) } else { 0 };
        let bare = bare_word && titled > 0 && {
            let mut k = i + titled;
            while s.tokens.get(k).is_some_and(|t| is_in(&pack.lexicon.grammar.adverbs, &t.lower)) {
                k += 1;
            }
            s.tokens.get(k).is_some_and(|t| !t.is_capitalised() && is_verb(words, t))
        };
        let title_len = if determined || bare { titled } else { 0 };
        Cue { i, w, next, prev, after, modified, demonstrative, span, title_len, bare }
    }
}
