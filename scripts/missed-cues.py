#!/usr/bin/env python3
"""Lists PolNeAR gold cues the attribution parser misses (overlap), with context.

Usage: scripts/missed-cues.py SPLIT_DIR [N] [--cue WORD] [--fp]
Runs target/release/citetrace on the first N texts of SPLIT_DIR/text (sorted),
compares with the first annotator's file in SPLIT_DIR/attributions, and prints
missed cue counts then examples. --fp prints false-positive cues instead.
Reads the corpus at run time only; use it on train, never tune on dev.
"""
import collections, glob, json, os, subprocess, sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
root = args[0]
n = int(args[1]) if len(args) > 1 else 200
only = None
if "--cue" in sys.argv:
    only = sys.argv[sys.argv.index("--cue") + 1].lower()
    args = [a for a in args if a.lower() != only]
fp_mode = "--fp" in sys.argv
texts = sorted(glob.glob(os.path.join(root, "text", "*.txt")))[:n]
out = subprocess.run(["target/release/citetrace", "attributions", *texts, "--format", "jsonl"],
                     capture_output=True, text=True).stdout
pred = collections.defaultdict(list)
for line in out.splitlines():
    o = json.loads(line)
    pred[o["article"]].append((o["cue"]["start"], o["cue"]["end"]))
missed = collections.Counter()
examples = collections.defaultdict(list)
for t in texts:
    stem = os.path.basename(t)[:-4]
    anns = sorted(glob.glob(os.path.join(root, "attributions", stem + "_*.ann")))
    if not anns:
        continue
    text = open(t, encoding="utf-8").read()
    gold = []
    for line in open(anns[0], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) > 1 and f[0].startswith("T") and f[1].startswith("Cue "):
            spans = f[1][4:].split(";")
            a = int(spans[0].split()[0]); b = int(spans[-1].split()[1])
            gold.append((a, b))
    ps = pred.get(stem, [])
    ov = lambda x, y: x[0] < y[1] and y[0] < x[1]
    items = (ps, gold) if fp_mode else (gold, ps)
    for g in items[0]:
        if not any(ov(g, p) for p in items[1]):
            w = text[g[0]:g[1]].lower()
            missed[w] += 1
            ctx = text[max(0, g[0] - 100):g[0]] + "[[" + text[g[0]:g[1]] + "]]" + text[g[1]:g[1] + 80]
            examples[w].append(ctx.replace("\n", " / "))
if only:
    for c in examples.get(only, []):
        print("-", c)
else:
    for w, c in missed.most_common(40):
        print(c, repr(w))
