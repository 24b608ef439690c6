"""Profile-likelihood interval for the total population under one fixed model.

This is Rcapture's `closedpCI.t` (Cormack 1992): for a candidate total N the dark cell is
given the count N - n_obs, the same log-linear model is fitted to the completed 2^t
table, and the multinomial log-likelihood is the Poisson one corrected by Cormack's
term. The interval is every N whose log-likelihood is within chi2_1(0.95)/2 of the
maximum, searched on (n_obs, 3 N_hat) like Rcapture. It is conditional on the model, so
it ignores the uncertainty of model selection.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq, minimize_scalar
from scipy.special import chdtri, gammaln

from tabara.prevalence.mse.fit import ModelFit
from tabara.prevalence.mse.glm import fit_poisson

SEARCH_FACTOR = 3.0
_X_TOLERANCE = 1e-4


@dataclass(frozen=True)
class ProfileInterval:
    """Maximiser of the profile likelihood and the interval; `upper` None if beyond 3 N."""

    estimate: float
    lower: float
    upper: float | None


def cormack_correction(n0: float, total: float) -> float:
    """log(n0^n0 N! / (N^N n0!)), with Rcapture's Stirling form above N = 100."""
    if total > 100:
        if n0 in (0.0, 1.0):
            return -total + 0.5 * math.log(2 * math.pi * total)
        return n0 - total - 0.5 * math.log(n0 / total)
    n0_log_n0 = n0 * math.log(n0) if n0 > 0 else 0.0
    return n0_log_n0 + float(gammaln(total + 1)) - total * math.log(total) - float(gammaln(n0 + 1))


def profile_log_likelihood(fit: ModelFit) -> Callable[[float], float]:
    """The multinomial profile log-likelihood of the total N under `fit`'s model."""
    design = np.vstack([fit.design, np.eye(1, fit.design.shape[1])])
    observed = float(fit.observed)

    def log_likelihood(total: float) -> float:
        n0 = total - observed
        # Each fit starts afresh, as in Rcapture: at N = n_obs the dark cell is 0 and the
        # fit drifts, so carrying its coefficients over would spoil the next evaluation.
        glm = fit_poisson(design, np.append(fit.y, n0))
        return (glm.deviance - 2 * cormack_correction(n0, total)) / -2.0

    return log_likelihood


def profile_interval(fit: ModelFit, level: float = 0.95) -> ProfileInterval:
    """Rcapture's profile-likelihood interval for the total population at `level`."""
    loglik = profile_log_likelihood(fit)
    low, high = float(fit.observed), SEARCH_FACTOR * fit.estimate
    best = minimize_scalar(
        lambda n: -loglik(float(n)),
        bounds=(low, high),
        method="bounded",
        options={"xatol": _X_TOLERANCE},
    )
    n_max = float(best.x)
    cutoff = -float(best.fun) - float(chdtri(1, 1 - level)) / 2

    def excess(total: float) -> float:
        return loglik(total) - cutoff

    lower = _root(excess, low, n_max)
    upper = _root(excess, n_max, high)
    return ProfileInterval(estimate=n_max, lower=lower if lower is not None else low, upper=upper)


def _root(function: Callable[[float], float], a: float, b: float) -> float | None:
    """The crossing in [a, b], or None where R's uniroot would fail (no sign change)."""
    fa, fb = function(a), function(b)
    if not (math.isfinite(fa) and math.isfinite(fb)) or fa * fb > 0:
        return None
    if fa == 0:
        return a
    if fb == 0:
        return b
    return float(brentq(function, a, b, xtol=_X_TOLERANCE))
