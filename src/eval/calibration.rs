//! Calibration: how often each rule's facts were right on the gold sets, so that a
//! rule's confidence can be its measured precision (the packs' `[confidence]` tables).

use super::score::Judged;
use std::collections::BTreeMap;

/// The facts of one rule (in one language) and how many were right.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RuleRecord {
    pub facts: usize,
    pub right: usize,
    /// Sum of the confidences the facts were given.
    pub confidence: f64,
}

impl RuleRecord {
    pub fn precision(&self) -> f64 {
        if self.facts == 0 {
            0.0
        } else {
            self.right as f64 / self.facts as f64
        }
    }

    /// The confidence to give the rule: its precision with one right and one wrong
    /// fact added (Laplace), so that a rule seen three times and right three times
    /// reads 0.80, not 1.00.
    pub fn suggested(&self) -> f64 {
        (self.right as f64 + 1.0) / (self.facts as f64 + 2.0)
    }

    fn add(&mut self, j: &Judged) {
        self.facts += 1;
        self.right += usize::from(j.right);
        self.confidence += j.confidence;
    }
}

/// Per (language, rule).
pub fn by_rule(judged: &[Judged]) -> BTreeMap<(String, String), RuleRecord> {
    let mut out: BTreeMap<(String, String), RuleRecord> = BTreeMap::new();
    for j in judged {
        out.entry((j.lang.clone(), j.rule.clone())).or_default().add(j);
    }
    out
}

/// Confidence bands (lower bounds, highest first) and the facts given a confidence in each.
pub const BANDS: [f64; 4] = [0.9, 0.8, 0.6, 0.0];

pub fn by_band(judged: &[Judged]) -> Vec<(f64, RuleRecord)> {
    let mut out: Vec<(f64, RuleRecord)> = BANDS.iter().map(|&b| (b, RuleRecord::default())).collect();
    for j in judged {
        // The confidence as written in the graph (two decimals) decides the band.
        let c = (j.confidence * 100.0).round() / 100.0;
        if let Some((_, r)) = out.iter_mut().find(|(b, _)| c >= *b) {
            r.add(j);
        }
    }
    out
}

/// The table `warta eval --calibration` prints.
pub fn table(judged: &[Judged]) -> String {
    let mut out =
        String::from("calibration: every extracted fact of a scored kind; right = matches a gold fact (optional ones included)\n");
    out.push_str(&format!(
        "{:4} {:28} {:>6} {:>6} {:>9} {:>10} {:>9}\n",
        "lang", "rule", "facts", "right", "precision", "confidence", "suggested"
    ));
    for ((lang, rule), r) in by_rule(judged) {
        out.push_str(&format!(
            "{:4} {:28} {:>6} {:>6} {:>9.2} {:>10.2} {:>9.2}\n",
            lang,
            rule,
            r.facts,
            r.right,
            r.precision(),
            r.confidence / r.facts as f64,
            r.suggested()
        ));
    }
    out.push_str(&format!("{:33} {:>6} {:>6} {:>9}\n", "confidence band", "facts", "right", "precision"));
    let mut upper = None;
    for (band, r) in by_band(judged) {
        let name = match upper {
            None => format!(">= {band:.2}"),
            Some(u) => format!("{band:.2} to {u:.2}"),
        };
        upper = Some(band);
        out.push_str(&format!("{:33} {:>6} {:>6} {:>9.2}\n", name, r.facts, r.right, r.precision()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(lang: &str, rule: &str, confidence: f64, right: bool) -> Judged {
        Judged { lang: lang.into(), rule: rule.into(), confidence, right }
    }

    #[test]
    fn rules_are_counted_per_language() {
        let judged = [j("id", "role.title-name", 0.9, true), j("id", "role.title-name", 0.9, false), j("en", "role.title-name", 0.9, true)];
        let r = by_rule(&judged);
        let id = r[&("id".to_string(), "role.title-name".to_string())];
        assert_eq!((id.facts, id.right), (2, 1));
        assert_eq!(id.precision(), 0.5);
        assert_eq!(id.suggested(), 0.5);
        assert_eq!(r[&("en".to_string(), "role.title-name".to_string())].suggested(), 2.0 / 3.0);
    }

    #[test]
    fn bands_take_the_confidence_as_written() {
        let judged = [j("id", "a", 0.899_999, true), j("id", "a", 0.85, false), j("id", "a", 0.5, true)];
        let bands = by_band(&judged);
        assert_eq!(bands[0].1.facts, 1, "0.899999 is written 0.90");
        assert_eq!(bands[1].1.facts, 1);
        assert_eq!(bands[3].1.right, 1);
        let t = table(&judged);
        assert!(t.contains("id   a"), "{t}");
        assert!(t.contains(">= 0.90"), "{t}");
    }
}
