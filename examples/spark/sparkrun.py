"""What the Spark example tests share: the generated corpus written as JSONL, and a job run with
spark-submit in local mode on two cores."""

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_jsonl(path, records):
    """Writes `records` one JSON object a line; returns `path`."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def spark_submit(script, *args):
    """Runs examples/spark/`script` with `args` under spark-submit --master local[2]."""
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    subprocess.run(
        [str(Path(sys.executable).parent / "spark-submit"), "--master", "local[2]",
         "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=2",
         str(HERE / script), *map(str, args)],
        check=True, env=env,
    )
