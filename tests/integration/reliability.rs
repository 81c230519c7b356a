//! Crash safety: `build` killed with SIGKILL at many moments leaves a store that reopens,
//! and the next `build` converges to exactly the quads of an uninterrupted build.

use crate::common::*;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// A few hundred distinct articles made from the bundled samples and fixtures.
fn corpus(dir: &Path, n: usize) {
    let mut texts = Vec::new();
    for sub in ["examples/articles", "tests/fixtures/id/articles"] {
        let mut files: Vec<_> = std::fs::read_dir(root().join(sub)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        texts.extend(files.into_iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let t = &texts[i % texts.len()];
        let (title, body) = t.split_once('\n').unwrap();
        std::fs::write(dir.join(format!("a{i:04}.txt")), format!("{title} ({i})\n{body}\nArtikel nomor {i}.\n")).unwrap();
    }
}

fn sorted_quads(store: &str) -> Vec<String> {
    let mut lines: Vec<String> = ok(&["export", "--store", store, "--format", "nquads"]).lines().map(String::from).collect();
    lines.sort();
    lines
}

#[test]
fn killed_builds_converge_to_the_uninterrupted_graph() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("corpus");
    corpus(&input, 240);
    let input = input.display().to_string();
    let reference = tmp.path().join("reference").display().to_string();
    ok(&["build", &input, "--store", &reference, "--quiet"]);
    let want = sorted_quads(&reference);
    assert!(want.len() > 10_000, "{}", want.len());

    let store = tmp.path().join("crashed").display().to_string();
    let mut killed = 0;
    for step in 0..10u64 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(["build", &input, "--store", &store, "--quiet"])
            .current_dir(root())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(40 + step * 170));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        child.wait().unwrap();
        // The store reopens after every kill (unless the build died before creating it).
        if Path::new(&store).join("CURRENT").exists() {
            let o = warta(&["export", "--store", &store, "--format", "nquads"]);
            assert!(o.status.success(), "store unreadable after kill {step}: {}", stderr(&o));
        }
    }
    assert!(killed >= 5, "the builds finished before they could be killed ({killed} kills)");
    ok(&["build", &input, "--store", &store, "--quiet"]);
    let got = sorted_quads(&store);
    assert_eq!(got.len(), want.len(), "quad count after recovery");
    assert!(got == want, "recovered store differs from the uninterrupted build");
}

#[test]
fn a_second_build_on_a_busy_store_fails_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("corpus");
    corpus(&input, 240);
    let input = input.display().to_string();
    let store = tmp.path().join("store").display().to_string();
    let mut first = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["build", &input, "--store", &store, "--quiet"])
        .current_dir(root())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    if first.try_wait().unwrap().is_none() {
        let started = std::time::Instant::now();
        let o = warta(&["build", &input, "--store", &store]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("is locked by process"), "{}", stderr(&o));
        assert!(started.elapsed() < Duration::from_secs(5), "the second build must not wait");
        let o = warta(&["query", "demands", "--store", &store]);
        assert!(!o.status.success() && stderr(&o).contains("locked"), "a reader sees no half-written store: {}", stderr(&o));
    }
    assert!(first.wait().unwrap().success());
}

/// Runs `warta build` with the files it may write capped at `max_file_bytes`
/// (RLIMIT_FSIZE, with SIGXFSZ ignored so that writes fail with EFBIG as a full
/// disk fails them with ENOSPC).
fn build_with_file_limit(input: &str, store: &str, max_file_bytes: u64) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_warta"));
    cmd.args(["build", input, "--store", store]).current_dir(root());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit { rlim_cur: max_file_bytes, rlim_max: max_file_bytes };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

/// A build that runs out of room fails with one clear error and leaves the
/// store as the last good build made it; once there is room, it completes.
fn assert_full_disk_keeps_the_store(o: &std::process::Output, store: &str, before: &[String], input: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "the build fails: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains(store), "the error names the store: {err}");
    assert!(["No space left", "File too large", "too large", "space"].iter().any(|w| err.contains(w)), "the error says why: {err}");
    assert_eq!(sorted_quads(store), before, "the previous store is intact");
    ok(&["build", input, "--store", store, "--quiet"]);
    assert!(sorted_quads(store).len() > before.len(), "with room again the build completes");
}

