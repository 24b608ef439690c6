"""Reads of the networks app: the network of identifiers and records an analyst sees.

The page shows identifiers that connect at least two situations (reports, cases) within the
period, the records they connect and who holds them, in connected components; and the hubs
(identifiers on more records than the hub cap), with their counts, which are left out of
the graph. A record links to its page only for a viewer who may open it
(access_report_by_id / case_list_accessible decide, not this module).

The components come from aggregates and (identifier, record) pairs (tabara/networks/shape.py);
identifiers are decrypted, and records described, only for what is shown: one page of the
table, the drawn part of the largest components, the hubs.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Perm
from tabara.cases.access import case_list_accessible
from tabara.geo.models import AdminUnit
from tabara.networks.alerts import hub_cap
from tabara.networks.choices import IdentifierKind
from tabara.networks.display import identifier_masked
from tabara.networks.models import IdentifierOccurrence, NetworkIdentifier
from tabara.networks.shape import Skeleton, components_of, drawable, table_edges
from tabara.recruitment.standing import register_standings, standing_label

MAX_ROWS = 5000  # the exports stop here, and say so
PAGE_ROWS = 100  # rows of the table on one page
DRAWN = 30  # components drawn, the largest first
DRAWN_IDENTIFIERS = 12  # of a bigger component, its most connected identifiers are drawn
DRAWN_RECORDS = 36  # and at most this many of their records


@dataclass(frozen=True)
class NetworkFilters:
    """The period (record dates, inclusive) and a district whose identifiers are shown."""

    since: date | None = None
    until: date | None = None
    district: AdminUnit | None = None


@dataclass(frozen=True)
class IdentifierNode:
    pk: int
    kind: str
    kind_label: str
    label: str
    total: int  # situations carrying it, all time
    standing: str = ""  # an agency's (or agency phone's) standing in the register, if any

    @property
    def standing_label(self) -> str:
        return standing_label(self.standing)


@dataclass(frozen=True)
class RecordNode:
    key: str  # "r12" / "c7"
    reference: str
    kind: str  # "report" / "case"
    holder: str
    district: str
    at: datetime
    url: str  # empty unless the viewer may open it


@dataclass
class Component:
    """A component as drawn (perhaps in part); the totals say how big it is in full."""

    number: int
    record_total: int
    identifier_total: int
    identifiers: list[IdentifierNode] = field(default_factory=list)
    records: list[RecordNode] = field(default_factory=list)
    edges: list[tuple[int, str]] = field(default_factory=list)

    @property
    def partial(self) -> bool:
        return (
            len(self.records) < self.record_total or len(self.identifiers) < self.identifier_total
        )


@dataclass(frozen=True)
class Row:
    number: int  # the component's
    identifier: IdentifierNode
    record: RecordNode


@dataclass
class Network:
    """What the page or an export shows: the drawn components, one page of rows, the hubs,
    and the counts of everything else."""

    drawn: list[Component]
    rows: list[Row]
    hubs: list[IdentifierNode]
    component_count: int = 0
    record_count: int = 0
    row_count: int = 0
    page: int = 1
    pages: int = 1
    truncated: bool = False  # an export that stops at MAX_ROWS

    @property
    def undrawn_components(self) -> int:
        return self.component_count - len(self.drawn)

    @property
    def undrawn_records(self) -> int:
        return self.record_count - sum(c.record_total for c in self.drawn)


def _bounds(filters: NetworkFilters) -> Q:
    zone = timezone.get_current_timezone()
    within = Q()
    if filters.since:
        within &= Q(record_at__gte=datetime.combine(filters.since, time.min, zone))
    if filters.until:
        within &= Q(record_at__lte=datetime.combine(filters.until, time.max, zone))
    return within


def _key(case_id: int | None, report_id: int | None) -> str:
    return f"c{case_id}" if case_id is not None else f"r{report_id}"


class _Opener:
    """Whether the viewer may open a record; asked once per page, for the records shown."""

    def __init__(self, user: User, case_ids: set[int]) -> None:
        self.reports = user.can(Perm.REPORT_VIEW)
        self.cases = set(
            case_list_accessible(user).filter(pk__in=case_ids).values_list("pk", flat=True)
        )

    def url(self, key: str) -> str:
        pk = int(key[1:])
        if key[0] == "c":
            return reverse("cases:detail", args=[pk]) if pk in self.cases else ""
        return reverse("intake:report_detail", args=[pk]) if self.reports else ""


def _skeleton(filters: NetworkFilters) -> tuple[list[Skeleton], dict[int, tuple[str, int]]]:
    """The components of the period from aggregates and (identifier, record) pairs only;
    and each identifier's kind and all-time count of situations, hubs included."""
    within = IdentifierOccurrence.objects.filter(_bounds(filters))
    chosen = within
    if filters.district is not None:
        chosen = within.filter(district=filters.district)
    totals = {
        pk: (kind, n)
        for pk, kind, n in NetworkIdentifier.objects.filter(pk__in=chosen.values("identifier_id"))
        .annotate(n=Count("occurrences__situation", distinct=True))
        .values_list("pk", "kind", "n")
    }
    cap = hub_cap()
    pairs = within.exclude(identifier_id__in=[pk for pk, (_k, n) in totals.items() if n > cap])
    if filters.district is not None:
        pairs = pairs.filter(identifier_id__in=chosen.values("identifier_id"))
    situations: dict[int, set[str]] = defaultdict(set)
    edges: list[tuple[int, str]] = []
    for identifier, case, report, situation in pairs.values_list(
        "identifier_id", "case_id", "report_id", "situation"
    ).iterator(chunk_size=5000):
        situations[identifier].add(situation)
        edges.append((identifier, _key(case, report)))
    # An identifier connects when it is on two situations within the period.
    return components_of(e for e in edges if len(situations[e[0]]) > 1), totals


