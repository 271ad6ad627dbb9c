#!/usr/bin/env python3
"""Joins the corpus lexicon (clusters.py) and the MiniLM clusters (minilm.py) into
model/lexicon.tsv. A word keeps its corpus row (cased) and gains the MiniLM ids of its lowercase
form; MiniLM-only words get a lowercase row with the corpus columns 0.

Usage: python3 scripts/derive/merge_lexicon.py corpus.tsv minilm.tsv > model/lexicon.tsv
"""
import sys


def read(path):
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").lstrip("# ").split("\t")[1:]
        rows = {}
        for line in f:
            parts = line.rstrip("\n").split("\t")
            rows[parts[0]] = parts[1:]
    return head, rows


def main(corpus_path, minilm_path):
    ch, corpus = read(corpus_path)
    mh, minilm = read(minilm_path)
    print("# word\t" + "\t".join(ch + mh))
    seen = set()
    for w, cols in corpus.items():
        print("\t".join([w] + cols + minilm.get(w.lower(), ["0"] * len(mh))))
        seen.add(w)
    for w, cols in minilm.items():
        if w not in seen:
            print("\t".join([w] + ["0"] * len(ch) + cols))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
