//! Test helpers: the pipeline run stage by stage on a short article, and readable answers.

use super::entities::EntityTable;
use super::normalise::{normalise, NormalisedText};
use super::{mentions, segment, Analysed, Context, EntRef};
use crate::lang::LanguagePack;

/// (demander, addressee, action) of every demand the whole pipeline finds in an article.
pub fn demands_in(lang: &str, title: &str, body: &str) -> Vec<(String, String, String)> {
    let pack = crate::lang::pack(lang).expect("a registered pack");
    let article = crate::article::Article {
        title: title.into(),
        body: body.into(),
        published: None,
        source: "test".into(),
        url: None,
        external_id: None,
    };
    let x = super::extract(&article, pack);
    x.demands.iter().map(|d| (x.entities.get(d.by).key.clone(), x.entities.get(d.of).key.clone(), d.action.clone())).collect()
}

/// (rejecter, rejected demander or the demand's demander) of every rejection in an article.
pub fn rejections_in(lang: &str, body: &str) -> Vec<(String, String)> {
    let run = analysed(lang, "", body);
    let (found, pending) = super::demands::extract(&run.context(), &run.sents, &run.table);
    super::rejections::resolve(&run.pack.lexicon.words, pending, &found, &run.table)
        .iter()
        .map(|r| {
            let target = match r.rejected {
                super::Rejected::Demand(d) => found[d].by,
                super::Rejected::Actor(a) => a,
            };
            (run.key(r.by).to_string(), run.key(target).to_string())
        })
        .collect()
}

/// The (demander, addressee) pairs of `demands_in`'s answer, in its order.
pub fn pairs(found: &[(String, String, String)]) -> Vec<(&str, &str)> {
    found.iter().map(|(b, o, _)| (b.as_str(), o.as_str())).collect()
}

/// The same, sorted (facts whose order does not matter: several sides at one span).
pub fn sorted_pairs(found: &[(String, String, String)]) -> Vec<(&str, &str)> {
    let mut p = pairs(found);
    p.sort();
    p
}

/// An article after mention finding; later stages are run on it by the tests.
pub struct Run {
    pub norm: NormalisedText,
    pub sents: Vec<Analysed>,
    pub table: EntityTable,
    pub pack: &'static LanguagePack,
}

/// Normalised, segmented and with its gazetteer mentions found (`lang`: "id" or "en").
pub fn analysed(lang: &str, title: &str, body: &str) -> Run {
    let pack = crate::lang::pack(lang).expect("a registered pack");
    let norm = normalise(title, body);
    let sentences = segment::sentences(&norm);
    let mut table = EntityTable::new(crate::lang::gazetteer());
    let sents = mentions::analyse(&norm.text, &sentences, &mut table, pack);
    Run { norm, sents, table, pack }
}

impl Run {
    pub fn context(&self) -> Context<'_> {
        Context { pack: self.pack, text: &self.norm.text, published: None, dateline_city: None }
    }

    /// The entity's key (its gazetteer key, or the name found in the text).
    pub fn key(&self, e: EntRef) -> &str {
        &self.table.get(e).key
    }

    /// The entities the mentions starting at token text `word` of sentence `i` stand for.
    pub fn at(&self, i: usize, word: &str) -> Vec<&str> {
        let s = &self.sents[i];
        s.mentions.iter().filter(|m| s.tokens[m.start].text == word).map(|m| self.key(m.ent)).collect()
    }

    /// Every (text of the span, entity) of sentence `i`, in order.
    pub fn mentions(&self, i: usize) -> Vec<(String, &str)> {
        let s = &self.sents[i];
        s.mentions.iter().map(|m| (self.norm.text[s.tokens[m.start].start..s.tokens[m.end - 1].end].to_string(), self.key(m.ent))).collect()
    }
}

/// A meeting as (city, date, sides), every key as the entity table names it.
pub type FoundMeeting = (String, Option<String>, Vec<String>);

/// The meetings the whole pipeline finds in `body`, published on `published` (YYYY-MM-DD).
pub fn meetings_in(lang: &str, body: &str, published: &str) -> Vec<FoundMeeting> {
    let pack = crate::lang::pack(lang).expect("a registered pack");
    let article = crate::article::Article {
        title: "Berita".into(),
        body: body.into(),
        published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        source: "test".into(),
        url: None,
        external_id: None,
    };
    let x = super::extract(&article, pack);
    let key = |e| x.entities.get(e).key.clone();
    x.meetings.iter().map(|m| (key(m.city), m.date.map(|d| d.to_string()), m.participants.iter().map(|&p| key(p)).collect())).collect()
}

/// `meetings_in`, each meeting's sides sorted.
pub fn sorted_meetings_in(lang: &str, body: &str, published: &str) -> Vec<FoundMeeting> {
    let mut found = meetings_in(lang, body, published);
    found.iter_mut().for_each(|m| m.2.sort());
    found
}

/// (city, date, sides) as `meetings_in` gives them.
pub fn meeting_row(city: &str, date: &str, sides: &[&str]) -> FoundMeeting {
    (city.to_string(), Some(date.to_string()), sides.iter().map(|s| s.to_string()).collect())
}
