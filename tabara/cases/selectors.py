"""Reads of cases: the filtered list and the owning organization's open cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.cases.access import cases_owned, shared_case_keys
from tabara.cases.choices import CaseStatus
from tabara.cases.links import links
from tabara.cases.models import Case

LIST_RELATIONS = ("district", "owner_org")


@dataclass(frozen=True)
class CaseFilters:
    """The filters of the case list; empty means 'any'."""

    status: str = ""
    exploitation_type: str = ""
    district_code: str = ""
    overdue: bool = False


def _conditions(filters: CaseFilters, prefix: str = "") -> list[Any]:
    """The filters as conditions on Case (prefix "") or on a referral's case ("case__")."""
    wanted = {
        "status": filters.status,
        "exploitation_type": filters.exploitation_type,
        "district__code": filters.district_code,
    }
    conditions: list[Any] = [Q(**{prefix + k: v}) for k, v in wanted.items() if v]
    if filters.overdue:
        late = (
            links.sharing.late(OuterRef("case_id" if prefix else "pk")) if links.sharing else None
        )
        conditions.append(Exists(late) if late is not None else Q(pk__in=[]))
    return conditions


def case_list(user: User, filters: CaseFilters, *, limit: int = 50) -> list[Case]:
    """Accessible cases matching the filters, newest first, each flagged `has_overdue`.

    Owned and shared cases are ranked separately (each walks its own index) and merged:
    one OR across both would make the database sort every accessible case. Three queries
    whatever the number of rows.
    """
    newest = ("-opened_at", "-id")
    owned = cases_owned(user).filter(*_conditions(filters)).order_by(*newest)
    keys: list[tuple[datetime, int]] = list(owned.values_list("opened_at", "pk")[:limit])
    keys += shared_case_keys(user, _conditions(filters, "case__"), limit=limit)
    ids = [pk for _at, pk in sorted(keys, reverse=True)[:limit]]
    cases = (
        Case.objects.filter(pk__in=ids).select_related(*LIST_RELATIONS).defer("summary")
    ).order_by(*newest)
    return _flag_overdue(list(cases))


def _flag_overdue(cases: list[Case]) -> list[Case]:
    """Set `has_overdue` on the cases shown, in one query on their ids.

    A correlated EXISTS in the SELECT list lets PostgreSQL hash every overdue referral in
    the database; asking only about the rows on the page keeps the cost per page fixed.
    """
    ids = [case.pk for case in cases]
    late = links.sharing.late_case_ids(ids) if links.sharing is not None and ids else set()
    for case in cases:
        case.has_overdue = case.pk in late  # type: ignore[attr-defined]
    return cases


def cases_awaiting(user: User, *, limit: int = 50) -> list[Case]:
    """Active cases the user's organization owns, least recently touched first."""
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None:
        return []
    cases = (
        Case.objects.filter(owner_org_id=user.organization_id, status=CaseStatus.ACTIVE)
        .select_related(*LIST_RELATIONS)
        .defer("summary")
        .order_by("updated_at", "id")
    )
    return _flag_overdue(list(cases[:limit]))
