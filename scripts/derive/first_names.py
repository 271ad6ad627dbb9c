#!/usr/bin/env python3
"""Derive src/words/first_names.tsv: first names with the gender the news refers to their
bearers by, learned from OntoNotes, two ways:
- coreference train: every gold chain holding a PERSON name of two or more words and he/she
  pronouns (at least CHAIN_RATIO of them one gender) votes once for the name's first word; a
  name is kept with at least CHAIN_VOTES chains, RATIO of them agreeing;
- NER train (+ extra), for names the chains do not settle: the first he/his/him or she/her
  pronoun after a PERSON name of two or more words, in its sentence or the next, votes for its
  first word; kept with at least MIN_VOTES votes, RATIO agreeing.
Pronoun resolution (rules, the coreference ranker, the speaker naming model) uses it: a pronoun
skips speakers of the other gender. A person's gender guessed from the first name comes from the
broader table of scripts/derive/given_names.py, which starts from these votes.

Usage: python3 scripts/derive/first_names.py /work/shared/data > src/words/first_names.tsv
"""
import collections
import json
import sys

MIN_VOTES = 3
RATIO = 0.85
CHAIN_VOTES = 2
CHAIN_RATIO = 0.8
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


def chain_votes(path):
    """First name → Counter of m/f, one vote per gold coreference chain."""
    votes = collections.defaultdict(collections.Counter)
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            words = [w for s in doc["sentences"] for w in s]
            ner = [t for s in doc["ner"] for t in s]
            for chain in doc["clusters"]:
                male = sum(a == b and words[a].lower() in MALE for a, b in chain)
                female = sum(a == b and words[a].lower() in FEMALE for a, b in chain)
                if male + female == 0 or max(male, female) < CHAIN_RATIO * (male + female):
                    continue
                firsts = {words[a] for a, b in chain if is_full_name(words, ner, a, b)}
                for first in firsts:
                    votes[first]["m" if male > female else "f"] += 1
    return votes


def is_full_name(words, ner, a, b):
    """Whether tokens a..=b are exactly one PERSON name of two or more words, capitalised."""
    if b <= a or ner[a] != "B-PERSON" or any(ner[k] != "I-PERSON" for k in range(a + 1, b + 1)):
        return False
    if b + 1 < len(ner) and ner[b + 1] == "I-PERSON":
        return False
    first = words[a]
    return first.isalpha() and first[0].isupper() and len(first) > 1


def kept(counter, least, ratio):
    total = counter["m"] + counter["f"]
    g, n = counter.most_common(1)[0]
    return g if total >= least and n / total >= ratio else None


def news_votes(data):
    """OntoNotes' votes: (chain votes, NER votes, how often a word starts and ends a PERSON name
    of two or more words)."""
    chains = chain_votes(f"{data}/coref/ontonotes5/train.jsonl")
    votes = collections.defaultdict(collections.Counter)
    # A word that ends such names as often as it starts them is a family name ("Li Peng",
    # "Jet Li"), which says nothing of gender.
    starts, ends = collections.Counter(), collections.Counter()
    root = f"{data}/ner/ontonotes5"
    for name in ("train.bio", "train_extra_v12.bio"):
        sents = list(sentences(f"{root}/{name}"))
        for sent in sents:
            for i, (word, tag) in enumerate(sent):
                if tag == "B-PERSON" and i + 1 < len(sent) and sent[i + 1][1] == "I-PERSON":
                    starts[word] += 1
                if tag == "I-PERSON" and (i + 1 == len(sent) or sent[i + 1][1] != "I-PERSON"):
                    ends[word] += 1
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
    return chains, votes, starts, ends


def news_gender(first, chains, votes):
    """The gender OntoNotes keeps for a first name, or None."""
    if first in chains and sum(chains[first].values()) >= CHAIN_VOTES:
        return kept(chains[first], CHAIN_VOTES, RATIO)
    g = kept(votes[first], MIN_VOTES, RATIO) if first in votes else None
    # A name the chains contradict is left out.
    if g and first in chains and chains[first].most_common(1)[0][0] != g:
        return None
    return g


def main(data):
    chains, votes, starts, ends = news_votes(data)
    print("# First names and the gender (m/f) news pronouns give their bearers, learned from OntoNotes")
    print(f"# coreference chains (at least {CHAIN_VOTES} chains, {int(RATIO * 100)}% agreeing) and NER train + extra")
    print(f"# (at least {MIN_VOTES} votes, {int(RATIO * 100)}% agreeing) by scripts/derive/first_names.py.")
    print("# Read by src/words/mod.rs: pronoun resolution skips speakers of the other gender.")
    for first in sorted(set(votes) | set(chains)):
        if ends[first] >= starts[first]:
            continue
        g = news_gender(first, chains, votes)
        if g:
            print(f"{first}\t{g}")


if __name__ == "__main__":
    main(sys.argv[1])
