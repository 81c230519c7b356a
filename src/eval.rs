//! Scoring the extractor against gold annotations (format: `../shared/gold/README.md`).
//!
//! A port of `../shared/tools/score-gold.py` that gives the same numbers: the gold
//! files are read the same way, each article is extracted in-process and its triples
//! are indexed in the order in which rdflib would hold them after parsing
//! `warta extract FILE --format ntriples`, and the same matching rules are applied.
//! Where the Python scorer depends on that order (several labels naming different
//! gold entities), this port follows it too, so even the `--detail` lines agree.

use crate::vocab;
use oxigraph::model::{GraphName, NamedNode, Quad, Term};
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Deserializer};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use toml::Spanned;
use unicode_normalization::UnicodeNormalization;

/// The relation kinds that are scored, in report order.
pub const KINDS: [&str; 5] = ["demands", "meetings", "rejections", "regions", "roles"];
/// Report rows: the kinds, meeting participants (recall only), and all kinds together.
pub const ROWS: [&str; 7] = ["demands", "meetings", "rejections", "regions", "roles", "participants", "all"];

const SCHEMA_NAME: &str = "https://schema.org/name";
const SKOS_PREF_LABEL: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";
const RDFS_COMMENT: &str = "http://www.w3.org/2000/01/rdf-schema#comment";

/// The gold `status` words and the local names of the status terms they stand for.
const STATUS: [(&str, &str); 5] = [
    ("annexed", "Annexed"),
    ("breakaway", "Breakaway"),
    ("occupied", "Occupied"),
    ("foreign-military-presence", "ForeignMilitaryPresence"),
    ("contested", "Contested"),
];

// ---------------------------------------------------------------------------
// Normalisation

/// The scorer's `norm()`: NFKC, case folding, whitespace runs to one space, and
/// `` .,'"“”‘’`` stripped from both ends.
pub fn norm(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.nfkc() {
        casefold(c, &mut folded);
    }
    let mut out = String::with_capacity(folded.len());
    let mut in_space = false;
    for c in folded.chars() {
        if py_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out.trim_matches(|c| " .,'\"“”‘’".contains(c)).to_string()
}

/// Python's `\s` (`str.isspace`): Unicode white space plus the separators U+001C–U+001F.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.casefold()` for one character: full lower case except where Unicode
/// case folding differs (ß → ss, ς → σ, Cherokee folds to capitals, …).
fn casefold(c: char, out: &mut String) {
    match c as u32 {
        0x13A0..=0x13F5 => out.push(c),
        0x13F8..=0x13FD => out.extend(char::from_u32(c as u32 - 8)),
        0xAB70..=0xABBF => out.extend(char::from_u32(c as u32 - 0xAB70 + 0x13A0)),
        _ => match CASEFOLD.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => out.push_str(CASEFOLD[i].1),
            Err(_) => out.extend(c.to_lowercase()),
        },
    }
}

// ---------------------------------------------------------------------------
// Gold annotations

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

