//! Which language pack reads an article: one fixed by `--lang`, or detected per article.

use super::{detect, pack, packs, LanguagePack};
use crate::article::Article;

/// Characters of an article's body that language detection looks at: enough for
/// its frequent words, and a huge article costs no more than a long one.
const DETECT_WINDOW: usize = 20_000;

/// The language choice of a run, made once from `--lang`.
#[derive(Clone, Copy, Default)]
pub enum LangChoice {
    /// Detected per article from its title and the start of its body.
    #[default]
    Auto,
    /// One registered pack for every article.
    Fixed(&'static LanguagePack),
}

impl LangChoice {
    /// `auto` or the code of a registered pack; the error names the known packs.
    pub fn parse(code: &str) -> Result<Self, String> {
        if code == "auto" {
            return Ok(LangChoice::Auto);
        }
        match pack(code) {
            Some(p) => Ok(LangChoice::Fixed(p)),
            None => {
                let codes: Vec<&str> = packs().iter().map(|p| p.code.as_str()).collect();
                Err(format!("no language pack {code:?}; use auto or one of: {}", codes.join(", ")))
            }
        }
    }

    /// The pack `article` is extracted with.
    pub fn pack_for(&self, article: &Article) -> &'static LanguagePack {
        match self {
            LangChoice::Fixed(p) => p,
            LangChoice::Auto => {
                let body = &article.body;
                let end = body.char_indices().nth(DETECT_WINDOW).map_or(body.len(), |(i, _)| i);
                detect(&format!("{}\n{}", article.title, &body[..end]))
            }
        }
    }
}

impl std::fmt::Debug for LangChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LangChoice::Auto => f.write_str("Auto"),
            LangChoice::Fixed(p) => write!(f, "Fixed({})", p.code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, body: &str) -> Article {
        Article { title: title.into(), body: body.into(), published: None, source: "test".into(), url: None, external_id: None }
    }

    #[test]
    fn parse_names_the_known_packs() {
        assert!(matches!(LangChoice::parse("auto"), Ok(LangChoice::Auto)));
        assert!(matches!(LangChoice::parse("en"), Ok(LangChoice::Fixed(p)) if p.code == "en"));
        assert_eq!(LangChoice::parse("fr").unwrap_err(), "no language pack \"fr\"; use auto or one of: id, en");
    }

    #[test]
    fn auto_detects_and_fixed_does_not() {
        let en = article("Talks", "Russia demanded that NATO halt its expansion, the minister said on Monday.");
        assert_eq!(LangChoice::Auto.pack_for(&en).code, "en");
        assert_eq!(LangChoice::parse("id").unwrap().pack_for(&en).code, "id");
    }
}
