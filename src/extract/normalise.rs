//! Normalisation: NFKC, one kind of quote and dash, site boilerplate removed,
//! repeated paragraphs dropped, with a map back to the original text.

use regex::Regex;
use std::collections::HashSet;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The article text as the extractor sees it: title, blank line, paragraphs.
#[derive(Debug, Clone)]
pub struct NormalisedText {
    pub text: String,
    /// Byte spans of the title and each kept paragraph in `text`, with the
    /// byte offset where that paragraph starts in the original input.
    pub paragraphs: Vec<Paragraph>,
    /// Lines dropped as boilerplate, kept for `explain`.
    pub dropped: Vec<String>,
    /// A timestamp line like "Jum'at, 21 Januari 2022 - 21:00 WIB", if any.
    pub timestamp_line: Option<String>,
}

#[derive(Debug, Clone, Copy)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub original_start: usize,
    pub is_title: bool,
}

impl NormalisedText {
    /// Maps a byte offset in the normalised text to a byte offset in the original
    /// (title line first, then body), exact at paragraph starts.
    pub fn to_original(&self, offset: usize) -> usize {
        match self.paragraphs.iter().rev().find(|p| p.start <= offset) {
            Some(p) => p.original_start + (offset - p.start),
            None => offset,
        }
    }
}

fn boilerplate() -> &'static [Regex] {
    static RES: OnceLock<Vec<Regex>> = OnceLock::new();
    RES.get_or_init(|| {
        [
            r"(?i)^loading\.*$",
            r"^(A\s*){1,3}$",
            r"(?i)^baca (juga|berita|selengkapnya)\b",
            r"(?i)^(lihat|simak|tonton) juga\b",
            r"(?i)^(copyright|hak cipta)\b|©",
            r"(?i)^all rights reserved",
            r"(?i)rendering in \d",
            r"(?i)^read/",
            r"(?i)(^|\s)(foto|photo|ilustrasi|image)\s*[/:]\s*\S*\s*$",
            r"(?i)^(foto|photo|sumber foto|editor|penulis|reporter|sumber|source)\s*:",
            r"^\(\s*[a-z]{2,4}(\s*/\s*[a-z]{2,4})*\s*\)$",
            r"(?i)^(advertisement|iklan|scroll to continue|scroll untuk melanjutkan|halaman selanjutnya|klik di sini|follow|ikuti)\b",
            r"(?i)^(share|bagikan)\s*(:|$)",
            r"(?i)^tags?\s*:",
            r"(?i)^(penulis|editor|reporter|redaktur)\b.*\|\s*(editor|penulis|redaktur)\b",
            r"(?i)^[a-z0-9.]+\.(com|id|co\.id)\s*-\s*\d{1,2}/\d{1,2}/\d{4}",
        ]
        .iter()
        .map(|p| Regex::new(p).expect("built-in boilerplate pattern"))
        .collect()
    })
}

fn timestamp_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,\s*\d{1,2}\s+\p{L}+\s+\d{4}(\s*[-|,]\s*\d{1,2}[:.]\d{2}(\s*(wib|wita|wit))?)?\s*$",
        )
        .expect("built-in timestamp pattern")
    })
}

/// "SEOUL • US envoy ...": a dateline closed by a bullet is closed by a dash, as datelines are
/// read. Only an upper-case head opening the line; bullets elsewhere stay.
fn bullet_dateline(line: String) -> String {
    if !line.contains('\u{2022}') {
        return line;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"^(\p{Lu}[\p{Lu} .,'-]{1,40}) \u{2022} ").expect("built-in dateline pattern"));
    match re.captures(&line).and_then(|c| c.get(1)) {
        Some(head) => format!("{} - {}", head.as_str(), &line[head.end() + " \u{2022} ".len()..]),
        None => line,
    }
}

/// Unifies quotes, dashes and spaces after NFKC; drops terminal colour codes,
/// zero-width characters, and turns other control characters into spaces.
pub fn clean_chars(s: &str) -> String {
    static ANSI: OnceLock<Regex> = OnceLock::new();
    let s = if s.contains('\u{1b}') {
        let re = ANSI.get_or_init(|| Regex::new(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|[@-Z\\-_])").expect("built-in ANSI pattern"));
        re.replace_all(s, "")
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    s.nfkc()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\t' => ' ',
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => '\u{0}',
            '\n' | '\r' => c,
            c if c.is_control() => ' ',
            c => c,
        })
        .filter(|&c| c != '\u{0}')
        .collect()
}

fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    // "Ukraina ." -> "Ukraina."
    unglue(&out.replace(" .", ".").replace(" ,", ","))
}

