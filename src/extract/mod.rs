//! The extractor: normalise → segment → entities → relations → facts.

pub mod clauses;
pub mod dates;
pub mod demands;
pub mod entities;
pub mod meetings;
pub mod normalise;
pub mod regions;
pub mod segment;
pub mod tokens;

use crate::article::Article;
use crate::lang::{EntityType, LanguagePack};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

pub use entities::{Entity, EntityTable, Mention};

/// Index into an article's `EntityTable`.
pub type EntRef = usize;

/// Where a fact comes from: the sentence, its span, the rule, a confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub sentence: usize,
    /// Character (Unicode scalar) offsets in the normalised text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub rule: &'static str,
    pub confidence: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RegionStatusKind {
    Annexed,
    Breakaway,
    Occupied,
    ForeignMilitaryPresence,
    Contested,
}

/// How a region status is named: its ontology term, the word gold annotations
/// use for it, and the words diagrams show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusNames {
    pub term: oxigraph::model::NamedNodeRef<'static>,
    pub gold: &'static str,
    pub shown: &'static str,
}

impl RegionStatusKind {
    pub const ALL: [Self; 5] = [Self::Annexed, Self::Breakaway, Self::Occupied, Self::ForeignMilitaryPresence, Self::Contested];

    /// The one table of status names.
    pub fn names(self) -> StatusNames {
        use crate::vocab::warta;
        let (term, gold, shown) = match self {
            Self::Annexed => (warta::ANNEXED, "annexed", "annexed"),
            Self::Breakaway => (warta::BREAKAWAY, "breakaway", "breakaway"),
            Self::Occupied => (warta::OCCUPIED, "occupied", "occupied"),
            Self::ForeignMilitaryPresence => (warta::FOREIGN_MILITARY_PRESENCE, "foreign-military-presence", "foreign troops"),
            Self::Contested => (warta::CONTESTED, "contested", "contested"),
        };
        StatusNames { term, gold, shown }
    }

    /// The status term (`warta:Annexed`, …).
    pub fn iri(self) -> oxigraph::model::NamedNodeRef<'static> {
        self.names().term
    }

    /// The status term's local name (`Annexed`, …).
    pub fn local_name(self) -> &'static str {
        let iri = self.iri().as_str();
        iri.strip_prefix(crate::vocab::warta::NS).unwrap_or(iri)
    }

    /// The status whose term has this local name.
    pub fn from_local_name(local: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.local_name() == local)
    }

    /// The status a gold annotation's word (`annexed`, `foreign-military-presence`, …) stands for.
    pub fn from_gold_word(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.names().gold == word)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Demand {
    pub by: EntRef,
    pub of: EntRef,
    pub action: String,
    pub stated_by: Option<EntRef>,
    pub modality: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Rejected {
    Demand(usize),
    Actor(EntRef),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    pub by: EntRef,
    pub rejected: Rejected,
    pub stated_by: Option<EntRef>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub city: EntRef,
    pub date: Option<NaiveDate>,
    pub participants: BTreeSet<EntRef>,
    pub modality: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RegionStatus {
    pub region: EntRef,
    pub status: RegionStatusKind,
    pub controlled_by: Option<EntRef>,
    pub claimed_by: Option<EntRef>,
    pub forces: Option<EntRef>,
    pub since: Option<i32>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub person: EntRef,
    pub title: String,
    pub of: EntRef,
    pub evidence: Evidence,
}

/// Everything extracted from one article.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub hash: String,
    pub title: String,
    pub source: String,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub lang: &'static str,
    pub text: String,
    pub sentences: Vec<String>,
    pub entities: EntityTable,
    pub demands: Vec<Demand>,
    pub rejections: Vec<Rejection>,
    pub meetings: Vec<Meeting>,
    pub regions: Vec<RegionStatus>,
    pub roles: Vec<Role>,
}

impl Extraction {
    /// Facts of every kind: demands, rejections, meetings, region statuses, roles.
    pub fn fact_count(&self) -> usize {
        self.demands.len() + self.rejections.len() + self.meetings.len() + self.regions.len() + self.roles.len()
    }
}

/// A sentence ready for the relation rules: tokens, mentions, speaker.
#[derive(Debug, Clone)]
pub struct Analysed {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<tokens::Token>,
    pub mentions: Vec<Mention>,
    pub speaker: Option<EntRef>,
    /// Per token: inside a quotation.
    pub quoted: Vec<bool>,
    pub is_title: bool,
    pub is_lead: bool,
    /// The function words of the article's language.
    pub words: &'static crate::lang::Words,
}

/// Shared context of one article while rules run.
pub struct Context<'a> {
    pub pack: &'a LanguagePack,
    pub text: &'a str,
    pub published: Option<NaiveDate>,
    pub dateline_city: Option<EntRef>,
}

