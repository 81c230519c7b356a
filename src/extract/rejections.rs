//! Rejections: each refusal found by the demand rules ("Y menolak tuntutan X", "Y emoh ...")
//! matched, once all demands of the article are known, to the demands or demanders it answers.

use super::entities::{side_of, EntityTable};
use super::{Demand, EntRef, Evidence, Rejected, Rejection};
use crate::lang::{is_in, EntityType, Words};
use std::collections::BTreeSet;

/// A refusal waiting for all demands of the article to be known.
pub struct PendingRejection {
    pub(super) by: Vec<EntRef>,
    pub(super) stated_by: Option<EntRef>,
    /// The demander named in the object ("tuntutan Rusia").
    pub(super) named_demander: Vec<EntRef>,
    /// Words of the refused object, to match a demand by overlap.
    pub(super) object: String,
    /// Demands created from the object itself ("menolak tuntutan Rusia untuk ...").
    pub(super) own_demands: Vec<usize>,
    /// The object points back to demands already told ("desakan tersebut",
    /// "tuntutan ketiga negara itu").
    pub(super) anaphoric: bool,
    pub(super) evidence: Evidence,
}

/// Content words reduced to a crude stem (the language's affixes stripped), for
/// matching a refused object to a demand.
fn stems(words: &Words, text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4 && !is_in(&words.stopwords, w))
        .map(|w| {
            let mut w = w;
            for suf in &words.stem_suffixes {
                if let Some(rest) = w.strip_suffix(suf.as_str()) {
                    if rest.chars().count() >= 4 {
                        w = rest.to_string();
                        break;
                    }
                }
            }
            for p in &words.stem_prefixes {
                if let Some(rest) = w.strip_prefix(p.as_str()) {
                    if rest.chars().count() >= 4 {
                        return rest.to_string();
                    }
                }
            }
            w
        })
        .collect()
}

