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
# default 2), ALIGN_PARTS (align in that many parts, by connected component of
# the candidate graph, then merge; default 1), SPARK_DRIVER_MEMORY (default 4g), STAGE_TIMES=1 to record
# /usr/bin/time -v per stage in OUTDIR/time-STAGE.txt (and Spark's event log in
# OUTDIR/spark-events, for shuffle volumes).
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

# Resident memory of a process and all its descendants, in kB (Spark's JVM is
# a child of the Python driver, which /usr/bin/time alone does not see).
tree_rss() {
  local pids=("$1") i=0 kids total=0 pid kb
  while [ $i -lt ${#pids[@]} ]; do
    kids=$(cat "/proc/${pids[$i]}/task/"*/children 2>/dev/null || true)
    for pid in $kids; do pids+=("$pid"); done
    i=$((i + 1))
  done
  for pid in "${pids[@]}"; do
    # A process may end between the listing and the read: count it as 0.
    kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ "$kb" =~ ^[0-9]+$ ]] && total=$((total + kb))
  done
  echo "$total"
}

run() { # NAME COMMAND...
  local name="$1" status=0
  shift
  if [ "${STAGE_TIMES:-0}" = 1 ] && [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$out/time-$name.txt" "$@" &
    local job=$! peak=0 now
    while kill -0 "$job" 2>/dev/null; do
      now=$(tree_rss "$job" || echo 0)
      if [[ "$now" =~ ^[0-9]+$ ]] && [ "$now" -gt "$peak" ]; then peak=$now; fi
      sleep 0.5
    done
    wait "$job" || status=$?
    echo "Peak RSS of the process tree, sampled every 0.5 s (kbytes): $peak" >>"$out/time-$name.txt"
    return $status
  else
    "$@"
  fi
}

run fingerprint "$bin" fingerprint "$@" --shards "${SHARDS:-2}" -o "$out/stage" || [ $? -eq 1 ]
events=()
[ "${STAGE_TIMES:-0}" = 1 ] && events=(--event-log "$out/spark-events")
run join "$python" "$here/candidate_join.py" "$out/stage" "$out/candidates" \
  --driver-memory "${SPARK_DRIVER_MEMORY:-4g}" "${events[@]}"
parts="${ALIGN_PARTS:-1}"
if [ "$parts" -le 1 ]; then
  run align "$bin" align --pairs "$out/candidates" "$@" --format jsonl -o "$out/pairs.jsonl" || [ $? -eq 1 ]
else
  # Parts by connected component of the candidate graph (what separate
  # machines would run), merged into the order of `copies`: origin, then copy.
  for ((k = 0; k < parts; k++)); do
    run "align-$k" "$bin" align --pairs "$out/candidates" "$@" --part "$k/$parts" \
      --format jsonl -o "$out/pairs-part-$k.jsonl" || [ $? -eq 1 ]
  done
  "$python" - "$out" "$parts" <<'PY'
import json, sys
out, parts = sys.argv[1], int(sys.argv[2])
rows = []
for k in range(parts):
    with open(f"{out}/pairs-part-{k}.jsonl", encoding="utf-8") as f:
        for line in f:
            v = json.loads(line)
            rows.append((v["origin"], v["copy"], line))
rows.sort(key=lambda r: (r[0].encode(), r[1].encode()))
with open(f"{out}/pairs.jsonl", "w", encoding="utf-8") as f:
    f.writelines(r[2] for r in rows)
PY
fi
echo "staged-copies: $(wc -l <"$out/pairs.jsonl") copy pairs -> $out/pairs.jsonl" >&2
