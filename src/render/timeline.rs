//! The meetings timeline: time left to right, one lane per side, each meeting a
//! mark across the lanes of its participants, labelled with its city. Written as
//! DOT with every node pinned (`layout=neato`, positions in points), so Graphviz
//! draws it and users can restyle it like the other views.

use super::dot::{escape, Diagram};
use super::style::html;
use crate::graph::ViewGraph;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Lanes drawn unless the diagram is `full`; the other sides share one lane.
pub const LANES: usize = 20;
/// City names written at most (with 20 lanes, 60 labels in all); the others are in the tooltips.
pub const CITY_LABELS: usize = 40;
const LANE_H: f64 = 24.0;
/// Room left of the lanes for the side names, and below them for the time axis.
const NAMES_W: f64 = 170.0;
const AXIS_H: f64 = 34.0;
/// Width of one character of a 9-point label, roughly, for placing labels apart.
const CHAR_W: f64 = 5.2;
const MARK: &str = "#3d6f9e";
const GRID: &str = "#e4e4dc";

/// A dated meeting as the timeline draws it.
struct Meeting {
    city: String,
    date: NaiveDate,
    /// Lane numbers of its participants (the “others” lane included).
    lanes: BTreeSet<usize>,
    /// Its participants' names, for the tooltip.
    sides: Vec<String>,
}

/// The lanes (side names, top to bottom) and the dated meetings of a meetings
/// graph; the sides with the most meetings get lanes of their own unless `full`.
/// Also returns how many meetings cannot be placed (undated, or of sides without
/// a lane) and how many sides have no lane.
fn gather(g: &ViewGraph, full: bool) -> (Vec<String>, Vec<Meeting>, usize, usize) {
    let mut dated = Vec::new();
    let mut undated = 0;
    for (m, city, sides) in super::meetings_of(g) {
        let Some(date) = g[m].date.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) else {
            undated += 1;
            continue;
        };
        dated.push((date, city, sides));
    }
    dated.sort();
    let ranked = super::rank_sides(g, dated.iter().map(|m| m.2.as_slice()));
    let own = if full { ranked.len() } else { ranked.len().min(LANES) };
    let lane_of: BTreeMap<&str, usize> = ranked.iter().take(own).enumerate().map(|(i, (_, _, id))| (*id, i)).collect();
    let names: Vec<String> = ranked.iter().take(own).map(|(_, l, _)| l.clone()).collect();
    // A meeting of sides without a lane has nowhere to go; one with some is
    // drawn on their lanes, the others named in its tooltip.
    let meetings: Vec<Meeting> = dated
        .into_iter()
        .map(|(date, city, sides)| Meeting {
            city,
            date,
            lanes: sides.iter().filter_map(|s| lane_of.get(s).copied()).collect(),
            sides: sides.iter().map(|s| super::side_label(g, s)).collect(),
        })
        .collect();
    let unplaced = meetings.iter().filter(|m| m.lanes.is_empty()).count();
    (names, meetings.into_iter().filter(|m| !m.lanes.is_empty()).collect(), undated + unplaced, ranked.len() - own)
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Tick marks from `first` to `last`: Mondays for a month or two, months up
/// to a few years (every 2, 3 or 6 when there are many), years beyond; the
/// first tick names the year. A stretch too short for any gets its first day.
fn ticks(first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, String)> {
    let days = (last - first).num_days();
    let mut out: Vec<NaiveDate> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    if days <= 70 {
        let mut d = first + chrono::Days::new(u64::from((7 - first.weekday().num_days_from_monday()) % 7));
        while d <= last {
            labels.push(if out.is_empty() {
                format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
            } else {
                format!("{} {}", d.day(), MONTHS[d.month0() as usize])
            });
            out.push(d);
            d = d + chrono::Days::new(7);
        }
    } else if days <= 6 * 365 {
        let months = (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32 + 1;
        let step = [1, 2, 3, 6].into_iter().find(|s| months / s <= 12).unwrap_or(12);
        let mut m = first.year() * 12 + first.month0() as i32 + i32::from(first.day() > 1);
        while let Some(d) = NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1).filter(|d| *d <= last) {
            labels.push(format!("{} {}", MONTHS[d.month0() as usize], d.year()));
            out.push(d);
            m += step;
        }
    } else {
        let years = last.year() - first.year() + 1;
        let step = [1, 2, 5, 10].into_iter().find(|s| years / s <= 12).unwrap_or(20);
        let mut y = first.year() + i32::from(first.ordinal() > 1);
        while let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1).filter(|d| *d <= last) {
            labels.push(y.to_string());
            out.push(d);
            y += step;
        }
    }
    if out.is_empty() {
        return vec![(first, format!("{} {} {}", first.day(), MONTHS[first.month0() as usize], first.year()))];
    }
    out.into_iter().zip(labels).collect()
}

