//! What the relation rules read: each sentence analysed (tokens, mentions, speaker) and
//! the article's shared context.

use super::entities::Mention;
use super::tokens::Token;
use super::{EntRef, Evidence};
use crate::lang::{LanguagePack, Words};
use chrono::NaiveDate;

/// A sentence ready for the relation rules: tokens, mentions, speaker.
#[derive(Debug, Clone)]
pub struct Analysed {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub speaker: Option<EntRef>,
    /// Per token: inside a quotation.
    pub quoted: Vec<bool>,
    pub is_title: bool,
    pub is_lead: bool,
    /// The function words of the article's language.
    pub words: &'static Words,
}

/// Shared context of one article while rules run.
pub struct Context<'a> {
    pub pack: &'a LanguagePack,
    pub text: &'a str,
    pub published: Option<NaiveDate>,
    pub dateline_city: Option<EntRef>,
}

impl Context<'_> {
    /// Evidence for a token span of a sentence. `confidence` is the rule's own judgement,
    /// calibrated to the rule's measured precision where the pack's `[confidence]` table has it.
    pub fn evidence(&self, s: &Analysed, rule: &'static str, confidence: f32) -> Evidence {
        let confidence = self.pack.lexicon.confidence.get(rule).map_or(confidence, |c| c.apply(confidence));
        let text = self.text[s.start..s.end].to_string();
        Evidence {
            sentence: s.index,
            start: self.text[..s.start].chars().count(),
            end: self.text[..s.end].chars().count(),
            text,
            rule,
            confidence,
        }
    }
}
