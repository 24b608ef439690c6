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

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.cases.choices import AssessmentKind, PersonRole, ViewScope
from tabara.cases.links import links
from tabara.cases.models import (
    Case,
    CaseAssessment,
    CaseEvent,
    CaseFollowUp,
    CaseNote,
    CasePerson,
    CaseService,
)
from tabara.core.domain_errors import NotFound


class CaseNotFound(NotFound):
    """The case does not exist or the user may not use it this way: the same answer."""


class Purpose(StrEnum):
    """Why a case is being opened; each purpose needs a permission and a scope."""

    VIEW = "view"
    UPDATE = "update"
    REFER = "refer"
    ASSIGN = "assign"
    NOTE = "note"  # read and write case notes: the owner and partners with a full view
    PROVIDE = "provide"  # record progress on a service: the owner and any accepting partner


PURPOSE_PERMISSION: dict[Purpose, Perm] = {
    Purpose.VIEW: Perm.CASE_VIEW,
    Purpose.UPDATE: Perm.CASE_OPEN,
    Purpose.REFER: Perm.CASE_REFER,
    Purpose.ASSIGN: Perm.CASE_SUPERVISE,
    Purpose.NOTE: Perm.CASE_VIEW,
    Purpose.PROVIDE: Perm.CASE_VIEW,
}
# What a partner that does not own the case may do, by the scope its referral grants.
PARTNER_PURPOSES: dict[ViewScope, frozenset[Purpose]] = {
    ViewScope.FULL: frozenset({Purpose.VIEW, Purpose.NOTE, Purpose.PROVIDE}),
    ViewScope.VICTIM_NEEDS: frozenset({Purpose.VIEW, Purpose.PROVIDE}),
}
VICTIM_ROLES = (PersonRole.PRESUMED_VICTIM,)


@dataclass(frozen=True)
class CaseAccess:
    """A case the user may use, and how much of it they may see."""

    case: Case
    scope: ViewScope
    owner: bool
    viewer_org_id: int | None = None

    @property
    def full(self) -> bool:
        return self.scope == ViewScope.FULL

    def people(self) -> QuerySet[CasePerson]:
        """The people this user may see: everyone, or only presumed victims when limited."""
        people = self.case.people.order_by("role", "id")
        return people if self.full else people.filter(role__in=VICTIM_ROLES)

    def notes(self) -> QuerySet[CaseNote]:
        """Case notes: for the owner and partners with a full view; nothing otherwise."""
        if not self.full:
            return CaseNote.objects.none()
        return self.case.notes.select_related("author", "author_org").order_by("written_at", "id")

    def services(self) -> QuerySet[CaseService]:
        """The plan's services: all of them, or only those a limited partner provides."""
        services = self.case.services.select_related("provider_org").order_by("created_at", "id")
        return services if self.full else services.filter(provider_org_id=self.viewer_org_id)

    def assessments(self) -> QuerySet[CaseAssessment]:
        """Assessments, newest first; a limited partner sees the needs assessments only."""
        found = self.case.assessments.select_related("assessed_by").order_by("-assessed_at", "-id")
        return found if self.full else found.filter(kind=AssessmentKind.NEEDS)

    def follow_ups(self) -> QuerySet[CaseFollowUp]:
        """Reintegration follow-ups: for the owner and partners with a full view."""
        return self.case.follow_ups.order_by("due_on") if self.full else CaseFollowUp.objects.none()

    def timeline(self) -> QuerySet[CaseEvent]:
        """Timeline entries this user may see, oldest first, with who did what.

        A limited view shows neither entries that need the whole case nor any entry done by
        or about a third organization: a shelter must not learn who else received the case.
        """
        events = self.case.events.select_related("actor", "organization").order_by("at", "id")
        if self.full:
            return events
        known = {self.case.owner_org_id, self.viewer_org_id}
        return events.filter(
            Q(organization__isnull=True) | Q(organization_id__in=known),
            Q(subject_org__isnull=True) | Q(subject_org_id=self.viewer_org_id),
            needs_full_scope=False,
        )


def _accepted_for(org_id: int) -> QuerySet[Any] | None:
    """Grants of access to cases owned by others (accepted referrals); None if nothing shares."""
    return links.sharing.grants(org_id) if links.sharing is not None else None


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
    grants = _accepted_for(user.organization_id or 0)
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None or grants is None:
        return []
    keys = (
        grants.exclude(case__owner_org_id=user.organization_id)
        .filter(*conditions)
        .order_by("-case_opened_at", "-case_id")
        .values_list("case_opened_at", "case_id")
    )
    return list(dict.fromkeys(keys[: 2 * limit]))[:limit]


def cases_shared(user: User) -> QuerySet[Case]:
    """The accessible cases that another organization referred to the user's, once accepted."""
    grants = _accepted_for(user.organization_id or 0)
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None or grants is None:
        return Case.objects.none()
    accepted = grants.values("case_id")
    return Case.objects.filter(pk__in=accepted).exclude(owner_org_id=user.organization_id)


def access_case_by_id(user: User, case_id: int, *, purpose: Purpose) -> CaseAccess:
    """The case and the user's view of it, if `purpose` is allowed; else CaseNotFound.

    Viewing needs case.view and ownership or an accepted referral. Updating, referring and
    assigning need the owning organization; notes need the owner or a full view; recording
    a service's progress, any accepted referral (PARTNER_PURPOSES).
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
        return CaseAccess(case, ViewScope.FULL, owner=True, viewer_org_id=user.organization_id)
    grants = _accepted_for(user.organization_id or 0)
    if grants is None:
        raise CaseNotFound
    scopes = set(grants.filter(case_id=case.pk).values_list("scope", flat=True))
    scope = ViewScope.FULL if ViewScope.FULL in scopes else ViewScope.VICTIM_NEEDS
    if purpose not in PARTNER_PURPOSES[scope]:
        raise CaseNotFound
    return CaseAccess(case, scope, owner=False, viewer_org_id=user.organization_id)


def shared_grants(user: User) -> QuerySet[Any] | None:
    """Accepted referrals to the user's organization (`case_id`, `scope`); None if none may."""
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None:
        return None
    return _accepted_for(user.organization_id)


def person_list_accessible(user: User) -> QuerySet[CasePerson]:
    """People the user may see, case by case, by the same rule as CaseAccess.people().

    Everyone in the cases the user's organization owns or took on with full scope; only the
    presumed victims where the accepted referral's scope is limited. None without case.view.
    """
    accepted = _accepted_for(user.organization_id or 0)
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None or accepted is None:
        return CasePerson.objects.none()
    full = accepted.filter(scope=ViewScope.FULL).values("case_id")
    limited = accepted.exclude(scope=ViewScope.FULL).values("case_id")
    return CasePerson.objects.filter(
        Q(case__owner_org_id=user.organization_id)
        | Q(case_id__in=full)
        | Q(case_id__in=limited, role__in=VICTIM_ROLES)
    )
