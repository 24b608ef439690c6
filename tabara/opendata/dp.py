"""Differentially private counts with OpenDP (Django-free).

Each table is a histogram in which one presumed victim adds 1 to one cell (L1
sensitivity 1). OpenDP's discrete Laplace mechanism, calibrated by its own privacy map,
adds integer noise to every cell; negative results are set to 0 (post-processing, which
costs no privacy).
"""

from __future__ import annotations

import math
from decimal import Decimal

import opendp.prelude as dp

dp.enable_features("contrib")

CONFIDENCE = 0.95


def _space() -> tuple[dp.Domain, dp.Metric]:
    return dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int)


def _scale(epsilon: Decimal) -> float:
    """The smallest noise scale whose privacy map gives at most `epsilon` for one person."""
    scale: float = dp.binary_search_param(
        lambda s: _space() >> dp.m.then_laplace(scale=s), d_in=1, d_out=float(epsilon)
    )
    return scale


def _mechanism(epsilon: Decimal) -> dp.Measurement:
    measurement: dp.Measurement = _space() >> dp.m.then_laplace(scale=_scale(epsilon))
    return measurement


def noisy_counts(counts: list[int], epsilon: Decimal) -> list[int]:
    """The counts with noise that spends at most `epsilon` (checked by OpenDP's map)."""
    mechanism = _mechanism(epsilon)
    if not mechanism.check(1, float(epsilon)):  # pragma: no cover - OpenDP's own guarantee
        raise RuntimeError("the mechanism would spend more than asked")
    return [max(int(value), 0) for value in mechanism(counts)]


def margin(epsilon: Decimal) -> int:
    """±margin holding each noisy count's distance from the true count 95% of the time."""
    scale = _scale(epsilon)
    accuracy = float(dp.discrete_laplacian_scale_to_accuracy(scale, 1 - CONFIDENCE))
    return math.ceil(accuracy)
