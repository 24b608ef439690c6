"""Who hears about a referral, written to the outbox in the caller's transaction.

Each recipient reads the alert in their own language, with the deadline on Kigali's clock
and an absolute link: the receiving organization opens the referral, the sending one its case.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Perm
from tabara.notifications.services import staff_notify
from tabara.notifications.texts import Link, Text
from tabara.referrals.models import Referral, Urgency

BODY = _(
    "%(subject)s\nUrgency: %(urgency)s. Acknowledge by %(deadline)s (Kigali time).\nOpen: %(url)s"
)


def _members(org: Organization) -> QuerySet[User]:
    return User.objects.filter(organization=org, is_active=True).order_by("pk")


def _link(referral: Referral, org: Organization) -> Link:
    if org.pk == referral.to_org_id:
        return Link("referrals:detail", (referral.pk,))
    return Link("cases:detail", (referral.case_id,))


def alert_organization(
    *, referral: Referral, org: Organization, event: str, subject: Text, supervisors_only: bool
) -> int:
    """Notify the organization's responders (or only its supervisors) in-app and by email."""
    perm = Perm.CASE_SUPERVISE if supervisors_only else Perm.REFERRAL_RESPOND
    body = Text(
        BODY,
        {
            "subject": subject,
            "urgency": Urgency(referral.urgency).label,
            "deadline": referral.deadline_at,
            "url": _link(referral, org),
        },
    )
    sent = 0
    for user in _members(org):
        if user.can(perm):
            sent += staff_notify(user=user, event_key=event, subject=subject, body=body)
    return sent
