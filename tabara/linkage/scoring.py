"""Score every candidate pair with its evidence, and cluster scored pairs at any threshold.

Pure Python over Splink (no Django). `pairs_score` trains the model as `tabara link dedupe`
does (engine.model_train) and keeps, for each pair above a floor, the match probability,
the match weight and, per comparison, the level it hit and that level's partial match
weight (term-frequency adjustment included): what an analyst reads to judge a pair.
`clusters_at` is Splink's clustering (connected components of the pairs at or above the
threshold) over stored pairs, so a run's threshold can change without running Splink again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from tabara.linkage.engine import _arrow, _duckdb_linker, model_train

COMPARISONS = ("name", "birth", "sex", "nin", "phone", "district")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One comparison of a pair: the level it hit (Splink's gamma, -1 = a side missing)."""

    comparison: str
    level: int
    label: str
    weight: float


@dataclass(frozen=True, slots=True)
class ScoredPair:
    left: int  # record indexes, left < right
    right: int
    probability: float
    weight: float
    evidence: tuple[Evidence, ...]


@dataclass(slots=True)
class Scored:
    model: dict[str, Any]
    notes: list[str]
    pairs: list[ScoredPair] = field(default_factory=list)


def level_labels(model: dict[str, Any]) -> dict[tuple[str, int], str]:
    """(comparison, gamma) → Splink's label of the level, read from the trained model."""
    labels: dict[tuple[str, int], str] = {}
    for comparison in model.get("comparisons", []):
        levels = comparison["comparison_levels"]
        value = sum(1 for level in levels if not level.get("is_null_level")) - 1
        for level in levels:
            if level.get("is_null_level"):
                labels[(comparison["output_column_name"], -1)] = level["label_for_charts"]
            else:
                labels[(comparison["output_column_name"], value)] = level["label_for_charts"]
                value -= 1
    return labels


def pairs_score(columns: dict[str, list[Any]], *, floor: float) -> Scored:
    """Train on the records, then every candidate pair with probability ≥ floor."""
    if len(columns["unique_id"]) < 2:
        return Scored(model={}, notes=[])
    model, notes = model_train(columns)
    # The comparison levels (gamma columns) come out only with the matching columns.
    linker = _duckdb_linker(_arrow(columns), {**model, "retain_matching_columns": True})
    table = cast(
        Any, linker.inference.predict(threshold_match_probability=floor)
    ).as_pyarrow_table()
    labels = level_labels(model)
    present = [c for c in COMPARISONS if f"gamma_{c}" in table.column_names]
    data = {name: table.column(name).to_pylist() for name in table.column_names}
    scored = Scored(model=model, notes=notes)
    for row in range(table.num_rows):
        evidence = []
        for comparison in present:
            gamma = int(data[f"gamma_{comparison}"][row])
            weight = float(data[f"mw_{comparison}"][row] or 0.0)
            adjustment = data.get(f"mw_tf_adj_{comparison}")
            weight += float(adjustment[row] or 0.0) if adjustment else 0.0
            label = labels.get((comparison, gamma), "")
            evidence.append(Evidence(comparison, gamma, label, round(weight, 4)))
        left, right = sorted((int(data["unique_id_l"][row]), int(data["unique_id_r"][row])))
        scored.pairs.append(
            ScoredPair(
                left=left,
                right=right,
                probability=float(data["match_probability"][row]),
                weight=float(data["match_weight"][row]),
                evidence=tuple(evidence),
            )
        )
    return scored


def clusters_at(
    n_records: int, pairs: Sequence[tuple[int, int, float]], threshold: float
) -> list[int]:
    """cluster[i] = the smallest record index linked to i through pairs with p ≥ threshold."""
    parent = list(range(n_records))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for left, right, probability in pairs:
        if probability >= threshold:
            a, b = root(left), root(right)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return [root(i) for i in range(n_records)]
