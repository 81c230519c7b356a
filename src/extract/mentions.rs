//! Mention finding: each sentence tokenized, its quotations marked, and the names of the
//! entity table (gazetteer entries, article-local people) found in it.

use super::entities::{EntityTable, Mention};
use super::segment::Sentence;
use super::tokens::{tokenize, Token};
use super::Analysed;
use crate::lang::{is_in, LanguagePack, Words};

/// Per token: inside a quotation. Marks toggle; where a sentence has an odd number of them
/// (a stray mark of web copy: 'dukungan "kuat" bagi gencatan senjata tanpa syarat," yang …'), a
/// mark glued to the word before it closes (or is ignored) and one glued to the word after it opens.
fn quote_flags(text: &str, tokens: &[Token]) -> Vec<bool> {
    let marks = tokens.iter().filter(|t| t.text == "\"").count();
    let mut quoted = Vec::with_capacity(tokens.len());
    let mut inside = false;
    for t in tokens {
        if t.text == "\"" {
            if marks % 2 == 0 {
                inside = !inside;
            } else {
                let glued_before = text[..t.start].chars().next_back().is_some_and(|c| !c.is_whitespace() && c != '(');
                let glued_after = text[t.end..].chars().next().is_some_and(char::is_alphanumeric);
                inside = if glued_before {
                    false
                } else if glued_after {
                    true
                } else {
                    !inside
                };
            }
        }
        quoted.push(inside);
    }
    quoted
}

/// Tokens, quote flags and gazetteer mentions of every sentence.
pub fn analyse(text: &str, sentences: &[Sentence], table: &mut EntityTable, pack: &'static LanguagePack) -> Vec<Analysed> {
    let mut lead_seen = false;
    let mut out = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let tokens = tokenize(&text[s.start..s.end], s.start);
            let quoted = quote_flags(text, &tokens);
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

/// A `context_names` name at `i..i + n` that belongs to another body here: a possessive or a
/// name right before it ("Russia's Security Council"), a capitalised word or "of" after it
/// ("Dewan Keamanan Nasional", "Security Council of Ukraine").
fn owned_elsewhere(tokens: &[Token], found: &[Mention], lang: &Words, i: usize, n: usize) -> bool {
    if !lang.context_names.iter().any(|c| c.split_whitespace().eq(tokens[i..i + n].iter().map(|t| t.text.as_str()))) {
        return false;
    }
    let possessed = i >= 2 && tokens[i - 1].lower == "s" && tokens[i - 2].text == "'";
    let named_before = found.last().is_some_and(|m| m.end == i);
    let after = tokens.get(i + n);
    let longer = after.is_some_and(|t| t.is_word && (t.is_capitalised() || t.lower == "of" || t.lower == "dari"));
    possessed || named_before || longer
}

/// Longest names first, left to right.
pub(super) fn find_mentions(tokens: &[Token], table: &mut EntityTable, lang: &Words) -> Vec<Mention> {
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
            // A one-word short name followed by another name word starts someone else's full name:
            // "Kim Yeon-chul" after "Kim Jong Un", "Mohammed Ali" after "Mohammed bin Salman".
            let other_name = n0 == 1
                && table.gazetteer().longest_match(&words[i..]).is_none()
                && table.is_short_person_name(words[i])
                && tokens.get(i + 1).is_some_and(|t| t.is_word && t.is_capitalised());
            if other_name {
                i += 1;
                continue;
            }
            if let Some((e, n)) = table.match_at(&words[i..]).filter(|&(_, n)| !owned_elsewhere(tokens, &out, lang, i, n)) {
                // "junta militer Myanmar" makes a later bare "junta" refer to it.
                if n > 1 && is_in(&lang.group_head_aliases, &tokens[i].text) {
                    table.add_local(vec![tokens[i].text.clone()], e);
                }
                // English puts the head last: "Myanmar's junta", "the military junta".
                if n > 1 && !lang.demonstratives_before.is_empty() && is_in(&lang.group_head_aliases, &tokens[i + n - 1].lower) {
                    table.add_local(vec![tokens[i + n - 1].text.clone()], e);
                }
                // A known person named here ("Sheikh Tamim bin Hamad Al Thani", "Boris Johnson")
                // is found again later by the first or last word of the full name ("Amir Tamim",
                // "Johnson"), as a person first found in the text is: the gazetteer then needs no
                // bare surname that other people share.
                if table.get(e).etype == crate::lang::EntityType::Person && table.first_naming(e) {
                    let key: Vec<Token> = super::tokens::tokenize(&table.get(e).key, 0);
                    if key.iter().all(|t| t.is_word) {
                        table.add_short_names(&key.into_iter().map(|t| t.text).collect::<Vec<_>>(), e);
                    }
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

#[cfg(test)]
mod tests {
    use crate::extract::test_support::analysed;

    #[test]
    fn finds_gazetteer_names_and_marks_quotations() {
        let run = analysed("id", "", "Menlu Rusia Sergey Lavrov tiba di Jenewa. \"Kami siap berunding,\" katanya.");
        assert_eq!(
            run.mentions(0),
            vec![("Rusia".to_string(), "Russia"), ("Sergey Lavrov".to_string(), "Sergey Lavrov"), ("Jenewa".to_string(), "Geneva")]
        );
        let quote = &run.sents[1];
        let kami = quote.tokens.iter().position(|t| t.text == "Kami").expect("a token");
        let kata = quote.tokens.iter().position(|t| t.text == "katanya").expect("a token");
        assert!(quote.quoted[kami]);
        assert!(!quote.quoted[kata]);
        assert!(run.sents[0].is_lead && !run.sents[1].is_lead);
    }

    #[test]
    fn a_group_head_in_a_name_refers_to_it_later() {
        let run = analysed("en", "", "Myanmar's military junta arrested the activists. The junta said they had broken the law.");
        assert_eq!(run.at(0, "Myanmar"), vec!["Myanmar"]);
        assert_eq!(run.at(1, "junta"), vec!["Myanmar"]);
    }

    #[test]
    fn a_known_person_is_found_again_by_a_short_name() {
        let run = analysed("en", "", "Boris Johnson arrived in Kyiv. Johnson met the mayor. Tamim bin Hamad Al Thani spoke. Tamim agreed.");
        assert_eq!(run.at(1, "Johnson"), vec!["Boris Johnson"]);
        assert_eq!(run.at(3, "Tamim"), vec!["Tamim bin Hamad Al Thani"]);
        // Without the full name first, a bare surname names no one.
        let run = analysed("en", "", "Speaker Johnson thanked the House.");
        assert!(run.at(0, "Johnson").is_empty(), "{:?}", run.mentions(0));
    }

    #[test]
    fn a_short_name_followed_by_another_name_is_someone_else() {
        let run = analysed("en", "", "Kim Jong Un watched the launch. Kim Yeon-chul called it a provocation. Kim said more.");
        assert!(run.at(1, "Kim").is_empty(), "{:?}", run.mentions(1));
        assert_eq!(run.at(2, "Kim"), vec!["Kim Jong Un"]);
    }

    #[test]
    fn the_sentence_with_the_dateline_is_the_lead_after_a_byline() {
        let run = analysed("en", "Talks end", "By Jane Roe Associated Press\nGENEVA - Russia and the United States ended their talks.");
        let lead: Vec<bool> = run.sents.iter().map(|s| s.is_lead).collect();
        assert_eq!(lead, vec![false, false, true]);
    }
}
