//! The page of an entity: names, Wikidata link, demands made and received,
//! rejections, meetings as a timeline, roles, region statuses, and its ego
//! diagram with every node linking to its page.

use super::data::{self, iri_ref, select};
use super::layout::{frame, link, pager};
use super::{href, Endpoint, NotFound, Page, PAGE};
use crate::store::{article_graph_filter, text, Row};
use crate::vocab::wid;
use maud::{html, Markup, PreEscaped};

/// A list query's rows for page `page_no`: one more than fits, to know whether a next page exists.
fn paged(ep: &Endpoint, query: &str, page_no: usize) -> Result<Vec<Row>, NotFound> {
    let q = format!("{query} LIMIT {} OFFSET {}", PAGE + 1, (page_no - 1) * PAGE);
    select(&ep.store, &q).map_err(|e| NotFound(e.0))
}

pub fn page(ep: &Endpoint, iri: &str, page_no: usize) -> Result<Page, NotFound> {
    let names = ep.site.names.get(&ep.store);
    let e = names.get(iri).cloned().ok_or_else(|| NotFound(format!("no entity {iri}")))?;
    let node = iri_ref(iri).ok_or_else(|| NotFound(format!("{iri:?} is not an IRI")))?;
    let merged = wid::MERGED_GRAPH;
    let articles = article_graph_filter("g");
    let made = paged(ep, &format!("SELECT ?a ?l ?to WHERE {{ GRAPH {merged} {{ ?a warta:agent {node} ; warta:addressee ?to ; rdfs:label ?l }} }} ORDER BY LCASE(?l) ?a"), page_no)?;
    let received = paged(ep, &format!("SELECT ?a ?l ?to WHERE {{ GRAPH {merged} {{ ?a warta:addressee {node} ; warta:agent ?to ; rdfs:label ?l }} }} ORDER BY LCASE(?l) ?a"), page_no)?;
    let rejects = paged(
        ep,
        &format!(
            "SELECT ?r ?x ?l ?who ?d WHERE {{ GRAPH ?g {{ ?r a warta:Rejection ; warta:agent {node} ; warta:rejected ?x \
             OPTIONAL {{ ?x rdfs:label ?l }} OPTIONAL {{ ?x warta:agent ?who }} ?art dcterms:issued ?d }} {articles} }} ORDER BY ?d ?r"
        ),
        page_no,
    )?;
    let rejected = paged(
        ep,
        &format!(
            "SELECT ?r ?x ?l ?who ?d WHERE {{ GRAPH ?g {{ {{ ?r warta:rejected {node} BIND({node} AS ?x) }} UNION {{ ?x warta:agent {node} . ?r warta:rejected ?x . ?x rdfs:label ?l }} \
             ?r warta:agent ?who . ?art dcterms:issued ?d }} {articles} }} ORDER BY ?d ?r"
        ),
        page_no,
    )?;
    let meetings = paged(
        ep,
        &format!(
            "SELECT ?m ?city (GROUP_CONCAT(DISTINCT STR(?d); separator=\" / \") AS ?dates) (SAMPLE(?c) AS ?conflict) \
             WHERE {{ GRAPH {merged} {{ {{ ?m warta:participant {node} }} UNION {{ ?m warta:heldIn {node} }} ?m a warta:Meeting ; warta:heldIn ?city \
             OPTIONAL {{ ?m warta:date ?d }} OPTIONAL {{ ?m warta:dateConflict ?c }} }} }} GROUP BY ?m ?city ORDER BY ?dates ?m"
        ),
        page_no,
    )?;
    let roles = paged(
        ep,
        &format!(
            "SELECT ?holder ?title ?side (MIN(STR(?r)) AS ?fact) WHERE {{ GRAPH ?g {{ ?r a warta:RoleAssignment ; warta:holder ?holder ; warta:roleTitle ?title ; warta:roleOf ?side \
             FILTER(?holder = {node} || ?side = {node}) }} {articles} }} GROUP BY ?holder ?title ?side ORDER BY ?title ?holder"
        ),
        page_no,
    )?;
    let statuses = paged(
        ep,
        &format!(
            "SELECT ?region ?status (MIN(STR(?s)) AS ?fact) (SAMPLE(?by) AS ?side) WHERE {{ GRAPH ?g {{ ?s a warta:RegionStatus ; warta:region ?region ; warta:status ?status \
             {{ FILTER(?region = {node}) OPTIONAL {{ ?s warta:controlledBy|warta:claimedBy|warta:foreignForces ?by }} }} UNION \
             {{ ?s warta:controlledBy|warta:claimedBy|warta:foreignForces {node} BIND({node} AS ?by) }} }} {articles} }} \
             GROUP BY ?region ?status ORDER BY ?region ?status"
        ),
        page_no,
    )?;
    let participants = participants(ep, &meetings)?;
    let longest = [made.len(), received.len(), rejects.len(), rejected.len(), meetings.len(), roles.len(), statuses.len()]
        .into_iter()
        .max()
        .unwrap_or(0);
    let name = e.name();
    let body = html! {
        h1 { (name) " " span.kind { (format!("{:?}", e.kind)) } }
        dl.props {
            @for (lang, label) in &e.labels { dt { "label (" (lang) ")" } dd { (label) } }
            @if !e.alt.is_empty() { dt { "also called" } dd { (e.alt.join(", ")) } }
            @if let Some(wd) = &e.wikidata { dt { "Wikidata" } dd { a href=(wd) { (wd) } } }
            dt { "IRI" } dd { code { (iri) } " · " a href=(format!("{}?format=ttl", href(iri))) { "Turtle" } " · " a href=(format!("{}?format=jsonld", href(iri))) { "JSON-LD" } }
        }
        (pager(&href(iri), page_no, longest))
        @if !made.is_empty() { h2 { "Demands made" } (demand_table(ep, &made, "of")) }
        @if !received.is_empty() { h2 { "Demands received" } (demand_table(ep, &received, "by")) }
        @if !rejects.is_empty() { h2 { "Rejects" } (rejection_list(ep, &rejects)) }
        @if !rejected.is_empty() { h2 { "Rejected by others" } (rejection_list(ep, &rejected)) }
        @if !meetings.is_empty() {
            h2 { "Meetings" }
            ol.timeline {
                @for m in meetings.iter().take(PAGE) {
                    li {
                        span.date { @if text(m, "dates").is_empty() { "date unknown" } @else { (text(m, "dates")) } }
                        @if text(m, "conflict") == "true" { " " span.conflict { "sources disagree on the date" } }
                        " — " a href=(href(&text(m, "m"))) { "meeting in " (ep.site.names.label(&ep.store, &text(m, "city"))) }
                        @if let Some(ps) = participants.get(&text(m, "m")) { " with " @for (i, p) in ps.iter().enumerate() { @if i > 0 { ", " } (link(ep, p)) } }
                    }
                }
            }
        }
        @if !roles.is_empty() {
            h2 { "Roles" }
            ul { @for r in roles.iter().take(PAGE) { li { (link(ep, &text(r, "holder"))) ": " a href=(href(&text(r, "fact"))) { (text(r, "title")) } " for " (link(ep, &text(r, "side"))) } } }
        }
        @if !statuses.is_empty() {
            h2 { "Region statuses" }
            ul { @for s in statuses.iter().take(PAGE) {
                li { (link(ep, &text(s, "region"))) ": " a href=(href(&text(s, "fact"))) { (status_name(&text(s, "status"))) }
                     @if !text(s, "side").is_empty() { " (" (link(ep, &text(s, "side"))) ")" } }
            } }
        }
        h2 { "Around " (name) }
        (ego(ep, iri))
    };
    Ok(Page::html(200, frame(&name, body)))
}

