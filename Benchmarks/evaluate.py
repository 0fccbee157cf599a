#!/usr/bin/env python3
"""Cluster-quality evaluator for Samenspel (standard library only).

  evaluate.py GOLD.json PRED.json      score a clustering against hand labels
  evaluate.py --baseline GOLD.json     score the naive baseline on the same labels

GOLD.json: {"notes":[{"id","group","text","label"}]}
PRED.json: {"themes":[{"id","label","ids":[...]}]}  (output of `samenspel cluster --format json`)

Prints one line: B-cubed precision/recall/F1, adjusted Rand index, number of clusters.
The baseline is the naive approach: word TF-IDF (lower-cased \\w+ tokens, no stop words,
no stemming, no spelling), cosine similarity, average-link agglomeration cut at a fixed
threshold (default 0.2, --threshold to change).
"""
import json, math, re, sys
from collections import Counter, defaultdict


def bcubed(gold, pred):
    ids = list(gold)
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for i in ids:
        by_gold[gold[i]].add(i)
        by_pred[pred[i]].add(i)
    p = r = 0.0
    for i in ids:
        same_pred, same_gold = by_pred[pred[i]], by_gold[gold[i]]
        both = len(same_pred & same_gold)
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(ids), r / len(ids)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ari(gold, pred):
    ids = list(gold)
    n = len(ids)
    comb = lambda k: k * (k - 1) / 2
    table = Counter((gold[i], pred[i]) for i in ids)
    a = Counter(gold[i] for i in ids)
    b = Counter(pred[i] for i in ids)
    index = sum(comb(v) for v in table.values())
    sa, sb = sum(comb(v) for v in a.values()), sum(comb(v) for v in b.values())
    expected = sa * sb / comb(n)
    maximum = (sa + sb) / 2
    return 0.0 if maximum == expected else (index - expected) / (maximum - expected)


def baseline(notes, threshold):
    docs = [Counter(re.findall(r"\w+", n["text"].lower())) for n in notes]
    df = Counter(w for d in docs for w in d)
    N = len(docs)
    vecs = []
    for d in docs:
        v = {w: (1 + math.log(c)) * math.log(N / df[w]) for w, c in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    sim = [[sum(x * vecs[j].get(w, 0) for w, x in vecs[i].items()) for j in range(N)] for i in range(N)]
    clusters = [[i] for i in range(N)]
    while True:
        best, pair = threshold, None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                s = sum(sim[i][j] for i in clusters[a] for j in clusters[b]) / (len(clusters[a]) * len(clusters[b]))
                if s >= best and (pair is None or s > best):
                    best, pair = s, (a, b)
        if pair is None:
            break
        a, b = pair
        clusters[a] += clusters.pop(b)
    return {notes[i]["id"]: k for k, c in enumerate(clusters) for i in c}


def main(argv):
    threshold = 0.2
    if "--threshold" in argv:
        k = argv.index("--threshold")
        threshold = float(argv[k + 1])
        del argv[k:k + 2]
    if argv[0] == "--baseline":
        notes = json.load(open(argv[1]))["notes"]
        pred = baseline(notes, threshold)
        name = f"baseline tfidf avg-link@{threshold}"
    else:
        notes = json.load(open(argv[0]))["notes"]
        themes = json.load(open(argv[1]))["themes"]
        pred = {i: t["id"] for t in themes for i in t["ids"]}
        name = "samenspel"
        missing = [n["id"] for n in notes if n["id"] not in pred]
        counts = Counter(i for t in themes for i in t["ids"])
        dupes = [i for i, c in counts.items() if c > 1]
        if missing or dupes:
            sys.exit(f"invalid clustering: missing {missing[:5]} duplicated {dupes[:5]}")
    gold = {n["id"]: n["label"] for n in notes}
    p, r, f = bcubed(gold, pred)
    a = ari(gold, pred)
    clusters = len(set(pred.values()))
    multi = sum(1 for c, k in Counter(pred.values()).items() if k > 1)
    print(f"{name:32s} B3-P {p:.3f}  B3-R {r:.3f}  B3-F1 {f:.3f}  ARI {a:.3f}  "
          f"clusters {clusters} ({multi} with 2+ notes)")


if __name__ == "__main__":
    main(sys.argv[1:])