#[test]
fn a_build_that_runs_out_of_disk_leaves_the_previous_store() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("corpus");
    corpus(&input, 240);
    let input = input.display().to_string();
    let store = tmp.path().join("store").display().to_string();
    ok(&["build", "examples/articles", "--store", &store, "--quiet"]);
    let before = sorted_quads(&store);
    // Files capped at 2 MB: the new articles' sorted runs and the merged graph need more.
    let o = build_with_file_limit(&input, &store, 2 * 1024 * 1024);
    assert_full_disk_keeps_the_store(&o, &store, &before, &input);
}

#[test]
fn a_build_on_a_full_tmpfs_leaves_the_previous_store() {
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().join("small");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=24m", "tmpfs"]).arg(&mnt).output();
    if !mounted.is_ok_and(|o| o.status.success()) {
        // Mounting needs privileges; the file-size limit above covers the same path.
        eprintln!("cannot mount a tmpfs here: a real full disk is not tried");
        return;
    }
    struct Unmount(std::path::PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(mnt.clone());
    let input = tmp.path().join("corpus");
    corpus(&input, 240);
    let input = input.display().to_string();
    let store = mnt.join("store").display().to_string();
    ok(&["build", "examples/articles", "--store", &store, "--quiet"]);
    let before = sorted_quads(&store);
    let o = warta(&["build", &input, "--store", &store]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "the build fails on a full disk: {err}");
    assert!(!err.contains("panicked") && err.contains(&store) && err.contains("No space left"), "{err}");
    assert_eq!(sorted_quads(&store), before, "the previous store is intact");
}

fn merged(store: &str) -> Vec<String> {
    let mut lines: Vec<String> = ok(&["export", "--store", store, "--merged", "--format", "nquads"]).lines().map(String::from).collect();
    lines.sort();
    lines
}

/// A rebuild after a few articles changed, were removed or added updates the
/// merged graph part by part; it must equal the merged graph built from nothing.
#[test]
fn part_by_part_merge_equals_a_full_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    corpus(&dir, 120);
    let input = dir.display().to_string();
    let store = tmp.path().join("store").display().to_string();
    ok(&["build", &input, "--store", &store, "--quiet"]);
    // Changed: other cities, other demands, a rejection; removed; added.
    for i in [3, 17, 42] {
        let f = dir.join(format!("a{i:04}.txt"));
        let text = std::fs::read_to_string(&f).unwrap().replace("Jenewa", "Wina").replace("Moskow", "Ankara");
        std::fs::write(
            &f,
            format!("{text}\nChina mendesak Amerika Serikat untuk mencabut sanksi. Amerika Serikat menolak tuntutan China.\n"),
        )
        .unwrap();
    }
    for i in [5, 6] {
        std::fs::remove_file(dir.join(format!("a{i:04}.txt"))).unwrap();
    }
    std::fs::write(
        dir.join("new.txt"),
        "Pertemuan di Jakarta\nJAKARTA - Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri China Wang Yi di Jakarta pada 3 Februari 2022. Indonesia mendesak Myanmar untuk menghentikan kekerasan.\n",
    )
    .unwrap();
    let o = warta(&["build", &input, "--store", &store, "--prune"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 new, 3 replaced, 2 pruned"), "{}", stderr(&o));
    let fresh = tmp.path().join("fresh").display().to_string();
    ok(&["build", &input, "--store", &fresh, "--quiet"]);
    let (got, want) = (merged(&store), merged(&fresh));
    assert!(got.iter().any(|l| l.contains("entity/Q148>")), "China is in the merged graph");
    assert_eq!(got.len(), want.len(), "merged quads");
    assert!(got == want, "the updated merged graph differs from a full merge");
}
