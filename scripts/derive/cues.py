#!/usr/bin/env python3
"""Derive model/cues.txt, the reporting-cue table, from PolNeAR's train split.

For every word form, counts how often it occurs in the train texts and how often it is the
head (first word after auxiliaries and adverbs) of a gold cue span (primary annotations only). A form is a cue when it is inside a cue in at
least MIN_RATIO of its occurrences and at least MIN_COUNT times: this keeps verbs of saying
in every tense ("said", "tells", "tweeted") and "according", and drops words that are only
sometimes cues ("in", "show", "called"). Output lines: `form<TAB>cue_count<TAB>ratio`.

Usage: python3 scripts/derive/cues.py /work/shared/data/quotes/polnear > model/cues.txt
"""
import collections
import json
import re
import sys

MIN_COUNT = 3
MIN_RATIO = 0.30
WORD = re.compile(r"[A-Za-z]+")


# Auxiliaries and adverbs that precede the reporting word in a cue ("has also said").
SKIP = {
    "has", "have", "had", "also", "is", "was", "are", "were", "be", "been", "being", "will",
    "would", "could", "can", "should", "may", "might", "did", "does", "do", "not", "then",
    "later", "first", "just", "once", "again", "further", "even", "still", "it", "as",
}


def cue_head(text):
    """The reporting word of a cue: its first word that is not an auxiliary or -ly adverb."""
    for w in WORD.findall(text.lower()):
        if w not in SKIP and not (w.endswith("ly") and len(w) > 4):
            return w
    return None


def main(root):
    cue_words = collections.Counter()
    docs = set()
    with open(f"{root}/attributions.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["split"] != "train" or not r["is_primary_annotation"]:
                continue
            docs.add(r["doc_id"])
            for cue in r["cue"]:
                head = cue_head(cue["text"])
                if head:
                    cue_words[head] += 1
    all_words = collections.Counter()
    for doc in sorted(docs):
        with open(f"{root}/text/train/{doc}.txt", encoding="utf-8") as f:
            for w in WORD.findall(f.read()):
                all_words[w.lower()] += 1
    print("# derived by scripts/derive/cues.py from PolNeAR train cues; form, cue count, cue ratio")
    for w, n in sorted(cue_words.items(), key=lambda kv: (-kv[1], kv[0])):
        ratio = n / max(all_words[w], n)
        if n >= MIN_COUNT and ratio >= MIN_RATIO and len(w) > 2:
            print(f"{w}\t{n}\t{ratio:.2f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/quotes/polnear")
