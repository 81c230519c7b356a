//! A party named through its body: "the Government of Sudan", "the military authorities of
//! Myanmar", "the transitional government in Mali", "otoritas di Myanmar" stand for the country.

use super::tokens::Token;
use super::Analysed;
use crate::lang::is_in;

/// "(the) Government(s) of" before a name at `k`: how many tokens it takes, up to the name.
pub fn government_of(s: &Analysed, k: usize) -> Option<usize> {
    let w = s.words;
    let mut head = usize::from(s.tokens.get(k).is_some_and(|t| is_in(&w.articles, &t.lower)));
    let office = |t: &Token| is_in(&w.offices_of_named, &t.lower);
    let is_head = |t: &Token| {
        let singular = t.lower.strip_suffix('s').unwrap_or(&t.lower);
        is_in(&w.country_heads, &t.lower) || is_in(&w.country_heads, singular) || is_in(&w.heads_of_named, &t.lower) || office(t)
    };
    // "the military authorities of Myanmar": one lower-case modifier after the article; "the
    // Prime Minister of Israel": any before an office.
    let modifier = |t: &Token| t.is_word && (!t.is_capitalised() || s.tokens.get(k + 2).is_some_and(office));
    if head == 1 && s.tokens.get(k + 2).is_some_and(is_head) && modifier(&s.tokens[k + 1]) {
        head = 2;
    }
    let t = s.tokens.get(k + head)?;
    let named = is_head(t);
    let of = s.tokens.get(k + head + 1).is_some_and(|t| is_in(&w.head_of, &t.lower));
    if named && of && named_at(s, k + head + 2) {
        return Some(head + 2);
    }
    body_in_place(s, k)
}

/// "the transitional government in Mali", "otoritas di Myanmar", "pemerintah transisi di Mali":
/// a body in a place is the place's side; a lower-case modifier (not a verb) before or after the head.
fn body_in_place(s: &Analysed, k: usize) -> Option<usize> {
    let w = s.words;
    let word = |i: usize, list: &[String]| s.tokens.get(i).is_some_and(|t| is_in(list, &t.lower));
    let modifier = |i: usize| s.tokens.get(i).is_some_and(|t| t.is_word && !t.is_capitalised() && !w.is_verb_word(&t.lower, false));
    let mut i = k + usize::from(word(k, &w.articles) && !word(k, &w.heads_in_place));
    i += usize::from(!word(i, &w.heads_in_place) && modifier(i));
    if !word(i, &w.heads_in_place) {
        return None;
    }
    i += 1;
    i += usize::from(!word(i, &w.location_preps) && modifier(i));
    (word(i, &w.location_preps) && named_at(s, i + 1)).then_some(i + 1 - k)
}

/// A name starts at token `k`.
fn named_at(s: &Analysed, k: usize) -> bool {
    s.mentions.iter().any(|m| m.start == k)
}
