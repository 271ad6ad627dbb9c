"""Reads Princeton WordNet 3.0 as Debian's `wordnet-base` installs it (/usr/share/wordnet):
lemmas per part of speech, each lemma's lexicographer files (verb.communication,
verb.cognition, …) in sense order, and the irregular forms (verb.exc). Licence: the WordNet
3.0 licence (BSD-like; see /usr/share/doc/wordnet-base/copyright). Used by acts.py.
"""
import os

DIR = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")

# Lexicographer file numbers → names (WordNet's lexnames file, verbs and the nouns we use).
LEXNAMES = {}


def _read_lexnames():
    path = os.path.join(DIR, "lexnames")
    if os.path.exists(path):
        for line in open(path):
            num, name, _ = line.split()
            LEXNAMES[int(num)] = name


def _offsets_to_lexfile(pos):
    """Synset offset → lexicographer file number, from data.<pos>."""
    out = {}
    with open(os.path.join(DIR, f"data.{pos}"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split(" ", 2)
            out[int(parts[0])] = int(parts[1])
    return out


def lexfiles(pos):
    """Lemma → lexicographer file numbers of its senses, most frequent sense first (single
    words only: WordNet writes phrases with underscores)."""
    _read_lexnames()
    files = _offsets_to_lexfile(pos)
    out = {}
    with open(os.path.join(DIR, f"index.{pos}"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            p = line.split()
            lemma = p[0]
            if "_" in lemma or "-" in lemma or not lemma.isalpha():
                continue
            n_ptr = int(p[3])
            senses = int(p[2])
            offsets = [int(o) for o in p[6 + n_ptr:6 + n_ptr + senses]]
            seen = []
            for o in offsets:
                lf = files.get(o)
                if lf is not None and lf not in seen:
                    seen.append(lf)
            out[lemma] = seen
    return out


def exceptions(pos):
    """Irregular form → lemma (the first listed), e.g. 'told' → 'tell'."""
    out = {}
    with open(os.path.join(DIR, f"{pos}.exc"), encoding="latin-1") as f:
        for line in f:
            p = line.split()
            if len(p) >= 2 and p[0].isalpha():
                out.setdefault(p[0], p[1])
    return out


# WordNet's morphy rules for verbs and nouns (suffix → replacement), tried in order.
VERB_RULES = [("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("s", "")]
NOUN_RULES = [("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", "")]


def morphy(word, lemmas, exc, rules):
    """The lemma of `word` among `lemmas` (itself, an irregular form, or a suffix rule)."""
    if word in exc:
        return exc[word]
    if word in lemmas:
        return word
    for suf, rep in rules:
        if word.endswith(suf) and len(word) > len(suf) + 1:
            cand = word[: -len(suf)] + rep
            if cand in lemmas:
                return cand
    return None
