#!/usr/bin/env python3
"""Scores citetrace's HTML reader against saved pages with expected text and metadata.

The corpus layout is Mozilla Readability's test pages: one folder per page holding
`source.html` (the page as saved), `expected.html` (the article a good extractor keeps)
and `expected-metadata.json` (title, byline, siteName, publishedTime ...).

For every page the script runs `citetrace articles --format json --text` once on a
folder of links named `<page>.html` (so the article id is the page name) and reports:

- body: word-level precision / recall / F1 of the extracted text against the text of
  `expected.html` (bags of lower-cased Unicode words), their means over all pages (a
  page read as no text scores 0), and the pages read as no text;
- metadata, per field (title, byline, date, site): over the pages whose expected value
  is set, the share we give exactly (after folding case, whitespace, quotes and
  dashes; a leading "By" on bylines, a leading "The" on site names; dates compared
  as calendar days; `title*` also accepts a title that differs by one
  separator-delimited segment at either end, such as "| Site"), and how many
  pages we leave empty or where we set a value the expectation leaves empty.

Usage:
    scripts/score-html.py [--bin target/release/citetrace] [--corpus DIR] [--pages]
                          [--json OUT]

Prints the summary; `--pages` adds one line per page (worst first); `--json` writes
per-page figures. Nothing from the pages is written except ids and figures.
"""

import argparse
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter

DEFAULT_CORPUS = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "..", "shared", "corpora", "readability-test-pages",
)
SKIP_TAGS = {"script", "style", "noscript", "template"}
BLOCK_TAGS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "pre", "blockquote", "section", "article", "figure", "figcaption", "ul", "ol",
    "table", "dd", "dt", "hr",
}


