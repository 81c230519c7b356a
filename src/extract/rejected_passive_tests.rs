//! Refusals told after what they refuse: in apposition ("…, a suggestion rejected by X") and of
//! a proposal named by its author's compound ("the U.S.-led proposal").

use super::super::rejections::resolve;
use crate::extract::test_support::analysed;
use crate::extract::{demands, Rejected};

/// (rejecter, rejected demander or the demand's demander) of every rejection.
fn rejections(lang: &str, body: &str) -> Vec<(String, String)> {
    let run = analysed(lang, "", body);
    let (found, pending) = demands::extract(&run.context(), &run.sents, &run.table);
    resolve(&run.pack.lexicon.words, pending, &found, &run.table)
        .iter()
        .map(|r| {
            let target = match r.rejected {
                Rejected::Demand(d) => found[d].by,
                Rejected::Actor(a) => a,
            };
            (run.key(r.by).to_string(), run.key(target).to_string())
        })
        .collect()
}

fn row(by: &str, of: &str) -> (String, String) {
    (by.to_string(), of.to_string())
}

#[test]
fn a_refusal_in_apposition_answers_the_clauses_subject() {
    assert_eq!(
        rejections("en", "Ghana proposed a joint border commission last week, a suggestion rejected by Burkina Faso on Monday."),
        vec![row("Burkina Faso", "Ghana")]
    );
    // The participle's agent refuses; the subject refuses nothing.
    assert!(!rejections("en", "Ghana urged Togo to reopen the border, a demand rejected by Lome's rulers.").contains(&row("Ghana", "Togo")));
}

#[test]
fn a_proposal_named_by_its_authors_compound() {
    assert_eq!(rejections("en", "Burkina Faso rejected the Ghanaian-led proposal on Monday."), vec![row("Burkina Faso", "Ghana")]);
    // A brokered text is the broker's only as a go-between: no refusal of it.
    assert!(rejections("en", "Burkina Faso rejected the Ghanaian-brokered proposal on Monday.").is_empty());
}
