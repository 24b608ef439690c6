"""case_assign, my cases and the assignment page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.access import CaseNotFound
from tabara.cases.assignment import AssignmentInvalid, case_assign, cases_mine, cases_unassigned
from tabara.cases.choices import ClosureReason
from tabara.cases.closure import case_close
from tabara.cases.models import CaseFollowUp
from tabara.cases.tests.factories import case_create
from tabara.notifications.models import Channel, Notification

pytestmark = pytest.mark.django_db


def told(user) -> list[str]:
    return list(
        Notification.objects.filter(user=user, channel=Channel.IN_APP).values_list(
            "event_key", flat=True
        )
    )


def test_a_case_worker_who_opens_a_case_leads_it_an_intake_officer_does_not(team, make_staff):
    assert team.case.assigned_to == team.worker
    intake = make_staff(roles=[Role.INTAKE_OFFICER], organization=team.agencies["RIB"])
    assert case_create(intake).assigned_to is None


def test_reassignment_is_audited_on_the_timeline_and_tells_both_workers(team) -> None:
    case = case_assign(
        user=team.supervisor,
        case_id=team.case.pk,
        worker=team.other_worker,
        supervisor=team.supervisor,
    )
    assert (case.assigned_to, case.supervisor) == (team.other_worker, team.supervisor)
    event = AuditEvent.objects.get(action=AuditAction.CASE_ASSIGNED, target_id=team.case.pk)
    assert event.extra["worker"] == [team.worker.pk, team.other_worker.pk]
    assert case.events.filter(kind="assigned", needs_full_scope=True).count() == 1
    for person in (team.worker, team.other_worker, team.supervisor):
        assert len([k for k in told(person) if ":assignment:" in k]) == 1
    # the same assignment again changes nothing and tells no one
    case_assign(
        user=team.supervisor,
        case_id=team.case.pk,
        worker=team.other_worker,
        supervisor=team.supervisor,
    )
    assert AuditEvent.objects.filter(action=AuditAction.CASE_ASSIGNED).count() == 1


def test_only_a_supervisor_of_the_owner_assigns_and_only_its_own_staff(team, make_staff) -> None:
    for user in (team.worker, team.ncda, team.shelter, team.outsider):
        with pytest.raises(CaseNotFound):
            case_assign(user=user, case_id=team.case.pk, worker=team.worker)
    analyst = make_staff(roles=[Role.ANALYST], organization=team.agencies["RIB"])
    for worker in (team.ncda, analyst):  # another organization; a role that cannot work a case
        with pytest.raises(AssignmentInvalid):
            case_assign(user=team.supervisor, case_id=team.case.pk, worker=worker)
    with pytest.raises(AssignmentInvalid):  # a supervisor must be able to supervise
        case_assign(user=team.supervisor, case_id=team.case.pk, worker=None, supervisor=team.worker)


def test_my_cases_lists_what_i_lead_or_supervise_with_overdue_work_first(team) -> None:
    calm = case_create(team.worker)
    late = case_create(team.worker, consent_to_share=True)
    closed = case_create(team.worker)
    case_close(user=team.worker, case_id=closed.pk, reason=ClosureReason.LOST_CONTACT)
    CaseFollowUp.objects.create(
        case=late, months=3, due_on=timezone.localdate() - timedelta(days=1)
    )
    mine = cases_mine(team.worker)
    assert mine[0].pk == late.pk  # the newest-touched, but overdue
    assert {c.pk for c in mine} == {team.case.pk, calm.pk, late.pk}
    assert mine[0].due_work and not mine[-1].due_work  # type: ignore[attr-defined]
    assert cases_mine(team.other_worker) == []
    case_assign(user=team.supervisor, case_id=calm.pk, worker=None, supervisor=team.supervisor)
    assert [c.pk for c in cases_mine(team.supervisor)] == [calm.pk]
    assert [c.pk for c in cases_unassigned(team.supervisor)] == [calm.pk]
    assert cases_unassigned(team.worker) == []  # not a supervisor


def test_the_assignment_page_keeps_the_choice_and_reassigns(team, staff_client) -> None:
    client, boss = staff_client(Role.SUPERVISOR, organization=team.agencies["RIB"])
    url = f"/en/staff/cases/{team.case.pk}/assign/"
    bad = client.post(url, {"worker": "999999", "supervisor": str(boss.pk)})
    assert bad.status_code == 400
    assert f'<option value="{boss.pk}" selected>' in bad.content.decode()
    done = client.post(url, {"worker": str(team.other_worker.pk), "supervisor": str(boss.pk)})
    assert done.status_code == 302
    team.case.refresh_from_db()
    assert (team.case.assigned_to, team.case.supervisor) == (team.other_worker, boss)
    outsider, _user = staff_client(Role.SUPERVISOR, organization=team.agencies["NCDA"])
    assert outsider.get(url).status_code == 404
    mine = client.get("/en/staff/cases/mine/")
    assert mine.status_code == 200 and team.case.reference in mine.content.decode()


def test_a_partner_with_a_limited_view_is_not_told_who_works_the_case(team) -> None:
    from tabara.accounts.tests.factories import signed_in

    case_assign(
        user=team.supervisor, case_id=team.case.pk, worker=team.worker, supervisor=team.supervisor
    )
    url = f"/en/staff/cases/{team.case.pk}/"
    worker_name = team.worker.get_full_name()
    boss_name = team.supervisor.get_full_name()
    full = signed_in(team.ncda).get(url).content.decode()
    assert worker_name in full and boss_name in full  # a full partner works alongside them
    limited = signed_in(team.shelter).get(url).content.decode()
    assert "Ineza Test" in limited  # the page opens, with the victim
    assert worker_name not in limited and boss_name not in limited
