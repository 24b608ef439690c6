"""Reading the audit log: who may see which events, and the viewer's filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditEvent


@dataclass(frozen=True)
class AuditFilters:
    """What the viewer asked for; empty values filter nothing."""

    actor: str = ""
    action: str = ""
    target_type: str = ""
    target_id: str = ""
    organization_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None


def audit_events_visible(user: User) -> QuerySet[AuditEvent]:
    """Events this user may read: all for a national administrator, else their organization's.

    An organization's administrator sees what its staff did while they belonged to it (the
    event keeps the organization of its time); events without an actor (public reports,
    failed sign-ins) and other organizations' events are national only.
    """
    events = AuditEvent.objects.select_related("actor", "organization")
    if not user.can(Perm.AUDIT_VIEW):
        return events.none()
    if user.can(Perm.ACCOUNTS_MANAGE_ALL):
        return events
    return events.filter(organization_id=user.organization_id or 0)


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_events_filter(
    events: QuerySet[AuditEvent], filters: AuditFilters
) -> QuerySet[AuditEvent]:
    """Apply the viewer's filters; dates are whole days on Kigali's clock, both included."""
    if filters.actor:
        events = events.filter(actor_label__iexact=filters.actor.strip())
    if filters.action:
        events = events.filter(action=filters.action)
    if filters.target_type:
        events = events.filter(target_type=filters.target_type.strip())
    if filters.target_id:
        events = events.filter(target_id=filters.target_id.strip())
    if filters.organization_id is not None:
        events = events.filter(organization_id=filters.organization_id)
    if filters.date_from is not None:
        events = events.filter(occurred_at__gte=_day_start(filters.date_from))
    if filters.date_to is not None:
        events = events.filter(occurred_at__lt=_day_start(filters.date_to + timedelta(days=1)))
    return events.order_by("-id")
