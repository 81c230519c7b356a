//! Tests of wire-style demands on whole short articles: reported obligations and the like.

use crate::article::Article;
use crate::extract::extract;

/// (demander, addressee, action) of a demand.
type Found = (String, String, String);

/// (demander, addressee, action) of every demand in an English article.
fn demands(body: &str) -> Vec<Found> {
    let pack = crate::lang::pack("en").expect("a registered pack");
    let article =
        Article { title: "World".into(), body: body.into(), published: None, source: "test".into(), url: None, external_id: None };
    let x = extract(&article, pack);
    x.demands.iter().map(|d| (x.entities.get(d.by).key.clone(), x.entities.get(d.of).key.clone(), d.action.clone())).collect()
}

fn triples(found: &[Found]) -> Vec<(&str, &str, &str)> {
    found.iter().map(|(b, o, a)| (b.as_str(), o.as_str(), a.as_str())).collect()
}

#[test]
fn an_obligation_attributed_after_a_comma_is_the_speakers_demand() {
    let found = demands(
        "OSLO (Reuters) - Serbia should recognise Kosovo's independence, Norwegian Prime Minister Jonas Gahr Store said on Wednesday.",
    );
    assert_eq!(triples(&found), vec![("Norway", "Serbia", "recognise Kosovo's independence")]);
    let found = demands(
        "Turkish President Tayyip Erdogan met reporters in Istanbul. Israel and Hamas must return to the negotiating table, he said.",
    );
    assert_eq!(
        triples(&found),
        vec![("Turkey", "Israel", "return to the negotiating table"), ("Turkey", "Hamas", "return to the negotiating table")]
    );
}

#[test]
fn a_quoted_obligation_goes_to_the_one_who_said_it() {
    let found = demands("\"North Korea must stop its missile launches at once,\" Japanese Prime Minister Fumio Kishida told parliament.");
    assert_eq!(triples(&found), vec![("Japan", "North Korea", "stop its missile launches at once")]);
}

#[test]
fn an_office_of_a_side_may_be_the_speaker() {
    let found = demands("Canada should stop meddling in China's internal affairs, China's foreign ministry said in a statement.");
    assert_eq!(triples(&found), vec![("China", "Canada", "stop meddling in China's internal affairs")]);
    let found = demands("Venezuela must release the detained opposition figures, a senior U.S. official said.");
    assert_eq!(triples(&found), vec![("United States", "Venezuela", "release the detained opposition figures")]);
}

#[test]
fn no_reported_obligation_without_an_actor_speaking_or_asked_to_act() {
    for body in [
        "Ukraine must be allowed to join the alliance, British Foreign Secretary David Cameron said.",
        "Russia must not be allowed to win, French President Emmanuel Macron said.",
        "Israel should have the right to defend itself, U.S. President Joe Biden said.",
        "Britain must spend more on defence, British Foreign Secretary David Cameron said.",
        "Oil prices should rise further this year, analysts said.",
        "Hungary should drop its veto, Western diplomats said.",
        "Talks between Russia and Ukraine must resume, U.S. President Joe Biden said.",
        "Some say Iran must halt enrichment, U.S. President Joe Biden said.",
        "If talks fail, Iran must face new sanctions, U.S. President Joe Biden said.",
    ] {
        assert!(demands(body).is_empty(), "{body}: {:?}", demands(body));
    }
}

#[test]
fn the_attribution_after_a_demand_is_no_part_of_the_action() {
    let found = demands("Egypt urged Israel to open the Rafah crossing, the foreign ministry said in a statement.");
    assert_eq!(triples(&found), vec![("Egypt", "Israel", "open the Rafah crossing")]);
    let found = demands("U.S. President Joe Biden told Chinese President Xi Jinping to stop arming Russia, a White House official said.");
    assert_eq!(triples(&found), vec![("United States", "China", "stop arming Russia")]);
}

