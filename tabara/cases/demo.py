"""Synthetic demo cases for `make run`, so queues are not empty (routed by the referrals app).

Called from tabara/core/demo.py after organizations, staff and reports exist. Idempotent:
nothing is added once any case exists. Every name here is invented.
"""

from __future__ import annotations

from django.db import transaction

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Role
from tabara.accounts.services import staff_user_create
from tabara.cases.choices import ExploitationType, PersonRole, ScreeningOutcome
from tabara.cases.models import Case
from tabara.cases.services import CaseInput, case_open, case_open_from_report, case_person_add
from tabara.core.demo import DEMO_PASSWORD_SUFFIX, DemoRun
from tabara.geo.models import AdminUnit
from tabara.intake.models import Report

# (username, first, last, organization, role): who receives the routed referrals.
CASE_STAFF = [
    ("ncda", "Grace", "Iradukunda", "NCDA", Role.CASE_WORKER),
    ("ncdaboss", "Jean", "Mugabo", "NCDA", Role.SUPERVISOR),
    ("isange", "Alice", "Mukeshimana", "ISANGE-KCY", Role.CASE_WORKER),
    ("hope", "Divine", "Uwimana", "HOPE", Role.CASE_WORKER),
]


def case_staff_create(password_suffix: str) -> list[tuple[User, str]]:
    """The demo staff of receiving agencies, with their passwords (created once)."""
    made = []
    for username, first, last, short, role in CASE_STAFF:
        password = f"{username}{password_suffix}"
        user = User.objects.filter(username=username).first()
        if user is None:
            user, _device = staff_user_create(
                username=username,
                password=password,
                organization=Organization.objects.get(short_name=short),
                roles=[role],
                first_name=first,
                last_name=last,
                email=f"{username}@demo.tabara.invalid",
            )
        made.append((user, password))
    return made


@transaction.atomic
def cases_demo_load() -> int:
    """Open demo cases (from the demo reports and directly), routed by the default rules."""
    if Case.objects.exists():
        return 0
    intake = User.objects.get(username="intake")
    ncda = User.objects.get(username="ncda")
    opened = []
    for report in Report.objects.order_by("id")[:3]:
        opened.append(
            case_open_from_report(
                user=intake,
                report_id=report.pk,
                data=CaseInput(
                    screening_outcome=ScreeningOutcome.POSSIBLE_VICTIM, consent_to_share=True
                ),
            )
        )
    musanze = AdminUnit.objects.filter(level="district", code="43").first()
    child = case_open(
        user=ncda,
        data=CaseInput(
            screening_outcome=ScreeningOutcome.PRESUMED_VICTIM,
            child_involved=True,
            exploitation_type=ExploitationType.DOMESTIC_SERVITUDE,
            district=musanze,
            summary="A 13-year-old girl brought to Kigali as a house help, not paid, not in "
            "school (synthetic).",
            consent_to_share=True,
        ),
    )
    case_person_add(
        user=ncda,
        case_id=child.pk,
        role=PersonRole.PRESUMED_VICTIM,
        full_name="Ineza Demo",
        age=13,
        needs="Safe accommodation, return to school, family tracing",
    )
    case_person_add(
        user=ncda,
        case_id=child.pk,
        role=PersonRole.SUSPECTED_TRAFFICKER,
        full_name="Employer Demo",
        description="Household in Kicukiro",
    )
    opened.append(child)
    return len(opened)


def cases_demo_step(run: DemoRun) -> None:
    """The receiving agencies' staff (printed) and the demo cases (opened once)."""
    for user, password in case_staff_create(DEMO_PASSWORD_SUFFIX):
        run.account_add(user, password)
    run.made["cases"] = cases_demo_load()
