"""Reading one referral: by the organization that received it, or read-only by the one that
sent it (its status, the reason it was declined, its outcome and its timeline). Every read
is audited in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Q

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.choices import ServiceStatus, ServiceType
from tabara.cases.models import CaseServiceUpdate
from tabara.referrals.models import Referral, ReferralStatus
from tabara.referrals.selectors import QUEUE_RELATIONS, ReferralNotFound


@dataclass(frozen=True)
class Step:
    """One dated step of a referral's life, as both organizations may read it."""

    at: datetime
    label: str
    organization: Organization | None


@dataclass(frozen=True)
class ReferralView:
    """A referral and which side of it the reader's organization is on."""

    referral: Referral
    receiver: bool

    @property
    def sender(self) -> bool:
        return not self.receiver


@transaction.atomic
def referral_view(*, user: User, referral_id: int) -> ReferralView:
    """The referral if the user's organization sent or received it; the read is audited."""
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None:
        raise ReferralNotFound
    org = user.organization_id
    referral = (
        Referral.objects.select_related(*QUEUE_RELATIONS, "service", "service__provider_org")
        .filter(Q(to_org_id=org) | Q(from_org_id=org), pk=referral_id)
        .first()
    )
    if referral is None:
        raise ReferralNotFound
    receiver = referral.to_org_id == org
    audit_record(
        actor=user,
        action=AuditAction.REFERRAL_VIEWED,
        target_type="referral",
        target_id=referral.pk,
        extra={"case": referral.case_id, "side": "receiver" if receiver else "sender"},
    )
    return ReferralView(referral=referral, receiver=receiver)


def referral_timeline(referral: Referral) -> list[Step]:
    """The referral's steps, oldest first, and the progress of the service it carries."""
    labels = dict(ReferralStatus.choices)
    steps = [Step(referral.sent_at, str(labels[ReferralStatus.SENT]), referral.from_org)]
    if referral.acknowledged_at:
        label = labels[ReferralStatus.ACKNOWLEDGED]
        steps.append(Step(referral.acknowledged_at, str(label), referral.to_org))
    if referral.responded_at and referral.status != ReferralStatus.ACKNOWLEDGED:
        answer = (
            ReferralStatus.DECLINED
            if referral.status == ReferralStatus.DECLINED
            else ReferralStatus.ACCEPTED
        )
        steps.append(Step(referral.responded_at, str(labels[answer]), referral.to_org))
    if referral.closed_at:
        steps.append(Step(referral.closed_at, str(labels[ReferralStatus.CLOSED]), referral.to_org))
    if referral.service_id is not None:
        statuses = dict(ServiceStatus.choices)
        service = ServiceType(referral.service.service_type).label  # type: ignore[union-attr]
        updates = CaseServiceUpdate.objects.filter(service_id=referral.service_id).select_related(
            "by_org"
        )
        steps += [Step(u.at, f"{service} · {statuses[u.status]}", u.by_org) for u in updates]
    return sorted(steps, key=lambda step: step.at)
