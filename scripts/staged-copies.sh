#!/usr/bin/env bash
# Staged copy detection on one machine, Spark in local mode (issue #16):
#
#   scripts/staged-copies.sh [READ-OPTIONS] INPUT... OUTDIR
#
# 1. citetrace fingerprint  -> OUTDIR/stage/{articles,marks,postings}/*.parquet, params.json
# 2. candidate_join.py      -> OUTDIR/candidates/*.parquet   (PySpark, local[*])
# 3. citetrace align        -> OUTDIR/pairs.jsonl            (the `copies --format jsonl` contract)
#
# Everything before OUTDIR goes to both citetrace stages as given (inputs and
# read options such as --meta FILE or --max-bytes N), so both read the same corpus.
# Environment: CITETRACE (binary; default target/release/citetrace, built if
# missing), PYTHON (default python3, needs pyspark), SHARDS (fingerprint shards,
# default 2), SPARK_DRIVER_MEMORY (default 4g), STAGE_TIMES=1 to record
# /usr/bin/time -v per stage in OUTDIR/time-STAGE.txt.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 [READ-OPTIONS] INPUT... OUTDIR" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="${!#}"
set -- "${@:1:$#-1}"
bin="${CITETRACE:-$root/target/release/citetrace}"
if [ ! -x "$bin" ]; then
  (cd "$root" && cargo build --release --quiet)
fi
python="${PYTHON:-python3}"
mkdir -p "$out"
rm -rf "$out/stage" "$out/candidates"

run() { # NAME COMMAND...
  local name="$1"
  shift
  if [ "${STAGE_TIMES:-0}" = 1 ] && [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$out/time-$name.txt" "$@"
  else
    "$@"
  fi
}

run fingerprint "$bin" fingerprint "$@" --shards "${SHARDS:-2}" -o "$out/stage" || [ $? -eq 1 ]
run join "$python" "$here/candidate_join.py" "$out/stage" "$out/candidates" \
  --driver-memory "${SPARK_DRIVER_MEMORY:-4g}"
run align "$bin" align --pairs "$out/candidates" "$@" --format jsonl -o "$out/pairs.jsonl" || [ $? -eq 1 ]
echo "staged-copies: $(wc -l <"$out/pairs.jsonl") copy pairs -> $out/pairs.jsonl" >&2
