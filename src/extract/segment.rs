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
        let spans = split_paragraph(para);
        // A lede saved as the first line (two sentences or more, twelve words or more) is body.
        if p.is_title && (spans.len() < 2 || para.split_whitespace().count() < 12) {
            out.push(Sentence { start: p.start, end: p.end, paragraph: pi, is_title: true });
            continue;
        }
        for (s, e) in spans {
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
        return c == '.' && glued_sentence(para, chars, i, j);
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
    let word = &before[after_last(before, |ch| ch.is_whitespace() || ch == '(' || ch == '"')..];
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

/// The byte offset just after the last character of `text` that `stop` holds (0 if none): where
/// the word ending `text` starts. The character may take more than one byte ("°").
fn after_last(text: &str, stop: impl Fn(char) -> bool) -> usize {
    text.char_indices().rfind(|&(_, ch)| stop(ch)).map_or(0, |(k, ch)| k + ch.len_utf8())
}

/// Web copy loses the space after a full stop ("… dari Irak.Anggota parlemen …"): the stop still
/// ends the sentence when a word of three or more letters, ending in a lower-case letter, stands
/// before it and a capitalised word (a capital, then a lower-case letter) follows. Initials and
/// acronyms ("U.S.", "A.S."), abbreviations ("Dr.Ali") and web addresses ("Kompas.Com") stay whole.
fn glued_sentence(para: &str, chars: &[(usize, char)], dot: usize, next: usize) -> bool {
    let (first, second) = match (chars.get(next), chars.get(next + 1)) {
        (Some(a), Some(b)) => (a.1, b.1),
        _ => return false,
    };
    if !(first.is_uppercase() && second.is_lowercase()) {
        return false;
    }
    let before = &para[..chars[dot].0];
    let word = &before[after_last(before, |ch| !ch.is_alphanumeric() && ch != '-')..];
    if word.chars().count() < 3 || !word.chars().last().is_some_and(char::is_lowercase) {
        return false;
    }
    if ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
        return false;
    }
    let after = &para[chars[next].0..];
    let next_word: String = after.chars().take_while(|ch| ch.is_alphanumeric()).collect();
    !WEB_SUFFIXES.contains(&next_word.to_lowercase().as_str())
}

/// Domain endings that a capitalised outlet name may carry ("Sindonews.Com").
const WEB_SUFFIXES: &[&str] = &["com", "co", "id", "net", "org", "news", "tv", "info", "io", "my", "sg"];

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_paragraph(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn a_lede_saved_as_the_first_line_is_body_and_a_headline_stays_one() {
        let lede = "Menteri Luar Negeri Malaysia tiba di Jakarta pada Senin untuk membahas perbatasan. \
            Ia disambut oleh Menlu Indonesia di Gedung Pancasila.";
        let doc = crate::extract::normalise::normalise(lede, "Paragraf kedua.");
        let found = sentences(&doc);
        assert_eq!(found.iter().filter(|s| s.is_title).count(), 0);
        assert_eq!(found.len(), 3);
        let doc = crate::extract::normalise::normalise("Malaysia dan Indonesia Bahas Perbatasan di Jakarta", "Isi berita.");
        let found = sentences(&doc);
        assert!(found[0].is_title);
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
    fn glued_full_stop_splits_between_words_only() {
        assert_eq!(
            split("Pasukan asing diminta keluar dari negeri itu.Parlemen lalu menyetujui undang-undang baru."),
            vec!["Pasukan asing diminta keluar dari negeri itu.", "Parlemen lalu menyetujui undang-undang baru."]
        );
        assert_eq!(split("Delegasi tiba di Baghdad.Kemudian mereka pulang."), vec!["Delegasi tiba di Baghdad.", "Kemudian mereka pulang."]);
        // Acronyms, abbreviations, numbers and web addresses stay whole.
        for whole in [
            "Pejabat A.S.Mereka hadir.",
            "Dr.Ali hadir di Jl.Merdeka hari ini.",
            "Menurut Sindonews.Com kemarin, harga naik 10.5 persen.",
            "Kata laman Kompas.com pada Senin.",
        ] {
            assert_eq!(split(whole), vec![whole], "{whole}");
        }
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(split("Presiden Joko W. Widodo hadir."), vec!["Presiden Joko W. Widodo hadir."]);
    }

    #[test]
    fn a_glued_stop_after_a_multibyte_mark_does_not_panic() {
        // The word before the stop starts after "°", which takes two bytes.
        assert_eq!(split("Suhu 30°panas.Besok hujan."), vec!["Suhu 30°panas.", "Besok hujan."]);
    }

    #[test]
    fn any_mix_of_letters_marks_and_stops_splits_without_panic() {
        // A fixed pseudo-random walk over letters, multi-byte marks, stops and spaces.
        let alphabet = ["a", "Be", "°", "é", ".", " ", "\"", "(", "Ü", "x", "\u{3000}", "Dr", "ß", "-"];
        let mut state: u64 = 0x5eed;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..24 {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(alphabet[(state >> 33) as usize % alphabet.len()]);
            }
            let spans = split_paragraph(&text);
            assert!(
                spans.iter().all(|&(a, b)| a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)),
                "{text:?}"
            );
        }
    }
}
