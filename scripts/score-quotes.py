#!/usr/bin/env python3
"""Score `citetrace quotes --format json` output against hand-judged quote gold.

Usage: scripts/score-quotes.py GOLD.tsv QUOTES.json [--list]

GOLD.tsv is data/gold/polnear-quotes.tsv (see its `#` header). QUOTES.json is the output of
`citetrace quotes <dirs...> --format json` on the same corpus.

A gold quote is matched to the tool quote of the same article whose span overlaps it most, if that
overlap covers at least half of the gold span (so a tool quote that joins an interrupted quote into one
statement still matches each gold piece). Prints matched/unmatched gold items, per-status precision
and recall, a confusion matrix, the two targets of issue #11 (altered precision >= 0.9, verified
precision >= 0.95), how often the tool's passage agrees with the gold passage, and the tool's overall
status mix on the whole corpus. With --list, also prints every matched item whose tool status differs
from the gold (article, spans, gold vs tool, the judge's reason). Python 3 standard library only; exits 0
after scoring.
"""

import csv
import json
import signal
import sys
from collections import Counter

STATUSES = ("verified", "altered", "partial", "unverified")
MIN_OVERLAP = 0.5  # share of the gold span a tool quote must cover to count as the same quote


def first(obj, *names):
    """First present, non-None field among `names` (lenient about the tool's field names)."""
    if not isinstance(obj, dict):
        return None
    for name in names:
        if obj.get(name) is not None:
            return obj[name]
    return None


def span_of(obj):
    """(start, end) of a quote/passage object, whether nested in a span-like field or flat."""
    if not isinstance(obj, dict):
        return None
    for key in ("quote", "span", "quote_span", "text_span", "evidence"):
        inner = obj.get(key)
        if isinstance(inner, dict) and "start" in inner and "end" in inner:
            return int(inner["start"]), int(inner["end"])
    if "start" in obj and "end" in obj:
        return int(obj["start"]), int(obj["end"])
    for a, b in (("quote_start", "quote_end"), ("span_start", "span_end")):
        if a in obj and b in obj:
            return int(obj[a]), int(obj[b])
    return None


def quote_list(data):
    """The list of quote records, whether top-level or wrapped in an object."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("quotes", "results", "items", "data", "findings"):
            if isinstance(data.get(key), list):
                return data[key]
        lists = [v for v in data.values() if isinstance(v, list)]
        if lists:
            return max(lists, key=len)
    return []


def norm_status(value):
    """Map the tool's status to one of STATUSES (unknown/missing counts as unverified)."""
    if isinstance(value, dict):
        value = first(value, "status", "kind", "label", "verdict")
    text = str(value or "").strip().lower()
    for status in STATUSES:
        if text.startswith(status[:5]):
            return status
    if text in ("misquote", "misquoted", "changed", "modified"):
        return "altered"
    if text in ("exact", "match", "matched", "confirmed"):
        return "verified"
    if text in ("fragment", "partial-quote", "partially"):
        return "partial"
    return "unverified" if not text or text in ("unknown", "none", "unmatched", "not-found") else text


def tool_record(rec):
    """(article, (start, end), status, against) for one tool quote record, or None if unusable."""
    article = first(rec, "article", "doc", "document", "id", "article_id")
    if isinstance(article, dict):
        article = first(article, "id", "article", "name")
    span = span_of(rec)
    if article is None or span is None:
        return None
    status = norm_status(first(rec, "status", "verdict", "label", "verification"))
    against = first(rec, "against", "matched", "match", "passage", "checked_against", "source_passage")
    against_article = None
    against_span = None
    if isinstance(against, dict):
        against_article = first(against, "article", "doc", "id")
        against_span = span_of(against)
    return str(article), span, status, (against_article, against_span)