/// The time axis: stretches of time with meetings side by side. A gap without
/// meetings longer than `gap` days is cut out (marked ≈), so a busy month is
/// not squeezed against years of little news; within a stretch, time is to scale.
struct Axis {
    /// First and last day of each stretch, its left edge and width.
    spans: Vec<(NaiveDate, NaiveDate, f64, f64)>,
}

const SPAN_MIN_W: f64 = 60.0;
const BREAK_W: f64 = 18.0;

impl Axis {
    fn new(dates: &[NaiveDate], left: f64, width: f64) -> Self {
        let mut gap = 20;
        let groups = loop {
            let mut groups: Vec<(NaiveDate, NaiveDate)> = Vec::new();
            for &d in dates {
                match groups.last_mut() {
                    Some(g) if (d - g.1).num_days() <= gap => g.1 = d,
                    _ => groups.push((d, d)),
                }
            }
            // Few enough stretches to leave room for time within them.
            if groups.len() as f64 * (SPAN_MIN_W + BREAK_W) <= width / 2.0 || groups.len() <= 1 {
                break groups;
            }
            gap *= 2;
        };
        let total: f64 = groups.iter().map(|g| (g.1 - g.0).num_days() as f64).sum();
        let n = groups.len() as f64;
        let free = (width - n * SPAN_MIN_W - (n - 1.0) * BREAK_W).max(0.0);
        let mut x = left;
        let mut spans = Vec::new();
        for (first, last) in groups {
            let days = (last - first).num_days() as f64;
            let w = SPAN_MIN_W + if total > 0.0 { free * days / total } else { free / n };
            spans.push((first, last, x, w));
            x += w + BREAK_W;
        }
        Axis { spans }
    }

    fn x(&self, d: NaiveDate) -> f64 {
        let Some(&(first, last, x0, w)) = self.spans.iter().find(|s| d <= s.1).or(self.spans.last()) else {
            return 0.0;
        };
        let days = (last - first).num_days() as f64;
        if days == 0.0 {
            return x0 + w / 2.0;
        }
        x0 + 10.0 + (d - first).num_days() as f64 / days * (w - 20.0)
    }

    /// Every stretch's ticks, and the x of each cut between stretches.
    fn ticks(&self) -> (Vec<(f64, String)>, Vec<f64>) {
        let ticks = self.spans.iter().flat_map(|&(first, last, _, _)| ticks(first, last)).map(|(d, l)| (self.x(d), l)).collect();
        let cuts = self.spans.windows(2).map(|w| w[0].2 + w[0].3 + BREAK_W / 2.0).collect();
        (ticks, cuts)
    }
}

/// A meeting placed on the timeline.
struct Placed {
    x: f64,
    /// (lane, y) of each mark, top lane first.
    marks: Vec<(usize, f64)>,
    /// "City YYYY-MM-DD", and the tooltip naming every side.
    name: String,
    tip: String,
}

/// Where everything goes, in points with y upwards (Graphviz's way), so that
/// the DOT and the built-in SVG draw the same picture.
struct Plan {
    diagram: Diagram,
    lanes: Vec<(String, f64)>,
    right: f64,
    /// The y of the time axis and of the top of the lanes.
    axis_y: f64,
    top_y: f64,
    ticks: Vec<(f64, String)>,
    cuts: Vec<f64>,
    meetings: Vec<Placed>,
    /// (meeting, x, y, city) of each city name written.
    cities: Vec<(usize, f64, f64, String)>,
}

