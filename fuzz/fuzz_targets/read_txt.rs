//! `.txt` articles: any bytes in a file, read as the CLI reads them (`read_file`:
//! size limit, binary detection, UTF-8 or Windows-1252, title and body), and the
//! decoder on its own. Must never panic; must give an article or an error.

use std::path::Path;

fn main() {
    let dir = std::env::temp_dir().join(format!("warta-fuzz-txt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("article.txt");
    afl::fuzz!(|data: &[u8]| {
        std::fs::write(&path, data).expect("write the input");
        let out = warta::article::read_file(&path);
        assert!(out.articles.len() + out.errors.len() == 1, "one article or one error: {out:?}");
        for a in &out.articles {
            assert!(!a.title.trim().is_empty(), "an article has a title: {a:?}");
        }
        let mut warnings = Vec::new();
        if let Ok(text) = warta::article::decode(Path::new("fuzz"), data, &mut warnings) {
            let _ = warta::article::article_from_text(&text, "fuzz".into());
        }
    });
}