fn status(text: &str, s: &Spanned<String>) -> Result<&'static str, String> {
    STATUS.iter().find(|(word, _)| word == s.get_ref()).map(|(_, term)| *term).ok_or_else(|| {
        let known: Vec<&str> = STATUS.iter().map(|(w, _)| *w).collect();
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

// ---------------------------------------------------------------------------
// The extracted triples, indexed as rdflib's memory store holds them

/// Triples with rdflib's iteration order: objects of a subject and predicate in the
/// order they were added; for a predicate, objects in order of first use, each with
/// its subjects in the order they were added.
#[derive(Debug, Default)]
pub struct Graph {
    seen: HashSet<(Term, NamedNode, Term)>,
    spo: HashMap<(Term, NamedNode), Vec<Term>>,
    pos: HashMap<NamedNode, ByObject>,
}

#[derive(Debug, Default)]
struct ByObject {
    order: Vec<Term>,
    subjects: HashMap<Term, Vec<Term>>,
}

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

/// Python's `str()` of an rdflib term: the IRI, the literal's lexical form, the blank node id.
fn text(t: &Term) -> String {
    #[allow(unreachable_patterns)]
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::BlankNode(b) => b.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

impl Graph {
    /// Adds quads (graph names ignored) in the given order; duplicates are dropped.
    pub fn from_quads(quads: impl IntoIterator<Item = Quad>) -> Graph {
        let mut g = Graph::default();
        for q in quads {
            g.add(Term::from(q.subject), q.predicate, q.object);
        }
        g
    }

    fn add(&mut self, s: Term, p: NamedNode, o: Term) {
        if !self.seen.insert((s.clone(), p.clone(), o.clone())) {
            return;
        }
        self.spo.entry((s.clone(), p.clone())).or_default().push(o.clone());
        let ByObject { order, subjects } = self.pos.entry(p).or_default();
        subjects
            .entry(o)
            .or_insert_with_key(|o| {
                order.push(o.clone());
                Vec::new()
            })
            .push(s);
    }

    fn objects(&self, s: &Term, p: &str) -> &[Term] {
        self.spo.get(&(s.clone(), iri(p))).map(Vec::as_slice).unwrap_or(&[])
    }

    fn subjects(&self, p: &str, o: &Term) -> &[Term] {
        self.pos.get(&iri(p)).and_then(|b| b.subjects.get(o)).map(Vec::as_slice).unwrap_or(&[])
    }

    fn subject_objects(&self, p: &str) -> Vec<(&Term, &Term)> {
        let Some(b) = self.pos.get(&iri(p)) else { return Vec::new() };
        b.order.iter().flat_map(|o| b.subjects[o].iter().map(move |s| (s, o))).collect()
    }

    /// The gold entity a node stands for: by `owl:sameAs` a Wikidata id of the gold,
    /// else by a label (`rdfs:label`, `skos:prefLabel`, `skos:altLabel`, `schema:name`).
    fn resolve(&self, node: &Term, ents: &Entities) -> Option<String> {
        for o in self.objects(node, vocab::owl::SAME_AS) {
            if let Some(name) = text(o).strip_prefix(vocab::WD).and_then(|q| ents.by_qid(q)) {
                return Some(name.to_string());
            }
        }
        for p in [vocab::rdfs::LABEL, SKOS_PREF_LABEL, vocab::skos::ALT_LABEL, SCHEMA_NAME] {
            for o in self.objects(node, p) {
                if let Some(name) = ents.by_alias(&text(o)).filter(|n| !n.is_empty()) {
                    return Some(name.to_string());
                }
            }
        }
        None
    }

    /// A node's labels (comments included), or its IRI when it has none.
    fn labels(&self, node: &Term) -> Vec<String> {
        let out: Vec<String> = [vocab::rdfs::LABEL, SKOS_PREF_LABEL, SCHEMA_NAME, RDFS_COMMENT]
            .iter()
            .flat_map(|p| self.objects(node, p).iter().map(text))
            .collect();
        if out.is_empty() {
            vec![text(node)]
        } else {
            out
        }
    }

    fn first_label(&self, node: &Term) -> String {
        self.labels(node).swap_remove(0)
    }
}

// ---------------------------------------------------------------------------
// Extracted facts, read from the graph through the contract's vocabulary

#[derive(Debug, Clone)]
pub struct PredDemand {
    pub by: Option<String>,
    pub of: Option<String>,
    pub labels: Vec<String>,
    raw: String,
}

#[derive(Debug, Clone)]
pub struct PredMeeting {
    pub city: Option<String>,
    pub dates: Vec<String>,
    pub participants: HashSet<String>,
    raw: String,
}

#[derive(Debug, Clone)]
pub struct PredRejection {
    pub by: Option<String>,
    pub of: Option<String>,
    raw: String,
}

#[derive(Debug, Clone)]
pub struct PredRegion {
    pub region: Option<String>,
    pub status: String,
    raw: String,
}

#[derive(Debug, Clone)]
pub struct PredRole {
    pub person: Option<String>,
    pub role: String,
    pub of: Option<String>,
    raw: String,
}

/// The facts of one article's graph, sides and entities resolved against the gold.
#[derive(Debug, Clone, Default)]
pub struct Predicted {
    pub demands: Vec<PredDemand>,
    pub meetings: Vec<PredMeeting>,
    pub rejections: Vec<PredRejection>,
    pub regions: Vec<PredRegion>,
    pub roles: Vec<PredRole>,
}

fn w(local: &str) -> String {
    format!("{}{local}", vocab::WARTA)
}

/// The scorer's `predicted()`.
pub fn predicted(g: &Graph, ents: &Entities) -> Predicted {
    let r = |n: &Term| g.resolve(n, ents);
    let side = |n: &Term| ents.side(r(n).as_deref());
    let mut out = Predicted::default();
    for (by, act) in g.subject_objects(&w("demands")) {
        let labels = g.labels(act);
        let by_label = g.first_label(by);
        let addressees = g.objects(act, &w("addressee"));
        for of in addressees {
            let raw = py_tuple(&[Py::Str(&by_label), Py::Str(&g.first_label(of))]);
            out.demands.push(PredDemand { by: side(by), of: side(of), labels: labels.clone(), raw });
        }
        if addressees.is_empty() {
            let raw = py_tuple(&[Py::Str(&by_label), Py::None]);
            out.demands.push(PredDemand { by: side(by), of: None, labels, raw });
        }
    }
    for (m, city) in g.subject_objects(&w("heldIn")) {
        let mut dates: Vec<String> = g.objects(m, &w("date")).iter().map(|d| text(d).chars().take(10).collect()).collect();
        dates.sort();
        dates.dedup();
        let participants = g.objects(m, &w("participant")).iter().filter_map(side).collect();
        let raw = py_tuple(&[Py::Str(&g.first_label(city)), Py::List(&dates)]);
        out.meetings.push(PredMeeting { city: r(city), dates, participants, raw });
    }
    for (by, act) in g.subject_objects(&w("rejects")) {
        let mut demanders: Vec<Option<String>> = g.subjects(&w("demands"), act).iter().map(side).collect();
        if demanders.is_empty() {
            // Rejecting an actor's demands directly.
            if let Some(name) = r(act).filter(|n| !n.is_empty()) {
                demanders.push(ents.side(Some(&name)));
            }
        }
        if demanders.is_empty() {
            demanders.push(None);
        }
        let raw = py_tuple(&[Py::Str(&g.first_label(by))]);
        for of in demanders {
            out.rejections.push(PredRejection { by: side(by), of, raw: raw.clone() });
        }
    }
    for (region, st) in g.subject_objects(&w("disputedStatus")) {
        let term = text(st);
        let local = term.rsplit('#').next().unwrap_or("");
        let status = local.rsplit('/').next().unwrap_or("").to_string();
        let raw = py_tuple(&[Py::Str(&g.first_label(region)), Py::Str(&term)]);
        out.regions.push(PredRegion { region: r(region), status, raw });
    }
    for (person, role) in g.subject_objects(&w("role")) {
        let mut sides: Vec<Option<String>> = g.objects(person, &w("represents")).iter().map(side).collect();
        if sides.is_empty() {
            sides.push(None);
        }
        let role = text(role);
        let raw = py_tuple(&[Py::Str(&g.first_label(person)), Py::Str(&role)]);
        for of in sides {
            out.roles.push(PredRole { person: r(person), role: role.clone(), of, raw: raw.clone() });
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Matching and scoring

fn match_demand(e: &Entities, g: &GoldDemand, p: &PredDemand) -> bool {
    p.by == e.side(Some(&g.by)) && p.of == e.side(Some(&g.of)) && g.patterns.iter().all(|re| p.labels.iter().any(|l| re.is_match(l)))
}

fn match_meeting(_: &Entities, g: &GoldMeeting, p: &PredMeeting) -> bool {
    p.city.as_deref() == Some(g.city.as_str()) && g.dates.as_ref().is_none_or(|ds| ds.iter().any(|d| p.dates.contains(d)))
}

fn match_rejection(e: &Entities, g: &GoldRejection, p: &PredRejection) -> bool {
    p.by == e.side(Some(&g.by)) && p.of == e.side(Some(&g.of))
}

fn match_region(_: &Entities, g: &GoldRegion, p: &PredRegion) -> bool {
    p.region.as_deref() == Some(g.region.as_str()) && g.statuses.contains(&p.status.as_str())
}

fn match_role(e: &Entities, g: &GoldRole, p: &PredRole) -> bool {
    p.person.as_deref() == Some(g.person.as_str()) && g.role.is_match(&p.role) && p.of == e.side(Some(&g.of))
}

/// True positives, false positives and false negatives of one row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Tally {
    /// Precision, recall and F1, with the scorer's conventions for empty counts.
    pub fn prf(self) -> (f64, f64, f64) {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        let p = if self.tp + self.fp > 0 {
            tp / (tp + fp)
        } else if self.fn_ == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 { tp / (tp + fn_) } else { 1.0 };
        let f = if p + r != 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
}

/// One report row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub p: f64,
    pub r: f64,
    pub f: f64,
    pub tally: Tally,
}

/// The outcome of scoring: counts per kind, `--detail` lines and failed articles.
#[derive(Debug, Default)]
pub struct Report {
    tallies: BTreeMap<&'static str, Tally>,
    /// `FILE\tKIND\tFP|FN\tWHAT`, in the scorer's order.
    pub detail: Vec<String>,
    /// Articles that could not be extracted (scored as finding nothing), with why.
    pub failures: Vec<(String, String)>,
}

#[allow(clippy::too_many_arguments)]
fn score_kind<G, P>(
    file: &str,
    kind: &'static str,
    golds: &[GoldFact<G>],
    preds: &[P],
    ents: &Entities,
    matches: fn(&Entities, &G, &P) -> bool,
    raw: fn(&P) -> &str,
    report: &mut Report,
) {
    let mut found = vec![false; golds.len()];
    let mut fp = 0;
    for p in preds {
        let mut hit = false;
        for (i, g) in golds.iter().enumerate() {
            if matches(ents, &g.fact, p) {
                found[i] = true;
                hit = true;
            }
        }
        if !hit {
            fp += 1;
            report.detail.push(format!("{file}\t{kind}\tFP\t{}", raw(p)));
        }
    }
    let t = report.tallies.entry(kind).or_default();
    t.fp += fp;
    for (g, f) in golds.iter().zip(&found) {
        if g.optional {
            continue;
        }
        if *f {
            t.tp += 1;
        } else {
            t.fn_ += 1;
        }
    }
    for (g, f) in golds.iter().zip(&found) {
        if !g.optional && !f {
            report.detail.push(format!("{file}\t{kind}\tFN\t{}", g.shown));
        }
    }
}

/// The scorer's `score_article()`: adds one article's counts and detail lines.
pub fn score_article(art: &GoldArticle, facts: &Predicted, ents: &Entities, report: &mut Report) {
    let f = art.file.as_str();
    score_kind(f, "demands", &art.demands, &facts.demands, ents, match_demand, |p| &p.raw, report);
    score_kind(f, "meetings", &art.meetings, &facts.meetings, ents, match_meeting, |p| &p.raw, report);
    // Participants: recall over the gold meetings, from the extracted meetings that match them.
    let t = report.tallies.entry("participants").or_default();
    for g in &art.meetings {
        let want: HashSet<String> = g.fact.participants.iter().filter_map(|x| ents.side(Some(x))).collect();
        let got: HashSet<&String> =
            facts.meetings.iter().filter(|p| match_meeting(ents, &g.fact, p)).flat_map(|p| p.participants.iter()).collect();
        let hit = want.iter().filter(|w| got.contains(w)).count();
        t.tp += hit;
        t.fn_ += want.len() - hit;
    }
    score_kind(f, "rejections", &art.rejections, &facts.rejections, ents, match_rejection, |p| &p.raw, report);
    score_kind(f, "regions", &art.regions, &facts.regions, ents, match_region, |p| &p.raw, report);
    score_kind(f, "roles", &art.roles, &facts.roles, ents, match_role, |p| &p.raw, report);
}

/// Extracts one article file as `warta extract FILE --format ntriples --published DATE`
/// would: the triples it prints, in its order, or why it would fail.
pub fn extract_file(path: &Path, published: Option<&str>) -> Result<Vec<Quad>, String> {
    let published = published.ok_or_else(|| "the gold gives no `published` date".to_string())?;
    let date = crate::article::parse_published(published)
        .ok_or_else(|| format!("`published` {published:?} is not a date; use YYYY-MM-DD, e.g. 2022-01-21"))?;
    let (files, list_errors) = crate::article::list_inputs(&[path.to_path_buf()]);
    let mut errors: Vec<String> = list_errors.iter().map(ToString::to_string).collect();
    let mut quads = Vec::new();
    for file in files {
        let outcome = crate::article::read_file(&file);
        errors.extend(outcome.errors.iter().map(ToString::to_string));
        for mut a in outcome.articles {
            a.published = Some(date);
            let pack = crate::lang::detect(&format!("{}\n{}", a.title, a.body));
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| crate::extract::extract(&a, pack))) {
                Ok(x) => quads.extend(crate::rdf::article_quads(&x, GraphName::DefaultGraph)),
                Err(_) => errors.push(format!("{}: the extractor panicked", a.source)),
            }
        }
    }
    if errors.is_empty() {
        Ok(crate::rdf::sorted_unique(quads))
    } else {
        Err(errors.join("; "))
    }
}

/// Scores every gold article (those whose file starts with `only`) against the
/// extraction of `texts/FILE`. An article that cannot be extracted finds nothing.
pub fn evaluate(gold: &Gold, texts: &Path, only: &str) -> Report {
    let mut report = Report::default();
    for art in gold.articles.iter().filter(|a| a.file.starts_with(only)) {
        let graph = match extract_file(&texts.join(&art.file), art.published.as_deref()) {
            Ok(quads) => Graph::from_quads(quads),
            Err(e) => {
                report.failures.push((art.file.clone(), e));
                Graph::default()
            }
        };
        score_article(art, &predicted(&graph, &gold.entities), &gold.entities, &mut report);
    }
    report
}

impl Report {
    /// Counts of one row (`all`: the five kinds together).
    pub fn tally(&self, row: &str) -> Tally {
        if row == "all" {
            return KINDS.iter().map(|k| self.tally(k)).fold(Tally::default(), |a, t| Tally {
                tp: a.tp + t.tp,
                fp: a.fp + t.fp,
                fn_: a.fn_ + t.fn_,
            });
        }
        self.tallies.get(row).copied().unwrap_or_default()
    }

    /// Every row of `ROWS` with its scores.
    pub fn scores(&self) -> Vec<(&'static str, Score)> {
        ROWS.iter()
            .map(|&row| {
                let tally = self.tally(row);
                let (p, r, f) = tally.prf();
                (row, Score { p, r, f, tally })
            })
            .collect()
    }

    /// The scorer's table.
    pub fn table(&self) -> String {
        let mut out = String::new();
        for (row, s) in self.scores() {
            out.push_str(&format!(
                "{row:13} P={:.2} R={:.2} F1={:.2}  (tp={} fp={} fn={})\n",
                s.p, s.r, s.f, s.tally.tp, s.tally.fp, s.tally.fn_
            ));
        }
        if !self.failures.is_empty() {
            let first: Vec<String> = self.failures.iter().take(3).map(|(f, e)| py_tuple(&[Py::Str(f), Py::Str(e)])).collect();
            out.push_str(&format!("failures: {}: [{}]\n", self.failures.len(), first.join(", ")));
        }
        out
    }

    /// `{"scores": {ROW: {"p", "r", "f", "tp", "fp", "fn"}, …}, "failures": [[FILE, WHY], …]}`,
    /// written as Python's `json.dumps` writes it.
    pub fn json(&self) -> String {
        let rows: Vec<String> = self
            .scores()
            .iter()
            .map(|(row, s)| {
                format!(
                    "{}: {{\"p\": {}, \"r\": {}, \"f\": {}, \"tp\": {}, \"fp\": {}, \"fn\": {}}}",
                    json_str(row),
                    py_float(s.p),
                    py_float(s.r),
                    py_float(s.f),
                    s.tally.tp,
                    s.tally.fp,
                    s.tally.fn_
                )
            })
            .collect();
        let failures: Vec<String> = self.failures.iter().map(|(f, e)| format!("[{}, {}]", json_str(f), json_str(e))).collect();
        format!("{{\"scores\": {{{}}}, \"failures\": [{}]}}", rows.join(", "), failures.join(", "))
    }

    /// The `--detail` lines: false positives and negatives, then `FAIL` lines.
    pub fn detail_lines(&self) -> Vec<String> {
        let fails = self.failures.iter().map(|(f, e)| format!("FAIL\t{f}\t{e}"));
        self.detail.iter().cloned().chain(fails).collect()
    }
}

// ---------------------------------------------------------------------------
// Writing values as Python prints them (`--detail`, `--json`)

/// A value inside a tuple the scorer prints.
enum Py<'a> {
    Str(&'a str),
    None,
    List(&'a [String]),
}

fn py_tuple(items: &[Py]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|i| match i {
            Py::Str(s) => py_str(s),
            Py::None => "None".to_string(),
            Py::List(l) => format!("[{}]", l.iter().map(|s| py_str(s)).collect::<Vec<_>>().join(", ")),
        })
        .collect();
    if parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(", "))
    }
}

/// Characters Python's `repr()` escapes besides ASCII controls: separators, format
/// and private-use characters (`str.isprintable()` is false for them).
fn py_unprintable(c: char) -> bool {
    let u = c as u32;
    c.is_control()
        || matches!(
            u,
            0xA0 | 0xAD
                | 0x600..=0x605
                | 0x61C
                | 0x6DD
                | 0x70F
                | 0x890..=0x891
                | 0x8E2
                | 0x1680
                | 0x180E
                | 0x2000..=0x200F
                | 0x2028..=0x202F
                | 0x205F..=0x2064
                | 0x2066..=0x206F
                | 0x3000
                | 0xD800..=0xF8FF
                | 0xFEFF
                | 0xFFF9..=0xFFFB
                | 0x110BD
                | 0x110CD
                | 0x13430..=0x13438
                | 0x1BCA0..=0x1BCA3
                | 0x1D173..=0x1D17A
                | 0xE0001
                | 0xE0020..=0xE007F
                | 0xF0000..
        )
}

/// Python's `repr()` of a string.
fn py_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if py_unprintable(c) => {
                let u = c as u32;
                if u < 0x100 {
                    out.push_str(&format!("\\x{u:02x}"));
                } else if u < 0x10000 {
                    out.push_str(&format!("\\u{u:04x}"));
                } else {
                    out.push_str(&format!("\\U{u:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of a float.
fn py_float(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    // Shortest round-trip digits, as Python's repr chooses them.
    let e = format!("{x:e}");
    let (mantissa, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = mantissa.strip_prefix('-').map_or(("", mantissa), |m| ("-", m));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            let padded = format!("{digits:0<int_len$}");
            let (int, frac) = padded.split_at(int_len);
            format!("{sign}{int}.{}", if frac.is_empty() { "0" } else { frac })
        } else {
            format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        format!("{sign}{first}{rest}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}

/// Python's `repr()` of a TOML value as `tomllib` loads it.
fn py_value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => py_str(s),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => match py_float(*f).as_str() {
            "NaN" => "nan".into(),
            "Infinity" => "inf".into(),
            "-Infinity" => "-inf".into(),
            s => s.into(),
        },
        toml::Value::Boolean(b) => if *b { "True" } else { "False" }.into(),
        toml::Value::Datetime(d) => match (&d.date, &d.time) {
            (Some(date), None) => format!("datetime.date({}, {}, {})", date.year, date.month, date.day),
            _ => py_str(&d.to_string()),
        },
        toml::Value::Array(items) => format!("[{}]", items.iter().map(py_value).collect::<Vec<_>>().join(", ")),
        toml::Value::Table(t) => {
            format!("{{{}}}", t.iter().map(|(k, v)| format!("{}: {}", py_str(k), py_value(v))).collect::<Vec<_>>().join(", "))
        }
    }
}

/// A JSON string as Python's `json.dumps` writes it (non-ASCII escaped).
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7E => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters whose Unicode case folding differs from their lower case (outside the
/// Cherokee blocks, handled in `casefold`), sorted; generated from Python's `str.casefold`.
#[rustfmt::skip]
const CASEFOLD: &[(char, &str)] = &[
    ('\u{b5}', "\u{3bc}"), ('\u{df}', "\u{73}\u{73}"), ('\u{149}', "\u{2bc}\u{6e}"), ('\u{17f}', "\u{73}"), ('\u{1f0}', "\u{6a}\u{30c}"),
    ('\u{345}', "\u{3b9}"), ('\u{390}', "\u{3b9}\u{308}\u{301}"), ('\u{3b0}', "\u{3c5}\u{308}\u{301}"), ('\u{3c2}', "\u{3c3}"),
    ('\u{3d0}', "\u{3b2}"), ('\u{3d1}', "\u{3b8}"), ('\u{3d5}', "\u{3c6}"), ('\u{3d6}', "\u{3c0}"), ('\u{3f0}', "\u{3ba}"),
    ('\u{3f1}', "\u{3c1}"), ('\u{3f5}', "\u{3b5}"), ('\u{587}', "\u{565}\u{582}"), ('\u{1c80}', "\u{432}"), ('\u{1c81}', "\u{434}"),
    ('\u{1c82}', "\u{43e}"), ('\u{1c83}', "\u{441}"), ('\u{1c84}', "\u{442}"), ('\u{1c85}', "\u{442}"), ('\u{1c86}', "\u{44a}"),
    ('\u{1c87}', "\u{463}"), ('\u{1c88}', "\u{a64b}"), ('\u{1e96}', "\u{68}\u{331}"), ('\u{1e97}', "\u{74}\u{308}"),
    ('\u{1e98}', "\u{77}\u{30a}"), ('\u{1e99}', "\u{79}\u{30a}"), ('\u{1e9a}', "\u{61}\u{2be}"), ('\u{1e9b}', "\u{1e61}"),
    ('\u{1e9e}', "\u{73}\u{73}"), ('\u{1f50}', "\u{3c5}\u{313}"), ('\u{1f52}', "\u{3c5}\u{313}\u{300}"),
    ('\u{1f54}', "\u{3c5}\u{313}\u{301}"), ('\u{1f56}', "\u{3c5}\u{313}\u{342}"), ('\u{1f80}', "\u{1f00}\u{3b9}"),
    ('\u{1f81}', "\u{1f01}\u{3b9}"), ('\u{1f82}', "\u{1f02}\u{3b9}"), ('\u{1f83}', "\u{1f03}\u{3b9}"), ('\u{1f84}', "\u{1f04}\u{3b9}"),
    ('\u{1f85}', "\u{1f05}\u{3b9}"), ('\u{1f86}', "\u{1f06}\u{3b9}"), ('\u{1f87}', "\u{1f07}\u{3b9}"), ('\u{1f88}', "\u{1f00}\u{3b9}"),
    ('\u{1f89}', "\u{1f01}\u{3b9}"), ('\u{1f8a}', "\u{1f02}\u{3b9}"), ('\u{1f8b}', "\u{1f03}\u{3b9}"), ('\u{1f8c}', "\u{1f04}\u{3b9}"),
    ('\u{1f8d}', "\u{1f05}\u{3b9}"), ('\u{1f8e}', "\u{1f06}\u{3b9}"), ('\u{1f8f}', "\u{1f07}\u{3b9}"), ('\u{1f90}', "\u{1f20}\u{3b9}"),
    ('\u{1f91}', "\u{1f21}\u{3b9}"), ('\u{1f92}', "\u{1f22}\u{3b9}"), ('\u{1f93}', "\u{1f23}\u{3b9}"), ('\u{1f94}', "\u{1f24}\u{3b9}"),
    ('\u{1f95}', "\u{1f25}\u{3b9}"), ('\u{1f96}', "\u{1f26}\u{3b9}"), ('\u{1f97}', "\u{1f27}\u{3b9}"), ('\u{1f98}', "\u{1f20}\u{3b9}"),
    ('\u{1f99}', "\u{1f21}\u{3b9}"), ('\u{1f9a}', "\u{1f22}\u{3b9}"), ('\u{1f9b}', "\u{1f23}\u{3b9}"), ('\u{1f9c}', "\u{1f24}\u{3b9}"),
    ('\u{1f9d}', "\u{1f25}\u{3b9}"), ('\u{1f9e}', "\u{1f26}\u{3b9}"), ('\u{1f9f}', "\u{1f27}\u{3b9}"), ('\u{1fa0}', "\u{1f60}\u{3b9}"),
    ('\u{1fa1}', "\u{1f61}\u{3b9}"), ('\u{1fa2}', "\u{1f62}\u{3b9}"), ('\u{1fa3}', "\u{1f63}\u{3b9}"), ('\u{1fa4}', "\u{1f64}\u{3b9}"),
    ('\u{1fa5}', "\u{1f65}\u{3b9}"), ('\u{1fa6}', "\u{1f66}\u{3b9}"), ('\u{1fa7}', "\u{1f67}\u{3b9}"), ('\u{1fa8}', "\u{1f60}\u{3b9}"),
    ('\u{1fa9}', "\u{1f61}\u{3b9}"), ('\u{1faa}', "\u{1f62}\u{3b9}"), ('\u{1fab}', "\u{1f63}\u{3b9}"), ('\u{1fac}', "\u{1f64}\u{3b9}"),
    ('\u{1fad}', "\u{1f65}\u{3b9}"), ('\u{1fae}', "\u{1f66}\u{3b9}"), ('\u{1faf}', "\u{1f67}\u{3b9}"), ('\u{1fb2}', "\u{1f70}\u{3b9}"),
    ('\u{1fb3}', "\u{3b1}\u{3b9}"), ('\u{1fb4}', "\u{3ac}\u{3b9}"), ('\u{1fb6}', "\u{3b1}\u{342}"), ('\u{1fb7}', "\u{3b1}\u{342}\u{3b9}"),
    ('\u{1fbc}', "\u{3b1}\u{3b9}"), ('\u{1fbe}', "\u{3b9}"), ('\u{1fc2}', "\u{1f74}\u{3b9}"), ('\u{1fc3}', "\u{3b7}\u{3b9}"),
    ('\u{1fc4}', "\u{3ae}\u{3b9}"), ('\u{1fc6}', "\u{3b7}\u{342}"), ('\u{1fc7}', "\u{3b7}\u{342}\u{3b9}"), ('\u{1fcc}', "\u{3b7}\u{3b9}"),
    ('\u{1fd2}', "\u{3b9}\u{308}\u{300}"), ('\u{1fd3}', "\u{3b9}\u{308}\u{301}"), ('\u{1fd6}', "\u{3b9}\u{342}"),
    ('\u{1fd7}', "\u{3b9}\u{308}\u{342}"), ('\u{1fe2}', "\u{3c5}\u{308}\u{300}"), ('\u{1fe3}', "\u{3c5}\u{308}\u{301}"),
    ('\u{1fe4}', "\u{3c1}\u{313}"), ('\u{1fe6}', "\u{3c5}\u{342}"), ('\u{1fe7}', "\u{3c5}\u{308}\u{342}"),
    ('\u{1ff2}', "\u{1f7c}\u{3b9}"), ('\u{1ff3}', "\u{3c9}\u{3b9}"), ('\u{1ff4}', "\u{3ce}\u{3b9}"), ('\u{1ff6}', "\u{3c9}\u{342}"),
    ('\u{1ff7}', "\u{3c9}\u{342}\u{3b9}"), ('\u{1ffc}', "\u{3c9}\u{3b9}"), ('\u{fb00}', "\u{66}\u{66}"), ('\u{fb01}', "\u{66}\u{69}"),
    ('\u{fb02}', "\u{66}\u{6c}"), ('\u{fb03}', "\u{66}\u{66}\u{69}"), ('\u{fb04}', "\u{66}\u{66}\u{6c}"), ('\u{fb05}', "\u{73}\u{74}"),
    ('\u{fb06}', "\u{73}\u{74}"), ('\u{fb13}', "\u{574}\u{576}"), ('\u{fb14}', "\u{574}\u{565}"), ('\u{fb15}', "\u{574}\u{56b}"),
    ('\u{fb16}', "\u{57e}\u{576}"), ('\u{fb17}', "\u{574}\u{56d}"),
];

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are what Python 3.11 prints.
    #[test]
    fn norm_is_the_scorers() {
        assert_eq!(norm("  \u{201c}Rusia\u{201d} "), "rusia");
        assert_eq!(norm("\u{1c}x\u{1f} y"), "x y");
        assert_eq!(norm(". ,AS'"), "as");
        assert_eq!(norm("\u{1e9e}tra\u{df}e"), "sstrasse");
        assert_eq!(norm("\u{3a3}\u{391}\u{3a3}"), "\u{3c3}\u{3b1}\u{3c3}");
        assert_eq!(norm("\u{13a0}\u{ab70}"), "\u{13a0}\u{13a0}");
        assert_eq!(norm("\u{fb01}"), "fi");
        assert_eq!(norm("x\u{a0}\u{2003}y"), "x y");
    }

    #[test]
    fn floats_and_strings_as_python_writes_them() {
        let floats = [0.0, 1.0, 0.5, 1e-5, 0.0001, 123.0, 1e16, 1.5e16, 2.0 / 3.0, 1e15, 12345.678];
        let want =
            ["0.0", "1.0", "0.5", "1e-05", "0.0001", "123.0", "1e+16", "1.5e+16", "0.6666666666666666", "1000000000000000.0", "12345.678"];
        for (x, w) in floats.iter().zip(want) {
            assert_eq!(py_float(*x), w);
        }
        assert_eq!(py_str("it's"), "\"it's\"");
        assert_eq!(py_str("say \"hi\""), "'say \"hi\"'");
        assert_eq!(py_str("both ' \""), "'both \\' \"'");
        assert_eq!(py_str("tab\there\u{a0}\u{ad}\u{200b}\u{7f}\\"), "'tab\\there\\xa0\\xad\\u200b\\x7f\\\\'");
        assert_eq!(py_str("ok \u{e9}"), "'ok \u{e9}'");
        assert_eq!(json_str("\u{e9}\u{1f600}\""), "\"\\u00e9\\ud83d\\ude00\\\"\"");
    }

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
        assert!(e.contains("line 5, column 22: unknown status \"gone\""), "{e}");
    }
}
