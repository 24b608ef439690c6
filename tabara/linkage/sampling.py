"""A random sample of a run's pairs for clerical review, and what it estimates (pure Python).

Reviewing the pairs nearest the threshold finds the model's mistakes fastest, but the
precision and recall counted on them describe that doubtful band, not the run. A random
sample of all stored pairs, whatever their match probability, does not have that bias:
the sample is the run's pairs in a fixed pseudo-random order (a hash of the run and the
pair, so every analyst and every reload sees the same order), and the estimate uses its
longest reviewed prefix, so that skipping a hard pair cannot choose what is counted.
Precision and recall come with Wilson score intervals (Wilson 1927; Brown, Cai and
DasGupta 2001 recommend it over the normal interval for small samples).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tabara.linkage.quality import quality_at

Z95 = 1.959964  # the normal quantile of a 95% interval


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of successes/trials; None without trials."""
    if trials <= 0:
        return None
    p = successes / trials
    z2 = z * z
    denominator = 1 + z2 / trials
    centre = (p + z2 / (2 * trials)) / denominator
    margin = z * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / denominator
    return max(centre - margin, 0.0), min(centre + margin, 1.0)


def sample_order(run_id: int, pair_ids: Iterable[int]) -> list[int]:
    """The run's pairs in the sample's fixed pseudo-random order."""

    def rank(pk: int) -> bytes:
        return hashlib.sha256(f"tabara-review:{run_id}:{pk}".encode()).digest()

    return sorted(pair_ids, key=rank)


def reviewed_prefix(order: list[int], decisions: Mapping[int, str]) -> list[int]:
    """The sample so far: the pairs of `order` up to the first one nobody reviewed."""
    prefix = []
    for pk in order:
        if pk not in decisions:
            break
        prefix.append(pk)
    return prefix


@dataclass(frozen=True, slots=True)
class Estimate:
    threshold: float
    sampled: int  # pairs of the sample with a verdict (unsure ones excluded)
    true_positives: int
    false_positives: int
    false_negatives: int
    precision: float | None
    precision_interval: tuple[float, float] | None
    recall: float | None
    recall_interval: tuple[float, float] | None


def sample_estimate(labelled: list[tuple[float, bool]], threshold: float) -> Estimate:
    """Precision and recall at `threshold`, with 95% Wilson intervals, from a random sample's
    (match probability, the same person) labels."""
    (quality,) = quality_at(labelled, (threshold,))
    tp, fp, fn = quality.true_positives, quality.false_positives, quality.false_negatives
    return Estimate(
        threshold=threshold,
        sampled=len(labelled),
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
        precision=quality.precision,
        precision_interval=wilson(tp, tp + fp),
        recall=quality.recall,
        recall_interval=wilson(tp, tp + fn),
    )