/// "kata menlu itu.Presiden Organisasi …", "in Los Angeles.China held …": web copy that lost the
/// space after a sentence's end. A stop (and a closing quote) between a lower-case word and a
/// capitalised one gets it back; "REPUBLIKA.CO.ID" and "Tempo.co" stay.
/// Also a caption's credit glued to the name before it ("Amr MoussaFoto: dpa").
fn unglue(s: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    static CREDIT: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r#"(\p{Ll}\p{Ll}[.!?]"?)(\p{Lu}\p{Ll})"#).expect("built-in glued-sentence pattern"));
    let credit = CREDIT.get_or_init(|| Regex::new(r"(\p{Ll})((?:Foto|Photo|FOTO|PHOTO) ?:)").expect("built-in glued-credit pattern"));
    let s = credit.replace_all(s, "$1 $2");
    re.replace_all(&s, "$1 $2").into_owned()
}

fn dedup_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// "SEOUL - US envoy X urged …", "REPUBLIKA.CO.ID, TEHERAN -- Presiden …", "Jakarta, IDN Times -
/// Perdana Menteri …": a first line that opens with a dateline and runs on is the lede, not a
/// headline (the copy has none).
fn is_lede(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(\p{Lu}[\p{Lu} .,'-]{1,40}( \(\w+\))?|\p{Lu}\p{Ll}+( \p{Lu}\p{Ll}+)?, [\p{L}. ]{2,30}) ?(-|--) ")
            .expect("built-in lede pattern")
    });
    // Web copy with no line breaks: the whole article on the first line is no headline; nor is
    // a long first sentence with its full stop (an article that opens with its lede).
    let words = line.split_whitespace().count();
    re.is_match(line) && words >= 12 || words > 60 || words >= 20 && line.trim_end().ends_with('.')
}

/// Does a paragraph end as a sentence (or a quote, a bracket, a colon) ends?
fn closes_sentence(p: &str) -> bool {
    p.trim_end().chars().last().is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '"' | '\'' | ')' | ']' | '…' | '|'))
}

