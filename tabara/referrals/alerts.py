"""Who hears about a referral, written to the outbox in the caller's transaction."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Perm
from tabara.core.links import absolute_url
from tabara.core.times import kigali_time
from tabara.notifications.models import Channel
from tabara.notifications.services import notification_enqueue
from tabara.referrals.models import Referral


def _members(org: Organization) -> QuerySet[User]:
    return User.objects.filter(organization=org, is_active=True).order_by("pk")


def _link(referral: Referral, org: Organization) -> str:
    """The receiving organization opens the referral; the sending one, its case."""
    if org.pk == referral.to_org_id:
        return reverse("referrals:detail", args=[referral.pk])
    return reverse("cases:detail", args=[referral.case_id])


def alert_organization(
    *, referral: Referral, org: Organization, event: str, subject: str, supervisors_only: bool
) -> int:
    """Notify the organization's responders (or only its supervisors) in-app and by email."""
    perm = Perm.CASE_SUPERVISE if supervisors_only else Perm.REFERRAL_RESPOND
    body = _(
        "%(subject)s\nUrgency: %(urgency)s. Acknowledge by %(deadline)s (Kigali time).\n"
        "Open: %(url)s"
    ) % {
        "subject": subject,
        "urgency": referral.get_urgency_display(),
        "deadline": kigali_time(referral.deadline_at),
        "url": absolute_url(_link(referral, org)),
    }
    sent = 0
    for user in _members(org):
        if not user.can(perm):
            continue
        for channel in (Channel.IN_APP, Channel.EMAIL):
            notification = notification_enqueue(
                event_key=event, channel=channel, subject=subject, body=body, user=user
            )
            sent += notification is not None
    return sent
