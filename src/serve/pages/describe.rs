//! Content negotiation on `/id/…` and the RDF answer: every triple the store
//! states about the resource (any graph, each once), in the client's syntax,
//! with `wid:` IRIs under the deployment's `--base-iri`.

use super::{data, Endpoint, NotFound, Page};
use crate::vocab::wid;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Term, Triple};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};

/// What the client gets.
#[derive(Debug, Clone, Copy)]
pub enum Wanted {
    Html,
    Rdf(&'static str, RdfFormat),
    /// Nothing the client accepts.
    None,
}

/// HTML first (browsers), then RDF syntaxes.
const OFFERS: &[(&str, Option<RdfFormat>)] = &[
    ("text/html", None),
    ("application/xhtml+xml", None),
    ("text/turtle", Some(RdfFormat::Turtle)),
    ("application/n-triples", Some(RdfFormat::NTriples)),
    ("application/ld+json", Some(RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() })),
    ("application/rdf+xml", Some(RdfFormat::RdfXml)),
    ("application/x-turtle", Some(RdfFormat::Turtle)),
    ("text/n3", Some(RdfFormat::Turtle)),
    ("text/plain", Some(RdfFormat::NTriples)),
];

pub const NOT_ACCEPTABLE: &str =
    "none of the accepted media types can be produced; ask for text/html, text/turtle, application/n-triples, application/ld+json or application/rdf+xml\n";

fn wanted(media: &'static str, format: Option<RdfFormat>) -> Wanted {
    match format {
        None => Wanted::Html,
        Some(f) => Wanted::Rdf(media, f),
    }
}

/// Picks by the Accept header's q-values (ties: the client's order); no header or `*/*` is HTML.
pub fn negotiate(accept: Option<&str>) -> Wanted {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else { return Wanted::Html };
    let mut ranges: Vec<(f32, usize, String)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, item)| {
            let mut parts = item.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let q = parts.filter_map(|p| p.trim().strip_prefix("q=")).find_map(|v| v.trim().parse::<f32>().ok()).unwrap_or(1.0);
            // A specific type outranks a wildcard of the same weight.
            let order = if media.contains('*') { i + 1000 } else { i };
            (q > 0.0).then_some((q, order, media))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, _, media) in ranges {
        let hit = OFFERS
            .iter()
            .find(|(m, _)| media == *m || media == "*/*" || media.strip_suffix("/*").is_some_and(|t| m.split('/').next() == Some(t)));
        if let Some((m, f)) = hit {
            return wanted(m, *f);
        }
    }
    Wanted::None
}

/// `?format=` for links a browser can follow.
pub fn by_name(name: &str) -> Option<Wanted> {
    let media = match name {
        "html" => "text/html",
        "ttl" | "turtle" => "text/turtle",
        "nt" | "ntriples" => "application/n-triples",
        "jsonld" => "application/ld+json",
        "rdf" | "xml" => "application/rdf+xml",
        _ => return None,
    };
    OFFERS.iter().find(|(m, _)| *m == media).map(|(m, f)| wanted(m, *f))
}

/// The RDF description of `iri`; a graph IRI (`wid:graph/…`) gives the whole graph.
pub fn describe(ep: &Endpoint, iri: &str, media: &'static str, format: RdfFormat) -> Result<Page, NotFound> {
    let node = data::iri_ref(iri).ok_or_else(|| NotFound(format!("{iri:?} is not an IRI")))?;
    let is_graph = iri.starts_with(&format!("{}graph/", wid::NS));
    let query = if is_graph {
        format!("CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {node} {{ ?s ?p ?o }} }}")
    } else {
        format!("CONSTRUCT {{ {node} ?p ?o }} WHERE {{ SELECT DISTINCT ?p ?o WHERE {{ GRAPH ?g {{ {node} ?p ?o }} }} }}")
    };
    let fail = |e: String| NotFound(format!("cannot describe {iri}: {e}"));
    let prepared = SparqlEvaluator::new().parse_query(&query).map_err(|e| fail(e.to_string()))?;
    let QueryResults::Graph(found) = prepared.on_store(&ep.store).execute().map_err(|e| fail(e.to_string()))? else {
        return Err(fail("not a graph".into()));
    };
    let mut triples = Vec::new();
    let mut truncated = false;
    for t in found {
        if triples.len() == ep.limits.max_rows {
            truncated = true;
            break;
        }
        triples.push(rebase(t.map_err(|e| fail(e.to_string()))?, &ep.site.base_iri));
    }
    if triples.is_empty() {
        return Err(NotFound(format!("the graph holds nothing about {iri}")));
    }
    triples.sort_by_key(|t| t.to_string());
    let mut ser = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::RdfXml) {
        ser = crate::rdf::with_prefixes(ser).map_err(|e| fail(e.to_string()))?;
        if ep.site.base_iri != wid::NS {
            ser = ser.with_prefix("site", ep.site.base_iri.clone()).map_err(|e| fail(e.to_string()))?;
        }
    }
    let mut body = Vec::new();
    let mut w = ser.for_writer(&mut body);
    for t in &triples {
        w.serialize_triple(t).map_err(|e| fail(e.to_string()))?;
    }
    w.finish().map_err(|e| fail(e.to_string()))?;
    let mut page = Page::bytes(200, media, body);
    if truncated {
        page.headers.push(("Warta-Truncated", format!("max-rows={}", ep.limits.max_rows)));
    }
    Ok(page)
}

/// `wid:` IRIs moved under `base` (unchanged when `base` is `wid:` itself).
fn rebase(t: Triple, base: &str) -> Triple {
    if base == wid::NS {
        return t;
    }
    let move_iri = |n: NamedNode| match n.as_str().strip_prefix(wid::NS) {
        Some(rest) => NamedNode::new(format!("{base}{rest}")).unwrap_or(n),
        None => n,
    };
    let subject = match t.subject {
        NamedOrBlankNode::NamedNode(n) => NamedOrBlankNode::NamedNode(move_iri(n)),
        other => other,
    };
    let object = match t.object {
        Term::NamedNode(n) => Term::NamedNode(move_iri(n)),
        other => other,
    };
    Triple::new(subject, t.predicate, object)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn media(accept: Option<&str>) -> &'static str {
        match negotiate(accept) {
            Wanted::Html => "html",
            Wanted::Rdf(m, _) => m,
            Wanted::None => "none",
        }
    }

    #[test]
    fn browsers_get_html_and_rdf_clients_get_rdf() {
        assert_eq!(media(Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")), "html");
        assert_eq!(media(None), "html");
        assert_eq!(media(Some("*/*")), "html");
        assert_eq!(media(Some("text/turtle")), "text/turtle");
        assert_eq!(media(Some("application/rdf+xml, text/turtle;q=0.9, */*;q=0.1")), "application/rdf+xml");
        assert_eq!(media(Some("text/html;q=0.5, application/ld+json")), "application/ld+json");
        assert_eq!(media(Some("*/*, text/turtle")), "text/turtle");
        assert_eq!(media(Some("image/png")), "none");
    }

    #[test]
    fn rebase_moves_only_warta_iris() {
        let t = Triple::new(
            NamedNode::new_unchecked(format!("{}entity/Q159", wid::NS)),
            NamedNode::new_unchecked("http://www.w3.org/2002/07/owl#sameAs"),
            NamedNode::new_unchecked("http://www.wikidata.org/entity/Q159"),
        );
        let r = rebase(t, "http://news.example.org/id/");
        assert_eq!(r.subject.to_string(), "<http://news.example.org/id/entity/Q159>");
        assert_eq!(r.object.to_string(), "<http://www.wikidata.org/entity/Q159>");
    }
}
