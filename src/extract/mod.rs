//! The extractor: normalise → segment → mentions → roles → coreference → places →
//! demands and rejections, meetings, region statuses.

pub mod clauses;
pub mod context;
pub mod coreference;
pub mod dates;
pub mod demands;
pub mod entities;
pub mod facts;
pub mod identity;
pub mod meetings;
pub mod mentions;
pub mod normalise;
pub mod places;
pub mod regions;
pub mod rejections;
pub mod roles;
pub mod segment;
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

impl RegionStatusKind {
    pub fn local_name(self) -> &'static str {
        match self {
            Self::Annexed => "Annexed",
            Self::Breakaway => "Breakaway",
            Self::Occupied => "Occupied",
            Self::ForeignMilitaryPresence => "ForeignMilitaryPresence",
            Self::Contested => "Contested",
        }
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
