//! Gold annotations (format: `../shared/gold/README.md`): entities with their
//! aliases and sides, and each article's facts, read as the Python scorer reads them.

use super::norm::norm;
use super::output::{py_str, py_value};
use crate::extract::RegionStatusKind;
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Deserializer};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Gold entities: canonical names, normalised aliases, Wikidata ids and sides.
#[derive(Debug, Default)]
pub struct Entities {
    alias: HashMap<String, String>,
    qid: HashMap<String, String>,
    speaks_for: HashMap<String, Option<String>>,
}

impl Entities {
    /// Adds an entity; the first entity to claim a normalised alias keeps it, a later
    /// definition of the same name replaces its `speaks_for` and Wikidata id.
    fn add(&mut self, name: &str, e: &EntitySpec) {
        self.speaks_for.insert(name.to_string(), e.speaks_for.clone());
        for a in std::iter::once(name).chain(e.aliases.iter().map(String::as_str)) {
            self.alias.entry(norm(a)).or_insert_with(|| name.to_string());
        }
        if let Some(q) = &e.wikidata {
            self.qid.insert(q.clone(), name.to_string());
        }
    }

    /// The side an entity stands for: a person's `speaks_for`, else the entity itself.
    pub fn side(&self, name: Option<&str>) -> Option<String> {
        let name = name?;
        Some(match self.speaks_for.get(name) {
            Some(Some(side)) => side.clone(),
            _ => name.to_string(),
        })
    }

    /// The entity a label names (after `norm`), if any.
    pub fn by_alias(&self, label: &str) -> Option<&str> {
        self.alias.get(&norm(label)).map(String::as_str)
    }

    /// The entity with this Wikidata id, if any.
    pub fn by_qid(&self, qid: &str) -> Option<&str> {
        self.qid.get(qid).map(String::as_str)
    }
}

/// One gold fact, whether it is optional, and how `--detail` shows it when missed.
#[derive(Debug, Clone)]
pub struct GoldFact<T> {
    pub fact: T,
    pub optional: bool,
    /// The fact's keys and values except `match`, written as Python writes a dict.
    pub shown: String,
}

#[derive(Debug, Clone)]
pub struct GoldDemand {
    pub by: String,
    pub of: String,
    /// Every pattern must match one of the action's labels.
    pub patterns: Vec<Regex>,
}

#[derive(Debug, Clone)]
pub struct GoldMeeting {
    pub city: String,
    /// Acceptable dates (any one counts); `None`: the date is not checked.
    pub dates: Option<Vec<String>>,
    pub participants: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct GoldRejection {
    pub by: String,
    pub of: String,
}

#[derive(Debug, Clone)]
pub struct GoldRegion {
    pub region: String,
    /// Acceptable statuses, as local names of the status terms (`Annexed`, …).
    pub statuses: Vec<&'static str>,
}

#[derive(Debug, Clone)]
pub struct GoldRole {
    pub person: String,
    pub role: Regex,
    pub of: String,
}

/// The gold facts of one article.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    pub file: String,
    pub published: Option<String>,
    pub demands: Vec<GoldFact<GoldDemand>>,
    pub meetings: Vec<GoldFact<GoldMeeting>>,
    pub rejections: Vec<GoldFact<GoldRejection>>,
    pub regions: Vec<GoldFact<GoldRegion>>,
    pub roles: Vec<GoldFact<GoldRole>>,
}

/// One or more gold files: their entities merged, their articles in order.
#[derive(Debug, Default)]
pub struct Gold {
    pub entities: Entities,
    pub articles: Vec<GoldArticle>,
}

#[derive(Deserialize)]
struct FileSpec {
    #[serde(default)]
    entities: BTreeMap<Spanned<String>, EntitySpec>,
    #[serde(default)]
    articles: Vec<ArticleSpec>,
}

#[derive(Deserialize)]
struct EntitySpec {
    /// Checked to be a string; the scorer does not use it.
    #[serde(rename = "type", default)]
    _type: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    wikidata: Option<String>,
    #[serde(default)]
    speaks_for: Option<String>,
}

#[derive(Deserialize)]
struct ArticleSpec {
    file: String,
    #[serde(default, deserialize_with = "published")]
    published: Option<String>,
    #[serde(default)]
    demands: Vec<DemandSpec>,
    #[serde(default)]
    meetings: Vec<MeetingSpec>,
    #[serde(default)]
    rejections: Vec<RejectionSpec>,
    #[serde(default)]
    regions: Vec<RegionSpec>,
    #[serde(default)]
    roles: Vec<RoleSpec>,
}

#[derive(Deserialize)]
struct DemandSpec {
    by: String,
    of: String,
    #[serde(rename = "match")]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    optional: bool,
}

