"""Synthetic presumed victims in bulk (the exports read many; opening each through the
case services would only slow the tests)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone

from tabara.accounts.models import Organization
from tabara.cases.choices import PersonRole
from tabara.cases.models import Case, CasePerson

CASE_FIELDS = {
    "district",
    "exploitation_type",
    "other_exploitation_types",
    "recruitment_channel",
    "destination_country",
    "border_crossed",
    "consent_to_share",
    "screening_outcome",
    "status",
    "closure_reason",
    "child_involved",
}


def victims_create(
    org: Organization, people: list[dict[str, Any]], *, opened_at: datetime | None = None
) -> list[Case]:
    """One case per dict (case fields and person fields mixed), each with one presumed
    victim unless the dict says `person=False`; names are synthetic."""
    now = opened_at or timezone.now()
    cases = Case.objects.bulk_create(
        Case(
            source="direct",
            owner_org=org,
            opened_at=spec.get("opened_at", now),
            updated_at=now,
            summary="Synthetic case",
            **{k: v for k, v in spec.items() if k in CASE_FIELDS},
        )
        for spec in people
    )
    CasePerson.objects.bulk_create(
        CasePerson(
            case=case,
            role=PersonRole.PRESUMED_VICTIM,
            full_name=f"Synthetic Person {case.pk}",
            phone="+250788000000",
            added_at=now,
            **{k: v for k, v in spec.items() if k in {"gender", "age", "is_child", "citizenship"}},
        )
        for case, spec in zip(cases, people, strict=True)
        if spec.get("person", True)
    )
    return cases
