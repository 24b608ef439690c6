"""The bootstrap with model selection repeated in every resample, against SparseMSE.

R ran SparseMSE::estimatepopulation(z, nboot = 1000, pthresh = 0.02, iseed = 1234). With
the R-compatible stream and seed 1234 the resamples are R's own, so the BCa interval,
the jackknife acceleration and R's `quantile()` percentile interval agree with R's, not
just "within a few per cent". The issue asks for 5% at both ends; that is what is asserted,
with the acceleration and the median (which do not depend on ties) held to 6 digits.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from tabara.prevalence.mse import MSEModelError, Selector, bootstrap, stepwise_fit
from tabara.prevalence.mse.batch import stepwise_many
from tabara.prevalence.mse.bootstrap import resample_rows
from tabara.prevalence.mse.intervals import bca_quantiles, r_quantile
from tabara.prevalence.mse.rstream import RStream
from tabara.prevalence.tests.conftest import DATASETS, load, same_to


def within(fraction: float, actual: float, expected: float) -> bool:
    return abs(actual - expected) <= fraction * abs(expected)


@pytest.mark.parametrize("name", DATASETS)
def test_bca_1000_replicates_match_sparsemse(name: str, reference: dict[str, Any]) -> None:
    expected = reference[name]["sparsemse_stepwise"]["bootstrap"]
    table = load(name)
    result = bootstrap(
        table, Selector("stepwise"), replicates=expected["nboot"], seed=expected["seed"]
    )
    assert same_to(6, result.estimate, expected["popest"])
    assert result.bca is not None
    assert within(0.05, result.bca[0], expected["bca95"][0])
    assert within(0.05, result.bca[1], expected["bca95"][1])
    assert within(0.05, result.percentile[0], expected["percentile95"][0])
    assert within(0.05, result.percentile[1], expected["percentile95"][1])
    assert same_to(6, result.acceleration, expected["ahat"])
    assert same_to(6, float(np.median(result.replicates)), expected["boot_median"])
    alphas = [float(a) for a in expected["BCa"]]
    eighty = bca_quantiles(result.replicates, result.estimate, result.acceleration, alphas)
    assert eighty is not None
    for ours, theirs in zip(eighty, expected["BCa"].values(), strict=True):
        assert within(0.05, ours, theirs)


@pytest.mark.parametrize("name", ["uk_2013_5lists", "new_orleans_5lists"])
def test_batched_stepwise_makes_the_same_choices_as_one_by_one(name: str) -> None:
    table = load(name)
    tables = np.zeros((150, table.n_cells))
    np.add.at(tables.T, table.codes, resample_rows(table, 150, 99).T)
    one_by_one = [stepwise_fit(table.n_lists, row) for row in tables]
    batched = stepwise_many(table.n_lists, tables)
    assert [fit.model for fit in batched] == [fit.model for fit in one_by_one]
    assert np.allclose(
        [fit.estimate for fit in batched], [fit.estimate for fit in one_by_one], rtol=1e-9
    )


def test_result_does_not_depend_on_worker_count() -> None:
    table = load("western_us_5lists")
    one = bootstrap(table, Selector("stepwise"), replicates=250, seed=7, workers=1)
    two = bootstrap(table, Selector("stepwise"), replicates=250, seed=7, workers=2)
    assert np.array_equal(one.replicates, two.replicates)
    assert one.bca == two.bca


def test_numpy_generator_is_seedable_and_reports_progress() -> None:
    table = load("artificial_3lists")
    seen: list[tuple[int, int]] = []
    first = bootstrap(
        table,
        Selector("independence"),
        replicates=200,
        seed=3,
        generator="numpy",
        progress=lambda done, total: seen.append((done, total)),
    )
    again = bootstrap(table, Selector("independence"), replicates=200, seed=3, generator="numpy")
    assert np.array_equal(first.replicates, again.replicates)
    assert seen[-1] == (200 + 4, 200 + 4)
    resamples = resample_rows(table, 200, 3, "numpy")
    assert (resamples.sum(axis=1) == table.observed).all()


@pytest.mark.parametrize("method", ["independence", "aic-stepwise", "bic"])
def test_every_method_can_be_bootstrapped(method: str) -> None:
    table = load("hiv_rome_4lists")
    selector = Selector(method, models=(0, 1) if method == "bic" else None)  # type: ignore[arg-type]
    result = bootstrap(table, selector, replicates=60, seed=11, workers=1)
    assert result.bca is not None
    assert result.percentile[0] < result.estimate < result.percentile[1]


def test_r_stream_reproduces_set_seed_runif() -> None:
    # set.seed(1234); runif(3) and set.seed(42); runif(1) in R
    stream = RStream(1234)
    assert [round(stream.unif_rand(), 7) for _ in range(3)] == [0.1137034, 0.6222994, 0.6092747]
    assert round(RStream(42).unif_rand(), 6) == 0.914806


@pytest.mark.parametrize(("size", "p"), [(40, 0.3), (5000, 0.4), (2000, 0.9), (7, 1.0), (0, 0.5)])
def test_r_binomial_has_the_right_mean(size: int, p: float) -> None:
    stream = RStream(99)
    draws = np.array([stream.rbinom(size, p) for _ in range(4000)])
    assert draws.min() >= 0
    assert draws.max() <= size
    assert abs(draws.mean() - size * p) <= 4 * np.sqrt(size * p * (1 - p) / 4000) + 1e-9


def test_r_quantile_types_and_edges() -> None:
    values = [3.0, 1.0, 2.0, 10.0]
    assert r_quantile(values, [0.5], kind=7) == [2.5]
    assert r_quantile(values, [0.0, 1.0], kind=8) == [1.0, 10.0]
    assert r_quantile([1.0, float("inf")], [0.99], kind=8) == [float("inf")]


def test_bca_is_undefined_when_all_replicates_are_on_one_side() -> None:
    assert bca_quantiles(np.array([5.0, 6.0]), 1.0, 0.0, [0.025, 0.975]) is None


def test_selector_rejects_unknown_methods_and_thresholds() -> None:
    with pytest.raises(MSEModelError, match="unknown method"):
        Selector("magic")  # type: ignore[arg-type]
    with pytest.raises(MSEModelError, match="threshold"):
        Selector("stepwise", threshold=1.5)
