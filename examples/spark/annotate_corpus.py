"""Annotates a news corpus with Lede on Spark and writes two Parquet tables.

Input: JSONL (`{"id": .., "text": .., "date": ..}` per line, as `lede annotate --jsonl` reads)
or Parquet with the same columns (`date` optional, `YYYY-MM-DD`). Output, under OUT:
  quotes/    one row per quote: id, quote (its index in the article), kind, start, end, text,
             speaker, speaker_name, cue
  entities/  one row per entity: id, entity (its index), label, start, end, text, value,
             cluster_name (the fullest name of who or what it mentions)
Offsets are code points into `text`, as in Python. Every executor needs the `lede` wheel
(see README.md beside this file).

  spark-submit annotate_corpus.py corpus.jsonl out/ [--threads N]
"""

import argparse

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

# One row per quote or entity (`table` says which), so one pass of mapInPandas feeds both tables.
ROWS = T.StructType(
    [
        T.StructField("table", T.StringType()),
        T.StructField("n", T.IntegerType()),
        T.StructField("start", T.IntegerType()),
        T.StructField("end", T.IntegerType()),
        T.StructField("text", T.StringType()),
        T.StructField("kind", T.StringType()),  # quote kind, or entity label
        T.StructField("value", T.StringType()),
        T.StructField("speaker", T.StringType()),
        T.StructField("speaker_name", T.StringType()),
        T.StructField("cue", T.StringType()),
        T.StructField("cluster_name", T.StringType()),
    ]
)


def read_corpus(spark: SparkSession, path: str, optional=("date",)) -> DataFrame:
    """The corpus at `path` (JSONL, or Parquet when it ends in .parquet): id, text and each of the
    `optional` columns, as strings (null in every row when the corpus has no such column)."""
    corpus = spark.read.parquet(path) if path.endswith(".parquet") else spark.read.json(path)
    missing = {"id", "text"} - set(corpus.columns)
    if missing:
        raise SystemExit(f"{path}: no column {', '.join(sorted(missing))}; records need id and text")
    for column in optional:
        if column not in corpus.columns:
            corpus = corpus.withColumn(column, F.lit(None).cast("string"))
    return corpus.select("id", *(F.col(c).cast("string") for c in ("text", *optional)))


def annotator(threads: int):
    """The mapInPandas function: each batch of articles → rows of quotes and entities."""

    def annotate_batches(batches):
        import lede  # on the executor
        import pandas as pd

        for batch in batches:
            texts = batch["text"].fillna("").tolist()
            dates = [d if isinstance(d, str) else None for d in batch["date"]]
            rows = []
            for id_, a in zip(batch["id"], lede.annotate_many(texts, dates, threads=threads)):
                rows.extend(quote_rows(id_, a))
                rows.extend(entity_rows(id_, a))
            yield pd.DataFrame(rows, columns=["id"] + ROWS.fieldNames())

    return annotate_batches


def quote_rows(id_, a):
    for n, q in enumerate(a["quotes"]):
        speaker, cue = q["speaker"], q["cue"]
        yield (id_, "quote", n, q["start"], q["end"], q["text"], q["kind"], None,
               speaker and speaker["text"], q["speaker_name"], cue and cue["text"], None)


def entity_rows(id_, a):
    for n, e in enumerate(a["entities"]):
        cluster = e.get("cluster")
        name = None if cluster is None else a["clusters"][cluster]["name"]
        yield (id_, "entity", n, e["start"], e["end"], e["text"], e["label"], e.get("value"),
               None, None, None, name)


def run(spark: SparkSession, source: str, out: str, threads: int) -> None:
    corpus = read_corpus(spark, source)
    schema = T.StructType([corpus.schema["id"]] + ROWS.fields)
    rows = corpus.mapInPandas(annotator(threads), schema).cache()
    quotes = rows.where(F.col("table") == "quote").select(
        "id", F.col("n").alias("quote"), "kind", "start", "end", "text", "speaker", "speaker_name", "cue"
    )
    entities = rows.where(F.col("table") == "entity").select(
        "id", F.col("n").alias("entity"), F.col("kind").alias("label"), "start", "end", "text", "value",
        "cluster_name",
    )
    quotes.write.mode("overwrite").parquet(f"{out}/quotes")
    entities.write.mode("overwrite").parquet(f"{out}/entities")
    rows.unpersist()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", help="corpus: JSONL file or folder, or a .parquet path")
    parser.add_argument("out", help="output folder for quotes/ and entities/ (Parquet)")
    parser.add_argument("--threads", type=int, default=1,
                        help="Lede threads per Spark task (default 1: Spark runs a task per core)")
    args = parser.parse_args()
    spark = SparkSession.builder.appName("lede-annotate").getOrCreate()
    try:
        run(spark, args.input, args.out, args.threads)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
