#!/usr/bin/env python3
"""Score citetrace's citation edges against hand-judged gold (issue #17).

Usage:
    scripts/score-citations.py [--edges] GOLD.tsv ATTRIBUTIONS.json [GRAPH.json]

GOLD.tsv           data/gold/polnear-citations.tsv (`#` comment lines, then a header row, then one row per edge).
ATTRIBUTIONS.json  output of `citetrace attributions <dirs> --meta <manifest> --format json`.
GRAPH.json         optional: output of `citetrace graph <dirs> --meta <manifest> --format json`; its citation
                   edges (with evidence spans) are scored the same way as the attributions.

Each gold row is matched to the tool's attribution in the same article whose source span overlaps the gold
source span (largest overlap wins); failing that, whose cue span overlaps the gold cue span. Reported:
  * "right entity, right kind, clean name": share of gold attribution edges with a named (non-vague) source whose
    tool entity name equals the gold name or merge key (case, accents, punctuation and a leading "the" ignored)
    AND whose tool kind equals the gold kind; the name part and the kind part separately; unmatched = wrong;
  * the same over all gold attribution edges, counting a gold-vague edge right when the tool flags it vague;
  * non-attributions (gold is_attribution = no) the tool still reports;
  * vague-flag precision and recall;
  * for the five most frequent gold merge keys of kind person: how many distinct tool entity ids they map to
    across the whole corpus (ids whose name or alias is the person's name, surname, or surname with titles /
    initials, e.g. "Trump", "Mr. Trump", "Donald J. Trump", "Trump's"), and the ids the gold rows matched.
With --edges, every gold row is also listed with its verdict (ok, wrong-name, wrong-kind, wrong-both, unresolved,
false-vague, vague-ok, vague-miss, nonattr-reported, nonattr-dropped), the gold name and kind, and what the tool
reported (its source text when the JSON carries it, entity name and kind), so wrong edges can be grouped by cause.
Field names are read leniently so the JSON may grow (role, affiliation, entity lists, ...). Python 3 stdlib only.
"""

import collections
import json
import re
import sys
import unicodedata

# ----------------------------------------------------------------------------------------------------------------
# normalisation


def norm(name):
    """Lower-case, strip accents, possessive 's, punctuation and a leading 'the'; collapse spaces."""
    if not name:
        return ''
    s = unicodedata.normalize('NFKD', str(name))
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = s.replace('\u2019', "'").replace('\u2018', "'").lower()
    s = re.sub(r"'s\b", '', s)
    s = re.sub(r"[^\w\s]", ' ', s)
    s = re.sub(r'\s+', ' ', s).strip()
    if s.startswith('the '):
        s = s[4:]
    return s


def yes(v):
    return str(v).strip().lower() in ('yes', 'y', 'true', '1')


# ----------------------------------------------------------------------------------------------------------------
# gold


def read_gold(path):
    rows, header = [], None
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            line = line.rstrip('\n').rstrip('\r')
            if not line.strip() or line.startswith('#'):
                continue
            cells = line.split('\t')
            if header is None:
                header = [c.strip().lower() for c in cells]
                continue
            row = dict(zip(header, cells + [''] * (len(header) - len(cells))))
            for k in ('src_start', 'src_end', 'cue_start', 'cue_end'):
                try:
                    row[k] = int(row.get(k, ''))
                except ValueError:
                    row[k] = None
            rows.append(row)
    return rows


# ----------------------------------------------------------------------------------------------------------------
# tool output, read leniently


def first(d, *keys, default=None):
    if not isinstance(d, dict):
        return default
    for k in keys:
        if k in d and d[k] is not None:
            return d[k]
    return default


def span_of(v, d=None, prefix=None):
    """A (start, end) pair from {start,end}, [start,end], or flat keys <prefix>_start/<prefix>_end."""
    if isinstance(v, dict):
        s, e = first(v, 'start', 'begin', 'from'), first(v, 'end', 'stop', 'to')
        if isinstance(s, int) and isinstance(e, int):
            return (s, e)
        sp = first(v, 'span', 'spans')
        if sp is not None:
            return span_of(sp)
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, int) for x in v):
        return (v[0], v[1])
    if isinstance(v, (list, tuple)) and v and isinstance(v[0], (dict, list)):
        return span_of(v[0])
    if d is not None and prefix:
        s, e = first(d, prefix + '_start'), first(d, prefix + '_end')
        if isinstance(s, int) and isinstance(e, int):
            return (s, e)
    return None


