//! The scorer's `norm()`: how gold aliases and extracted labels are compared,
//! with Python's NFKC, `str.casefold()` and `\s`.

use unicode_normalization::UnicodeNormalization;

/// The scorer's `norm()`: NFKC, case folding, whitespace runs to one space, and
/// `` .,'"“”‘’`` stripped from both ends.
pub fn norm(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.nfkc() {
        casefold(c, &mut folded);
    }
    let mut out = String::with_capacity(folded.len());
    let mut in_space = false;
    for c in folded.chars() {
        if py_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out.trim_matches(|c| " .,'\"“”‘’".contains(c)).to_string()
}

/// Python's `\s` (`str.isspace`): Unicode white space plus the separators U+001C–U+001F.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.casefold()` for one character: full lower case except where Unicode
/// case folding differs (ß → ss, ς → σ, Cherokee folds to capitals, …).
fn casefold(c: char, out: &mut String) {
    match c as u32 {
        0x13A0..=0x13F5 => out.push(c),
        0x13F8..=0x13FD => out.extend(char::from_u32(c as u32 - 8)),
        0xAB70..=0xABBF => out.extend(char::from_u32(c as u32 - 0xAB70 + 0x13A0)),
        _ => match CASEFOLD.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => out.push_str(CASEFOLD[i].1),
            Err(_) => out.extend(c.to_lowercase()),
        },
    }
}

