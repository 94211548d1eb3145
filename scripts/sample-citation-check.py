#!/usr/bin/env python3
"""Draw the citation check set (data/gold/polnear-citations-check.tsv) from a `citetrace graph` JSON.

Usage:
    scripts/sample-citation-check.py GRAPH.json EXCLUDE_GOLD.tsv [SEED] > worksheet.tsv

The unit is one citation evidence span of the graph (edge kinds `quotes` and `cites`, article -> source), one
per (article, source span, cue span): an attribution naming two sources is one span on two edges, as the scorer
(scripts/score-citations.py, read_graph) counts it. Articles that occur in EXCLUDE_GOLD.tsv are left out, so the
check set and the tuning gold are disjoint. Batch 1: 160 spans drawn uniformly (random.Random(SEED).sample over
the spans sorted by article, source start, cue start). Batch 2: 40 spans drawn with the same generator from the
vague-flagged spans batch 1 did not take. The worksheet lists the spans and what the graph says about them
(entity id, name, kind, vague) for judging by reading; the verdicts are added by hand. Python 3 stdlib only.
"""
import json
import random
import sys


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip().split('\n\n')[1], file=sys.stderr)
        return 2
    seed = int(argv[3]) if len(argv) == 4 else 5
    with open(argv[1], encoding='utf-8') as fh:
        g = json.load(fh)
    excluded = set()
    with open(argv[2], encoding='utf-8') as fh:
        header = None
        for line in fh:
            if line.startswith('#') or not line.strip():
                continue
            if header is None:
                header = line
                continue
            excluded.add(line.split('\t')[0])
    nodes = {n['id']: n for n in g['nodes']}
    spans = {}
    for e in g['edges']:
        if e.get('kind') not in ('quotes', 'cites'):
            continue
        art = e['from'].removeprefix('article:')
        if art in excluded:
            continue
        target = nodes.get(e['to'], {})
        for x in e.get('evidence') or []:
            src, cue = x.get('source') or {}, x.get('cue') or {}
            key = (art, src.get('start', -1), src.get('end', -1), cue.get('start', -1), cue.get('end', -1))
            rec = spans.setdefault(key, {'text': src.get('text', ''), 'cue': cue.get('text', ''),
                                         'vague': True, 'targets': []})
            rec['vague'] = rec['vague'] and bool(e.get('vague'))
            rec['targets'].append((e['to'], target.get('name', ''), target.get('kind', ''), e['kind']))
    keys = sorted(spans)
    rng = random.Random(seed)
    batch1 = rng.sample(keys, 160)
    taken = set(batch1)
    vague_pool = [k for k in keys if spans[k]['vague'] and k not in taken]
    batch2 = rng.sample(vague_pool, 40)
    n_vague = sum(1 for k in keys if spans[k]['vague'])
    print(f'# seed {seed}; spans {len(keys)} (vague-flagged {n_vague}) in {len({k[0] for k in keys})} articles; '
          f'excluded articles {len(excluded)}')
    print('batch\tarticle\tsrc_start\tsrc_end\tcue_start\tcue_end\ttool_vague\ttool_ids\ttool_names\ttool_kinds'
          '\tedge_kinds\tsource_text\tcue_text')
    for b, ks in ((1, batch1), (2, batch2)):
        for k in sorted(ks):
            r = spans[k]
            t = r['targets']
            print('\t'.join(str(v) for v in (
                b, *k, 'yes' if r['vague'] else 'no', '; '.join(x[0] for x in t), '; '.join(x[1] for x in t),
                '; '.join(x[2] for x in t), '; '.join(x[3] for x in t), r['text'].replace('\t', ' ').replace('\n', ' '),
                r['cue'].replace('\n', ' '))))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
