"""retention_apply: each rule of the schedule, at its period's edge, audited, dry run harmless.

The periods below come from the retention schedule agreed for issue #10 (unconfirmed
sign-ups 7 days, USSD sessions 1 day) and docs/data-protection.md, not from rules.py.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from tabara.accounts.roles import Role
from tabara.attachments.files import CleanFile, FileKind, file_inspect
from tabara.attachments.models import Attachment, AttachmentChunk
from tabara.attachments.services import attachment_add_to_case, attachments_add_to_report
from tabara.attachments.tests import samples
from tabara.attachments.tests.samples import pdf
from tabara.audit.models import AuditEvent
from tabara.awareness.choices import SubscriberStatus
from tabara.awareness.models import Subscriber
from tabara.cases.choices import CaseStatus, PersonRole
from tabara.cases.models import CasePerson
from tabara.cases.services import (
    CaseInput,
    case_open_from_report,
    case_person_add,
    case_status_change,
)
from tabara.cases.tests.factories import case_create
from tabara.intake.models import Report, UssdSession
from tabara.intake.tests.factories import submit_report
from tabara.privacy.services.retention import retention_apply
from tabara.search.services import search_run

pytestmark = pytest.mark.django_db
PHOTO = CleanFile(kind=FileKind.PDF, data=pdf())
NAME = "Synthetic Mukeshimana Retention"


def subscriber(days_ago: float, status: str = SubscriberStatus.PENDING) -> Subscriber:
    with time_machine.travel(timezone.now() - timedelta(days=days_ago), tick=False):
        return Subscriber.objects.create(
            email=f"s{days_ago}@example.org", email_hash=f"h{days_ago}", status=status
        )


def ussd(days_ago: float) -> UssdSession:
    return UssdSession.objects.create(
        key=f"k{days_ago}", state="{}", updated_at=timezone.now() - timedelta(days=days_ago)
    )


def report(days_ago: float) -> Report:
    with time_machine.travel(timezone.now() - timedelta(days=days_ago), tick=False):
        return submit_report(
            wants_contact=True, contact_name=NAME, contact_phone="+250788123456", district_code="11"
        ).report


def test_unconfirmed_sign_ups_go_after_seven_days_confirmed_ones_stay() -> None:
    old, young, confirmed = (
        subscriber(7.1),
        subscriber(6.9),
        subscriber(400, SubscriberStatus.CONFIRMED),
    )
    counts = retention_apply()
    assert counts["newsletter-unconfirmed"] == 1
    assert set(Subscriber.objects.values_list("id", flat=True)) == {young.pk, confirmed.pk}
    assert old.pk not in set(Subscriber.objects.values_list("id", flat=True))


def test_ussd_sessions_go_after_one_day() -> None:
    ussd(1.1)
    kept = ussd(0.5)
    assert retention_apply()["ussd-sessions"] == 1
    assert list(UssdSession.objects.values_list("id", flat=True)) == [kept.pk]


def test_old_reports_without_a_case_lose_what_identifies_anyone(geography, make_staff) -> None:
    old, young = report(3 * 365), report(300)
    with_case = report(3 * 365)
    for kept_or_not in (old, young):
        attachments_add_to_report(report=kept_or_not, files=[(PHOTO, "me.pdf")])
    user = make_staff(roles=[Role.SUPERVISOR])
    case_open_from_report(user=user, report_id=with_case.pk, data=CaseInput(summary="x"))
    assert retention_apply()["reports-without-case"] == 1
    old.refresh_from_db()
    assert (old.what_happened, old.contact_name, old.contact_phone, old.contact_hash) == (
        "",
        "",
        "",
        "",
    )
    assert old.wants_contact is False
    assert old.district is not None and old.district.code == "11"  # statistics stay
    assert list(Attachment.objects.values_list("report_id", flat=True)) == [young.pk]
    for kept in (young, with_case):
        kept.refresh_from_db()
        assert kept.contact_name == NAME


def test_closed_cases_are_anonymised_after_ten_years(geography, make_staff) -> None:
    user = make_staff(roles=[Role.SUPERVISOR])
    closed, active = case_create(user), case_create(user)
    for case in (closed, active):
        attachment_add_to_case(user=user, case_id=case.pk, file=PHOTO, name="photo.pdf")
        case_person_add(
            user=user, case_id=case.pk, role=PersonRole.PRESUMED_VICTIM, full_name=NAME, age=17
        )
    case_status_change(user=user, case_id=closed.pk, status=CaseStatus.CLOSED)
    assert retention_apply(now=timezone.now() + timedelta(days=9 * 365))["closed-cases"] == 0
    assert retention_apply(now=timezone.now() + timedelta(days=10 * 365 + 1))["closed-cases"] == 1
    person = CasePerson.objects.get(case=closed)
    assert (person.full_name, person.age, person.is_child) == ("", 17, True)
    assert CasePerson.objects.get(case=active).full_name == NAME
    assert list(Attachment.objects.values_list("case_id", flat=True)) == [active.pk]
    # Nobody finds the anonymised person by name any more; the other one still is found.
    found = search_run(user=user, text=NAME).people
    assert [p.pk for p in found] == [CasePerson.objects.get(case=active).pk]


def test_files_go_with_the_report_or_closed_case_they_identify(geography, make_staff) -> None:
    old, young = report(3 * 365), report(300)
    clean = file_inspect(samples.pdf())
    attachments_add_to_report(report=old, files=[(clean, "old.pdf")])
    attachments_add_to_report(report=young, files=[(clean, "young.pdf")])
    user = make_staff(roles=[Role.SUPERVISOR])
    closed, active = case_create(user), case_create(user)
    for case in (closed, active):
        attachment_add_to_case(user=user, case_id=case.pk, file=clean, name="case.pdf")
    case_status_change(user=user, case_id=closed.pk, status=CaseStatus.CLOSED)
    counts = retention_apply(now=timezone.now() + timedelta(days=10 * 365 + 1))
    assert counts["closed-cases"] == 1
    left: set[tuple[int | None, int | None]] = set(
        Attachment.objects.values_list("report_id", "case_id")
    )
    assert left == {(None, active.pk)}  # the young report is past 10 years too, by then
    assert not AttachmentChunk.objects.exclude(attachment__in=Attachment.objects.all()).exists()


def test_a_dry_run_counts_and_changes_nothing_a_real_run_is_audited(capsys) -> None:
    subscriber(30)
    before = AuditEvent.objects.count()
    call_command("retention_apply", "--dry-run")
    assert "newsletter-unconfirmed" in capsys.readouterr().out
    assert Subscriber.objects.count() == 1
    assert AuditEvent.objects.count() == before
    call_command("retention_apply")
    assert Subscriber.objects.count() == 0
    event = AuditEvent.objects.latest("id")
    assert event.action == "retention_applied"
    assert event.extra["counts"]["newsletter-unconfirmed"] == 1
    call_command("retention_apply")  # nothing due: no new event
    assert AuditEvent.objects.latest("id").pk == event.pk
