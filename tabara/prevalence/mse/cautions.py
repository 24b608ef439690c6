"""When an MSE figure must not be trusted, said in words programme staff can act on."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from tabara.prevalence.mse.design import layout
from tabara.prevalence.mse.table import CaptureTable

if TYPE_CHECKING:
    from tabara.prevalence.mse.report import BootstrapSummary
    from tabara.prevalence.mse.results import MethodResult


@dataclass(frozen=True)
class Caution:
    """One reason for care: a stable `code` and `params` for translation, and English text."""

    code: str
    params: dict[str, str]
    text: str

    def __str__(self) -> str:
        return self.text


SPARSE_OVERLAP = 20  # people on two or more lists below which estimates are fragile
METHOD_SPREAD = 1.5  # largest / smallest estimate across methods that calls for a caution


def cautions(
    table: CaptureTable,
    result: MethodResult,
    rows: list[MethodResult],
    summary: BootstrapSummary | None,
) -> list[Caution]:
    """Plain-language reasons not to trust the figure, empty when none apply.

    Sparse overlap, pairs of lists with nobody in common, estimates that move with the
    method, an unbounded profile interval and a degenerate bootstrap each add one note.
    """
    notes: list[Caution] = []

    def note(code: str, text: str, **params: str) -> None:
        notes.append(Caution(code, params, text))

    lay = layout(table.n_lists)
    if table.n_lists == 2:
        note(
            "two_lists",
            "With only two lists their dependence cannot be estimated: the figure assumes "
            "that being on one list says nothing about being on the other.",
        )
    multiple = int(table.cell_counts[lay.cell_bits.sum(axis=1) >= 2].sum())
    if multiple < SPARSE_OVERLAP:
        note(
            "sparse_overlap",
            f"Only {multiple} people appear on two or more lists; an estimate resting on so "
            "little overlap can change a lot with a handful of records.",
            multiple=str(multiple),
        )
    overlaps = lay.pair_incidence @ table.cell_counts
    empty = [table.pair_name(*lay.pairs[int(k)]) for k in np.flatnonzero(overlaps == 0)]
    if empty:
        note(
            "empty_pairs",
            f"{len(empty)} of {lay.n_pairs} pairs of lists have nobody in common "
            f"({', '.join(empty)}); such sparse tables give unstable estimates.",
            count=str(len(empty)),
            pairs=str(lay.n_pairs),
            names=", ".join(empty),
        )
    estimates = [row.estimate for row in rows]
    if estimates and max(estimates) > METHOD_SPREAD * min(estimates):
        note(
            "method_spread",
            f"The estimate ranges from {min(estimates):,.0f} to {max(estimates):,.0f} "
            "depending on the method; no single figure should be quoted alone.",
            low=f"{min(estimates):,.0f}",
            high=f"{max(estimates):,.0f}",
        )
    if result.profile is None:
        note(
            "profile_unbounded",
            "The profile-likelihood interval has no upper limit below three times the "
            "estimate: the data hardly bound the population from above.",
        )
    if summary is not None and summary.bca is None:
        note(
            "bca_undefined",
            "The BCa interval is undefined: every bootstrap estimate fell on one side.",
        )
    if summary is not None and not math.isfinite(summary.percentile[1]):
        note("bootstrap_infinite", "Some bootstrap resamples gave no finite estimate.")
    return notes
