"""Agencies in two districts, their staff, and helpers to open reports and cases."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from tabara.accounts.roles import Role
from tabara.cases.choices import PersonRole
from tabara.cases.models import Case
from tabara.cases.services import case_person_add
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.geo.models import AdminUnit
from tabara.intake.models import Report
from tabara.intake.tests.factories import submit_report


@pytest.fixture
def world(geography, make_staff) -> SimpleNamespace:
    """RIB and ISANGE-RBV, each with a case worker and a supervisor; two districts."""
    agencies = agencies_create()
    w = SimpleNamespace(agencies=agencies)
    w.kigali = AdminUnit.objects.get(level="district", code="11")
    w.rubavu = AdminUnit.objects.get(level="district", code="34")
    w.rib_worker = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    w.rib_boss = make_staff(roles=[Role.SUPERVISOR], organization=agencies["RIB"])
    w.isange_worker = make_staff(roles=[Role.CASE_WORKER], organization=agencies["ISANGE-RBV"])
    w.isange_boss = make_staff(roles=[Role.SUPERVISOR], organization=agencies["ISANGE-RBV"])
    w.analyst = make_staff(roles=[Role.ANALYST], organization=agencies["NAR"])
    for user in (w.rib_worker, w.rib_boss, w.isange_worker, w.isange_boss, w.analyst):
        user.language = "en"  # the tests read English; one test switches a reader to French
        user.save(update_fields=["language"])
    return w


def open_case(user: Any, district: AdminUnit, *, summary: str = "", **suspect: Any) -> Case:
    """A case opened by `user` in `district`, with one suspected recruiter if given."""
    case = case_create(user, district=district, summary=summary or "No identifiers here.")
    if suspect:
        case_person_add(user=user, case_id=case.pk, role=PersonRole.RECRUITER, **suspect)
    return case


def new_report(district_code: str = "", **fields: Any) -> Report:
    return submit_report(district_code=district_code, **fields).report
