//! Tests of the regions stage: statuses, their regions and the sides controlling or claiming them.

use super::extract;
use crate::extract::test_support::analysed;

/// (region, status, controlled or claimed by, rule) of every status in a text.
fn statuses(lang: &str, body: &str) -> Vec<(String, &'static str, String, &'static str)> {
    let run = analysed(lang, "", body);
    let side = |e: Option<usize>| e.map(|e| run.key(e).to_string()).unwrap_or_default();
    extract(&run.context(), &run.sents, &run.table)
        .iter()
        .map(|r| (run.key(r.region).to_string(), r.status.names().gold, side(r.controlled_by.or(r.claimed_by)), r.evidence.rule))
        .collect()
}

/// The statuses the text tells (without those the gazetteer gives a territory states dispute).
fn told(lang: &str, body: &str) -> Vec<(String, &'static str, String, &'static str)> {
    statuses(lang, body).into_iter().filter(|f| f.3 != "region.known-contested").collect()
}

#[test]
fn a_cue_inside_the_regions_name() {
    let found = statuses("id", "PBB mengecam pembangunan permukiman di wilayah Palestina yang diduduki Israel.");
    assert_eq!(found, vec![("Palestinian territories".into(), "occupied", "Israel".into(), "region.in-name")]);
    let found = statuses("en", "Aid convoys reached the Occupied Palestinian Territories on Monday.");
    assert_eq!(found, vec![("Palestinian territories".into(), "occupied", String::new(), "region.in-name")]);
}

#[test]
fn a_claim_with_a_relative_clause_before_the_place() {
    let found = statuses("id", "Ketegangan meningkat akibat klaim China yang tumpang tindih di kawasan Laut China Selatan.");
    assert_eq!(found, vec![("South China Sea".into(), "contested", "China".into(), "region.contested")]);
}

