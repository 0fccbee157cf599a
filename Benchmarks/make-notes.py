#!/usr/bin/env python3
"""Synthetic notes for the speed benchmark: make-notes.py COUNT > notes.json

Words are drawn (Zipf-like) from a 5,000-word vocabulary sampled from the Dutch hunspell
word list, 3-10 words per note with some stop words, 4 groups. About 5% of the tokens of
the 300 most common words are typo'd (one fixed slip per word, as phone typos repeat).
Deterministic (fixed seed).
"""
import json, random, sys

count = int(sys.argv[1])
rng = random.Random(42)
words = []
with open("/usr/share/hunspell/nl.dic", encoding="utf-8") as dic:
    next(dic)
    for line in dic:
        word = line.split("/")[0].strip()
        if word.isalpha() and word.islower() and 4 <= len(word) <= 14:
            words.append(word)
vocabulary = rng.sample(sorted(words), 5000)
weights = [1 / (rank + 1) for rank in range(len(vocabulary))]

def slip(word):
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]

typos = {w: slip(w) for w in vocabulary[:300]}
stop = ["de", "het", "een", "en", "is", "van", "in", "op", "met", "je"]
groups = ["muziek", "pmt", "beeldend", "drama"]
notes = []
for n in range(count):
    tokens = rng.choices(vocabulary, weights, k=rng.randint(3, 10))
    tokens = [typos[t] if t in typos and rng.random() < 0.05 else t for t in tokens]
    for _ in range(rng.randint(0, 3)):
        tokens.insert(rng.randrange(len(tokens) + 1), rng.choice(stop))
    notes.append({"id": f"s{n:05d}", "group": groups[n % 4], "text": " ".join(tokens)})
json.dump({"notes": notes}, sys.stdout, ensure_ascii=False)
