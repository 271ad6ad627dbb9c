#!/usr/bin/env python3
"""Writes the fuzz dictionary (annotate.dict) and the seed inputs of the annotate target.

Usage: python3 fuzz/make_seeds.py OUT_DIR   (seeds; the dictionary is rewritten beside this file)

A seed is the target's input: byte 0 chooses the offset unit (bits 0-1: 0 bytes, 1 chars,
2 UTF-16, 3 default) and bit 2 a date (then byte 1 picks it); the rest is the text
(tests/invariants/mod.rs, `decode`). Every seed is at most 256 KB.
"""
import hashlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
LIMIT = 256 * 1024

TOKENS = [
    "\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "``", "''",
    " said", " says", " told", " according to", " added", "said ", "told reporters",
    "date 2023-10-13 ", "date ", "\n", "\n\n", "\r\n", "Mr.", "Mrs.", "Dr.", "U.S.", "U.N.",
    "0", "1", "9", "1000", "2023", "$", "%", " percent", "...", "\u2026", "\u2014", "\u2013", "-",
    "he said", "she said", "they said", " on Friday", " last month", "John Kirby",
    "North Korea", "(AP)", "\U0001F600", "\u00e9", "\t",
]


def dict_line(tok: str) -> str:
    out = []
    for b in tok.encode("utf-8"):
        if 32 <= b < 127 and b not in (ord('"'), ord("\\")):
            out.append(chr(b))
        else:
            out.append("\\x%02X" % b)
    return '"' + "".join(out) + '"'


def hostile():
    """Texts that stress the quote, sentence and cue scanners."""
    yield "repeated-straight-quote", '"word ' * 20000
    yield "repeated-curly-open", "\u201cword " * 20000
    yield "repeated-apostrophe", "'word " * 20000
    yield "repeated-single-curly", "\u2018word \u2019s " * 10000
    yield "dots", "..." * 40000
    yield "dashes", "-" * 100000
    yield "em-dashes", "\u2014" * 50000
    yield "unmatched-quotes", ("\u201cHe said it " * 5 + "\u201d\u201d \u00ab \u201e ``word '' ") * 2000
    yield "long-sentence", " ".join(["word", "Kirby", "said", "the", "U.S.", "1000"] * 30000)[:LIMIT - 8]
    yield "many-cues", "John Kirby said. " * 10000
    yield "many-paragraphs", "\n\n".join(["\u201cYes,\u201d he said."] * 10000)
    yield "many-names", " ".join(f"Mr. Name{i} Smith{i} told" for i in range(8000))
    yield "nested-quotes", "\u201c" + "He said \u2018" * 3000 + "no" + "\u2019" * 3000 + "\u201d"
    yield "dates", " ".join(f"on {m} {d}, 20{d:02}" for m in ["May", "June"] for d in range(1, 29)) * 50
    yield "datelines", "date 2023-10-13 \n" * 5000
    yield "mixed-script", "\U0001F600 \u00e9t\u00e9 \u201c\u4e2d\u6587\u201d said \u05e9\u05dc\u05d5\u05dd " * 3000


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    (HERE / "annotate.dict").write_text(
        "# libFuzzer dictionary of the annotate target (written by make_seeds.py)\n"
        + "".join(dict_line(t) + "\n" for t in TOKENS)
    )
    texts = [(p.stem, p.read_text()) for p in sorted((HERE.parent / "seeds").glob("*.txt"))]
    texts += list(hostile())
    n = 0
    for name, text in texts:
        body = text.encode("utf-8")
        # One seed per unit; the article also with each date choice.
        prefixes = [bytes([0]), bytes([1]), bytes([2]), bytes([6, 0])]
        for pre in prefixes:
            data = (pre + body)[:LIMIT]
            h = hashlib.sha1(data).hexdigest()[:16]
            (out / f"seed-{name}-{pre[0]}-{h}").write_bytes(data)
            n += 1
    print(f"{n} seeds in {out}")


if __name__ == "__main__":
    main()
