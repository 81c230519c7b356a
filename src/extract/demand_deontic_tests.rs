//! Tests of demands told through obligations and of addressees named by the forces they lead.

use crate::extract::test_support::{demands_in, pairs, sorted_pairs};

/// (demander, addressee, action) of every demand in an article.
fn demands(lang: &str, body: &str) -> Vec<(String, String, String)> {
    demands_in(lang, "Berita", body)
}

#[test]
fn forces_led_by_a_side_are_that_side() {
    let found = demands("id", "Pemerintah Kuwait mendesak seluruh pasukan pimpinan Inggris untuk keluar dari wilayahnya.");
    assert_eq!(pairs(&found), vec![("Kuwait", "United Kingdom")]);
    let found = demands("id", "Mali meminta pasukan Prancis meninggalkan negara itu secepatnya.");
    assert_eq!(pairs(&found), vec![("Mali", "France")]);
    // A quantifier alone ("seluruh negara") names no side.
    assert!(demands("id", "Kuwait mendesak seluruh negara untuk menahan diri.").is_empty());
}

#[test]
fn an_indonesian_obligation_in_a_quote_is_the_speakers_demand() {
    let found = demands("id", "\"Serbia harus mengakui kemerdekaan Kosovo,\" kata Perdana Menteri Norwegia Jonas Gahr Store.");
    assert_eq!(pairs(&found), vec![("Norway", "Serbia")]);
    assert_eq!(found[0].2, "mengakui kemerdekaan Kosovo");
    // The speaker of the quotation before, named by "tambahnya".
    let found = demands(
        "id",
        "Menlu Jerman Annalena Baerbock tiba di Kairo. \"Perundingan harus dilanjutkan,\" katanya. \
         \"Hamas dan Israel harus kembali ke meja perundingan,\" tambahnya.",
    );
    assert_eq!(sorted_pairs(&found), vec![("Germany", "Hamas"), ("Germany", "Israel")]);
    // A passive obligation puts no action on its subject.
    assert!(demands("id", "\"Serbia harus dihukum,\" kata Perdana Menteri Norwegia Jonas Gahr Store.").is_empty());
}

#[test]
fn a_side_obliged_to_demand_demands_nothing_yet() {
    // The quotation's speaker asks the obliged side; the side itself has asked no one.
    let found = demands(
        "id",
        "\"Uni Eropa harus bersatu mendesak Serbia menghentikan provokasi,\" kata Perdana Menteri Norwegia Jonas Gahr Store.",
    );
    assert_eq!(pairs(&found), vec![("Norway", "European Union")]);
    // With no side obliged ("dunia mesti"), the demand stays the speaker's.
    let found = demands("id", "Norwegia menyatakan dunia mesti terus menekan Serbia agar menghentikan provokasi.");
    assert_eq!(pairs(&found), vec![("Norway", "Serbia")]);
}

#[test]
fn an_action_opening_with_a_short_quotation_goes_on_after_it() {
    let found = demands("id", "Kuwait mendesak Irak \"menghentikan dan menarik\" semua pasukannya dari perbatasan.");
    assert_eq!(found[0].2, "\"menghentikan dan menarik\" semua pasukannya dari perbatasan");
    // A quotation with a full stop in it is no fragment of the action.
    let found = demands("id", "Kuwait mendesak Irak \"menarik pasukannya. Perbatasan harus dibuka\" dan membebaskan tawanan.");
    assert!(found.iter().all(|d| !d.2.contains("membebaskan")), "{found:?}");
}

#[test]
fn a_stray_quotation_mark_does_not_quote_the_rest_of_the_sentence() {
    // Three marks: the one glued to "syarat," closes; "mendesak" stays outside any quotation.
    let found = demands(
        "id",
        "Dewan Keamanan PBB menyatakan \"dukungan kuat\" bagi gencatan senjata tanpa syarat,\" dan mendesak Israel menarik pasukannya.",
    );
    assert_eq!(pairs(&found), vec![("UN Security Council", "Israel")]);
}

#[test]
fn an_obligation_in_reported_speech_is_the_speakers_demand() {
    let found = demands("id", "Presiden Turki Recep Tayyip Erdogan mengatakan Swedia harus mengubah undang-undang antiterorismenya.");
    assert_eq!(pairs(&found), vec![("Turkey", "Sweden")]);
    assert_eq!(found[0].2, "mengubah undang-undang antiterorismenya");
    let found = demands("id", "Menlu Retno Marsudi menegaskan bahwa Myanmar tidak punya pilihan lain selain membebaskan para tahanan.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Myanmar")]);
    let found = demands("en", "Turkish President Recep Tayyip Erdogan said Sweden has to change its anti-terror laws.");
    assert_eq!(pairs(&found), vec![("Turkey", "Sweden")]);
    assert_eq!(found[0].2, "change its anti-terror laws");
    let found = demands("en", "Iran's foreign minister said that Washington has no choice but to lift the sanctions.");
    assert_eq!(pairs(&found), vec![("Iran", "United States")]);
}

#[test]
fn no_demand_in_reported_speech_on_the_speakers_own_side_a_passive_or_a_condition() {
    assert!(demands("id", "Presiden Turki Recep Tayyip Erdogan mengatakan Turki harus tetap waspada.").is_empty());
    assert!(demands("id", "Presiden Turki Recep Tayyip Erdogan mengatakan Swedia harus dihukum.").is_empty());
    assert!(demands("en", "Turkish President Recep Tayyip Erdogan said Sweden must be held accountable.").is_empty());
    assert!(demands("id", "Menlu Retno Marsudi mengatakan jika Myanmar harus menghentikan kekerasan, ASEAN akan membantu.").is_empty());
}
