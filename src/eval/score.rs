//! Matching extracted facts to gold facts, counting true and false positives
//! and false negatives with the scorer's rules, and the report: its table,
//! JSON and `--detail` lines, as the scorer prints them.

use super::gold::{Entities, GoldArticle, GoldDemand, GoldFact, GoldMeeting, GoldRegion, GoldRejection, GoldRole};
use super::output::{json_str, py_float, py_tuple, Py};
use super::predicted::{PredDemand, PredMeeting, PredRegion, PredRejection, PredRole, Predicted, Scored};
use std::collections::{BTreeMap, HashSet};

/// The relation kinds that are scored, in report order.
pub const KINDS: [&str; 5] = ["demands", "meetings", "rejections", "regions", "roles"];
/// Report rows: the kinds, meeting participants (recall only), and all kinds together.
pub const ROWS: [&str; 7] = ["demands", "meetings", "rejections", "regions", "roles", "participants", "all"];

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
    /// Every extracted fact of a scored kind: its language, rule, confidence and
    /// whether it matched a gold fact (optional ones included).
    pub judged: Vec<Judged>,
}

/// One extracted fact as calibration sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    pub lang: String,
    pub rule: String,
    pub confidence: f64,
    pub right: bool,
}

fn score_kind<G, P: Scored>(
    (file, lang): (&str, &str),
    kind: &'static str,
    golds: &[GoldFact<G>],
    preds: &[P],
    ents: &Entities,
    matches: fn(&Entities, &G, &P) -> bool,
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
        if let Some(u) = p.rule() {
            report.judged.push(Judged { lang: lang.to_string(), rule: u.rule.clone(), confidence: u.confidence, right: hit });
        }
        if !hit {
            fp += 1;
            report.detail.push(format!("{file}\t{kind}\tFP\t{}", p.raw()));
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
    let f = (art.file.as_str(), facts.lang.as_str());
    score_kind(f, "demands", &art.demands, &facts.demands, ents, match_demand, report);
    score_kind(f, "meetings", &art.meetings, &facts.meetings, ents, match_meeting, report);
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
    score_kind(f, "rejections", &art.rejections, &facts.rejections, ents, match_rejection, report);
    score_kind(f, "regions", &art.regions, &facts.regions, ents, match_region, report);
    score_kind(f, "roles", &art.roles, &facts.roles, ents, match_role, report);
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
}

impl Report {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_counts_follow_the_scorer() {
        assert_eq!(Tally { tp: 0, fp: 0, fn_: 0 }.prf(), (1.0, 1.0, 1.0));
        assert_eq!(Tally { tp: 0, fp: 0, fn_: 2 }.prf(), (0.0, 0.0, 0.0));
        assert_eq!(Tally { tp: 1, fp: 1, fn_: 0 }.prf(), (0.5, 1.0, 2.0 / 3.0));
    }

    #[test]
    fn all_sums_the_five_kinds_not_participants() {
        let mut r = Report::default();
        r.tallies.insert("demands", Tally { tp: 1, fp: 2, fn_: 0 });
        r.tallies.insert("roles", Tally { tp: 3, fp: 0, fn_: 1 });
        r.tallies.insert("participants", Tally { tp: 5, fp: 0, fn_: 5 });
        assert_eq!(r.tally("all"), Tally { tp: 4, fp: 2, fn_: 1 });
        assert_eq!(r.scores().len(), ROWS.len());
    }

    #[test]
    fn table_and_json_of_an_empty_report() {
        let mut r = Report::default();
        r.failures.push(("a.txt".into(), "no such file".into()));
        assert!(r.table().starts_with("demands       P=1.00 R=1.00 F1=1.00  (tp=0 fp=0 fn=0)\n"));
        assert!(r.table().ends_with("failures: 1: [('a.txt', 'no such file')]\n"));
        assert!(r.json().ends_with(", \"failures\": [[\"a.txt\", \"no such file\"]]}"));
        assert_eq!(r.detail_lines(), vec!["FAIL\ta.txt\tno such file"]);
    }
}
