//! Demands in the shapes real news uses beside "X urged Y to …" (round 7 of the real-news
//! work): hopes and wants, a demand noun with a plain word before "agar", "call on X to",
//! an obligation on a party's troops or government, and addressees named through a group
//! word, a capital-like city or a party's own body.

use crate::extract::test_support::{demands_in, pairs, sorted_pairs};

#[test]
fn hopes_and_wants_with_an_addressee_ask() {
    let found = demands_in("id", "", "Indonesia berharap Myanmar dapat segera memulihkan keamanan di Rakhine.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Myanmar")]);
    assert_eq!(found[0].2, "segera memulihkan keamanan di Rakhine");
    let found = demands_in("id", "", "Uni Eropa menginginkan Belarus menggelar pemilihan presiden ulang.");
    assert_eq!(pairs(&found), vec![("European Union", "Belarus")]);
    let found = demands_in("en", "", "ASEAN wants Myanmar's military, which ousted the elected government, to honour the peace plan.");
    assert_eq!(pairs(&found), vec![("ASEAN", "Myanmar")]);
    assert_eq!(found[0].2, "honour the peace plan");
}

#[test]
fn hopes_without_a_party_asked_are_no_demand() {
    assert!(demands_in("id", "", "Presiden Joko Widodo berharap hubungan kedua negara semakin erat.").is_empty());
    assert!(demands_in("id", "", "Indonesia berharap dapat menjadi anggota tidak tetap Dewan Keamanan PBB.").is_empty());
    assert!(demands_in("en", "", "Ukraine wants to join NATO as soon as the war ends.").is_empty());
    let found = demands_in("id", "", "Menlu Retno menyampaikan harapan agar hubungan kedua negara terus membaik.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_plain_word_between_the_demand_noun_and_agar() {
    let body =
        "Dalam pertemuan itu, Menlu Retno juga menyampaikan harapan pemerintah agar Myanmar bisa segera mengakhiri kekerasan di Rakhine.";
    let found = demands_in("id", "", body);
    assert_eq!(pairs(&found), vec![("Indonesia", "Myanmar")]);
    assert_eq!(found[0].2, "segera mengakhiri kekerasan di Rakhine");
    let found = demands_in("id", "", "Rusia menyampaikan tuntutan resmi agar NATO menarik pasukannya dari Rumania.");
    assert_eq!(pairs(&found), vec![("Russia", "NATO")]);
}

#[test]
fn a_call_on_a_party_to_act() {
    let body = "\"Once more I call on the military authorities of Myanmar to let the detained leaders go,\" Guterres said.";
    let found = demands_in("en", "", body);
    assert_eq!(pairs(&found), vec![("United Nations", "Myanmar")]);
    assert_eq!(found[0].2, "let the detained leaders go");
    let found = demands_in("en", "", "Russia renewed its call on NATO to halt its expansion to the east.");
    assert_eq!(pairs(&found), vec![("Russia", "NATO")]);
}

#[test]
fn an_obligation_on_a_partys_troops_or_government() {
    let found = demands_in("id", "", "Menlu Sergei Lavrov menyatakan bahwa pasukan Ukraina harus ditarik dari Kursk.");
    assert_eq!(pairs(&found), vec![("Russia", "Ukraine")]);
    let found = demands_in("en", "", "Putin said Ukraine's troops must withdraw from Kherson.");
    assert_eq!(pairs(&found), vec![("Russia", "Ukraine")]);
    let found =
        demands_in("en", "", "China's foreign ministry said the Australian government should end its discrimination of Chinese firms.");
    assert_eq!(pairs(&found), vec![("China", "Australia")]);
    let body =
        "Beijing's foreign ministry gave no details, but said \"the Australian government should stop its discriminatory measures\".";
    assert_eq!(pairs(&demands_in("en", "", body)), vec![("China", "Australia")]);
}

#[test]
fn a_passive_on_a_party_itself_asks_nothing_of_it() {
    assert!(demands_in("id", "", "Presiden Joko Widodo menegaskan bahwa Israel harus dihukum.").is_empty());
    assert!(demands_in("en", "", "Biden said Russia's leaders must be held accountable.").is_empty());
}

#[test]
fn addressees_named_through_a_group_word_or_a_city() {
    let found = demands_in("id", "", "Kinshasa mendesak kelompok M23 dan pasukan Rwanda meninggalkan Bukavu.");
    assert_eq!(sorted_pairs(&found), vec![("Democratic Republic of the Congo", "M23"), ("Democratic Republic of the Congo", "Rwanda")]);
    let found = demands_in("en", "", "The United States urged Tel Aviv and Tehran to exhibit restraint.");
    assert_eq!(sorted_pairs(&found), vec![("United States", "Iran"), ("United States", "Israel")]);
}

#[test]
fn demanders_in_news_spelling() {
    // Acronyms in title case, a verb form, an abbreviated title that looks like a verb.
    let found = demands_in("id", "", "Para pemimpin Ecowas menyeru agar junta Guinea segera menyerahkan kekuasaan kepada sipil.");
    assert_eq!(pairs(&found), vec![("ECOWAS", "Guinea")]);
    let found = demands_in("id", "", "Menlu Retno juga menyampaikan permintaan agar Myanmar menghentikan kekerasan.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Myanmar")]);
    let found = demands_in(
        "en",
        "",
        "ECOWAS leaders met in Accra on Sunday. The 15-nation bloc urged Mali's military to stage elections within 16 months.",
    );
    assert_eq!(pairs(&found), vec![("ECOWAS", "Mali")]);
    let found =
        demands_in("en", "", "Sviatlana Tsikhanouskaya, the Belarusian opposition leader, asked EU governments to tighten the sanctions.");
    assert_eq!(pairs(&found), vec![("Belarusian opposition", "European Union")]);
}

