//! Language packs: the gazetteer shared by all languages and each language's lexicon,
//! shipped inside the binary and parsed once.

pub mod gazetteer;

use serde::Deserialize;
use std::sync::OnceLock;

pub use gazetteer::{EntityDef, EntityType, Gazetteer};

#[derive(Debug, Deserialize)]
pub struct Lexicon {
    pub demand: DemandLex,
    pub reject: RejectLex,
    pub meeting: MeetingLex,
    pub region: RegionLex,
    pub role: RoleLex,
    pub grammar: GrammarLex,
}

#[derive(Debug, Deserialize)]
pub struct DemandLex {
    pub verbs: Vec<String>,
    pub weak_verbs: Vec<String>,
    pub passive: Vec<String>,
    pub nouns: Vec<String>,
    pub complementisers: Vec<String>,
    pub addressee_preps: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct RejectLex {
    pub verbs: Vec<String>,
    pub phrases: Vec<String>,
    pub non_demand_objects: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct MeetingLex {
    pub verbs: Vec<String>,
    pub nouns: Vec<String>,
    pub anaphors: Vec<String>,
    pub remote: Vec<String>,
    pub not_meetings: Vec<String>,
    pub participant_stops: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct RegionLex {
    /// "X adalah bagian dari <Country>": a claim on X (contested), claimed by the country.
    #[serde(default)]
    pub claimed_part: Vec<String>,
    pub annexed: Vec<String>,
    pub breakaway: Vec<String>,
    pub occupied: Vec<String>,
    pub contested: Vec<String>,
    pub presence: Vec<String>,
    pub presence_verbs: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct RoleLex {
    pub titles: Vec<String>,
    pub of_words: Vec<String>,
    pub counterpart: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct GrammarLex {
    pub adverbs: Vec<String>,
    pub negations: Vec<String>,
    pub conditionals: Vec<String>,
    pub future: Vec<String>,
    pub speech: Vec<String>,
    pub speech_verbs: Vec<String>,
    pub clause_breaks: Vec<String>,
    pub not_name: Vec<String>,
}

/// A language: its code and lexicon; the gazetteer is shared.
pub struct LanguagePack {
    pub code: &'static str,
    pub lexicon: Lexicon,
}

impl Lexicon {
    pub fn parse(source: &str, name: &str) -> Result<Self, String> {
        toml::from_str(source).map_err(|e| format!("{name}: {e}"))
    }
}

/// The Indonesian pack (built in).
pub fn indonesian() -> &'static LanguagePack {
    static PACK: OnceLock<LanguagePack> = OnceLock::new();
    PACK.get_or_init(|| LanguagePack {
        code: "id",
        lexicon: Lexicon::parse(include_str!("id/lexicon.toml"), "src/lang/id/lexicon.toml")
            .expect("the built-in Indonesian lexicon is valid TOML (checked by tests)"),
    })
}

/// The built-in gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        Gazetteer::parse(include_str!("gazetteer/entities.tsv"), include_str!("gazetteer/people.tsv"))
            .expect("the built-in gazetteer is valid (checked by tests)")
    })
}

/// Splits a multi-word lexicon entry into lowercased tokens, as the tokenizer would.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    crate::extract::tokens::tokenize(phrase, 0).into_iter().map(|t| t.lower).collect()
}
