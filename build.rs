//! Build script: fingerprints everything extraction reads (see `src/fingerprint.rs`),
//! so that `build` re-extracts articles whenever code, lexicons or gazetteer change.

#[path = "src/fingerprint.rs"]
mod fingerprint;

fn main() {
    let root = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let hash = fingerprint::fingerprint(&root, fingerprint::EXTRACTION_INPUTS)
        .unwrap_or_else(|e| panic!("cannot fingerprint the extraction inputs: {e}"));
    println!("cargo:rustc-env=WARTA_EXTRACTOR_FINGERPRINT={hash}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/fingerprint.rs");
    // A folder makes cargo look at every file below it, so a new file reruns the script too.
    for input in fingerprint::EXTRACTION_INPUTS {
        println!("cargo:rerun-if-changed={input}");
    }
}
