"""Link runs end to end on a few dozen records: inputs, pairs with evidence, clusters,
the threshold re-chosen from stored pairs, decisions kept across runs."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tabara.audit.models import AuditEvent
from tabara.linkage.engine import link
from tabara.linkage.models import LinkRun, PairDecision
from tabara.linkage.selectors import decisions_for, run_clusters_at, run_quality
from tabara.linkage.services import (
    RunInput,
    link_run_create,
    link_run_execute,
    link_run_threshold_set,
    pair_decide,
)

pytestmark = pytest.mark.django_db


def _run(w: SimpleNamespace, *, cases: bool = True, threshold: float = 0.5) -> LinkRun:
    run = link_run_create(
        user=w.analyst,
        data=RunInput(title="Shelter and cases", include_cases=cases, list_ids=(w.list.pk,),
                      threshold=threshold),
    )  # fmt: skip
    return link_run_execute(run_id=run.pk)


def test_a_run_links_case_victims_with_the_list(linkage_world: SimpleNamespace) -> None:
    w = linkage_world
    run = _run(w)
    assert run.status == LinkRun.Status.DONE, run.error
    assert run.record_count == 2 + w.list.row_count
    keys = dict(run.records.values_list("key", "cluster"))
    by_key = {r.key: r for r in run.records.all()}
    by_id = {r.record_id: r for r in w.list.records.all()}
    v1, v2 = by_id["v1"], by_id["v2"]
    # The same NIN, phone and names in another order and spelling: one person.
    assert keys[f"case:{w.own_victim.pk}"] == keys[f"list:{v1.pk}"]
    assert keys[f"case:{w.other_victim.pk}"] == keys[f"list:{v2.pk}"]
    pair = run.pairs.get(
        left__key__in=[f"case:{w.own_victim.pk}", f"list:{v1.pk}"],
        right__key__in=[f"case:{w.own_victim.pk}", f"list:{v1.pk}"],
    )
    evidence = {e["comparison"]: e for e in pair.evidence}
    assert set(evidence) == {"name", "birth", "sex", "nin", "phone", "district"}
    assert evidence["nin"]["label"] == "Exact match on nin" and evidence["nin"]["weight"] > 0
    assert evidence["phone"]["level"] == 1 and evidence["phone"]["weight"] > 0
    # The pair's match weight is the prior's plus the partial weights (Splink's sum).
    prior = run.model["probability_two_random_records_match"]
    import math

    prior_weight = math.log2(prior / (1 - prior))
    assert pair.match_weight == pytest.approx(
        prior_weight + sum(e["weight"] for e in pair.evidence), abs=1e-3
    )
    assert by_key[f"case:{w.own_victim.pk}"].source == "tabara"


def test_clusters_from_stored_pairs_are_splinks_clusters(linkage_world: SimpleNamespace) -> None:
    """Re-clustering at other thresholds gives what Splink's own clustering gives."""
    from tabara.linkage.services import _inputs
    from tabara.linkage.table import model_columns

    w = linkage_world
    run = _run(w)
    prepared = [p for _, p in _inputs(run)]
    for threshold in (0.3, 0.9):
        expected = link(model_columns(prepared), len(prepared), threshold=threshold).cluster
        assert run_clusters_at(run, threshold) == expected
        link_run_threshold_set(user=w.analyst, run_id=run.pk, threshold=threshold)
        stored = list(run.records.order_by("position").values_list("cluster", flat=True))
        assert stored == expected
    run.refresh_from_db()
    assert run.threshold == 0.9
    assert (
        AuditEvent.objects.filter(action="linkage_threshold_set", target_id=str(run.pk)).count()
        == 2
    )


