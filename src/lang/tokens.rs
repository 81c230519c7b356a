//! Tokens: words (letters, digits, inner apostrophes and dotted initials) and punctuation,
//! with byte offsets into the normalised text; lexicon phrases matched against them.

#[derive(Debug, Clone)]
pub struct Token {
    pub text: String,
    pub lower: String,
    pub start: usize,
    pub end: usize,
    pub is_word: bool,
}

impl Token {
    pub fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits `text` (which starts at byte `base` of the document) into tokens.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                let next = chars.get(j + 1).map(|n| n.1);
                let continues = if cj.is_alphanumeric() {
                    true
                } else if cj == '\'' {
                    // "Jum'at" stays one word; the English possessive "Russia's" does not. The
                    // tokenizer runs while the packs are parsed, so this split is language-independent.
                    let possessive = matches!(next, Some('s' | 'S')) && chars.get(j + 2).is_none_or(|c| !c.1.is_alphanumeric());
                    next.is_some_and(char::is_alphanumeric) && !possessive
                } else if cj == '.' {
                    let digits = chars[j - 1].1.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
                    // Dotted initials: every part so far is one letter ("U.S").
                    let initials =
                        chars[i..j].iter().enumerate().all(|(k, c)| (k % 2 == 0) == c.1.is_alphabetic() && (k % 2 == 1) == (c.1 == '.'))
                            && next.is_some_and(char::is_alphabetic)
                            && chars.get(j + 2).is_none_or(|n| !n.1.is_alphanumeric());
                    digits || initials
                } else {
                    false
                };
                if !continues {
                    break;
                }
                j += 1;
            }
            // "U.S." keeps its final dot when the word is dotted initials.
            let mut end_idx = j;
            if j < chars.len()
                && chars[j].1 == '.'
                && chars[i..j].iter().any(|c| c.1 == '.')
                && !chars[i..j].iter().any(|c| c.1.is_ascii_digit())
            {
                end_idx = j + 1;
            }
            let end = chars.get(end_idx).map(|c| c.0).unwrap_or(text.len());
            let word = &text[pos..end];
            out.push(Token { text: word.to_string(), lower: word.to_lowercase(), start: base + pos, end: base + end, is_word: true });
            i = end_idx;
        } else {
            let end = pos + c.len_utf8();
            out.push(Token { text: c.to_string(), lower: c.to_string(), start: base + pos, end: base + end, is_word: false });
            i += 1;
        }
    }
    out
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

/// A possessive marker ("'s" in "Russia's") starting at token `i`: the number of tokens it spans.
/// The markers of every registered pack count in every article, as they always have.
pub fn possessive_at(tokens: &[Token], i: usize) -> Option<usize> {
    Some(longest_phrase(tokens, i, &super::shared_cues().possessives))
        .filter(|&n| n > 0)
        .or_else(|| bare_apostrophe(tokens, i).then_some(1))
}

/// "Hamas' demands", "the United States' call": an apostrophe alone after a word ending in
/// "s" (not closing a quotation it opened: "'Hamas'").
fn bare_apostrophe(tokens: &[Token], i: usize) -> bool {
    i >= 1
        && tokens.get(i).is_some_and(|t| t.text == "'")
        && tokens[i - 1].is_word
        && tokens[i - 1].text.ends_with('s')
        && !tokens[..i - 1].iter().rev().take(4).any(|t| t.text == "'")
        && tokens.get(i + 1).is_some_and(|t| t.is_word)
}

/// A possessive marker ending right before token `end`: the token where it starts.
pub fn possessive_before(tokens: &[Token], end: usize) -> Option<usize> {
    super::shared_cues()
        .possessives
        .iter()
        .filter(|p| !p.is_empty() && p.len() <= end && longest_phrase(tokens, end - p.len(), std::slice::from_ref(p)) == p.len())
        .map(|p| end - p.len())
        .min()
        .or_else(|| (end >= 1 && bare_apostrophe(tokens, end - 1)).then(|| end - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_hyphens_keeps_apostrophes_and_initials() {
        assert_eq!(words("Dewan Rusia-NATO, Jum'at"), vec!["Dewan", "Rusia", "-", "NATO", ",", "Jum'at"]);
        assert_eq!(words("the U.S. said"), vec!["the", "U.S.", "said"]);
        assert_eq!(words("pukul 10.30 WIB."), vec!["pukul", "10.30", "WIB", "."]);
        assert_eq!(words("(13/1/2022)"), vec!["(", "13", "/", "1", "/", "2022", ")"]);
        assert_eq!(words("Russia's demand, didn't"), vec!["Russia", "'", "s", "demand", ",", "didn't"]);
    }

    #[test]
    fn finds_the_possessive_after_a_name() {
        let toks = tokenize("Russia's demand and Jum'at", 0);
        assert_eq!(possessive_at(&toks, 1), Some(2));
        assert_eq!(possessive_before(&toks, 3), Some(1));
        assert_eq!(possessive_at(&toks, 0), None);
        assert_eq!(possessive_at(&toks, 5), None);
        assert_eq!(possessive_before(&toks, 2), None);
    }

    #[test]
    fn longest_phrase_prefers_the_longer_entry() {
        let toks = tokenize("Menteri Luar Negeri Rusia", 0);
        let phrases = vec![vec!["menteri".to_string()], vec!["menteri".into(), "luar".into(), "negeri".into()]];
        assert_eq!(longest_phrase(&toks, 0, &phrases), 3);
        assert_eq!(longest_phrase(&toks, 1, &phrases), 0);
    }
}
