"""One call that runs a whole estimation and returns everything a report needs.

`run_estimation` selects a model with the chosen method, adds Wald and profile-likelihood
intervals (conditional on that model), optionally the bootstrap that repeats model
selection in every resample, the same figures under every other method side by side
(model choice moves MSE estimates more than sampling error does), and plain-language
warnings about when the figure must not be trusted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from tabara.prevalence.mse.bootstrap import Generator, Progress
from tabara.prevalence.mse.bootstrap import bootstrap as run_bootstrap
from tabara.prevalence.mse.cautions import Caution, cautions
from tabara.prevalence.mse.checks import check_model
from tabara.prevalence.mse.errors import MSEModelError
from tabara.prevalence.mse.intervals import histogram
from tabara.prevalence.mse.methods import METHODS, Method, Selector
from tabara.prevalence.mse.results import Interval, MethodResult, method_result
from tabara.prevalence.mse.search import MAX_BIC_LISTS, bic_ranking, default_top_models
from tabara.prevalence.mse.stepwise import DEFAULT_THRESHOLD
from tabara.prevalence.mse.table import CaptureTable

SENSITIVITY_BIC_LISTS = 5  # 6-list BIC means 32,768 fits: run it only when asked for


@dataclass(frozen=True)
class BootstrapSummary:
    """Bootstrap intervals for the total, model selection repeated in every resample."""

    replicates: int
    seed: int
    generator: Generator
    percentile: Interval
    bca: Interval | None
    acceleration: float
    median: float
    histogram: tuple[tuple[float, float, int], ...]  # (left, right, count), central 99%


@dataclass(frozen=True)
class EstimationReport:
    """Everything `tabara estimate` prints; `to_json()` is the machine-readable form."""

    lists: tuple[str, ...]
    observed: int
    method: Method
    threshold: float
    level: float
    result: MethodResult
    bootstrap: BootstrapSummary | None
    sensitivity: tuple[MethodResult, ...]
    warnings: tuple[str, ...]
    cautions: tuple[Caution, ...] = ()

    @property
    def estimate(self) -> float:
        return self.result.estimate

    @property
    def dark_figure(self) -> float:
        return self.result.dark_figure

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; intervals are [lower, upper] for the total population."""
        ci: dict[str, list[float] | None] = {"wald": list(self.result.wald)}
        if self.result.profile is not None:
            ci["profile"] = list(self.result.profile)
        boot: dict[str, Any] | None = None
        if self.bootstrap is not None:
            ci["percentile"] = list(self.bootstrap.percentile)
            ci["bca"] = list(self.bootstrap.bca) if self.bootstrap.bca is not None else None
            boot = {
                "replicates": self.bootstrap.replicates,
                "seed": self.bootstrap.seed,
                "generator": self.bootstrap.generator,
                "acceleration": self.bootstrap.acceleration,
                "median": self.bootstrap.median,
                "histogram": [list(row) for row in self.bootstrap.histogram],
            }
        return _clean(
            {
                "observed": self.observed,
                "estimate": self.estimate,
                "dark_figure": self.dark_figure,
                "lists": list(self.lists),
                "method": self.method,
                "threshold": self.threshold,
                "level": self.level,
                "terms": list(self.result.terms),
                "terms_in_order": list(self.result.terms_in_order),
                "interactions": [[term, value] for term, value in self.result.interactions],
                "empty_overlaps": list(self.result.empty_overlaps),
                "ci": ci,
                "bootstrap": boot,
                "model": {
                    "aic": self.result.aic,
                    "bic": self.result.bic,
                    "deviance": self.result.deviance,
                    "df": self.result.df,
                },
                "sensitivity": [row.to_json() for row in self.sensitivity],
                "warnings": list(self.warnings),
            }
        )


def _clean(value: dict[str, Any]) -> dict[str, Any]:
    """Replace infinities and NaN (not valid JSON) by None throughout."""
    cleaned: dict[str, Any] = _clean_value(value)
    return cleaned


def _clean_value(value: Any) -> Any:
    """Replace infinities and NaN (not valid JSON) by None, recursively."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _clean_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean_value(item) for item in value]
    return value


def run_estimation(
    table: CaptureTable,
    *,
    method: Method = "stepwise",
    threshold: float = DEFAULT_THRESHOLD,
    bootstrap: int = 0,
    seed: int = 1234,
    level: float = 0.95,
    generator: Generator = "r",
    workers: int | None = None,
    progress: Progress | None = None,
    sensitivity: bool = True,
) -> EstimationReport:
    """Estimate the total population from `table` with `method`; see the module docstring.

    `bootstrap` is the number of resamples (0 for none); with the default R-compatible
    `generator`, a `seed` reproduces SparseMSE's resamples. `progress(done, total)` reports
    bootstrap fits as they finish. Raises MSEModelError when the lists overlap too little
    for any estimate to exist, or when BIC is asked for with more than six lists.
    """
    t = table.n_lists
    if not 0 < level < 1:
        raise MSEModelError(f"the interval level must be between 0 and 1, not {level}")
    if bootstrap < 0:
        raise MSEModelError("the number of bootstrap replicates cannot be negative")
    if method == "bic" and t > MAX_BIC_LISTS:
        raise MSEModelError(f"BIC search handles at most {MAX_BIC_LISTS} lists; this table has {t}")
    if not check_model(t, 0, table.cell_counts).exists:
        raise MSEModelError(
            "the lists overlap too little for any estimate: even the independence model "
            "has no finite fit (for example, nobody appears on two lists)"
        )
    selector = Selector(method, threshold)
    result = method_result(table, selector, level)
    rows: list[MethodResult] = []
    if sensitivity:
        for other in METHODS:
            if other == method:
                rows.append(result)
            elif other != "bic" or t <= SENSITIVITY_BIC_LISTS:
                rows.append(method_result(table, Selector(other, threshold), level))
    summary = None
    if bootstrap > 0:
        if method == "bic":
            ranking = bic_ranking(t, table.cell_counts)
            top = tuple(r.model for r in ranking[: default_top_models(t)])
            selector = Selector("bic", threshold, models=top)
        boot = run_bootstrap(
            table,
            selector,
            replicates=bootstrap,
            seed=seed,
            generator=generator,
            level=level,
            workers=workers,
            progress=progress,
        )
        summary = BootstrapSummary(
            replicates=bootstrap,
            seed=seed,
            generator=generator,
            percentile=boot.percentile,
            bca=boot.bca,
            acceleration=boot.acceleration,
            median=float(np.median(boot.replicates)),
            histogram=histogram(boot.replicates),
        )
    notes = cautions(table, result, rows, summary)
    return EstimationReport(
        lists=table.lists,
        observed=table.observed,
        method=method,
        threshold=threshold,
        level=level,
        result=result,
        bootstrap=summary,
        sensitivity=tuple(rows),
        cautions=tuple(notes),
        warnings=tuple(str(note) for note in notes),
    )
