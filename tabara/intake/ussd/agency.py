"""The USSD adapter's register lookup: the menu's `Step.agency` request, answered."""

from __future__ import annotations

from django.utils import timezone

from tabara.geo.countries import country_name
from tabara.intake.ussd import jobs
from tabara.intake.ussd.data import Step
from tabara.intake.ussd.screen import plain
from tabara.recruitment.selectors import agency_find
from tabara.recruitment.verdict import standing_for


def agency_look_up(step: Step) -> Step:
    """The closing screen for a step that asked the register about an agency."""
    if not step.agency:
        return step
    destination = step.state.get(jobs.ANSWERS, {}).get("destination", "")
    found = _answer(step.agency, step.state.get("lang", "rw"), destination)
    return jobs.agency_answered(step.state, found)


def agency_answer_text(query: str, lang: str) -> str:
    """The register's answer to an SMS lookup, in the words of the USSD screen."""
    return plain(jobs.agency_text({"lang": lang}, _answer(query, lang, "")))


def _answer(query: str, lang: str, destination: str) -> jobs.AgencyAnswer | None:
    agencies = agency_find(query).agencies
    if not agencies:
        return None
    agency = agencies[0]
    today = timezone.localdate()
    return jobs.AgencyAnswer(
        name=agency.name,
        standing=standing_for(
            agency.status, agency.licence_expires, agency.destinations, destination, today
        ),
        until=agency.licence_expires.strftime("%d/%m/%Y") if agency.licence_expires else "",
        places=", ".join(country_name(code, lang) for code in agency.destinations),
    )
