"""Reads of the networks app: the network of identifiers and records an analyst sees.

The page shows identifiers that connect at least two situations (reports, cases) within the
period, the records they connect and who holds them, in connected components; and the hubs
(identifiers on more records than the hub cap), with their counts, which are left out of
the graph. A record links to its page only for a viewer who may open it
(access_report_by_id / case_list_accessible decide, not this module).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

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

MAX_ROWS = 5000  # the table and exports stop here, and say so


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
    number: int
    identifiers: list[IdentifierNode] = field(default_factory=list)
    records: list[RecordNode] = field(default_factory=list)
    edges: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Network:
    components: list[Component]
    hubs: list[IdentifierNode]
    truncated: bool = False

    @property
    def rows(self) -> list[tuple[Component, IdentifierNode, RecordNode]]:
        """One row per identifier and record it connects: the table and the exports."""
        out: list[tuple[Component, IdentifierNode, RecordNode]] = []
        for component in self.components:
            identifiers = {node.pk: node for node in component.identifiers}
            records = {node.key: node for node in component.records}
            pairs = [(identifiers[i], records[r]) for i, r in component.edges]
            pairs.sort(key=lambda pair: (pair[0].kind, pair[0].label, pair[1].reference))
            out.extend((component, identifier, record) for identifier, record in pairs)
        return out


def _bounds(filters: NetworkFilters) -> Q:
    zone = timezone.get_current_timezone()
    within = Q()
    if filters.since:
        within &= Q(record_at__gte=datetime.combine(filters.since, time.min, zone))
    if filters.until:
        within &= Q(record_at__lte=datetime.combine(filters.until, time.max, zone))
    return within


def _find(parent: dict[Any, Any], item: Any) -> Any:
    while parent.setdefault(item, item) != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _record_key(occurrence: IdentifierOccurrence) -> str:
    if occurrence.case_id is not None:
        return f"c{occurrence.case_id}"
    return f"r{occurrence.report_id}"


class _Opener:
    """Whether the viewer may open a record; asked once per page."""

    def __init__(self, user: User, case_ids: set[int]) -> None:
        self.reports = user.can(Perm.REPORT_VIEW)
        self.cases = set(
            case_list_accessible(user).filter(pk__in=case_ids).values_list("pk", flat=True)
        )

    def url(self, occurrence: IdentifierOccurrence) -> str:
        if occurrence.case_id is not None:
            if occurrence.case_id in self.cases:
                return reverse("cases:detail", args=[occurrence.case_id])
            return ""
        return reverse("intake:report_detail", args=[occurrence.report_id]) if self.reports else ""


def network_for(user: User, filters: NetworkFilters) -> Network:
    """The network within `filters`, as `user` may see it (analysts: references only)."""
    within = IdentifierOccurrence.objects.filter(_bounds(filters))
    chosen = within
    if filters.district is not None:
        chosen = within.filter(district=filters.district)
    totals = dict(
        NetworkIdentifier.objects.filter(pk__in=chosen.values("identifier_id"))
        .annotate(n=Count("occurrences__situation", distinct=True))
        .values_list("pk", "n")
    )
    cap = hub_cap()
    hub_ids = {pk for pk, n in totals.items() if n > cap}
    connecting = dict(
        within.filter(identifier_id__in=[pk for pk in totals if pk not in hub_ids])
        .values("identifier_id")
        .annotate(n=Count("situation", distinct=True))
        .filter(n__gte=2)
        .values_list("identifier_id", "n")
    )
    occurrences = list(
        within.filter(identifier_id__in=connecting)
        .select_related("district")
        .order_by("record_at", "pk")[: MAX_ROWS + 1]
    )
    truncated = len(occurrences) > MAX_ROWS
    occurrences = occurrences[:MAX_ROWS]
    identifiers = {
        row.pk: _node(row, totals[row.pk])
        for row in NetworkIdentifier.objects.filter(pk__in=set(connecting) | hub_ids)
    }
    components = _components(user, occurrences, identifiers)
    hubs = sorted((identifiers[pk] for pk in hub_ids), key=lambda n: (-n.total, n.label))
    return Network(components=components, hubs=hubs, truncated=truncated)


def _node(row: NetworkIdentifier, total: int) -> IdentifierNode:
    return IdentifierNode(
        pk=row.pk,
        kind=row.kind,
        kind_label=str(IdentifierKind(row.kind).label),
        label=identifier_masked(row.kind, row.value),
        total=total,
    )


def _components(
    user: User, occurrences: list[IdentifierOccurrence], identifiers: dict[int, IdentifierNode]
) -> list[Component]:
    parent: dict[Any, Any] = {}
    for occurrence in occurrences:
        root = _find(parent, ("i", occurrence.identifier_id))
        parent[_find(parent, ("r", _record_key(occurrence)))] = root
    opener = _Opener(user, {o.case_id for o in occurrences if o.case_id is not None})
    holders = dict(Organization.objects.values_list("pk", "short_name"))
    groups: dict[Any, Component] = {}
    seen: dict[Any, set[Any]] = {}
    for occurrence in occurrences:
        root = _find(parent, ("i", occurrence.identifier_id))
        component = groups.setdefault(root, Component(number=0))
        done = seen.setdefault(root, set())
        key = _record_key(occurrence)
        if ("i", occurrence.identifier_id) not in done:
            done.add(("i", occurrence.identifier_id))
            component.identifiers.append(identifiers[occurrence.identifier_id])
        if ("r", key) not in done:
            done.add(("r", key))
            component.records.append(_record(occurrence, key, holders, opener))
        component.edges.append((occurrence.identifier_id, key))
    ordered = sorted(
        groups.values(), key=lambda c: (-len(c.records), -len(c.identifiers), c.records[0].at)
    )
    for number, component in enumerate(ordered, start=1):
        component.number = number
    return ordered


def _record(
    occurrence: IdentifierOccurrence, key: str, holders: dict[int, str], opener: _Opener
) -> RecordNode:
    holder = holders.get(occurrence.holder_org_id or 0, "") or _("intake desk")
    return RecordNode(
        key=key,
        reference=occurrence.reference,
        kind="case" if occurrence.case_id is not None else "report",
        holder=holder,
        district=occurrence.district.name if occurrence.district else "",
        at=occurrence.record_at,
        url=opener.url(occurrence),
    )
