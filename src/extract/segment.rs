//! Sentence segmentation that keeps abbreviations, initials, numbers and
//! quotes spanning several sentences together.

use super::normalise::NormalisedText;

/// A sentence: a byte span of the normalised text.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub is_title: bool,
}

/// Dotted abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "no", "jl", "jln", "prof", "st", "tn", "ny", "sdr", "dkk", "dll", "dsb", "drs", "ir", "h", "hj", "mr", "mrs", "ms", "jr", "sr",
    "gen", "lt", "col", "rep", "sen", "gov", "vol", "hlm", "tgl", "kol", "letjen", "mayjen", "brigjen", "jend", "u.s", "u.n", "u.k", "e.u",
    "a.n", "bpk", "kec", "kab", "km", "mt", "inc", "ltd", "co", "corp", "vs", "etc", "sept", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "agu", "sep", "okt", "oct", "nov", "des", "dec",
];

/// Splits every paragraph of the normalised text into sentences.
pub fn sentences(doc: &NormalisedText) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let para = &doc.text[p.start..p.end];
        if p.is_title {
            out.push(Sentence { start: p.start, end: p.end, paragraph: pi, is_title: true });
            continue;
        }
        for (s, e) in split_paragraph(para) {
            out.push(Sentence { start: p.start + s, end: p.start + e, paragraph: pi, is_title: false });
        }
    }
    out
}

/// Byte spans of the sentences of one paragraph.
pub fn split_paragraph(para: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let quotes_balanced = chars.iter().filter(|(_, c)| *c == '"').count() % 2 == 0;
    let mut spans = Vec::new();
    let mut start = 0;
    let mut in_quote = false;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == '"' && quotes_balanced {
            in_quote = !in_quote;
        }
        if matches!(c, '.' | '!' | '?' | '…') && !in_quote && ends_sentence(para, &chars, i) {
            // Take closing quotes and brackets with the sentence.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | ')') {
                j += 1;
            }
            let end = chars.get(j).map(|c| c.0).unwrap_or(para.len());
            push_span(para, &mut spans, start, end);
            start = end;
            i = j;
            let _ = pos;
            continue;
        }
        i += 1;
    }
    push_span(para, &mut spans, start, para.len());
    spans
}

fn push_span(para: &str, spans: &mut Vec<(usize, usize)>, start: usize, end: usize) {
    let s = &para[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        spans.push((start + lead, end - trail));
    }
}

fn ends_sentence(para: &str, chars: &[(usize, char)], i: usize) -> bool {
    let (pos, c) = chars[i];
    // The next non-quote character must be a space followed by a sentence opener, or the end.
    let mut j = i + 1;
    while j < chars.len() && matches!(chars[j].1, '"' | '\'' | ')') {
        j += 1;
    }
    if j >= chars.len() {
        return true;
    }
    if !chars[j].1.is_whitespace() {
        return false;
    }
    while j < chars.len() && chars[j].1.is_whitespace() {
        j += 1;
    }
    let Some(&(_, next)) = chars.get(j) else {
        return true;
    };
    if !(next.is_uppercase() || next.is_ascii_digit() || next == '"' || next == '\'' || next == '(') {
        return false;
    }
    if c != '.' {
        return true;
    }
    // The word before the dot.
    let before = &para[..pos];
    let word_start = before.rfind(|ch: char| ch.is_whitespace() || ch == '(' || ch == '"').map(|k| k + 1).unwrap_or(0);
    let word = &before[word_start..];
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // A single capital letter is an initial ("Joko W. Widodo").
    let mut wc = word.chars();
    if let (Some(first), None) = (wc.next(), wc.next()) {
        if first.is_uppercase() {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_paragraph(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn abbreviations_and_numbers() {
        assert_eq!(
            split("Dr. Ali tiba pukul 10.30 di Jl. Merdeka No. 5. Ia disambut AS. Lalu pulang."),
            vec!["Dr. Ali tiba pukul 10.30 di Jl. Merdeka No. 5.", "Ia disambut AS.", "Lalu pulang."]
        );
    }

    #[test]
    fn quote_spanning_sentences_stays_whole() {
        assert_eq!(split("\"Kami menolak. Itu final,\" kata Ali. Ia pergi."), vec!["\"Kami menolak. Itu final,\" kata Ali.", "Ia pergi."]);
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(split("Presiden Joko W. Widodo hadir."), vec!["Presiden Joko W. Widodo hadir."]);
    }
}