#[test]
fn the_actor_after_an_agent_noun_is_asked() {
    let found = demands_in("id", "", "Malaysia menyerukan penghentian serangan Israel ke kamp pengungsi.");
    assert_eq!(pairs(&found), vec![("Malaysia", "Israel")]);
    let body = "Dewan Keamanan PBB menyerukan penghentian permusuhan dan penarikan Israel dari wilayah Suriah.";
    assert_eq!(pairs(&demands_in("id", "", body)), vec![("UN Security Council", "Israel")]);
    // The attacked, the freed and a place are not who is to act.
    assert!(demands_in("id", "", "Indonesia menyerukan penghentian serangan terhadap Israel.").is_empty());
    assert!(demands_in("id", "", "Indonesia mendesak pembebasan warga Indonesia yang disandera.").is_empty());
}

#[test]
fn a_party_asked_to_call_for_something_passes_the_demand_on() {
    let body = "Menlu Retno mengajak Norwegia menyerukan penghentian serangan Israel ke rumah sakit di Gaza.";
    let found = demands_in("id", "", body);
    assert_eq!(sorted_pairs(&found), vec![("Indonesia", "Israel"), ("Indonesia", "Norway")]);
    let found = demands_in("id", "", "Amerika Serikat ingin Iran mengizinkan inspeksi IAEA.");
    assert_eq!(pairs(&found), vec![("United States", "Iran")]);
}

/// The refusals the demands stage reads in an article (before they are matched to demands).
fn refusals(body: &str) -> usize {
    let run = crate::extract::test_support::analysed("id", "", body);
    crate::extract::demands::extract(&run.context(), &run.sents, &run.table).1.len()
}

#[test]
fn denying_is_a_refusal_only_of_a_named_demand() {
    assert_eq!(refusals("Kongo mendesak Rwanda menarik pasukannya. Rwanda membantah tuntutan itu."), 1);
    assert_eq!(refusals("Kongo mendesak Rwanda menarik pasukannya. Rwanda membantah keterlibatannya dalam mendukung M23."), 0);
    assert_eq!(refusals("Kongo mendesak Rwanda menarik pasukannya. Rwanda menolak permintaan itu."), 1);
}

