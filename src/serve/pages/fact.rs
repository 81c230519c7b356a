//! The page of a fact (demand, meeting, rejection, region status, role) with
//! every article and sentence behind it, and the page of an article with its
//! facts in the order of its text.

use super::data::{self, first, props, select, values, Evidence};
use super::entity::status_name;
use super::layout::{frame, highlight, link, pager};
use super::{href, Endpoint, NotFound, Page, PAGE};
use crate::store::text;
use crate::vocab::{prov, rdfs, warta, wid};
use maud::{html, Markup};
use oxigraph::model::Term;

type Props = Vec<(String, Term)>;

/// One report of a fact: the article-graph node, its graph, what it says, its evidence.
struct Source {
    node: String,
    props: Props,
    evidence: Vec<Evidence>,
    article: Option<data::Article>,
}

fn lookup<T>(r: data::Lookup<T>) -> Result<T, NotFound> {
    r.map_err(|e| NotFound(e.0))
}

fn source(ep: &Endpoint, node: &str) -> Result<Source, NotFound> {
    let found = lookup(data::find(&ep.store, node))?;
    let graph = found.graphs.iter().find(|g| !crate::store::is_derived_graph(g)).cloned().unwrap_or_default();
    let props = lookup(props(&ep.store, &graph, node))?;
    let evidence = lookup(data::evidence(&ep.store, &graph, node))?;
    let article = match graph.strip_prefix(&format!("{}graph/", wid::NS)) {
        Some(hash) => lookup(data::article(&ep.store, &format!("{}article/{hash}", wid::NS)))?,
        None => None,
    };
    Ok(Source { node: node.to_string(), props, evidence, article })
}

/// One line saying what a fact states, entities linked.
fn summary(ep: &Endpoint, kind: &str, p: &Props) -> Markup {
    let l = |iri: Option<String>| link(ep, &iri.unwrap_or_default());
    let all = |prop| html! { @for (i, x) in values(p, prop).iter().enumerate() { @if i > 0 { ", " } (link(ep, x)) } };
    match kind {
        "Demand" => {
            html! { (l(first(p, warta::AGENT))) " demands of " (l(first(p, warta::ADDRESSEE))) ": “" (first(p, rdfs::LABEL).unwrap_or_default()) "”" }
        }
        "Meeting" => {
            let mut dates = values(p, warta::DATE);
            dates.sort();
            html! { "Meeting in " (l(first(p, warta::HELD_IN))) " on " (if dates.is_empty() { "an unknown date".to_string() } else { dates.join(" / ") }) " with " (all(warta::PARTICIPANT)) }
        }
        "Rejection" => {
            let rejected = first(p, warta::REJECTED).unwrap_or_default();
            let names = ep.site.names.get(&ep.store);
            html! {
                (l(first(p, warta::AGENT))) " rejects "
                @if names.contains_key(&rejected) { (link(ep, &rejected)) } @else { a href=(href(&rejected)) { "a demand" } }
                @if let Some(by) = first(p, warta::STATED_BY) { " (stated by " (link(ep, &by)) ")" }
            }
        }
        "Region status" => html! {
            (l(first(p, warta::REGION_PROP))) ": " (status_name(&first(p, warta::STATUS).unwrap_or_default()))
            @for (name, prop) in [("controlled by", warta::CONTROLLED_BY), ("claimed by", warta::CLAIMED_BY), ("foreign forces of", warta::FOREIGN_FORCES)] {
                @if !values(p, prop).is_empty() { "; " (name) " " (all(prop)) }
            }
            @if let Some(since) = first(p, warta::SINCE) { "; since " (since) }
        },
        "Role" => {
            html! { (l(first(p, warta::HOLDER))) ": " (first(p, warta::ROLE_TITLE).unwrap_or_default()) " for " (l(first(p, warta::ROLE_OF))) }
        }
        _ => html! { (first(p, warta::TEXT).unwrap_or_default()) },
    }
}

