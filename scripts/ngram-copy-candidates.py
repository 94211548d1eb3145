#!/usr/bin/env python3
"""List article pairs that share word 8-gram runs: candidates for hand-judged copy gold.

Usage: scripts/ngram-copy-candidates.py DIR [DIR...] > candidates.tsv

Independent of citetrace: reads every *.txt under the given directories (id = file stem), folds case,
apostrophes and diacritics, keeps only letter/digit word tokens (so punctuation and quotation marks of
any style are ignored), and finds maximal runs of shared word 8-grams per pair. Prints one line per pair
that shares one run of >= 12 words or >= 2 runs of >= 8 words (the candidate rule used for
data/gold/polnear-copies.tsv): a, b, number of runs, longest run in words, and the longest run's
character offsets (half-open, code points) in a and in b. Prints ids and offsets only, never text.
Python 3 standard library only.
"""

import os
import re
import sys
import unicodedata
from collections import defaultdict

N = 8
MAX_OCC = 5  # occurrences of one 8-gram per article considered (repeated text inside one article)
WORD = re.compile(r"[^\W_]+(?:['’‘][^\W_]+)*")


def tokens(text):
    """Folded word tokens with their character offsets."""
    out = []
    for m in WORD.finditer(text):
        w = re.sub(r"['’‘]", "", m.group().lower())
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
        out.append((w, m.start(), m.end()))
    return out


def main(dirs):
    docs = {}
    for d in dirs:
        for root, _, files in os.walk(d):
            for name in sorted(files):
                if name.endswith(".txt"):
                    with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                        docs[name[:-4]] = tokens(f.read())
    index = defaultdict(lambda: defaultdict(list))
    for doc_id, toks in docs.items():
        words = [w for w, _, _ in toks]
        for i in range(len(words) - N + 1):
            index[tuple(words[i:i + N])][doc_id].append(i)
    matches = defaultdict(set)
    for occ in index.values():
        if len(occ) < 2:
            continue
        ids = sorted(occ)
        for x, a in enumerate(ids):
            for b in ids[x + 1:]:
                for i in occ[a][:MAX_OCC]:
                    for j in occ[b][:MAX_OCC]:
                        matches[(a, b)].add((i, j))
    print("\t".join(["a", "b", "runs", "longest_words", "a_start", "a_end", "b_start", "b_end"]))
    for (a, b), pts in sorted(matches.items()):
        runs = []
        for i, j in sorted(pts):
            if (i - 1, j - 1) in pts:
                continue
            length = 0
            while (i + length, j + length) in pts:
                length += 1
            runs.append((length + N - 1, i, j))
        # drop runs overlapping a longer one (repeated passages inside one article)
        kept = []
        for words, i, j in sorted(runs, reverse=True):
            if any(i < ki + kw and ki < i + words or j < kj + kw and kj < j + words for kw, ki, kj in kept):
                continue
            kept.append((words, i, j))
        longest, i, j = kept[0]
        if longest >= 12 or len(kept) >= 2:
            ta, tb = docs[a], docs[b]
            print(f"{a}\t{b}\t{len(kept)}\t{longest}\t{ta[i][1]}\t{ta[i + longest - 1][2]}"
                  f"\t{tb[j][1]}\t{tb[j + longest - 1][2]}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