#[test]
fn a_name_in_a_compound_modifier_is_not_the_addressee() {
    let found = demands_in("en", "", "Serbia urged the NATO-led Kosovo Force (KFOR) to protect Serb villages near Zubin Potok.");
    assert_eq!(pairs(&found), vec![("Serbia", "KFOR")]);
    assert_eq!(found[0].2, "protect Serb villages near Zubin Potok");
    let found = demands_in("en", "", "Saudi Arabia urged the Iran-backed Houthis to stop their attacks on shipping.");
    assert_eq!(pairs(&found), vec![("Saudi Arabia", "Houthis")]);
}

#[test]
fn it_is_necessary_for_a_party_to_act() {
    let found = demands_in("en", "", "Moldova's president said it was necessary for Russia to pull its soldiers out of Transnistria.");
    assert_eq!(pairs(&found), vec![("Moldova", "Russia")]);
    assert!(demands_in("en", "", "Analysts said it is necessary for the economy to grow faster.").is_empty());
}

#[test]
fn an_office_before_the_party_asked() {
    let found = demands_in("id", "", "Vietnam menuntut penjelasan dari duta besar Cina soal kapal survei di Teluk Tonkin.");
    assert_eq!(pairs(&found), vec![("Vietnam", "China")]);
    let found = demands_in("id", "", "Indonesia meminta kedutaan besar Australia menjelaskan laporan penyadapan itu.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Australia")]);
    // A name that opens with such a word stays whole.
    let found = demands_in("id", "", "Taipei meminta otoritas Negeri Tirai Bambu menghentikan latihan militer di sekitar pulau itu.");
    assert_eq!(pairs(&found), vec![("Taiwan", "China")]);
}

#[test]
fn a_group_of_two_named_by_a_number_is_both() {
    let body = "The United States and NATO have rejected the demands. Moscow also asked the two allies to pull their missiles out of Eastern Europe.";
    assert_eq!(sorted_pairs(&demands_in("en", "", body)), vec![("Russia", "NATO"), ("Russia", "United States")]);
}

#[test]
fn the_warring_parties_are_the_sides_of_the_conflict() {
    let body =
        "Fighting between the Sudanese army and the RSF continued. The United States urged the warring parties to agree a ceasefire.";
    let found = demands_in("en", "", body);
    assert_eq!(sorted_pairs(&found), vec![("United States", "Rapid Support Forces"), ("United States", "Sudanese Armed Forces")]);
}

#[test]
fn more_words_of_saying_name_the_speaker() {
    let body = "Guterres spoke in Geneva on Monday. \"I call on Russia to withdraw its troops,\" he remarked.";
    assert_eq!(pairs(&demands_in("en", "", body)), vec![("United Nations", "Russia")]);
    let body = "Retno tiba di Jenewa. \"Kami mendesak Israel menghentikan serangan,\" pungkasnya.";
    assert_eq!(pairs(&demands_in("id", "", body)), vec![("Indonesia", "Israel")]);
}

#[test]
fn a_bare_title_names_the_official_met_before() {
    let body = "Menlu Retno Marsudi tiba di Beijing pada Senin. Dalam pertemuan itu, Menlu juga meminta China menghormati hukum laut.";
    assert_eq!(pairs(&demands_in("id", "", body)), vec![("Indonesia", "China")]);
    // A title before a name is that person's.
    let body = "Menlu Retno Marsudi tiba di Beijing. Menlu China Wang Yi meminta Indonesia menghormati klaimnya.";
    assert_eq!(pairs(&demands_in("id", "", body)), vec![("China", "Indonesia")]);
}

#[test]
fn a_demand_participle_after_an_auxiliary_is_the_verb() {
    assert_eq!(
        pairs(&demands_in("en", "", "The EU is urging Serbia to normalise relations with Kosovo.")),
        vec![("European Union", "Serbia")]
    );
    assert_eq!(pairs(&demands_in("en", "", "The EU has been pressing Serbia to normalise relations.")), vec![("European Union", "Serbia")]);
    assert_eq!(pairs(&demands_in("en", "", "Turkey said Sweden needed to do more against militants.")), vec![("Turkey", "Sweden")]);
    // Not negated, and no party asked.
    assert!(demands_in("en", "", "The EU is not urging Serbia to recognise Kosovo.").is_empty());
    assert!(demands_in("en", "", "Protesters in Belgrade were demanding justice.").is_empty());
}

