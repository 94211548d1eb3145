#!/usr/bin/env python3
"""Draw 100 quotes/cites evidence spans from a graph JSON (uniform over spans), excluding the citation golds' articles.

Usage: scripts/sample-graph-verdicts.py GRAPH.json   (from the repository root; GRAPH.json from
`citetrace graph <PolNeAR train+dev> --meta <manifest> --format json`). Writes the worksheet that
data/gold/polnear-graph-verdicts-s5.tsv was judged from.
"""
import json, random, sys, os
G = sys.argv[1] if len(sys.argv) > 1 else 'graph.json'
GOLD = ['data/gold/polnear-citations.tsv', 'data/gold/polnear-citations-check.tsv']
def gold_ids():
    ids = set()
    for f in GOLD:
        for line in open(f, encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            ids.add(line.split('\t')[0])
    ids.discard('article')  # header row, if any
    return ids
def main():
    g = json.load(open(G, encoding='utf-8'))
    nodes = {n['id']: n for n in g['nodes']}
    excl = gold_ids()
    pool = []
    for e in g['edges']:
        if e['kind'] not in ('quotes', 'cites'):
            continue
        art = e['from'].split(':', 1)[1]
        if art in excl:
            continue
        for ev in e['evidence'] or []:
            pool.append((art, e['to'], e['kind'], ev))
    rng = random.Random(2026)
    sample = rng.sample(pool, 100)
    print(len(pool), 'spans in pool', file=sys.stderr)
    out = []
    for art, to, kind, ev in sample:
        n = nodes[to]
        out.append(dict(article=art, to=to, name=n['name'], nkind=n['kind'], ekind=kind, ev=ev))
    json.dump(out, open('/tmp/j3/sample.json', 'w'), ensure_ascii=False, indent=0)
if __name__ == '__main__':
    main()
