//! CLI conventions: shell completions (clap_complete) and the manual page (clap_mangen).

use crate::common::*;

#[test]
fn completions_for_bash_zsh_and_fish_know_the_subcommands() {
    let bash = ok(&["completions", "bash"]);
    assert!(bash.contains("_warta()") && bash.contains("complete -F _warta") && bash.contains("serve"), "{bash}");
    let zsh = ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef warta") && zsh.contains("--base-iri"), "{zsh}");
    let fish = ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c warta") && fish.contains("completions"), "{fish}");
    let o = warta(&["completions", "powershell-of-the-future"]);
    assert!(!o.status.success() && stderr(&o).contains("bash"), "{}", stderr(&o));
}

#[test]
fn the_man_page_lists_every_subcommand() {
    let man = ok(&["man"]);
    assert!(man.contains(".TH warta 1"), "{man}");
    for sub in ["build", "query", "serve", "render", "completions"] {
        assert!(man.contains(&format!("warta\\-{sub}(1)")), "the man page lacks warta-{sub}(1): {man}");
    }
    let tmp = tempfile::tempdir().unwrap();
    ok(&["man", "--out-dir", &tmp.path().display().to_string()]);
    let serve = std::fs::read_to_string(tmp.path().join("warta-serve.1")).expect("warta-serve.1");
    assert!(serve.contains(".TH warta-serve 1") && serve.contains("base\\-iri"), "{serve}");
}
