"""Reads of imported lists and link runs: an organization's analysts see its own, nobody else.

Also what other apps (prevalence) read of a finished run: its records' sources and their
clusters at any threshold, from the stored pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, FloatField, QuerySet, Value
from django.db.models.functions import Abs

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.linkage.histories import capture_histories
from tabara.linkage.lists import ListNotFound
from tabara.linkage.models import ImportedList, LinkPair, LinkRun, PairDecision
from tabara.linkage.quality import THRESHOLDS, Quality, quality_at
from tabara.linkage.sampling import Estimate, reviewed_prefix, sample_estimate, sample_order
from tabara.linkage.scoring import clusters_at
from tabara.linkage.services import RunNotFound


def list_list_accessible(user: User) -> QuerySet[ImportedList]:
    """The organization's imported lists if the user may link; none otherwise."""
    if not user.can(Perm.LINKAGE_RUN) or user.organization_id is None:
        return ImportedList.objects.none()
    return ImportedList.objects.filter(organization_id=user.organization_id).select_related(
        "created_by"
    )


def access_list_by_id(user: User, list_id: int) -> ImportedList:
    found = list_list_accessible(user).filter(pk=list_id).first()
    if found is None:
        raise ListNotFound
    return found


def run_list_accessible(user: User) -> QuerySet[LinkRun]:
    """The organization's link runs if the user may link; none otherwise."""
    if not user.can(Perm.LINKAGE_RUN) or user.organization_id is None:
        return LinkRun.objects.none()
    return LinkRun.objects.filter(organization_id=user.organization_id).select_related("created_by")


def access_run_by_id(user: User, run_id: int) -> LinkRun:
    run = run_list_accessible(user).filter(pk=run_id).first()
    if run is None:
        raise RunNotFound
    return run


def run_edges(run: LinkRun) -> list[tuple[int, int, float]]:
    """(left position, right position, match probability) of every stored pair."""
    return list(run.pairs.values_list("left__position", "right__position", "match_probability"))


def run_clusters_at(run: LinkRun, threshold: float) -> list[int]:
    """cluster[position] at `threshold`: the first position of each record's cluster."""
    return clusters_at(run.record_count, run_edges(run), threshold)


def run_sources(run: LinkRun) -> list[str]:
    """The source (list agency, or "tabara") of each record, by position."""
    return list(run.records.order_by("position").values_list("source", flat=True))


def run_histories(
    run: LinkRun, threshold: float
) -> tuple[list[str], list[tuple[tuple[int, ...], int]]]:
    """The capture histories of the run's clusters at `threshold` (histories.py layout)."""
    return capture_histories(run_sources(run), run_clusters_at(run, threshold))


def _kept_by_pair(run: LinkRun, column: str) -> dict[int, str]:
    """`column` of the kept decision on each of the run's reviewed pairs, by pair id.

    Decisions are kept per organization by record pair (key_a < key_b), so that a pair
    reviewed in one run counts in every later run that finds it again."""
    kept = {
        (a, b): value
        for a, b, value in PairDecision.objects.filter(organization_id=run.organization_id)
        .filter(key_a__in=run.records.values("key"))
        .values_list("key_a", "key_b", column)
    }
    found: dict[int, str] = {}
    for pk, left, right in run.pairs.values_list("pk", "left__key", "right__key"):
        value = kept.get((min(left, right), max(left, right)))
        if value is not None:
            found[pk] = value
    return found


def decisions_for(run: LinkRun) -> dict[int, str]:
    """The kept verdict on each of the run's pairs that a person reviewed, by pair id."""
    return _kept_by_pair(run, "verdict")


@dataclass(frozen=True, slots=True)
class ReviewState:
    quality: list[Quality]
    reviewed: int
    matches: int
    non_matches: int
    unsure: int


def run_quality(run: LinkRun, decisions: dict[int, str] | None = None) -> ReviewState:
    """Precision and recall at several thresholds (and the run's), from reviewed pairs."""
    decisions = decisions_for(run) if decisions is None else decisions
    probabilities = dict(run.pairs.filter(pk__in=decisions).values_list("pk", "match_probability"))
    labelled = [
        (probabilities[pk], verdict == PairDecision.Verdict.MATCH)
        for pk, verdict in decisions.items()
        if verdict != PairDecision.Verdict.UNSURE
    ]
    thresholds = sorted({*THRESHOLDS, run.threshold})
    verdicts = list(decisions.values())
    return ReviewState(
        quality=quality_at(labelled, thresholds),
        reviewed=len(verdicts),
        matches=verdicts.count(PairDecision.Verdict.MATCH),
        non_matches=verdicts.count(PairDecision.Verdict.NON_MATCH),
        unsure=verdicts.count(PairDecision.Verdict.UNSURE),
    )


def review_queue(run: LinkRun, decisions: dict[int, str], *, limit: int) -> list[LinkPair]:
    """Pairs nobody reviewed yet, nearest the run's threshold first."""
    distance = Abs(F("match_probability") - Value(run.threshold, output_field=FloatField()))
    return list(
        run.pairs.exclude(pk__in=list(decisions))
        .select_related("left", "right")
        .annotate(distance=distance)
        .order_by("distance", "pk")[:limit]
    )


def reviewed_pairs(run: LinkRun, decisions: dict[int, str], *, limit: int) -> list[LinkPair]:
    """The run's pairs a person reviewed, most probable first."""
    return list(
        run.pairs.filter(pk__in=list(decisions))
        .select_related("left", "right")
        .order_by("-match_probability", "pk")[:limit]
    )


def run_clusters(run: LinkRun, *, limit: int, offset: int = 0) -> list[list[int]]:
    """Clusters of two or more records at the run's threshold, as lists of record ids."""
    members: dict[int, list[int]] = {}
    for pk, cluster in run.records.order_by("position").values_list("pk", "cluster"):
        members.setdefault(cluster, []).append(pk)
    groups = [group for group in members.values() if len(group) > 1]
    return groups[offset : offset + limit]


def decision_modes(run: LinkRun) -> dict[int, str]:
    """How each reviewed pair of the run was chosen for review (uncertain / random), by pair."""
    return _kept_by_pair(run, "mode")


@dataclass(frozen=True, slots=True)
class RandomReview:
    queue: list[LinkPair]
    estimate: Estimate
    total: int  # pairs the run stored (the population sampled)


def random_review(run: LinkRun, decisions: dict[int, str], *, limit: int) -> RandomReview:
    """The next pairs of the run's random sample nobody reviewed, and the estimate at the
    run's threshold from the sample's reviewed prefix (sampling.py)."""
    probabilities = dict(run.pairs.values_list("pk", "match_probability"))
    order = sample_order(run.pk, probabilities)
    prefix = reviewed_prefix(order, decisions)
    labelled = [
        (probabilities[pk], decisions[pk] == PairDecision.Verdict.MATCH)
        for pk in prefix
        if decisions[pk] != PairDecision.Verdict.UNSURE
    ]
    wanted = [pk for pk in order if pk not in decisions][:limit]
    pairs = run.pairs.select_related("left", "right").in_bulk(wanted)
    return RandomReview(
        queue=[pairs[pk] for pk in wanted],
        estimate=sample_estimate(labelled, run.threshold),
        total=len(order),
    )
