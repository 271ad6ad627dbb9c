#!/usr/bin/env python3
"""Derives model/lexicon.tsv: distributional word clusters and capitalisation statistics.

Unlabelled text: the words of the OntoNotes train + train_extra files (tags ignored; dev is NOT
used) and the PolNeAR article texts (train + dev). Word vectors are PPMI co-occurrence rows
(left and right neighbours among the most frequent words) reduced by truncated SVD; k-means at
three granularities gives hierarchical-ish cluster ids. Output columns (0 = unknown):
  c64, c256, c1024 : cluster ids + 1
  cap              : share of mid-sentence occurrences written capitalised, bucket 1..5
  zipf             : wordfreq Zipf frequency of the lowercased word, rounded, + 1 (0 = absent)

Usage: python3 scripts/derive/clusters.py /work/shared/data > model/lexicon.tsv
Needs: numpy scipy scikit-learn wordfreq (pip).
"""
import collections
import glob
import os
import re
import sys

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD
from wordfreq import zipf_frequency

UNESCAPE = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
            "``": '"', "''": '"', "`": "'", "/.": ".", "/?": "?", "/-": "-"}
MIN_COUNT = 3
CONTEXTS = 3000
DIMS = 100


def norm(w):
    w = UNESCAPE.get(w, w)
    w = re.sub(r"[0-9]", "0", w)
    return w.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


def bio_sentences(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            w = line.split("\t")[0]
            if w != "-DOCSTART-":
                sent.append(norm(w))
    if sent:
        yield sent


TOKEN = re.compile(r"[A-Za-z]+(?:\.[A-Za-z]+)+\.?|\w+(?:[.,:]\d+)*|n't|'s|[^\w\s]")


def text_sentences(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for para in re.split(r"\n\s*\n", text):
        for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", para):
            toks = [norm(t) for t in TOKEN.findall(sent.replace("’", "'"))]
            if toks:
                yield toks


def main(data):
    sents = []
    onto = os.path.join(data, "ner", "ontonotes5")
    for name in ["train.bio", "train_extra_v12.bio"]:
        sents.extend(bio_sentences(os.path.join(onto, name)))
    for path in sorted(glob.glob(os.path.join(data, "quotes", "polnear", "text", "*", "*.txt"))):
        sents.extend(text_sentences(path))
    counts = collections.Counter(w for s in sents for w in s)
    vocab = [w for w, c in counts.most_common() if c >= MIN_COUNT]
    index = {w: i for i, w in enumerate(vocab)}
    lower_counts = collections.Counter()
    for w, c in counts.items():
        lower_counts[w.lower()] += c
    ctx_words = [w for w, _ in lower_counts.most_common(CONTEXTS)]
    ctx = {w: i for i, w in enumerate(ctx_words)}
    rows, cols = [], []
    cap = collections.defaultdict(lambda: [0, 0])
    for s in sents:
        low = [w.lower() for w in s]
        for i, w in enumerate(s):
            if i > 0 and w[:1].isalpha():
                cap[low[i]][0 if w[0].isupper() else 1] += 1
            r = index.get(w)
            if r is None:
                continue
            for d, off in ((-1, 0), (1, 1), (-2, 2), (2, 3)):
                j = i + d
                c = ctx.get(low[j]) if 0 <= j < len(s) else None
                if c is None:
                    c = CONTEXTS if 0 <= j < len(s) else CONTEXTS + 1
                rows.append(r)
                cols.append(off * (CONTEXTS + 2) + c)
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                          shape=(len(vocab), 4 * (CONTEXTS + 2)))
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total
    coo = m.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    vecs = TruncatedSVD(DIMS, random_state=1).fit_transform(ppmi)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    print(f"vocab {len(vocab)} from {sum(counts.values())} tokens", file=sys.stderr)
    ids = []
    for k in (64, 256, 1024):
        km = MiniBatchKMeans(k, random_state=1, batch_size=4096, n_init=3).fit(vecs)
        ids.append(km.labels_ + 1)
        print(f"k-means {k} done", file=sys.stderr)
    print("# word\tc64\tc256\tc1024\tcap\tzipf")
    for i, w in enumerate(vocab):
        up, lo = cap.get(w.lower(), (0, 0))
        capb = 0 if up + lo == 0 else 1 + min(4, int(5 * up / (up + lo)))
        z = zipf_frequency(w.lower(), "en")
        zb = 0 if z <= 0 else 1 + int(round(z))
        print(f"{w}\t{ids[0][i]}\t{ids[1][i]}\t{ids[2][i]}\t{capb}\t{zb}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
