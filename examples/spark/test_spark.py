"""Runs annotate_corpus.py with spark-submit in local mode (local[2]) on 1,000 generated
articles and checks its tables against `lede annotate --jsonl` on the same input: the same
number of quotes and entities in every article, and offsets that slice the article text.
Run by examples/spark/test.sh (which installs pyspark, Java and builds the CLI)."""

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import articles  # noqa: E402

N = 1000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    records = list(articles.records(N))
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path, {r["id"]: r["text"] for r in records}


@pytest.fixture(scope="module")
def cli_counts(corpus):
    """Quotes and entities per article id, from the CLI."""
    lede = os.environ.get("LEDE_BIN", "lede")
    out = subprocess.run([lede, "annotate", "--jsonl", str(corpus[0])], check=True,
                         capture_output=True, text=True).stdout
    quotes, entities = Counter(), Counter()
    for line in out.splitlines():
        record = json.loads(line)
        quotes[record["id"]] = len(record["quotes"])
        entities[record["id"]] = len(record["entities"])
    assert len(quotes) == N
    return quotes, entities


@pytest.fixture(scope="module")
def tables(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    subprocess.run(
        [str(Path(sys.executable).parent / "spark-submit"), "--master", "local[2]",
         "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=2",
         str(HERE / "annotate_corpus.py"), str(corpus[0]), str(out)],
        check=True, env=env,
    )
    return pd.read_parquet(out / "quotes"), pd.read_parquet(out / "entities")


def per_article(table):
    return Counter(int(i) for i in table["id"])


def test_row_counts_match_the_cli(tables, cli_counts):
    quotes, entities = tables
    assert sum(cli_counts[0].values()) > N and sum(cli_counts[1].values()) > 5 * N
    assert len(quotes) == sum(cli_counts[0].values())
    assert len(entities) == sum(cli_counts[1].values())
    assert per_article(quotes) == +cli_counts[0]
    assert per_article(entities) == +cli_counts[1]


def test_offsets_slice_the_article_text(tables, corpus):
    texts = corpus[1]
    for table in tables:
        for row in table.itertuples():
            assert texts[int(row.id)][row.start : row.end] == row.text


def test_columns(tables):
    quotes, entities = tables
    assert list(quotes.columns) == ["id", "quote", "kind", "start", "end", "text", "speaker", "speaker_name", "cue"]
    assert list(entities.columns) == ["id", "entity", "label", "start", "end", "text", "value", "cluster_name"]
    assert set(quotes["kind"]) <= {"direct", "partial", "indirect", "mixed"}
    assert quotes["speaker_name"].notna().mean() > 0.9
