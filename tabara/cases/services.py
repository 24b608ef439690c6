"""Writes of the cases app: open a case, add people, change status, record consent.

Each service checks access, writes, records a timeline entry and an audit event in one
transaction. Routing a new case to other organizations is the referrals app's job: it
registers a callback (tabara/cases/links.py) that runs here, inside the same transaction,
when consent allows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Perm
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.access import CaseAccess, CaseNotFound, Purpose, access_case_by_id
from tabara.cases.choices import (
    CaseSource,
    CaseStatus,
    EventKind,
    ExploitationType,
    Gender,
    PersonRole,
    RecruitmentChannel,
    ScreeningOutcome,
)
from tabara.cases.links import links
from tabara.cases.models import Case, CaseEvent, CasePerson
from tabara.core.changes import record_changed
from tabara.geo.models import AdminUnit, BorderPost
from tabara.intake.choices import AgeGroup, LocationKind
from tabara.intake.selectors import access_report_by_id
from tabara.intake.services.referral import report_mark_referred
from tabara.search.services import search_index_person, search_owner_moved


@dataclass(frozen=True)
class CaseInput:
    """What an officer says about a situation when opening a case."""

    screening_outcome: str = ScreeningOutcome.NOT_SCREENED
    child_involved: bool = False
    exploitation_type: str = ExploitationType.UNKNOWN
    other_exploitation_types: list[str] = field(default_factory=list)
    recruitment_channel: str = RecruitmentChannel.UNKNOWN
    origin_sector: AdminUnit | None = None
    district: AdminUnit | None = None
    border_post: BorderPost | None = None
    destination_district: AdminUnit | None = None
    destination_country: str = ""
    summary: str = ""
    consent_to_share: bool = False


def case_event_record(
    *,
    case: Case,
    kind: EventKind,
    actor: User | None,
    organization: Organization | None = None,
    subject_org: Organization | None = None,
    note: str = "",
    needs_full_scope: bool = False,
    codes: list[tuple[str, str]] | None = None,
) -> CaseEvent:
    """Add one entry to a case's timeline (called by services of this and other apps).

    `subject_org` names the organization the entry is about when that is not the actor's
    own (a referral's receiver); limited views hide entries about third organizations.
    """
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(updated_at=now)
    record_changed("case", case.pk)  # the network index reads it again after commit
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        at=now,
        actor=actor,
        organization=organization or (actor.organization if actor else None),
        subject_org=subject_org,
        note=note,
        codes=[[code_set, str(value)] for code_set, value in codes or []],
        needs_full_scope=needs_full_scope,
    )


def case_draft(
    *,
    owner_org: Organization | None,
    data: CaseInput,
    opened_by: User | None = None,
    source: CaseSource = CaseSource.DIRECT,
    report_id: int | None = None,
    assigned_to: User | None = None,
) -> Case:
    """The case `data` opens, unsaved: what case_open stores and what routing previews.

    One function derives the stored facts (the district from the sector or the border
    post, whether a border was crossed), so a preview cannot disagree with the case.
    """
    now = timezone.now()
    district = data.district or (data.origin_sector.parent if data.origin_sector else None)
    if district is None and data.border_post is not None:
        district = data.border_post.district
    return Case(
        source=source,
        report_id=report_id,
        owner_org=owner_org,
        opened_by=opened_by,
        opened_at=now,
        updated_at=now,
        screening_outcome=data.screening_outcome,
        child_involved=data.child_involved,
        exploitation_type=data.exploitation_type,
        other_exploitation_types=list(data.other_exploitation_types),
        recruitment_channel=data.recruitment_channel,
        origin_sector=data.origin_sector,
        district=district,
        border_post=data.border_post,
        border_crossed=data.border_post is not None,
        destination_district=data.destination_district,
        destination_country=data.destination_country,
        summary=data.summary,
        consent_to_share=data.consent_to_share,
        consent_recorded_at=now if data.consent_to_share else None,
        assigned_to=assigned_to,
    )


@transaction.atomic
def case_open(
    *,
    user: User,
    data: CaseInput,
    source: CaseSource = CaseSource.DIRECT,
    report_id: int | None = None,
    route: bool = True,
) -> Case:
    """Open a case owned by the user's organization; route it when consent allows."""
    if not user.can(Perm.CASE_OPEN) or user.organization is None:
        raise CaseNotFound
    case = case_draft(
        owner_org=user.organization,
        data=data,
        opened_by=user,
        source=source,
        report_id=report_id,
        # A case worker who opens a case leads it; an intake officer's waits for a supervisor.
        assigned_to=user if user.can(Perm.CASE_REFER) else None,
    )
    case.full_clean()
    case.save()
    case_event_record(case=case, kind=EventKind.OPENED, actor=user)
    audit_record(
        actor=user,
        action=AuditAction.CASE_OPENED,
        target_type="case",
        target_id=case.pk,
        extra={"source": str(source), "report": report_id},
    )
    if route and data.consent_to_share:
        for callback in links.on_case_opened:
            callback(user, case)
    return case


def case_input_from_report(*, user: User, report_id: int, data: CaseInput) -> CaseInput:
    """The officer's answers with their gaps filled from the report, as the case opens."""
    report = access_report_by_id(user, report_id)
    recruitment = report.recruitment_channel
    return CaseInput(
        screening_outcome=data.screening_outcome,
        child_involved=data.child_involved or report.age_group in {AgeGroup.CHILD, AgeGroup.BOTH},
        exploitation_type=data.exploitation_type,
        other_exploitation_types=data.other_exploitation_types,
        recruitment_channel=recruitment if recruitment in RecruitmentChannel.values else "unknown",
        origin_sector=data.origin_sector or report.sector,
        district=data.district or report.district,
        border_post=data.border_post
        or (report.border_post if report.location_kind == LocationKind.BORDER else None),
        destination_district=data.destination_district,
        destination_country=data.destination_country or report.destination_country,
        summary=data.summary,
        consent_to_share=data.consent_to_share,
    )


@transaction.atomic
def case_open_from_report(*, user: User, report_id: int, data: CaseInput) -> Case:
    """Open a case from a report, whose facts fill the gaps; the report is marked referred."""
    merged = case_input_from_report(user=user, report_id=report_id, data=data)
    case = case_open(user=user, data=merged, source=CaseSource.REPORT, report_id=report_id)
    report_mark_referred(user=user, report_id=report_id)
    return case


@transaction.atomic
def case_view(*, user: User, case_id: int) -> CaseAccess:
    """Open a case for reading: access is checked and the read is audited in one step.

    The page shows the people, timeline, services, needs assessments and, with a full
    view, the notes, safety assessments and follow-ups; the audit event names the view.
    """
    access = access_case_by_id(user, case_id, purpose=Purpose.VIEW)
    audit_record(
        actor=user,
        action=AuditAction.CASE_VIEWED,
        target_type="case",
        target_id=case_id,
        extra={"scope": str(access.scope), "notes": access.full},
    )
    return access


@transaction.atomic
def case_person_add(
    *,
    user: User,
    case_id: int,
    role: PersonRole,
    full_name: str = "",
    phone: str = "",
    identity_number: str = "",
    description: str = "",
    needs: str = "",
    gender: str = Gender.UNKNOWN,
    age: int | None = None,
    citizenship: str = "",
) -> CasePerson:
    """Add a person with a role; identifying fields are encrypted at rest."""
    case = access_case_by_id(user, case_id, purpose=Purpose.UPDATE).case
    is_child = age is not None and age < 18
    person = CasePerson(
        case=case,
        role=role,
        full_name=full_name,
        phone=phone,
        identity_number=identity_number,
        description=description,
        needs=needs,
        gender=gender,
        age=age,
        is_child=is_child,
        citizenship=citizenship,
        added_at=timezone.now(),
    )
    person.full_clean()
    person.save()
    search_index_person(person=person)
    if is_child and role == PersonRole.PRESUMED_VICTIM and not case.child_involved:
        Case.objects.filter(pk=case.pk).update(child_involved=True)
    case_event_record(
        case=case,
        kind=EventKind.PERSON_ADDED,
        actor=user,
        codes=[("role", role)],
        needs_full_scope=role != PersonRole.PRESUMED_VICTIM,
    )
    audit_record(
        actor=user,
        action=AuditAction.CASE_PERSON_ADDED,
        target_type="case",
        target_id=case.pk,
        extra={"role": str(role)},
    )
    return person


@transaction.atomic
def case_status_change(*, user: User, case_id: int, status: CaseStatus) -> Case:
    """Move a case to another status; closing stamps the time."""
    case = access_case_by_id(user, case_id, purpose=Purpose.UPDATE).case
    closed = status in {CaseStatus.CLOSED, CaseStatus.CLOSED_REFERRED}
    Case.objects.filter(pk=case.pk).update(
        status=status, closed_at=timezone.now() if closed else None
    )
    case_event_record(
        case=case, kind=EventKind.STATUS_CHANGED, actor=user, codes=[("status", status)]
    )
    audit_record(
        actor=user,
        action=AuditAction.CASE_STATUS_CHANGED,
        target_type="case",
        target_id=case.pk,
        extra={"from": case.status, "to": str(status)},
    )
    case.refresh_from_db()
    return case


@transaction.atomic
def case_consent_record(*, user: User, case_id: int, consent: bool) -> Case:
    """Record whether the presumed victim agreed to their case being shared with others."""
    case = access_case_by_id(user, case_id, purpose=Purpose.UPDATE).case
    Case.objects.filter(pk=case.pk).update(
        consent_to_share=consent, consent_recorded_at=timezone.now()
    )
    answer = "yes" if consent else "no"
    case_event_record(case=case, kind=EventKind.CONSENT, actor=user, codes=[("consent", answer)])
    audit_record(
        actor=user,
        action=AuditAction.CASE_CONSENT_RECORDED,
        target_type="case",
        target_id=case.pk,
        extra={"consent": consent},
    )
    case.refresh_from_db()
    return case


@transaction.atomic
def case_owner_transfer(*, actor: User, case: Case, to_org: Organization) -> None:
    """Hand a case's ownership to another organization (an accepted transfer).

    The worker who accepted leads the case in its new organization if they may update it;
    otherwise it waits for one of that organization's supervisors to assign it.
    """
    from_org = case.owner_org_id
    lead = actor if actor.organization_id == to_org.pk and actor.can(Perm.CASE_OPEN) else None
    Case.objects.filter(pk=case.pk).update(owner_org=to_org, assigned_to=lead, supervisor=None)
    search_owner_moved(case_id=case.pk, owner_org_id=to_org.pk)
    case_event_record(
        case=case, kind=EventKind.TRANSFERRED, actor=actor, subject_org=to_org, note=str(to_org)
    )
    audit_record(
        actor=actor,
        action=AuditAction.CASE_TRANSFERRED,
        target_type="case",
        target_id=case.pk,
        extra={"from_org": from_org, "to_org": to_org.pk},
    )
