"""A day of casework on the demo cases, so `make run` shows a system in use.

Runs after the demo cases are opened and routed (tabara/cases/demo.py, referrals): the
child's case at NCDA gets a worker and a supervisor, notes (one corrected), a shelter stay
at HOPE in progress and medical care planned; more people are added across the cases so
that search finds them by name, phone and ID number. Idempotent: nothing is added once any
case note exists. Every name, phone and number here is invented.
"""

from __future__ import annotations

from django.db import transaction

from tabara.accounts.models import Organization, User
from tabara.cases.assignment import case_assign
from tabara.cases.choices import PersonRole, ServiceStatus, ServiceType
from tabara.cases.models import Case, CaseNote
from tabara.cases.notes import case_note_write
from tabara.cases.plan import case_service_plan, case_service_update
from tabara.cases.services import case_person_add
from tabara.core.demo import DemoRun

# (full name, phone, national ID, role): found by /staff/search/ ("Mutamuliza", "0788 123 456").
SEARCHABLE = [
    ("Jeanne Mutamuriza", "0788 123 456", "1199870012345011", PersonRole.PRESUMED_VICTIM),
    ("Jean-Paul Habyarimana", "0722 555 010", "", PersonRole.SUSPECTED_TRAFFICKER),
    ("Claudine Uwase", "+250 733 400 220", "1200170098765012", PersonRole.PRESUMED_VICTIM),
    ("Emmanuel Nshimiyimana", "0788 900 321", "", PersonRole.WITNESS),
]


@transaction.atomic
def casework_demo_load() -> int:
    """Assign, note, plan and index the demo cases; return how many notes were written."""
    if CaseNote.objects.exists():
        return 0
    ncda = User.objects.get(username="ncda")
    boss = User.objects.get(username="ncdaboss")
    child = Case.objects.filter(owner_org__short_name="NCDA").order_by("id").first()
    if child is None:
        return 0
    case_assign(user=boss, case_id=child.pk, worker=ncda, supervisor=boss)
    first = case_note_write(
        user=ncda,
        case_id=child.pk,
        text="Met Ineza with her aunt at the one-stop centre; she is safe and eating well.",
    )
    case_note_write(
        user=ncda,
        case_id=child.pk,
        text="Correction: it was her mother's sister, not her aunt by marriage.",
        corrects_id=first.pk,
    )
    case_note_write(
        user=boss,
        case_id=child.pk,
        text="Family tracing to start once the school place is confirmed.",
    )
    shelter = case_service_plan(
        user=ncda,
        case_id=child.pk,
        service_type=ServiceType.SHELTER,
        provider_org=Organization.objects.get(short_name="HOPE"),
    )
    case_service_update(
        user=ncda, service_id=shelter.pk, status=ServiceStatus.IN_PROGRESS, note="Arrived."
    )
    case_service_plan(
        user=ncda,
        case_id=child.pk,
        service_type=ServiceType.MEDICAL,
        provider_org=Organization.objects.get(short_name="ISANGE-KCY"),
    )
    others = list(Case.objects.exclude(pk=child.pk).order_by("id"))
    for n, (name, phone, nin, role) in enumerate(SEARCHABLE):
        case = child if n == 0 or not others else others[n % len(others)]
        case_person_add(
            user=_opener(case),
            case_id=case.pk,
            role=role,
            full_name=name,
            phone=phone,
            identity_number=nin,
        )
    return CaseNote.objects.count()


def _opener(case: Case) -> User:
    """Someone of the owning organization who may add people (the case's opener)."""
    if case.opened_by is not None:
        return case.opened_by
    return User.objects.get(username="ncda")


def casework_demo_step(run: DemoRun) -> None:
    run.made["case_notes"] = casework_demo_load()
