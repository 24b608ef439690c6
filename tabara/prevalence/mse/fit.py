"""Fit one log-linear model to a table and derive the population estimate from it.

For t lists the count of pattern w is Poisson with log mean = sum of the parameters of
the subsets of w in the model; the intercept is the log of the expected dark figure, so
the estimated total is n_obs + exp(intercept). Pairs of the model whose lists share
nobody are structural zeros (extended MLE); they still count as parameters in AIC and
BIC, as in SparseMSE and Rcapture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy.special import ndtr, ndtri

from tabara.prevalence.mse.checks import empty_pairs
from tabara.prevalence.mse.design import FloatArray, IntArray, bitmask, layout, reduced_design
from tabara.prevalence.mse.glm import (
    GlmFit,
    covariance,
    fit_poisson,
    fit_poisson_batch,
    log_likelihood,
)


@dataclass(frozen=True, eq=False)
class ModelFit:
    """A fitted model: parameters, fitted cell means and the criteria built from them."""

    t: int
    model: int
    empty_pairs: int
    empty_lists: int
    observed: int
    cells: IntArray
    columns: IntArray
    design: FloatArray
    y: FloatArray
    beta: FloatArray
    mu: FloatArray
    weights: FloatArray
    deviance: float
    converged: bool

    @property
    def dark_figure(self) -> float:
        return math.exp(float(self.beta[0]))

    @property
    def estimate(self) -> float:
        """Estimated total population: observed plus the expected dark figure."""
        return self.observed + self.dark_figure

    @cached_property
    def log_likelihood(self) -> float:
        return log_likelihood(self.y, self.mu)

    @property
    def n_parameters(self) -> int:
        """Estimated columns plus the parameters fixed at minus infinity."""
        empties = bin(self.empty_pairs).count("1") + bin(self.empty_lists).count("1")
        return len(self.columns) + empties

    @property
    def df(self) -> int:
        return len(self.cells) - len(self.columns)

    @property
    def aic(self) -> float:
        return -2.0 * self.log_likelihood + 2.0 * self.n_parameters

    @property
    def bic(self) -> float:
        return -2.0 * self.log_likelihood + math.log(self.observed) * self.n_parameters

    @cached_property
    def covariance(self) -> FloatArray:
        return covariance(self.design, self.weights)

    @property
    def log_dark_se(self) -> float:
        """Standard error of the intercept, the log of the dark figure."""
        return math.sqrt(float(self.covariance[0, 0]))

    @property
    def estimate_se(self) -> float:
        """Rcapture's standard error of the total: sqrt(m0 + m0^2 var(intercept))."""
        m0 = self.dark_figure
        return math.sqrt(m0 + m0 * m0 * float(self.covariance[0, 0]))

    def wald_interval(self, level: float = 0.95) -> tuple[float, float]:
        """n_obs + exp(intercept +- z se): SparseMSE's interval, conditional on the model."""
        z = float(ndtri(0.5 + level / 2))
        centre, se = float(self.beta[0]), self.log_dark_se
        return (
            self.observed + math.exp(centre - z * se),
            self.observed + math.exp(centre + z * se),
        )

    def coefficient_p_value(self, pair: int) -> float:
        """Two-sided Wald p-value of an interaction; 1 for a structural-zero pair."""
        column = 1 + self.t + pair
        where = np.flatnonzero(self.columns == column)
        if len(where) == 0:
            return 1.0
        k = int(where[0])
        z = float(self.beta[k]) / math.sqrt(float(self.covariance[k, k]))
        return float(2 * ndtr(-abs(z)))

    def interaction_coefficients(self) -> dict[int, float]:
        """Estimated log-linear coefficient of each interaction column, by pair index.

        Positive: the two lists share more people than independence would give.
        """
        first_pair_column = 1 + self.t
        return {
            int(column) - first_pair_column: float(self.beta[k])
            for k, column in enumerate(self.columns)
            if column >= first_pair_column
        }

    def fitted_cells(self) -> FloatArray:
        """Fitted means over all 2^t cells (0 for structural zeros and the dark cell)."""
        full = np.zeros(1 << self.t)
        full[self.cells] = self.mu
        return full


