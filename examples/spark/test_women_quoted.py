"""Runs women_quoted.py with spark-submit in local mode (local[2]) on 600 generated articles
from three outlets and checks its per-outlet table against `lede sources --jsonl --summary` on
the same input, and its source rows against `lede sources --jsonl`.
Run by examples/spark/test.sh (which installs pyspark, Java and builds the CLI)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import articles  # noqa: E402
from sparkrun import spark_submit, write_jsonl  # noqa: E402

N = 600


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    records = list(articles.records(N))
    write_jsonl(path, records)
    return path


def cli(corpus, *flags):
    lede = os.environ.get("LEDE_BIN", "lede")
    out = subprocess.run([lede, "sources", "--jsonl", *flags, str(corpus)], check=True,
                         capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def tables(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("women")
    spark_submit("women_quoted.py", corpus, out)
    return pd.read_parquet(out / "sources"), pd.read_parquet(out / "outlets")


def test_outlets_match_the_cli_summary(tables, corpus):
    _, outlets = tables
    summary = {s["outlet"]: s for s in cli(corpus, "--summary") if s["scope"] == "outlet"}
    assert sorted(outlets["outlet"]) == sorted(summary) and len(summary) == 3
    columns = ["articles", "people", "female", "male", "unknown", "words", "female_words", "male_words"]
    for row in outlets.itertuples():
        expected = summary[row.outlet]
        assert [int(getattr(row, c)) for c in columns] == [expected[c] for c in columns]
        assert row.female_share == pytest.approx(expected["female_share"])
        assert 0 < row.female_share < 1, "the generated articles quote women and men"


def test_source_rows_match_the_cli(tables, corpus):
    sources, _ = tables
    key = lambda r: (int(r["id"]), r["name"], r["group"], r["gender"], r["quotes"], r["words"])  # noqa: E731
    expected = sorted(key(r) for r in cli(corpus))
    got = sorted(key({c: (None if pd.isna(v) else v) for c, v in row.items()})
                 for row in sources.to_dict("records"))
    assert got == expected
    assert len(expected) > N