fn plan(d: &Diagram, g: &ViewGraph) -> Plan {
    let (lanes, meetings, unplaced, hidden) = gather(g, d.full);
    let mut diagram = d.clone();
    if hidden > 0 {
        diagram.note(&format!("the {LANES} sides with most meetings ({hidden} more with --force)"));
    }
    if unplaced > 0 {
        diagram.note(&format!("{unplaced} meeting(s) not shown (no date, or only sides outside these lanes)"));
    }
    let height = lanes.len() as f64 * LANE_H;
    // Wide enough to tell meetings apart, never wider than three times the height.
    let width = (meetings.len() as f64 * 18.0).clamp(560.0, (2.8 * (height + AXIS_H + 60.0) - NAMES_W).max(560.0));
    let dates: Vec<NaiveDate> = meetings.iter().map(|m| m.date).collect::<BTreeSet<_>>().into_iter().collect();
    let axis = Axis::new(&dates, NAMES_W, width);
    let y_of = |lane: usize| AXIS_H + height - (lane as f64 + 0.5) * LANE_H;
    let right = NAMES_W + width.max(axis.spans.last().map_or(0.0, |s| s.2 + s.3 - NAMES_W));
    let (ticks, cuts) = axis.ticks();
    let mut placed = Vec::new();
    let mut same_day: Option<(NaiveDate, usize)> = None;
    for m in &meetings {
        let nth = match same_day {
            Some((d, n)) if d == m.date => n + 1,
            _ => 0,
        };
        same_day = Some((m.date, nth));
        placed.push(Placed {
            x: axis.x(m.date) + 7.0 * nth as f64,
            marks: m.lanes.iter().map(|&l| (l, y_of(l))).collect(),
            name: format!("{} {}", m.city, m.date),
            tip: format!("{}, {}: {}", m.city, m.date, m.sides.join(", ")),
        });
    }
    // City names go to the meetings with the most sides first, above the
    // meeting or else below it, wherever they overlap no other name.
    let mut order: Vec<usize> = (0..placed.len()).collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(placed[k].marks.len()), k));
    let mut boxes: Vec<(usize, f64, f64, f64, f64)> = Vec::new();
    for k in order {
        let p = &placed[k];
        let (Some(top), Some(bottom)) = (p.marks.first().map(|m| m.1), p.marks.last().map(|m| m.1)) else { continue };
        let w = meetings[k].city.chars().count() as f64 * CHAR_W + 4.0;
        let spot = [top + 10.0, bottom - 10.0].into_iter().find(|&y| {
            let b = (p.x - w / 2.0, y - 5.5, p.x + w / 2.0, y + 5.5);
            b.0 >= 4.0 && b.2 <= right + 40.0 && !boxes.iter().any(|o| b.0 < o.3 && o.1 < b.2 && b.1 < o.4 && o.2 < b.3)
        });
        if let Some(y) = spot.filter(|_| boxes.len() < CITY_LABELS) {
            boxes.push((k, p.x - w / 2.0, y - 5.5, p.x + w / 2.0, y + 5.5));
        }
    }
    boxes.sort_by_key(|b| b.0);
    let cities = boxes.into_iter().map(|(k, x0, y0, x1, _)| (k, (x0 + x1) / 2.0, y0 + 5.5, meetings[k].city.clone())).collect();
    let lanes = lanes.into_iter().enumerate().map(|(i, name)| (name, y_of(i))).collect();
    Plan { diagram, lanes, right, axis_y: AXIS_H - 6.0, top_y: AXIS_H + height, ticks, cuts, meetings: placed, cities }
}

