#!/usr/bin/env python3
"""Score `citetrace copies --format json` output against a hand-judged copy-pair gold file.

Usage: scripts/score-copies.py GOLD.tsv COPIES.json

GOLD.tsv: tab-separated, `#` comment lines, a header row, columns
  a b verdict direction a_start a_end b_start b_end reason
(see data/gold/polnear-copies.tsv). Only verdict == "copy" counts as a true copy.

COPIES.json: the output of `citetrace copies ... --format json` (a list of pairs), or an object
holding such a list (under "copies", "pairs" or "copy_pairs"); other relation lists in the object
(shared quotes, house reuse, common source, ...) are ignored. JSON Lines is accepted too. Each pair
may name its articles as origin/copy, a/b, source/derivative or from/to; `directed: false` marks an
undirected pair. Python 3 standard library only. Always exits 0.
"""

import json
import sys
from collections import Counter

ID_KEYS = (("origin", "copy"), ("a", "b"), ("source", "derivative"), ("from", "to"))
LIST_KEYS = ("copies", "pairs", "copy_pairs", "items")


def read_gold(path):
    """Return {(a, b): (verdict, direction)} with a < b."""
    gold = {}
    with open(path, encoding="utf-8") as f:
        header_seen = False
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not header_seen and cols[0] == "a":
                header_seen = True
                continue
            if len(cols) < 4:
                print(f"warning: short gold line skipped: {line[:80]}", file=sys.stderr)
                continue
            a, b, verdict, direction = cols[0], cols[1], cols[2], cols[3]
            if a > b:
                a, b = b, a
                direction = {"a->b": "b->a", "b->a": "a->b"}.get(direction, direction)
            gold[(a, b)] = (verdict, direction)
    return gold


def find_pair_list(doc):
    """Find the list of copy pairs in a parsed JSON document."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        if any(isinstance(doc.get(k1), str) and isinstance(doc.get(k2), str) for k1, k2 in ID_KEYS):
            return [doc]
        for key in LIST_KEYS:
            if isinstance(doc.get(key), list):
                return doc[key]
        # a single list of pair-like objects
        lists = [v for v in doc.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        pairlike = [v for v in lists if any(k1 in v[0] and k2 in v[0] for k1, k2 in ID_KEYS)]
        if len(pairlike) == 1:
            return pairlike[0]
    return []


def read_reported(path):
    """Return {(a, b): origin-or-None} for the reported copy pairs (a < b)."""
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    try:
        items = find_pair_list(json.loads(raw))
    except json.JSONDecodeError:
        items = []
        for line in raw.splitlines():
            if line.strip():
                items.extend(find_pair_list(json.loads(line)))
    reported = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        for k1, k2 in ID_KEYS:
            if k1 in item and k2 in item:
                x, y = item[k1], item[k2]
                break
        else:
            continue
        if isinstance(x, dict):
            x = x.get("id", x.get("article"))
        if isinstance(y, dict):
            y = y.get("id", y.get("article"))
        x, y = str(x), str(y)
        if x == y:
            continue
        directed = item.get("directed", True) is not False
        origin = x if directed else None
        key = (min(x, y), max(x, y))
        reported[key] = origin
    return reported


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 0
    gold = read_gold(argv[1])
    reported = read_reported(argv[2])
    gold_copies = {p for p, (v, _) in gold.items() if v == "copy"}
    judged = [p for p in reported if p in gold]
    unjudged = sorted(p for p in reported if p not in gold)
    true_pos = [p for p in judged if p in gold_copies]
    false_pos = [p for p in judged if p not in gold_copies]

    print(f"gold: {len(gold)} judged pairs, {len(gold_copies)} copies")
    print(f"reported pairs: {len(reported)}")
    print(f"  judged: {len(judged)}   unjudged: {len(unjudged)}")
    if unjudged:
        print("  unjudged pairs (judge them before the figures count):")
        for a, b in unjudged:
            print(f"    {a}\t{b}")
    if judged:
        print(f"precision (copy among judged reported): {len(true_pos)}/{len(judged)} = "
              f"{len(true_pos) / len(judged):.3f}")
    else:
        print("precision: n/a (no judged pairs reported)")
    if unjudged:
        print(f"precision if every unjudged pair is wrong: {len(true_pos)}/{len(reported)} = "
              f"{len(true_pos) / len(reported):.3f}")
    if gold_copies:
        print(f"recall (gold copies reported): {len(true_pos)}/{len(gold_copies)} = "
              f"{len(true_pos) / len(gold_copies):.3f}")
        for a, b in sorted(gold_copies - set(reported)):
            print(f"  missed: {a}\t{b}")

    directed_gold = [p for p in true_pos if gold[p][1] in ("a->b", "b->a")]
    right = wrong = undirected = 0
    for p in directed_gold:
        origin = reported[p]
        want = p[0] if gold[p][1] == "a->b" else p[1]
        if origin is None:
            undirected += 1
        elif origin == want:
            right += 1
        else:
            wrong += 1
            print(f"  wrong direction: {p[0]}\t{p[1]} (gold {gold[p][1]}, reported origin {origin})")
    if directed_gold:
        print(f"direction accuracy on directed gold copies found: {right}/{len(directed_gold)} = "
              f"{right / len(directed_gold):.3f} (wrong {wrong}, reported undirected {undirected})")
    else:
        print("direction accuracy: n/a (no directed gold copy reported)")

    print("false positives by verdict:")
    by_verdict = Counter(gold[p][0] for p in false_pos)
    for verdict, count in by_verdict.most_common():
        print(f"  {verdict}: {count}")
    if not by_verdict:
        print("  (none)")
    return 0


if __name__ == "__main__":
    main(sys.argv)
    sys.exit(0)
