"""Need-to-know access to cases. Every read of a case goes through these functions.

A user sees a case when their organization owns it, or has accepted a referral on it; the
referral's scope may limit the view to the presumed victims and their needs. Everything
else, including a case that does not exist, raises the same CaseNotFound (a 404), so "not
yours" and "does not exist" look the same. Analysts get de-identified statistics only
(tabara/cases/selectors.py), never a case.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.cases.choices import PersonRole
from tabara.cases.models import Case, CaseEvent, CasePerson
from tabara.referrals.models import Referral, ReferralStatus, ViewScope


class CaseNotFound(Http404):
    """The case does not exist or the user may not use it this way: the same answer."""


class Purpose(StrEnum):
    """Why a case is being opened; each purpose needs a permission and a scope."""

    VIEW = "view"
    UPDATE = "update"
    REFER = "refer"


PURPOSE_PERMISSION: dict[Purpose, Perm] = {
    Purpose.VIEW: Perm.CASE_VIEW,
    Purpose.UPDATE: Perm.CASE_OPEN,
    Purpose.REFER: Perm.CASE_REFER,
}
VICTIM_ROLES = (PersonRole.PRESUMED_VICTIM,)


@dataclass(frozen=True)
class CaseAccess:
    """A case the user may use, and how much of it they may see."""

    case: Case
    scope: ViewScope
    owner: bool

    @property
    def full(self) -> bool:
        return self.scope == ViewScope.FULL

    def people(self) -> QuerySet[CasePerson]:
        """The people this user may see: everyone, or only presumed victims when limited."""
        people = self.case.people.order_by("role", "id")
        return people if self.full else people.filter(role__in=VICTIM_ROLES)

    def timeline(self) -> QuerySet[CaseEvent]:
        """Timeline entries this user may see, oldest first, with who did what."""
        events = self.case.events.select_related("actor", "organization").order_by("at", "id")
        return events if self.full else events.filter(needs_full_scope=False)


def _accepted_for(org_id: int) -> QuerySet[Referral]:
    return Referral.objects.filter(to_org_id=org_id, status=ReferralStatus.ACCEPTED)


def case_list_accessible(user: User) -> QuerySet[Case]:
    """Cases the user's organization owns or has accepted a referral on; none without case.view."""
    return cases_owned(user) | cases_shared(user)


def cases_owned(user: User) -> QuerySet[Case]:
    """The accessible cases that the user's organization owns (fails closed like the above)."""
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None:
        return Case.objects.none()
    return Case.objects.filter(owner_org_id=user.organization_id)


def shared_case_keys(user: User, conditions: list[Any], *, limit: int) -> list[tuple[Any, int]]:
    """(opened_at, id) of the newest shared cases meeting `conditions` (on "case__" fields).

    The same rule as cases_shared(), read from the accepted referrals (ordered by the copy
    of the case's opening time) so that a busy organization's list needs no sort.
    """
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None:
        return []
    keys = (
        _accepted_for(user.organization_id)
        .exclude(case__owner_org_id=user.organization_id)
        .filter(*conditions)
        .order_by("-case_opened_at", "-case_id")
        .values_list("case_opened_at", "case_id")
    )
    return list(dict.fromkeys(keys[: 2 * limit]))[:limit]


def cases_shared(user: User) -> QuerySet[Case]:
    """The accessible cases that another organization referred to the user's, once accepted."""
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None:
        return Case.objects.none()
    accepted = _accepted_for(user.organization_id).values("case_id")
    return Case.objects.filter(pk__in=accepted).exclude(owner_org_id=user.organization_id)


def access_case_by_id(user: User, case_id: int, *, purpose: Purpose) -> CaseAccess:
    """The case and the user's view of it, if `purpose` is allowed; else CaseNotFound.

    Viewing needs case.view and ownership or an accepted referral. Updating and referring
    on need the owning organization and the matching permission.
    """
    if not user.can(PURPOSE_PERMISSION[purpose]):
        raise CaseNotFound
    case = (
        case_list_accessible(user)
        .select_related(
            "owner_org", "opened_by", "district", "origin_sector", "border_post", "report"
        )
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise CaseNotFound
    if case.owner_org_id == user.organization_id:
        return CaseAccess(case=case, scope=ViewScope.FULL, owner=True)
    if purpose != Purpose.VIEW:
        raise CaseNotFound
    scopes = set(
        _accepted_for(user.organization_id or 0)
        .filter(case_id=case.pk)
        .values_list("scope", flat=True)
    )
    scope = ViewScope.FULL if ViewScope.FULL in scopes else ViewScope.VICTIM_NEEDS
    return CaseAccess(case=case, scope=scope, owner=False)


def person_list_accessible(user: User) -> QuerySet[CasePerson]:
    """People the user may see, case by case, by the same rule as CaseAccess.people().

    Everyone in the cases the user's organization owns or took on with full scope; only the
    presumed victims where the accepted referral's scope is limited. None without case.view.
    """
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None:
        return CasePerson.objects.none()
    accepted = _accepted_for(user.organization_id)
    full = accepted.filter(scope=ViewScope.FULL).values("case_id")
    limited = accepted.exclude(scope=ViewScope.FULL).values("case_id")
    return CasePerson.objects.filter(
        Q(case__owner_org_id=user.organization_id)
        | Q(case_id__in=full)
        | Q(case_id__in=limited, role__in=VICTIM_ROLES)
    )
