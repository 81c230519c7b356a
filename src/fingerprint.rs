//! The extractor's fingerprint: one hash over every file that decides what
//! extraction produces, computed by `build.rs` (which includes this file) and
//! compiled in as `WARTA_EXTRACTOR_FINGERPRINT`.
//!
//! Only std and sha2 here: the build script compiles this file on its own.

use sha2::{Digest, Sha256};
use std::path::Path;

/// What extraction reads, relative to the crate root: a folder covers every file
/// below it, new ones included, so that no list of files has to be kept by hand.
/// (Folders that extraction starts to read go here.)
pub const EXTRACTION_INPUTS: &[&str] = &["src/extract", "src/lang", "src/article", "src/rdf.rs", "src/vocab.rs"];

/// Every file of `inputs` below `root`, as sorted paths relative to `root` with `/` between parts.
pub fn input_files(root: &Path, inputs: &[&str]) -> std::io::Result<Vec<String>> {
    let mut files = Vec::new();
    for input in inputs {
        collect(root, input, &mut files)?;
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn collect(root: &Path, rel: &str, files: &mut Vec<String>) -> std::io::Result<()> {
    let path = root.join(rel);
    if !path.is_dir() {
        files.push(rel.to_string());
        return Ok(());
    }
    for entry in std::fs::read_dir(&path)? {
        let name = entry?.file_name();
        let name = name.to_str().ok_or_else(|| std::io::Error::other(format!("{}: a file name that is not UTF-8", path.display())))?;
        collect(root, &format!("{rel}/{name}"), files)?;
    }
    Ok(())
}

/// The hash of `inputs` below `root`: each file's path and content, in path
/// order; 16 hex digits.
pub fn fingerprint(root: &Path, inputs: &[&str]) -> std::io::Result<String> {
    let mut h = Sha256::new();
    for rel in input_files(root, inputs)? {
        let content = std::fs::read(root.join(&rel))?;
        h.update(rel.as_bytes());
        h.update([0]);
        h.update((content.len() as u64).to_le_bytes());
        h.update(&content);
    }
    Ok(h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A copy of the crate's extraction inputs in a temporary folder.
    fn copy_of_inputs() -> (tempfile::TempDir, PathBuf) {
        let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        for rel in input_files(crate_root, EXTRACTION_INPUTS).unwrap() {
            let to = dir.path().join(&rel);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(crate_root.join(&rel), to).unwrap();
        }
        let root = dir.path().to_path_buf();
        (dir, root)
    }

    #[test]
    fn the_build_fingerprints_the_same_inputs() {
        let (_dir, root) = copy_of_inputs();
        assert_eq!(fingerprint(&root, EXTRACTION_INPUTS).unwrap(), env!("WARTA_EXTRACTOR_FINGERPRINT"));
    }

    /// Regression: the hand-kept list missed `lang/en/lexicon.toml`, `lang/mod.rs` and
    /// `lang/gazetteer.rs`, so a changed English lexicon left stale graphs "current".
    #[test]
    fn any_lexicon_gazetteer_or_pack_file_changes_the_fingerprint() {
        let (_dir, root) = copy_of_inputs();
        let before = fingerprint(&root, EXTRACTION_INPUTS).unwrap();
        let files = input_files(&root, EXTRACTION_INPUTS).unwrap();
        for must in ["src/lang/en/lexicon.toml", "src/lang/id/lexicon.toml", "src/lang/mod.rs", "src/lang/gazetteer.rs"] {
            assert!(files.iter().any(|f| f == must), "{must} is not fingerprinted");
        }
        let data: Vec<&String> =
            files.iter().filter(|f| f.starts_with("src/lang/") && (f.ends_with(".toml") || f.ends_with(".tsv"))).collect();
        assert!(data.len() >= 4, "{data:?}");
        for rel in data {
            let path = root.join(rel);
            let original = std::fs::read(&path).unwrap();
            std::fs::write(&path, [&original[..], b"\n"].concat()).unwrap();
            assert_ne!(fingerprint(&root, EXTRACTION_INPUTS).unwrap(), before, "{rel} is not fingerprinted");
            std::fs::write(&path, original).unwrap();
        }
        assert_eq!(fingerprint(&root, EXTRACTION_INPUTS).unwrap(), before);
    }

    #[test]
    fn a_new_file_in_a_pack_folder_changes_the_fingerprint() {
        let (_dir, root) = copy_of_inputs();
        let before = fingerprint(&root, EXTRACTION_INPUTS).unwrap();
        std::fs::write(root.join("src/lang/en/months.tsv"), "january\n").unwrap();
        let with_file = fingerprint(&root, EXTRACTION_INPUTS).unwrap();
        assert_ne!(with_file, before);
        std::fs::create_dir_all(root.join("src/lang/ms")).unwrap();
        std::fs::write(root.join("src/lang/ms/lexicon.toml"), "[detect]\n").unwrap();
        assert_ne!(fingerprint(&root, EXTRACTION_INPUTS).unwrap(), with_file);
    }
}
