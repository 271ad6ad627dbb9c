#!/usr/bin/env python3
"""Picks at most N new corpus inputs that add the most coverage edges to the committed corpus.

Usage (from fuzz/, after a campaign wrote its inputs to /tmp/new):
  mkdir /tmp/merged && cp corpus/annotate/* /tmp/merged/
  $TARGET -merge=1 -use_counters=0 -max_len=8192 -timeout=10 \\
      -merge_control_file=/tmp/merge.ctl /tmp/merged /tmp/new
  python3 pick_corpus.py /tmp/merge.ctl 50 | xargs -I{} cp {} corpus/annotate/

($TARGET is target/x86_64-unknown-linux-gnu/release/annotate under the cargo target dir.)
Reads libFuzzer's merge control file: the committed inputs come first, then the new ones, each
with its `COV` edges. Greedy set cover: repeatedly take the new input adding the most edges not
yet covered (the smaller on a tie) and print its path.
"""
import sys

lines = open(sys.argv[1]).read().split("\n")
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 50
n, n_old = int(lines[0]), int(lines[1])
files = lines[2 : 2 + n]
cov, size = {}, {}
for line in lines[2 + n :]:
    p = line.split()
    if p and p[0] == "STARTED":
        size[int(p[1])] = int(p[2])
    elif p and p[0] == "COV":
        cov[int(p[1])] = set(map(int, p[2:]))
have = set().union(*(cov.get(i, set()) for i in range(n_old)))
base = len(have)
cand = {i: cov.get(i, set()) - have for i in range(n_old, n) if i in size}
picked = []
while len(picked) < limit and cand:
    best = max(cand, key=lambda i: (len(cand[i] - have), -size[i]))
    if not cand[best] - have:
        break
    have |= cand.pop(best)
    picked.append(best)
for i in picked:
    print(files[i])
print(f"{len(picked)} inputs, {sum(size[i] for i in picked)} bytes, edges {base} -> {len(have)}",
      file=sys.stderr)
