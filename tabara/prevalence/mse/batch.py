"""The p-value stepwise selection run on many tables at once, for the bootstrap.

It makes exactly the decisions `stepwise.stepwise_fit` makes on each table; only the
arithmetic is shared. At every step the tables whose next candidate is the same model
with the same structural zeros are fitted together in one vectorised IRLS, and only a
table whose candidate fails the existence test falls back to trying its remaining
candidates one by one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from tabara.prevalence.mse.checks import check_model, is_identifiable
from tabara.prevalence.mse.design import FloatArray, bitmask, layout
from tabara.prevalence.mse.fit import ModelFit, fit_main_effects_many, fit_model_many, start_after
from tabara.prevalence.mse.stepwise import DEFAULT_THRESHOLD, admissible_fit, overlap_p_values


@dataclass(frozen=True, eq=False)
class _Step:
    """One table's next move: its candidates in order and the start for the first."""

    table: int
    ranked: list[int]
    expected: FloatArray
    start: FloatArray


def stepwise_many(
    t: int, tables: FloatArray, threshold: float = DEFAULT_THRESHOLD
) -> list[ModelFit]:
    """`stepwise_fit` of every row of `tables` (counts indexed by pattern bitmask)."""
    counts = np.asarray(tables, dtype=np.float64)
    incidence = layout(t).pair_incidence
    nstar = counts @ incidence.T
    zeros = [bitmask(row == 0) for row in nstar]
    fits = fit_main_effects_many(t, counts)
    # A list with nobody on it makes every enlarged model fail to exist: those tables stop.
    active = [b for b, fit in enumerate(fits) if not fit.empty_lists]
    while active:
        expected = np.stack([fits[b].fitted_cells() for b in active]) @ incidence.T
        p_values = overlap_p_values(nstar[active], expected)
        groups: dict[tuple[int, int], list[_Step]] = defaultdict(list)
        for row, b in enumerate(active):
            step = _next_step(t, b, counts[b], fits[b], p_values[row], expected[row], threshold)
            if step is not None:
                model = fits[b].model | 1 << step.ranked[0]
                groups[(model, model & zeros[b])].append(step)
        advanced: list[int] = []
        for (model, empty), steps in groups.items():
            rows = [step.table for step in steps]
            starts = np.array([step.start for step in steps])
            trials = fit_model_many(t, model, empty, counts[rows], starts)
            for step, trial in zip(steps, trials, strict=True):
                b = step.table
                chosen: ModelFit | None = trial
                if not check_model(t, model, counts[b], fitted=trial.mu, zeros=zeros[b]).exists:
                    chosen = _first_admissible(t, counts[b], fits[b], step, nstar[b], zeros[b])
                if chosen is not None:
                    fits[b] = chosen
                    advanced.append(b)
        active = advanced
    return fits


def _next_step(
    t: int,
    table: int,
    counts: FloatArray,
    fit: ModelFit,
    p_values: FloatArray,
    expected: FloatArray,
    threshold: float,
) -> _Step | None:
    """Candidates below the threshold, smallest p first (ties in list order), identifiable."""
    if fit.model:
        p_values[layout(t).model_pairs(fit.model)] = 1.0
    candidates = np.flatnonzero(p_values < threshold)
    ranked = candidates[np.argsort(p_values[candidates], kind="stable")].tolist()
    while ranked and not is_identifiable(t, fit.model | 1 << ranked[0], counts):
        ranked.pop(0)
    if not ranked:
        return None
    nstar = float(layout(t).pair_incidence[ranked[0]] @ counts)
    start = start_after(fit, ranked[0], nstar, float(expected[ranked[0]]))
    return _Step(table, ranked, expected, start)


def _first_admissible(
    t: int, counts: FloatArray, fit: ModelFit, step: _Step, nstar: FloatArray, zeros: int
) -> ModelFit | None:
    """After the best candidate failed the existence test, the next admissible one."""
    for pair in step.ranked[1:]:
        start = start_after(fit, pair, float(nstar[pair]), float(step.expected[pair]))
        trial = admissible_fit(t, fit.model | 1 << pair, counts, start, zeros)
        if trial is not None:
            return trial
    return None
