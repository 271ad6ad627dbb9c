#!/usr/bin/env python3
"""Derive src/words/source_heads.txt: the words that head a source (a speaker mention) in
PolNeAR's train split, so the quote stage can tell a speaker ("officials", "the campaign",
"a new poll") from a clause fragment it mistook for one ("came away", "who in 2010").

The head of a source span is its last word (letters only, lower-cased; a possessive 's is not
a word). A word is kept when it heads at least MIN_COUNT gold sources (primary annotations).
Pronouns are kept too: they are resolved, not listed as sources, by the pipeline.

Usage: python3 scripts/derive/source_heads.py /work/shared/data/quotes/polnear > src/words/source_heads.txt
"""
import collections
import json
import re
import sys

MIN_COUNT = 3
WORD = re.compile(r"[A-Za-z]+")
# Words that end a source span only when the annotator cut a phrase short ("one of his"):
# possessives, prepositions, articles and conjunctions never head one.
NOT_HEADS = {
    "his", "her", "their", "its", "our", "my", "your", "the", "a", "an", "of", "in", "on", "at",
    "for", "to", "by", "with", "from", "and", "or", "but", "that", "this", "these", "those",
}


def head(text):
    words = [w.lower() for w in WORD.findall(text.replace("’s", "").replace("'s", ""))]
    return words[-1] if words else None


def main(root):
    counts = collections.Counter()
    with open(f"{root}/attributions.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["split"] != "train" or not r["is_primary_annotation"]:
                continue
            for s in r["source"]:
                h = head(s["text"])
                if h:
                    counts[h] += 1
    kept = sorted(w for w, c in counts.items() if c >= MIN_COUNT and w not in NOT_HEADS)
    print("# Words that head a source (speaker mention) in PolNeAR train, at least "
          f"{MIN_COUNT} times: derived by")
    print("# scripts/derive/source_heads.py. A speaker the quote stage finds but cannot resolve to a")
    print("# name is cut after its last word that is one of these, a pronoun or a name; with none it is")
    print("# dropped (the quote is unattributed).")
    print("# Read by src/quotes/mod.rs.")
    for w in kept:
        print(w)


if __name__ == "__main__":
    main(sys.argv[1])
