"""Estimations from a link run: the hidden number at several linkage thresholds, and one
published as an ordinary estimation.

A finished link run (tabara/linkage) keeps its records' sources and the scored pairs down
to a floor, so its clusters can be redrawn at any threshold without running Splink again.
Each threshold's clusters give a capture-history table; the same multiple systems
estimation as an uploaded table is run on each, so the analyst sees side by side how much
the answer depends on linkage (missed links inflate it, false links deflate it;
docs/linkage.md). Publishing one threshold creates an Estimation from its table, which
then runs and reads like any other (services.estimation_create).
"""

from __future__ import annotations

from dataclasses import dataclass

from tabara.accounts.models import User
from tabara.linkage.models import LinkRun
from tabara.linkage.prevalence import THRESHOLDS, ThresholdEstimate, threshold_estimate
from tabara.linkage.scoring import clusters_at
from tabara.linkage.selectors import run_edges, run_sources
from tabara.prevalence.models import Estimation
from tabara.prevalence.mse import MSEError
from tabara.prevalence.services import estimation_create

MIN_LISTS = 2
BOOTSTRAP = 1000  # as the upload form's default: the published run is in the background


@dataclass(frozen=True, slots=True)
class LinkedEstimate:
    """One threshold's estimate, or why there is none (`problem`)."""

    threshold: float
    estimate: ThresholdEstimate | None
    problem: str = ""


def run_lists(run: LinkRun) -> list[str]:
    """The sources (agencies' lists, "tabara" for cases) the run's records come from."""
    return sorted({source for source in run_sources(run) if source})


def linked_estimates(
    run: LinkRun, lists: list[str] | None = None, thresholds: tuple[float, ...] = THRESHOLDS
) -> list[LinkedEstimate]:
    """The estimate at each threshold, from the clusters of the run's stored pairs.

    Records of a source outside `lists` still link the others (they are the same person)
    but are on no list of the estimate.
    """
    chosen = set(lists) if lists is not None else None
    sources = [s if chosen is None or s in chosen else "" for s in run_sources(run)]
    if len({s for s in sources if s}) < MIN_LISTS:
        return []
    edges = run_edges(run)
    estimates = []
    for threshold in sorted({*thresholds, run.threshold}):
        cluster = clusters_at(len(sources), edges, threshold)
        try:
            estimates.append(
                LinkedEstimate(threshold, threshold_estimate(threshold, sources, cluster))
            )
        except MSEError as error:
            estimates.append(LinkedEstimate(threshold, None, str(error)))
    return estimates


def linked_publish(
    *, user: User, run: LinkRun, threshold: float, lists: list[str], title: str
) -> Estimation:
    """An Estimation from the run's capture histories at `threshold`, queued to run.

    Raises MSEError when that table cannot be estimated (the page said so already).
    """
    found = next(
        (e for e in linked_estimates(run, lists, (threshold,)) if e.threshold == threshold), None
    )
    if found is None or found.estimate is None:
        raise MSEError(found.problem if found else "fewer than two lists were chosen")
    return estimation_create(
        user=user,
        title=title,
        file_name=f"link-run-{run.pk}-p{threshold:g}.csv",
        rows=found.estimate.table_rows(),
        method="stepwise",
        threshold=0.02,
        bootstrap=BOOTSTRAP,
        seed=1234,
        extra={"link_run": run.pk, "linkage_threshold": threshold},
    )