/// Writes the timeline as DOT. Same graph, same bytes.
pub fn to_dot(d: &Diagram, g: &ViewGraph) -> String {
    let p = plan(d, g);
    let d = &p.diagram;
    let mut out = String::new();
    let mut title = format!("<b>{}</b>", html(&d.title));
    if let Some(sub) = &d.subtitle {
        let _ = write!(title, "<br/><font point-size=\"11\" color=\"#555555\">{}</font>", html(sub));
    }
    let _ = writeln!(out, "digraph \"warta_{}\" {{", escape(&d.name));
    let _ = writeln!(
        out,
        "  graph [label=<{title}>, labelloc=t, fontsize=18, fontname=\"Helvetica\", layout=neato, inputscale=72, splines=false, outputorder=edgesfirst, pad=0.3];"
    );
    out.push_str("  node [fontname=\"Helvetica\", fontsize=9, shape=plaintext, margin=0, width=0, height=0, label=\"\"];\n  edge [arrowhead=none];\n");
    if p.meetings.is_empty() {
        out.push_str("  empty [label=\"(nothing to draw: no dated meetings match)\", fontsize=11, pos=\"0,0!\"];\n}\n");
        return out;
    }
    // Lanes: the side's name, right-aligned, and a faint line across.
    for (i, (name, y)) in p.lanes.iter().enumerate() {
        let _ = writeln!(
            out,
            "  lane{i} [label=\"{}\\r\", class=\"lane\", fontsize=10, width={:.2}, height=0.3, fixedsize=true, pos=\"{:.1},{y:.1}!\"];",
            escape(name),
            (NAMES_W - 12.0) / 72.0,
            (NAMES_W - 12.0) / 2.0
        );
        let _ = writeln!(out, "  lane{i}_a [shape=point, width=0, pos=\"{NAMES_W:.1},{y:.1}!\"];");
        let _ = writeln!(out, "  lane{i}_b [shape=point, width=0, pos=\"{:.1},{y:.1}!\"];", p.right);
        let _ = writeln!(out, "  lane{i}_a -> lane{i}_b [color=\"{GRID}\"];");
    }
    // The time axis: a tick line and a date under it; ≈ where time is cut out.
    for (k, (x, text)) in p.ticks.iter().enumerate() {
        let _ = writeln!(
            out,
            "  tick{k} [label=\"{}\", class=\"tick\", fontcolor=\"#555555\", pos=\"{x:.1},{:.1}!\"];",
            escape(text),
            AXIS_H / 2.0 - 4.0
        );
        let _ = writeln!(out, "  tick{k}_a [shape=point, width=0, pos=\"{x:.1},{:.1}!\"];", p.axis_y);
        let _ = writeln!(out, "  tick{k}_b [shape=point, width=0, pos=\"{x:.1},{:.1}!\"];", p.top_y);
        let _ = writeln!(out, "  tick{k}_a -> tick{k}_b [color=\"{GRID}\", style=dashed];");
    }
    for (k, x) in p.cuts.iter().enumerate() {
        let _ = writeln!(
            out,
            "  cut{k} [label=\"≈\", class=\"cut\", fontsize=14, fontcolor=\"#888888\", tooltip=\"time without meetings left out\", pos=\"{x:.1},{:.1}!\"];",
            p.axis_y
        );
    }
    // Meetings: a mark in each participant's lane, joined by a line; the city above.
    for (k, m) in p.meetings.iter().enumerate() {
        let (name, tip) = (escape(&m.name), escape(&m.tip));
        for (lane, y) in &m.marks {
            let _ = writeln!(
                out,
                "  m{k}_{lane} [shape=circle, style=filled, width=0.11, color=\"{MARK}\", fillcolor=\"{MARK}\", class=\"meeting\", meeting=\"{name}\", tooltip=\"{tip}\", pos=\"{:.1},{y:.1}!\"];",
                m.x
            );
        }
        for pair in m.marks.windows(2) {
            let _ = writeln!(out, "  m{k}_{} -> m{k}_{} [color=\"{MARK}\", penwidth=1.6, class=\"meeting\"];", pair[0].0, pair[1].0);
        }
    }
    for (k, x, y, city) in &p.cities {
        let tip = escape(&p.meetings[*k].tip);
        let _ = writeln!(out, "  city{k} [label=\"{}\", class=\"city\", tooltip=\"{tip}\", pos=\"{x:.1},{y:.1}!\"];", escape(city));
    }
    out.push_str("}\n");
    out
}

