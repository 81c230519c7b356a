#!/usr/bin/env bash
# Coverage-guided fuzzing of warta's article readers and extractor with AFL++
# (cargo-afl, stable toolchain). Builds the targets, runs each for SECONDS
# (default 60) one after another, and exits non-zero if any crash or hang was
# found, printing the inputs' paths. See README.md here.
#
#   fuzz/run.sh [SECONDS_PER_TARGET]
#
# Environment: FUZZ_TARGETS="read_txt read_jsonl extract" (the default) picks
# targets; FUZZ_OUT (default fuzz/out) is where AFL++ keeps corpora and findings
# (wiped per target at each run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
secs="${1:-60}"
targets="${FUZZ_TARGETS:-read_txt read_jsonl extract}"
out="${FUZZ_OUT:-$here/out}"
cd "$here"

if ! cargo afl --version >/dev/null 2>&1; then
    echo "fuzz/run.sh: cargo-afl is missing: cargo install cargo-afl --locked" >&2
    exit 2
fi
# AFL++ itself is built per Rust toolchain (cargo install does it for the current one).
if ! cargo afl --version 2>/dev/null | grep -q 'AFL++ version'; then
    echo "fuzz/run.sh: building AFL++ for this toolchain (cargo afl config --build)"
    cargo afl config --build
fi

echo "fuzz/run.sh: building the targets (instrumented, fuzz/target)"
cargo afl build --release --locked --target-dir "$here/target"

export AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
# Core dumps piped to a handler (systemd-coredump, apport) slow crash detection;
# AFL++ refuses to start unless told it may ignore that.
case "$(cat /proc/sys/kernel/core_pattern 2>/dev/null || echo core)" in
    '|'*) export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 ;;
esac

# Seeds: the committed ones, plus the shared sample articles when present
# (copied here for the run, never committed).
shared="$repo/../shared/seeds"
seed_dir() { # target -> input dir
    local t=$1 d="$out/$1.in"
    rm -rf "$d"; mkdir -p "$d"
    case "$t" in
        read_txt) cp seeds/txt/* "$d/" ;;
        read_jsonl) cp seeds/jsonl/* "$d/" ;;
        extract) cp seeds/extract/* "$d/" ;;
    esac
    if [ -d "$shared" ]; then
        for f in "$shared"/*.txt; do
            [ -f "$f" ] || continue
            case "$t" in
                read_txt | extract) head -c 16384 "$f" >"$d/shared_$(basename "$f")" ;;
                read_jsonl) command -v python3 >/dev/null &&
                    python3 -c 'import json,sys; t=open(sys.argv[1],encoding="utf-8",errors="replace").read(16384); print(json.dumps({"id": sys.argv[1].rsplit("/",1)[-1], "text": t, "published": "2022-01-21"}))' \
                        "$f" >"$d/shared_$(basename "$f" .txt).jsonl" ;;
            esac
        done
    fi
    echo "$d"
}
dict_for() { # target -> dictionary file, or nothing
    case "$1" in
        read_jsonl) echo "$here/dict/jsonl.dict" ;;
        extract)
            # The language packs' cue words, taken from the lexicons at each run.
            grep -oh '"[^"\\]*"' "$repo"/src/lang/*/lexicon.toml | sort -u >"$out/extract.dict"
            echo "$out/extract.dict" ;;
    esac
}

mkdir -p "$out"
found=0 passed=0 failed=0
for t in $targets; do
    in="$(seed_dir "$t")"
    o="$out/$t"
    rm -rf "$o"; mkdir -p "$o/tmp"
    dict="$(dict_for "$t")"
    echo "fuzz/run.sh: $t for ${secs}s"
    rc=0
    # The targets write their input to a temporary file: keep those in the output dir.
    TMPDIR="$o/tmp" timeout $((secs + 300)) cargo afl fuzz -V "$secs" -i "$in" -o "$o" ${dict:+-x "$dict"} \
        -- "$here/target/release/$t" >"$o/afl.log" 2>&1 || rc=$?
    stats="$o/default/fuzzer_stats"
    if [ "$rc" != 0 ] || [ ! -f "$stats" ]; then
        echo "fuzz/run.sh: afl-fuzz failed for $t (exit $rc); the end of $o/afl.log:" >&2
        tail -n 25 "$o/afl.log" >&2
        found=1 failed=$((failed + 1))
        continue
    fi
    field() { sed -n "s/^$1 *: *//p" "$stats"; }
    echo "  $t: $(field run_time)s, $(field execs_done) execs ($(field execs_per_sec)/s), corpus $(field corpus_count), edges $(field bitmap_cvg), crashes $(field saved_crashes), hangs $(field saved_hangs)"
    bad=0
    for f in "$o"/default/crashes/id:* "$o"/default/hangs/id:*; do
        [ -f "$f" ] || continue
        echo "  FOUND: $f" >&2
        bad=1
    done
    if [ "$bad" = 0 ]; then passed=$((passed + 1)); else found=1 failed=$((failed + 1)); fi
done
echo "fuzz: $passed passed, $failed failed"
if [ "$found" != 0 ]; then
    echo "fuzz/run.sh: crashes, hangs or failures above; see fuzz/README.md to turn one into a regression test" >&2
    exit 1
fi
echo "fuzz/run.sh: no crash, no hang"