/// The rejections the refusals make: of the demands they name or restate, or of the demanders.
pub fn resolve(words: &Words, pending: Vec<PendingRejection>, demands: &[Demand], table: &EntityTable) -> Vec<Rejection> {
    let mut out: Vec<Rejection> = Vec::new();
    for p in pending {
        for &b in &p.by {
            let side = side_of(table, b);
            if table.get(side).etype == EntityType::Person {
                continue;
            }
            let person = |e: EntRef| table.get(e).etype == EntityType::Person;
            let stated_by = if person(b) { Some(b) } else { p.stated_by.filter(|&sp| person(sp) && side_of(table, sp) == side) };
            let mut targets: Vec<(Rejected, f32)> = Vec::new();
            for &d in &p.own_demands {
                if demands[d].of == side {
                    targets.push((Rejected::Demand(d), 1.0));
                }
            }
            if targets.is_empty() && !p.named_demander.is_empty() {
                for &n in &p.named_demander {
                    targets.push((Rejected::Actor(side_of(table, n)), 1.0));
                }
            }
            if targets.is_empty() && p.anaphoric {
                // "X menolak desakan tersebut": the demands made of X so far in the article.
                let sent = p.evidence.sentence;
                let demanders: BTreeSet<EntRef> =
                    demands.iter().filter(|d| d.of == side && d.evidence.sentence <= sent).map(|d| d.by).collect();
                for d in demanders {
                    targets.push((Rejected::Actor(d), 0.9));
                }
            }
            if targets.is_empty() {
                // The refused object restates a demand made of this actor.
                let obj = stems(words, &p.object);
                let best = demands
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.of == side)
                    .map(|(i, d)| (i, stems(words, &d.action).intersection(&obj).count()))
                    .filter(|&(_, n)| n >= 2)
                    .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)));
                if let Some((i, _)) = best {
                    targets.push((Rejected::Demand(i), 0.9));
                }
            }
            if targets.is_empty() {
                // One actor made demands of this one, and the refused object shares a word
                // with one of them: the refusal answers that actor.
                let obj = stems(words, &p.object);
                let made_of: Vec<&Demand> = demands.iter().filter(|d| d.of == side).collect();
                let demanders: BTreeSet<EntRef> = made_of.iter().map(|d| d.by).collect();
                let related = made_of.iter().any(|d| stems(words, &d.action).intersection(&obj).count() >= 1);
                if demanders.len() == 1 && related {
                    targets.push((Rejected::Actor(*demanders.iter().next().expect("one")), 0.6));
                }
            }
            for (rejected, factor) in targets {
                if matches!(rejected, Rejected::Actor(a) if a == side) {
                    continue;
                }
                let mut evidence = p.evidence.clone();
                evidence.confidence *= factor;
                if factor < 1.0 {
                    evidence.rule = if factor < 0.7 { "reject.verb-context" } else { "reject.verb-overlap" };
                }
                let r = Rejection { by: side, rejected, stated_by, evidence };
                if !out.iter().any(|x| x.by == r.by && x.rejected == r.rejected && x.evidence.sentence == r.evidence.sentence) {
                    out.push(r);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::test_support::rejections_in as rejections;

    #[test]
    fn a_refusal_of_a_named_demander() {
        let found = rejections("id", "Rusia menuntut NATO menarik pasukan dari Eropa Timur. NATO menolak tuntutan Rusia.");
        assert_eq!(found, vec![("NATO".to_string(), "Russia".to_string())]);
    }

    #[test]
    fn reluctance_to_fulfil_a_demand_is_a_refusal() {
        let found = rejections("id", "AS meminta Turki membebaskan pendeta itu. Turki enggan memenuhi permintaan AS.");
        assert_eq!(found, vec![("Turkey".to_string(), "United States".to_string())]);
        // An invitation is no demand.
        assert!(rejections("id", "AS mengundang Turki ke Washington. Turki enggan memenuhi undangan AS.").is_empty());
    }

    #[test]
    fn a_refusal_of_the_demands_told_before() {
        let found = rejections("en", "Russia demanded that NATO withdraw its troops from Eastern Europe. NATO rejected the demands.");
        assert_eq!(found, vec![("NATO".to_string(), "Russia".to_string())]);
    }

    #[test]
    fn a_refused_protest_or_concern_of_a_named_side() {
        assert_eq!(
            rejections("en", "Beijing on Friday rejected Vietnam's protest over the new oil rig."),
            vec![("China".to_string(), "Vietnam".to_string())]
        );
        let found = rejections("en", "Japan's foreign ministry said it dismissed South Korea's concerns about the fishing rules.");
        assert_eq!(found, vec![("Japan".to_string(), "South Korea".to_string())]);
        // Bare concerns refuse no one.
        assert!(rejections("en", "The ministry dismissed concerns about the fishing rules.").is_empty());
    }

    #[test]
    fn a_demand_refused_in_the_passive() {
        let body = "Kamboja meminta Thailand membuka perbatasan, tetapi permintaan Kamboja langsung ditolak Thailand.";
        assert_eq!(rejections("id", body), vec![("Thailand".to_string(), "Cambodia".to_string())]);
        let found = rejections("en", "Serbia's demands were quickly rejected by Kosovo on Tuesday.");
        assert_eq!(found, vec![("Kosovo".to_string(), "Serbia".to_string())]);
        let found = rejections("en", "The demands of Serbia were rejected by Kosovo.");
        assert_eq!(found, vec![("Kosovo".to_string(), "Serbia".to_string())]);
        // Refused only in a condition; and a demand noun refused is no demand itself.
        assert!(rejections("en", "If Serbia's demands were rejected by Kosovo, talks would end.").is_empty());
        let run = crate::extract::test_support::demands_in("en", "", "Serbia's demands were rejected by Kosovo.");
        assert!(run.is_empty(), "{run:?}");
    }

    #[test]
    fn not_heeding_a_demand_refuses_it() {
        let body = "Malaysia meminta Singapura menghentikan reklamasi. Singapura tidak mengindahkan permintaan Malaysia.";
        assert_eq!(rejections("id", body), vec![("Singapore".to_string(), "Malaysia".to_string())]);
        let found = rejections("id", "Malaysia meminta Singapura menghentikan reklamasi. Namun, Singapura tidak mau mendengar.");
        assert_eq!(found, vec![("Singapore".to_string(), "Malaysia".to_string())]);
    }

    #[test]
    fn no_demand_no_rejection_of_a_demander() {
        assert!(rejections("en", "NATO rejected the proposal on Monday.").is_empty());
    }
}