/// Words to mark in the sentences: the action, the title, every name of every entity the fact names.
fn needles(ep: &Endpoint, p: &Props) -> Vec<String> {
    let names = ep.site.names.get(&ep.store);
    let mut out = Vec::new();
    for (pred, o) in p {
        match o {
            Term::NamedNode(n) if !data::is_type(pred) => {
                if let Some(e) = names.get(n.as_str()) {
                    out.extend(e.labels.iter().map(|(_, l)| l.clone()));
                    out.extend(e.alt.iter().cloned());
                }
            }
            Term::Literal(l) if pred == rdfs::LABEL.as_str() || pred == warta::ROLE_TITLE.as_str() => out.push(l.value().to_string()),
            _ => {}
        }
    }
    out
}

fn evidence_block(s: &Source, marks: &[String]) -> Markup {
    html! {
        div.source {
            @if let Some(a) = &s.article {
                div { a href=(href(&a.iri)) { b { (a.title) } } " " span.muted { (a.issued) " · " (a.language) } }
            }
            @for ev in &s.evidence {
                blockquote { (highlight(&ev.text, marks)) }
                div.meta { "rule " code { (ev.rule) } " · confidence " (ev.confidence) " · characters " (ev.start) "–" (ev.end) " · " a href=(href(&ev.mention)) { "mention" } }
            }
            div.meta { "reported as " a href=(href(&s.node)) { code { (data::short(&s.node)) } } }
        }
    }
}

pub fn page(ep: &Endpoint, iri: &str, found: &data::Found) -> Result<Page, NotFound> {
    let graph = found.graphs.first().cloned().unwrap_or_default();
    let kind = data::fact_kind(&found.types).unwrap_or("Resource");
    let p = lookup(props(&ep.store, &graph, iri))?;
    let is_merged = graph == wid::MERGED_GRAPH.as_str();
    let derived = values(&p, prov::WAS_DERIVED_FROM);
    let reports: Vec<String> = if is_merged && !derived.is_empty() { derived } else { vec![iri.to_string()] };
    let sources = reports.iter().take(PAGE).map(|r| source(ep, r)).collect::<Result<Vec<_>, _>>()?;
    let merged_into = if is_merged {
        Vec::new()
    } else {
        let node = data::iri_ref(iri).unwrap_or_default();
        lookup(select(
            &ep.store,
            &format!("SELECT ?m WHERE {{ GRAPH {} {{ ?m prov:wasDerivedFrom {node} }} }} ORDER BY ?m", wid::MERGED_GRAPH),
        ))?
        .iter()
        .map(|r| text(r, "m"))
        .collect()
    };
    let mut marks = needles(ep, &p);
    for s in &sources {
        marks.extend(needles(ep, &s.props));
    }
    let mut dates: Vec<String> = sources.iter().flat_map(|s| values(&s.props, warta::DATE)).collect();
    dates.sort();
    dates.dedup();
    let conflict = kind == "Meeting" && (dates.len() > 1 || first(&p, warta::DATE_CONFLICT).as_deref() == Some("true"));
    let body = html! {
        h1 { (kind) }
        p.lead { (summary(ep, kind, &p)) }
        @if is_merged { p.muted { "One node for " (reports.len()) " report" @if reports.len() != 1 { "s" } " in the merged graph." } }
        @for m in &merged_into { p.muted { "Merged across articles as " a href=(href(m)) { code { (data::short(m)) } } "." } }
        @if kind == "Meeting" {
            @if conflict { p.conflict { b { "The sources disagree on the date: " } (dates.join(" vs ")) } }
            table.dates {
                tr { th { "source" } th { "date given" } th { "sentence" } }
                @for s in &sources {
                    tr {
                        td { @if let Some(a) = &s.article { a href=(href(&a.iri)) { (a.title) } br; span.muted { "published " (a.issued) } } }
                        td class=[conflict.then_some("conflict")] { (values(&s.props, warta::DATE).join(", ")) }
                        td { @for ev in &s.evidence { (highlight(&ev.text, &marks)) } }
                    }
                }
            }
        }
        h2 { "Evidence" }
        @for s in &sources { (evidence_block(s, &marks)) }
        @if reports.len() > PAGE { p.muted { (reports.len() - PAGE) " more reports are not shown." } }
        h2 { "As stated in the graph" }
        (props_table(ep, &p))
        p.muted { code { (iri) } " · " a href=(format!("{}?format=ttl", href(iri))) { "Turtle" } " · " a href=(format!("{}?format=nt", href(iri))) { "N-Triples" } }
    };
    Ok(Page::html(200, frame(kind, body)))
}

