//! Refusals told after what they refuse: in apposition ("…, a suggestion rejected by X") and of
//! a proposal named by its author's compound ("the U.S.-led proposal").

use crate::extract::test_support::rejections_in as rejections;

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
