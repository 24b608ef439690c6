"""Reads of referrals: the routing rules in force, queues and the overdue dashboard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from django.db.models import Case as Choose
from django.db.models import IntegerField, Min, Q, QuerySet, Value, When
from django.utils import timezone

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.core.domain_errors import NotFound
from tabara.referrals.models import OPEN_STATUSES, Referral, ReferralStatus, RoutingRuleSet

QUEUE_RELATIONS = ("case", "case__district", "from_org", "to_org")


class ReferralNotFound(NotFound):
    """The referral does not exist or is not for the user's organization."""


def routing_ruleset_current() -> RoutingRuleSet | None:
    """The newest published routing rule set, which is the one in force."""
    return RoutingRuleSet.objects.order_by("-version").first()


def _overdue_first(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    now = timezone.now()
    return referrals.annotate(
        overdue_rank=Choose(
            When(status=ReferralStatus.SENT, deadline_at__lt=now, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("overdue_rank", "deadline_at", "id")


def referral_queue(user: User, *, limit: int = 50) -> list[Referral]:
    """Open referrals waiting for the user's organization to act, overdue first.

    Ranked on the (to_org, status, deadline_at) index alone, then the page's rows are
    fetched with their relations: two queries, without joining every open referral.
    """
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None:
        return []
    waiting = Referral.objects.filter(to_org_id=user.organization_id, status__in=OPEN_STATUSES)
    ids = list(_overdue_first(waiting).values_list("pk", flat=True)[:limit])
    rows = (
        _overdue_first(Referral.objects.filter(pk__in=ids))
        .select_related(*QUEUE_RELATIONS)
        .defer("case__summary")
    )
    return list(rows)


def referrals_overdue(user: User) -> QuerySet[Referral]:
    """For supervisors: referrals sent or received by their organization, unacknowledged late."""
    if not user.can(Perm.CASE_SUPERVISE) or user.organization_id is None:
        return Referral.objects.none()
    org = user.organization_id
    return (
        Referral.objects.select_related(*QUEUE_RELATIONS)
        .filter(Q(to_org_id=org) | Q(from_org_id=org))
        .filter(status=ReferralStatus.SENT, deadline_at__lt=timezone.now())
        .order_by("deadline_at", "id")
    )


def referrals_of_case(user: User, *, case_id: int, owner: bool) -> QuerySet[Referral]:
    """Referrals on a case the user can see: all for the owner, else their own org's only."""
    referrals = Referral.objects.select_related("from_org", "to_org").filter(case_id=case_id)
    if not owner:
        referrals = referrals.filter(to_org_id=user.organization_id)
    return referrals.order_by("sent_at", "id")


def referral_firsts() -> Iterator[tuple[int, datetime, datetime | None]]:
    """(case id, first referral sent, first referral accepted) of every referred case.

    For the statistics snapshot (tabara/dashboards): dates only. A closed referral was
    accepted first (referral_close only closes accepted ones), so its answer counts.
    """
    accepted = Q(status__in=(ReferralStatus.ACCEPTED, ReferralStatus.CLOSED))
    rows = (
        Referral.objects.values("case_id")
        .annotate(sent=Min("sent_at"), accepted=Min("responded_at", filter=accepted))
        .order_by()
        .values_list("case_id", "sent", "accepted")
    )
    yield from rows.iterator(chunk_size=20_000)
