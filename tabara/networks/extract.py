"""What a report or a case says about a recruiter network: its identifiers, field by field.

A report gives its free text (what happened, the suspect's identifiers, the destination)
and the recruitment agency's name. A case gives its summary and, for each suspected
trafficker or recruiter in it, their phone, their name and the description of them. The
reporter's own contact details and the victims' phones and names are never taken: they
identify the people Tabara protects, not the network.
"""

from __future__ import annotations

from collections.abc import Iterable

from tabara.cases.choices import PersonRole
from tabara.cases.models import Case, CasePerson
from tabara.core.phones import phone_normalise
from tabara.intake.models import Report
from tabara.linkage.identifiers import (
    Identifier,
    Kind,
    agency_fold,
    identifiers_extract,
    recruiter_name_fold,
)

SUSPECT_ROLES = (PersonRole.SUSPECTED_TRAFFICKER, PersonRole.RECRUITER)
Found = dict[Identifier, set[str]]


def _add(found: Found, field: str, identifiers: Iterable[Identifier | None]) -> None:
    for identifier in identifiers:
        if identifier is not None:
            found.setdefault(identifier, set()).add(field)


def report_identifiers(report: Report) -> Found:
    """Each identifier of a report with the names of the fields it was found in."""
    found: Found = {}
    for field in ("suspect_identifiers", "agency_name", "destination", "what_happened"):
        _add(found, field, identifiers_extract(getattr(report, field)))
    _add(found, "agency_name", [agency_fold(report.agency_name)])
    return found


def case_identifiers(case: Case, people: Iterable[CasePerson]) -> Found:
    """Each identifier of a case (its summary and its suspects) with where it was found."""
    found: Found = {}
    _add(found, "summary", identifiers_extract(case.summary))
    for person in people:
        if person.role not in SUSPECT_ROLES:
            continue
        phone = phone_normalise(person.phone) if person.phone else ""
        _add(found, "suspect:phone", [Identifier(Kind.PHONE, phone) if phone else None])
        _add(found, "suspect:name", [recruiter_name_fold(person.full_name)])
        _add(found, "suspect:description", identifiers_extract(person.description))
    return found