class Catalogue:
    """Entity id -> (name, kind, aliases) from the 'entities' list of the attributions JSON and graph nodes."""

    def __init__(self):
        self.by_id = {}

    def add(self, ent):
        if not isinstance(ent, dict):
            return
        eid = first(ent, 'id', 'entity_id', 'key')
        if eid is None:
            return
        aliases = first(ent, 'aliases', 'alias', default=[]) or []
        if isinstance(aliases, str):
            aliases = [aliases]
        aliases = [first(a, 'name', 'text', default='') if isinstance(a, dict) else str(a) for a in aliases]
        old = self.by_id.get(eid, {})
        self.by_id[eid] = {
            'id': eid,
            'name': first(ent, 'name', 'label', 'canonical', 'canonical_name', default=old.get('name', '')),
            'kind': first(ent, 'kind', 'type', 'entity_kind', default=old.get('kind', '')),
            'aliases': list(dict.fromkeys((old.get('aliases') or []) + aliases)),
        }


def entity_of(raw, cat):
    """A dict {id,name,kind} from an entity field that may be a dict, an id string or missing."""
    if raw is None:
        return None
    if isinstance(raw, str):
        known = cat.by_id.get(raw)
        return dict(known) if known else {'id': raw, 'name': '', 'kind': ''}
    if isinstance(raw, dict):
        eid = first(raw, 'id', 'entity_id', 'key')
        known = cat.by_id.get(eid, {}) if eid is not None else {}
        return {
            'id': eid,
            'name': first(raw, 'name', 'label', 'canonical', 'canonical_name', default=known.get('name', '')),
            'kind': first(raw, 'kind', 'type', 'entity_kind', default=known.get('kind', '')),
        }
    return None


def article_of(a):
    art = first(a, 'article', 'article_id', 'doc', 'document', 'doc_id')
    if isinstance(art, dict):
        art = first(art, 'id', 'name', 'article')
    if isinstance(art, str):
        art = art.split('/')[-1]
        if art.endswith('.txt'):
            art = art[:-4]
        if art.startswith('article:'):
            art = art[len('article:'):]
    return art


def read_attributions(path):
    with open(path, encoding='utf-8') as fh:
        data = json.load(fh)
    cat = Catalogue()
    items = data
    if isinstance(data, dict):
        for ent in first(data, 'entities', default=[]) or []:
            cat.add(ent)
        items = first(data, 'attributions', 'items', 'results', default=[])
    out = []
    for a in items or []:
        if not isinstance(a, dict):
            continue
        ents = []
        raw_list = first(a, 'entities', 'resolved')
        if isinstance(raw_list, list):
            ents = [e for e in (entity_of(r, cat) for r in raw_list) if e]
        single = entity_of(first(a, 'entity', 'entity_id', 'resolved_entity'), cat)
        if single and not any(e.get('id') == single.get('id') for e in ents):
            ents.insert(0, single)
        # further entities of a source naming several ("also": citetrace's field)
        for r in first(a, 'also', default=[]) or []:
            e = entity_of(r, cat)
            if e and not any(x.get('id') == e.get('id') for x in ents):
                ents.append(e)
        src = first(a, 'source', 'source_span')
        vague = first(a, 'vague', 'is_vague', 'vague_source')
        if vague is None and isinstance(src, dict):
            vague = first(src, 'vague', 'is_vague')
        out.append({
            'article': article_of(a),
            'text': first(src, 'text', default='') if isinstance(src, dict) else '',
            'src': span_of(src, a, 'source'),
            'cue': span_of(first(a, 'cue', 'cue_span'), a, 'cue'),
            'entities': ents,
            'vague': bool(vague),
        })
    return out, cat


