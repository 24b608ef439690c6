"""What the linkage app reads of cases: presumed victims, and which cases an organization
may open. Linkage never imports cases' models; it asks here (ARCHITECTURE.md invariants).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from tabara.cases.access import VICTIM_ROLES, _accepted_for
from tabara.cases.models import CasePerson


def victims_for_linkage() -> QuerySet[CasePerson]:
    """Every presumed victim of every case, with the case's district; oldest first."""
    return (
        CasePerson.objects.filter(role__in=VICTIM_ROLES)
        .select_related("case__district")
        .order_by("id")
    )


def people_by_id(ids: Iterable[int]) -> dict[int, CasePerson]:
    """Case persons by id, with their case (for the rule of people_open_to_organization)."""
    return {p.pk: p for p in CasePerson.objects.filter(pk__in=list(ids)).select_related("case")}


def people_open_to_organization(organization_id: int | None, ids: Iterable[int]) -> set[int]:
    """Of these presumed victims, those whose case the organization may open.

    The case page's rule (access.py): the organization owns the case or accepted a
    referral of it; both scopes of a referral show the presumed victims.
    """
    if organization_id is None:
        return set()
    people = CasePerson.objects.filter(pk__in=list(ids), role__in=VICTIM_ROLES)
    owned = set(people.filter(case__owner_org_id=organization_id).values_list("pk", flat=True))
    grants = _accepted_for(organization_id)
    shared: set[int] = set()
    if grants is not None:
        shared = set(
            people.filter(case_id__in=grants.values("case_id")).values_list("pk", flat=True)
        )
    return owned | shared