def network_for(
    user: User, filters: NetworkFilters, *, page: int = 1, per_page: int = PAGE_ROWS
) -> Network:
    """The network within `filters`, as `user` may see it (analysts: references only): the
    largest components drawn, page `page` of the table (`per_page` rows; 0 for every row up
    to MAX_ROWS, as the exports take them) and the hubs."""
    components, totals = _skeleton(filters)
    kinds = {pk: kind for pk, (kind, _n) in totals.items()}
    every = table_edges(components, kinds)
    if per_page:
        pages = max(math.ceil(len(every) / per_page), 1)
        page = min(max(page, 1), pages)
        shown = every[(page - 1) * per_page : page * per_page]
    else:
        pages, page, shown = 1, 1, every[:MAX_ROWS]
    drawn = [drawable(c, DRAWN_IDENTIFIERS, DRAWN_RECORDS) for c in components[:DRAWN]]
    hub_ids = [pk for pk, (_k, n) in totals.items() if n > hub_cap()]
    wanted = {i for _n, (i, _r) in shown} | {i for c in drawn for i in c.identifiers}
    identifiers = _identifier_nodes(wanted | set(hub_ids), totals)
    records = _record_nodes(
        user, filters, {r for _n, (_i, r) in shown} | {r for c in drawn for r in c.records}
    )
    return Network(
        drawn=[
            Component(
                number=number,
                record_total=len(full.records),
                identifier_total=len(full.identifiers),
                identifiers=[identifiers[i] for i in part.identifiers],
                records=[records[r] for r in part.records],
                edges=part.edges,
            )
            for number, (full, part) in enumerate(zip(components, drawn, strict=False), start=1)
        ],
        rows=[Row(n, identifiers[i], records[r]) for n, (i, r) in shown],
        hubs=sorted((identifiers[pk] for pk in hub_ids), key=lambda n: (-n.total, n.label)),
        component_count=len(components),
        record_count=sum(len(c.records) for c in components),
        row_count=len(every),
        page=page,
        pages=pages,
        truncated=not per_page and len(every) > MAX_ROWS,
    )


def _identifier_nodes(
    pks: set[int], totals: dict[int, tuple[str, int]]
) -> dict[int, IdentifierNode]:
    """The identifiers shown, read (and decrypted) only for them, with the register's word on
    agencies and their phones."""
    rows = list(NetworkIdentifier.objects.filter(pk__in=pks))
    standings = register_standings(
        ((row.pk, row.kind, row.value) for row in rows), timezone.localdate()
    )
    return {
        row.pk: IdentifierNode(
            pk=row.pk,
            kind=row.kind,
            kind_label=str(IdentifierKind(row.kind).label),
            label=identifier_masked(row.kind, row.value),
            total=totals[row.pk][1],
            standing=standings.get(row.pk, ""),
        )
        for row in rows
    }


def _record_nodes(user: User, filters: NetworkFilters, keys: set[str]) -> dict[str, RecordNode]:
    """The records shown: reference, holder, district and date from their occurrences."""
    cases = {int(k[1:]) for k in keys if k[0] == "c"}
    reports = {int(k[1:]) for k in keys if k[0] == "r"}
    opener = _Opener(user, cases)
    holders = dict(Organization.objects.values_list("pk", "short_name"))
    nodes: dict[str, RecordNode] = {}
    rows = (
        IdentifierOccurrence.objects.filter(_bounds(filters))
        .filter(Q(case_id__in=cases) | Q(report_id__in=reports))
        .values_list("case_id", "report_id", "holder_org_id", "district__name", "record_at")
    )
    for case, report, holder, district, at in rows:
        key = _key(case, report)
        if key in nodes:
            continue
        nodes[key] = RecordNode(
            key=key,
            reference=f"{key[0].upper()}-{int(key[1:]):06d}",
            kind="case" if key[0] == "c" else "report",
            holder=holders.get(holder or 0, "") or _("intake desk"),
            district=district or "",
            at=at,
            url=opener.url(key),
        )
    return nodes
