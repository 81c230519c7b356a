#!/bin/sh
# Rebuilds the README's diagram images (docs/img/*.png) from a store the size of a
# month of news: the generated month of diagrams_real.rs (a dozen sides meeting and
# making demands through March 2024, our own texts) plus the real articles of
# ../shared/dev. Draws the four views of `render --all` as PNG. Needs Graphviz.
#
#   sh docs/make-images.sh              # work folder: a temporary one
#   WORK=/tmp/month sh docs/make-images.sh
set -eu
cd "$(dirname "$0")/.."
command -v dot >/dev/null 2>&1 || { echo "make-images: Graphviz's dot is needed (apt-get install graphviz)" >&2; exit 1; }
[ -d ../shared/dev ] || { echo "make-images: ../shared/dev (the real-news corpus) is needed beside the repository" >&2; exit 1; }
work="${WORK:-$(mktemp -d)}"
# The integration test writes the month's corpus, its store and diagrams into $work.
WARTA_KEEP_DIAGRAMS="$work" cargo test --release --quiet --test integration diagrams_real >/dev/null
cargo run --release --quiet -- render --all --format png --store "$work/store" -o "$work/png" 2>/dev/null
mkdir -p docs/img
for view in demands meetings-timeline who-met-whom regions; do
    cp "$work/png/$view.png" "docs/img/$view.png"
    echo "wrote docs/img/$view.png"
done
