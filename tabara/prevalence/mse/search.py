"""Exhaustive BIC search over the hierarchical models with two-list interactions.

Every subset of the t(t-1)/2 pairs is a hierarchical model once main effects are in
(2^10 = 1,024 models for 5 lists, 32,768 for 6). As in MultipleSystemsEstimation's
`estimate_population_bic`, models whose extended MLE does not exist or is not
identifiable are left out, and the rest are ranked by
BIC = -2 log L + log(n_obs) x (parameters, counting structural-zero pairs).
Above 6 lists the search is refused: it would not finish in reasonable time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tabara.prevalence.mse.checks import check_model, empty_pairs, is_identifiable
from tabara.prevalence.mse.design import FloatArray, IntArray, layout
from tabara.prevalence.mse.errors import MSEModelError
from tabara.prevalence.mse.fit import ModelFit, fit_model

MAX_BIC_LISTS = 6


@dataclass(frozen=True)
class RankedModel:
    """One admissible model of the search, with its estimate and BIC."""

    model: int
    estimate: float
    bic: float


def default_top_models(t: int) -> int:
    """Models kept for the BIC bootstrap (Silverman, Chan & Vincent 2024 defaults)."""
    return {2: 1 << 30, 3: 1 << 30, 4: 20}.get(t, 100)


def bic_ranking(t: int, cell_counts: IntArray | FloatArray) -> list[RankedModel]:
    """Every admissible two-way hierarchical model, best (lowest) BIC first.

    Existence only gets harder as overlapping pairs are added, so once a model is known
    to pass, every sub-model with the same structural zeros passes without a new linear
    program, and once one fails every super-model fails.
    """
    if t > MAX_BIC_LISTS:
        raise MSEModelError(
            f"the exhaustive BIC search handles at most {MAX_BIC_LISTS} lists, not {t}"
        )
    counts = np.asarray(cell_counts, dtype=np.float64)
    n_models = 1 << layout(t).n_pairs
    passed: dict[int, list[int]] = {}
    failed: dict[int, list[int]] = {}
    ranking: list[RankedModel] = []
    for model in sorted(range(n_models), key=lambda m: -bin(m).count("1")):
        empty = empty_pairs(t, model, counts)
        overlapping = model & ~empty
        if any(overlapping & ~known == 0 for known in passed.get(empty, [])):
            ok = True
        elif any(known & ~overlapping == 0 for known in failed.get(empty, [])):
            ok = False
        elif not is_identifiable(t, model, counts):
            ok = False
            failed.setdefault(empty, []).append(overlapping)
        else:
            fit = fit_model(t, model, counts)
            ok = check_model(t, model, counts, fitted=fit.mu).exists
            (passed if ok else failed).setdefault(empty, []).append(overlapping)
            if ok:
                ranking.append(RankedModel(model, fit.estimate, fit.bic))
            continue
        if ok:
            fit = fit_model(t, model, counts)
            ranking.append(RankedModel(model, fit.estimate, fit.bic))
    ranking.sort(key=lambda r: (r.bic, r.model))
    return ranking


def bic_fit(t: int, cell_counts: IntArray | FloatArray) -> ModelFit:
    """The fit of the lowest-BIC model of the exhaustive search."""
    ranking = bic_ranking(t, cell_counts)
    return fit_model(t, ranking[0].model, cell_counts)


def bic_fit_among(t: int, cell_counts: IntArray | FloatArray, models: tuple[int, ...]) -> ModelFit:
    """Lowest-BIC admissible model among `models` (the bootstrap's restricted search)."""
    counts = np.asarray(cell_counts, dtype=np.float64)
    best: ModelFit | None = None
    for model in models:
        if not is_identifiable(t, model, counts):
            continue
        fit = fit_model(t, model, counts)
        if not check_model(t, model, counts, fitted=fit.mu).exists:
            continue
        if best is None or fit.bic < best.bic:
            best = fit
    return best if best is not None else fit_model(t, 0, counts)
