"""Properties every estimate must have, on tables Hypothesis invents.

Examples are derandomised so that a run is reproducible (a failure is never a fluke).
"""

from __future__ import annotations

import random

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tabara.prevalence.mse import CaptureTable, capture_table, check_model, independence_fit
from tabara.prevalence.mse.methods import Selector

SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def tables(draw: st.DrawFn, max_lists: int = 5) -> CaptureTable:
    t = draw(st.integers(min_value=2, max_value=max_lists))
    cells = draw(
        st.lists(
            st.integers(min_value=0, max_value=60), min_size=(1 << t) - 1, max_size=(1 << t) - 1
        )
    )
    patterns = [[(cell >> i) & 1 for i in range(t)] for cell in range(1, 1 << t)]
    lists = [f"L{i}" for i in range(t)]
    per_list = np.array(patterns).T @ np.array(cells)
    assume(bool((per_list > 0).all()))
    table = capture_table(lists, patterns, cells)
    assume(check_model(t, 0, table.cell_counts).exists)
    return table


@SETTINGS
@given(tables(), st.sampled_from(["independence", "stepwise", "aic-stepwise"]))
def test_estimate_is_never_below_the_observed_count(table: CaptureTable, method: str) -> None:
    fit = Selector(method).select(table.n_lists, table.cell_counts)  # type: ignore[arg-type]
    assert fit.estimate >= table.observed


@SETTINGS
@given(tables(), st.randoms(use_true_random=False))
def test_permuting_lists_does_not_change_the_estimate(
    table: CaptureTable, rng: random.Random
) -> None:
    order = list(range(table.n_lists))
    rng.shuffle(order)
    permuted = capture_table(
        [table.lists[i] for i in order], table.patterns[:, order], table.counts
    )
    for method in ("independence", "stepwise"):
        selector = Selector(method)
        original = selector.select(table.n_lists, table.cell_counts).estimate
        shuffled = selector.select(permuted.n_lists, permuted.cell_counts).estimate
        assert np.isclose(original, shuffled, rtol=1e-6)


@SETTINGS
@given(tables(), st.integers(min_value=2, max_value=25))
def test_scaling_counts_scales_the_independence_estimate(table: CaptureTable, k: int) -> None:
    scaled = capture_table(table.lists, table.patterns, table.counts * k)
    base = independence_fit(table.n_lists, table.cell_counts).estimate
    assert np.isclose(
        independence_fit(scaled.n_lists, scaled.cell_counts).estimate, k * base, rtol=1e-6
    )
