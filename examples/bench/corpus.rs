//! The benchmark's corpus: Indonesian articles composed from warta's own
//! lexicon and gazetteer, seeded and deterministic (same N and seed, same bytes).

use std::io::Write;
use std::path::{Path, PathBuf};
use warta::lang::{gazetteer, indonesian, EntityType};

/// splitmix64: a small, seeded, dependency-free generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// What sentences are made of: names from the gazetteer, cues from the lexicon.
struct Vocabulary {
    actors: Vec<String>,
    cities: Vec<String>,
    regions: Vec<String>,
    /// (title, side, name) of known office holders.
    people: Vec<(String, String, String)>,
    demand_verbs: Vec<String>,
    reject_verbs: Vec<String>,
    meeting_nouns: Vec<String>,
    annexed: Vec<String>,
    occupied: Vec<String>,
    contested: Vec<String>,
}

impl Vocabulary {
    fn new() -> Vocabulary {
        let g = gazetteer();
        let lex = &indonesian().lexicon;
        let id_name = |e: &warta::lang::EntityDef| e.label_id.clone().unwrap_or_else(|| e.label_en.clone());
        let mut actors = Vec::new();
        let mut cities = Vec::new();
        let mut regions = Vec::new();
        let mut people = Vec::new();
        for e in &g.entities {
            match e.etype {
                EntityType::Country | EntityType::Organization if !e.flags.geo && !e.flags.media => actors.push(id_name(e)),
                EntityType::City if e.flags.capital || e.flags.venue => cities.push(id_name(e)),
                EntityType::Region if e.flags.disputed => regions.push(id_name(e)),
                EntityType::Person => {
                    if let (Some(role), Some(side)) = (&e.role_id, e.side.as_deref().and_then(|s| g.get(s))) {
                        people.push((role.clone(), id_name(side.1), e.label_en.clone()));
                    }
                }
                _ => {}
            }
        }
        let strong = |v: &[String], weak: &[String]| v.iter().filter(|w| !weak.contains(w) && w.starts_with("me")).cloned().collect();
        Vocabulary {
            actors,
            cities,
            regions,
            people,
            demand_verbs: strong(&lex.demand.verbs, &lex.demand.weak_verbs),
            reject_verbs: lex.reject.verbs.iter().filter(|w| w.starts_with("me")).cloned().collect(),
            meeting_nouns: vec!["pertemuan".into(), "pembicaraan".into(), "perundingan".into(), "KTT".into()],
            annexed: vec!["dianeksasi".into(), "dicaplok".into()],
            occupied: vec!["diduduki".into(), "dikuasai".into()],
            contested: vec!["disengketakan".into(), "diperebutkan".into()],
        }
    }
}

