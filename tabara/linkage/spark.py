"""The Spark backend: the same trained model, scored and clustered by Spark.

pyspark runs in local mode on the machine's Java (`make setup` installs a JRE with apt when
`java` is missing). Spark pays off only for national-scale lists (docs/linkage.md, "When to
switch to Spark"); it is a development dependency (requirements/dev.in), so a server that
never links at that scale does not carry it.
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from typing import Any, cast

from splink import Linker

SHUFFLE_PARTITIONS = 8


class SparkUnavailable(RuntimeError):
    """pyspark or Java is missing (the message says which)."""


@lru_cache(maxsize=1)
def spark_session() -> Any:
    """One local Spark session for the process, with Splink's similarity functions."""
    try:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location
    except ImportError as error:
        raise SparkUnavailable(
            "the Spark backend needs pyspark: install requirements/dev.lock"
        ) from error
    import logging

    logging.getLogger("py4j").setLevel(logging.WARNING)  # its INFO at exit hits closed streams
    checkpoints = tempfile.mkdtemp(prefix="tabara-spark-")
    try:
        session = (
            SparkSession.builder.master("local[2]")
            .appName("tabara-linkage")
            .config("spark.jars", similarity_jar_location())
            .config("spark.sql.shuffle.partitions", str(SHUFFLE_PARTITIONS))
            .config("spark.default.parallelism", str(SHUFFLE_PARTITIONS))
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.memory", "2g")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate()
        )
    except Exception as error:  # Java missing or unusable: pyspark raises several kinds
        raise SparkUnavailable(f"Spark could not start (is Java installed?): {error}") from error
    session.sparkContext.setLogLevel("ERROR")
    session.sparkContext.setCheckpointDir(checkpoints)
    return session


def spark_model(model: dict[str, Any]) -> dict[str, Any]:
    """The trained DuckDB model's parameters on the same comparisons rendered for Spark.

    The comparisons are rebuilt from their dialect-neutral definitions (settings.py) and
    given the trained probabilities level by level, rather than translating DuckDB's SQL.
    """
    from tabara.linkage.settings import person_settings

    creator = person_settings(
        probability_two_random_records_match=model["probability_two_random_records_match"]
    )
    spark: dict[str, Any] = cast(Any, creator.get_settings("spark")).as_dict()
    for rendered, trained in zip(spark["comparisons"], model["comparisons"], strict=True):
        levels = zip(rendered["comparison_levels"], trained["comparison_levels"], strict=True)
        for level, source in levels:
            for key in ("m_probability", "u_probability"):
                if key in source:
                    level[key] = source[key]
    return spark


def spark_linker(table: Any, model: dict[str, Any]) -> Linker:
    """A Splink linker on Spark over `table` (a pyarrow table) with the trained `model`."""
    import logging

    import splink

    session = spark_session()
    db_api = cast(Any, splink).SparkAPI(
        spark_session=session, num_partitions_on_repartition=SHUFFLE_PARTITIONS
    )
    frame = db_api.register(session.createDataFrame(table), dataset_display_name="records")
    return Linker(frame, spark_model(model), log_level=logging.ERROR)