/// Characters whose Unicode case folding differs from their lower case (outside the
/// Cherokee blocks, handled in `casefold`), sorted; generated from Python's `str.casefold`.
#[rustfmt::skip]
const CASEFOLD: &[(char, &str)] = &[
    ('\u{b5}', "\u{3bc}"), ('\u{df}', "\u{73}\u{73}"), ('\u{149}', "\u{2bc}\u{6e}"), ('\u{17f}', "\u{73}"), ('\u{1f0}', "\u{6a}\u{30c}"),
    ('\u{345}', "\u{3b9}"), ('\u{390}', "\u{3b9}\u{308}\u{301}"), ('\u{3b0}', "\u{3c5}\u{308}\u{301}"), ('\u{3c2}', "\u{3c3}"),
    ('\u{3d0}', "\u{3b2}"), ('\u{3d1}', "\u{3b8}"), ('\u{3d5}', "\u{3c6}"), ('\u{3d6}', "\u{3c0}"), ('\u{3f0}', "\u{3ba}"),
    ('\u{3f1}', "\u{3c1}"), ('\u{3f5}', "\u{3b5}"), ('\u{587}', "\u{565}\u{582}"), ('\u{1c80}', "\u{432}"), ('\u{1c81}', "\u{434}"),
    ('\u{1c82}', "\u{43e}"), ('\u{1c83}', "\u{441}"), ('\u{1c84}', "\u{442}"), ('\u{1c85}', "\u{442}"), ('\u{1c86}', "\u{44a}"),
    ('\u{1c87}', "\u{463}"), ('\u{1c88}', "\u{a64b}"), ('\u{1e96}', "\u{68}\u{331}"), ('\u{1e97}', "\u{74}\u{308}"),
    ('\u{1e98}', "\u{77}\u{30a}"), ('\u{1e99}', "\u{79}\u{30a}"), ('\u{1e9a}', "\u{61}\u{2be}"), ('\u{1e9b}', "\u{1e61}"),
    ('\u{1e9e}', "\u{73}\u{73}"), ('\u{1f50}', "\u{3c5}\u{313}"), ('\u{1f52}', "\u{3c5}\u{313}\u{300}"),
    ('\u{1f54}', "\u{3c5}\u{313}\u{301}"), ('\u{1f56}', "\u{3c5}\u{313}\u{342}"), ('\u{1f80}', "\u{1f00}\u{3b9}"),
    ('\u{1f81}', "\u{1f01}\u{3b9}"), ('\u{1f82}', "\u{1f02}\u{3b9}"), ('\u{1f83}', "\u{1f03}\u{3b9}"), ('\u{1f84}', "\u{1f04}\u{3b9}"),
    ('\u{1f85}', "\u{1f05}\u{3b9}"), ('\u{1f86}', "\u{1f06}\u{3b9}"), ('\u{1f87}', "\u{1f07}\u{3b9}"), ('\u{1f88}', "\u{1f00}\u{3b9}"),
    ('\u{1f89}', "\u{1f01}\u{3b9}"), ('\u{1f8a}', "\u{1f02}\u{3b9}"), ('\u{1f8b}', "\u{1f03}\u{3b9}"), ('\u{1f8c}', "\u{1f04}\u{3b9}"),
    ('\u{1f8d}', "\u{1f05}\u{3b9}"), ('\u{1f8e}', "\u{1f06}\u{3b9}"), ('\u{1f8f}', "\u{1f07}\u{3b9}"), ('\u{1f90}', "\u{1f20}\u{3b9}"),
    ('\u{1f91}', "\u{1f21}\u{3b9}"), ('\u{1f92}', "\u{1f22}\u{3b9}"), ('\u{1f93}', "\u{1f23}\u{3b9}"), ('\u{1f94}', "\u{1f24}\u{3b9}"),
    ('\u{1f95}', "\u{1f25}\u{3b9}"), ('\u{1f96}', "\u{1f26}\u{3b9}"), ('\u{1f97}', "\u{1f27}\u{3b9}"), ('\u{1f98}', "\u{1f20}\u{3b9}"),
    ('\u{1f99}', "\u{1f21}\u{3b9}"), ('\u{1f9a}', "\u{1f22}\u{3b9}"), ('\u{1f9b}', "\u{1f23}\u{3b9}"), ('\u{1f9c}', "\u{1f24}\u{3b9}"),
    ('\u{1f9d}', "\u{1f25}\u{3b9}"), ('\u{1f9e}', "\u{1f26}\u{3b9}"), ('\u{1f9f}', "\u{1f27}\u{3b9}"), ('\u{1fa0}', "\u{1f60}\u{3b9}"),
    ('\u{1fa1}', "\u{1f61}\u{3b9}"), ('\u{1fa2}', "\u{1f62}\u{3b9}"), ('\u{1fa3}', "\u{1f63}\u{3b9}"), ('\u{1fa4}', "\u{1f64}\u{3b9}"),
    ('\u{1fa5}', "\u{1f65}\u{3b9}"), ('\u{1fa6}', "\u{1f66}\u{3b9}"), ('\u{1fa7}', "\u{1f67}\u{3b9}"), ('\u{1fa8}', "\u{1f60}\u{3b9}"),
    ('\u{1fa9}', "\u{1f61}\u{3b9}"), ('\u{1faa}', "\u{1f62}\u{3b9}"), ('\u{1fab}', "\u{1f63}\u{3b9}"), ('\u{1fac}', "\u{1f64}\u{3b9}"),
    ('\u{1fad}', "\u{1f65}\u{3b9}"), ('\u{1fae}', "\u{1f66}\u{3b9}"), ('\u{1faf}', "\u{1f67}\u{3b9}"), ('\u{1fb2}', "\u{1f70}\u{3b9}"),
    ('\u{1fb3}', "\u{3b1}\u{3b9}"), ('\u{1fb4}', "\u{3ac}\u{3b9}"), ('\u{1fb6}', "\u{3b1}\u{342}"), ('\u{1fb7}', "\u{3b1}\u{342}\u{3b9}"),
    ('\u{1fbc}', "\u{3b1}\u{3b9}"), ('\u{1fbe}', "\u{3b9}"), ('\u{1fc2}', "\u{1f74}\u{3b9}"), ('\u{1fc3}', "\u{3b7}\u{3b9}"),
    ('\u{1fc4}', "\u{3ae}\u{3b9}"), ('\u{1fc6}', "\u{3b7}\u{342}"), ('\u{1fc7}', "\u{3b7}\u{342}\u{3b9}"), ('\u{1fcc}', "\u{3b7}\u{3b9}"),
    ('\u{1fd2}', "\u{3b9}\u{308}\u{300}"), ('\u{1fd3}', "\u{3b9}\u{308}\u{301}"), ('\u{1fd6}', "\u{3b9}\u{342}"),
    ('\u{1fd7}', "\u{3b9}\u{308}\u{342}"), ('\u{1fe2}', "\u{3c5}\u{308}\u{300}"), ('\u{1fe3}', "\u{3c5}\u{308}\u{301}"),
    ('\u{1fe4}', "\u{3c1}\u{313}"), ('\u{1fe6}', "\u{3c5}\u{342}"), ('\u{1fe7}', "\u{3c5}\u{308}\u{342}"),
    ('\u{1ff2}', "\u{1f7c}\u{3b9}"), ('\u{1ff3}', "\u{3c9}\u{3b9}"), ('\u{1ff4}', "\u{3ce}\u{3b9}"), ('\u{1ff6}', "\u{3c9}\u{342}"),
    ('\u{1ff7}', "\u{3c9}\u{342}\u{3b9}"), ('\u{1ffc}', "\u{3c9}\u{3b9}"), ('\u{fb00}', "\u{66}\u{66}"), ('\u{fb01}', "\u{66}\u{69}"),
    ('\u{fb02}', "\u{66}\u{6c}"), ('\u{fb03}', "\u{66}\u{66}\u{69}"), ('\u{fb04}', "\u{66}\u{66}\u{6c}"), ('\u{fb05}', "\u{73}\u{74}"),
    ('\u{fb06}', "\u{73}\u{74}"), ('\u{fb13}', "\u{574}\u{576}"), ('\u{fb14}', "\u{574}\u{565}"), ('\u{fb15}', "\u{574}\u{56b}"),
    ('\u{fb16}', "\u{57e}\u{576}"), ('\u{fb17}', "\u{574}\u{56d}"),
];

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are what Python 3.11 prints.
    #[test]
    fn norm_is_the_scorers() {
        assert_eq!(norm("  \u{201c}Rusia\u{201d} "), "rusia");
        assert_eq!(norm("\u{1c}x\u{1f} y"), "x y");
        assert_eq!(norm(". ,AS'"), "as");
        assert_eq!(norm("\u{1e9e}tra\u{df}e"), "sstrasse");
        assert_eq!(norm("\u{3a3}\u{391}\u{3a3}"), "\u{3c3}\u{3b1}\u{3c3}");
        assert_eq!(norm("\u{13a0}\u{ab70}"), "\u{13a0}\u{13a0}");
        assert_eq!(norm("\u{fb01}"), "fi");
        assert_eq!(norm("x\u{a0}\u{2003}y"), "x y");
    }

    #[test]
    fn casefold_table_is_sorted() {
        assert!(CASEFOLD.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
