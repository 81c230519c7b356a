//! JSONL articles: any bytes as a `.jsonl` file (`read_file`), as single lines
//! (`decode` + `article_from_json_line`) and as a stream (`warta extract --jsonl -`,
//! which also extracts and writes N-Quads). Must never panic; the file reader and the
//! stream must agree on how many lines are good.

use std::io::Cursor;
use std::path::Path;

fn main() {
    let dir = std::env::temp_dir().join(format!("warta-fuzz-jsonl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("articles.jsonl");
    // Load the packs and gazetteer before AFL's fork server starts, not in each child.
    let warm = br#"{"title": "Rusia menuntut NATO", "text": "Lavrov bertemu Blinken di Jenewa."}"#;
    let _ = warta::cli::stream::extract_stream(
        Cursor::new(&warm[..]),
        Path::new("warm-up"),
        None,
        warta::lang::LangChoice::Auto,
        &mut Vec::new(),
    );
    afl::fuzz!(|data: &[u8]| {
        std::fs::write(&path, data).expect("write the input");
        let out = warta::article::read_file(&path);
        for line in data.split(|&b| b == b'\n') {
            let mut warnings = Vec::new();
            if let Ok(text) = warta::article::decode(Path::new("fuzz"), line, &mut warnings) {
                let _ = warta::article::article_from_json_line(&text, Path::new("fuzz"), 1);
            }
        }
        let mut nquads = Vec::new();
        let s = warta::cli::stream::extract_stream(Cursor::new(data), Path::new("stdin"), None, warta::lang::LangChoice::Auto, &mut nquads)
            .expect("reading from memory cannot fail");
        assert_eq!(s.articles, out.articles.len(), "the stream and the file reader load the same lines");
        assert!(std::str::from_utf8(&nquads).is_ok(), "N-Quads output is UTF-8");
    });
}
