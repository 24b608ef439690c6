"""Reads of the search app: who matches a parsed query, within what the user may see."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.cases.access import case_list_accessible, person_list_accessible
from tabara.cases.models import Case, CasePerson
from tabara.core.phones import phone_hash
from tabara.intake.models import Report
from tabara.intake.selectors import report_list_accessible
from tabara.search.models import SearchToken
from tabara.search.query import Query, QueryKind

RESULT_LIMIT = 50


def people_matching(user: User, query: Query, *, limit: int = RESULT_LIMIT) -> list[CasePerson]:
    """People carrying every token of the query, among those the user may see; newest first.

    Every token must match (a name's tokens in any order); visibility is the cases app's
    rule (person_list_accessible), applied in the same query so nothing else is loaded.
    """
    tokens = set(query.tokens)
    if not tokens:
        return []
    matched = (
        SearchToken.objects.filter(token__in=tokens)
        .values("person_id")
        .annotate(hits=Count("token"))
        .filter(hits=len(tokens))
        .values("person_id")
    )
    people: QuerySet[CasePerson] = (
        person_list_accessible(user)
        .filter(pk__in=matched)
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
