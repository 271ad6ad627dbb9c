"""Runs annotate_corpus.py with spark-submit in local mode (local[2]) on 1,000 generated
articles, read from JSONL and from Parquet, and checks its tables against `lede annotate
--jsonl` on the same input: the same number of quotes and entities in every article, and
offsets that slice the article text.
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

N = 1000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    records = list(articles.records(N))
    write_jsonl(path, records)
    return path, records


@pytest.fixture(scope="module")
def cli(corpus):
    """Per article id: its quotes and entities as the CLI gives them, as comparable rows."""
    lede = os.environ.get("LEDE_BIN", "lede")
    out = subprocess.run([lede, "annotate", "--jsonl", str(corpus[0])], check=True,
                         capture_output=True, text=True).stdout
    quotes, entities = {}, {}
    for line in out.splitlines():
        record = json.loads(line)
        quotes[record["id"]] = [(q["start"], q["end"], q["kind"], q["speaker_name"]) for q in record["quotes"]]
        entities[record["id"]] = [(e["start"], e["end"], e["label"], e.get("value")) for e in record["entities"]]
    assert len(quotes) == N
    return quotes, entities


def rows(table, columns):
    """Per article id: the table's rows (in article order) as tuples of `columns`."""
    by_id = {}
    order = "quote" if "quote" in table.columns else "entity"
    for row in table.sort_values(["id", order]).itertuples():
        values = tuple(None if pd.isna(v) else v for v in (getattr(row, c) for c in columns))
        by_id.setdefault(int(row.id), []).append(values)
    return by_id


@pytest.fixture(scope="module", params=["jsonl", "parquet"])
def tables(request, corpus, tmp_path_factory):
    source = corpus[0]
    if request.param == "parquet":
        source = source.with_suffix(".parquet")
        pd.DataFrame(corpus[1]).to_parquet(source)  # a date column with nulls
    out = tmp_path_factory.mktemp("tables")
    spark_submit("annotate_corpus.py", source, out)
    return pd.read_parquet(out / "quotes"), pd.read_parquet(out / "entities")


def test_row_counts_match_the_cli(tables, cli):
    quotes, entities = tables
    cli_quotes, cli_entities = cli
    assert len(quotes) == sum(map(len, cli_quotes.values())) > N
    assert len(entities) == sum(map(len, cli_entities.values())) > 5 * N


def test_every_article_matches_the_cli(tables, cli):
    quotes, entities = tables
    nonempty = lambda by_id: {i: rows for i, rows in by_id.items() if rows}  # noqa: E731
    assert rows(quotes, ["start", "end", "kind", "speaker_name"]) == nonempty(cli[0])
    assert rows(entities, ["start", "end", "label", "value"]) == nonempty(cli[1])


def test_offsets_slice_the_article_text(tables, corpus):
    texts = {r["id"]: r["text"] for r in corpus[1]}
    for table in tables:
        for row in table.itertuples():
            assert texts[int(row.id)][row.start : row.end] == row.text


def test_columns(tables):
    quotes, entities = tables
    assert list(quotes.columns) == ["id", "quote", "kind", "start", "end", "text", "speaker", "speaker_name", "cue"]
    assert list(entities.columns) == ["id", "entity", "label", "start", "end", "text", "value", "cluster_name"]
    assert set(quotes["kind"]) <= {"direct", "partial", "indirect", "mixed"}
    assert quotes["speaker_name"].notna().mean() > 0.9
