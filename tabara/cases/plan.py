"""The victim's plan: services with a provider, status, dates, outcome and their history.

The owning organization plans services; a referral can carry one to the organization that
will provide it. The provider records progress (even with a view limited to the victims'
needs); the owner may too. Every step is a CaseServiceUpdate, audited, on the timeline.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tabara.accounts.models import Organization, User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.access import CaseAccess, CaseNotFound, Purpose, access_case_by_id
from tabara.cases.alerts import alert_staff
from tabara.cases.choices import EventKind, ServiceStatus, ServiceType
from tabara.cases.models import CaseService, CaseServiceUpdate
from tabara.cases.services import case_event_record
from tabara.notifications.texts import Text

FINAL = (ServiceStatus.COMPLETED, ServiceStatus.NOT_PROVIDED)


class ServiceInvalid(Exception):
    """The step is not possible: an outcome is needed to finish, or dates are out of order."""


@transaction.atomic
def case_service_plan(
    *,
    user: User,
    case_id: int,
    service_type: ServiceType,
    provider_org: Organization,
    planned_on: date | None = None,
) -> CaseService:
    """Add a service to the case's plan (the owning organization's decision)."""
    case = access_case_by_id(user, case_id, purpose=Purpose.UPDATE).case
    now = timezone.now()
    service = CaseService.objects.create(
        case=case,
        service_type=service_type,
        provider_org=provider_org,
        planned_on=planned_on,
        created_by=user,
        created_at=now,
        updated_at=now,
    )
    CaseServiceUpdate.objects.create(
        service=service, at=now, by=user, by_org_id=case.owner_org_id, status=service.status
    )
    case_event_record(
        case=case,
        kind=EventKind.SERVICE_PLANNED,
        actor=user,
        subject_org=provider_org,
        codes=[("service", service_type)],
        note=provider_org.short_name,
    )
    audit_record(
        actor=user,
        action=AuditAction.CASE_SERVICE_PLANNED,
        target_type="case",
        target_id=case.pk,
        extra={"service": service.pk, "type": str(service_type), "provider": provider_org.pk},
    )
    return service


def _service_access(user: User, service_id: int) -> tuple[CaseService, CaseAccess]:
    """The service and the user's view of its case: the owner's, or its provider's."""
    service = CaseService.objects.select_related("provider_org").filter(pk=service_id).first()
    if service is None or user.organization_id is None:
        raise CaseNotFound
    access = access_case_by_id(user, service.case_id, purpose=Purpose.PROVIDE)
    if not access.owner and service.provider_org_id != user.organization_id:
        raise CaseNotFound
    return service, access


@transaction.atomic
def case_service_view(*, user: User, service_id: int) -> tuple[CaseService, CaseAccess]:
    """Open one service with its history for reading: access checked, the read audited."""
    service, access = _service_access(user, service_id)
    audit_record(
        actor=user,
        action=AuditAction.CASE_VIEWED,
        target_type="case",
        target_id=service.case_id,
        extra={"scope": str(access.scope), "service": service.pk},
    )
    return service, access


def _record(
    service: CaseService,
    *,
    by: User,
    status: ServiceStatus,
    note: str,
    started_on: date | None,
    ended_on: date | None,
) -> CaseServiceUpdate:
    today = timezone.localdate()
    if status in FINAL and not note.strip():
        raise ServiceInvalid
    start = started_on or service.started_on
    if start is None and status in (ServiceStatus.IN_PROGRESS, ServiceStatus.COMPLETED):
        start = today
    end = (ended_on or today) if status in FINAL else None
    if start is not None and end is not None and end < start:
        raise ServiceInvalid
    now = timezone.now()
    service.status, service.started_on, service.ended_on = status, start, end
    if status in FINAL:
        service.outcome = note.strip()
    service.updated_at = now  # encrypted outcome: saved with its row, not update()d
    service.save(update_fields=["status", "started_on", "ended_on", "outcome", "updated_at"])
    update = CaseServiceUpdate.objects.create(
        service=service, at=now, by=by, by_org_id=by.organization_id or 0, status=status, note=note
    )
    case_event_record(
        case=service.case,
        kind=EventKind.SERVICE_UPDATED,
        actor=by,
        subject_org=service.provider_org,
        codes=[("service", service.service_type), ("service_status", status)],
    )
    audit_record(
        actor=by,
        action=AuditAction.CASE_SERVICE_UPDATED,
        target_type="case",
        target_id=service.case_id,
        extra={"service": service.pk, "status": str(status)},
    )
    return update


@transaction.atomic
def case_service_update(
    *,
    user: User,
    service_id: int,
    status: ServiceStatus,
    note: str = "",
    started_on: date | None = None,
    ended_on: date | None = None,
) -> CaseService:
    """Record progress on a service: by its provider, or by the owning organization.

    Finishing (completed, not provided) needs an outcome; the case's worker is told when a
    partner records progress.
    """
    service, access = _service_access(user, service_id)
    _record(service, by=user, status=status, note=note, started_on=started_on, ended_on=ended_on)
    case = access.case
    if not access.owner:
        alert_staff(
            users=[case.assigned_to],
            case=case,
            event=f"case:{case.pk}:service:{service.pk}:{status}",
            subject=Text(
                _("Case %(case)s: %(service)s is now “%(status)s” (%(org)s)"),
                {
                    "case": case.reference,
                    "service": ServiceType(service.service_type).label,
                    "status": ServiceStatus(status).label,
                    "org": service.provider_org.short_name,
                },
            ),
        )
    service.refresh_from_db()
    return service


@transaction.atomic
def case_service_not_provided(*, by: User, service_id: int, reason: str) -> None:
    """Mark a service its provider turned down with the referral that carried it.

    Called by the referrals app when a referral is declined; the referral's own access
    check (the receiving organization) has already run.
    """
    service = CaseService.objects.select_related("case", "provider_org").get(pk=service_id)
    if service.status not in FINAL:
        _record(
            service,
            by=by,
            status=ServiceStatus.NOT_PROVIDED,
            note=reason,
            started_on=None,
            ended_on=None,
        )