#[test]
fn insisting_asks_through_agar_not_bahwa() {
    let found = demands_in("id", "", "China bersikeras agar AS menghentikan penjualan senjata ke Taiwan.");
    assert_eq!(pairs(&found), vec![("China", "United States")]);
    assert!(demands_in("id", "", "China bersikeras bahwa Taiwan adalah bagian wilayahnya.").is_empty());
}

#[test]
fn a_courtesy_call_is_no_call_on_a_party() {
    let body = "Wang Yi arrived in Jakarta on Tuesday. He paid a courtesy call on President Prabowo Subianto before lunch.";
    assert!(demands_in("en", "", body).is_empty());
    let body = "Guterres spoke in Geneva. He renewed his call on Russia to withdraw its troops.";
    assert_eq!(pairs(&demands_in("en", "", body)), vec![("United Nations", "Russia")]);
}

#[test]
fn talks_asked_for_with_a_party_ask_that_party() {
    let found = demands_in("id", "", "Kanada akan meminta konsultasi resmi dengan India soal tarif kacang-kacangan.");
    assert_eq!(pairs(&found), vec![("Canada", "India")]);
    assert_eq!(pairs(&demands_in("en", "", "Kyiv demanded direct negotiations with Moscow.")), vec![("Ukraine", "Russia")]);
    // Encouraging talks asks no one; talks with no party named ask no one.
    assert!(demands_in("id", "", "Presiden Joko Widodo mendorong dialog dengan Taliban.").is_empty());
    assert!(demands_in("en", "", "Japan called for talks with all parties concerned.").is_empty());
}

#[test]
fn a_partys_opponents_are_not_the_party() {
    assert!(demands_in("en", "", "Washington urged Syria's rebels to join the talks in Geneva.").is_empty());
    assert!(demands_in("en", "", "The UN envoy appealed for Syria's divided opposition to attend the conference.").is_empty());
    assert_eq!(pairs(&demands_in("en", "", "Washington urged Syria's government to join the talks.")), vec![("United States", "Syria")]);
}

