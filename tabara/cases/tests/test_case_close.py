"""case_close with HTCDS reasons; reintegration follow-ups that remind the worker on time."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from tabara.accounts.models import StaffLanguage
from tabara.accounts.roles import Role
from tabara.accounts.services import user_language_set
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.assignment import case_assign
from tabara.cases.choices import CaseStatus, ClosureReason, FollowUpOutcome
from tabara.cases.closure import (
    ClosureInvalid,
    case_close,
    case_follow_up_record,
    case_follow_ups_remind,
    months_later,
)
from tabara.cases.tests.factories import case_create
from tabara.notifications.models import Channel, Notification

pytestmark = pytest.mark.django_db
KIGALI = ZoneInfo("Africa/Kigali")
CLOSED_ON = datetime(2026, 1, 31, 10, 0, tzinfo=KIGALI)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 3, date(2026, 4, 30)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2027, 12, 31), 2, date(2028, 2, 29)),
        (date(2026, 11, 15), 12, date(2027, 11, 15)),
    ],
)
def test_months_later_keeps_the_day_or_takes_the_last_one(day, months, expected) -> None:
    assert months_later(day, months) == expected


@pytest.mark.parametrize(
    ("reason", "status"),
    [  # HTCDS cas_Status: Active, FollowUp, Closed, ClosedReferred
        (ClosureReason.REINTEGRATED, CaseStatus.FOLLOW_UP),
        (ClosureReason.REFERRED, CaseStatus.CLOSED_REFERRED),
        (ClosureReason.LOST_CONTACT, CaseStatus.CLOSED),
        (ClosureReason.NOT_TRAFFICKING, CaseStatus.CLOSED),
    ],
)
def test_the_reason_decides_the_status(team, reason, status) -> None:
    case = case_close(user=team.worker, case_id=team.case.pk, reason=reason)
    assert (case.status, case.closure_reason) == (status, reason)
    assert case.follow_ups.count() == (3 if reason == ClosureReason.REINTEGRATED else 0)
    with pytest.raises(ClosureInvalid):
        case_close(user=team.worker, case_id=team.case.pk, reason=reason)


def test_other_needs_details_and_only_the_owner_closes(team) -> None:
    with pytest.raises(ClosureInvalid):
        case_close(user=team.worker, case_id=team.case.pk, reason=ClosureReason.OTHER)
    from tabara.cases.access import CaseNotFound

    for user in (team.ncda, team.shelter, team.outsider):
        with pytest.raises(CaseNotFound):
            case_close(user=user, case_id=team.case.pk, reason=ClosureReason.MOVED)


def reminders(user) -> list[str]:
    rows = Notification.objects.filter(user=user, channel=Channel.IN_APP)
    return sorted(
        rows.filter(event_key__contains=":follow-up:").values_list("event_key", flat=True)
    )


def test_follow_ups_fire_at_3_6_and_12_months_for_the_assigned_worker(team, settings) -> None:
    settings.TABARA_SITE_URL = "https://tabara.example.org"
    user_language_set(user=team.other_worker, language=StaffLanguage.FRENCH)
    case_assign(user=team.supervisor, case_id=team.case.pk, worker=team.other_worker)
    with time_machine.travel(CLOSED_ON, tick=False):
        case_close(user=team.supervisor, case_id=team.case.pk, reason=ClosureReason.REINTEGRATED)
    due = list(team.case.follow_ups.values_list("months", "due_on"))
    assert due == [(3, date(2026, 4, 30)), (6, date(2026, 7, 31)), (12, date(2027, 1, 31))]
    key = f"case:{team.case.pk}:follow-up:"
    for moment, expected in [
        (datetime(2026, 4, 29, 23, 59, tzinfo=KIGALI), []),
        (datetime(2026, 4, 30, 0, 1, tzinfo=KIGALI), [key + "3"]),
        (datetime(2026, 5, 2, 9, 0, tzinfo=KIGALI), [key + "3"]),  # once only
        (datetime(2026, 7, 31, 8, 0, tzinfo=KIGALI), [key + "3", key + "6"]),
        (datetime(2027, 1, 31, 8, 0, tzinfo=KIGALI), [key + "12", key + "3", key + "6"]),
    ]:
        with time_machine.travel(moment, tick=False):
            call_command("cases_remind", stdout=io.StringIO())
        assert reminders(team.other_worker) == expected, moment
    assert reminders(team.worker) == []  # no longer assigned
    first = Notification.objects.get(user=team.other_worker, event_key=key + "3", channel="in_app")
    assert (
        first.subject
        == f"Dossier {team.case.reference} : le suivi de réintégration à 3 mois est dû"
    )
    assert f"https://tabara.example.org/fr/staff/cases/{team.case.pk}/" in first.body
    assert AuditEvent.objects.filter(action=AuditAction.CASE_FOLLOW_UP_REMINDED).count() == 3


def test_without_a_worker_the_supervisors_are_reminded(team) -> None:
    case = case_create(team.worker)
    case_assign(user=team.supervisor, case_id=case.pk, worker=None)
    with time_machine.travel(CLOSED_ON, tick=False):
        case_close(user=team.supervisor, case_id=case.pk, reason=ClosureReason.REINTEGRATED)
    with time_machine.travel(datetime(2026, 5, 1, tzinfo=KIGALI), tick=False):
        assert case_follow_ups_remind() == 1
    assert reminders(team.supervisor) == [f"case:{case.pk}:follow-up:3"]


def test_recording_the_last_follow_up_closes_the_case(team, staff_client) -> None:
    case_close(user=team.worker, case_id=team.case.pk, reason=ClosureReason.REINTEGRATED)
    visits = list(team.case.follow_ups.order_by("months"))
    client, _u = staff_client(Role.CASE_WORKER, organization=team.agencies["RIB"])
    url = f"/en/staff/follow-ups/{visits[0].pk}/"
    bad = client.post(url, {"outcome": "", "note": "Visited at home in Musanze"})
    assert bad.status_code == 400 and "Visited at home in Musanze" in bad.content.decode()
    assert client.post(url, {"outcome": "stable", "note": "Back at school"}).status_code == 302
    with pytest.raises(ClosureInvalid):
        case_follow_up_record(
            user=team.worker, follow_up_id=visits[0].pk, outcome=FollowUpOutcome.STABLE
        )
    for visit in visits[1:]:
        team.case.refresh_from_db()
        assert team.case.status == CaseStatus.FOLLOW_UP
        case_follow_up_record(
            user=team.worker, follow_up_id=visit.pk, outcome=FollowUpOutcome.STABLE
        )
    team.case.refresh_from_db()
    assert team.case.status == CaseStatus.CLOSED
    ncda, _n = staff_client(Role.CASE_WORKER, organization=team.agencies["NCDA"])
    assert ncda.get(url).status_code == 404


def test_the_close_page_keeps_details_and_closes(team, staff_client) -> None:
    client, _u = staff_client(Role.CASE_WORKER, organization=team.agencies["RIB"])
    url = f"/en/staff/cases/{team.case.pk}/close/"
    bad = client.post(url, {"reason": "other", "details": ""})
    assert bad.status_code == 400 and "Say why the case is closed." in bad.content.decode()
    bad = client.post(url, {"reason": "nonsense", "details": "Family moved to Kampala"})
    assert bad.status_code == 400 and "Family moved to Kampala" in bad.content.decode()
    assert client.post(url, {"reason": "moved", "details": "To Kampala"}).status_code == 302
    team.case.refresh_from_db()
    assert (team.case.status, team.case.closure_details) == ("closed", "To Kampala")
