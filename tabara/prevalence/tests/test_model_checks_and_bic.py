"""Existence/identifiability outcomes (Artificial_3) and the exhaustive BIC search.

BIC rankings are compared with Rcapture::closedpMS.t(maxorder = 2), the two-way search,
and for three lists (where maxorder 2 is also MultipleSystemsEstimation's default) with
estimate_population_bic, which checks existence of the extended MLE the same way.
"""

from __future__ import annotations

from typing import Any

import pytest

from tabara.prevalence.mse import MSEModelError, bic_ranking, capture_table, check_model
from tabara.prevalence.mse.design import layout
from tabara.prevalence.tests.conftest import load, same_to

A, B, C = 0, 1, 2


def model_of(t: int, pairs: list[tuple[int, int]]) -> int:
    return layout(t).model_from_pairs(pairs)


def parse_r_model(name: str) -> set[tuple[int, int]]:
    """'[12,13,5]' (Rcapture / MultipleSystemsEstimation) -> {(0, 1), (0, 2)}."""
    tokens = name.strip("[]").split(",")
    return {(int(tok[0]) - 1, int(tok[1]) - 1) for tok in tokens if len(tok) == 2}


@pytest.mark.parametrize(
    ("pairs", "exists", "identifiable"),
    [
        ([(A, B)], False, True),
        ([(A, B), (A, C)], False, True),
        ([(A, B), (B, C)], False, True),
        ([(A, B), (A, C), (B, C)], True, False),
        ([(A, C)], True, True),
        ([(B, C)], True, True),
        ([(A, C), (B, C)], True, True),
        ([], True, True),
    ],
)
def test_artificial_3_existence_and_identifiability(
    pairs: list[tuple[int, int]], exists: bool, identifiable: bool
) -> None:
    table = load("artificial_3lists")
    outcome = check_model(3, model_of(3, pairs), table.cell_counts)
    assert (outcome.exists, outcome.identifiable) == (exists, identifiable)
    assert outcome.error_code == (0 if exists else 1) + (0 if identifiable else 2)


@pytest.mark.parametrize(
    "name", ["uk_2013_5lists", "new_orleans_5lists", "western_us_5lists", "hiv_rome_4lists"]
)
def test_bic_top_five_match_rcapture(name: str, reference: dict[str, Any]) -> None:
    table = load(name)
    expected = reference[name]["rcapture_closedpMS"]
    ranking = bic_ranking(table.n_lists, table.cell_counts)
    assert len(ranking) <= expected["n_models"]
    lay = layout(table.n_lists)
    for ours, theirs in zip(ranking, expected["top5"], strict=False):
        assert {lay.pairs[k] for k in lay.model_pairs(ours.model)} == parse_r_model(theirs["model"])
        assert same_to(6, ours.estimate, theirs["abundance"])
        assert same_to(6, ours.bic, theirs["BIC"])
    best = expected["best_BIC"]
    assert same_to(6, ranking[0].estimate, best["abundance"])


def test_bic_three_lists_matches_multiple_systems_estimation(reference: dict[str, Any]) -> None:
    table = load("artificial_3lists")
    expected = reference["artificial_3lists"]["mse_bic"]
    ranking = bic_ranking(3, table.cell_counts)
    lay = layout(3)
    assert len(ranking) == len(expected["top5"])  # the four models without A:B
    for ours, theirs in zip(ranking, expected["top5"], strict=True):
        assert {lay.pairs[k] for k in lay.model_pairs(ours.model)} == parse_r_model(theirs["model"])
        assert same_to(6, ours.estimate, theirs["abundance"])
        assert same_to(6, ours.bic, theirs["BIC"])
    assert same_to(6, ranking[0].estimate, expected["popest"])


def test_bic_refuses_more_than_six_lists() -> None:
    lists = [f"L{i}" for i in range(7)]
    patterns = [[1 if j == i else 0 for j in range(7)] for i in range(7)]
    patterns.append([1] * 7)
    table = capture_table(lists, patterns, [5] * 7 + [2])
    with pytest.raises(MSEModelError, match="at most 6 lists"):
        bic_ranking(7, table.cell_counts)