#[test]
fn a_body_in_a_place_is_the_places_side() {
    let found = demands_in("en", "", "ECOWAS urged the transitional government in Mali to return the country to constitutional rule.");
    assert_eq!(pairs(&found), vec![("ECOWAS", "Mali")]);
    assert_eq!(found[0].2, "return the country to constitutional rule");
    let found = demands_in("id", "", "PBB mendesak otoritas di Myanmar membebaskan tahanan politik.");
    assert_eq!(pairs(&found), vec![("United Nations", "Myanmar")]);
    let found = demands_in("id", "", "ECOWAS mendesak pemerintah transisi di Mali untuk segera menggelar pemilu.");
    assert_eq!(pairs(&found), vec![("ECOWAS", "Mali")]);
    // A verb after the head is no modifier: the place is where they met, not who is asked.
    let found = demands_in("en", "", "The government met in Geneva on Monday and urged calm.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn directing_a_party_to_act_and_a_bare_withdrawal_ask() {
    let found = demands_in("en", "", "ECOWAS has directed the junta in Guinea to publish an election timetable.");
    assert_eq!(pairs(&found), vec![("ECOWAS", "Guinea")]);
    assert!(demands_in("en", "", "The documentary was directed by a Kenyan film-maker.").is_empty());
    let found = demands_in("en", "", "Moldova's president is demanding withdrawal of Russian troops from Transnistria.");
    assert_eq!(pairs(&found), vec![("Moldova", "Russia")]);
    let found = demands_in("en", "", "Yerevan urged Baku to free the detained soldiers.");
    assert_eq!(pairs(&found), vec![("Armenia", "Azerbaijan")]);
}

#[test]
fn a_want_that_a_party_not_act_keeps_its_negation() {
    let found = demands_in("id", "", "Moskow ingin Georgia tak bergabung dengan aliansi militer Barat.");
    assert_eq!(pairs(&found), vec![("Russia", "Georgia")]);
    assert_eq!(found[0].2, "tak bergabung dengan aliansi militer Barat");
    // No party wanted to act: none.
    assert!(demands_in("id", "", "Presiden ingin rakyat tidak panik menghadapi kenaikan harga.").is_empty());
}

#[test]
fn an_obligation_told_as_a_noun_phrase_asks() {
    let found = demands_in("id", "", "Menlu Retno Marsudi mengatakan Malaysia memiliki kewajiban untuk melindungi pekerja migran.");
    assert_eq!(pairs(&found), vec![("Indonesia", "Malaysia")]);
    assert_eq!(found[0].2, "melindungi pekerja migran");
    let found = demands_in("en", "", "Foreign Minister Penny Wong said Fiji is obliged to return the seized vessel.");
    assert_eq!(pairs(&found), vec![("Australia", "Fiji")]);
}

#[test]
fn participles_after_a_comma_and_base_forms_after_will() {
    let found = demands_in("en", "", "The EU issued a statement on Monday, urging Serbia to withdraw its police from the north.");
    assert_eq!(pairs(&found), vec![("European Union", "Serbia")]);
    let found = demands_in("en", "", "Japan protested on Tuesday, demanding that China remove the buoy from its waters.");
    assert_eq!(pairs(&found), vec![("Japan", "China")]);
    assert_eq!(found[0].2, "remove the buoy from its waters");
    let found = demands_in("en", "", "India will ask China to honour the disengagement deal.");
    assert_eq!(pairs(&found), vec![("India", "China")]);
    let found = demands_in("en", "", "France pressured Israel to allow more aid trucks into Gaza.");
    assert_eq!(pairs(&found), vec![("France", "Israel")]);
    // No party asked: nothing.
    assert!(demands_in("en", "", "Japan protested on Tuesday, demanding that the buoy be removed.").is_empty());
    assert!(demands_in("en", "", "The press conference in Paris ended after an hour.").is_empty());
}

#[test]
fn a_call_for_an_end_to_violence_in_a_country_asks_that_country() {
    let found = demands_in("id", "", "Malaysia menyerukan penghentian kekerasan di Myanmar.");
    assert_eq!(pairs(&found), vec![("Malaysia", "Myanmar")]);
    let found = demands_in("en", "", "Japan called for an immediate end to the violence in Myanmar.");
    assert_eq!(pairs(&found), vec![("Japan", "Myanmar")]);
    // A party named in the object is the one asked, not the place; a place that is no country asks no one.
    let found = demands_in("id", "", "Koalisi Saudi menyerukan gencatan senjata dengan Houthi di Yaman.");
    assert!(found.iter().all(|f| f.1 != "Yemen"), "{found:?}");
    assert!(demands_in("en", "", "Japan called for an immediate end to the violence in Rakhine.").is_empty());
}

#[test]
fn demanded_from_a_party_to_act() {
    let found = demands_in("en", "", "Peru demanded from Chile to hand over the fugitive banker without delay.");
    assert_eq!(pairs(&found), vec![("Peru", "Chile")]);
    assert_eq!(found[0].2, "hand over the fugitive banker without delay");
    // Pressure from a party: that party asks, not the one named after "from".
    let found = demands_in("en", "", "Serbia faces pressure from the European Union to recognise the border.");
    assert!(!pairs(&found).contains(&("Serbia", "European Union")), "{found:?}");
}

#[test]
fn a_resolution_asks_for_the_body_that_adopted_it() {
    let body = "The Security Council on Monday adopted a resolution on Haiti. The resolution urges Haiti to hold elections within a year.";
    let found = demands_in("en", "", body);
    assert_eq!(pairs(&found), vec![("UN Security Council", "Haiti")]);
    let body = "Dewan Keamanan PBB mengesahkan resolusi soal Yaman. Resolusi itu mendesak Houthi menghentikan serangan di Laut Merah.";
    let found = demands_in("id", "", body);
    assert_eq!(pairs(&found), vec![("UN Security Council", "Houthis")]);
}

#[test]
fn telling_a_party_that_something_is_so_asks_nothing() {
    let found = demands_in("en", "", "Kenya's president told the Security Council that his country faced a grave threat.");
    assert!(found.is_empty(), "{found:?}");
    // An obligation in the clause asks.
    let found = demands_in("en", "", "Hungary told Serbia that it must reopen the border crossing.");
    assert_eq!(pairs(&found), vec![("Hungary", "Serbia")]);
}

#[test]
fn a_bodys_members_are_not_the_body() {
    let found = demands_in("en", "", "Kenya called on UN member states to fund the mission in Haiti.");
    assert!(found.is_empty(), "{found:?}");
    let found = demands_in("en", "", "Kenya called on the UN to fund the mission in Haiti.");
    assert_eq!(pairs(&found), vec![("Kenya", "United Nations")]);
}

#[test]
fn the_party_to_act_may_come_late_in_a_long_object() {
    let body =
        "India demanded the restoration of the status quo ante as well as the immediate withdrawal of Chinese troops from the valley.";
    let found = demands_in("en", "", body);
    assert_eq!(pairs(&found), vec![("India", "China")]);
}

#[test]
fn a_call_conveyed_to_a_party_asks_it() {
    let found = demands_in("id", "", "Malaysia menyampaikan seruan kepada junta Myanmar untuk membebaskan tahanan politik.");
    assert_eq!(pairs(&found), vec![("Malaysia", "Myanmar")]);
    assert_eq!(found[0].2, "membebaskan tahanan politik");
    let found = demands_in("en", "", "Norway issued a call on the Taliban to reopen girls' schools.");
    assert_eq!(pairs(&found), vec![("Norway", "Taliban")]);
    // A call to someone with nothing asked of them.
    assert!(demands_in("id", "", "Malaysia menyampaikan seruan kepada Myanmar kemarin.").is_empty());
}

#[test]
fn coordinated_officials_named_after_their_sides_are_each_asked() {
    let body = "Guterres urged Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky to agree a ceasefire.";
    assert_eq!(sorted_pairs(&demands_in("en", "", body)), vec![("United Nations", "Russia"), ("United Nations", "Ukraine")]);
}

#[test]
fn an_extradition_requested_from_a_party_asks_it() {
    let found = demands_in("en", "", "Brazil requested the extradition of former minister Joao Silva from Portugal.");
    assert_eq!(pairs(&found), vec![("Brazil", "Portugal")]);
    let found = demands_in("id", "", "Malaysia meminta ekstradisi buronan Ahmad Zaki dari Thailand.");
    assert_eq!(pairs(&found), vec![("Malaysia", "Thailand")]);
    // A return welcomed asks nothing.
    assert!(demands_in("en", "", "Brazil welcomed the return of its ambassador from Portugal.").is_empty());
}

#[test]
fn a_passive_ask_in_a_quote_is_the_speakers() {
    let found = demands_in("en", "", "\"Kenya is urged to reopen the border crossing,\" Uganda's foreign minister said.");
    assert_eq!(pairs(&found), vec![("Uganda", "Kenya")]);
    assert_eq!(found[0].2, "reopen the border crossing");
    // Outside a quote, with no agent, nobody is named as asking.
    assert!(demands_in("en", "", "Kenya is urged to reopen the border crossing.").is_empty());
}

#[test]
fn the_object_of_a_verbs_with_is_not_the_subject() {
    let body =
        "Presiden Chile Gabriel Boric saat berbicara dengan Presiden Peru Dina Boluarte menegaskan bahwa Bolivia harus membuka perbatasan.";
    let found = demands_in("id", "", body);
    assert_eq!(pairs(&found), vec![("Chile", "Bolivia")]);
    // "X bersama Y": no verb before the joiner, both ask.
    let found = demands_in("id", "", "Chile bersama Peru mendesak Bolivia membuka perbatasan.");
    assert!(pairs(&found).contains(&("Peru", "Bolivia")), "{found:?}");
}
