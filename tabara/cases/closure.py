"""Closing a case with its HTCDS reason, and the reintegration follow-ups that come after.

The reason decides the HTCDS status: a person reintegrated leaves the case in *follow-up*
with visits due 3, 6 and 12 months later; a case handed on is *closed: referred*; any other
reason closes it. Follow-ups whose day has come remind the assigned worker through the
outbox (`manage.py cases_remind --loop`, started by `make run`); recording the last one
closes the case.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.access import CaseNotFound, Purpose, access_case_by_id
from tabara.cases.alerts import alert_staff
from tabara.cases.choices import CaseStatus, ClosureReason, EventKind, FollowUpOutcome
from tabara.cases.models import Case, CaseFollowUp
from tabara.cases.services import case_event_record
from tabara.notifications.texts import Text

FOLLOW_UP_MONTHS = (3, 6, 12)
STATUS_FOR_REASON = {
    ClosureReason.REINTEGRATED: CaseStatus.FOLLOW_UP,
    ClosureReason.REFERRED: CaseStatus.CLOSED_REFERRED,
}
OPEN = (CaseStatus.ACTIVE,)


class ClosureInvalid(Exception):
    """The case is already closed, or "other" was chosen without saying why."""


def months_later(day: date, months: int) -> date:
    """The same day `months` later, or that month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@transaction.atomic
def case_close(*, user: User, case_id: int, reason: ClosureReason, details: str = "") -> Case:
    """Close an active case with a reason (the owning organization's act)."""
    case = access_case_by_id(user, case_id, purpose=Purpose.UPDATE).case
    details = details.strip()
    if case.status not in OPEN or (reason == ClosureReason.OTHER and not details):
        raise ClosureInvalid
    status = STATUS_FOR_REASON.get(reason, CaseStatus.CLOSED)
    now = timezone.now()
    case.status, case.closed_at, case.closure_reason = status, now, reason
    case.closure_details = details  # encrypted for this row: saved, not update()d
    case.save(update_fields=["status", "closed_at", "closure_reason", "closure_details"])
    if status == CaseStatus.FOLLOW_UP:
        today = timezone.localdate(now)
        CaseFollowUp.objects.bulk_create(
            CaseFollowUp(case=case, months=m, due_on=months_later(today, m))
            for m in FOLLOW_UP_MONTHS
        )
    case_event_record(case=case, kind=EventKind.CLOSED, actor=user, codes=[("closure", reason)])
    audit_record(
        actor=user,
        action=AuditAction.CASE_CLOSED,
        target_type="case",
        target_id=case.pk,
        extra={"reason": str(reason), "status": str(status)},
    )
    case.refresh_from_db()
    return case


def case_follow_up_for(*, user: User, follow_up_id: int) -> CaseFollowUp:
    """A follow-up of a case the user's organization owns and may update; else CaseNotFound."""
    case_id = CaseFollowUp.objects.filter(pk=follow_up_id).values_list("case_id", flat=True).first()
    case = access_case_by_id(user, case_id or 0, purpose=Purpose.UPDATE).case
    follow_up = case.follow_ups.get(pk=follow_up_id)
    follow_up.case = case
    return follow_up


@transaction.atomic
def case_follow_up_record(
    *, user: User, follow_up_id: int, outcome: FollowUpOutcome, note: str = ""
) -> CaseFollowUp:
    """Record a follow-up visit; once all are recorded, the case is closed."""
    follow_up = CaseFollowUp.objects.filter(pk=follow_up_id).first()
    if follow_up is None:
        raise CaseNotFound
    case = access_case_by_id(user, follow_up.case_id, purpose=Purpose.UPDATE).case
    if follow_up.done_at is not None:
        raise ClosureInvalid
    now = timezone.now()
    follow_up.done_at, follow_up.done_by, follow_up.outcome = now, user, outcome
    follow_up.note = note.strip()  # encrypted for this row: saved, not update()d
    follow_up.save(update_fields=["done_at", "done_by", "outcome", "note"])
    case_event_record(
        case=case,
        kind=EventKind.FOLLOW_UP_DONE,
        actor=user,
        codes=[("months", str(follow_up.months)), ("follow_up", outcome)],
    )
    audit_record(
        actor=user,
        action=AuditAction.CASE_FOLLOW_UP_DONE,
        target_type="case",
        target_id=case.pk,
        extra={"follow_up": follow_up.pk, "months": follow_up.months, "outcome": str(outcome)},
    )
    remaining = case.follow_ups.filter(done_at__isnull=True).exists()
    if not remaining and case.status == CaseStatus.FOLLOW_UP:
        Case.objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED)
        case_event_record(
            case=case, kind=EventKind.STATUS_CHANGED, actor=user, codes=[("status", "closed")]
        )
    follow_up.refresh_from_db()
    return follow_up


def _who_to_remind(case: Case) -> list[User | None]:
    if case.assigned_to is not None and case.assigned_to.is_active:
        return [case.assigned_to]
    if case.supervisor is not None and case.supervisor.is_active:
        return [case.supervisor]
    staff = User.objects.filter(organization_id=case.owner_org_id, is_active=True).order_by("pk")
    return [member for member in staff if member.can(Perm.CASE_SUPERVISE)]


@transaction.atomic
def case_follow_ups_remind(*, now: datetime | None = None) -> int:
    """Remind the assigned worker of every follow-up whose day has come, once each.

    Without an assigned worker, the case's supervisor is reminded, or else every
    supervisor of the owning organization. Returns how many follow-ups were reminded.
    """
    now = now or timezone.now()
    due = (
        CaseFollowUp.objects.select_for_update(of=("self",))  # the related rows may be null
        .select_related("case", "case__assigned_to", "case__supervisor")
        .filter(done_at__isnull=True, reminded_at__isnull=True, due_on__lte=timezone.localdate(now))
        .order_by("due_on", "id")
    )
    count = 0
    for follow_up in due:
        case = follow_up.case
        alert_staff(
            users=_who_to_remind(case),
            case=case,
            event=f"case:{case.pk}:follow-up:{follow_up.months}",
            subject=Text(
                gettext_lazy("Case %(case)s: the %(months)s-month reintegration follow-up is due"),
                {"case": case.reference, "months": follow_up.months},
            ),
        )
        CaseFollowUp.objects.filter(pk=follow_up.pk).update(reminded_at=now)
        audit_record(
            actor=None,
            action=AuditAction.CASE_FOLLOW_UP_REMINDED,
            target_type="case",
            target_id=case.pk,
            extra={"follow_up": follow_up.pk, "months": follow_up.months},
        )
        count += 1
    return count
