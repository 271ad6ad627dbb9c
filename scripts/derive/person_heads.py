#!/usr/bin/env python3
"""Derive src/words/person_heads.txt: nouns that head descriptions of people ("the 31-year-old
defenceman", "a senior official", "the player"), learned from OntoNotes coreference train.

Every gold chain that holds a PERSON name or he/she votes for the heads of its descriptions
(mentions that open with a determiner or possessive and end in a lower-case word; the head is the
last word before a preposition or relative word); a chain that holds it/its or another kind of
name votes against them; other chains (they, no name) do not vote. A head
is kept with at least MIN_PERSON person votes, PERSON_SHARE of its votes person. The quote
resolver reads it (words::is_person_noun) so an unresolved speaker ends at such a head and a
description is known to be a person.

Usage: python3 scripts/derive/person_heads.py ../shared/data > src/words/person_heads.txt
"""
import collections
import json
import sys

MIN_PERSON = 5
PERSON_SHARE = 0.8
OPENERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
           "my", "your", "another", "one", "some"}
ENDS = {"of", "for", "in", "at", "on", "from", "with", "by", "to", "who", "whom", "whose", "which",
        "that", "and", ","}


def head(words):
    """The head of a description (list of tokens), or None."""
    if len(words) < 2 or words[0].lower() not in OPENERS:
        return None
    end = next((i for i in range(1, len(words)) if words[i].lower() in ENDS), len(words))
    h = words[end - 1]
    # A participle ends a reduced relative ("a man raised in Ohio"), not a noun phrase.
    if end < 2 or not h.isalpha() or not h.islower() or len(h) < 3 or h.endswith("ed"):
        return None
    return h


PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
IMPERSONAL = {"it", "its", "itself"}


def kind(words, ner, a, b):
    """"person" for a PERSON name or he/she, "thing" for it/its or another name, else None."""
    if a == b and words[a].lower() in PERSONAL:
        return "person"
    if a == b and words[a].lower() in IMPERSONAL:
        return "thing"
    if ner[a].startswith("B-") and all(t.startswith("I-") for t in ner[a + 1:b + 1]):
        return "person" if ner[a] == "B-PERSON" else "thing"
    return None


def main(data):
    person, other = collections.Counter(), collections.Counter()
    with open(f"{data}/coref/ontonotes5/train.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            words = [w for s in doc["sentences"] for w in s]
            ner = [t for s in doc["ner"] for t in s]
            for chain in doc["clusters"]:
                kinds = {kind(words, ner, a, b) for a, b in chain} - {None}
                if len(kinds) != 1:
                    continue
                votes = person if kinds == {"person"} else other
                for a, b in chain:
                    h = head(words[a:b + 1])
                    if h:
                        votes[h] += 1
    print("# Nouns heading descriptions of people in OntoNotes coreference train (chains with a PERSON")
    print(f"# name or he/she: at least {MIN_PERSON} votes, {int(PERSON_SHARE * 100)}% of the head's votes), by")
    print("# scripts/derive/person_heads.py. Read by src/words/mod.rs (is_person_noun).")
    for h in sorted(person):
        n, m = person[h], other[h]
        if n >= MIN_PERSON and n / (n + m) >= PERSON_SHARE:
            print(h)


if __name__ == "__main__":
    main(sys.argv[1])
