"""Who works on a case: its assigned worker and supervisor, and "my cases".

Both come from the owning organization. Only a supervisor assigns; each change is written
to the timeline and the audit log, and tells the people it concerns through the outbox.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.access import Purpose, access_case_by_id
from tabara.cases.alerts import alert_staff
from tabara.cases.choices import OPEN_SERVICE_STATUSES, CaseStatus, EventKind
from tabara.cases.links import links
from tabara.cases.models import Case, CaseFollowUp, CaseService
from tabara.cases.services import case_event_record
from tabara.notifications.texts import Text

CLOSED_STATUSES = (CaseStatus.CLOSED, CaseStatus.CLOSED_REFERRED)
WORKER_PERM = Perm.CASE_OPEN  # a worker must be able to update the case
SUPERVISOR_PERM = Perm.CASE_SUPERVISE


class AssignmentInvalid(Exception):
    """The person chosen is not an active member of the owning organization with that role."""


def assignable_staff(org_id: int, perm: Perm) -> list[User]:
    """Active members of the organization who may take the part that needs `perm`."""
    members = User.objects.filter(organization_id=org_id, is_active=True).order_by(
        "first_name", "last_name", "username"
    )
    return [member for member in members if member.can(perm)]


def _check(person: User | None, org_id: int, perm: Perm) -> None:
    if person is not None and (
        person.organization_id != org_id or not person.is_active or not person.can(perm)
    ):
        raise AssignmentInvalid


@transaction.atomic
def case_assign(
    *, user: User, case_id: int, worker: User | None, supervisor: User | None = None
) -> Case:
    """Name the case's worker and supervisor (a supervisor's act), audited and announced.

    The new and the previous worker and supervisor are told, once each, through the outbox.
    """
    case = access_case_by_id(user, case_id, purpose=Purpose.ASSIGN).case
    _check(worker, case.owner_org_id, WORKER_PERM)
    _check(supervisor, case.owner_org_id, SUPERVISOR_PERM)
    before = (case.assigned_to, case.supervisor)
    if (case.assigned_to_id, case.supervisor_id) == (
        worker.pk if worker else None,
        supervisor.pk if supervisor else None,
    ):
        return case
    Case.objects.filter(pk=case.pk).update(assigned_to=worker, supervisor=supervisor)
    names = [str(worker or "—"), str(supervisor or "—")]
    event = case_event_record(
        case=case,
        kind=EventKind.ASSIGNED,
        actor=user,
        note=" / ".join(names),
        needs_full_scope=True,
    )
    audit_record(
        actor=user,
        action=AuditAction.CASE_ASSIGNED,
        target_type="case",
        target_id=case.pk,
        extra={
            "worker": [before[0].pk if before[0] else None, worker.pk if worker else None],
            "supervisor": [
                before[1].pk if before[1] else None,
                supervisor.pk if supervisor else None,
            ],
        },
    )
    alert_staff(
        users=[worker, before[0], supervisor, before[1]],
        case=case,
        event=f"case:{case.pk}:assignment:{event.pk}",
        subject=Text(
            gettext_lazy("Case %(case)s: assigned to %(worker)s, supervised by %(supervisor)s"),
            {"case": case.reference, "worker": names[0], "supervisor": names[1]},
        ),
    )
    case.refresh_from_db()
    return case


def _open_for(user: User) -> QuerySet[Case]:
    return (
        Case.objects.filter(owner_org_id=user.organization_id)
        .exclude(status__in=CLOSED_STATUSES)
        .select_related("district", "assigned_to", "supervisor")
        .defer("summary", "closure_details")
    )


def flag_due_work(cases: list[Case], *, today: date | None = None) -> list[Case]:
    """Mark each case with the kinds of overdue work it has; three queries for the page.

    Overdue work: a referral not acknowledged in time, a follow-up whose day has come and
    not been recorded, a planned service whose planned start has passed.
    """
    today = today or timezone.localdate()
    ids = [case.pk for case in cases]
    late_referrals = links.sharing.late_case_ids(ids) if links.sharing and ids else set()
    late_follow_ups = set(
        CaseFollowUp.objects.filter(
            case_id__in=ids, done_at__isnull=True, due_on__lte=today
        ).values_list("case_id", flat=True)
    )
    late_services = set(
        CaseService.objects.filter(
            case_id__in=ids, status__in=OPEN_SERVICE_STATUSES, planned_on__lt=today
        ).values_list("case_id", flat=True)
    )
    for case in cases:
        case.due_work = [  # type: ignore[attr-defined]
            label
            for label, late in (
                (_("referral overdue"), late_referrals),
                (_("follow-up due"), late_follow_ups),
                (_("service late"), late_services),
            )
            if case.pk in late
        ]
    return cases


def cases_mine(user: User, *, limit: int = 200) -> list[Case]:
    """Open cases the user leads or supervises: those with overdue work first, then the
    least recently touched."""
    if not user.can(Perm.CASE_VIEW) or user.organization_id is None:
        return []
    mine = _open_for(user).filter(Q(assigned_to=user) | Q(supervisor=user))
    cases = flag_due_work(list(mine.order_by("updated_at", "id")[:limit]))
    return sorted(cases, key=lambda case: not case.due_work)  # type: ignore[attr-defined]


def cases_unassigned(user: User, *, limit: int = 100) -> list[Case]:
    """For supervisors: the organization's open cases that nobody leads yet, oldest first."""
    if not user.can(SUPERVISOR_PERM) or user.organization_id is None:
        return []
    waiting = _open_for(user).filter(assigned_to__isnull=True).order_by("opened_at", "id")
    return flag_due_work(list(waiting[:limit]))
