"""Synthetic agencies for tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from tabara.recruitment.models import Agency
from tabara.recruitment.services import AgencyInput, agency_save


def make_agency(**fields: Any) -> Agency:
    values: dict[str, Any] = {
        "name": "Horizon Kazi Placement Ltd",
        "licence_number": "RW-LMA-2025-0101",
        "status": "licensed",
        "status_since": date(2025, 1, 10),
        "licence_expires": date(2027, 1, 9),
        "destinations": ("AE", "QA"),
        "phones": ("+250788100101",),
    }
    values.update(fields)
    agency, _changed = agency_save(user=None, data=AgencyInput(**values))
    return agency
