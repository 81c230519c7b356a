//! Facts → RDF following ../shared/CONTRACT.md: entities, events with evidence,
//! the article node; deterministic IRIs and a sorted, duplicate-free output.

use crate::extract::{short_hash, EntRef, Evidence, Extraction, Rejected};
use crate::lang::EntityType;
use crate::vocab::{self, dcterms, owl, rdf, rdfs, skos, warta, wd, wid, xsd};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::collections::{BTreeSet, HashSet};
use std::io::Write;

/// The IRI `wid:PATH`.
pub fn wid_iri(path: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{path}", wid::NS))
}

/// The entity classes, in the order `status` and queries list them.
pub const ENTITY_CLASSES: [NamedNodeRef<'static>; 6] =
    [warta::COUNTRY, warta::ORGANIZATION, warta::PERSON, warta::CITY, warta::REGION, warta::GROUP];

/// The class of an entity type.
pub fn entity_class(t: EntityType) -> NamedNodeRef<'static> {
    match t {
        EntityType::Country => warta::COUNTRY,
        EntityType::City => warta::CITY,
        EntityType::Organization => warta::ORGANIZATION,
        EntityType::Region => warta::REGION,
        EntityType::Group => warta::GROUP,
        EntityType::Person => warta::PERSON,
    }
}

/// A readable, stable IRI segment from a label ("Sergey Lavrov" → "sergey-lavrov").
pub fn slug(label: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in label.nfkd().filter(|c| c.is_ascii() || c.is_alphanumeric()) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let t = out.trim_matches('-').to_string();
    if t.is_empty() {
        short_hash(&[label])
    } else {
        t
    }
}

/// The IRI of an entity: its Wikidata id, else its canonical label.
pub fn entity_iri(x: &Extraction, e: EntRef) -> NamedNode {
    let ent = x.entities.get(e);
    match &ent.qid {
        Some(q) => wid_iri(&format!("{ENTITY}{q}")),
        None => wid_iri(&format!("{ENTITY}{}", slug(&ent.key))),
    }
}

/// The path under `wid:` of entity IRIs.
const ENTITY: &str = "entity/";

/// Is this an entity's IRI (`wid:entity/…`)?
pub fn is_entity_iri(iri: &str) -> bool {
    iri.strip_prefix(wid::NS).is_some_and(|rest| rest.starts_with(ENTITY))
}

pub fn graph_iri(hash: &str) -> NamedNode {
    wid_iri(&format!("graph/{hash}"))
}

pub fn article_iri(hash: &str) -> NamedNode {
    wid_iri(&format!("article/{hash}"))
}

struct Builder {
    graph: GraphName,
    quads: HashSet<Quad>,
}

/// Quads without duplicates, in N-Quads text order: same set, same sequence.
pub fn sorted_unique(quads: impl IntoIterator<Item = Quad>) -> Vec<Quad> {
    let set: HashSet<Quad> = quads.into_iter().collect();
    let mut v: Vec<Quad> = set.into_iter().collect();
    v.sort_by_cached_key(|q| q.to_string());
    v
}

impl Builder {
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.insert(Quad::new(NamedOrBlankNode::from(s.clone()), p, o.into(), self.graph.clone()));
    }
    fn lit(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str, lang: &str) {
        let l = Literal::new_language_tagged_literal(value, lang).unwrap_or_else(|_| Literal::new_simple_literal(value));
        self.add(s, p, l);
    }
    fn typed(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str, dt: NamedNodeRef<'_>) {
        self.add(s, p, Literal::new_typed_literal(value, dt));
    }
}

