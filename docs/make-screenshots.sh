#!/bin/sh
# Rebuilds the README's explorer screenshots (docs/img/explorer-entity.png and
# docs/img/explorer-fact.png): builds the seed articles into a temporary store,
# serves it on a free loopback port, and has headless Chromium shoot the page of
# Russia and the page of the Brussels meeting whose two reports disagree on the
# date. Needs chromium and curl (apt-get install chromium curl).
#
#   sh docs/make-screenshots.sh                       # seeds from ../shared/seeds
#   SEEDS=examples/articles sh docs/make-screenshots.sh
set -eu
cd "$(dirname "$0")/.."
seeds="${SEEDS:-../shared/seeds}"
for tool in chromium curl; do
    command -v "$tool" >/dev/null 2>&1 || { echo "make-screenshots: $tool is needed (apt-get install $tool)" >&2; exit 1; }
done
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/warta"
tmp="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
"$bin" build "$seeds" --store "$tmp/store" --quiet
"$bin" serve --store "$tmp/store" --bind 127.0.0.1:0 2>"$tmp/log" &
pid=$!
url=""
for _ in $(seq 1 300); do
    url="$(sed -n 's|^warta: explorer at \(http://[^ ]*\)/$|\1|p' "$tmp/log")"
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "make-screenshots: the server did not start:" >&2; cat "$tmp/log" >&2; exit 1; }
query='PREFIX warta: <https://w3id.org/warta/ontology#> SELECT ?m WHERE { GRAPH <https://w3id.org/warta/id/graph/merged> { ?m warta:dateConflict true } } ORDER BY ?m LIMIT 1'
meeting="$(curl -sf -H 'Accept: text/csv' --data-urlencode "query=$query" "$url/query" | sed -n '2p' | tr -d '\r' | sed 's|^https://w3id.org/warta/id/|/id/|')"
[ -n "$meeting" ] || meeting="/id/entity/Q159"
shoot() { # name path height
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
        --user-data-dir="$tmp/profile" --window-size="1100,$3" --screenshot="docs/img/$1.png" "$url$2" 2>/dev/null
    echo "wrote docs/img/$1.png ($url$2)"
}
mkdir -p docs/img
shoot explorer-entity /id/entity/Q159 2150
shoot explorer-fact "$meeting" 1250
