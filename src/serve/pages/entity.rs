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
    // Rejections are listed in store order (no sort), so a page needs only its own rows.
    let rejects = paged(
        ep,
        &format!(
            "SELECT ?r ?x ?l ?who ?d WHERE {{ GRAPH ?g {{ ?r warta:agent {node} ; a warta:Rejection ; warta:rejected ?x \
             OPTIONAL {{ ?x rdfs:label ?l }} OPTIONAL {{ ?x warta:agent ?who }} ?art dcterms:issued ?d }} {articles} }}"
        ),
        page_no,
    )?;
    let mut rejected = paged(
        ep,
        &format!("SELECT ?r ?x ?who ?d WHERE {{ GRAPH ?g {{ ?r warta:rejected {node} ; warta:agent ?who . ?art dcterms:issued ?d }} {articles} BIND({node} AS ?x) }}"),
        page_no,
    )?;
    // Rejected demands: the merged graph links each rejecting side to the merged demand.
    rejected.extend(paged(
        ep,
        &format!("SELECT ?r ?x ?l ?who WHERE {{ GRAPH {merged} {{ ?x warta:agent {node} ; rdfs:label ?l . ?who warta:rejects ?x }} BIND(?x AS ?r) }}"),
        page_no,
    )?);
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
            "SELECT ?holder ?title ?side (MIN(STR(?r)) AS ?fact) WHERE {{ GRAPH ?g {{ \
             {{ ?r warta:holder {node} ; warta:roleTitle ?title ; warta:roleOf ?side BIND({node} AS ?holder) }} UNION \
             {{ ?r warta:roleOf {node} ; warta:holder ?holder ; warta:roleTitle ?title BIND({node} AS ?side) }} }} {articles} }} \
             GROUP BY ?holder ?title ?side ORDER BY ?title ?holder"
        ),
        page_no,
    )?;
    let statuses = paged(
        ep,
        &format!(
            "SELECT ?region ?status (MIN(STR(?s)) AS ?fact) (SAMPLE(?by) AS ?side) WHERE {{ GRAPH ?g {{ \
             {{ ?s warta:region {node} ; warta:status ?status BIND({node} AS ?region) OPTIONAL {{ ?s warta:controlledBy|warta:claimedBy|warta:foreignForces ?by }} }} UNION \
             {{ ?s warta:controlledBy|warta:claimedBy|warta:foreignForces {node} ; warta:region ?region ; warta:status ?status BIND({node} AS ?by) }} }} {articles} }} \
             GROUP BY ?region ?status ORDER BY ?region ?status"
        ),
        page_no,
    )?;
    let participants = participants(ep, &meetings)?;
    let lists = Lists { made, received, rejects, rejected, meetings, participants, roles, statuses };
    let longest = [
        lists.made.len(),
        lists.received.len(),
        lists.rejects.len(),
        lists.rejected.len(),
        lists.meetings.len(),
        lists.roles.len(),
        lists.statuses.len(),
    ]
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
        @if !lists.made.is_empty() { h2 { "Demands made" } (demand_table(ep, &lists.made, "of")) }
        @if !lists.received.is_empty() { h2 { "Demands received" } (demand_table(ep, &lists.received, "by")) }
        @if !lists.rejects.is_empty() { h2 { "Rejects" } (rejection_list(ep, &lists.rejects)) }
        @if !lists.rejected.is_empty() { h2 { "Rejected by others" } (rejection_list(ep, &lists.rejected)) }
        @if !lists.meetings.is_empty() {
            h2 { "Meetings" }
            ol.timeline {
                @for m in lists.meetings.iter().take(PAGE) {
                    li {
                        span.date { @if text(m, "dates").is_empty() { "date unknown" } @else { (text(m, "dates")) } }
                        @if text(m, "conflict") == "true" { " " span.conflict { "sources disagree on the date" } }
                        " — " a href=(href(&text(m, "m"))) { "meeting in " (ep.site.names.label(&ep.store, &text(m, "city"))) }
                        @if let Some(ps) = lists.participants.get(&text(m, "m")) { " with " @for (i, p) in ps.iter().enumerate() { @if i > 0 { ", " } (link(ep, p)) } }
                    }
                }
            }
        }
        @if !lists.roles.is_empty() {
            h2 { "Roles" }
            ul { @for r in lists.roles.iter().take(PAGE) { li { (link(ep, &text(r, "holder"))) ": " a href=(href(&text(r, "fact"))) { (text(r, "title")) } " for " (link(ep, &text(r, "side"))) } } }
        }
        @if !lists.statuses.is_empty() {
            h2 { "Region statuses" }
            ul { @for s in lists.statuses.iter().take(PAGE) {
                li { (link(ep, &text(s, "region"))) ": " a href=(href(&text(s, "fact"))) { (status_name(&text(s, "status"))) }
                     @if !text(s, "side").is_empty() { " (" (link(ep, &text(s, "side"))) ")" } }
            } }
        }
        h2 { "Around " (name) }
        (ego(ep, iri, &lists))
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

/// The ego diagram (what `render --focus IRI` draws) as inline SVG, nodes
/// linking to their pages, built from the rows of this page.
fn ego(ep: &Endpoint, iri: &str, lists: &Lists) -> Markup {
    let mut ego = super::ego::Ego::new(&ep.site.names, &ep.store, iri);
    ego.demands(&lists.made[..lists.made.len().min(PAGE)], true);
    ego.demands(&lists.received[..lists.received.len().min(PAGE)], false);
    ego.rejections(&lists.rejects, true);
    ego.rejections(&lists.rejected, false);
    ego.meetings(&lists.meetings[..lists.meetings.len().min(PAGE)], &lists.participants);
    ego.roles(&lists.roles);
    ego.statuses(&lists.statuses);
    let mut req = crate::graph::Request::view(crate::graph::View::Ego);
    req.focus = Some(iri.to_string());
    match super::query::drawn_svg(&req, ego.finish(), false, true) {
        Ok(svg) => html! { div.diagram { (PreEscaped(svg)) } },
        Err(why) => html! { p.muted { "No diagram: " (why) } },
    }
}

/// One page of each list of an entity page.
struct Lists {
    made: Vec<Row>,
    received: Vec<Row>,
    rejects: Vec<Row>,
    rejected: Vec<Row>,
    meetings: Vec<Row>,
    participants: std::collections::BTreeMap<String, Vec<String>>,
    roles: Vec<Row>,
    statuses: Vec<Row>,
}