#[test]
fn a_claimant_is_not_the_contested_region() {
    let found = statuses("id", "Brunei, Malaysia dan Taiwan juga memiliki klaim atas sebagian perairan itu.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn forces_based_in_a_country() {
    let found = statuses("id", "Sekitar 900 pasukan Amerika Serikat berbasis di Suriah timur laut.");
    assert_eq!(found, vec![("Syria".into(), "foreign-military-presence", String::new(), "region.troops")]);
}

#[test]
fn a_region_named_with_its_noun_heads_a_list() {
    let found = statuses("id", "Rusia mencaplok wilayah Donetsk, Luhansk dan Kherson.");
    let regions: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(regions, vec!["Donetsk Oblast", "Luhansk", "Kherson"]);
    assert!(found.iter().all(|f| f.1 == "annexed" && f.2 == "Russia"));
}

#[test]
fn counted_regions_listed_after_a_dash_or_colon() {
    let found = statuses("id", "Moskow mengakui dua wilayah yang memisahkan diri di Georgia - Abkhazia dan Ossetia Selatan.");
    let regions: Vec<(&str, &str)> = found.iter().map(|f| (f.0.as_str(), f.1)).collect();
    assert_eq!(regions, vec![("Abkhazia", "breakaway"), ("South Ossetia", "breakaway")]);
    let found = statuses("en", "Moscow recognised two breakaway regions of Georgia: Abkhazia and South Ossetia.");
    assert_eq!(found.len(), 2);
    // No counted region noun before the cue: the names after the dash are not its regions.
    assert!(told("en", "Georgia lost a breakaway war in 2008 - Abkhazia and South Ossetia held elections.").is_empty());
    assert!(told("en", "Two ministers resigned over the breakaway movement - Abkhazia and South Ossetia held elections.").is_empty());
}

#[test]
fn a_conflict_or_row_over_a_region_contests_it() {
    let found = statuses("en", "Decades of conflict over Nagorno-Karabakh have cost thousands of lives.");
    assert_eq!(found.iter().map(|f| (f.0.as_str(), f.1)).collect::<Vec<_>>(), vec![("Nagorno-Karabakh", "contested")]);
    let found = statuses("id", "Perselisihan atas Essequibo kembali memanas pekan ini.");
    assert_eq!(found.iter().map(|f| (f.0.as_str(), f.1)).collect::<Vec<_>>(), vec![("Essequibo", "contested")]);
    // A conflict *in* a region says nothing of who owns it.
    assert!(told("en", "Fighting flared in the conflict in Nagorno-Karabakh.").is_empty());
}

#[test]
fn a_claim_reaches_a_disputed_region_later_in_its_clause() {
    let found = statuses("en", "Beijing claims almost all of the waters and reefs of the South China Sea.");
    assert_eq!(found, vec![("South China Sea".into(), "contested", "China".into(), "region.contested")]);
    let found = statuses("id", "Caracas dan Georgetown sudah lama terlibat perebutan atas wilayah Essequibo.");
    assert_eq!(found.iter().map(|f| (f.0.as_str(), f.1)).collect::<Vec<_>>(), vec![("Essequibo", "contested")]);
    // Not past a comma, and not a region the gazetteer does not call disputed.
    assert!(told("en", "China claims most of the catch, and Vietnam patrols near the Spratly Islands.").is_empty());
    assert!(statuses("en", "The company claims a record harvest in the Mekong Delta this year.").is_empty());
}

#[test]
fn a_plural_claim_contests_the_region() {
    let found = statuses("en", "India and Pakistan both claim Kashmir in full.");
    assert_eq!(found.iter().map(|f| (f.0.as_str(), f.1)).collect::<Vec<_>>(), vec![("Kashmir", "contested")]);
    assert!(statuses("en", "The claim was rejected by New Delhi on Monday.").is_empty());
}

#[test]
fn a_territory_states_dispute_is_contested_when_named_with_no_status_told() {
    let found = statuses("id", "Kedua menteri membahas kerja sama maritim di Laut China Selatan dan Selat Malaka.");
    assert_eq!(found, vec![("South China Sea".into(), "contested", String::new(), "region.known-contested")]);
    let found = statuses("en", "The envoy travelled to Pristina, where Kosovo's prime minister hosted the talks.");
    assert_eq!(found, vec![("Kosovo".into(), "contested", String::new(), "region.known-contested")]);
}

#[test]
fn a_told_status_stands_alone_and_other_places_stay_plain() {
    // The text's own status is kept; no second, default one is added.
    let found = statuses("en", "Russia annexed Crimea in 2014. Ukraine still demands the return of Crimea.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1), ("Crimea", "annexed"));
    // Named places whose status the gazetteer does not settle: no status.
    assert!(statuses("en", "Aid trucks entered Gaza as ministers met in Taipei to discuss Taiwan's trade.").is_empty());
    assert!(statuses("id", "Presiden bertemu warga di Papua dan Jawa Barat.").is_empty());
}

#[test]
fn a_state_counting_a_place_as_its_own_territory_contests_it() {
    let found = told("id", "Beijing, yang memandang Taiwan sebagai wilayahnya, menggelar latihan militer.");
    assert_eq!(found.iter().map(|f| (f.0.as_str(), f.1)).collect::<Vec<_>>(), vec![("Taiwan", "contested")]);
    let found = told("en", "Moscow regards Crimea as part of its territory.");
    assert_eq!(found.iter().map(|f| (f.0.as_str(), f.1)).collect::<Vec<_>>(), vec![("Crimea", "contested")]);
    // A place that is no region: nothing.
    assert!(told("id", "Pemerintah daerah menganggap hutan itu sebagai bagian dari wilayahnya.").is_empty());
}

#[test]
fn a_sides_own_forces_staying_at_places_within_a_region() {
    let found = told("id", "Militer Rusia menyatakan pasukannya akan tetap berada di tiga pos di Abkhazia setelah tenggat itu.");
    assert_eq!(found, vec![("Abkhazia".into(), "foreign-military-presence", String::new(), "region.troops")]);
    // Its forces with no verb of placing ("agresi militernya di Gaza") are no presence.
    assert!(told("id", "Turki mendesak Rusia menghentikan serangan pasukannya di Abkhazia.").is_empty());
}
