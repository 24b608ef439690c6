"""The random review sample and its Wilson intervals, against numbers worked by hand."""

from __future__ import annotations

import pytest

from tabara.linkage.sampling import reviewed_prefix, sample_estimate, sample_order, wilson


def test_wilson_interval_by_hand() -> None:
    # 8 of 10, z = 1.96: centre (0.8 + 3.8416/20) / 1.38416 = 0.71674; half-width
    # 1.96 * sqrt(0.016 + 0.009604) / 1.38416 = 0.22658 → [0.4902, 0.9433].
    interval = wilson(8, 10, z=1.96)
    assert interval is not None
    low, high = interval
    assert low == pytest.approx(0.4902, abs=1e-4) and high == pytest.approx(0.9433, abs=1e-4)
    # 0 of 5: [0, z²/(n + z²)] = [0, 3.8416 / 8.8416] = [0, 0.4345].
    interval = wilson(0, 5, z=1.96)
    assert interval is not None
    low, high = interval
    assert low == 0.0 and high == pytest.approx(0.4345, abs=1e-4)
    assert wilson(0, 0) is None


def test_the_sample_is_reproducible_and_counts_only_its_reviewed_prefix() -> None:
    order = sample_order(7, range(1, 21))
    assert order == sample_order(7, reversed(range(1, 21)))  # whatever order they came in
    assert sorted(order) == list(range(1, 21)) and order != list(range(1, 21))
    assert sample_order(8, range(1, 21)) != order  # another run, another sample
    decisions = {order[0]: "match", order[1]: "non_match", order[3]: "match"}
    assert reviewed_prefix(order, decisions) == order[:2]  # order[2] not yet reviewed


def test_estimate_at_the_threshold_by_hand() -> None:
    # Ten sampled pairs; at 0.5: linked 0.99 T, 0.9 T, 0.8 F, 0.7 T, 0.6 T → TP 4, FP 1;
    # missed true 0.3 → FN 1. Precision 4/5, recall 4/5.
    labelled = [(0.99, True), (0.9, True), (0.8, False), (0.7, True), (0.6, True),
                (0.3, True), (0.2, False), (0.1, False), (0.05, False), (0.02, False)]  # fmt: skip
    estimate = sample_estimate(labelled, 0.5)
    assert (estimate.true_positives, estimate.false_positives, estimate.false_negatives) == (
        4,
        1,
        1,
    )
    assert estimate.precision == 0.8 and estimate.recall == 0.8 and estimate.sampled == 10
    # Wilson for 4 of 5 at z = 1.959964: centre (0.8 + 0.38415) / 1.76829 = 0.66966;
    # half-width 1.959964 * sqrt(0.032 + 0.038415) / 1.76829 = 0.29412 → [0.3755, 0.9638].
    assert estimate.precision_interval is not None
    low, high = estimate.precision_interval
    assert low == pytest.approx(0.3755, abs=1e-3) and high == pytest.approx(0.9638, abs=1e-3)
    assert estimate.recall_interval == estimate.precision_interval  # also 4 of 5
