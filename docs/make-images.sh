#!/bin/sh
# Rebuilds the README's diagram images (docs/img/demands.png, docs/img/meetings.png)
# from what `warta demo` draws for the bundled sample articles. Needs Graphviz.
#
#   sh docs/make-images.sh            # runs the demo into out/, then converts
#   OUT=/tmp/demo sh docs/make-images.sh
set -eu
cd "$(dirname "$0")/.."
out="${OUT:-out}"
command -v dot >/dev/null 2>&1 || { echo "make-images: Graphviz's dot is needed (apt-get install graphviz)" >&2; exit 1; }
cargo run --release --quiet -- demo --out "$out" >/dev/null
mkdir -p docs/img
for view in demands meetings; do
    dot -Tpng "$out/diagrams/$view.dot" -o "docs/img/$view.png"
    echo "wrote docs/img/$view.png"
done