impl Context<'_> {
    /// Evidence for a token span of a sentence.
    pub fn evidence(&self, s: &Analysed, rule: &'static str, confidence: f32) -> Evidence {
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

/// Hex SHA-256 prefix used for minted IRIs.
pub fn short_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0x1f]);
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The article's identity: a hash of its normalised text (noise and repeats
/// removed), so a re-crawl with other ads or a repeated paragraph is the same article.
pub fn content_hash(article: &Article) -> String {
    short_hash(&[&normalise::normalise(&article.title, &article.body).text])
}

/// Runs the whole pipeline on one article.
pub fn extract(article: &Article, pack: &'static LanguagePack) -> Extraction {
    let norm = normalise::normalise(&article.title, &article.body);
    let sentences = segment::sentences(&norm);
    let published =
        article.published.or_else(|| norm.timestamp_line.as_deref().and_then(dates::date_in_line)).or_else(|| latest_full_date(&norm.text));
    let mut table = EntityTable::new(crate::lang::gazetteer());
    let mut analysed = entities::analyse(&norm.text, &sentences, &mut table, pack);
    let dateline_city = entities::dateline_city(&norm.text, &norm.paragraphs, &table);
    let ctx = Context { pack, text: &norm.text, published, dateline_city };
    let roles = entities::roles(&ctx, &mut analysed, &mut table);
    entities::resolve_references(&mut analysed, &mut table, pack, &roles);
    entities::unknown_places(&mut analysed, &mut table, pack);
    let (demands, rejections) = demands::extract(&ctx, &analysed, &table);
    let meetings = meetings::extract(&ctx, &analysed, &table);
    let regions = regions::extract(&ctx, &analysed, &table);
    Extraction {
        hash: short_hash(&[&norm.text]),
        title: norm.paragraphs.first().filter(|p| p.is_title).map(|p| norm.text[p.start..p.end].to_string()).unwrap_or_default(),
        source: article.source.clone(),
        url: article.url.clone(),
        published,
        lang: pack.code.as_str(),
        sentences: sentences.iter().map(|s| norm.text[s.start..s.end].to_string()).collect(),
        text: norm.text,
        entities: table,
        demands,
        rejections,
        meetings,
        regions,
        roles,
    }
}

/// The latest explicit full date in the text: a fallback publication date
/// for articles whose source gives none ("..., Kamis (13/1/2022).").
fn latest_full_date(text: &str) -> Option<NaiveDate> {
    dates::find_dates(text, 0, None).into_iter().filter(|d| d.precision == dates::Precision::Day && !d.relative).map(|d| d.date).max()
}

/// The side an actor mention stands for: a person's side, a capital's country.
pub fn side_of(table: &EntityTable, e: EntRef) -> EntRef {
    let ent = table.get(e);
    match ent.etype {
        EntityType::Person => ent.side.unwrap_or(e),
        EntityType::City => ent.capital_of.unwrap_or(e),
        _ => e,
    }
}
