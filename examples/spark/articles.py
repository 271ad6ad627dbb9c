"""Generated news articles for the Spark test and the Python benchmark: sentences from
templates filled with names, organisations, places and claims (no corpus text), reproducible
from a seed. Each record is {"id", "text", "outlet"} plus "date" for most.

  python examples/spark/articles.py 1000 > corpus.jsonl
"""

import json
import random
import sys

PEOPLE = ["Ann Lee", "Omar Haddad", "Mei Chen", "Jon Berg", "Sara Ortiz", "Ravi Patel",
          "Grace Okafor", "Luis Romero", "Hannah Weiss", "Tom Becker"]
TITLES = ["Mayor", "Senator", "Governor", "Police Chief", "Dr.", "Professor"]
ORGS = ["the city council", "the Health Department", "Acme Corp.", "the United Nations",
        "the Federal Reserve", "the teachers' union"]
PLACES = ["Chicago", "Lyon", "Nairobi", "Osaka", "Toronto", "Lima"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week",
        "last month"]
CLAIMS = ["we will not raise taxes this year", "the plan is working", "the bridge must be repaired",
          "nobody was hurt", "the talks will resume soon", "the budget is balanced"]
OUTLETS = ["Daily Planet", "Gazette", "Ledger"]
PHRASES = ["a clear mistake", "deeply troubling", "long overdue", "a step forward"]


def sentence(r: random.Random) -> str:
    name, org, place, when = r.choice(PEOPLE), r.choice(ORGS), r.choice(PLACES), r.choice(WHEN)
    claim = r.choice(CLAIMS)
    templates = [
        f"“{claim.capitalize()},” said {r.choice(TITLES)} {name}.",
        f"“{claim.capitalize()},” {name} told reporters in {place} {when}.",
        f"{name} said {claim}.",
        f"{name}, who leads {org}, said the decision was “{r.choice(PHRASES)}.”",
        f"{org[0].upper()}{org[1:]} met in {place} {when} to discuss the {r.randint(2, 90)} proposals.",
        f"About {r.randint(10, 900)} people attended, and tickets cost ${r.randint(5, 80)}.",
        f"Turnout rose {r.randint(1, 40)} percent compared with {r.randint(2001, 2022)}.",
        f"“{claim.capitalize()}. We have said so for years,” {name} added.",
    ]
    return r.choice(templates)


def article(r: random.Random) -> str:
    paragraphs = [" ".join(sentence(r) for _ in range(r.randint(1, 3))) for _ in range(r.randint(2, 4))]
    return "\n\n".join(paragraphs)


def records(n: int, seed: int = 14):
    r = random.Random(seed)
    for i in range(n):
        record = {"id": i, "text": article(r), "outlet": OUTLETS[i % len(OUTLETS)]}
        if r.random() < 0.8:
            record["date"] = f"2023-{r.randint(1, 12):02}-{r.randint(1, 28):02}"
        yield record


if __name__ == "__main__":
    for rec in records(int(sys.argv[1]) if len(sys.argv) > 1 else 1000):
        print(json.dumps(rec, ensure_ascii=False))
