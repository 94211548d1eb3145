#!/usr/bin/env python3
"""Inter-annotator agreement on PolNeAR: overlap F1 of the second annotator's
Cue / Source / Content spans against the first's, on the texts that have two
annotation files. The human ceiling for `citetrace eval attributions`.

Usage: scripts/polnear-agreement.py [POLNEAR_DIR]   (default ../shared/corpora/polnear)
Reads the corpus at run time only.
"""
import sys
import glob, os, collections, itertools
ROOT = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/polnear"
def cues(p, kind="Cue"):
    out = []
    for line in open(p, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) > 1 and f[0].startswith("T") and f[1].startswith(kind + " "):
            sp = f[1][len(kind)+1:].split(";"); out.append((int(sp[0].split()[0]), int(sp[-1].split()[1])))
    return out
ov = lambda x,y: x[0]<y[1] and y[0]<x[1]
for split in ("train", "dev"):
    by = collections.defaultdict(list)
    for p in sorted(glob.glob(f"{ROOT}/{split}/attributions/*.ann")):
        stem = os.path.basename(p).rsplit("_", 1)[0]; by[stem].append(p)
    multi = {k: v for k, v in by.items() if len(v) > 1}
    for kind in ("Cue", "Source", "Content"):
        A=B=MA=MB=0
        for k, v in multi.items():
            a = cues(v[0], kind); b = cues(v[1], kind)
            A += len(a); B += len(b); MA += sum(any(ov(x,y) for y in b) for x in a); MB += sum(any(ov(x,y) for y in a) for x in b)
        if A and B:
            p = MB/B; r = MA/A
            print(split, kind, len(multi), "docs with 2+ annotators; F1 of annotator 2 vs 1:", round(2*p*r/(p+r),3), "P", round(p,3), "R", round(r,3))