#[derive(Deserialize)]
struct MeetingSpec {
    city: String,
    #[serde(default, deserialize_with = "dates")]
    date: Option<Vec<String>>,
    #[serde(default)]
    participants: Vec<String>,
    #[serde(default)]
    optional: bool,
}

#[derive(Deserialize)]
struct RejectionSpec {
    by: String,
    of: String,
    #[serde(default)]
    optional: bool,
}

#[derive(Deserialize)]
struct RegionSpec {
    region: String,
    status: Vec<Spanned<String>>,
    #[serde(default)]
    optional: bool,
}

#[derive(Deserialize)]
struct RoleSpec {
    person: String,
    role: Spanned<String>,
    of: String,
    #[serde(default)]
    optional: bool,
}

/// The same file read again with every fact as its keys in document order, for `--detail`.
#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    articles: Vec<RawArticle>,
}

#[derive(Deserialize)]
struct RawArticle {
    #[serde(default)]
    demands: Vec<RawFact>,
    #[serde(default)]
    meetings: Vec<RawFact>,
    #[serde(default)]
    rejections: Vec<RawFact>,
    #[serde(default)]
    regions: Vec<RawFact>,
    #[serde(default)]
    roles: Vec<RawFact>,
}

type RawFact = BTreeMap<Spanned<String>, toml::Value>;

/// `published`: a string (checked when the article is extracted) or a TOML date.
fn published<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match toml::Value::deserialize(d)? {
        toml::Value::String(s) => Ok(Some(s)),
        toml::Value::Datetime(t) => Ok(Some(t.to_string())),
        other => Err(serde::de::Error::custom(format!("`published` must be a date such as \"2022-01-21\", not {}", other.type_str()))),
    }
}

/// A meeting's `date`: one date string or a list of them.
fn dates<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    let bad = || serde::de::Error::custom("`date` must be a quoted date such as \"2022-01-21\", or a list of them");
    match toml::Value::deserialize(d)? {
        toml::Value::String(s) => Ok(Some(vec![s])),
        toml::Value::Array(items) => items
            .into_iter()
            .map(|v| match v {
                toml::Value::String(s) => Ok(s),
                _ => Err(bad()),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        _ => Err(bad()),
    }
}

/// "line L, column C" of a byte offset.
fn position(text: &str, offset: usize) -> String {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    format!("line {line}, column {column}")
}

fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
    match e.span() {
        Some(span) => format!("{}: {message}", position(text, span.start)),
        None => message,
    }
}

fn pattern(text: &str, p: &Spanned<String>) -> Result<Regex, String> {
    RegexBuilder::new(p.get_ref()).case_insensitive(true).build().map_err(|e| {
        let why = e.to_string();
        let why = why.lines().map(str::trim).rfind(|l| !l.is_empty()).unwrap_or("").trim_start_matches("error: ").to_string();
        format!("{}: {:?} is not a regular expression warta can use: {why}", position(text, p.span().start), p.get_ref())
    })
}

/// A gold `status` word as the local name of the status term it stands for.
fn status(text: &str, s: &Spanned<String>) -> Result<&'static str, String> {
    RegionStatusKind::from_gold_word(s.get_ref()).map(RegionStatusKind::local_name).ok_or_else(|| {
        let known: Vec<&str> = RegionStatusKind::ALL.iter().map(|k| k.names().gold).collect();
        format!("{}: unknown status {:?}; use one of {}", position(text, s.span().start), s.get_ref(), known.join(", "))
    })
}

/// A raw fact as Python prints `{k: v for k, v in fact.items() if k != "match"}`.
fn shown(raw: Option<&RawFact>) -> String {
    let Some(raw) = raw else { return "{}".into() };
    let mut keys: Vec<(&Spanned<String>, &toml::Value)> = raw.iter().filter(|(k, _)| k.get_ref() != "match").collect();
    keys.sort_by_key(|(k, _)| k.span().start);
    let items: Vec<String> = keys.iter().map(|(k, v)| format!("{}: {}", py_str(k.get_ref()), py_value(v))).collect();
    format!("{{{}}}", items.join(", "))
}

fn facts<S, T>(
    specs: Vec<S>,
    raw: Option<&Vec<RawFact>>,
    mut convert: impl FnMut(S) -> Result<(T, bool), String>,
) -> Result<Vec<GoldFact<T>>, String> {
    specs
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let (fact, optional) = convert(s)?;
            Ok(GoldFact { fact, optional, shown: shown(raw.and_then(|r| r.get(i))) })
        })
        .collect()
}

