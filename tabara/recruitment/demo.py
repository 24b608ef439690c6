"""Synthetic demo register: invented agencies, numbers and licences (none is real).

Loading is idempotent: nothing is added once an agency exists.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tabara.core.demo import DemoRun
from tabara.recruitment.choices import AgencyStatus, ChangeSource
from tabara.recruitment.models import Agency
from tabara.recruitment.services import AgencyInput, agency_save

# (name, other names, licence, status, days since status, days to expiry, places, phones)
AGENCIES = (
    ("Horizon Kazi Placement Ltd", ("Horizon Jobs",), "RW-LMA-2025-0101", "licensed", 300, 400,
     ("AE", "QA", "SA"), ("+250788100101",)),
    ("Ubumwe Overseas Employment SARL", (), "RW-LMA-2024-0077", "licensed", 500, 200,
     ("AE", "OM", "JO"), ("+250788100177", "+250252100177")),
    ("Isoko Manpower Company", ("Isoko Jobs Abroad",), "RW-LMA-2023-0042", "suspended", 40,
     300, ("SA", "KW"), ("+250788100142",)),
    ("Nyenyeri Travel and Jobs Ltd", (), "RW-LMA-2022-0013", "revoked", 120, None, ("AE",),
     ("+250788100113",)),
    ("Gakondo Careers Agency", (), "RW-LMA-2022-0031", "licensed", 800, -10, ("QA",),
     ("+250788100131",)),
    ("Akazi Keza International", ("AKI Recruitment",), "RW-LMA-2025-0150", "licensed", 90, 640,
     ("CA", "DE"), ("+250788100150",)),
)  # fmt: skip


def recruitment_demo_step(run: DemoRun) -> None:
    if Agency.objects.exists():
        return
    today = timezone.localdate()
    for name, others, licence, status, since, expires, places, phones in AGENCIES:
        agency_save(
            user=None,
            source=ChangeSource.IMPORT,
            data=AgencyInput(
                name=name,
                other_names=others,
                licence_number=licence,
                status=AgencyStatus(status),
                status_since=today - timedelta(days=since),
                licence_expires=today + timedelta(days=expires) if expires is not None else None,
                destinations=places,
                address="KN 5 Rd, Kigali (synthetic)",
                phones=phones,
                website="",
                social_accounts=(),
            ),
        )
    run.lines.append(f"Recruitment register: {len(AGENCIES)} synthetic agencies at /rw/agencies/")
