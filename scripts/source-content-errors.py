#!/usr/bin/env python3
"""Source and content errors of the attribution parser on PolNeAR, for cues it found.

Usage: scripts/source-content-errors.py SPLIT_DIR [--n N] [--show CLASS] [--limit K]

Runs target/release/citetrace on the texts of SPLIT_DIR/text (sorted, first N),
reads the first annotator's file per text in SPLIT_DIR/attributions, pairs each
gold relation with a predicted one whose cue overlaps (one-to-one, greedy in
text order, as the scorer does), and classifies the pair's source and content:

  source: ok | missing (gold has one, we have none) | spurious (we have one,
          gold none) | wrong (both, no overlap)
  content: ok | missing (we have none) | wrong (no overlap) ; plus boundary
          notes (we start later / earlier, end earlier / later than gold)

Prints counts per class and per (class, cue word), then with --show CLASS
(e.g. source:wrong, content:wrong) examples with the gold and predicted spans.
Reads the corpus at run time only; use it on train, never tune on dev.
"""
import collections, glob, json, os, subprocess, sys


def opt(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


root = sys.argv[1]
n = int(opt("--n", "100000"))
show = opt("--show", None)
limit = int(opt("--limit", "40"))
texts = sorted(glob.glob(os.path.join(root, "text", "*.txt")))[:n]


def ranges(s):
    out = []
    for part in s.split(";"):
        a, b = part.split()[:2]
        out.append((int(a), int(b)))
    return sorted(out)


def gold_relations(path):
    spans, events = {}, []
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 2:
            continue
        if f[0].startswith("T") and " " in f[1]:
            kind, offs = f[1].split(" ", 1)
            try:
                spans[f[0]] = ranges(offs)
            except ValueError:
                pass
        elif f[0].startswith("E"):
            events.append(f[1])
    rels = []
    for body in events:
        rel = {"cue": [], "source": None, "content": []}
        for arg in body.split():
            role, _, tid = arg.partition(":")
            role = role.rstrip("0123456789")
            r = spans.get(tid, [])
            if role == "Cue":
                rel["cue"] += r
            elif role == "Source":
                rel["source"] = (rel["source"] or []) + r
            elif role == "Content":
                rel["content"] += r
        if rel["cue"]:
            rels.append(rel)
    rels.sort(key=lambda r: r["cue"][0])
    return rels


def overlaps(a, b):
    return any(x[0] < y[1] and y[0] < x[1] for x in a for y in b)


def extent(rs):
    return (min(r[0] for r in rs), max(r[1] for r in rs))


out = subprocess.run(["target/release/citetrace", "attributions", *texts, "--format", "jsonl"],
                     capture_output=True, text=True).stdout
pred = collections.defaultdict(list)
for line in out.splitlines():
    o = json.loads(line)
    sp = lambda s: (s["start"], s["end"])
    pred[o["article"]].append({
        "cue": [sp(o["cue"])],
        "source": [sp(o["source"])] if o["source"] else None,
        "content": [sp(c) for c in o["content"]],
    })

counts = collections.Counter()
by_cue = collections.Counter()
examples = collections.defaultdict(list)
for t in texts:
    stem = os.path.basename(t)[:-4]
    anns = sorted(glob.glob(os.path.join(root, "attributions", stem + "_*.ann")))
    if not anns:
        continue
    text = open(t, encoding="utf-8").read()
    gold = gold_relations(anns[0])
    used = [False] * len(gold)
    for p in pred.get(stem, []):
        i = next((i for i, g in enumerate(gold) if not used[i] and overlaps(g["cue"], p["cue"])), None)
        if i is None:
            continue
        used[i] = True
        g = gold[i]
        cue = text[p["cue"][0][0]:p["cue"][0][1]].lower()
        if g["source"] and p["source"]:
            s = "source:ok" if overlaps(g["source"], p["source"]) else "source:wrong"
            if s == "source:wrong":
                side = lambda r: "after" if r[0][0] >= p["cue"][0][1] else "before"
                s = f"source:wrong-gold-{side(g['source'])}-pred-{side(p['source'])}"
        elif g["source"]:
            s = "source:missing"
        elif p["source"]:
            s = "source:spurious"
        else:
            s = "source:ok"
        if not p["content"]:
            c = "content:missing"
        elif overlaps(g["content"], p["content"]):
            c = "content:ok"
            if g["content"] and g["content"] != p["content"]:
                gs, ge = extent(g["content"])
                ps, pe = extent(p["content"])
                if ps > gs:
                    counts["content:ok-starts-late"] += 1
                if ps < gs:
                    counts["content:ok-starts-early"] += 1
                if pe < ge:
                    counts["content:ok-ends-early"] += 1
                if pe > ge:
                    counts["content:ok-ends-late"] += 1
        else:
            c = "content:wrong"
        if s.startswith("source:wrong"):
            counts["source:wrong"] += 1
        for k in (s, c):
            counts[k] += 1
            by_cue[(k, cue)] += 1
        counts["pairs"] += 1
        gsrc = " | ".join(text[a:b] for a, b in (g["source"] or []))
        psrc = " | ".join(text[a:b] for a, b in (p["source"] or []))
        gcon = " | ".join(text[a:b] for a, b in g["content"])
        pcon = " | ".join(text[a:b] for a, b in p["content"])
        a, b = p["cue"][0]
        lo = min([a] + [x for x, _ in (g["source"] or []) + g["content"]])
        hi = max([b] + [y for _, y in (g["source"] or []) + g["content"]])
        ctx = text[max(lo - 60, 0):a] + "[[" + text[a:b] + "]]" + text[b:min(hi + 30, b + 400)]
        ex = f"CTX: {ctx[-700:]}\n   GOLD src={gsrc!r}\n   PRED src={psrc!r}\n   GOLD con={gcon[:300]!r}\n   PRED con={pcon[:300]!r}"
        for k in (s, c):
            examples[k].append((cue, ex.replace("\n\n", " / ")))

for k, v in sorted(counts.items()):
    print(f"{v:6d} {k}")
if show:
    print()
    for (k, cue), v in by_cue.most_common():
        if k == show and v >= 3:
            print(f"{v:5d} {cue!r}")
    only = opt("--cue", None)
    shown = 0
    for cue, ex in examples.get(show, []):
        if only and cue != only:
            continue
        print("-", ex)
        shown += 1
        if shown >= limit:
            break
