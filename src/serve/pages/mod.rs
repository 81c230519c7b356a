//! The explorer: server-rendered HTML pages over the store (home, search,
//! entities, facts, articles, diagrams, a query page) and the `wid:` IRIs
//! answered by content negotiation — HTML for browsers, RDF for RDF clients.
//! Every page is read-only and its look-ups are by IRI, paginated.

mod data;
mod describe;
mod ego;
mod entity;
mod fact;
mod layout;
mod query;

use super::Endpoint;
use crate::store::Status;
use crate::vocab::wid;
use data::{Latest, Names};
use maud::Markup;

/// Rows per list on a page; longer lists are paginated.
pub const PAGE: usize = 50;

/// What the explorer knows besides the store: counts read at start, names, settings.
#[derive(Clone)]
pub struct Site {
    /// What the store holds (read once: the store does not change while served).
    pub status: Status,
    /// The IRI prefix `/id/` stands for in RDF answers (default: warta's own `wid:`).
    pub base_iri: String,
    /// `Access-Control-Allow-Origin` for every answer, when asked for.
    pub cors: Option<String>,
    names: Names,
    latest: Latest,
    drawings: query::Drawings,
}

impl Site {
    pub fn new(status: Status, base_iri: Option<String>, cors: Option<String>) -> Site {
        Site {
            status,
            base_iri: base_iri.unwrap_or_else(|| wid::NS.to_string()),
            cors,
            names: Names::default(),
            latest: Latest::default(),
            drawings: query::Drawings::default(),
        }
    }

    /// Reads the entity names now (in the background), so the first search is quick.
    pub fn warm_up(&self, store: &oxigraph::store::Store) {
        let (names, latest, store) = (self.names.clone(), self.latest.clone(), store.clone());
        std::thread::spawn(move || {
            names.get(&store);
            latest.get(&store);
        });
    }
}

/// One answer of the explorer.
pub struct Page {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(&'static str, String)>,
}

impl Page {
    fn html(status: u16, markup: Markup) -> Page {
        Page {
            status,
            content_type: "text/html; charset=utf-8",
            body: markup.into_string().into_bytes(),
            headers: vec![("Vary", "Accept".into())],
        }
    }

    fn bytes(status: u16, content_type: &'static str, body: Vec<u8>) -> Page {
        Page { status, content_type, body, headers: vec![("Vary", "Accept".into())] }
    }

    /// The tiny_http response, with the CORS header when the site allows an origin.
    pub fn into_response(self, cors: Option<&str>) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
        let mut r =
            tiny_http::Response::from_data(self.body).with_status_code(self.status).with_header(header("Content-Type", self.content_type));
        for (k, v) in &self.headers {
            r.add_header(header(k, v));
        }
        if let Some(origin) = cors {
            r.add_header(header("Access-Control-Allow-Origin", origin));
        }
        r
    }
}

pub fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|_| tiny_http::Header::from_bytes(&b"X-Invalid"[..], &b"1"[..]).expect("static header"))
}

