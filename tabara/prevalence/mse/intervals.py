"""Bootstrap interval arithmetic: R's quantiles, the BCa correction and its acceleration.

The BCa interval is SparseMSE's `bcaconfvalues` (DiCiccio & Efron 1996): with bias
correction z0 = Phi^-1(share of replicates below the estimate) and acceleration a, the
level alpha endpoint is the Phi(z0 + (z0 + z_alpha) / (1 - a (z0 + z_alpha))) quantile of
the replicates, taken with R's `quantile(type = 8)`. The acceleration comes from the
delete-one jackknife over capture patterns, each pattern weighted by its count.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy.special import ndtr, ndtri

from tabara.prevalence.mse.design import FloatArray

_FUZZ = 4 * float(np.finfo(np.float64).eps)
_TIE = 1e-9


def r_quantile(
    values: Sequence[float] | FloatArray, probs: Sequence[float], kind: int = 8
) -> list[float]:
    """R's `quantile(values, probs, type = kind)` for kinds 7 and 8, infinities included."""
    x = np.sort(np.asarray(values, dtype=np.float64))
    n = len(x)
    padded = np.concatenate([[x[0], x[0]], x, [x[-1], x[-1]]])
    results = []
    for prob in probs:
        index = 1 + (n - 1) * prob if kind == 7 else 1.0 / 3 + prob * (n + 1.0 / 3)
        j = math.floor(index + _FUZZ)
        h = index - j
        if abs(h) < _FUZZ:
            h = 0.0
        j = min(max(j, 0), n)
        low, high = float(padded[j + 1]), float(padded[j + 2])
        if h >= 1.0:
            value = high
        elif 0.0 < h < 1.0 and low != high:
            value = (1 - h) * low + h * high
        else:
            value = low
        results.append(value)
    return results


def jackknife_acceleration(estimates: FloatArray, weights: FloatArray) -> float:
    """a = sum w d^3 / (6 (sum w d^2)^1.5) with d = weighted mean - estimate; 0 if undefined."""
    total = float(weights.sum())
    if total <= 0:
        return 0.0
    deviations = float((weights * estimates).sum()) / total - estimates
    spread = float((weights * deviations**2).sum())
    if not spread > 0 or not math.isfinite(spread):
        return 0.0
    skew = float((weights * deviations**3).sum())
    return skew / (6.0 * spread * math.sqrt(spread))


def bca_quantiles(
    replicates: FloatArray, estimate: float, acceleration: float, alphas: Sequence[float]
) -> list[float] | None:
    """BCa endpoints at each alpha, or None when every replicate is on one side.

    A resample identical to the data gives the estimate itself; in R both come from the
    same arithmetic and compare equal, so replicates within rounding (1e-9 relative) of
    the estimate count as not below it here too.
    """
    share_below = float(np.mean(replicates < estimate - _TIE * abs(estimate)))
    if share_below <= 0.0 or share_below >= 1.0:
        return None
    z0 = float(ndtri(share_below))
    probs = []
    for alpha in alphas:
        shifted = z0 + float(ndtri(alpha))
        probs.append(float(ndtr(z0 + shifted / (1 - acceleration * shifted))))
    return r_quantile(replicates, probs, kind=8)


def histogram(
    replicates: FloatArray, bins: int = 30, coverage: float = 0.99
) -> tuple[tuple[float, float, int], ...]:
    """(left, right, count) bins over the central `coverage` of the finite replicates.

    Bootstrap estimates have a long right tail; drawing it all would squash the body, so
    the extreme (1 - coverage) / 2 on each side are left out of the bins.
    """
    finite = replicates[np.isfinite(replicates)]
    if len(finite) == 0:
        return ()
    tail = (1 - coverage) / 2
    low, high = r_quantile(finite, [tail, 1 - tail], kind=7)
    if high <= low:
        return ((low, high, len(finite)),)
    counts, edges = np.histogram(finite, bins=bins, range=(low, high))
    return tuple((float(edges[k]), float(edges[k + 1]), int(counts[k])) for k in range(len(counts)))


def percentile_quantiles(replicates: FloatArray, alphas: Sequence[float]) -> list[float]:
    """Plain percentile endpoints (R's default quantile, type 7)."""
    return r_quantile(replicates, alphas, kind=7)
