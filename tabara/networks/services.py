"""Writes of the networks app: keep each record's identifiers in step with the record.

`network_record_sync(kind, pk)` reads one report or case, extracts its identifiers
(extract.py) and makes its occurrence rows say exactly that: new ones are added (and may
alert the owners of other records, alerts.py), vanished ones go, and the copies of the
record's holder, district and date are brought up to date. It runs after commit as a task
(tasks.py) whenever intake or cases announce a change, and for every record in
`manage.py network_extract` (the back-fill for records made before, or under another key).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from tabara.cases.models import Case
from tabara.intake.models import Report
from tabara.linkage.identifiers import Identifier
from tabara.networks.alerts import network_alert
from tabara.networks.extract import Found, case_identifiers, report_identifiers
from tabara.networks.models import IdentifierOccurrence, NetworkIdentifier


@dataclass(frozen=True)
class Place:
    """Where a record sits: what the occurrence rows copy from it."""

    situation: str
    holder_org_id: int | None
    district_id: int | None
    record_at: datetime


@dataclass(frozen=True)
class SyncResult:
    added: int = 0
    removed: int = 0
    alerted: int = 0


def report_place(report: Report) -> Place:
    return Place(f"r{report.pk}", None, report.district_id, report.created_at)


def case_place(case: Case) -> Place:
    situation = f"r{case.report_id}" if case.report_id else f"c{case.pk}"
    return Place(situation, case.owner_org_id, case.district_id, case.opened_at)


def _record(kind: str, pk: int) -> tuple[Found, Place | None, dict[str, Any]]:
    if kind == "report":
        report = Report.objects.filter(pk=pk).first()
        if report is None:
            return {}, None, {"report_id": pk}
        return report_identifiers(report), report_place(report), {"report_id": pk}
    if kind == "case":
        case = Case.objects.filter(pk=pk).first()
        if case is None:
            return {}, None, {"case_id": pk}
        return case_identifiers(case, case.people.all()), case_place(case), {"case_id": pk}
    raise ValueError(f"not a record kind: {kind}")


def _identifier(identifier: Identifier, now: datetime) -> NetworkIdentifier:
    row = NetworkIdentifier.objects.filter(key=identifier.key).first()
    if row is not None:
        return row
    try:
        with transaction.atomic():
            return NetworkIdentifier.objects.create(
                key=identifier.key,
                kind=str(identifier.kind),
                value=identifier.value,
                first_seen_at=now,
            )
    except IntegrityError:  # another worker stored it first
        return NetworkIdentifier.objects.get(key=identifier.key)


def _forget_orphans(identifier_ids: list[int] | None) -> None:
    """Delete identifiers no record mentions (among `identifier_ids`, or all of them)."""
    orphans = NetworkIdentifier.objects.filter(occurrences__isnull=True)
    if identifier_ids is not None:
        orphans = orphans.filter(pk__in=identifier_ids)
    orphans.delete()


@transaction.atomic
def network_record_sync(*, kind: str, pk: int, alert: bool = True) -> SyncResult:
    """Make the occurrences of the report or case `pk` match what it says now.

    A record that no longer exists loses its occurrences. Identifiers seen for the first
    time in this record alert the owners of other records (`alert=False`: a back-fill
    of old records, which would otherwise alert about years of history at once).
    """
    found, place, record = _record(kind, pk)
    existing: QuerySet[IdentifierOccurrence] = IdentifierOccurrence.objects.filter(**record)
    by_key = {occ.identifier.key: occ for occ in existing.select_related("identifier")}
    wanted = {identifier.key: (identifier, fields) for identifier, fields in found.items()}
    gone = [occ for key, occ in by_key.items() if key not in wanted]
    if gone:
        IdentifierOccurrence.objects.filter(pk__in=[occ.pk for occ in gone]).delete()
        _forget_orphans([occ.identifier_id for occ in gone])
    if place is None:  # a deleted record's rows went with it (CASCADE): sweep what they left
        _forget_orphans(None)
        return SyncResult(removed=len(gone))
    now = timezone.now()
    added: list[IdentifierOccurrence] = []
    for key, (identifier, fields) in wanted.items():
        where = ",".join(sorted(fields))[:200]
        copy = {
            "situation": place.situation,
            "holder_org_id": place.holder_org_id,
            "district_id": place.district_id,
            "record_at": place.record_at,
            "fields": where,
        }
        occurrence = by_key.get(key)
        if occurrence is None:
            added.append(
                IdentifierOccurrence.objects.create(
                    identifier=_identifier(identifier, now), found_at=now, **record, **copy
                )
            )
        elif any(getattr(occurrence, name) != value for name, value in copy.items()):
            IdentifierOccurrence.objects.filter(pk=occurrence.pk).update(**copy)
    alerted = network_alert(added) if alert and added else 0
    return SyncResult(added=len(added), removed=len(gone), alerted=alerted)


def _ids(model: type[Report] | type[Case], batch: int) -> Iterator[int]:
    last = 0
    while True:
        ids = list(
            model.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:batch]
        )
        yield from ids
        if len(ids) < batch:
            return
        last = ids[-1]


def network_backfill(*, alert: bool = False, batch: int = 50) -> SyncResult:
    """Sync every report and case, `batch` records per transaction; return the totals.

    One commit per record would cost one disk sync each (SQLite, synchronous=FULL); a
    batch of 50 holds the write lock for a fraction of a second (docs/performance.md).
    """
    added = removed = alerted = 0
    for kind, model in (("report", Report), ("case", Case)):
        ids = list(_ids(model, 1000))
        for start in range(0, len(ids), batch):
            with transaction.atomic():
                for pk in ids[start : start + batch]:
                    result = network_record_sync(kind=kind, pk=pk, alert=alert)
                    added, removed = added + result.added, removed + result.removed
                    alerted += result.alerted
    _forget_orphans(None)
    return SyncResult(added=added, removed=removed, alerted=alerted)