def read_graph(path):
    with open(path, encoding='utf-8') as fh:
        g = json.load(fh)
    cat = Catalogue()
    for n in first(g, 'nodes', default=[]) or []:
        cat.add(n)
    out = []
    by_span = {}
    for e in first(g, 'edges', 'links', default=[]) or []:
        kind = str(first(e, 'kind', 'type', default='')).lower()
        if kind in ('copies', 'published-by', 'authored-by', 'affiliated-with', 'publishes'):
            continue
        ev = first(e, 'evidence', default=None)
        if not isinstance(ev, list) or not ev:
            continue
        art = article_of({'article': first(e, 'from', 'source_node', 'src')})
        target = cat.by_id.get(first(e, 'to', 'target', 'dst'), {'id': first(e, 'to'), 'name': '', 'kind': ''})
        vague = bool(first(e, 'vague', default=False)) or str(target.get('kind', '')).lower() == 'vague'
        for x in ev:
            src = first(x, 'source', 'source_span')
            rec = {
                'article': art,
                'text': first(src, 'text', default='') if isinstance(src, dict) else '',
                'src': span_of(src, x, 'source'),
                'cue': span_of(first(x, 'cue', 'cue_span'), x, 'cue'),
                'entities': [] if vague else [dict(target)],
                'vague': vague,
            }
            # One attribution citing two sources ("X and Y said") is one evidence span on two edges.
            key = (art, rec['src'], rec['cue'])
            if key in by_span and rec['src'] is not None:
                old = by_span[key]
                old['entities'] += [e for e in rec['entities'] if e not in old['entities']]
                old['vague'] = old['vague'] and rec['vague']
                continue
            by_span[key] = rec
            out.append(rec)
    return out, cat


# ----------------------------------------------------------------------------------------------------------------
# matching and scoring


def overlap(a, b):
    if not a or not b or a[0] is None or b[0] is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold, tool):
    by_art = collections.defaultdict(list)
    for t in tool:
        by_art[t['article']].append(t)
    matched = []
    for g in gold:
        gs, gc = (g['src_start'], g['src_end']), (g['cue_start'], g['cue_end'])
        # a non-attribution is "still reported" only when its (false) cue is reported again
        need_cue = not yes(g.get('is_attribution'))
        best, key = None, (0, 0)
        for t in by_art.get(g['article'], []):
            k = (overlap(gs, t['src']), overlap(gc, t['cue']))
            if (k[0] == 0 and k[1] == 0) or (need_cue and k[1] == 0):
                continue
            # a source overlap beats any cue-only overlap
            if k > key:
                best, key = t, k
        matched.append(best)
    return matched


def pct(n, d):
    return f'{n}/{d} = {100.0 * n / d:.1f} %' if d else f'{n}/0'


def gold_names(g):
    """The acceptable normalised names: each part of 'A; B', plus the merge key."""
    parts = [p.strip() for p in g.get('name', '').split(';') if p.strip()]
    return parts, {norm(p) for p in parts} | ({norm(g.get('merge_key', ''))} if ';' not in g.get('merge_key', '') else set())


def judge_edge(g, t):
    """(name_ok, kind_ok) for a gold named edge against a tool attribution (None = unmatched)."""
    if t is None or t['vague'] or not t['entities']:
        return False, False
    parts, names = gold_names(g)
    gkind = g.get('kind', '').strip().lower()
    if len(parts) > 1:  # several sources: every part must be one of the tool's entities
        tnames = {norm(e.get('name')) for e in t['entities']}
        name_ok = all(norm(p) in tnames for p in parts)
        kind_ok = all(str(e.get('kind', '')).lower() == gkind for e in t['entities'])
        return name_ok, kind_ok
    e = t['entities'][0]
    return norm(e.get('name')) in names, str(e.get('kind', '')).lower() == gkind


