"""Who gets quoted, per outlet, with Lede on Spark: the share of women among the named people
quoted and among the words quoted from them, over a news corpus.

Input: JSONL (`{"id", "text", "date"?, "outlet"?}` per line, as `lede sources --jsonl` reads) or
Parquet with the same columns. Output, under OUT:
  sources/   one row per (article, source), as `lede.sources` gives them: id, outlet, name,
             type, group, named, gender, gender_evidence, quotes, words
  outlets/   one row per outlet: outlet, articles, people, female, male, unknown, words,
             female_words, male_words, unknown_words, female_share, female_word_share
Shares leave out the people whose gender the article does not give (null when none is known),
as `lede sources --summary` does. Every executor needs the `lede` wheel. The corpus is read as
annotate_corpus.py beside this file reads it (on a cluster, ship it with `--py-files`).

  spark-submit women_quoted.py corpus.jsonl out/ [--no-first-names]
"""

import argparse

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from annotate_corpus import read_corpus  # beside this file (on a cluster: --py-files)

SOURCES = T.StructType(
    [
        T.StructField("outlet", T.StringType()),
        T.StructField("name", T.StringType()),
        T.StructField("type", T.StringType()),
        T.StructField("group", T.StringType()),
        T.StructField("named", T.BooleanType()),
        T.StructField("gender", T.StringType()),
        T.StructField("gender_evidence", T.StringType()),
        T.StructField("quotes", T.IntegerType()),
        T.StructField("words", T.IntegerType()),
    ]
)


def source_rows(first_names: bool):
    """The mapInPandas function: each batch of articles → its rows of sources."""

    def batches_to_rows(batches):
        import lede  # on the executor
        import pandas as pd

        columns = ["id"] + SOURCES.fieldNames()
        for batch in batches:
            texts = batch["text"].fillna("").tolist()
            dates = [d if isinstance(d, str) else None for d in batch["date"]]
            outlets = [o if isinstance(o, str) else None for o in batch["outlet"]]
            rows = lede.sources(texts, ids=batch["id"].tolist(), outlets=outlets, dates=dates,
                                threads=1, first_names=first_names)
            yield pd.DataFrame(rows, columns=columns)

    return batches_to_rows


def per_outlet(corpus: DataFrame, sources: DataFrame) -> DataFrame:
    """Named people by gender and their quoted words, per outlet (articles without people too)."""
    people = sources.where((F.col("group") == "people") & F.col("named"))
    is_ = lambda g: F.col("gender") == g if g else F.col("gender").isNull()  # noqa: E731
    count = lambda g: F.sum(F.when(is_(g), 1).otherwise(0))  # noqa: E731
    words = lambda g: F.sum(F.when(is_(g), F.col("words")).otherwise(0))  # noqa: E731
    sums = people.groupBy("outlet").agg(
        F.count("*").alias("people"),
        count("female").alias("female"),
        count("male").alias("male"),
        count(None).alias("unknown"),
        F.sum("words").alias("words"),
        words("female").alias("female_words"),
        words("male").alias("male_words"),
        words(None).alias("unknown_words"),
    )
    articles = corpus.groupBy("outlet").agg(F.count("*").alias("articles"))
    share = lambda part, whole: F.when(whole > 0, part / whole)  # noqa: E731
    table = articles.join(sums, on=["outlet"], how="left").fillna(0)
    return table.select(
        "outlet", "articles", "people", "female", "male", "unknown", "words", "female_words",
        "male_words", "unknown_words",
        share(F.col("female"), F.col("female") + F.col("male")).alias("female_share"),
        share(F.col("female_words"), F.col("female_words") + F.col("male_words")).alias("female_word_share"),
    ).orderBy("outlet")


def run(spark: SparkSession, source: str, out: str, first_names: bool) -> None:
    corpus = read_corpus(spark, source, optional=("date", "outlet")).cache()
    schema = T.StructType([corpus.schema["id"]] + SOURCES.fields)
    sources = corpus.mapInPandas(source_rows(first_names), schema).cache()
    sources.write.mode("overwrite").parquet(f"{out}/sources")
    per_outlet(corpus, sources).write.mode("overwrite").parquet(f"{out}/outlets")
    sources.unpersist()
    corpus.unpersist()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", help="corpus: JSONL file or folder, or a .parquet path")
    parser.add_argument("out", help="output folder for sources/ and outlets/ (Parquet)")
    parser.add_argument("--no-first-names", action="store_true",
                        help="leave genders the article does not give unknown (no first-name guesses)")
    args = parser.parse_args()
    spark = SparkSession.builder.appName("lede-women-quoted").getOrCreate()
    try:
        run(spark, args.input, args.out, not args.no_first_names)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
