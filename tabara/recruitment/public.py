"""The register's plain answers, shared by the web page, SMS and the job-offer checker."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tabara.geo.countries import country_name
from tabara.recruitment import verdict
from tabara.recruitment.models import Agency

HOTLINES = "RIB 166 · 112 · Isange 3029 · 116"


def _day(value: date | None) -> str:
    return date_format(value, "j F Y") if value else ""


def answer_text(agency: Agency, today: date, destination: str = "") -> str:
    """One plain sentence on what the agency may do, as of `today`."""
    lang = get_language() or "rw"
    standing = verdict.standing_for(
        agency.status, agency.licence_expires, agency.destinations, destination, today
    )
    places = ", ".join(country_name(code, lang) for code in agency.destinations)
    if standing == verdict.LICENSED:
        if agency.licence_expires:
            return _("Licensed to recruit for %(places)s until %(date)s.") % {
                "places": places or _("no destination listed"),
                "date": _day(agency.licence_expires),
            }
        return _("Licensed to recruit for %(places)s.") % {
            "places": places or _("no destination listed")
        }
    if standing == verdict.NOT_FOR_DESTINATION:
        return _("Licensed, but not to recruit for %(country)s: only for %(places)s.") % {
            "country": country_name(destination, lang),
            "places": places or _("no destination listed"),
        }
    if standing == verdict.SUSPENDED:
        return _("Licence suspended (since %(date)s): it may not recruit now.") % {
            "date": _day(agency.status_since) or "?"
        }
    if standing == verdict.REVOKED:
        return _("Licence revoked (on %(date)s): it may not recruit.") % {
            "date": _day(agency.status_since) or "?"
        }
    return _("Licence expired (on %(date)s): it may not recruit now.") % {
        "date": _day(agency.licence_expires or agency.status_since) or "?"
    }


def not_found_text() -> str:
    """What to say when nothing matched: not found does not mean safe, and what to do."""
    return _(
        "Not found in the register. Not found does not mean safe: ask for the agency's "
        "licence number and check it again, never pay to get a job, keep your passport. "
        "Call RIB 166 (free) or police 112 for advice."
    )


def described(agency: Agency, today: date, destination: str = "") -> dict[str, Any]:
    """An agency ready for a template: its answer, standing, places and phones."""
    standing = verdict.standing_for(
        agency.status, agency.licence_expires, agency.destinations, destination, today
    )
    lang = get_language() or "rw"
    return {
        "agency": agency,
        "standing": standing,
        "safe": standing == verdict.LICENSED,
        "answer": answer_text(agency, today, destination),
        "places": [country_name(code, lang) for code in agency.destinations],
        "phones": [p.number for p in agency.phones.all()],
    }
