"""Poisson log-linear fits by iteratively reweighted least squares, as R's `glm.fit` does.

The iteration reproduces R's choices (start at mu = y + 0.1, fitted values floored at
machine epsilon, stop when the relative change in deviance is below 1e-8 or after 25
iterations) so that the rare fits whose maximum likelihood estimate does not exist end
where SparseMSE's fits end, instead of at some other large number.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.linalg.lapack import dposv
from scipy.special import gammaln

FloatArray = NDArray[np.float64]

EPSILON = 1e-8
MAX_ITERATIONS = 25
_TINY = float(np.finfo(np.float64).eps)
_LOG_TINY = float(np.log(_TINY))


@dataclass(frozen=True, eq=False)
class GlmFit:
    """A fitted Poisson log-linear model on the retained cells."""

    beta: FloatArray
    mu: FloatArray
    weights: FloatArray  # the mu of the last least-squares step, as R's summary.glm uses
    deviance: float
    iterations: int
    converged: bool


def deviance(y: FloatArray, mu: FloatArray) -> float:
    """Poisson deviance 2 * sum(y log(y / mu) - (y - mu)), with 0 log 0 = 0."""
    positive = y > 0
    terms = mu.copy()
    terms[positive] = y[positive] * np.log(y[positive] / mu[positive]) - (
        y[positive] - mu[positive]
    )
    return 2.0 * float(terms.sum())


def log_likelihood(y: FloatArray, mu: FloatArray) -> float:
    """Full Poisson log-likelihood, the quantity R's AIC is built from."""
    positive = y > 0
    value = -float(mu.sum()) - float(gammaln(y + 1.0).sum())
    value += float((y[positive] * np.log(mu[positive])).sum())
    return value


def fit_poisson(
    x: FloatArray,
    y: FloatArray,
    *,
    start: FloatArray | None = None,
    max_iterations: int = MAX_ITERATIONS,
) -> GlmFit:
    """Fit log E[y] = x @ beta by IRLS (Newton's method for the canonical link).

    Without `start` the iteration begins where R's glm does, at mu = y + 0.1. A `start`
    (e.g. the previous model of a stepwise search, with zeros for the new term) only
    saves iterations when the maximum likelihood estimate exists.
    """
    positive = y > 0
    # deviance = 2 (sum y log y - sum y - y . log mu + sum mu); the first two are constant
    constant = float(y[positive] @ np.log(y[positive])) - float(y.sum())
    if start is None:
        mu = y + 0.1
        eta = np.log(mu)
        log_mu = eta
        beta = np.zeros(x.shape[1])
    else:
        beta = start
        eta = x @ start
        log_mu = np.maximum(eta, _LOG_TINY)
        mu = np.exp(log_mu)
    dev = 2.0 * (constant - float(y @ log_mu) + float(mu.sum()))
    xt = x.T
    converged = False
    iterations = 0
    weights = mu
    while iterations < max_iterations and not converged:
        iterations += 1
        weights = mu
        # Weighted least squares of z = eta + (y - mu) / mu on x with weights mu:
        # (x' W x) beta = x' W z = x' (mu eta + y - mu).
        working = mu * eta + (y - mu)
        _, beta, info = dposv((xt * mu) @ x, xt @ working)
        if info != 0:
            beta = _least_squares(x, mu, working)
        eta = x @ beta
        log_mu = np.maximum(eta, _LOG_TINY)
        mu = np.exp(log_mu)
        dev_old, dev = dev, 2.0 * (constant - float(y @ log_mu) + float(mu.sum()))
        converged = abs(dev - dev_old) / (abs(dev) + 0.1) < EPSILON
    return GlmFit(
        beta=beta,
        mu=mu,
        weights=weights,
        deviance=max(dev, 0.0),
        iterations=iterations,
        converged=converged,
    )


def _least_squares(x: FloatArray, mu: FloatArray, working: FloatArray) -> FloatArray:
    """The weighted step by lstsq, for when x' W x is not numerically positive definite."""
    root = np.sqrt(mu)
    solution = np.linalg.lstsq(x * root[:, None], working / root, rcond=None)[0]
    return np.asarray(solution, dtype=np.float64)


def covariance(x: FloatArray, weights: FloatArray) -> FloatArray:
    """Unscaled covariance (X' W X)^-1 of the coefficients, W = diag(weights)."""
    return np.asarray(np.linalg.inv((x.T * weights) @ x), dtype=np.float64)


def fit_poisson_batch(
    x: FloatArray,
    ys: FloatArray,
    *,
    starts: FloatArray | None = None,
    max_iterations: int = MAX_ITERATIONS,
) -> list[GlmFit]:
    """`fit_poisson` on every row of `ys` at once (same design, each row stops on its own).

    Each row runs the iteration `fit_poisson` would run from the same start (R's, or its
    row of `starts`); rows are frozen once converged, so results do not depend on the
    batch. Raises numpy's LinAlgError if some step is singular.
    """
    n_rows, n_params = ys.shape[0], x.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        ylogy = np.where(ys > 0, ys * np.log(ys), 0.0)
    constant = ylogy.sum(axis=1) - ys.sum(axis=1)
    # Row r of `outer` is vec(x_r x_r'), so the Gram matrices of all rows are mu @ outer.
    outer = (x[:, :, None] * x[:, None, :]).reshape(x.shape[0], n_params * n_params)
    if starts is None:
        mu = ys + 0.1
        eta = np.log(mu)
        log_mu = eta
        beta = np.zeros((n_rows, n_params))
    else:
        beta = np.array(starts, dtype=np.float64)
        eta = beta @ x.T
        log_mu = np.maximum(eta, _LOG_TINY)
        mu = np.exp(log_mu)
    dev = 2.0 * (constant - (ys * log_mu).sum(axis=1) + mu.sum(axis=1))
    weights = mu.copy()
    iterations = np.zeros(n_rows, dtype=np.int64)
    converged = np.zeros(n_rows, dtype=bool)
    active = np.arange(n_rows)
    for _ in range(max_iterations):
        if len(active) == 0:
            break
        m, y = mu[active], ys[active]
        gram = (m @ outer).reshape(len(active), n_params, n_params)
        rhs = (m * eta[active] + (y - m)) @ x
        b = np.linalg.solve(gram, rhs[:, :, None])[:, :, 0]
        e = b @ x.T
        log_mu = np.maximum(e, _LOG_TINY)
        m_new = np.exp(log_mu)
        d_new = 2.0 * (constant[active] - (y * log_mu).sum(axis=1) + m_new.sum(axis=1))
        done = np.abs(d_new - dev[active]) / (np.abs(d_new) + 0.1) < EPSILON
        weights[active], beta[active], eta[active] = m, b, e
        mu[active], dev[active] = m_new, d_new
        iterations[active] += 1
        converged[active] = done
        active = active[~done]
    return [
        GlmFit(
            beta=beta[k],
            mu=mu[k],
            weights=weights[k],
            deviance=max(float(dev[k]), 0.0),
            iterations=int(iterations[k]),
            converged=bool(converged[k]),
        )
        for k in range(n_rows)
    ]
