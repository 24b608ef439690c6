"""Link runs: create (audited, run queued after commit), execute, choose the threshold;
clerical decisions on pairs, kept across runs by the pair of records' keys."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.linkage_reads import victims_for_linkage
from tabara.core.domain_errors import NotFound
from tabara.linkage.lists import import_day, record_values
from tabara.linkage.models import (
    ImportedList,
    ImportedRecord,
    LinkPair,
    LinkRecord,
    LinkRun,
    PairDecision,
)
from tabara.linkage.records import Prepared, record_prepare
from tabara.linkage.scoring import clusters_at, pairs_score
from tabara.linkage.table import model_columns

log = logging.getLogger(__name__)
CASES_SOURCE = "tabara"
_SEXES = {"masculine": "M", "feminine": "F"}


class RunNotFound(NotFound):
    """The run (or its pair) does not exist or is another organization's: the same answer."""


@dataclass(frozen=True, slots=True)
class RunInput:
    title: str
    include_cases: bool
    list_ids: tuple[int, ...]
    threshold: float


@transaction.atomic
def link_run_create(*, user: User, data: RunInput) -> LinkRun:
    """Record a run of the organization's imported lists and/or case persons; queue it."""
    from tabara.linkage.tasks import link_run_task

    assert user.organization_id is not None  # noqa: S101 - LINKAGE_RUN needs an organization
    lists = list(
        ImportedList.objects.filter(
            pk__in=data.list_ids,
            organization_id=user.organization_id or 0,
            status=ImportedList.Status.IMPORTED,
        )
    )
    if len(lists) != len(set(data.list_ids)):
        raise RunNotFound
    run = LinkRun.objects.create(
        organization_id=user.organization_id or 0,
        created_by=user,
        title=data.title,
        include_cases=data.include_cases,
        threshold=data.threshold,
    )
    run.lists.set(lists)
    audit_record(
        actor=user,
        action=AuditAction.LINKAGE_RUN_STARTED,
        target_type="link_run",
        target_id=run.pk,
        extra={"lists": sorted(data.list_ids), "cases": data.include_cases},
    )
    transaction.on_commit(lambda: link_run_task.enqueue(run_id=run.pk))
    return run


def _inputs(run: LinkRun) -> list[tuple[LinkRecord, Prepared]]:
    """Every record of the run's inputs, prepared for the model, in a fixed order."""
    found: list[tuple[LinkRecord, Prepared]] = []
    if run.include_cases:
        for person in victims_for_linkage():
            district = person.case.district
            values = {
                "record_id": f"case:{person.pk}",
                "source": CASES_SOURCE,
                "full_name": person.full_name,
                "sex": _SEXES.get(person.gender, ""),
                "age": "" if person.age is None else str(person.age),
                "nin": person.identity_number,
                "phone": person.phone,
                "district": district.code if district and len(district.code) == 2 else "",
            }
            today = timezone.localdate(person.added_at)
            record = LinkRecord(source=CASES_SOURCE, case_person=person, key=values["record_id"])
            found.append((record, record_prepare(values, line=0, today=today)))
    for imported in run.lists.order_by("pk"):
        today = import_day(imported)
        rows: Any = ImportedRecord.objects.filter(imported_list=imported).order_by("line")
        for row in rows:
            values = {
                **record_values(row),
                "record_id": f"list:{row.pk}",
                "source": imported.agency,
            }
            record = LinkRecord(source=imported.agency, imported=row, key=values["record_id"])
            found.append((record, record_prepare(values, line=row.line, today=today)))
    return found


