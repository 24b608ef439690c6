"""Reads of the register: the list for staff and the public lookup by name, phone or licence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import QuerySet

from tabara.core.phones import phone_normalise
from tabara.recruitment.models import Agency, AgencyChange, AgencyKey, AgencyPhone
from tabara.recruitment.names import agency_key, key_matches

MAX_FOUND = 5
_DIGITS = re.compile(r"[0-9]")


@dataclass(frozen=True)
class Found:
    """The agencies a lookup found, and how the text was read: name, phone or licence."""

    kind: str
    agencies: list[Agency]


def agency_list() -> QuerySet[Agency]:
    """Every agency, by name, with its phones."""
    return Agency.objects.prefetch_related("phones").order_by("name", "id")


def agency_get(agency_id: int) -> Agency:
    """One agency with its phones (Agency.DoesNotExist if none)."""
    return Agency.objects.prefetch_related("phones").get(pk=agency_id)


def agency_history(agency_id: int) -> QuerySet[AgencyChange]:
    """The dated changes of an agency, newest first, with who made them."""
    return AgencyChange.objects.filter(agency_id=agency_id).select_related("actor")


def licence_fold(text: str) -> str:
    """A licence number compared without case, spaces or punctuation."""
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def agency_find(text: str) -> Found:
    """Agencies whose licence number, phone or name matches `text`, best first.

    A licence number is tried first (exactly, ignoring case and punctuation), then a phone
    number in any spelling (when the text is mostly digits), then the folded name: every
    word of the query must be a word of one of the agency's names.
    """
    text = text.strip()[:200]
    wanted = licence_fold(text)
    if wanted and _DIGITS.search(wanted):
        by_licence = [
            agency
            for agency in Agency.objects.prefetch_related("phones")
            if licence_fold(agency.licence_number) == wanted
        ]
        if by_licence:
            return Found("licence", by_licence)
    digits = len(_DIGITS.findall(text))
    number = phone_normalise(text) if digits >= 6 and digits * 2 > len(text.strip()) else ""
    if number:
        ids = AgencyPhone.objects.filter(number=number).values_list("agency_id", flat=True)
        return Found("phone", list(agency_list().filter(pk__in=list(ids))[:MAX_FOUND]))
    key = agency_key(text)
    if not key:
        return Found("name", [])
    exact, partial = [], []
    for agency_id, stored in AgencyKey.objects.values_list("agency_id", "key"):
        tokens = tuple(stored.split())
        if tokens == key:
            exact.append(agency_id)
        elif key_matches(key, tokens):
            partial.append(agency_id)
    ordered = list(dict.fromkeys(exact + partial))[:MAX_FOUND]
    found = agency_list().in_bulk(ordered)
    return Found("name", [found[i] for i in ordered if i in found])
