"""Reads for open data: presumed victims as de-identified records, and the latest release."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from django.db.models import QuerySet
from django.utils import timezone

from tabara.cases.choices import PersonRole, ScreeningOutcome
from tabara.cases.models import Case, CasePerson
from tabara.opendata import budget as ledger
from tabara.opendata.models import PrivacyBudget, PrivacySpend, StatisticsRelease
from tabara.opendata.records import VictimRecord

# Only the statistical fields are read: names, phones and free text are never loaded.
PERSON_FIELDS = ("id", "case_id", "gender", "age", "is_child", "citizenship")
CASE_RELATIONS = ("district__parent", "owner_org")


def counted_cases() -> QuerySet[Case]:
    """Every case except those screened as not trafficking: the identified victims' cases."""
    return Case.objects.exclude(screening_outcome=ScreeningOutcome.NOT_A_VICTIM)


def victim_records(cases: QuerySet[Case], *, batch: int = 2000) -> Iterator[VictimRecord]:
    """One record per presumed victim of the cases (one per case if none was recorded)."""
    cases = cases.select_related(*CASE_RELATIONS).only(
        "id",
        "opened_at",
        "status",
        "closure_reason",
        "screening_outcome",
        "consent_to_share",
        "exploitation_type",
        "other_exploitation_types",
        "recruitment_channel",
        "destination_country",
        "border_crossed",
        "child_involved",
        "district__parent__code",
        "owner_org__kind",
        "owner_org__name",
    )
    page = list(cases.order_by("id")[:batch])
    while page:
        people: dict[int, list[CasePerson]] = {}
        for person in CasePerson.objects.filter(
            case_id__in=[c.pk for c in page], role=PersonRole.PRESUMED_VICTIM
        ).only(*PERSON_FIELDS):
            people.setdefault(person.case_id, []).append(person)
        for case in page:
            yield from _records(case, people.get(case.pk, []))
        page = list(cases.order_by("id").filter(id__gt=page[-1].pk)[:batch])


def _records(case: Case, people: list[CasePerson]) -> Iterator[VictimRecord]:
    province = case.district.parent if case.district is not None else None
    common = {
        "case_id": case.pk,
        "opened_on": timezone.localdate(case.opened_at),
        "case_status": case.status,
        "closure_reason": case.closure_reason,
        "screening_outcome": case.screening_outcome,
        "owner_kind": case.owner_org.kind,
        "owner_name": case.owner_org.name,
        "consent_to_share": case.consent_to_share,
        "province": province.code if province is not None else "",
        "exploitation_types": tuple(case.all_exploitation_types),
        "recruitment_channel": case.recruitment_channel,
        "destination_country": case.destination_country,
        "border_crossed": case.border_crossed,
    }
    if not people:
        yield VictimRecord(**common, is_child=case.child_involved)  # type: ignore[arg-type]
        return
    for person in people:
        yield VictimRecord(
            **common,  # type: ignore[arg-type]
            gender=person.gender,
            age=person.age,
            is_child=person.is_child,
            citizenship=person.citizenship,
        )


def release_latest() -> StatisticsRelease | None:
    """The newest public release of the statistics, if any."""
    return StatisticsRelease.objects.select_related("spend").first()


@dataclass(frozen=True)
class LedgerLine:
    """One release as the ledger records it, with what was left of the budget after it."""

    release: StatisticsRelease | None
    spend: PrivacySpend
    per_figure: Decimal  # each table's share: a person is in one cell of each table
    left_after: Decimal


@dataclass(frozen=True)
class Ledger:
    budget: PrivacyBudget | None  # None until the first release creates it
    lines: list[LedgerLine]  # newest first
    spent: Decimal
    left: Decimal | None


def privacy_ledger(name: str, tables: int) -> Ledger:
    """The budget `name`, every spend charged to it and the release it paid for (reads only)."""
    budget = PrivacyBudget.objects.filter(name=name).first()
    if budget is None:
        return Ledger(None, [], Decimal(0), None)
    spends = list(
        PrivacySpend.objects.filter(budget=budget)
        .select_related("spent_by", "release")
        .order_by("spent_at", "id")
    )
    lines, spent = [], Decimal(0)
    for spend in spends:
        spent += spend.epsilon
        release = getattr(spend, "release", None)
        share = (spend.epsilon / tables).quantize(ledger.EPSILON_PLACES, rounding=ROUND_DOWN)
        lines.append(LedgerLine(release, spend, share, budget.total_epsilon - spent))
    return Ledger(budget, lines[::-1], spent, ledger.remaining(budget.total_epsilon, [spent]))