impl Gold {
    /// Reads gold files; a bad file gives one line naming it (with line and column).
    pub fn load(paths: &[PathBuf]) -> anyhow::Result<Gold> {
        let mut gold = Gold::default();
        for path in paths {
            gold.load_file(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        }
        Ok(gold)
    }

    fn load_file(&mut self, path: &Path) -> Result<(), String> {
        let bytes = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            _ => format!("cannot read: {e}"),
        })?;
        let text =
            String::from_utf8(bytes).map_err(|e| format!("not UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to()))?;
        self.load_str(&text)
    }

    /// Adds the entities and articles of one gold file's text.
    pub fn load_str(&mut self, text: &str) -> Result<(), String> {
        let spec: FileSpec = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
        let raw: RawFile = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
        let mut entities: Vec<(Spanned<String>, EntitySpec)> = spec.entities.into_iter().collect();
        entities.sort_by_key(|(name, _)| name.span().start);
        for (name, e) in &entities {
            self.entities.add(name.get_ref(), e);
        }
        for (i, a) in spec.articles.into_iter().enumerate() {
            let r = raw.articles.get(i);
            let article = GoldArticle {
                file: a.file,
                published: a.published,
                demands: facts(a.demands, r.map(|r| &r.demands), |s| {
                    let patterns = s.patterns.iter().map(|p| pattern(text, p)).collect::<Result<_, _>>()?;
                    Ok((GoldDemand { by: s.by, of: s.of, patterns }, s.optional))
                })?,
                meetings: facts(a.meetings, r.map(|r| &r.meetings), |s| {
                    Ok((GoldMeeting { city: s.city, dates: s.date, participants: s.participants }, s.optional))
                })?,
                rejections: facts(a.rejections, r.map(|r| &r.rejections), |s| Ok((GoldRejection { by: s.by, of: s.of }, s.optional)))?,
                regions: facts(a.regions, r.map(|r| &r.regions), |s| {
                    let statuses = s.status.iter().map(|st| status(text, st)).collect::<Result<_, _>>()?;
                    Ok((GoldRegion { region: s.region, statuses }, s.optional))
                })?,
                roles: facts(a.roles, r.map(|r| &r.roles), |s| {
                    Ok((GoldRole { person: s.person, role: pattern(text, &s.role)?, of: s.of }, s.optional))
                })?,
            };
            self.articles.push(article);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_gold_names_line_and_column() {
        let mut g = Gold::default();
        let e = g.load_str("[[articles]]\nfile = 3\n").unwrap_err();
        assert!(e.starts_with("line 2, column 8: "), "{e}");
        let e = g.load_str("[[articles]]\nfile = \"a.txt\"\n[[articles.roles]]\nperson = \"X\"\nof = \"Y\"\nrole = \"(a\"\n").unwrap_err();
        assert!(e.starts_with("line 6, column 8: \"(a\" is not a regular expression"), "{e}");
        let e = g
            .load_str("[[articles]]\nfile = \"a.txt\"\n[[articles.regions]]\nregion = \"X\"\nstatus = [\"annexed\", \"gone\"]\n")
            .unwrap_err();
        assert!(
            e.contains(
                "line 5, column 22: unknown status \"gone\"; use one of annexed, breakaway, occupied, foreign-military-presence, contested"
            ),
            "{e}"
        );
    }

    #[test]
    fn gold_facts_entities_and_shown_form() {
        let mut g = Gold::default();
        let text = "[entities.Rusia]\naliases = [\"Russia\", \"Moskow\"]\nwikidata = \"Q159\"\n\
                    [entities.Lavrov]\nspeaks_for = \"Rusia\"\n\
                    [[articles]]\nfile = \"a.txt\"\npublished = 2022-01-21\n\
                    [[articles.regions]]\nregion = \"Krimea\"\nstatus = [\"annexed\", \"foreign-military-presence\"]\n\
                    [[articles.demands]]\nby = \"Rusia\"\nof = \"NATO\"\nmatch = [\"jaminan\"]\noptional = true\n";
        g.load_str(text).unwrap();
        assert_eq!(g.entities.by_alias(" MOSKOW "), Some("Rusia"));
        assert_eq!(g.entities.by_qid("Q159"), Some("Rusia"));
        assert_eq!(g.entities.side(Some("Lavrov")).as_deref(), Some("Rusia"));
        let a = &g.articles[0];
        assert_eq!(a.published.as_deref(), Some("2022-01-21"));
        assert_eq!(a.regions[0].fact.statuses, vec!["Annexed", "ForeignMilitaryPresence"]);
        assert_eq!(a.regions[0].shown, "{'region': 'Krimea', 'status': ['annexed', 'foreign-military-presence']}");
        assert!(a.demands[0].optional);
        assert_eq!(a.demands[0].shown, "{'by': 'Rusia', 'of': 'NATO', 'optional': True}");
    }
}
