"""Precision and recall of a link run estimated from pairs a person reviewed (pure Python).

This is Splink's "accuracy from labels" on the clerical decisions: each reviewed pair is
a label (the same person or not; "unsure" is no label). At a threshold t the model links
the pairs with match probability ≥ t, so among the labelled pairs

    precision = true links at or above t / all labelled pairs at or above t
    recall    = true links at or above t / all labelled true links

Recall is relative to the true links that the blocking rules found and a person confirmed:
a pair the model never compared cannot be counted missed (docs/linkage.md, "Limits").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

THRESHOLDS = (0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99)


@dataclass(frozen=True, slots=True)
class Quality:
    threshold: float
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float | None:
        linked = self.true_positives + self.false_positives
        return self.true_positives / linked if linked else None

    @property
    def recall(self) -> float | None:
        matches = self.true_positives + self.false_negatives
        return self.true_positives / matches if matches else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p is not None and r is not None and p + r else None


def quality_at(
    labelled: Iterable[tuple[float, bool]], thresholds: Sequence[float] = THRESHOLDS
) -> list[Quality]:
    """One row per threshold from (match probability, is the same person) of reviewed pairs."""
    pairs = list(labelled)
    rows = []
    for threshold in thresholds:
        tp = sum(1 for p, same in pairs if same and p >= threshold)
        fp = sum(1 for p, same in pairs if not same and p >= threshold)
        fn = sum(1 for p, same in pairs if same and p < threshold)
        rows.append(Quality(threshold, tp, fp, fn))
    return rows