def link_run_execute(*, run_id: int) -> LinkRun:
    """Train, score and cluster the run's records; a failure is recorded, not raised."""
    LinkRun.objects.filter(pk=run_id).update(
        status=LinkRun.Status.RUNNING, started_at=timezone.now(), error=""
    )
    run = LinkRun.objects.get(pk=run_id)
    try:
        inputs = _inputs(run)
        scored = pairs_score(model_columns([p for _, p in inputs]), floor=run.floor)
    except Exception as error:  # Splink and DuckDB raise many kinds; the run must end
        log.exception("link run %s failed", run_id)
        return _finish(run, status=LinkRun.Status.FAILED, error=type(error).__name__)
    edges = [(pair.left, pair.right, pair.probability) for pair in scored.pairs]
    cluster = clusters_at(len(inputs), edges, run.threshold)
    with transaction.atomic():
        records = []
        for position, (record, _prepared) in enumerate(inputs):
            record.run, record.position, record.cluster = run, position, cluster[position]
            records.append(record)
        LinkRecord.objects.bulk_create(records, batch_size=1000)
        LinkPair.objects.bulk_create(
            [
                LinkPair(
                    run=run,
                    left=records[pair.left],
                    right=records[pair.right],
                    match_probability=pair.probability,
                    match_weight=pair.weight,
                    evidence=[asdict(e) for e in pair.evidence],
                )
                for pair in scored.pairs
            ],
            batch_size=1000,
        )
        run.model, run.training_notes = scored.model, scored.notes
        run.record_count, run.pair_count = len(records), len(scored.pairs)
        run.cluster_count = len(set(cluster))
        return _finish(run, status=LinkRun.Status.DONE)


def _finish(run: LinkRun, *, status: str, error: str = "") -> LinkRun:
    run.status, run.error, run.finished_at = status, error, timezone.now()
    run.save()
    return run


@transaction.atomic
def link_run_threshold_set(*, user: User, run_id: int, threshold: float) -> LinkRun:
    """Re-cluster a finished run at another threshold (from its stored pairs); audited."""
    run = (
        LinkRun.objects.select_for_update()
        .filter(pk=run_id, organization_id=user.organization_id or 0, status=LinkRun.Status.DONE)
        .first()
    )
    if run is None:
        raise RunNotFound
    records = list(run.records.order_by("position"))
    edges = run.pairs.values_list("left__position", "right__position", "match_probability")
    cluster = clusters_at(len(records), list(edges), threshold)
    for record in records:
        record.cluster = cluster[record.position]
    LinkRecord.objects.bulk_update(records, ["cluster"], batch_size=1000)
    previous, run.threshold, run.cluster_count = run.threshold, threshold, len(set(cluster))
    run.save(update_fields=["threshold", "cluster_count"])
    audit_record(
        actor=user,
        action=AuditAction.LINKAGE_THRESHOLD_SET,
        target_type="link_run",
        target_id=run.pk,
        extra={"from": previous, "to": threshold},
    )
    return run


@transaction.atomic
def pair_decide(
    *, user: User, run_id: int, pair_id: int, verdict: str, mode: str = "uncertain"
) -> PairDecision:
    """Keep a person's verdict on a pair of records (for every run that pairs them); audited."""
    pair = (
        LinkPair.objects.select_related("left", "right")
        .filter(pk=pair_id, run_id=run_id, run__organization_id=user.organization_id or 0)
        .first()
    )
    if pair is None or verdict not in PairDecision.Verdict.values:
        raise RunNotFound
    if mode not in PairDecision.Mode.values:
        mode = PairDecision.Mode.UNCERTAIN
    key_a, key_b = sorted((pair.left.key, pair.right.key))
    decision, _created = PairDecision.objects.update_or_create(
        organization_id=user.organization_id or 0,
        key_a=key_a,
        key_b=key_b,
        defaults={
            "verdict": verdict,
            "mode": mode,
            "decided_by": user,
            "decided_at": timezone.now(),
        },
    )
    audit_record(
        actor=user,
        action=AuditAction.LINKAGE_PAIR_REVIEWED,
        target_type="link_pair",
        target_id=pair.pk,
        extra={"run": run_id, "verdict": verdict, "mode": mode},
    )
    return decision