const MONTHS: &[&str] =
    &["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const DAYS: &[&str] = &["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
const ACTIONS: &[&str] = &[
    "menarik pasukannya dari perbatasan",
    "menghentikan latihan militer di kawasan itu",
    "membuka kembali jalur perundingan",
    "memberikan jaminan keamanan tertulis",
    "mencabut sanksi ekonomi",
    "membebaskan para tahanan politik",
    "menghentikan pembangunan pangkalan baru",
    "mematuhi resolusi Dewan Keamanan",
    "menunda pengiriman senjata",
    "mengizinkan bantuan kemanusiaan masuk",
];
const FILLER: &[&str] = &[
    "Situasi di kawasan itu terus memanas dalam beberapa pekan terakhir.",
    "Para analis menilai ketegangan ini bisa berlangsung lama.",
    "Harga minyak dunia naik tipis setelah kabar tersebut beredar.",
    "Sejumlah warga mengaku khawatir dengan perkembangan terbaru.",
    "Belum ada tanggapan resmi dari pihak lain hingga berita ini diturunkan.",
    "Pengamat hubungan internasional menyebut langkah itu sebagai sinyal penting.",
];
const NOISE: &[&str] = &["loading...", "A A A", "Baca Juga: Berita terkait lainnya", "Copyright © 2022 SINDOnews.com, All Rights Reserved"];

/// Article `i`'s text (title line first) and its publication date.
fn article(i: usize, v: &Vocabulary, rng: &mut Rng) -> (String, String) {
    let year = 2020 + rng.below(4);
    let month = rng.below(12);
    let day = 1 + rng.below(28);
    let published = format!("{year}-{:02}-{day:02}", month + 1);
    let a = rng.pick(&v.actors).clone();
    let mut b = rng.pick(&v.actors).clone();
    if b == a {
        b = v.actors[(v.actors.iter().position(|x| *x == a).unwrap_or(0) + 1) % v.actors.len()].clone();
    }
    let city = rng.pick(&v.cities).clone();
    let mut paragraphs: Vec<String> = Vec::new();
    let title = format!("{a} {} {b} {}", rng.pick(&v.demand_verbs), rng.pick(ACTIONS));
    paragraphs.push(format!(
        "{}, {} - {}",
        city.to_uppercase(),
        format_args!("{} {} {}", day, MONTHS[month], year),
        sentence(v, rng, &a, &b, &city, day, month, year)
    ));
    let n = 4 + rng.below(8);
    for _ in 0..n {
        let mut p = String::new();
        for k in 0..1 + rng.below(3) {
            if k > 0 {
                p.push(' ');
            }
            p.push_str(&sentence(v, rng, &a, &b, &city, day, month, year));
        }
        paragraphs.push(p);
        if rng.chance(10) {
            paragraphs.push(rng.pick(NOISE).to_string());
        }
        // Scraped pages repeat paragraphs.
        if rng.chance(8) {
            let again = paragraphs[rng.below(paragraphs.len())].clone();
            paragraphs.push(again);
        }
    }
    paragraphs.push(format!("(Artikel {i})"));
    paragraphs.push(NOISE[3].to_string());
    (format!("{title}\n{}\n", paragraphs.join("\n\n")), published)
}

#[allow(clippy::too_many_arguments)]
fn sentence(v: &Vocabulary, rng: &mut Rng, a: &str, b: &str, city: &str, day: usize, month: usize, year: usize) -> String {
    let other = rng.pick(&v.actors).clone();
    let (a, b) = if rng.chance(30) { (other.as_str(), a) } else { (a, b) };
    match rng.below(9) {
        0 | 1 => format!("{a} {} {b} untuk {}.", rng.pick(&v.demand_verbs), rng.pick(ACTIONS)),
        2 => format!("{b} {} tuntutan {a} tersebut.", rng.pick(&v.reject_verbs)),
        3 => {
            let wd = DAYS[rng.below(7)];
            format!("Delegasi {a} dan {b} menggelar {} di {city} pada {wd} ({day}/{}/{year}).", rng.pick(&v.meeting_nouns), month + 1)
        }
        4 => {
            let r = rng.pick(&v.regions);
            match rng.below(3) {
                0 => format!("{r}, yang {} oleh {a} pada {}, tetap menjadi sumber ketegangan.", rng.pick(&v.annexed), 2014 + rng.below(8)),
                1 => format!("Sebagian wilayah {r} masih {} pasukan {a}.", rng.pick(&v.occupied)),
                _ => format!("Status {r} masih {} oleh {a} dan {b}.", rng.pick(&v.contested)),
            }
        }
        5 => {
            let (title, side, name) = rng.pick(&v.people);
            format!("\"Kami tidak akan mundur,\" kata {title} {side} {name} kepada wartawan di {city}.")
        }
        _ => rng.pick(FILLER).to_string(),
    }
}

/// Writes the corpus; returns its size in bytes (one copy).
pub fn generate(n: usize, seed: u64, dir: &Path) -> Result<u64, String> {
    let v = Vocabulary::new();
    let txt = dir.join("txt");
    std::fs::create_dir_all(&txt).map_err(|e| format!("{}: {e}", txt.display()))?;
    let jsonl_path = dir.join("corpus.jsonl");
    let mut jsonl = std::io::BufWriter::new(std::fs::File::create(&jsonl_path).map_err(|e| format!("{}: {e}", jsonl_path.display()))?);
    let mut bytes = 0u64;
    for i in 0..n {
        let mut rng = Rng(seed.wrapping_mul(1_000_003).wrapping_add(i as u64));
        let (text, published) = article(i, &v, &mut rng);
        let path = article_path(dir, i);
        if i % 1000 == 0 {
            std::fs::create_dir_all(path.parent().unwrap()).map_err(|e| e.to_string())?;
        }
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
        let line = serde_json::json!({"id": format!("bench-{i}"), "title": title, "text": body, "published": published});
        writeln!(jsonl, "{line}").map_err(|e| e.to_string())?;
        bytes += text.len() as u64;
    }
    jsonl.flush().map_err(|e| e.to_string())?;
    Ok(bytes)
}

pub fn article_path(dir: &Path, i: usize) -> PathBuf {
    dir.join("txt").join(format!("{:03}", i / 1000)).join(format!("{i:06}.txt"))
}
