//! Tests of who is asked when the demanded thing is a noun: the sides "between" whom it is to happen.

use crate::article::Article;
use crate::extract::extract;

/// (demander, addressee) of every demand in an article, sorted.
fn pairs(lang: &str, body: &str) -> Vec<(String, String)> {
    let pack = crate::lang::pack(lang).expect("a registered pack");
    let article =
        Article { title: "Berita".into(), body: body.into(), published: None, source: "test".into(), url: None, external_id: None };
    let x = extract(&article, pack);
    let mut p: Vec<(String, String)> =
        x.demands.iter().map(|d| (x.entities.get(d.by).key.clone(), x.entities.get(d.of).key.clone())).collect();
    p.sort();
    p
}

fn owned(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn a_ceasefire_between_two_sides_is_asked_of_both() {
    assert_eq!(
        pairs("id", "Presiden Prancis Emmanuel Macron menyerukan gencatan senjata antara Armenia dan Azerbaijan."),
        owned(&[("France", "Armenia"), ("France", "Azerbaijan")])
    );
    assert_eq!(pairs("en", "Qatar called for talks between Israel and Hamas."), owned(&[("Qatar", "Hamas"), ("Qatar", "Israel")]));
    // "dengan" (with) names a partner, not those asked; a side of the demander's own is no addressee.
    assert!(pairs("id", "Presiden Prancis Emmanuel Macron menyerukan dialog dengan Armenia dan Azerbaijan.").is_empty());
    assert!(pairs("id", "Prancis menyerukan gencatan senjata antara Prancis dan Mali.").is_empty());
}

#[test]
fn both_sides_after_a_fronted_phrase_naming_them() {
    // The sides named in the fronted phrase are not the speaker's own: "kedua belah pihak" is them.
    let body = "Presiden Prancis Emmanuel Macron tiba di Jenewa. Menurutnya, Armenia dan Azerbaijan harus berdamai. \
                Dalam pidato menjelang pertemuan delegasi Armenia-Azerbaijan, Macron menyerukan gencatan senjata antara kedua belah pihak.";
    assert_eq!(pairs("id", body), owned(&[("France", "Armenia"), ("France", "Azerbaijan")]));
    // "kedua belah pihak" as the object: the action starts after the whole phrase.
    let pack = crate::lang::pack("id").expect("id");
    let body = "Armenia dan Azerbaijan bertemu di Moskow. Presiden Prancis Emmanuel Macron meminta kedua belah pihak menahan diri.";
    let article =
        Article { title: "Berita".into(), body: body.into(), published: None, source: "test".into(), url: None, external_id: None };
    let x = extract(&article, pack);
    assert!(x.demands.len() == 2 && x.demands.iter().all(|d| d.action == "menahan diri"), "{:?}", x.demands);
}

#[test]
fn a_bare_comma_before_the_subject_ends_the_list() {
    // "…delegasi Armenia-Azerbaijan, Macron menyerukan": Macron alone asks.
    let body = "Presiden Prancis Emmanuel Macron tiba. Dalam pidato menjelang pertemuan delegasi Armenia-Azerbaijan, Macron meminta Rusia menarik pasukannya.";
    assert_eq!(pairs("id", body), owned(&[("France", "Russia")]));
    // A list with its coordinator still asks together.
    assert_eq!(
        pairs("id", "Jerman, Prancis dan Italia meminta Rusia menarik pasukannya."),
        owned(&[("France", "Russia"), ("Germany", "Russia"), ("Italy", "Russia")])
    );
}

#[test]
fn meeting_a_sides_demand_makes_the_demand() {
    // Conditional or not, the demand stands; "yang mencakup" opens what is demanded.
    let body = "Kesepakatan bisa tercapai jika Israel menerima tuntutan Hamas, yang mencakup pembebasan tahanan Palestina.";
    assert_eq!(pairs("id", body), owned(&[("Hamas", "Israel")]));
    assert_eq!(pairs("id", "Pemerintah Filipina memenuhi tuntutan China agar kapal itu ditarik."), owned(&[("China", "Philippines")]));
    // No side's demand named, or no demand met: nothing.
    assert!(pairs("id", "Israel menerima tuntutan itu dengan syarat.").is_empty());
    assert!(pairs("id", "Israel menerima bantuan Amerika Serikat untuk membangun kembali pangkalan.").is_empty());
}

/// (rejecter, rejected demander) of every rejection in an Indonesian article.
fn rejections(body: &str) -> Vec<(String, String)> {
    let pack = crate::lang::pack("id").expect("id");
    let article =
        Article { title: "Berita".into(), body: body.into(), published: None, source: "test".into(), url: None, external_id: None };
    let x = extract(&article, pack);
    x.rejections
        .iter()
        .map(|r| {
            let target = match r.rejected {
                crate::extract::Rejected::Demand(d) => x.demands[d].by,
                crate::extract::Rejected::Actor(a) => a,
            };
            (x.entities.get(r.by).key.clone(), x.entities.get(target).key.clone())
        })
        .collect()
}

#[test]
fn not_interested_in_what_was_asked_is_a_refusal_by_the_speaker() {
    // "pihaknya" after "X, hari Selasa, menyatakan" is X, not the last sentence's subject.
    let body = "Menlu Jepang Yoko Kamikawa mendesak Korea Utara untuk menghentikan uji coba rudal. \
                Korea Utara, hari Selasa, menyatakan pihaknya tidak berminat menghentikan uji coba rudal.";
    assert_eq!(rejections(body), owned(&[("North Korea", "Japan")]));
    // Interest in something else asks nothing back.
    let body = "Menlu Jepang Yoko Kamikawa mendesak Korea Utara untuk menghentikan uji coba rudal. Korea Utara menyatakan berminat membeli gandum.";
    assert!(rejections(body).is_empty());
}

#[test]
fn the_bare_security_council_is_the_uns_unless_another_owns_it() {
    assert_eq!(pairs("en", "The Security Council urged Israel to halt settlement activity."), owned(&[("UN Security Council", "Israel")]));
    assert_eq!(pairs("id", "Dewan Keamanan mendesak Israel menghentikan serangan."), owned(&[("UN Security Council", "Israel")]));
    // A national council: the country's own body, never the UN's.
    assert_eq!(pairs("en", "Russia's Security Council urged Ukraine to surrender."), owned(&[("Russia", "Ukraine")]));
    assert_eq!(pairs("id", "Dewan Keamanan Nasional Filipina mendesak China menarik kapalnya."), owned(&[("Philippines", "China")]));
}
