"""Reads of the search app: who matches a parsed query, within what the user may see."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Concat

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.cases.access import (
    VICTIM_ROLES,
    case_list_accessible,
    person_list_accessible,
    shared_grants,
)
from tabara.cases.choices import ViewScope
from tabara.cases.models import Case, CasePerson
from tabara.core.phones import phone_hash
from tabara.intake.models import Report
from tabara.intake.selectors import report_list_accessible
from tabara.search.models import SearchToken
from tabara.search.query import Query, QueryKind

RESULT_LIMIT = 50


# Counting a token's rows stops at the first of these caps that one token stays under:
# enough to find the rarest token without counting all of a common name's rows.
COUNT_CAPS = (2_000, 20_000)
# Shared cases probed first, newest first, before all the others.
SHARED_FIRST = 500


def _rarest(tokens: list[str], org_id: int) -> str:
    """The token with the fewest rows in the organization's own cases."""
    counts: dict[str, int] = {}
    for cap in COUNT_CAPS:
        rows = SearchToken.objects.filter(owner_org_id=org_id)
        counts = {token: rows.filter(token=token)[:cap].count() for token in tokens}
        if min(counts.values()) < cap:
            break
    return min(tokens, key=lambda token: counts[token])


def _having_all(rows: QuerySet[SearchToken], others: list[str]) -> QuerySet[SearchToken]:
    """Rows whose person also carries every token of `others` (one index probe each)."""
    for token in others:
        probe = SearchToken.objects.filter(token=token, person_id=OuterRef("person_id"))
        rows = rows.filter(Exists(probe))
    return rows


def _newest(rows: QuerySet[SearchToken], limit: int) -> list[tuple[Any, int, int]]:
    keys = rows.order_by("-opened_at", "-case_id", "person_id")
    return list(keys.values_list("opened_at", "case_id", "person_id")[:limit])


def _newest_shared(
    user: User, driver: str, others: list[str], limit: int, since: Any
) -> list[tuple[Any, int, int]]:
    """The newest matches in cases shared with the user's organization by accepted referrals.

    A token with fewer rows than there are shared cases is read whole. A more common one is
    probed case by case through the (case, token) index, the newest SHARED_FIRST cases
    first, the others only if fewer than `limit` people were found. On SQLite, which keeps
    no statistics per value, the token is compared through an expression so that the
    planner cannot pick the token index and read all of a common name's rows; PostgreSQL
    knows common values and picks the case index itself. Where a referral's scope is
    limited, only presumed victims count. With `since` (the opening time of the last of a
    full page of the organization's own matches), older shared cases are not probed: they
    could not show.
    """
    grants = shared_grants(user)
    if grants is None:
        return []
    if since is not None:
        grants = grants.filter(case_opened_at__gte=since)
    shared = grants.count()
    full = grants.filter(scope=ViewScope.FULL).values("case_id")
    visible = Q(case_id__in=full) | Q(person__role__in=VICTIM_ROLES)
    rows = SearchToken.objects.filter(token=driver)
    if rows[:shared].count() < shared:
        rows = rows.filter(visible, case_id__in=grants.values("case_id"))
        return _newest(_having_all(rows, others), limit)
    # Newest shared cases first, stopping when enough are found; then all the others.
    newest = grants.order_by("-case_opened_at", "-case_id").values("case_id")
    probed = SearchToken.objects.filter(token=driver)
    if connection.vendor == "sqlite":  # no statistics per value: hide the token index
        probed = SearchToken.objects.alias(probed=Concat("token", Value(""))).filter(probed=driver)
    found: list[tuple[Any, int, int]] = []
    for cases in (newest[:SHARED_FIRST], newest[SHARED_FIRST:]):
        found += _newest(_having_all(probed.filter(visible, case_id__in=cases), others), limit)
        if len(found) >= limit or shared <= SHARED_FIRST:
            break
    return found


def people_matching(user: User, query: Query, *, limit: int = RESULT_LIMIT) -> list[CasePerson]:
    """People carrying every token of the query, among those the user may see; newest first.

    Every token must match (a name's tokens in any order). The work is bounded by the
    rarest token, not by the size of the index: for the cases the user's organization
    owns, it reads that token's rows within the organization (newest first, stopping at
    `limit`) and probes the other tokens person by person; for cases shared with it by
    accepted referrals, it probes those cases. The final read goes through the cases app's
    rule (person_list_accessible), so nothing is shown that the case page would not show.
    """
    tokens = sorted(set(query.tokens))
    org_id = user.organization_id
    if not tokens or org_id is None or not user.can(Perm.CASE_VIEW):
        return []
    driver = tokens[0] if len(tokens) == 1 else _rarest(tokens, org_id)
    others = [t for t in tokens if t != driver]
    keys = _newest(
        _having_all(SearchToken.objects.filter(token=driver, owner_org_id=org_id), others), limit
    )
    since = keys[-1][0] if len(keys) == limit else None
    keys += _newest_shared(user, driver, others, limit, since)
    newest = sorted(set(keys), reverse=True)[: 2 * limit]
    # The case ids too: without them PostgreSQL joins every case to check the rule.
    people: QuerySet[CasePerson] = (
        person_list_accessible(user)
        .filter(pk__in=[key[2] for key in newest], case_id__in={key[1] for key in newest})
        .select_related("case", "case__owner_org", "case__district")
        .order_by("-case__opened_at", "-case_id", "role", "pk")
    )
    return list(people[:limit])


def case_by_reference(user: User, query: Query) -> list[Case]:
    if query.kind != QueryKind.CASE:
        return []
    return list(case_list_accessible(user).filter(pk=query.record_id).select_related("owner_org"))


def reports_matching(user: User, query: Query, *, limit: int = RESULT_LIMIT) -> list[Report]:
    """Reports by reference, or by the keyed hash of the reporter's phone (kept by intake)."""
    if not user.can(Perm.REPORT_VIEW):
        return []
    reports = report_list_accessible(user)
    if query.kind == QueryKind.REPORT:
        return list(reports.filter(pk=query.record_id))
    if query.kind == QueryKind.PHONE:
        return list(reports.filter(contact_hash=phone_hash(query.phone))[:limit])
    return []
