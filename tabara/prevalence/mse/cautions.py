"""When an MSE figure must not be trusted, said in words programme staff can act on."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from tabara.prevalence.mse.design import layout
from tabara.prevalence.mse.table import CaptureTable

if TYPE_CHECKING:
    from tabara.prevalence.mse.report import BootstrapSummary
    from tabara.prevalence.mse.results import MethodResult

SPARSE_OVERLAP = 20  # people on two or more lists below which estimates are fragile
METHOD_SPREAD = 1.5  # largest / smallest estimate across methods that calls for a caution


def cautions(
    table: CaptureTable,
    result: MethodResult,
    rows: list[MethodResult],
    summary: BootstrapSummary | None,
) -> list[str]:
    """Plain-language reasons not to trust the figure, empty when none apply.

    Sparse overlap, pairs of lists with nobody in common, estimates that move with the
    method, an unbounded profile interval and a degenerate bootstrap each add one note.
    """
    notes = []
    lay = layout(table.n_lists)
    if table.n_lists == 2:
        notes.append(
            "With only two lists their dependence cannot be estimated: the figure assumes "
            "that being on one list says nothing about being on the other."
        )
    multiple = int(table.cell_counts[lay.cell_bits.sum(axis=1) >= 2].sum())
    if multiple < SPARSE_OVERLAP:
        notes.append(
            f"Only {multiple} people appear on two or more lists; an estimate resting on so "
            "little overlap can change a lot with a handful of records."
        )
    overlaps = lay.pair_incidence @ table.cell_counts
    empty = [table.pair_name(*lay.pairs[int(k)]) for k in np.flatnonzero(overlaps == 0)]
    if empty:
        notes.append(
            f"{len(empty)} of {lay.n_pairs} pairs of lists have nobody in common "
            f"({', '.join(empty)}); such sparse tables give unstable estimates."
        )
    estimates = [row.estimate for row in rows]
    if estimates and max(estimates) > METHOD_SPREAD * min(estimates):
        notes.append(
            f"The estimate ranges from {min(estimates):,.0f} to {max(estimates):,.0f} "
            "depending on the method; no single figure should be quoted alone."
        )
    if result.profile is None:
        notes.append(
            "The profile-likelihood interval has no upper limit below three times the "
            "estimate: the data hardly bound the population from above."
        )
    if summary is not None and summary.bca is None:
        notes.append("The BCa interval is undefined: every bootstrap estimate fell on one side.")
    if summary is not None and not math.isfinite(summary.percentile[1]):
        notes.append("Some bootstrap resamples gave no finite estimate.")
    return notes
