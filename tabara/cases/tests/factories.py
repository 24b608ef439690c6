"""Agencies and cases for tests: synthetic organizations, cases opened through services."""

from __future__ import annotations

from typing import Any

from tabara.accounts.models import Organization, User
from tabara.cases.models import Case
from tabara.cases.services import CaseInput, case_open
from tabara.geo.models import AdminUnit

# (short name, kind, district code): enough of Rwanda's agencies for the default rules.
AGENCIES = [
    ("RIB", Organization.Kind.INVESTIGATION, "11"),
    ("DGIE", Organization.Kind.IMMIGRATION, "12"),
    ("NCDA", Organization.Kind.CHILD_PROTECTION, "12"),
    ("ISANGE-KCY", Organization.Kind.ONE_STOP_CENTRE, "12"),
    ("ISANGE-RBV", Organization.Kind.ONE_STOP_CENTRE, "33"),
    ("HOPE", Organization.Kind.SHELTER, "33"),
    ("IOM", Organization.Kind.INTERNATIONAL, "11"),
    ("NAR", Organization.Kind.CIVIL_SOCIETY, "11"),
]


def agencies_create() -> dict[str, Organization]:
    """The test agencies, keyed by short name (needs the `geography` fixture)."""
    districts = {u.code: u for u in AdminUnit.objects.filter(level="district")}
    return {
        short: Organization.objects.get_or_create(
            short_name=short,
            defaults={"name": f"Test {short}", "kind": kind, "district": districts.get(code)},
        )[0]
        for short, kind, code in AGENCIES
    }


def case_create(user: User, *, route: bool = False, **fields: Any) -> Case:
    """A case opened by `user` through case_open; not routed unless asked."""
    fields.setdefault("summary", "Synthetic case: a job offer abroad that was not what it seemed.")
    return case_open(user=user, data=CaseInput(**fields), route=route)