/// The quads of one article, in `graph` (the default graph for `extract`).
pub fn article_quads(x: &Extraction, graph: GraphName) -> Vec<Quad> {
    let mut b = Builder { graph, quads: HashSet::new() };
    let article = article_iri(&x.hash);
    b.add(&article, rdf::TYPE, warta::ARTICLE);
    b.lit(&article, dcterms::TITLE, &x.title, x.lang);
    b.typed(&article, dcterms::SOURCE, &x.source, xsd::STRING);
    b.typed(&article, dcterms::LANGUAGE, x.lang, xsd::STRING);
    if let Some(p) = x.published {
        b.typed(&article, dcterms::ISSUED, &p.to_string(), xsd::DATE);
    }
    b.typed(&article, warta::CONTENT_HASH, &x.hash, xsd::STRING);
    b.typed(&article, warta::EXTRACTOR_VERSION, crate::extractor_version(), xsd::STRING);

    let mut used: BTreeSet<EntRef> = BTreeSet::new();
    let evidence = |b: &mut Builder, node: &NamedNode, ev: &Evidence| {
        // Two facts drawn from one sentence by one rule may differ in confidence:
        // each gets its own mention node, so no fact shows the other's confidence.
        let confidence = format!("{:.2}", ev.confidence.clamp(0.0, 1.0));
        let m = wid_iri(&format!("mention/{}-{}-{}-{}-{}", x.hash, ev.start, ev.end, ev.rule, confidence.replace('.', "")));
        b.add(node, warta::EVIDENCE, m.clone());
        b.add(&m, rdf::TYPE, warta::MENTION);
        b.typed(&m, warta::TEXT, &ev.text, xsd::STRING);
        b.typed(&m, warta::START, &ev.start.to_string(), xsd::INTEGER);
        b.typed(&m, warta::END, &ev.end.to_string(), xsd::INTEGER);
        b.typed(&m, warta::RULE, ev.rule, xsd::STRING);
        b.typed(&m, warta::CONFIDENCE, &confidence, xsd::DECIMAL);
        b.add(&m, warta::ARTICLE_PROP, article.clone());
    };

    let mut action_iris = Vec::new();
    for d in &x.demands {
        let (by, of) = (entity_iri(x, d.by), entity_iri(x, d.of));
        let action = wid_iri(&format!("action/{}", short_hash(&[&x.hash, by.as_str(), of.as_str(), &d.action])));
        used.extend([d.by, d.of]);
        b.add(&by, warta::DEMANDS, action.clone());
        b.add(&action, rdf::TYPE, warta::ACTION);
        b.lit(&action, rdfs::LABEL, &d.action, x.lang);
        b.add(&action, warta::ADDRESSEE, of);
        b.add(&action, warta::AGENT, by);
        if let Some(p) = d.stated_by {
            used.insert(p);
            b.add(&action, warta::STATED_BY, entity_iri(x, p));
        }
        if let Some(m) = &d.modality {
            b.typed(&action, warta::MODALITY, m, xsd::STRING);
        }
        evidence(&mut b, &action, &d.evidence);
        action_iris.push(action);
    }
    for r in &x.rejections {
        let by = entity_iri(x, r.by);
        used.insert(r.by);
        let target = match r.rejected {
            Rejected::Demand(i) => action_iris[i].clone(),
            Rejected::Actor(a) => {
                used.insert(a);
                entity_iri(x, a)
            }
        };
        let node = wid_iri(&format!("rejection/{}", short_hash(&[&x.hash, by.as_str(), target.as_str()])));
        b.add(&by, warta::REJECTS, target.clone());
        b.add(&node, rdf::TYPE, warta::REJECTION);
        b.add(&node, warta::AGENT, by);
        b.add(&node, warta::REJECTED, target);
        if let Some(p) = r.stated_by {
            used.insert(p);
            b.add(&node, warta::STATED_BY, entity_iri(x, p));
        }
        evidence(&mut b, &node, &r.evidence);
    }
    for m in &x.meetings {
        let city = entity_iri(x, m.city);
        let date = m.date.map(|d| d.to_string()).unwrap_or_default();
        let node = wid_iri(&format!("meeting/{}", short_hash(&[&x.hash, city.as_str(), &date])));
        used.insert(m.city);
        b.add(&node, rdf::TYPE, warta::MEETING);
        b.add(&node, warta::HELD_IN, city);
        if let Some(d) = m.date {
            b.typed(&node, warta::DATE, &d.to_string(), xsd::DATE);
        }
        for &p in &m.participants {
            used.insert(p);
            b.add(&node, warta::PARTICIPANT, entity_iri(x, p));
        }
        if let Some(md) = &m.modality {
            b.typed(&node, warta::MODALITY, md, xsd::STRING);
        }
        for ev in &m.evidence {
            evidence(&mut b, &node, ev);
        }
    }
    for r in &x.regions {
        let region = entity_iri(x, r.region);
        let status = r.status.iri().into_owned();
        let node = wid_iri(&format!("status/{}", short_hash(&[&x.hash, region.as_str(), status.as_str()])));
        used.insert(r.region);
        b.add(&region, warta::DISPUTED_STATUS, status.clone());
        b.add(&node, rdf::TYPE, warta::REGION_STATUS);
        b.add(&node, warta::REGION_PROP, region.clone());
        b.add(&node, warta::STATUS, status);
        for (p, v) in [(warta::CONTROLLED_BY, r.controlled_by), (warta::CLAIMED_BY, r.claimed_by), (warta::FOREIGN_FORCES, r.forces)] {
            if let Some(e) = v {
                used.insert(e);
                b.add(&region, p, entity_iri(x, e));
                b.add(&node, p, entity_iri(x, e));
            }
        }
        if let Some(y) = r.since {
            b.typed(&node, warta::SINCE, &format!("{y:04}"), xsd::G_YEAR);
        }
        evidence(&mut b, &node, &r.evidence);
    }
    for r in &x.roles {
        let person = entity_iri(x, r.person);
        let of = entity_iri(x, r.of);
        used.extend([r.person, r.of]);
        b.lit(&person, warta::ROLE, &r.title, x.lang);
        b.add(&person, warta::REPRESENTS, of.clone());
        let node = wid_iri(&format!("role/{}", short_hash(&[&x.hash, person.as_str(), &r.title, of.as_str()])));
        b.add(&node, rdf::TYPE, warta::ROLE_ASSIGNMENT);
        b.add(&node, warta::HOLDER, person);
        b.lit(&node, warta::ROLE_TITLE, &r.title, x.lang);
        b.add(&node, warta::ROLE_OF, of);
        evidence(&mut b, &node, &r.evidence);
    }
    // People stand for their side: say so even without a role sentence.
    let people: Vec<EntRef> = used.iter().copied().filter(|&e| x.entities.get(e).etype == EntityType::Person).collect();
    for p in people {
        if let Some(side) = x.entities.get(p).side {
            used.insert(side);
            b.add(&entity_iri(x, p), warta::REPRESENTS, entity_iri(x, side));
        }
    }
    for e in used {
        let ent = x.entities.get(e);
        let node = entity_iri(x, e);
        b.add(&node, rdf::TYPE, entity_class(ent.etype));
        b.lit(&node, rdfs::LABEL, &ent.label_en, "en");
        if let Some(l) = &ent.label_id {
            if l != &ent.label_en {
                b.lit(&node, rdfs::LABEL, l, "id");
            }
        }
        let mut alt: Vec<&String> = ent.names.iter().filter(|n| **n != ent.label_en && Some(*n) != ent.label_id.as_ref()).collect();
        alt.sort();
        alt.dedup();
        for n in alt {
            b.add(&node, skos::ALT_LABEL, Literal::new_simple_literal(n.as_str()));
        }
        if let Some(q) = &ent.qid {
            b.add(&node, owl::SAME_AS, NamedNode::new_unchecked(format!("{}{q}", wd::NS)));
        }
    }
    sorted_unique(b.quads)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Ntriples,
    Turtle,
    Nquads,
    Trig,
    Rdfxml,
    Jsonld,
}

