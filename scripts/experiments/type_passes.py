#!/usr/bin/env python3
"""Measures two second passes over the entity model's output that re-decide entity *types*
(same-span wrong type is the largest error class on OntoNotes dev: 547 of ~1,900 errors).
Neither ships: this script keeps the measurement reproducible.

1. Document vote: every span takes the type its string gets most often in the document.
2. Span re-typer: a logistic-regression classifier over whole-span features (the span string,
   first/last word, words inside, word clusters from model/lexicon.tsv, two words of context
   either side, gazetteer hits), trained on the gold spans of train + train_extra, applied to
   the model's spans on dev; its log-probabilities are added to a bonus `beta` for the
   model's own type.

Usage (needs numpy, scikit-learn; about 30 s):
    cargo run --release -- tag-bio ../shared/data/ner/ontonotes5/dev.bio > /tmp/dev.tags
    python3 scripts/experiments/type_passes.py ../shared/data/ner/ontonotes5 /tmp/dev.tags
"""
import collections
import pathlib
import sys

import numpy as np
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import SGDClassifier

MODEL = pathlib.Path(__file__).resolve().parents[2] / "model"


def read_docs(path):
    """Documents of sentences of (token, last-column tag)."""
    docs, doc, sent = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-") or not line:
            if sent:
                doc.append(sent)
                sent = []
            if line.startswith("-DOCSTART-") and doc:
                docs.append(doc)
                doc = []
            continue
        cols = line.split("\t")
        sent.append((cols[0], cols[-1]))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def spans(tags):
    out, start, typ = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if start is not None and not (t.startswith("I-") and t[2:] == typ):
            out.append((start, i, typ))
            start = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start, typ = i, t[2:]
    return out


def load_tables():
    lex = {}
    for line in open(MODEL / "lexicon.tsv", encoding="utf-8"):
        if not line.startswith("#"):
            cols = line.rstrip("\n").split("\t")
            lex[cols[0]] = cols[1:]
    gaz = collections.defaultdict(set)
    for line in open(MODEL / "gazetteer.tsv", encoding="utf-8"):
        kind, name = line.rstrip("\n").split("\t")
        gaz[name.lower()].add(kind)
    return lex, gaz


def shape(w):
    s = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in w)
    return "".join(c for i, c in enumerate(s) if i == 0 or s[i - 1] != c)


def span_features(words, a, b, lex, gaz):
    def cluster(w, col):
        e = lex.get(w) or lex.get(w.lower())
        return e[col] if e else "-"

    def low(i):
        return words[i].lower() if 0 <= i < len(words) else ("<s>" if i < 0 else "</s>")

    sp = words[a:b]
    lw = [w.lower() for w in sp]
    f = ["str=" + " ".join(lw), "strc=" + " ".join(sp), "first=" + lw[0], "last=" + lw[-1],
         "len=%d" % min(b - a, 5), "shape=" + " ".join(map(shape, sp))[:20],
         "suf3=" + lw[-1][-3:], "pre3=" + lw[0][:3],
         "lastc1024=" + cluster(sp[-1], 2), "lastm1024=" + cluster(sp[-1], 6),
         "firstc1024=" + cluster(sp[0], 2),
         "p1=" + low(a - 1), "p2=" + low(a - 2) + "_" + low(a - 1), "n1=" + low(b),
         "n2=" + low(b) + "_" + low(b + 1), "p1n1=" + low(a - 1) + "_" + low(b),
         "p1_last=" + low(a - 1) + "_" + lw[-1]]
    f += ["in=" + w for w in lw]
    f += ["inc256=" + cluster(w, 1) for w in sp] + ["inm256=" + cluster(w, 5) for w in sp]
    f += ["gaz=" + g for g in gaz.get(" ".join(lw), ())]
    f += ["gazlast=" + g for g in gaz.get(lw[-1], ())]
    if a == 0:
        f.append("sentstart")
    return f


def score(pred, gold_total):
    """pred: list of (predicted type, gold type or None) per predicted span."""
    correct = sum(p == g for p, g in pred)
    p, r = correct / len(pred), correct / gold_total
    return correct, 200 * p * r / (p + r)


def main(data_dir, tags_path):
    data = pathlib.Path(data_dir)
    lex, gaz = load_tables()
    dev, guess = read_docs(data / "dev.bio"), read_docs(tags_path)
    assert len(dev) == len(guess), "the tags file must come from dev.bio"
    items = []  # (doc, words, a, b, model type, gold type or None)
    gold_total = 0
    for di, (gdoc, pdoc) in enumerate(zip(dev, guess)):
        for gs, ps in zip(gdoc, pdoc):
            words = [w for w, _ in gs]
            gold = {(a, b): t for a, b, t in spans([t for _, t in gs])}
            gold_total += len(gold)
            for a, b, t in spans([t for _, t in ps]):
                items.append((di, words, a, b, t, gold.get((a, b))))
    correct, f1 = score([(it[4], it[5]) for it in items], gold_total)
    print(f"model alone: correct {correct}, F1 {f1:.2f}")

    votes = collections.defaultdict(collections.Counter)
    for di, words, a, b, t, _ in items:
        votes[(di, " ".join(words[a:b]))][t] += 1
    voted = []
    for di, words, a, b, t, g in items:
        v = votes[(di, " ".join(words[a:b]))]
        best, n = v.most_common(1)[0]
        voted.append((best if n > v[t] else t, g))
    correct, f1 = score(voted, gold_total)
    print(f"document vote: correct {correct}, F1 {f1:.2f}")

    x, y = [], []
    for name in ("train.bio", "train_extra_v12.bio"):
        for doc in read_docs(data / name):
            for sent in doc:
                words = [w for w, _ in sent]
                for a, b, t in spans([t for _, t in sent]):
                    x.append(span_features(words, a, b, lex, gaz))
                    y.append(t)
    hasher = FeatureHasher(n_features=2**21, input_type="string")
    clf = SGDClassifier(loss="log_loss", alpha=1e-6, max_iter=15, tol=None, random_state=0)
    clf.fit(hasher.transform(x), y)
    classes = list(clf.classes_)
    logp = np.log(clf.predict_proba(hasher.transform(
        [span_features(it[1], it[2], it[3], lex, gaz) for it in items])) + 1e-9)
    print(f"re-typer trained on {len(x)} gold spans")
    for beta in (0, 1, 2, 3, 4, 6):
        retyped = []
        for (_, _, _, _, t, g), lp in zip(items, logp):
            s = lp.copy()
            s[classes.index(t)] += beta
            retyped.append((classes[int(np.argmax(s))], g))
        correct, f1 = score(retyped, gold_total)
        print(f"re-typer, model bonus {beta}: correct {correct}, F1 {f1:.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
