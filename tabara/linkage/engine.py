"""Train the person model without labels, score candidate pairs and cluster them.

Training always runs on DuckDB (in-process): u by random sampling with a fixed seed, the
prior from deterministic rules, m by expectation maximisation on blocks that do not use the
compared columns. Prediction and clustering run on the chosen backend with that trained
model, so DuckDB and Spark give the same clusters for the same data (docs/linkage.md).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, cast

from splink import Linker, block_on

from tabara.linkage.settings import person_settings

log = logging.getLogger(__name__)
U_PAIRS = 5_000_000
EM_PAIRS = 2_000_000
SEED = 1
# Rules that admit almost no false link, and the share of true links they are taken to find.
DETERMINISTIC: tuple[tuple[str, ...], ...] = (("nin",), ("name_sorted", "birth_date"))
DETERMINISTIC_RECALL = 0.3
# EM sessions: the first trains everything but names, the second (the first that finds
# pairs) trains names.
EM_NAME_RULES: tuple[tuple[str, ...], ...] = (("nin_core",), ("phone_block",), ("birth_date",))


@dataclass(slots=True)
class LinkResult:
    """cluster[i] is the index of the first record of record i's cluster."""

    cluster: list[int]
    pairs_scored: int
    model: dict[str, Any]
    training_notes: list[str] = field(default_factory=list)


def _arrow(columns: dict[str, list[Any]]) -> Any:
    import pyarrow as pa

    return pa.table(
        {
            name: pa.array(values, type=pa.int64())
            if name in {"unique_id", "birth_year"}
            else pa.array(values, type=pa.list_(pa.string()))
            if name in {"name_tokens", "name_stems", "block_stems", "stem_pairs", "prefix_pairs"}
            else pa.array(values, type=pa.string())
            for name, values in columns.items()
        }
    )


def _duckdb_linker(table: Any, settings: Any) -> Linker:
    import duckdb
    from splink import DuckDBAPI

    db_api = DuckDBAPI(duckdb.connect())
    frame = db_api.register(table, dataset_display_name="records")
    return Linker(frame, settings, log_level=logging.ERROR)


def _agreeing_pair(columns: dict[str, list[Any]], rule: tuple[str, ...]) -> bool:
    """Whether two records have the same (non-empty) values of all of `rule`'s columns."""
    keys = [key for key in zip(*(columns[name] for name in rule), strict=True) if None not in key]
    return len(keys) != len(set(keys))


def model_train(columns: dict[str, list[Any]]) -> tuple[dict[str, Any], list[str]]:
    """The trained model as Splink JSON, and notes on the steps that could not run."""
    prior = min(0.5, 1.0 / max(len(columns["unique_id"]), 2))
    linker = _duckdb_linker(
        _arrow(columns), person_settings(probability_two_random_records_match=prior)
    )
    notes = linker_train(linker, columns, prior=prior)
    return linker.misc.save_model_to_json(), notes


def linker_train(
    linker: Linker,
    columns: dict[str, list[Any]],
    *,
    prior: float,
    recall: float = DETERMINISTIC_RECALL,
    deterministic: tuple[tuple[str, ...], ...] = DETERMINISTIC,
) -> list[str]:
    """Train `linker` without labels (prior, u, then m by EM); notes on skipped steps.

    `recall` is the share of true links the `deterministic` rules are taken to find.
    """
    n = len(columns["unique_id"])
    notes: list[str] = []
    training = linker.training
    if not any(_agreeing_pair(columns, rule) for rule in deterministic):
        notes.append(
            f"no two records share an ID or a name and full date: prior kept at {prior:.2g}"
        )
    else:
        try:
            training.estimate_probability_two_random_records_match(
                [block_on(*rule) for rule in deterministic],
                recall=recall,
            )
        except ValueError as error:  # a tiny list: more sure matches than the recall allows
            notes.append(f"prior kept at {prior:.2g}: {error}")
    training.estimate_u_using_random_sampling(max_pairs=min(U_PAIRS, n * (n - 1) // 2), seed=SEED)
    trained_names = False
    for rule in [("name_sorted",), *EM_NAME_RULES]:
        if trained_names:
            break
        if not _agreeing_pair(columns, rule):
            # Splink does not always refuse an empty block: with no phone on any record it
            # trained on nothing and set the prior to 0.63 (FEBRL4).
            notes.append(f"EM on {'+'.join(rule)} skipped: no two records agree on it")
            continue
        try:
            training.estimate_parameters_using_expectation_maximisation(
                block_on(*rule), max_pairs=EM_PAIRS
            )
        except Exception as error:  # too few pairs on this rule
            notes.append(f"EM on {'+'.join(rule)} skipped: {error}")
            continue
        trained_names = rule != ("name_sorted",)
    return notes


def _clusters_from(unique_ids: list[Any], cluster_ids: list[Any], n_records: int) -> list[int]:
    """Representative = the smallest record index of each Splink cluster."""
    cluster = list(range(n_records))
    members: dict[Any, list[int]] = {}
    for unique_id, cluster_id in zip(unique_ids, cluster_ids, strict=True):
        members.setdefault(cluster_id, []).append(int(unique_id))
    for indexes in members.values():
        first = min(indexes)
        for index in indexes:
            cluster[index] = first
    return cluster


def _predict_and_cluster(linker: Linker, threshold: float, n_records: int) -> tuple[list[int], int]:
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    pairs: int = cast(Any, predictions).as_pyarrow_table().num_rows
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold
    )
    clustered = cast(Any, clusters).as_pyarrow_table()
    cluster = _clusters_from(
        clustered.column("unique_id").to_pylist(),
        clustered.column("cluster_id").to_pylist(),
        n_records,
    )
    return cluster, pairs


def link_at_thresholds(
    columns: dict[str, list[Any]], n_records: int, thresholds: tuple[float, ...]
) -> dict[float, list[int]]:
    """One training and one prediction on DuckDB, clustered at each threshold."""
    if len(columns["unique_id"]) < 2:
        return {threshold: list(range(n_records)) for threshold in thresholds}
    model, _ = model_train(columns)
    linker = _duckdb_linker(_arrow(columns), model)
    predictions = linker.inference.predict(threshold_match_probability=min(thresholds))
    clusters = {}
    for threshold in thresholds:
        clustered = cast(
            Any,
            linker.clustering.cluster_pairwise_predictions_at_threshold(
                predictions, threshold_match_probability=threshold
            ),
        ).as_pyarrow_table()
        clusters[threshold] = _clusters_from(
            clustered.column("unique_id").to_pylist(),
            clustered.column("cluster_id").to_pylist(),
            n_records,
        )
    return clusters


def link(
    columns: dict[str, list[Any]], n_records: int, *, threshold: float, backend: str = "duckdb"
) -> LinkResult:
    """Train on DuckDB, then score and cluster on `backend` ("duckdb" or "spark")."""
    if len(columns["unique_id"]) < 2:
        return LinkResult(cluster=list(range(n_records)), pairs_scored=0, model={})
    model, notes = model_train(columns)
    if backend == "spark":
        from tabara.linkage.spark import spark_linker

        linker = spark_linker(_arrow(columns), model)
    else:
        linker = _duckdb_linker(_arrow(columns), model)
    cluster, pairs = _predict_and_cluster(linker, threshold, n_records)
    return LinkResult(cluster=cluster, pairs_scored=pairs, model=model, training_notes=notes)
