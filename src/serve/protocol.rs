//! The SPARQL 1.1 Protocol's request side: where the query is (URL, form
//! body or raw body), which dataset it names, and which result format the
//! client accepts.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

/// A query operation as the protocol carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryRequest {
    pub query: String,
    /// `default-graph-uri` parameters: they replace the query's (and the server's) default graph.
    pub default_graphs: Vec<String>,
    /// `named-graph-uri` parameters.
    pub named_graphs: Vec<String>,
}

/// Why a request is refused: an HTTP status and a message for the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub message: String,
}

fn refuse(status: u16, message: impl Into<String>) -> Refusal {
    Refusal { status, message: message.into() }
}

/// Decodes `application/x-www-form-urlencoded` text (also URL query strings).
pub fn form_pairs(text: &str) -> Result<Vec<(String, String)>, Refusal> {
    let mut out = Vec::new();
    for part in text.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        out.push((decode(k)?, decode(v)?));
    }
    Ok(out)
}

fn decode(s: &str) -> Result<String, Refusal> {
    let plus = s.replace('+', " ");
    percent_encoding::percent_decode_str(&plus)
        .decode_utf8()
        .map(|c| c.into_owned())
        .map_err(|_| refuse(400, "the request parameters are not valid UTF-8 after percent-decoding"))
}

/// The media type of a Content-Type header, lower-cased, without parameters.
pub fn media_type(header: Option<&str>) -> String {
    header.unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

/// Reads the query operation of a `/query` request (GET or POST).
pub fn query_request(method: &str, url_query: &str, content_type: Option<&str>, body: &[u8]) -> Result<QueryRequest, Refusal> {
    let mut params = form_pairs(url_query)?;
    let mut raw_query = None;
    match method {
        "GET" => {}
        "POST" => match media_type(content_type).as_str() {
            "application/x-www-form-urlencoded" => {
                let text = std::str::from_utf8(body).map_err(|_| refuse(400, "the form body is not UTF-8"))?;
                params.extend(form_pairs(text)?);
            }
            "application/sparql-query" => {
                let text = std::str::from_utf8(body).map_err(|_| refuse(400, "the query is not UTF-8"))?;
                raw_query = Some(text.to_string());
            }
            other => {
                return Err(refuse(
                    415,
                    format!(
                        "unsupported Content-Type {other:?}: POST application/x-www-form-urlencoded (query=…) or application/sparql-query"
                    ),
                ))
            }
        },
        _ => return Err(refuse(405, "use GET or POST on /query")),
    }
    let mut req = QueryRequest::default();
    let mut queries = Vec::new();
    for (k, v) in params {
        match k.as_str() {
            "query" => queries.push(v),
            "default-graph-uri" => req.default_graphs.push(v),
            "named-graph-uri" => req.named_graphs.push(v),
            "update" => return Err(refuse(403, "this endpoint is read-only: updates are refused")),
            _ => {}
        }
    }
    if raw_query.is_some() && !queries.is_empty() {
        return Err(refuse(400, "a query in the body and a query parameter: give one"));
    }
    queries.extend(raw_query);
    req.query = match queries.len() {
        1 => queries.remove(0),
        0 => return Err(refuse(400, "no query: give ?query=… (GET) or POST a form with query=… or an application/sparql-query body")),
        _ => return Err(refuse(400, "more than one query parameter")),
    };
    Ok(req)
}

/// One entry of an Accept header.
struct Range {
    media: String,
    q: f32,
    order: usize,
}

fn ranges(accept: Option<&str>) -> Vec<Range> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return vec![Range { media: "*/*".into(), q: 1.0, order: 0 }];
    };
    let mut out: Vec<Range> = accept
        .split(',')
        .enumerate()
        .filter_map(|(order, item)| {
            let mut parts = item.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let q = parts.filter_map(|p| p.trim().strip_prefix("q=")).find_map(|v| v.trim().parse::<f32>().ok()).unwrap_or(1.0);
            (!media.is_empty() && q > 0.0).then_some(Range { media, q, order })
        })
        .collect();
    out.sort_by(|a, b| b.q.total_cmp(&a.q).then(a.order.cmp(&b.order)));
    out
}

/// Picks the offer the client prefers; the first offer is the default for `*/*`.
fn pick<T: Copy>(accept: Option<&str>, offers: &[(&'static str, T)]) -> Option<(&'static str, T)> {
    for r in ranges(accept) {
        let hit = offers
            .iter()
            .find(|(m, _)| r.media == *m || r.media == "*/*" || r.media.strip_suffix("/*").is_some_and(|t| m.split('/').next() == Some(t)));
        if let Some(h) = hit {
            return Some(*h);
        }
    }
    None
}

/// Result formats for SELECT and ASK, the default first.
pub const RESULT_OFFERS: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
    ("application/json", QueryResultsFormat::Json),
    ("application/xml", QueryResultsFormat::Xml),
];

/// RDF formats for CONSTRUCT and DESCRIBE, the default first.
pub const RDF_OFFERS: &[(&str, RdfFormat)] = &[
    ("text/turtle", RdfFormat::Turtle),
    ("application/n-triples", RdfFormat::NTriples),
    ("application/n-quads", RdfFormat::NQuads),
    ("application/trig", RdfFormat::TriG),
    ("application/rdf+xml", RdfFormat::RdfXml),
    ("application/ld+json", RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() }),
    ("text/plain", RdfFormat::NTriples),
];

pub fn results_format(accept: Option<&str>) -> Result<(&'static str, QueryResultsFormat), Refusal> {
    pick(accept, RESULT_OFFERS).ok_or_else(|| not_acceptable(RESULT_OFFERS.iter().map(|o| o.0)))
}

pub fn rdf_format(accept: Option<&str>) -> Result<(&'static str, RdfFormat), Refusal> {
    pick(accept, RDF_OFFERS).ok_or_else(|| not_acceptable(RDF_OFFERS.iter().map(|o| o.0)))
}

fn not_acceptable<'a>(offers: impl Iterator<Item = &'a str>) -> Refusal {
    refuse(406, format!("none of the accepted media types can be produced; ask for one of: {}", offers.collect::<Vec<_>>().join(", ")))
}