def fit_model(
    t: int,
    model: int,
    cell_counts: IntArray | FloatArray,
    *,
    start: FloatArray | None = None,
    zeros: int | None = None,
) -> ModelFit:
    """Fit `model` (a pair bitmask) to counts indexed by capture-pattern bitmask.

    Lists with nobody on them (possible in a bootstrap resample) have their cells treated
    as structural zeros: that is the limit R's glm drifts towards. `start` may give
    coefficients to start from (see `start_after`), ignored if it does not fit the design;
    `zeros` may pass the data's pairs with no overlap when already known.
    """
    counts = np.asarray(cell_counts, dtype=np.float64)
    list_totals = layout(t).list_incidence @ counts
    empty = empty_pairs(t, model, counts, zeros) if model else 0
    empty_lists = 0 if list_totals.all() else bitmask(list_totals == 0)
    design = reduced_design(t, model, empty, empty_lists)
    if start is not None and (empty_lists or len(start) != len(design.columns)):
        start = None
    glm = fit_poisson(design.matrix, counts[design.cells], start=start)
    return _model_fit(t, model, empty, empty_lists, counts, glm)


def start_after(previous: ModelFit, pair: int, observed: float, expected: float) -> FloatArray:
    """Coefficients to start the fit of `previous` plus interaction `pair` from.

    The new term starts at log(observed / expected overlap), its maximiser with everything
    else held at the previous fit (it rescales exactly the cells with both lists), so
    Newton needs about three steps instead of five. A pair with nobody in common adds no
    column, so the previous coefficients are the start.
    """
    if observed <= 0:
        return previous.beta
    column = 1 + previous.t + pair
    where = int(np.searchsorted(previous.columns, column))
    value = math.log(observed / expected) if expected > 0 else 0.0
    return np.insert(previous.beta, where, value)


def fit_main_effects_many(t: int, cell_counts: FloatArray) -> list[ModelFit]:
    """Independence fits of many tables (rows of `cell_counts`) in one vectorised pass.

    Tables with a list nobody is on need another design and are fitted one by one.
    """
    counts = np.asarray(cell_counts, dtype=np.float64)
    lay = layout(t)
    regular = np.flatnonzero(np.all(counts @ lay.list_incidence.T > 0, axis=1))
    fits: list[ModelFit | None] = [None] * len(counts)
    if len(regular):
        design = reduced_design(t, 0, 0, 0)
        try:
            glms = fit_poisson_batch(design.matrix, counts[regular][:, design.cells])
        except np.linalg.LinAlgError:
            glms = []  # a singular step somewhere: fit each table on its own below
        for k, glm in zip(regular, glms, strict=False):
            fits[k] = _model_fit(t, 0, 0, 0, counts[k], glm)
    return [
        fit if fit is not None else fit_model(t, 0, row)
        for fit, row in zip(fits, counts, strict=True)
    ]


def fit_model_many(
    t: int, model: int, empty: int, tables: FloatArray, starts: FloatArray
) -> list[ModelFit]:
    """Fits of one model to many tables whose structural zeros (`empty`) are the same.

    None of the tables may have a list with nobody on it. Each row is fitted from its row
    of `starts`; a singular step anywhere sends the batch through `fit_model` one by one.
    """
    design = reduced_design(t, model, empty, 0)
    try:
        glms = fit_poisson_batch(design.matrix, tables[:, design.cells], starts=starts)
    except np.linalg.LinAlgError:
        return [
            fit_model(t, model, row, start=start) for row, start in zip(tables, starts, strict=True)
        ]
    return [_model_fit(t, model, empty, 0, row, glm) for row, glm in zip(tables, glms, strict=True)]


def _model_fit(
    t: int, model: int, empty: int, empty_lists: int, counts: FloatArray, glm: GlmFit
) -> ModelFit:
    design = reduced_design(t, model, empty, empty_lists)
    return ModelFit(
        t=t,
        model=model,
        empty_pairs=empty,
        empty_lists=empty_lists,
        observed=round(float(counts.sum())),
        cells=design.cells,
        columns=design.columns,
        design=design.matrix,
        y=counts[design.cells],
        beta=glm.beta,
        mu=glm.mu,
        weights=glm.weights,
        deviance=glm.deviance,
        converged=glm.converged,
    )
