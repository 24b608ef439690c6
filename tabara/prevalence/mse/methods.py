"""The model-selection methods by name, as one picklable object the bootstrap can ship.

* independence  main effects only (Rcapture's Mt)
* stepwise      SparseMSE's p-value stepwise rule, threshold 0.02 by default
* aic-stepwise  the UK 2014 forward-AIC rule
* bic           lowest BIC over all two-way hierarchical models (up to 6 lists)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tabara.prevalence.mse.batch import stepwise_many
from tabara.prevalence.mse.design import FloatArray, IntArray
from tabara.prevalence.mse.errors import MSEModelError
from tabara.prevalence.mse.fit import ModelFit, fit_main_effects_many
from tabara.prevalence.mse.search import bic_fit, bic_fit_among
from tabara.prevalence.mse.stepwise import (
    DEFAULT_THRESHOLD,
    aic_stepwise_fit,
    independence_fit,
    stepwise_fit,
)

Method = Literal["independence", "stepwise", "aic-stepwise", "bic"]
METHODS: tuple[Method, ...] = ("independence", "stepwise", "aic-stepwise", "bic")


@dataclass(frozen=True)
class Selector:
    """A model-selection rule with its settings; `select` returns the chosen fit.

    For BIC, `models` restricts the search to a fixed candidate set (the bootstrap uses
    the best models on the original data, after Silverman, Chan & Vincent 2024).
    """

    method: Method = "stepwise"
    threshold: float = DEFAULT_THRESHOLD
    models: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise MSEModelError(
                f"unknown method {self.method!r}; choose one of {', '.join(METHODS)}"
            )
        if not 0.0 <= self.threshold < 1.0:
            raise MSEModelError(f"the p-value threshold must be in [0, 1), not {self.threshold}")

    def select(
        self, t: int, cell_counts: IntArray | FloatArray, order: list[int] | None = None
    ) -> ModelFit:
        """Run the rule on counts indexed by capture-pattern bitmask."""
        if self.method == "independence":
            return independence_fit(t, cell_counts)
        if self.method == "stepwise":
            return stepwise_fit(t, cell_counts, self.threshold, order=order)
        if self.method == "aic-stepwise":
            return aic_stepwise_fit(t, cell_counts, order=order)
        if self.models is not None:
            return bic_fit_among(t, cell_counts, self.models)
        return bic_fit(t, cell_counts)

    def estimates(self, t: int, tables: FloatArray) -> list[float]:
        """Estimated totals for many tables (rows, indexed by pattern bitmask).

        Independence fits are done in one vectorised pass, the p-value stepwise in
        vectorised steps (`batch.stepwise_many`); the other rules continue table by table.
        """
        if self.method == "bic":
            return [self.select(t, row).estimate for row in tables]
        if self.method == "stepwise":
            return [fit.estimate for fit in stepwise_many(t, tables, self.threshold)]
        mains = fit_main_effects_many(t, tables)
        if self.method == "independence":
            return [fit.estimate for fit in mains]
        return [
            aic_stepwise_fit(t, row, main=main).estimate
            for row, main in zip(tables, mains, strict=True)
        ]
