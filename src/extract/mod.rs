//! The extractor: normalise → segment → mentions → roles → coreference → places →
//! demands and rejections, meetings, region statuses.

pub mod actions;
pub mod antecedents;
pub mod bodies;
pub mod clauses;
pub mod context;
pub mod coreference;
pub mod dates;
pub mod demand_deontic;
pub mod demand_nouns;
pub mod demand_objects;
pub mod demand_reported;
pub mod demand_sources;
pub mod demands;
pub mod entities;
pub mod facts;
pub mod identity;
pub mod meetings;
pub mod mentions;
pub mod normalise;
pub mod places;
mod reference_cue;
pub mod regions;
pub mod rejected_passive;
pub mod rejections;
pub mod roles;
pub mod segment;
pub mod speakers;
#[cfg(test)]
mod test_support;

pub use crate::lang::tokens;
pub use context::{Analysed, Context};
pub use entities::{side_of, Entity, EntityTable, Mention};
pub use facts::{Demand, Evidence, Extraction, Meeting, RegionStatus, Rejected, Rejection, Role};
pub use identity::{content_hash, short_hash};

use crate::article::Article;
use crate::lang::LanguagePack;
use chrono::NaiveDate;

/// Index into an article's `EntityTable`.
pub type EntRef = usize;

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

/// Runs the whole pipeline on one article.
pub fn extract(article: &Article, pack: &'static LanguagePack) -> Extraction {
    let norm = normalise::normalise(&article.title, &article.body);
    let sentences = segment::sentences(&norm);
    let published =
        article.published.or_else(|| norm.timestamp_line.as_deref().and_then(dates::date_in_line)).or_else(|| latest_full_date(&norm.text));
    let mut table = EntityTable::new(crate::lang::gazetteer());
    let mut analysed = mentions::analyse(&norm.text, &sentences, &mut table, pack);
    let dateline_city = places::dateline_city(&norm.text, &norm.paragraphs, &table);
    let ctx = Context { pack, text: &norm.text, published, dateline_city };
    let roles = roles::roles(&ctx, &mut analysed, &mut table);
    coreference::resolve_references(&mut analysed, &mut table, pack, &roles);
    places::unknown_places(&mut analysed, &mut table, pack);
    let (demands, pending) = demands::extract(&ctx, &analysed, &table);
    let rejections = rejections::resolve(&pack.lexicon.words, pending, &demands, &table);
    let summoned = meetings::summonings(&ctx, &analysed, &mut table);
    let meetings = meetings::extract(&ctx, &analysed, &table, summoned);
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
