"""The estimate under one method, described for a report: terms by name, intervals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tabara.prevalence.mse.design import layout
from tabara.prevalence.mse.fit import ModelFit
from tabara.prevalence.mse.methods import Method, Selector
from tabara.prevalence.mse.profile import profile_interval
from tabara.prevalence.mse.table import CaptureTable

Interval = tuple[float, float]


@dataclass(frozen=True)
class MethodResult:
    """The estimate under one method and intervals conditional on the model it chose."""

    method: Method
    estimate: float
    dark_figure: float
    terms: tuple[str, ...]
    terms_in_order: tuple[str, ...]
    interactions: tuple[tuple[str, float], ...]  # (term, log-linear coefficient), as `terms`
    empty_overlaps: tuple[str, ...]
    wald: Interval
    profile: Interval | None
    aic: float
    bic: float
    deviance: float
    df: int

    def to_json(self) -> dict[str, Any]:
        ci: dict[str, list[float]] = {"wald": list(self.wald)}
        if self.profile is not None:
            ci["profile"] = list(self.profile)
        return {
            "method": self.method,
            "estimate": self.estimate,
            "dark_figure": self.dark_figure,
            "terms": list(self.terms),
            "terms_in_order": list(self.terms_in_order),
            "interactions": [[term, value] for term, value in self.interactions],
            "empty_overlaps": list(self.empty_overlaps),
            "ci": ci,
            "aic": self.aic,
            "bic": self.bic,
            "deviance": self.deviance,
            "df": self.df,
        }


def method_result(table: CaptureTable, selector: Selector, level: float = 0.95) -> MethodResult:
    """Select and fit a model with `selector` and describe it with its intervals."""
    order: list[int] = []
    fit = selector.select(table.n_lists, table.cell_counts, order=order)
    profile = profile_interval(fit, level)
    in_model = _pair_names(table, fit, fit.model & ~fit.empty_pairs)
    ordered = [_name(table, fit.t, k) for k in order] if order else sorted(in_model)
    coefficients = fit.interaction_coefficients()
    return MethodResult(
        method=selector.method,
        estimate=fit.estimate,
        dark_figure=fit.dark_figure,
        terms=tuple(sorted(in_model)),
        terms_in_order=tuple(name for name in ordered if name in in_model),
        interactions=tuple(
            sorted((_name(table, fit.t, pair), value) for pair, value in coefficients.items())
        ),
        empty_overlaps=tuple(sorted(_pair_names(table, fit, fit.empty_pairs))),
        wald=fit.wald_interval(level),
        profile=(profile.lower, profile.upper) if profile.upper is not None else None,
        aic=fit.aic,
        bic=fit.bic,
        deviance=fit.deviance,
        df=fit.df,
    )


def _name(table: CaptureTable, t: int, pair: int) -> str:
    i, j = layout(t).pairs[pair]
    return table.pair_name(i, j)


def _pair_names(table: CaptureTable, fit: ModelFit, model: int) -> list[str]:
    return [_name(table, fit.t, k) for k in layout(fit.t).model_pairs(model)]
