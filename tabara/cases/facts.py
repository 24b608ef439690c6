"""De-identified facts about every case, streamed for the agencies' statistics snapshot.

Read by tabara/dashboards/snapshot.py only: no name, no free text, no identifier leaves
here, only codes, dates and counts. Each function walks its table once, in primary-key
order and in chunks, so a national database is read without holding it in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from django.db.models import Min

from tabara.cases.choices import PersonRole
from tabara.cases.models import Case, CasePerson, CaseService

CHUNK = 20_000

# id, owning organization, opened at, district id, exploitation type, recruitment channel,
# destination country, when the report it came from was received (or None)
CaseFact = tuple[int, int, datetime, int | None, str, str, str, datetime | None]


def case_facts() -> Iterator[CaseFact]:
    """One row per case."""
    rows = Case.objects.order_by("pk").values_list(
        "pk",
        "owner_org_id",
        "opened_at",
        "district_id",
        "exploitation_type",
        "recruitment_channel",
        "destination_country",
        "report__created_at",
    )
    yield from rows.iterator(chunk_size=CHUNK)


def victim_facts() -> Iterator[tuple[int, str, int | None]]:
    """(case id, gender, age) of every presumed victim."""
    rows = (
        CasePerson.objects.filter(role=PersonRole.PRESUMED_VICTIM)
        .order_by("pk")
        .values_list("case_id", "gender", "age")
    )
    yield from rows.iterator(chunk_size=CHUNK)


def first_services() -> Iterator[tuple[int, date]]:
    """(case id, the day its first service started) for cases where one has started."""
    rows = (
        CaseService.objects.filter(started_on__isnull=False)
        .values("case_id")
        .annotate(first=Min("started_on"))
        .order_by()
        .values_list("case_id", "first")
    )
    yield from rows.iterator(chunk_size=CHUNK)
