//! The frame every page shares (header, navigation, style), the home and
//! search pages, the 404 page, and small pieces the other pages reuse.

use super::{href, Endpoint, Page, PAGE};
use maud::{html, Markup, DOCTYPE};

pub const CSS: &str = include_str!("style.css");

/// A whole HTML document around `body`.
pub fn frame(title: &str, body: Markup) -> Markup {
    frame_refreshed(title, None, body)
}

/// A document that reloads itself after `refresh` seconds (without JavaScript).
pub fn frame_refreshed(title: &str, refresh: Option<u32>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                @if let Some(secs) = refresh { meta http-equiv="refresh" content=(secs); }
                title { (title) " · warta" }
                link rel="stylesheet" href="/style.css";
            }
            body {
                header {
                    a.brand href="/" { "warta" }
                    nav {
                        a href="/" { "Home" }
                        a href="/diagrams" { "Diagrams" }
                        a href="/sparql" { "Query" }
                    }
                    form.search action="/search" method="get" {
                        input type="search" name="q" placeholder="Find an actor, place or person" aria-label="Search";
                        button type="submit" { "Search" }
                    }
                }
                main { (body) }
                footer { "Read-only view of a warta store · RDF at every " code { "/id/…" } " address (" code { "Accept: text/turtle" } ")" }
            }
        }
    }
}

/// A link to the page of an entity (or any IRI), named by its label.
pub fn link(ep: &Endpoint, iri: &str) -> Markup {
    if iri.is_empty() {
        return html! { span.muted { "—" } };
    }
    let name = ep.site.names.label(&ep.store, iri);
    html! { a href=(href(iri)) { (name) } }
}

/// Links to the previous and next page of a list when there are more rows than fit.
pub fn pager(path: &str, page_no: usize, shown: usize) -> Markup {
    html! {
        @if page_no > 1 || shown > PAGE {
            p.pager {
                @if page_no > 1 { a href=(format!("{path}?page={}", page_no - 1)) { "← newer page" } " " }
                "page " (page_no)
                @if shown > PAGE { " " a href=(format!("{path}?page={}", page_no + 1)) { "next page →" } }
            }
        }
    }
}

/// The sentence with every occurrence of `needles` (any ASCII case) marked.
pub fn highlight(sentence: &str, needles: &[String]) -> Markup {
    let lower = sentence.to_ascii_lowercase();
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for n in needles.iter().map(|n| n.trim().to_ascii_lowercase()).filter(|n| n.chars().count() >= 2) {
        let mut from = 0;
        while let Some(i) = lower[from..].find(&n) {
            let (s, e) = (from + i, from + i + n.len());
            let word_start = s == 0 || !lower[..s].chars().next_back().is_some_and(char::is_alphanumeric);
            let word_end = e == lower.len() || !lower[e..].chars().next().is_some_and(char::is_alphanumeric);
            if word_start && word_end {
                marks.push((s, e));
            }
            from = e;
        }
    }
    marks.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    let mut pieces: Vec<(bool, &str)> = Vec::new();
    let mut at = 0;
    for (s, e) in marks {
        if s < at {
            continue;
        }
        pieces.push((false, &sentence[at..s]));
        pieces.push((true, &sentence[s..e]));
        at = e;
    }
    pieces.push((false, &sentence[at..]));
    html! { @for (marked, piece) in pieces { @if marked { mark { (piece) } } @else { (piece) } } }
}

pub fn home(ep: &Endpoint) -> Page {
    let s = &ep.site.status;
    let names = ep.site.names.get(&ep.store);
    let mut busiest: Vec<_> = names.values().filter(|e| e.kind != crate::graph::NodeKind::City).collect();
    busiest.sort_by_key(|e| e.name().to_lowercase());
    let body = html! {
        h1 { "What the graph holds" }
        div.cards {
            div.card { b { (s.articles) } " articles" }
            @for (kind, n) in &s.facts { div.card { b { (n) } " " (kind) } }
            div.card { b { (s.entities) } " entities" }
            div.card { b { (s.merged_meetings) } " meetings and " b { (s.merged_demands) } " demands across articles" }
        }
        p.muted {
            @match &s.last_build {
                Some((end, _)) => { "Last build: " (end) },
                None => { "No build recorded." },
            }
        }
        form.bigsearch action="/search" method="get" {
            label for="q" { "Search labels and alternative names, in any language and case" }
            div { input #q type="search" name="q" placeholder="e.g. Rusia, nato, Jenewa"; button type="submit" { "Search" } }
        }
        h2 { "Read on" }
        ul {
            li { a href="/diagrams" { "Diagrams" } ": who demands what of whom, meetings, a timeline, disputed regions" }
            li { a href="/sparql" { "Query" } ": ask the graph in SPARQL, starting from the query library" }
            li { "The SPARQL 1.1 endpoint for programs: " code { "/query" } }
        }
        h2 { "Newest articles" }
        ul {
            @for (a, title, date) in ep.site.latest.get(&ep.store) {
                li { span.muted { (date) } " " a href=(href(a)) { (title) } }
            }
        }
        @if s.articles > super::data::Latest::SHOWN { p.muted { "… and " (s.articles - super::data::Latest::SHOWN) " more; find older ones with the " a href="/sparql" { "query page" } "." } }
        h2 { "Actors, regions and people" }
        ul.columns {
            @for e in busiest.iter().take(200) { li { a href=(href(&e.iri)) { (e.name()) } " " span.kind { (format!("{:?}", e.kind)) } } }
        }
    };
    Page::html(200, frame("Home", body))
}

pub fn search(ep: &Endpoint, q: &str) -> Page {
    let hits = ep.site.names.search(&ep.store, q);
    let body = html! {
        h1 { "Search" }
        form.bigsearch action="/search" method="get" {
            div { input type="search" name="q" value=(q) aria-label="Search"; button type="submit" { "Search" } }
        }
        @if q.trim().is_empty() {
            p { "Type a name: a label or alternative name in any language and case." }
        } @else if hits.is_empty() {
            p { "Nothing is named like “" (q) "”." }
        } @else {
            p.muted { (hits.len()) " match" @if hits.len() != 1 { "es" } }
            ul {
                @for e in hits.iter().take(PAGE) {
                    li {
                        a href=(href(&e.iri)) { (e.name()) } " " span.kind { (format!("{:?}", e.kind)) }
                        @if !e.alt.is_empty() { span.muted { " — also " (e.alt.iter().take(6).cloned().collect::<Vec<_>>().join(", ")) } }
                    }
                }
            }
        }
    };
    Page::html(200, frame("Search", body))
}

pub fn not_found(why: &str) -> Markup {
    frame(
        "Not found",
        html! {
            h1 { "Not found" }
            p { (why) }
            p { "Try the " a href="/search" { "search" } " or the " a href="/" { "home page" } "." }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_marks_whole_words_in_any_case_and_escapes_the_rest() {
        let names = vec!["Rusia".to_string(), "NATO".to_string()];
        let html = highlight("Pejabat rusia & <NATO>, bukan Rusiana", &names).into_string();
        assert_eq!(html, "Pejabat <mark>rusia</mark> &amp; &lt;<mark>NATO</mark>&gt;, bukan Rusiana");
    }
}
