"""Demo organizations and one staff account per role (synthetic; see tabara/core/demo.py)."""

from __future__ import annotations

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Role
from tabara.accounts.services import staff_user_create
from tabara.core.demo import DEMO_PASSWORD_SUFFIX, DemoRun
from tabara.geo.models import AdminUnit

ORGANIZATIONS = [
    ("Rwanda Investigation Bureau", "RIB", Organization.Kind.INVESTIGATION, "11"),
    ("Rwanda National Police", "RNP", Organization.Kind.POLICE, "12"),
    (
        "Directorate General of Immigration and Emigration",
        "DGIE",
        Organization.Kind.IMMIGRATION,
        "12",
    ),
    ("National Public Prosecution Authority", "NPPA", Organization.Kind.PROSECUTION, "11"),
    ("National Child Development Agency", "NCDA", Organization.Kind.CHILD_PROTECTION, "12"),
    ("Isange One Stop Centre Kacyiru", "ISANGE-KCY", Organization.Kind.ONE_STOP_CENTRE, "12"),
    ("Hope Shelter (demo NGO)", "HOPE", Organization.Kind.SHELTER, "33"),
    (
        "International Organization for Migration, Rwanda",
        "IOM",
        Organization.Kind.INTERNATIONAL,
        "11",
    ),
    ("Ministry of Justice", "MINIJUST", Organization.Kind.MINISTRY, "11"),
    ("Never Again Rwanda", "NAR", Organization.Kind.CIVIL_SOCIETY, "11"),
]

STAFF = [
    ("intake", "Aline", "Uwase", "RIB", Role.INTAKE_OFFICER),
    ("caseworker", "Eric", "Habimana", "RIB", Role.CASE_WORKER),
    ("supervisor", "Claudine", "Mukamana", "RIB", Role.SUPERVISOR),
    ("analyst", "Olivier", "Nshimiyimana", "MINIJUST", Role.ANALYST),
    ("programme", "Diane", "Ingabire", "NAR", Role.PROGRAMME_OFFICER),
    ("admin", "Patrick", "Mugisha", "MINIJUST", Role.ADMINISTRATOR),
]


def accounts_demo_step(run: DemoRun) -> None:
    """The organizations and staff accounts (created once, printed every time)."""
    orgs = {}
    for name, short, kind, district in ORGANIZATIONS:
        orgs[short], _ = Organization.objects.get_or_create(
            short_name=short,
            defaults={"name": name, "kind": kind, "district": AdminUnit.objects.get(code=district)},
        )
    for username, first, last, org, role in STAFF:
        password = f"{username}{DEMO_PASSWORD_SUFFIX}"
        user = User.objects.filter(username=username).first()
        if user is None:
            user, _device = staff_user_create(
                username=username,
                password=password,
                organization=orgs[org],
                roles=[role],
                first_name=first,
                last_name=last,
                email=f"{username}@demo.tabara.invalid",
            )
        run.account_add(user, password)
