"""For analysts: agencies, phones and accounts named in reports, matched against the register.

The matching runs on the recruiter-network index (tabara/networks): each identifier a report
names is kept there by its keyed hash, so the register's names, phones and accounts are
hashed the same way (tabara/linkage/identifiers.py) and joined on the hash; no report is
opened for that. Offers with many red flags are the reports made from the job-offer checker,
whose text carries the flag ids ("[offer-2026.1: ...]", offers.offer_marker): those texts are
read, decrypted, to count the flags, only from the reports the reader may open
(report_list_accessible: none without `report.view`), and the page's viewing is audited.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.intake.selectors import report_list_accessible
from tabara.linkage.identifiers import Identifier, Kind, agency_fold, identifiers_extract
from tabara.networks.display import identifier_masked
from tabara.networks.models import IdentifierOccurrence
from tabara.recruitment import verdict
from tabara.recruitment.choices import AgencyStatus
from tabara.recruitment.models import Agency
from tabara.recruitment.offers import offer_marker_read

MIN_REPEATS = 2  # an unlicensed agency "named again and again": in this many reports or more
MIN_FLAGS = 3  # an offer "with many red flags"


@dataclass
class Named:
    """One agency (in the register, or only in reports) and the reports that name it."""

    label: str
    standing: str
    agency: Agency | None = None
    reports: set[int] = field(default_factory=set)
    how: set[str] = field(default_factory=set)  # agency, phone, account

    @property
    def how_list(self) -> list[str]:
        return sorted(self.how)

    @property
    def report_ids(self) -> list[int]:
        return sorted(self.reports)

    @property
    def standing_label(self) -> str:
        return str(AgencyStatus(self.standing).label) if self.standing in AgencyStatus else ""


@dataclass(frozen=True)
class FlaggedOffer:
    report_id: int
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    unlicensed: list[Named]
    licensed: list[Named]
    offers: list[FlaggedOffer]
    can_open: bool


def _register_keys(agencies: list[Agency]) -> dict[str, tuple[int, str]]:
    """Keyed hash -> (agency id, kind) for every name, phone and account in the register."""
    keys: dict[str, tuple[int, str]] = {}
    for agency in agencies:
        found: list[Identifier | None] = [
            agency_fold(n) for n in (agency.name, *agency.other_names)
        ]
        found += [Identifier(Kind.PHONE, p.number) for p in agency.phones.all()]
        for account in agency.social_accounts:
            found += identifiers_extract(account if "/" in account else f" {account}")
        for identifier in found:
            if identifier is not None:
                keys[identifier.key] = (agency.pk, str(identifier.kind))
    return keys


def agencies_in_reports(user: User, today: date) -> Analysis:
    """Register agencies named in reports, unregistered agencies named again and again, and
    reports made from checked offers with many red flags."""
    agencies = list(Agency.objects.prefetch_related("phones"))
    keys = _register_keys(agencies)
    by_id = {agency.pk: agency for agency in agencies}
    named: dict[str, Named] = {}
    others: dict[int, Named] = defaultdict(lambda: Named(label="", standing=verdict.NOT_FOUND))
    rows = IdentifierOccurrence.objects.filter(report__isnull=False).select_related("identifier")
    for occurrence in rows.filter(identifier__kind__in=["agency", "phone", "account"]):
        identifier = occurrence.identifier
        hit = keys.get(identifier.key)
        if hit is not None:
            agency = by_id[hit[0]]
            row = named.setdefault(
                f"a{agency.pk}",
                Named(agency.name, verdict.standing(agency.status, agency.licence_expires, today),
                      agency),
            )  # fmt: skip
            row.reports.add(occurrence.report_id or 0)
            row.how.add(hit[1])
        elif identifier.kind == "agency":
            other = others[identifier.pk]
            other.label = identifier_masked(identifier.kind, identifier.value)
            other.reports.add(occurrence.report_id or 0)
            other.how.add("agency")
    not_licensed = [row for row in named.values() if row.standing != verdict.LICENSED]
    repeated = [row for row in others.values() if len(row.reports) >= MIN_REPEATS]
    unlicensed = sorted(
        [*repeated, *(r for r in not_licensed if len(r.reports) >= MIN_REPEATS)],
        key=lambda r: (-len(r.reports), r.label),
    )
    licensed = sorted(
        (r for r in named.values() if r.standing == verdict.LICENSED),
        key=lambda r: (-len(r.reports), r.label),
    )
    return Analysis(unlicensed, licensed, _flagged_offers(user), user.can(Perm.REPORT_VIEW))


def _flagged_offers(user: User) -> list[FlaggedOffer]:
    """Offers with many red flags, read from the reports `user` may open, and only those."""
    offers = []
    readable = report_list_accessible(user).select_related(None)
    for report in readable.only("pk", "what_happened", "row_uuid").order_by("-pk"):
        read = offer_marker_read(report.what_happened)
        if read is not None and len(read[1]) >= MIN_FLAGS:
            offers.append(FlaggedOffer(report.pk, read[1]))
    return sorted(offers, key=lambda o: (-len(o.flags), -o.report_id))
