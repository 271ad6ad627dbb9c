#!/usr/bin/env python3
"""Derive src/words/first_names.tsv: first names with the gender the news refers to their
bearers by, learned from OntoNotes train (+ extra): for every PERSON name of two or more words,
the first he/his/him or she/her pronoun after it in the same sentence or the next one votes
for its first word. A name is kept when it has at least MIN_VOTES votes and at least RATIO of
them agree; the resolver uses it when an article gives no title or pronoun of its own.

Usage: python3 scripts/derive/first_names.py /work/shared/data/ner/ontonotes5 > src/words/first_names.tsv
"""
import collections
import sys

MIN_VOTES = 3
RATIO = 0.85
MALE = {"he", "his", "him", "himself"}
FEMALE = {"she", "her", "hers", "herself"}


def sentences(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or cols[0] == "-DOCSTART-":
                if sent:
                    yield sent
                sent = []
                continue
            sent.append((cols[0], cols[2]))
    if sent:
        yield sent


def main(root):
    votes = collections.defaultdict(collections.Counter)
    for name in ("train.bio", "train_extra_v12.bio"):
        sents = list(sentences(f"{root}/{name}"))
        for k, sent in enumerate(sents):
            following = [w.lower() for w, _ in sents[k + 1]] if k + 1 < len(sents) else []
            i = 0
            while i < len(sent):
                if sent[i][1] == "B-PERSON":
                    j = i + 1
                    while j < len(sent) and sent[j][1] == "I-PERSON":
                        j += 1
                    first = sent[i][0]
                    if j - i >= 2 and first.isalpha() and first[0].isupper() and len(first) > 1:
                        after = [w.lower() for w, _ in sent[j:]] + following
                        g = next((w for w in after if w in MALE or w in FEMALE), None)
                        if g:
                            votes[first]["m" if g in MALE else "f"] += 1
                    i = j
                else:
                    i += 1
    print("# First names and the gender (m/f) news pronouns give their bearers, learned from OntoNotes")
    print(f"# train by scripts/derive/first_names.py (at least {MIN_VOTES} votes, {int(RATIO * 100)}% agreeing).")
    print("# Read by src/quotes/resolve.rs: a person's gender when the article gives none.")
    for first in sorted(votes):
        c = votes[first]
        total = c["m"] + c["f"]
        g, n = c.most_common(1)[0]
        if total >= MIN_VOTES and n / total >= RATIO:
            print(f"{first}\t{g}")


if __name__ == "__main__":
    main(sys.argv[1])