/// Answers the explorer's paths; `None` leaves the request to the SPARQL endpoint (`/query`, `/update`).
pub fn route(ep: &Endpoint, method: &str, path: &str, url_query: &str, accept: Option<&str>) -> Option<Page> {
    if path == "/query" || path == "/update" {
        return None;
    }
    if method == "OPTIONS" && ep.site.cors.is_some() {
        let mut p = Page::bytes(204, "text/plain", Vec::new());
        p.headers.push(("Access-Control-Allow-Methods", "GET, POST, OPTIONS".into()));
        p.headers.push(("Access-Control-Allow-Headers", "Accept, Content-Type".into()));
        return Some(p);
    }
    if method != "GET" {
        return Some(Page::bytes(405, "text/plain; charset=utf-8", b"the explorer is read-only: use GET\n".to_vec()));
    }
    let params = super::protocol::form_pairs(url_query).unwrap_or_default();
    let param = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_string()).filter(|v| !v.is_empty());
    let page_no = param("page").and_then(|p| p.parse::<usize>().ok()).unwrap_or(1).max(1);
    let result = match path {
        "/" => Ok(layout::home(ep)),
        "/search" => Ok(layout::search(ep, &param("q").unwrap_or_default())),
        "/style.css" => return Some(Page::bytes(200, "text/css; charset=utf-8", layout::CSS.as_bytes().to_vec())),
        "/diagrams" => Ok(query::diagrams(ep, &params)),
        "/sparql" => Ok(query::page(ep, param("query").as_deref())),
        "/sparql/results.csv" => return Some(query::download(ep, param("query").as_deref(), "text/csv")),
        "/sparql/results.json" => return Some(query::download(ep, param("query").as_deref(), "application/sparql-results+json")),
        _ => match path.strip_prefix("/id/") {
            Some(rest) => return Some(resource(ep, rest, param("format").as_deref(), accept, page_no)),
            None => Err(NotFound(format!("no page at {path}"))),
        },
    };
    Some(match result {
        Ok(p) => p,
        Err(NotFound(why)) => Page::html(404, layout::not_found(&why)),
    })
}

/// A page that does not exist, and why.
pub struct NotFound(pub String);

/// `/id/…`: the resource `wid:…` as HTML or RDF, as the client prefers.
fn resource(ep: &Endpoint, rest: &str, format: Option<&str>, accept: Option<&str>, page_no: usize) -> Page {
    let iri = format!("{}{rest}", wid::NS);
    let wanted = match format {
        Some(f) => describe::by_name(f),
        None => Some(describe::negotiate(accept)),
    };
    let Some(wanted) = wanted else {
        return Page::bytes(400, "text/plain; charset=utf-8", b"unknown ?format=: use html, ttl, nt, jsonld or rdf\n".to_vec());
    };
    let result = match wanted {
        describe::Wanted::Html => html_page(ep, &iri, page_no),
        describe::Wanted::Rdf(media, format) => describe::describe(ep, &iri, media, format),
        describe::Wanted::None => {
            return Page::bytes(406, "text/plain; charset=utf-8", describe::NOT_ACCEPTABLE.as_bytes().to_vec());
        }
    };
    match result {
        Ok(p) => p,
        Err(NotFound(why)) => match wanted {
            describe::Wanted::Html => Page::html(404, layout::not_found(&why)),
            _ => Page::bytes(404, "text/plain; charset=utf-8", format!("{why}\n").into_bytes()),
        },
    }
}

/// The HTML page of a `wid:` resource: entity, article, fact or mention.
fn html_page(ep: &Endpoint, iri: &str, page_no: usize) -> Result<Page, NotFound> {
    let store = &ep.store;
    let gone = |why: String| NotFound(why);
    let found = data::find(store, iri).map_err(|e| gone(e.0))?;
    let rest = iri.strip_prefix(wid::NS).unwrap_or(iri);
    if let Some(hash) = rest.strip_prefix("graph/").filter(|h| !h.contains('/') && !crate::store::is_derived_graph(iri)) {
        return fact::article_page(ep, &format!("{}article/{hash}", wid::NS), page_no);
    }
    if found.graphs.is_empty() {
        return Err(gone(format!("the graph holds nothing about {iri}")));
    }
    if rest.starts_with("article/") {
        return fact::article_page(ep, iri, page_no);
    }
    if ep.site.names.get(store).contains_key(iri) {
        return entity::page(ep, iri, page_no);
    }
    fact::page(ep, iri, &found)
}

/// The path of the page of an IRI: `/id/…` for warta's own, else the IRI itself.
pub fn href(iri: &str) -> String {
    match iri.strip_prefix(wid::NS) {
        Some(rest) => format!("/id/{rest}"),
        None => iri.to_string(),
    }
}
