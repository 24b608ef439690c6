"""Writes of the referrals app: send, acknowledge, accept or decline, close, escalate.

Every change writes the referral, a case timeline entry, an audit event and the alerts it
causes (through the notifications outbox) in one transaction.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.access import Purpose, access_case_by_id
from tabara.cases.choices import EventKind, ServiceType
from tabara.cases.models import Case
from tabara.cases.plan import case_service_not_provided, case_service_plan
from tabara.cases.services import case_event_record, case_owner_transfer
from tabara.notifications.texts import Text
from tabara.referrals.alerts import alert_organization
from tabara.referrals.models import (
    ACKNOWLEDGE_WITHIN,
    OPEN_STATUSES,
    Referral,
    ReferralKind,
    ReferralStatus,
    Urgency,
    ViewScope,
)
from tabara.referrals.preview import case_routes
from tabara.referrals.rulesets import routing_load_default
from tabara.referrals.selectors import ReferralNotFound as ReferralNotFound
from tabara.referrals.selectors import routing_ruleset_current

MAX_ESCALATIONS = 3


class ConsentRequired(Exception):
    """Sharing needs the presumed victim's consent or a supervisor's override."""


class InvalidTransition(Exception):
    """The referral is not in a state that allows this step."""


def _audit(user: User | None, action: AuditAction, referral: Referral, **extra: object) -> None:
    audit_record(
        actor=user,
        action=action,
        target_type="referral",
        target_id=referral.pk,
        extra={"case": referral.case_id, **extra},
    )


@transaction.atomic
def referral_send(
    *,
    user: User,
    case_id: int,
    to_org: Organization,
    urgency: Urgency = Urgency.NORMAL,
    scope: ViewScope = ViewScope.FULL,
    kind: ReferralKind = ReferralKind.REFERRAL,
    reason: str = "",
    override_consent: bool = False,
    rule_id: str = "",
    ruleset_version: int | None = None,
    service_type: ServiceType | None = None,
) -> Referral:
    """Refer a case (or offer its ownership) to another organization, with a deadline.

    Without recorded consent, only a supervisor's explicit override allows it; the
    override is audited. Refuses a second open referral to the same organization. With a
    service type, the referral carries a new service of the plan, provided by the receiver.
    """
    case = access_case_by_id(user, case_id, purpose=Purpose.REFER).case
    referral = _referral_create(
        user=user,
        case=case,
        to_org=to_org,
        urgency=urgency,
        scope=scope,
        kind=kind,
        reason=reason,
        override_consent=override_consent,
        rule_id=rule_id,
        ruleset_version=ruleset_version,
    )
    if service_type is not None:
        service = case_service_plan(
            user=user, case_id=case.pk, service_type=service_type, provider_org=to_org
        )
        Referral.objects.filter(pk=referral.pk).update(service=service)
        referral.service = service
    return referral


def _referral_create(
    *,
    user: User,
    case: Case,
    to_org: Organization,
    urgency: Urgency,
    scope: ViewScope,
    kind: ReferralKind,
    reason: str,
    override_consent: bool,
    rule_id: str,
    ruleset_version: int | None,
) -> Referral:
    if to_org.pk == case.owner_org_id:
        raise InvalidTransition("a case is not referred to its own organization")
    if not case.consent_to_share:
        if not (override_consent and user.can(Perm.CONSENT_OVERRIDE)):
            raise ConsentRequired
        audit_record(
            actor=user,
            action=AuditAction.CASE_CONSENT_OVERRIDDEN,
            target_type="case",
            target_id=case.pk,
            extra={"to_org": to_org.pk},
        )
        case_event_record(case=case, kind=EventKind.CONSENT_OVERRIDDEN, actor=user)
    if Referral.objects.filter(case=case, to_org=to_org, status__in=OPEN_STATUSES).exists():
        raise InvalidTransition("an open referral to this organization exists")
    now = timezone.now()
    deadline = now + ACKNOWLEDGE_WITHIN[urgency]
    referral = Referral.objects.create(
        case=case,
        kind=kind,
        from_org_id=case.owner_org_id,
        to_org=to_org,
        urgency=urgency,
        scope=scope,
        reason=reason,
        rule_id=rule_id,
        ruleset_version=ruleset_version,
        consent_overridden=not case.consent_to_share,
        case_opened_at=case.opened_at,
        sent_by=user,
        sent_at=now,
        deadline_at=deadline,
        next_escalation_at=deadline,
    )
    case_event_record(
        case=case, kind=EventKind.REFERRAL_SENT, actor=user, subject_org=to_org, note=str(to_org)
    )
    _audit(user, AuditAction.REFERRAL_SENT, referral, to_org=to_org.pk, rule=rule_id)
    alert_organization(
        referral=referral,
        org=to_org,
        event=f"referral:{referral.pk}:sent",
        subject=Text(
            _("New referral %(case)s (%(urgency)s)"),
            {"case": case.reference, "urgency": Urgency(referral.urgency).label},
        ),
        supervisors_only=False,
    )
    return referral


@transaction.atomic
def referrals_route_case(*, user: User, case: Case) -> list[Referral]:
    """Send the referrals the routing rules in force name for a case the user just opened.

    Routing is the organization's standing decision, not the officer's: an intake officer
    who may not refer by hand still triggers it when opening a case with consent.
    """
    # The shipped defaults are in force until an administrator publishes a version (a
    # flushed or hand-made database may lack the row the data migration wrote).
    ruleset = routing_ruleset_current() or routing_load_default()
    sent = []
    for route, org in case_routes(case, ruleset.rules):
        sent.append(
            _referral_create(
                user=user,
                case=case,
                to_org=org,
                urgency=Urgency(route.urgency),
                scope=ViewScope(route.scope),
                kind=ReferralKind.REFERRAL,
                override_consent=False,
                reason=", ".join(route.rule_ids),
                rule_id=route.rule_ids[0],
                ruleset_version=ruleset.version,
            )
        )
    return sent


def _incoming(user: User, referral_id: int) -> Referral:
    if not user.can(Perm.REFERRAL_RESPOND):
        raise ReferralNotFound
    referral = (
        Referral.objects.select_for_update()
        .select_related("case", "to_org", "from_org")
        .filter(pk=referral_id, to_org_id=user.organization_id)
        .first()
    )
    if referral is None:
        raise ReferralNotFound
    return referral


def _step(
    user: User,
    referral: Referral,
    *,
    allowed: tuple[str, ...],
    status: ReferralStatus,
    event: EventKind,
    action: AuditAction,
    **fields: object,
) -> Referral:
    if referral.status not in allowed:
        raise InvalidTransition(f"cannot go from {referral.status} to {status}")
    Referral.objects.filter(pk=referral.pk).update(status=status, **fields)
    case_event_record(
        case=referral.case,
        kind=event,
        actor=user,
        subject_org=referral.to_org,
        note=str(referral.to_org),
    )
    _audit(user, action, referral)
    referral.refresh_from_db()
    return referral


@transaction.atomic
def referral_acknowledge(*, user: User, referral_id: int) -> Referral:
    """The receiving organization confirms it has seen the referral: the deadline is met."""
    referral = _incoming(user, referral_id)
    return _step(
        user,
        referral,
        allowed=(ReferralStatus.SENT,),
        status=ReferralStatus.ACKNOWLEDGED,
        event=EventKind.REFERRAL_ACKNOWLEDGED,
        action=AuditAction.REFERRAL_ACKNOWLEDGED,
        acknowledged_at=timezone.now(),
        next_escalation_at=None,
    )


def _answer(user: User, referral_id: int, status: ReferralStatus, **fields: object) -> Referral:
    """Accept or decline: both meet the deadline, name who answered and stop escalation."""
    referral = _incoming(user, referral_id)
    now = timezone.now()
    accepted = status == ReferralStatus.ACCEPTED
    return _step(
        user,
        referral,
        allowed=OPEN_STATUSES,
        status=status,
        event=EventKind.REFERRAL_ACCEPTED if accepted else EventKind.REFERRAL_DECLINED,
        action=AuditAction.REFERRAL_ACCEPTED if accepted else AuditAction.REFERRAL_DECLINED,
        acknowledged_at=referral.acknowledged_at or now,
        responded_at=now,
        responded_by=user,
        next_escalation_at=None,
        **fields,
    )


@transaction.atomic
def referral_accept(*, user: User, referral_id: int) -> Referral:
    """Accept: the organization now sees the case (within the referral's scope), or owns it."""
    referral = _answer(user, referral_id, ReferralStatus.ACCEPTED)
    if referral.kind == ReferralKind.TRANSFER:
        case_owner_transfer(actor=user, case=referral.case, to_org=referral.to_org)
    return referral


@transaction.atomic
def referral_decline(*, user: User, referral_id: int, reason: str) -> Referral:
    """Decline with a reason; the sending organization is told."""
    if not reason.strip():
        raise InvalidTransition("a reason is required")
    referral = _answer(
        user, referral_id, ReferralStatus.DECLINED, decline_reason=reason.strip()[:300]
    )
    if referral.service_id is not None:
        case_service_not_provided(by=user, service_id=referral.service_id, reason=reason)
    alert_organization(
        referral=referral,
        org=referral.from_org,
        event=f"referral:{referral.pk}:declined",
        subject=Text(
            _("Referral %(case)s declined by %(org)s"),
            {"case": referral.case.reference, "org": referral.to_org.short_name},
        ),
        supervisors_only=False,
    )
    return referral


@transaction.atomic
def referral_close(*, user: User, referral_id: int, outcome: str) -> Referral:
    """Close an accepted referral with its outcome; the organization's access ends."""
    referral = _incoming(user, referral_id)
    return _step(
        user,
        referral,
        allowed=(ReferralStatus.ACCEPTED,),
        status=ReferralStatus.CLOSED,
        event=EventKind.REFERRAL_CLOSED,
        action=AuditAction.REFERRAL_CLOSED,
        closed_at=timezone.now(),
        outcome=outcome.strip()[:300],
    )


@transaction.atomic
def referrals_escalate_due(*, now: datetime | None = None) -> int:
    """Alert both organizations' supervisors about referrals not acknowledged in time.

    A referral past its deadline escalates once per deadline interval, up to
    MAX_ESCALATIONS times; each level alerts each supervisor once (outbox event keys).
    """
    now = now or timezone.now()
    due = (
        Referral.objects.select_for_update()
        .select_related("case", "from_org", "to_org")
        .filter(status=ReferralStatus.SENT, next_escalation_at__lte=now)
    )
    count = 0
    for referral in due:
        level = referral.escalation_level + 1
        again = level < MAX_ESCALATIONS
        Referral.objects.filter(pk=referral.pk).update(
            escalation_level=level,
            next_escalation_at=now + ACKNOWLEDGE_WITHIN[referral.urgency] if again else None,
        )
        subject = Text(
            _("Overdue referral %(case)s to %(org)s (alert %(level)s)"),
            {"case": referral.case.reference, "org": referral.to_org.short_name, "level": level},
        )
        for org in (referral.from_org, referral.to_org):
            alert_organization(
                referral=referral,
                org=org,
                event=f"referral:{referral.pk}:overdue:{level}",
                subject=subject,
                supervisors_only=True,
            )
        case_event_record(
            case=referral.case,
            kind=EventKind.REFERRAL_ESCALATED,
            actor=None,
            organization=referral.to_org,
            subject_org=referral.to_org,
            note=str(level),
        )
        _audit(None, AuditAction.REFERRAL_ESCALATED, referral, level=level)
        count += 1
    return count