/// The same timeline as SVG drawn by warta itself, for machines without Graphviz.
pub fn to_svg(d: &Diagram, g: &ViewGraph) -> String {
    use svg::node::element::{Circle, Group, Line, Text, Title};
    let p = plan(d, g);
    const BAND: f64 = 60.0;
    let width = p.right + 40.0;
    let height = BAND + p.top_y + 20.0;
    // Graphviz's y grows upwards, SVG's downwards.
    let y = |v: f64| ((BAND + p.top_y + 14.0 - v) * 10.0).round() / 10.0;
    let r = |v: f64| (v * 10.0).round() / 10.0;
    let font = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
    let text = |x: f64, y: f64, s: &str, size: u32| Text::new(s).set("x", r(x)).set("y", y).set("font-size", size).set("font-family", font);
    let line = |x1: f64, y1: f64, x2: f64, y2: f64, color: &str| {
        Line::new().set("x1", r(x1)).set("y1", y1).set("x2", r(x2)).set("y2", y2).set("stroke", color.to_string())
    };
    let mut doc = svg::Document::new()
        .set("width", r(width))
        .set("height", r(height))
        .set("viewBox", format!("0 0 {} {}", r(width), r(height)))
        .add(text(16.0, 26.0, &p.diagram.title, 18).set("font-weight", "bold"))
        .add(text(16.0, 44.0, p.diagram.subtitle.as_deref().unwrap_or(""), 11).set("fill", "#555555"));
    if p.meetings.is_empty() {
        return doc.add(text(16.0, 70.0, "(nothing to draw: no dated meetings match)", 12)).to_string();
    }
    for (name, ly) in &p.lanes {
        doc = doc.add(line(NAMES_W, y(*ly), p.right, y(*ly), GRID));
        doc = doc.add(text(NAMES_W - 8.0, y(*ly) + 3.5, name, 10).set("text-anchor", "end").set("class", "lane"));
    }
    for (x, label) in &p.ticks {
        doc = doc.add(line(*x, y(p.axis_y), *x, y(p.top_y), GRID).set("stroke-dasharray", "4 3"));
        doc = doc.add(text(*x, y(AXIS_H / 2.0 - 4.0) + 3.0, label, 9).set("text-anchor", "middle").set("fill", "#555555"));
    }
    for x in &p.cuts {
        doc = doc.add(text(*x, y(p.axis_y) + 4.0, "≈", 14).set("text-anchor", "middle").set("fill", "#888888"));
    }
    for m in &p.meetings {
        let mut group = Group::new().set("class", "meeting").add(Title::new(m.tip.clone()));
        if let (Some(a), Some(b)) = (m.marks.first(), m.marks.last()) {
            group = group.add(line(m.x, y(a.1), m.x, y(b.1), MARK).set("stroke-width", 1.6));
        }
        for (_, my) in &m.marks {
            group = group.add(Circle::new().set("cx", r(m.x)).set("cy", y(*my)).set("r", 4).set("fill", MARK));
        }
        doc = doc.add(group);
    }
    for (_, x, cy, city) in &p.cities {
        doc = doc.add(text(*x, y(*cy) + 3.0, city, 9).set("text-anchor", "middle").set("class", "city"));
    }
    doc.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn ticks_follow_the_span() {
        let weeks = ticks(day("2024-03-06"), day("2024-03-28"));
        assert_eq!(weeks.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), ["11 Mar 2024", "18 Mar", "25 Mar"]);
        let months = ticks(day("2022-01-10"), day("2023-05-02"));
        assert_eq!(months.first().map(|t| t.1.as_str()), Some("Feb 2022"));
        assert!(months.len() <= 12 && months.iter().all(|t| t.0 <= day("2023-05-02")), "{months:?}");
        let years = ticks(day("2016-05-01"), day("2026-02-01"));
        assert_eq!(years.first().map(|t| t.1.as_str()), Some("2017"));
        assert!(years.len() <= 12);
        assert_eq!(ticks(day("2016-02-01"), day("2016-02-01")), [(day("2016-02-01"), "1 Feb 2016".to_string())]);
    }

    #[test]
    fn long_quiet_gaps_are_cut_out_of_the_axis() {
        let dates = [day("2016-02-01"), day("2024-03-01"), day("2024-03-15"), day("2024-03-29")];
        let axis = Axis::new(&dates, 0.0, 800.0);
        assert_eq!(axis.spans.len(), 2);
        let (x0, x1, x2) = (axis.x(dates[0]), axis.x(dates[1]), axis.x(dates[3]));
        assert!(x2 - x1 > 500.0 && x1 - x0 < 100.0, "the busy month gets the room: {x0} {x1} {x2}");
        assert_eq!(axis.ticks().1.len(), 1, "one cut");
    }

    #[test]
    fn a_meeting_marks_the_lanes_of_its_sides() {
        // A, C in Geneva; A, B in Paris.
        let g = crate::graph::three_sides_two_meetings(&[(0, 0), (2, 0), (0, 1), (1, 1)]);
        let d = Diagram::plain("meetings-timeline", "T", super::super::Layout::Lanes);
        let dot = to_dot(&d, &g);
        assert!(dot.contains("lane0 [label=\"A\\r\"") && dot.contains("layout=neato"), "A has most meetings: {dot}");
        // Geneva joins A's lane (0) and C's (2, after B by name), not B's.
        assert!(dot.contains("m0_0 -> m0_2") && !dot.contains("m0_1 "), "{dot}");
        assert!(dot.contains("city0 [label=\"Geneva\"") && dot.contains("tooltip=\"Geneva, 2022-01-10: A, C\""), "{dot}");
        assert_eq!(dot, to_dot(&d, &g));
        let svg = to_svg(&d, &g);
        assert!(svg.contains("<title>Geneva, 2022-01-10: A, C</title>") && svg.matches("<circle").count() == 4, "{svg}");
    }
}