def read_gold(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        status = row["status"].strip()
        if status not in STATUSES:
            print(f"warning: skipping gold row with status {status!r}", file=sys.stderr)
            continue
        against = None
        if row.get("against_article", "-") not in ("-", "", None):
            against = (row["against_article"], int(row["against_start"]), int(row["against_end"]))
        rows.append(
            {
                "article": row["article"],
                "span": (int(row["start"]), int(row["end"])),
                "status": status,
                "against": against,
                "speaker": row.get("speaker", ""),
                "reason": row.get("reason", ""),
            }
        )
    return rows


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def ratio(num, den):
    return f"{num / den:.3f}" if den else "  n/a"


def main(argv):
    flags = [a for a in argv[1:] if a.startswith("--")]
    argv = [argv[0]] + [a for a in argv[1:] if not a.startswith("--")]
    if len(argv) != 3 or set(flags) - {"--list"}:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    show_list = "--list" in flags
    gold = read_gold(argv[1])
    with open(argv[2], encoding="utf-8") as handle:
        records = quote_list(json.load(handle))
    tool = [t for t in (tool_record(r) for r in records) if t is not None]
    by_article = {}
    for t in tool:
        by_article.setdefault(t[0], []).append(t)

    matched, unmatched = [], []
    for g in gold:
        best, best_ov = None, 0
        for t in by_article.get(g["article"], []):
            ov = overlap(g["span"], t[1])
            if ov > best_ov:
                best, best_ov = t, ov
        glen = max(1, g["span"][1] - g["span"][0])
        if best is not None and best_ov / glen >= MIN_OVERLAP:
            matched.append((g, best))
        else:
            unmatched.append(g)

    print(f"gold items: {len(gold)}   matched to a tool quote: {len(matched)}   unmatched: {len(unmatched)}")
    print("gold status mix:", ", ".join(f"{s} {sum(g['status'] == s for g in gold)}" for s in STATUSES))
    for g in unmatched:
        print(f"  unmatched: {g['article']} {g['span'][0]}-{g['span'][1]} gold={g['status']}")

    tool_labels = sorted({t[2] for _, t in matched} | set(STATUSES), key=lambda s: (s not in STATUSES, STATUSES.index(s) if s in STATUSES else 0, s))
    confusion = Counter((g["status"], t[2]) for g, t in matched)
    print("\nper status (matched items)      precision  recall   tool-says  gold-says  both")
    for s in STATUSES:
        both = confusion[(s, s)]
        says = sum(v for (gs, ts), v in confusion.items() if ts == s)
        truth = sum(v for (gs, ts), v in confusion.items() if gs == s)
        print(f"  {s:<30} {ratio(both, says):>9}  {ratio(both, truth):>6}   {says:>9}  {truth:>9}  {both:>4}")
    correct = sum(confusion[(s, s)] for s in STATUSES)
    print(f"  accuracy {ratio(correct, len(matched))} ({correct}/{len(matched)})")

    found = {"verified", "altered", "partial"}
    says_found = [(g, t) for g, t in matched if t[2] in found]
    gold_found = [(g, t) for g, t in matched if g["status"] in found]
    both_found = [(g, t) for g, t in matched if g["status"] in found and t[2] in found]
    print(
        f"  same-statement found (any of verified/altered/partial): precision {ratio(len(both_found), len(says_found))}"
        f"  recall {ratio(len(both_found), len(gold_found))}"
    )
    not_misquote = {"verified", "partial"}
    says_alt = [(g, t) for g, t in matched if t[2] == "altered"]
    alt_harmless = sum(1 for g, _ in says_alt if g["status"] in not_misquote)
    alt_none = sum(1 for g, _ in says_alt if g["status"] == "unverified")
    print(f"  tool 'altered' on gold verified/partial: {alt_harmless}   on gold unverified (no such statement): {alt_none}")

    print("\nconfusion matrix (rows = gold, columns = tool)")
    header = "  " + " " * 12 + "".join(f"{s[:10]:>11}" for s in tool_labels)
    print(header)
    for gs in STATUSES:
        print("  " + f"{gs:<12}" + "".join(f"{confusion[(gs, ts)]:>11}" for ts in tool_labels))

    agree = same_article = 0
    comparable = 0
    for g, t in matched:
        if g["status"] == "unverified" or t[2] not in found or g["against"] is None:
            continue
        comparable += 1
        ta, tspan = t[3]
        if ta == g["against"][0]:
            same_article += 1
            if tspan and overlap(tspan, g["against"][1:]) > 0:
                agree += 1
    print(
        f"\npassage check (gold and tool both found a statement: {comparable}): tool cites the gold's article "
        f"{same_article}, overlapping the gold passage {agree} (other valid passages may exist)"
    )

    if show_list:
        print("\nmatched items where the tool disagrees (gold -> tool):")
        for g, t in matched:
            if g["status"] != t[2]:
                ta, tspan = t[3]
                cited = f" tool cites {ta} {tspan[0]}-{tspan[1]}" if ta and tspan else ""
                print(
                    f"  {g['article']} {g['span'][0]}-{g['span'][1]} (tool {t[1][0]}-{t[1][1]}): "
                    f"{g['status']} -> {t[2]}; {g['reason']}{cited}"
                )

    print("\nissue #11 targets (PolNeAR train+dev, by this gold):")
    for s, target in (("altered", 0.9), ("verified", 0.95)):
        both = confusion[(s, s)]
        says = sum(v for (gs, ts), v in confusion.items() if ts == s)
        value = both / says if says else None
        verdict = "n/a" if value is None else ("met" if value >= target else "NOT met")
        print(f"  {s} precision {ratio(both, says)} (target >= {target}): {verdict}")

    mix = Counter(t[2] for t in tool)
    total = len(tool)
    print(f"\ntool status mix on the whole input ({total} quotes, {len(records) - total} records unusable):")
    for s, n in sorted(mix.items(), key=lambda kv: -kv[1]):
        print(f"  {s:<12} {n:>6}  {100 * n / total if total else 0:5.1f} %")
    return 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet exit when piped into `head`
    sys.exit(main(sys.argv))
