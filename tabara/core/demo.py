"""Synthetic demo data for `make run`: organizations, one staff account per role, reports.

Every name and number here is invented. Loading is idempotent: existing rows are kept and
the accounts' sign-in details are printed again.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Role
from tabara.accounts.services import staff_user_create
from tabara.awareness.demo import awareness_demo_load
from tabara.cases.demo import case_staff_create, cases_demo_load
from tabara.geo.models import AdminUnit
from tabara.geo.services import geography_load
from tabara.intake.choices import AgeGroup, Channel, LocationKind, RecruitmentChannel, Sex
from tabara.intake.models import Report
from tabara.intake.services import ReportInput, report_submit
from tabara.referrals.demo import referrals_demo_load

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
DEMO_PASSWORD_SUFFIX = "-demo-2026"  # noqa: S105 - synthetic demo accounts, printed on purpose


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    organization: str
    totp_secret: str


def _secret(device: TOTPDevice) -> str:
    return base64.b32encode(bytes.fromhex(device.key)).decode("ascii")


@transaction.atomic
def demo_load(*, with_villages: bool = True) -> tuple[list[DemoAccount], list[str]]:
    """Load everything `make run` needs; return the staff accounts and any new receipts."""
    levels = ("province", "district", "sector", "cell", "village")
    geography_load(levels=levels if with_villages else levels[:3])
    orgs = {}
    for name, short, kind, district in ORGANIZATIONS:
        orgs[short], _ = Organization.objects.get_or_create(
            short_name=short,
            defaults={"name": name, "kind": kind, "district": AdminUnit.objects.get(code=district)},
        )
    accounts = []
    for username, first, last, org, role in STAFF:
        password = f"{username}{DEMO_PASSWORD_SUFFIX}"
        user = User.objects.filter(username=username).first()
        if user is None:
            user, device = staff_user_create(
                username=username,
                password=password,
                organization=orgs[org],
                roles=[role],
                first_name=first,
                last_name=last,
                email=f"{username}@demo.tabara.invalid",
            )
        else:
            device = TOTPDevice.objects.get(user=user, name="default")
        accounts.append(DemoAccount(username, password, role.value, org, _secret(device)))
    receipts = [] if Report.objects.exists() else _demo_reports()
    awareness_demo_load(officer=User.objects.get(username="programme"))
    for user, password in case_staff_create(DEMO_PASSWORD_SUFFIX):
        device = TOTPDevice.objects.get(user=user, name="default")
        org = user.organization.short_name if user.organization else ""
        accounts.append(DemoAccount(user.username, password, user.roles[0], org, _secret(device)))
    if cases_demo_load():
        referrals_demo_load()
    return accounts, receipts


def _demo_reports() -> list[str]:
    samples = [
        ReportInput(
            what_happened="A woman in our village says a man on Facebook offered her daughter "
            "a hotel job in Nairobi and asked for her ID card. She leaves next week.",
            location_kind=LocationKind.RWANDA,
            sector_code="3301",
            people_count=1,
            age_group=AgeGroup.ADULT,
            sex=Sex.FEMALE,
            recruitment_channel=RecruitmentChannel.SOCIAL_MEDIA,
            platform="facebook",
            destination="Nairobi, Kenya",
            destination_country="KE",
            suspect_identifiers="Facebook profile 'Jobs Abroad Demo', phone 0780 000 001",
        ),
        ReportInput(
            what_happened="Three boys of about 14 were put on a bus at the border by a man who "
            "said they would work on a farm across the border. Their parents were not there.",
            location_kind=LocationKind.BORDER,
            border_post_code="grande_barriere",
            people_count=3,
            age_group=AgeGroup.CHILD,
            sex=Sex.MALE,
            recruitment_channel=RecruitmentChannel.STRANGER,
        ),
        ReportInput(
            what_happened="An agency in town promises domestic work in the Gulf, but keeps the "
            "passports of the girls who sign up.",
            location_kind=LocationKind.RWANDA,
            district_code="12",
            age_group=AgeGroup.ADULT,
            sex=Sex.FEMALE,
            recruitment_channel=RecruitmentChannel.AGENCY,
            agency_name="Demo Travel Agency",
            destination_country="AE",
        ),
    ]
    return [report_submit(channel=Channel.WEB, data=sample).receipt for sample in samples]