def score(label, gold, tool):
    matched = match(gold, tool)
    pairs = list(zip(gold, matched))
    attr = [(g, t) for g, t in pairs if yes(g.get('is_attribution'))]
    named = [(g, t) for g, t in attr if not yes(g.get('vague')) and g.get('name', '').strip()]
    gvague = [(g, t) for g, t in attr if yes(g.get('vague'))]
    nonattr = [(g, t) for g, t in pairs if not yes(g.get('is_attribution'))]

    print(f'== {label}')
    seen = {t['article'] for t in tool}
    absent = sum(1 for g in gold if g['article'] not in seen)
    if absent:
        print(f'warning: {absent} gold rows are in articles absent from the tool output (counted as misses); '
              'run the tool on PolNeAR train and dev together')
    print(f'gold rows {len(gold)}: attribution edges {len(attr)} (named {len(named)}, vague {len(gvague)}), '
          f'non-attributions {len(nonattr)}; matched to a tool attribution: {pct(sum(1 for t in matched if t), len(gold))}')
    both = name_n = kind_n = 0
    by_kind = collections.defaultdict(lambda: [0, 0])
    for g, t in named:
        n_ok, k_ok = judge_edge(g, t)
        name_n += n_ok
        kind_n += k_ok
        both += n_ok and k_ok
        by_kind[g.get('kind', '')][0] += n_ok and k_ok
        by_kind[g.get('kind', '')][1] += 1
    print(f'right entity, right kind, clean name (named edges): {pct(both, len(named))}')
    if named and all(g.get('weight', '').strip() for g, _ in named):
        w = [(float(g['weight']), all(judge_edge(g, t))) for g, t in named]
        est = sum(x for x, ok in w if ok) / sum(x for x, _ in w)
        print(f'  weighted by sampling stratum (estimate over the baseline\'s attributions): {100.0 * est:.1f} %')
    print(f'  name equals gold name: {pct(name_n, len(named))}')
    print(f'  kind equals gold kind: {pct(kind_n, len(named))}')
    print('  by gold kind: ' + ', '.join(f'{k} {v[0]}/{v[1]}' for k, v in sorted(by_kind.items())))
    vague_right = sum(1 for g, t in gvague if t is not None and t['vague'])
    print(f'right over all attribution edges (gold-vague edge right iff flagged vague): '
          f'{pct(both + vague_right, len(attr))}')
    still = sum(1 for g, t in nonattr if t is not None)
    print(f'non-attributions the tool still reports: {pct(still, len(nonattr))}')

    # vague flags, over every matched row (a flag on a non-attribution is a wrong flag)
    tp = sum(1 for g, t in pairs if t is not None and t['vague'] and yes(g.get('vague')) and yes(g.get('is_attribution')))
    flagged = sum(1 for g, t in pairs if t is not None and t['vague'])
    flagged_attr = sum(1 for g, t in attr if t is not None and t['vague'])
    print(f'vague flags: precision {pct(tp, flagged)} (attributions only: {pct(tp, flagged_attr)}); '
          f'recall {pct(tp, len(gvague))}')
    pron = [(g, t) for g, t in named if g.get('stratum', '') in ('pron', 'desc')]
    if pron:
        ok = sum(1 for g, t in pron if all(judge_edge(g, t)))
        print(f'pronoun/description sources (named gold): {pct(ok, len(pron))}')
    if EDGES:
        list_edges(pairs)
    return matched


def verdict(g, t):
    """One word for what happened to a gold row."""
    if not yes(g.get('is_attribution')):
        return 'nonattr-dropped' if t is None else 'nonattr-reported'
    if yes(g.get('vague')):
        return 'vague-ok' if t is not None and t['vague'] else 'vague-miss'
    if t is not None and t['vague']:
        return 'false-vague'
    if t is None or not t['entities']:
        return 'unresolved'
    n_ok, k_ok = judge_edge(g, t)
    return {(True, True): 'ok', (False, True): 'wrong-name', (True, False): 'wrong-kind'}.get((n_ok, k_ok), 'wrong-both')


def list_edges(pairs):
    """Every gold row with its verdict, sorted by verdict, for grouping wrong edges by cause."""
    rows = []
    for g, t in pairs:
        v = verdict(g, t)
        tool = 'unmatched' if t is None else '{!r} -> {}'.format(
            t.get('text', ''), 'vague' if t['vague'] else
            '; '.join(f"{e.get('name', '')} ({e.get('kind', '')})" for e in t['entities']) or 'no entity')
        gold = f"{g.get('name', '')} ({g.get('kind', '')})" if g.get('name', '').strip() else (
            'vague' if yes(g.get('vague')) else '-')
        rows.append((v, g['article'], g['src_start'] or 0,
                     f"{v:16} {g['article'][:40]:40} {g['src_start']}-{g['src_end']}  gold {gold} | tool {tool}"
                     f" | {g.get('note', '')[:60]}"))
    for r in sorted(rows):
        print('  ' + r[3])


def person_tokens(key):
    return [w for w in norm(key).split() if len(w) > 1]


TITLES = set('''mr mrs ms miss dr sen senator rep representative gov governor president presidential former secretary
mayor candidate nominee republican democrat democratic gop vice first lady but and chairman chairwoman speaker
leader majority minority house senate justice judge gen general rev reverend state u s us america american
businessman billionaire mogul frontrunner front runner rival hopeful'''.split())