/// Does a line open with a lower-case letter?
fn opens_lower(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// Normalises a title and body into the text the extractor reads.
pub fn normalise(title: &str, body: &str) -> NormalisedText {
    let title_clean = bullet_dateline(squash_spaces(clean_chars(title).trim()));
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    let mut dropped = Vec::new();
    let mut timestamp_line = None;
    let mut seen: HashSet<String> = HashSet::new();
    if !title_clean.is_empty() {
        text.push_str(&title_clean);
        paragraphs.push(Paragraph { start: 0, end: text.len(), original_start: 0, is_title: !is_lede(&title_clean) });
        seen.insert(dedup_key(&title_clean));
    }
    // Original offsets count the title line and a newline before the body.
    let body_base = title.len() + 1;
    let mut offset = 0;
    for raw_line in body.split('\n') {
        let line_start = offset;
        offset += raw_line.len() + 1;
        let line = bullet_dateline(squash_spaces(clean_chars(raw_line).trim()));
        if line.is_empty() {
            continue;
        }
        if timestamp_re().is_match(&line) {
            timestamp_line.get_or_insert_with(|| line.clone());
            dropped.push(line);
            continue;
        }
        if boilerplate().iter().any(|re| re.is_match(&line)) {
            dropped.push(line);
            continue;
        }
        let key = dedup_key(&line);
        if key.is_empty() || !seen.insert(key) {
            dropped.push(line);
            continue;
        }
        // Hard-wrapped web copy ("… melakukan kunjungan" / "kenegaraan untuk …"): a line that
        // goes on in lower case continues a body paragraph left without a sentence's end.
        if let Some(p) = paragraphs.last_mut().filter(|p| !p.is_title && !closes_sentence(&text[p.start..p.end]) && opens_lower(&line)) {
            text.push(' ');
            text.push_str(&line);
            p.end = text.len();
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&line);
        paragraphs.push(Paragraph {
            start,
            end: text.len(),
            original_start: body_base + line_start + (raw_line.len() - raw_line.trim_start().len()),
            is_title: false,
        });
    }
    NormalisedText { text, paragraphs, dropped, timestamp_line }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_glued_to_the_next_gets_its_space_back() {
        let n = normalise("Berita", "Menurut menlu itu.Presiden Jokowi tiba di Bogor.\"Kami siap,\" katanya.Dia pulang.");
        assert!(n.text.contains("menlu itu. Presiden Jokowi"), "{}", n.text);
        assert!(n.text.contains("katanya. Dia pulang"), "{}", n.text);
        let n = normalise("Berita", "Menlu Oman dan Sekjen Liga Arab Amr MoussaFoto: dpa\nIa tiba di Kairo.");
        assert!(!n.text.contains("MoussaFoto"), "{}", n.text);
        let n = normalise("News", "REPUBLIKA.CO.ID, JAKARTA - Tempo.co and detik.com said so.");
        assert!(n.text.contains("REPUBLIKA.CO.ID, JAKARTA - Tempo.co and detik.com"), "{}", n.text);
    }

    #[test]
    fn a_hard_wrapped_line_going_on_in_lower_case_joins_its_paragraph() {
        let n =
            normalise("Berita", "Perdana Menteri Timor Leste melakukan kunjungan\nkenegaraan ke Indonesia, Senin.\nIa disambut di Bogor.");
        assert!(n.text.contains("melakukan kunjungan kenegaraan ke Indonesia, Senin."), "{}", n.text);
        assert_eq!(n.paragraphs.len(), 3, "{:?}", n.paragraphs);
        // A finished sentence, or a line opening in upper case, starts a paragraph of its own.
        let n = normalise("Berita", "Menlu tiba di Bogor.\nkemudian ia bertemu Presiden.\nPresiden menyambut\nMenlu di istana.");
        assert_eq!(n.paragraphs.len(), 5, "{:?}", n.paragraphs);
    }

    #[test]
    fn drops_noise_and_repeats() {
        let n = normalise(
            "Judul  Berita",
            "loading...\nJudul Berita\nA A A\nJAKARTA - Isi “pertama” – ya.\nFoto/Ilustrasi\nIsi kedua.\nJAKARTA - Isi \"pertama\" - ya.\n(ian)\nCopyright © 2024 X\n",
        );
        assert_eq!(n.text, "Judul Berita\n\nJAKARTA - Isi \"pertama\" - ya.\n\nIsi kedua.");
        assert_eq!(n.paragraphs.len(), 3);
        assert!(n.dropped.iter().any(|d| d == "(ian)"));
    }

    #[test]
    fn a_bullet_closes_an_upper_case_dateline() {
        let n = normalise("T", "OSLO \u{2022} Norway urged both sides to talk.\nThe points: \u{2022} first \u{2022} second.");
        assert_eq!(n.text, "T\n\nOSLO - Norway urged both sides to talk.\n\nThe points: \u{2022} first \u{2022} second.");
        // A list item's bullet after a capitalised word is no dateline.
        let n = normalise("T", "Agenda \u{2022} trade talks");
        assert_eq!(n.text, "T\n\nAgenda \u{2022} trade talks");
    }

    #[test]
    fn keeps_timestamp_aside() {
        let n = normalise("T", "Jum'at, 21 Januari 2022 - 21:00 WIB\nIsi.");
        assert_eq!(n.timestamp_line.as_deref(), Some("Jum'at, 21 Januari 2022 - 21:00 WIB"));
        assert_eq!(n.text, "T\n\nIsi.");
    }

    #[test]
    fn a_first_line_opening_with_a_dateline_is_the_lede() {
        let lede = "HANOI \u{2022} Japan's top envoy urged both Koreas on Monday to return to the talks without any conditions.";
        let n = normalise(lede, "Second paragraph.");
        assert!(!n.paragraphs[0].is_title);
        assert!(n.text.starts_with("HANOI - Japan's top envoy"));
        let n = normalise(
            "REPUBLIKA.CO.ID, HANOI -- Menlu Jepang mendesak kedua Korea kembali ke meja perundingan tanpa syarat apa pun.",
            "Isi.",
        );
        assert!(!n.paragraphs[0].is_title);
        // A headline is a headline, even one naming a city first; a short dateline line too.
        assert!(
            normalise("Hanoi Hosts Talks as Japan Urges Both Koreas to Return to the Table Without Conditions", "Isi.").paragraphs[0]
                .is_title
        );
        assert!(normalise("HANOI - Talks resume", "Isi.").paragraphs[0].is_title);
        let n = normalise(
            "Jakarta, IDN Times - Perdana Menteri Vietnam, Nguyen Van Binh, mendesak China menarik kapalnya dari perairan itu.",
            "Isi.",
        );
        assert!(!n.paragraphs[0].is_title);
    }

    #[test]
    fn a_whole_article_on_the_first_line_is_no_headline() {
        let one_line = "The two ministers met in Oslo on Tuesday to discuss fishing quotas in the northern waters. \
            Norway's minister said the talks had been frank and that both sides wanted a deal before the season opens. \
            The Icelandic delegation urged Oslo to share the survey data it had collected over the past three years, \
            and both sides agreed to meet again in Reykjavik in the spring after their experts compare the figures.";
        assert!(one_line.split_whitespace().count() > 60);
        assert!(!normalise(one_line, "").paragraphs[0].is_title);
        // An article that opens with its lede, one long sentence with its full stop.
        let lede = "Iceland should share its survey data on the northern stocks before the season opens, the fisheries ministers of Norway and the Faroe Islands said on Tuesday.";
        assert!(!normalise(lede, "The ministers met in Oslo.").paragraphs[0].is_title);
        // A long headline is still one.
        let headline = "Ministers Meet in Oslo as Norway and Iceland Seek a Deal on Fishing Quotas Before the Season Opens";
        assert!(normalise(headline, "Isi.").paragraphs[0].is_title);
    }
}