impl Format {
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            Format::Ntriples => RdfFormat::NTriples,
            Format::Turtle => RdfFormat::Turtle,
            Format::Nquads => RdfFormat::NQuads,
            Format::Trig => RdfFormat::TriG,
            Format::Rdfxml => RdfFormat::RdfXml,
            Format::Jsonld => RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() },
        }
    }
    pub fn keeps_graphs(self) -> bool {
        matches!(self, Format::Nquads | Format::Trig | Format::Jsonld)
    }
    /// The format a file name's extension stands for (`graph.ttl` → Turtle).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "nq" | "nquads" => Format::Nquads,
            "trig" => Format::Trig,
            "ttl" | "turtle" => Format::Turtle,
            "nt" | "ntriples" => Format::Ntriples,
            "rdf" | "xml" | "owl" => Format::Rdfxml,
            "jsonld" | "json" => Format::Jsonld,
            _ => return None,
        })
    }
}

/// Writes quads (sorted, deduplicated) in `format`; graph formats drop graph names.
/// Writes named graphs one after another, each read and sorted on its own, so
/// that a store of any size is written in the memory of its largest graph.
/// N-Quads and TriG only (other formats merge or nest the graphs: `write_quads`).
pub fn write_graphs<E: std::fmt::Display>(
    graphs: impl IntoIterator<Item = std::result::Result<Vec<Quad>, E>>,
    format: Format,
    out: impl Write,
) -> std::io::Result<()> {
    if !matches!(format, Format::Nquads | Format::Trig) {
        return Err(std::io::Error::other("write_graphs writes N-Quads or TriG only"));
    }
    let mut ser = RdfSerializer::from_format(format.rdf_format());
    if format == Format::Trig {
        ser = with_prefixes(ser)?;
    }
    let mut w = ser.for_writer(out);
    for quads in graphs {
        for q in &sorted_unique(quads.map_err(|e| std::io::Error::other(e.to_string()))?) {
            w.serialize_quad(q)?;
        }
    }
    w.finish()?;
    Ok(())
}

/// The serializer with the prefixes of `vocab::PREFIXES` declared.
pub fn with_prefixes(mut ser: RdfSerializer) -> std::io::Result<RdfSerializer> {
    for (p, ns) in vocab::PREFIXES {
        ser = ser.with_prefix(*p, *ns).map_err(std::io::Error::other)?;
    }
    Ok(ser)
}

pub fn write_quads(quads: impl IntoIterator<Item = Quad>, format: Format, out: impl Write) -> std::io::Result<()> {
    let sorted = if format.keeps_graphs() {
        sorted_unique(quads)
    } else {
        sorted_unique(quads.into_iter().map(|q| Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph)))
    };
    let mut ser = RdfSerializer::from_format(format.rdf_format());
    if matches!(format, Format::Turtle | Format::Trig | Format::Rdfxml) {
        ser = with_prefixes(ser)?;
    }
    let mut w = ser.for_writer(out);
    for q in &sorted {
        w.serialize_quad(q)?;
    }
    w.finish()?;
    Ok(())
}