/// "Annexed", "Foreign military presence", … from a status IRI.
pub fn status_name(iri: &str) -> String {
    let local = data::short(iri);
    let local = local.rsplit('#').next().unwrap_or(&local);
    let mut out = String::new();
    for (i, c) in local.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn demand_table(ep: &Endpoint, rows: &[Row], dir: &str) -> Markup {
    html! {
        table {
            tr { th { "demand" } th { (dir) } }
            @for r in rows.iter().take(PAGE) {
                tr { td { a href=(href(&text(r, "a"))) { (text(r, "l")) } } td { (link(ep, &text(r, "to"))) } }
            }
        }
    }
}

fn rejection_list(ep: &Endpoint, rows: &[Row]) -> Markup {
    html! {
        ul { @for r in rows.iter().take(PAGE) {
            li {
                span.muted { (text(r, "d")) } " " (link(ep, &text(r, "who"))) " rejects "
                @if text(r, "l").is_empty() { (link(ep, &text(r, "x"))) } @else { "“" (text(r, "l")) "”" }
                " · " a href=(href(&text(r, "r"))) { "sources" }
            }
        } }
    }
}

/// Participants of the listed meetings, in one query.
fn participants(ep: &Endpoint, meetings: &[Row]) -> Result<std::collections::BTreeMap<String, Vec<String>>, NotFound> {
    let values: Vec<String> = meetings.iter().filter_map(|m| iri_ref(&text(m, "m"))).collect();
    let mut out: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    if values.is_empty() {
        return Ok(out);
    }
    let q = format!(
        "SELECT ?m ?p WHERE {{ VALUES ?m {{ {} }} GRAPH {} {{ ?m warta:participant ?p }} }} ORDER BY ?m ?p",
        values.join(" "),
        wid::MERGED_GRAPH
    );
    for r in select(&ep.store, &q).map_err(|e| NotFound(e.0))? {
        out.entry(text(&r, "m")).or_default().push(text(&r, "p"));
    }
    Ok(out)
}

/// The ego diagram (`render --focus IRI`) as inline SVG, nodes linking to their pages.
fn ego(ep: &Endpoint, iri: &str) -> Markup {
    let mut req = crate::graph::Request::view(crate::graph::View::Ego);
    req.focus = Some(iri.to_string());
    req.lang = Some("en".into());
    match super::query::svg(ep, &req, false, true) {
        Ok(svg) => html! { div.diagram { (PreEscaped(svg)) } },
        Err(why) => html! { p.muted { "No diagram: " (why) } },
    }
}