#[test]
fn a_question_or_a_denial_asserts_no_demand() {
    for body in [
        "Will Washington urge Kyiv to accept a ceasefire? Officials declined to say.",
        "Should Berlin press Israel to open more crossings? The coalition is divided.",
        "China denied that it had urged North Korea to conduct more missile tests.",
        "The Kremlin denies that Putin asked Belarus to deploy troops on the border.",
    ] {
        assert!(demands(body).is_empty(), "{body}: {:?}", demands(body));
    }
    // The question ends its own sentence: the demand after it stands.
    let found = demands("What happens next? Qatar urged Hamas to accept the proposal.");
    assert_eq!(triples(&found), vec![("Qatar", "Hamas", "accept the proposal")]);
}

/// (refuser, demander) of every rejection in an English article, and the demands.
fn rejections(body: &str) -> (Vec<(String, String)>, Vec<Found>) {
    let pack = crate::lang::pack("en").expect("a registered pack");
    let article =
        Article { title: "World".into(), body: body.into(), published: None, source: "test".into(), url: None, external_id: None };
    let x = extract(&article, pack);
    let key = |e| x.entities.get(e).key.clone();
    let demander = |r: &crate::extract::Rejected| match *r {
        crate::extract::Rejected::Demand(d) => key(x.demands[d].by),
        crate::extract::Rejected::Actor(a) => key(a),
    };
    let rejected = x.rejections.iter().map(|r| (key(r.by), demander(&r.rejected))).collect();
    (rejected, x.demands.iter().map(|d| (key(d.by), key(d.of), d.action.clone())).collect())
}

#[test]
fn a_side_named_before_the_refused_call_made_it() {
    let (rejected, made) = rejections("China rebuffed U.S. calls to halt its purchases of Iranian oil.");
    assert_eq!(rejected, vec![("China".to_string(), "United States".to_string())]);
    assert_eq!(triples(&made), vec![("United States", "China", "halt its purchases of Iranian oil")]);
    let (rejected, made) = rejections("The Kremlin dismissed Western demands that Moscow pull back its troops.");
    assert_eq!(rejected, vec![("Russia".to_string(), "Western countries".to_string())]);
    assert_eq!(made.len(), 1, "one demand, not one per reading of 'demands': {made:?}");
}

#[test]
fn an_office_of_a_side_may_own_the_refused_call() {
    for body in [
        "Israel dismissed the U.N. chief's call for an immediate ceasefire.",
        "Netanyahu rejected the U.N. secretary-general's call for a humanitarian pause.",
    ] {
        let (rejected, _) = rejections(body);
        assert_eq!(rejected, vec![("Israel".to_string(), "United Nations".to_string())], "{body}");
    }
    // "Both sides need to ...": the verb "need", not a call the sides made.
    let found = demands("\"Both sides need to show restraint,\" Chinese Foreign Minister Wang Yi said after meeting Iran and Israel.");
    assert!(found.iter().all(|(b, _, _)| b == "China"), "{found:?}");
}

#[test]
fn a_participle_after_a_comma_has_the_sentences_subject() {
    let found =
        demands("BERLIN (Reuters) - German Chancellor Olaf Scholz spoke to parliament on Thursday, urging Serbia to recognise Kosovo.");
    assert_eq!(triples(&found), vec![("Germany", "Serbia", "recognise Kosovo")]);
    let found = demands("Qatar hosted the negotiators in Doha, pressing Hamas to accept the latest proposal.");
    assert_eq!(triples(&found), vec![("Qatar", "Hamas", "accept the latest proposal")]);
    for body in [
        "Protesters marched through Tel Aviv, urging Israel to bring the hostages home.",
        "Israel struck targets in Gaza overnight, urging residents to move south.",
        "\"We will not give up,\" Zelenskiy said on Friday, urging allies to send more air defences.",
    ] {
        assert!(demands(body).is_empty(), "{body}: {:?}", demands(body));
    }
}
