"""The Spark backend gives the same clusters as DuckDB on the same data (issue #14: "runs
the same model with the same results"). Starts one local Spark on the machine's Java."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tabara.linkage.engine import link
from tabara.linkage.reading import records_read
from tabara.linkage.synthetic import population_records, records_write
from tabara.linkage.table import model_columns

pytestmark = [
    pytest.mark.spark,
    pytest.mark.timeout(900),  # a JVM on a loaded two-core machine
    pytest.mark.skipif(shutil.which("java") is None, reason="make setup installs Java"),
]


def test_spark_and_duckdb_give_the_same_clusters(tmp_path: Path) -> None:
    rows = list(population_records(people=150, sources=("a", "b", "c"), capture=0.5, seed=5))
    truth = records_write(tmp_path / "records.csv", rows)
    records = records_read(tmp_path / "records.csv", today=dt.date(2026, 6, 30)).records
    columns = model_columns(records)
    duckdb = link(columns, len(records), threshold=0.5, backend="duckdb")
    spark = link(columns, len(records), threshold=0.5, backend="spark")
    assert spark.cluster == duckdb.cluster
    assert spark.pairs_scored == duckdb.pairs_scored
    # Not trivially equal: the generator made people with several records, and some were found.
    people = set(truth.values())
    assert len(people) < len(records)
    assert len(set(duckdb.cluster)) < len(records)
