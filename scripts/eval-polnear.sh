#!/bin/sh
# Scores citetrace's attribution parser on PolNeAR (brat standoff gold).
# Usage: scripts/eval-polnear.sh [dev|train] [table|json|csv]
# Reads the corpus from $POLNEAR (default ../shared/corpora/polnear); never copies it.
set -eu
split="${1:-dev}"
format="${2:-table}"
root="${POLNEAR:-../shared/corpora/polnear}"
if [ ! -d "$root/$split/text" ]; then
    echo "eval-polnear: no PolNeAR $split split under $root (set POLNEAR)" >&2
    exit 2
fi
exec cargo run --release --quiet -- eval attributions \
    --text "$root/$split/text" --ann "$root/$split/attributions" --format "$format"
