//! A demanded clause split into its actions: "stop the attacks and release the hostages" asks two things.

use super::clauses::is_verb;
use super::Analysed;
use crate::lang::is_in;

/// Splits a demanded clause at "dan/serta/," followed by a verb: one action each.
pub fn split_actions(s: &Analysed, start: usize, end: usize) -> Vec<(usize, usize)> {
    let w = s.words;
    // English bare verbs ("cease", "release", "restore") and "to" before them ("and to lift").
    let base = |k: usize| {
        let k = if s.tokens.get(k).is_some_and(|t| t.lower == "to") && !w.base_verbs.is_empty() { k + 1 } else { k };
        s.tokens.get(k).is_some_and(|t| is_in(&w.base_verbs, &t.lower))
    };
    let head = |k: usize| {
        is_verb(w, &s.tokens[k])
            || base(k)
            // "immediately cease ...": an adverb before the bare verb.
            || (!w.base_verbs.is_empty() && s.tokens[k].lower.ends_with("ly") && base(k + 1))
    };
    let mut parts = Vec::new();
    let mut from = start;
    let mut k = start + 1;
    while k + 1 < end {
        let wd = s.tokens[k].lower.as_str();
        let comma = wd == "," && !w.base_verbs.is_empty() && s.quoted.get(k) == s.quoted.get(start);
        if (is_in(&s.words.coordinators, wd) || comma) && k > from {
            let mut v = k + 1;
            if is_in(&s.words.coordinators, &s.tokens[v].lower) || is_in(&s.words.also, &s.tokens[v].lower) {
                v += 1;
            }
            // English: "..., and said ...", "... and asked X to ...": a finite verb after the
            // coordinator starts another clause of the subject; the action ends here.
            if !w.base_verbs.is_empty() && v < end && is_verb(w, &s.tokens[v]) && !base(v) {
                parts.push((from, k));
                return parts.into_iter().filter(|(a, b)| b > a).collect();
            }
            if v < end && (is_verb(w, &s.tokens[v]) || base(v)) && head(from) {
                parts.push((from, k));
                from = v;
                k = v + 1;
                continue;
            }
        }
        k += 1;
    }
    parts.push((from, end));
    parts.into_iter().filter(|(a, b)| b > a).collect()
}