def test_decisions_are_kept_across_runs_and_drive_quality(linkage_world: SimpleNamespace) -> None:
    w = linkage_world
    first = _run(w)
    pairs = list(first.pairs.order_by("-match_probability"))
    sure, doubtful, low = pairs[0], pairs[len(pairs) // 2], pairs[-1]
    pair_decide(user=w.analyst, run_id=first.pk, pair_id=sure.pk, verdict="match")
    pair_decide(user=w.analyst, run_id=first.pk, pair_id=low.pk, verdict="non_match")
    pair_decide(user=w.analyst, run_id=first.pk, pair_id=doubtful.pk, verdict="unsure")
    pair_decide(user=w.analyst, run_id=first.pk, pair_id=low.pk, verdict="match")  # changed
    assert PairDecision.objects.count() == 3
    second = _run(w, threshold=0.9)
    kept = decisions_for(second)
    keys = {
        (p.left.key, p.right.key): v
        for p, v in ((second.pairs.get(pk=k), v) for k, v in kept.items())
    }
    assert sorted(keys.values()) == ["match", "match", "unsure"]
    state = run_quality(second)
    assert (state.reviewed, state.matches, state.unsure) == (3, 2, 1)
    at = {q.threshold: q for q in state.quality}
    # Both reviewed pairs are true links: every threshold has precision 1 where it links any,
    # and recall is the share of the two at or above it.
    assert at[0.1].recall == (1.0 if low.match_probability >= 0.1 else 0.5)
    assert AuditEvent.objects.filter(action="linkage_pair_reviewed").count() == 4


def test_another_organizations_run_and_pairs_are_refused(
    linkage_world: SimpleNamespace, make_staff
) -> None:
    from tabara.accounts.roles import Role
    from tabara.linkage.selectors import access_run_by_id
    from tabara.linkage.services import RunNotFound

    w = linkage_world
    run = _run(w, cases=False)
    stranger = make_staff(roles=[Role.ANALYST], organization=w.agencies["NAR"])
    with pytest.raises(RunNotFound):
        access_run_by_id(stranger, run.pk)
    with pytest.raises(RunNotFound):
        pair_decide(user=stranger, run_id=run.pk, pair_id=run.pairs.all()[0].pk, verdict="match")
    with pytest.raises(RunNotFound):
        link_run_threshold_set(user=stranger, run_id=run.pk, threshold=0.7)


@pytest.mark.django_db(transaction=True)
def test_a_run_is_queued_after_commit_and_run_by_the_worker(
    linkage_world: SimpleNamespace,
) -> None:
    from django.core.management import call_command

    w = linkage_world
    run = link_run_create(
        user=w.analyst,
        data=RunInput(title="Queued", include_cases=False, list_ids=(w.list.pk,), threshold=0.5),
    )
    assert LinkRun.objects.get(pk=run.pk).status == LinkRun.Status.QUEUED
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    run.refresh_from_db()
    assert run.status == LinkRun.Status.DONE and run.record_count == w.list.row_count
    started = AuditEvent.objects.get(action="linkage_run_started", target_id=str(run.pk))
    assert started.actor_id == w.analyst.pk


def test_capture_histories_of_a_run(linkage_world: SimpleNamespace) -> None:
    """Each victim is on Tabara's list and on the shelter's: at least two people on both."""
    from tabara.linkage.selectors import run_histories

    w = linkage_world
    run = _run(w)
    lists, patterns = run_histories(run, 0.5)
    assert lists == ["Shelter", "tabara"]
    counts = dict(patterns)
    assert counts[(1, 1)] >= 2
    assert sum(counts.values()) == run.cluster_count


def test_rows_name_themselves_without_personal_data(linkage_world: SimpleNamespace) -> None:
    w = linkage_world
    run = _run(w, cases=False)
    pair = run.pairs.select_related("left").all()[0]
    decision = pair_decide(user=w.analyst, run_id=run.pk, pair_id=pair.pk, verdict="unsure")
    record = w.list.records.all()[0]
    texts = [str(w.list), str(record), str(run), str(pair.left), str(pair), str(decision)]
    assert texts[0] == "Shelter (shelter.csv)" and texts[1] == f"line 2 of list {w.list.pk}"
    assert texts[2] == "Shelter and cases" and texts[3].startswith("list:")
    assert texts[5].endswith(": unsure")
    assert not any(record.full_name in text for text in texts)
