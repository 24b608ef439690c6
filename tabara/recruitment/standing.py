"""The register's word on identifiers of the recruiter-network index (docs/networks.md).

An agency name found in reports and cases matches a registered agency when the register's
folding of it (names.agency_key: accents, word order, Kinyarwanda spellings, company words)
is the folding of one of the agency's names, or when it reads as the agency's licence
number; a
phone number matches when it is one of the agency's numbers (both in E.164). The analysts'
page shows the agency's standing today: a licensed agency named in trafficking reports is a
signal, and so is a name the register does not know.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.utils.translation import gettext as _

from tabara.recruitment import verdict
from tabara.recruitment.models import Agency, AgencyPhone
from tabara.recruitment.names import agency_key
from tabara.recruitment.selectors import licence_fold

AGENCY, PHONE = "agency", "phone"  # the network index's kinds that the register can name


def standing_label(standing: str) -> str:
    """The standing as the analysts' page words it; "" for none."""
    labels = {
        verdict.LICENSED: _("Licensed"),
        verdict.SUSPENDED: _("Suspended"),
        verdict.REVOKED: _("Revoked"),
        verdict.EXPIRED: _("Expired"),
        verdict.NOT_FOUND: _("Not in register"),
    }
    return labels.get(standing, "")


def register_standings(identifiers: Iterable[tuple[int, str, str]], today: date) -> dict[int, str]:
    """Identifier id -> the matching agency's standing on `today`, for (id, kind, normal
    form) triples. An agency name that matches nothing is `not_found`; a phone that matches
    nothing gets no entry (a phone is not an agency). Two agencies matching one name: the
    one registered first."""
    wanted = [(pk, kind, value) for pk, kind, value in identifiers if kind in {AGENCY, PHONE}]
    if not wanted:
        return {}
    agencies = {a.pk: a for a in Agency.objects.order_by("pk")}
    by_key: dict[tuple[str, ...], int] = {}
    by_licence: dict[str, int] = {}
    for agency in agencies.values():
        for name in (agency.name, *agency.other_names):
            # The index folds "Trans-Border" to one word; the register to two.
            for spelling in (name, name.replace("-", "")):
                by_key.setdefault(agency_key(spelling), agency.pk)
        licence = licence_fold(agency.licence_number)
        # The index drops a word "RW" ("RW LMA 2025 0101" -> "lma 2025 0101").
        for spelling in (licence, licence.removeprefix("RW")):
            by_licence.setdefault(spelling, agency.pk)
    phones = [value for _pk, kind, value in wanted if kind == PHONE]
    by_phone: dict[str, int] = {}
    for agency_id, number in (
        AgencyPhone.objects.filter(number__in=phones)
        .order_by("agency_id")
        .values_list("agency_id", "number")
    ):
        by_phone.setdefault(number, agency_id)
    out: dict[int, str] = {}
    for pk, kind, value in wanted:
        if kind == PHONE:
            found = by_phone.get(value)
        else:
            found = by_key.get(agency_key(value))
            folded = licence_fold(value)
            if found is None and folded and any(ch.isdigit() for ch in folded):
                found = by_licence.get(folded)
        if found is not None:
            agency = agencies[found]
            out[pk] = verdict.standing(agency.status, agency.licence_expires, today)
        elif kind == AGENCY:
            out[pk] = verdict.NOT_FOUND
    return out
