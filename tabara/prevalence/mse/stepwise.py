"""Forward selection of two-list interactions: SparseMSE's p-value rule and the UK AIC rule.

Both start from main effects only and add one interaction at a time.

* p-value stepwise (Chan, Silverman & Vincent 2021; SparseMSE `stepwisefit`): for each
  pair not yet in the model, N*_ij (people seen on both lists) is Poisson under the
  current fit with mean lambda*_ij; its p-value is min(P(X <= N*), P(X >= N*)). The pair
  with the smallest p-value is added if that is below the threshold (0.02) and the
  enlarged model passes the existence and identifiability tests; ties go to the first
  pair in list order.
* AIC stepwise (Silverman 2014, the UK Home Office method): add the interaction that
  lowers AIC most; stop when none lowers AIC or the new term's Wald p-value exceeds 0.05.
  Candidates whose estimate does not exist or is not identifiable are skipped.
"""

from __future__ import annotations

import numpy as np
from scipy.special import pdtr, pdtrc

from tabara.prevalence.mse.checks import check_model, is_identifiable
from tabara.prevalence.mse.design import FloatArray, IntArray, bitmask, layout
from tabara.prevalence.mse.fit import ModelFit, fit_model, start_after

DEFAULT_THRESHOLD = 0.02
AIC_WALD_LIMIT = 0.05


def independence_fit(t: int, cell_counts: IntArray | FloatArray) -> ModelFit:
    """Main effects only: being on one list says nothing about being on another."""
    return fit_model(t, 0, cell_counts)


def overlap_p_values(nstar: FloatArray, expected: FloatArray) -> FloatArray:
    """Poisson p-value min(P(X <= n), P(X >= n)) of each observed overlap n."""
    lower = pdtr(nstar, expected)
    upper = np.where(nstar > 0, pdtrc(np.maximum(nstar - 1, 0), expected), 1.0)
    values: FloatArray = np.minimum(lower, upper)
    return values


def stepwise_fit(
    t: int,
    cell_counts: IntArray | FloatArray,
    threshold: float = DEFAULT_THRESHOLD,
    order: list[int] | None = None,
    main: ModelFit | None = None,
) -> ModelFit:
    """SparseMSE's p-value stepwise selection; returns the fit of the selected model.

    If `order` is given, the pairs are appended to it in the order they were added;
    `main` may supply the already computed main-effects fit.
    """
    counts = np.asarray(cell_counts, dtype=np.float64)
    incidence = layout(t).pair_incidence
    nstar = incidence @ counts
    zeros = bitmask(nstar == 0)
    fit = main if main is not None else fit_model(t, 0, counts)
    if fit.empty_lists:
        return fit  # a list with nobody on it makes every enlarged model fail to exist
    for _ in range(incidence.shape[0]):
        expected = incidence @ fit.fitted_cells()
        p_values = overlap_p_values(nstar, expected)
        if fit.model:
            p_values[layout(t).model_pairs(fit.model)] = 1.0
        chosen: tuple[int, ModelFit] | None = None
        candidates = np.flatnonzero(p_values < threshold)
        # Smallest p-value first; a stable sort keeps list order among equal p-values.
        for k in candidates[np.argsort(p_values[candidates], kind="stable")]:
            pair = int(k)
            start = start_after(fit, pair, nstar[pair], expected[pair])
            trial = admissible_fit(t, fit.model | 1 << pair, counts, start, zeros)
            if trial is not None:
                chosen = (pair, trial)
                break
        if chosen is None:
            break
        if order is not None:
            order.append(chosen[0])
        fit = chosen[1]
    return fit


def admissible_fit(
    t: int, model: int, counts: FloatArray, start: FloatArray, zeros: int
) -> ModelFit | None:
    """Fit `model` if it passes both SparseMSE checks, else None (the fit doubles as proof).

    `zeros` is the bitmask of the data's pairs with nobody in common.
    """
    if not is_identifiable(t, model, counts, zeros):
        return None
    trial = fit_model(t, model, counts, start=start, zeros=zeros)
    if not check_model(t, model, counts, fitted=trial.mu, zeros=zeros).exists:
        return None
    return trial


def aic_stepwise_fit(
    t: int,
    cell_counts: IntArray | FloatArray,
    order: list[int] | None = None,
    main: ModelFit | None = None,
) -> ModelFit:
    """The UK 2014 rule: forward AIC selection with a Wald p <= 0.05 guard on each term."""
    counts = np.asarray(cell_counts, dtype=np.float64)
    incidence = layout(t).pair_incidence
    nstar = incidence @ counts
    zeros = bitmask(nstar == 0)
    fit = main if main is not None else fit_model(t, 0, counts)
    if fit.empty_lists:
        return fit
    while True:
        best: tuple[int, ModelFit] | None = None
        expected = incidence @ fit.fitted_cells()
        for pair in range(len(nstar)):
            if fit.model >> pair & 1:
                continue
            start = start_after(fit, pair, nstar[pair], expected[pair])
            trial = admissible_fit(t, fit.model | 1 << pair, counts, start, zeros)
            if trial is not None and (best is None or trial.aic < best[1].aic):
                best = (pair, trial)
        if best is None or best[1].aic >= fit.aic:
            return fit
        pair, trial = best
        if trial.coefficient_p_value(pair) > AIC_WALD_LIMIT:
            return fit
        if order is not None:
            order.append(pair)
        fit = trial
