"""Status updates go by SMS only to phone reporters who chose to be contacted."""

from __future__ import annotations

import pytest

from tabara.accounts.roles import Role
from tabara.intake.choices import Channel
from tabara.intake.services import report_mark_reviewed, report_reply
from tabara.intake.sms.texts import SMS
from tabara.intake.tests.factories import submit_report
from tabara.notifications.models import Notification
from tabara.notifications.services import notification_deliver

pytestmark = pytest.mark.django_db
NUMBER = "+250788555000"


def test_opted_in_phone_reporter_gets_a_status_sms_without_staff_words(
    make_staff, fake_sms
) -> None:
    report = submit_report(
        channel=Channel.USSD, wants_contact=True, contact_phone=NUMBER, sender_phone=NUMBER,
        language="en",
    ).report  # fmt: skip
    staff = make_staff(roles=[Role.INTAKE_OFFICER])
    report_reply(user=staff, report_id=report.pk, body="The suspect's name is Synthetic.")
    (queued,) = Notification.objects.all()
    assert queued.channel == "sms" and queued.phone == NUMBER
    assert queued.body == SMS["en"]["reply"] and "Synthetic" not in queued.body
    assert notification_deliver(notification_id=queued.pk)
    assert fake_sms.messages[0].to == [NUMBER]
    report_reply(user=staff, report_id=report.pk, body="Second message.")
    assert Notification.objects.count() == 2  # one per reply


def test_review_that_changes_status_notifies_in_the_reporters_language(make_staff) -> None:
    report = submit_report(
        channel=Channel.SMS, wants_contact=True, contact_phone=NUMBER, language="fr"
    ).report
    staff = make_staff(roles=[Role.SUPERVISOR])
    report_mark_reviewed(user=staff, report_id=report.pk)
    report_mark_reviewed(user=staff, report_id=report.pk)  # no change, no second message
    (queued,) = Notification.objects.all()
    assert queued.body == SMS["fr"]["update"].format(status="en cours d'examen")


@pytest.mark.parametrize(
    "fields",
    [
        {"channel": Channel.USSD, "sender_phone": NUMBER},  # anonymous
        {"channel": Channel.WEB, "wants_contact": True, "contact_phone": NUMBER},  # web form
    ],
)
def test_nobody_else_gets_an_sms(make_staff, fields) -> None:
    report = submit_report(**fields).report
    staff = make_staff(roles=[Role.SUPERVISOR])
    report_reply(user=staff, report_id=report.pk, body="Thank you.")
    report_mark_reviewed(user=staff, report_id=report.pk)
    assert not Notification.objects.exists()
