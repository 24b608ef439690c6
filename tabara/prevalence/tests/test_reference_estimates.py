"""Point estimates, selected models and conditional intervals against R (reference-r.json).

METHODS.md: independence and stepwise are SparseMSE::estimatepopulation.0 (method "main"
and "stepwise", pthresh 0.02), Wald intervals are on the log dark figure, profile
intervals are Rcapture::closedpCI.t, and the AIC stepwise is the UK 2014 rule fitted
with Rcapture.
"""

from __future__ import annotations

from typing import Any

import pytest

from tabara.prevalence.mse import aic_stepwise_fit, independence_fit, profile_interval, stepwise_fit
from tabara.prevalence.mse.design import layout
from tabara.prevalence.mse.table import CaptureTable
from tabara.prevalence.tests.conftest import DATASETS, load, same_to


def names(table: CaptureTable, pairs: list[int] | int) -> list[str]:
    """'A:B' names of pair indices (a list, in order) or of a model bitmask."""
    lay = layout(table.n_lists)
    indices = lay.model_pairs(pairs) if isinstance(pairs, int) else pairs
    return [table.pair_name(*lay.pairs[k]) for k in indices]


@pytest.mark.parametrize("name", DATASETS)
def test_independence_matches_sparsemse(name: str, reference: dict[str, Any]) -> None:
    table = load(name)
    expected = reference[name]["independence"]
    fit = independence_fit(table.n_lists, table.cell_counts)
    assert table.observed == reference[name]["n_observed"]
    assert same_to(6, fit.estimate, expected["point"])
    assert same_to(6, fit.deviance, expected["deviance"])
    assert same_to(6, fit.aic, expected["AIC"])
    assert fit.df == expected["df"]
    for ours, theirs in zip(fit.wald_interval(), expected["ci95_wald_lognormal"], strict=True):
        assert same_to(6, ours, theirs)


@pytest.mark.parametrize("name", DATASETS)
def test_stepwise_matches_sparsemse(name: str, reference: dict[str, Any]) -> None:
    table = load(name)
    expected = reference[name]["sparsemse_stepwise"]
    order: list[int] = []
    fit = stepwise_fit(table.n_lists, table.cell_counts, expected["pthresh"], order=order)
    assert same_to(6, fit.estimate, expected["point"])
    assert names(table, order) == expected["selected_interactions"]
    assert names(table, fit.empty_pairs) == expected["empty_overlap_interactions_in_model"]
    assert same_to(6, fit.aic, expected["AIC_adjusted"])
    assert same_to(6, fit.deviance, expected["deviance"])
    assert fit.df == expected["df"]
    for ours, theirs in zip(
        fit.wald_interval(), expected["ci95_wald_lognormal_conditional_on_model"], strict=True
    ):
        assert same_to(6, ours, theirs)


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("section", ["independence", "sparsemse_stepwise"])
def test_profile_interval_matches_rcapture(
    name: str, section: str, reference: dict[str, Any]
) -> None:
    table = load(name)
    expected = reference[name][section]["profile"]
    select = independence_fit if section == "independence" else stepwise_fit
    fit = select(table.n_lists, table.cell_counts)
    profile = profile_interval(fit)
    assert same_to(6, fit.estimate, expected["abundance_poisson_mle"])
    assert same_to(6, profile.estimate, expected["abundance_profile"])
    assert profile.upper is not None
    assert same_to(6, profile.lower, expected["ci95"][0])
    assert same_to(6, profile.upper, expected["ci95"][1])


@pytest.mark.parametrize("name", DATASETS)
def test_aic_stepwise_matches_uk_2014_rule(name: str, reference: dict[str, Any]) -> None:
    table = load(name)
    expected = reference[name]["rcapture_aic_stepwise_2014"]
    order: list[int] = []
    fit = aic_stepwise_fit(table.n_lists, table.cell_counts, order=order)
    assert names(table, order) == expected["selected_interactions"]
    assert same_to(6, fit.estimate, expected["abundance"])
    assert same_to(6, fit.aic, expected["AIC"])
    assert same_to(4, fit.estimate_se, expected["stderr"])
    profile = profile_interval(fit)
    assert profile.upper is not None
    for ours, theirs in zip((profile.lower, profile.upper), expected["profile_ci95"], strict=True):
        assert same_to(6, ours, theirs)