class TextOf(html.parser.HTMLParser):
    """The visible text of an HTML fragment, blocks separated by newlines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def text_of_html(markup):
    parser = TextOf()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


WORD = re.compile(r"\w+", re.UNICODE)


def words(text):
    return Counter(w.lower() for w in WORD.findall(text or ""))


def prf(got, want):
    if not got and not want:
        return 1.0, 1.0, 1.0
    common = sum((got & want).values())
    p = common / max(1, sum(got.values()))
    r = common / max(1, sum(want.values()))
    f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
    return p, r, f


FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
    "\u2014": "-", "\u00a0": " ",
})


def fold(value):
    if value is None:
        return None
    v = unicodedata.normalize("NFC", str(value)).translate(FOLD).casefold()
    v = re.sub(r"\s+", " ", v).strip()
    return v or None


def fold_byline(value):
    v = fold(value)
    if v is None:
        return None
    v = re.sub(r"^by\s+", "", v)
    return v.strip(" ,.|-") or None


def fold_site(value):
    v = fold(value)
    return re.sub(r"^the\s+", "", v) if v else None


def fold_date(value):
    v = fold(value)
    if v is None:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})", v)
    return m.group(1) if m else v


FIELDS = {
    # field: (expected key, our key, folding)
    "title": ("title", "title", fold),
    "byline": ("byline", "author", fold_byline),
    "date": ("publishedTime", "date", fold_date),
    "site": ("siteName", "outlet", fold_site),
}


SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " \u00b7 ", " :: ", " // ")


def title_variants(title):
    """The title and the title without one separator-delimited segment at either end."""
    out = {title}
    for sep in SEPARATORS:
        sep = fold(sep.strip()).join("  ")
        if sep in title:
            out.add(title.rsplit(sep, 1)[0].strip())
            out.add(title.split(sep, 1)[1].strip())
    return out


def value(field):
    if isinstance(field, dict):
        return field.get("value")
    return field


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="target/release/citetrace")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--pages", action="store_true", help="one line per page, worst first")
    ap.add_argument("--json", help="write per-page figures here")
    ap.add_argument("--from-json", help="score this JSON array of {id, text, title, author, date, "
                    "outlet} (another extractor's output) instead of running citetrace")
    args = ap.parse_args()

    names = sorted(
        d for d in os.listdir(args.corpus)
        if os.path.isfile(os.path.join(args.corpus, d, "source.html"))
    )
    if not names:
        sys.exit(f"no pages (folders with source.html) in {args.corpus}")
    if args.from_json:
        with open(args.from_json, encoding="utf-8") as f:
            read = {a["id"]: a for a in json.load(f)}
        input_bytes = sum(os.path.getsize(os.path.join(args.corpus, n, "source.html")) for n in names)
        seconds = float("nan")
    else:
        read, input_bytes, seconds = run_citetrace(args.bin, args.corpus, names)
    score(args, names, read, input_bytes, seconds)


def run_citetrace(binary, corpus, names):
    """Runs citetrace once on links to every page; returns the articles by id."""
    with tempfile.TemporaryDirectory() as tmp:
        input_bytes = 0
        for name in names:
            src = os.path.abspath(os.path.join(corpus, name, "source.html"))
            input_bytes += os.path.getsize(src)
            os.symlink(src, os.path.join(tmp, name + ".html"))
        start = time.monotonic()
        run = subprocess.run(
            [binary, "articles", tmp, "--follow", "--format", "json", "--text"],
            capture_output=True, text=True, check=False,
        )
        seconds = time.monotonic() - start
    if run.returncode not in (0, 1):
        sys.exit(f"citetrace failed ({run.returncode}):\n{run.stderr}")
    if run.stderr.strip():
        print(f"stderr lines: {len(run.stderr.strip().splitlines())}", file=sys.stderr)
    return {a["id"]: a for a in json.loads(run.stdout or "[]")}, input_bytes, seconds


def score(args, names, read, input_bytes, seconds):
    """Prints the summary (and per-page lines) for the articles read."""
    rows = []
    for name in names:
        folder = os.path.join(args.corpus, name)
        with open(os.path.join(folder, "expected.html"), encoding="utf-8") as f:
            want = words(text_of_html(f.read()))
        meta_path = os.path.join(folder, "expected-metadata.json")
        expected = {}
        if os.path.exists(meta_path):
            with open(meta_path, encoding="utf-8") as f:
                expected = json.load(f)
        article = read.get(name)
        got = words(article["text"]) if article else Counter()
        p, r, f1 = prf(got, want)
        row = {"page": name, "read": article is not None, "precision": p, "recall": r, "f1": f1,
               "expected_words": sum(want.values()), "words": sum(got.values()), "meta": {}}
        for field, (want_key, our_key, folding) in FIELDS.items():
            w = folding(expected.get(want_key))
            g = folding(value(article.get(our_key))) if article else None
            row["meta"][field] = {"expected": w is not None, "given": g is not None,
                                  "correct": w is not None and w == g}
            if field == "title":
                row["meta"][field]["site_segment_ignored"] = (
                    w is not None and g is not None
                    and bool(title_variants(w) & title_variants(g)))
        rows.append(row)

    n = len(rows)
    mean = lambda key: sum(r[key] for r in rows) / n  # noqa: E731
    no_text = [r["page"] for r in rows if not r["read"] or r["words"] == 0]
    empty_expected = [r["page"] for r in rows if r["expected_words"] == 0]
    print(f"pages: {n}  ({input_bytes / 1e6:.1f} MB of HTML, run {seconds:.2f} s wall incl. start-up)")
    print(f"body word F1: mean {mean('f1'):.3f}  precision {mean('precision'):.3f}  recall {mean('recall'):.3f}")
    print(f"pages below F1 0.5: {sum(r['f1'] < 0.5 for r in rows)}   below 0.8: {sum(r['f1'] < 0.8 for r in rows)}")
    print(f"pages with no text: {len(no_text)} {' '.join(no_text)}")
    if empty_expected:
        print(f"pages whose expected text is empty: {' '.join(empty_expected)}")
    print("metadata (over pages with an expected value):")
    print(f"  {'field':<7} {'expected':>8} {'correct':>8} {'accuracy':>8} {'missing':>8} {'extra':>6}")
    for field in FIELDS:
        cells = [r["meta"][field] for r in rows]
        exp = sum(c["expected"] for c in cells)
        ok = sum(c["correct"] for c in cells)
        missing = sum(c["expected"] and not c["given"] for c in cells)
        extra = sum(c["given"] and not c["expected"] for c in cells)
        acc = ok / exp if exp else float("nan")
        print(f"  {field:<7} {exp:>8} {ok:>8} {acc:>8.3f} {missing:>8} {extra:>6}")
        if field == "title":
            lenient = sum(c.get("site_segment_ignored", False) for c in cells)
            print(f"  {'title*':<7} {exp:>8} {lenient:>8} {lenient / exp:>8.3f}"
                  "   (* a site-name segment such as '| Site' at either end ignored)")
    if args.pages:
        for r in sorted(rows, key=lambda r: r["f1"]):
            wrong = [k for k, c in r["meta"].items() if c["expected"] and not c["correct"]]
            print(f"{r['f1']:.3f} p={r['precision']:.3f} r={r['recall']:.3f} "
                  f"{r['words']:>6}/{r['expected_words']:<6} {r['page']}  meta-wrong: {','.join(wrong)}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