fn props_table(ep: &Endpoint, p: &Props) -> Markup {
    html! {
        table {
            @for (pred, o) in p {
                tr {
                    td { (crate::vocab::prefixed(pred).unwrap_or_else(|| pred.clone())) }
                    td { @match o {
                        Term::NamedNode(n) => (value_link(ep, n.as_str())),
                        Term::Literal(l) => (l.value()),
                        other => (other.to_string()),
                    } }
                }
            }
        }
    }
}

fn value_link(ep: &Endpoint, iri: &str) -> Markup {
    if ep.site.names.get(&ep.store).contains_key(iri) {
        return link(ep, iri);
    }
    let shown = crate::vocab::prefixed(iri).unwrap_or_else(|| iri.to_string());
    html! { a href=(href(iri)) { (shown) } }
}

/// The article page: its metadata and its facts in the order of the text.
pub fn article_page(ep: &Endpoint, iri: &str, page_no: usize) -> Result<Page, NotFound> {
    let a = lookup(data::article(&ep.store, iri))?.ok_or_else(|| NotFound(format!("no article {iri} in the store")))?;
    let g = data::iri_ref(&a.graph).unwrap_or_default();
    let q = format!(
        "SELECT ?f ?t ?m ?start WHERE {{ GRAPH {g} {{ ?f warta:evidence ?m ; a ?t . ?m warta:start ?start }} }} ORDER BY ?start ?f LIMIT {} OFFSET {}",
        PAGE + 1,
        (page_no - 1) * PAGE
    );
    let facts = lookup(select(&ep.store, &q))?;
    let mut rows = Vec::new();
    for f in facts.iter().take(PAGE) {
        let (fact, types) = (text(f, "f"), vec![text(f, "t")]);
        let Some(kind) = data::fact_kind(&types) else { continue };
        let p = lookup(props(&ep.store, &a.graph, &fact))?;
        let m = lookup(props(&ep.store, &a.graph, &text(f, "m")))?;
        rows.push((fact, kind, p, m));
    }
    let body = html! {
        h1 { (a.title) }
        dl.props {
            dt { "published" } dd { @if a.issued.is_empty() { "unknown" } @else { (a.issued) } }
            dt { "language" } dd { (a.language) }
            dt { "source" } dd { @if a.source.starts_with("http") { a href=(a.source) { (a.source) } } @else { (a.source) } }
            dt { "graph" } dd { code { (a.graph) } " · " a href=(format!("{}?format=ttl", href(&a.graph))) { "Turtle" } }
        }
        h2 { "Facts, in the order of the text" }
        (pager(&href(iri), page_no, facts.len()))
        @if rows.is_empty() { p.muted { "No facts were found in this article." } }
        table {
            tr { th { "at" } th { "fact" } th { "sentence" } }
            @for (fact, kind, p, m) in &rows {
                tr {
                    td { (first(m, warta::START).unwrap_or_default()) }
                    td { a href=(href(fact)) { (kind) } ": " (summary(ep, kind, p)) }
                    td { (highlight(&first(m, warta::TEXT).unwrap_or_default(), &needles(ep, p))) span.meta { " " code { (first(m, warta::RULE).unwrap_or_default()) } } }
                }
            }
        }
    };
    Ok(Page::html(200, frame(&a.title, body)))
}