def refers_to(name, key):
    """Does a tool entity name look like a form of the person `key` (full name, surname, title + surname)?"""
    k = person_tokens(key)
    if not k:
        return False
    toks = [w for w in norm(name).split() if len(w) > 1 and w not in TITLES]
    return bool(toks) and k[-1] in toks and all(w in k for w in toks)


def merges(gold, tool, cat, matched):
    print('== merging: five most frequent gold people, distinct tool entity ids across the corpus')
    counts = collections.Counter(g['merge_key'] for g in gold
                                 if yes(g.get('is_attribution')) and g.get('kind', '').strip() == 'person'
                                 and g.get('merge_key', '').strip() and ';' not in g['merge_key'])
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    per_id = collections.Counter()
    names = {}
    for t in tool:
        for e in t['entities'][:1]:
            per_id[e.get('id')] += 1
            names.setdefault(e.get('id'), e.get('name', ''))
    surnames = collections.Counter(person_tokens(k)[-1] for k, _ in top if person_tokens(k))
    for key, n in top:
        ids = set()
        for eid in per_id:
            forms = [names.get(eid, '')] + (cat.by_id.get(eid, {}).get('aliases') or [])
            if any(refers_to(f, key) for f in forms):
                ids.add(eid)
        sample_ids = collections.Counter(e.get('id') for g, t in zip(gold, matched)
                                         if t is not None and g.get('merge_key') == key and yes(g.get('is_attribution'))
                                         for e in t['entities'][:1])
        if None in sample_ids:
            del sample_ids[None]
        total = sum(per_id[i] for i in ids)
        shared = ' (surname shared with another top person: surname-only nodes counted for both)' \
            if surnames[person_tokens(key)[-1]] > 1 else ''
        print(f'{key} (gold rows {n}): {len(ids)} distinct tool ids by name across the corpus, '
              f'{total} attributions{shared}')
        for eid in sorted(ids, key=lambda i: -per_id[i])[:8]:
            print(f'    {eid}  "{names.get(eid, "")}"  {per_id[eid]}')
        if len(ids) > 8:
            print(f'    ... {len(ids) - 8} more')
        print(f'  gold rows matched to {len(sample_ids)} distinct ids: '
              + ', '.join(f'{i} x{c}' for i, c in sample_ids.most_common()))


def hand_verdicts(gold):
    cols = [c for c in ('base_entity_ok', 'base_kind_ok', 'base_name_clean', 'base_vague_ok') if c in gold[0]]
    if not cols:
        return
    attr = [g for g in gold if yes(g.get('is_attribution'))]
    print('== hand verdicts on citetrace-base recorded in the gold file (attribution edges)')
    for c in cols:
        judged = [g for g in attr if g.get(c, '-').strip().lower() in ('yes', 'no')]
        print(f'{c}: {pct(sum(1 for g in judged if yes(g[c])), len(judged))}')
    tool_vague = [g for g in gold if g.get('base_vague', '').strip().lower() == 'yes']
    if tool_vague:
        right = sum(1 for g in tool_vague if yes(g.get('is_attribution')) and yes(g.get('vague')))
        print(f'baseline vague flags that are right (hand): {pct(right, len(tool_vague))}')
    named = [g for g in attr if not yes(g.get('vague'))]
    allok = sum(1 for g in named if all(yes(g.get(c)) for c in ('base_entity_ok', 'base_kind_ok', 'base_name_clean')))
    print(f'entity, kind and name all right (hand, named edges): {pct(allok, len(named))}')


EDGES = False


def main(argv):
    global EDGES
    if '--edges' in argv:
        EDGES = True
        argv = [a for a in argv if a != '--edges']
    if len(argv) not in (3, 4):
        print(__doc__.strip().split('\n\n')[1], file=sys.stderr)
        return 2
    gold = read_gold(argv[1])
    if not gold:
        print('no gold rows', file=sys.stderr)
        return 2
    tool, cat = read_attributions(argv[2])
    print(f'gold {argv[1]}: {len(gold)} rows; tool {argv[2]}: {len(tool)} attributions')
    matched = score('attributions', gold, tool)
    merges(gold, tool, cat, matched)
    if len(argv) == 4:
        gtool, gcat = read_graph(argv[3])
        print(f'graph {argv[3]}: {len(gtool)} citation evidence spans')
        score('graph citation edges', gold, gtool)
    hand_verdicts(gold)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
