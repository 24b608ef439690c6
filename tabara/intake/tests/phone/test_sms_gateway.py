"""Two-way SMS replayed as Africa's Talking sends it, against a fake gateway over HTTP.

Request fields are those of Africa's Talking's SMS notification documentation (incoming
message: from, to, text, date, id, linkId, networkCode; delivery report: id, status,
phoneNumber, networkCode, failureReason, retryCount; bulk SMS opt-out: senderId,
phoneNumber); statuses and failure reasons are the documented ones (docs/africastalking.md).
"""

from __future__ import annotations

import pytest
from django.test import Client

from tabara.core.phones import phone_hash
from tabara.intake.choices import Channel
from tabara.intake.models import Report, SmsDeliveryReport
from tabara.intake.services.sms import report_status_notify
from tabara.intake.sms.keywords import sms_parse
from tabara.intake.sms.texts import SMS
from tabara.intake.tests.factories import submit_report
from tabara.intake.tests.phone.gateway import DELIVERY_URL, PHONE, SECRET, sms
from tabara.notifications.africastalking import SANDBOX_HOST, messaging_url, send_sms
from tabara.notifications.models import Channel as NotificationChannel
from tabara.notifications.models import Notification, NotificationStatus
from tabara.notifications.services import notification_deliver, notification_enqueue

pytestmark = pytest.mark.django_db
OPT_OUT_URL = f"/gateway/{SECRET}/sms/opt-out"


@pytest.mark.parametrize(
    ("text", "kind", "lang"),
    [
        ("STOP", "stop", "en"), ("stop please", "stop", "en"), ("STOP ALL", "stop", "en"),
        ("UNSUBSCRIBE", "stop", "en"), ("Opt out", "stop", "en"), ("ARRÊT", "stop", "fr"),
        ("arrêtez svp", "stop", "fr"), ("Arrêt s'il vous plaît", "stop", "fr"),
        ("Hagarika", "stop", "rw"), ("HAGARIKA murakoze", "stop", "rw"),
        ("aide", "help", "fr"), ("Ubufasha", "help", "rw"), ("help!", "help", "en"),
        ("Oui", "yes", "fr"), ("yego", "yes", "rw"), ("YES please", "yes", "en"),
        ("", "empty", "rw"), ("   ", "empty", "rw"), ("?!", "empty", "rw"),
        ("Stop the man who takes girls to Kampala", "report", "en"),
        ("Yego, umugabo yatwaye abana", "report", "rw"),
    ],
)  # fmt: skip
def test_keywords_match_after_folding_accents_and_case(text: str, kind: str, lang: str) -> None:
    command = sms_parse(text)
    assert (command.kind, command.lang) == (kind, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("ÉTAT 1234 5678 9012 3456", "fr"), ("état 1234567890123456…", "fr"),
     ("Status: 1234-5678-9012-3456", "en"), ("amakuru 1234 5678 9012 3456", "rw")],
)  # fmt: skip
def test_status_takes_the_receipt_digits_in_any_spelling(text: str, lang: str) -> None:
    command = sms_parse(text)
    assert (command.kind, command.lang, command.receipt) == ("status", lang, "1234567890123456")


def test_an_empty_message_or_a_keyword_never_becomes_a_report(fake_sms) -> None:
    client = Client()
    for text in ("", "   ", "HELP", "ARRÊT", "ÉTAT 12", "yes"):
        assert sms(client, text=text, sender=f"+25078800{len(text):04d}") == 200
    assert not Report.objects.exists()
    assert fake_sms.messages[0].message == SMS["rw"]["help"]


def test_the_reply_goes_from_the_short_code_texted_with_its_link_id(fake_sms) -> None:
    client = Client()
    response = client.post(
        f"/gateway/{SECRET}/sms/inbound",
        {"from": PHONE, "to": "7080", "text": "HELP", "date": "2026-11-28 10:00:00",
         "id": "ATXid_in_1", "linkId": "SampleLinkId123", "networkCode": "63510"},
    )  # fmt: skip
    assert response.status_code == 200
    reply = fake_sms.messages[0]
    assert reply.sender == "7080" and reply.link_id == "SampleLinkId123" and reply.to == [PHONE]
    sms(client, text="AIDE", sender="+250722000111")  # the helper texts "1234", no linkId
    assert fake_sms.messages[1].sender == "1234" and fake_sms.messages[1].link_id == ""


def test_fifteen_identical_messages_in_a_second_give_one_report_and_one_reply(fake_sms) -> None:
    client = Client()
    text = "Auto-reply: a man keeps three girls at a bar in Rubavu"
    for n in range(15):
        assert sms(client, text=text, gateway_id=f"ATXid_burst_{n}") == 200
    assert Report.objects.count() == 1 and len(fake_sms.messages) == 1
    sms(client, text="Another thing: they took her passport")  # new words are a new report
    assert Report.objects.count() == 2


def _opted_in_report_with_queued_sms() -> tuple[Report, Notification]:
    submitted = submit_report(channel=Channel.SMS, sender_phone=PHONE, wants_contact=True,
                              contact_phone=PHONE)  # fmt: skip
    report = submitted.report
    report.status = "in_review"
    assert report_status_notify(report=report, event_key="status:1")
    return report, Notification.objects.get()


def test_stop_cancels_queued_messages_and_erases_the_number_everywhere(fake_sms) -> None:
    report, queued = _opted_in_report_with_queued_sms()
    assert queued.status == NotificationStatus.PENDING and queued.phone == PHONE
    sms(Client(), text="Stop please")
    queued.refresh_from_db()
    report.refresh_from_db()
    assert queued.status == NotificationStatus.CANCELLED and queued.phone == ""
    assert report.contact_phone == "" and not report.wants_contact
    assert report.contact_hash == phone_hash(PHONE)  # the keyed hash stays, the number goes
    assert not notification_deliver(notification_id=queued.pk)  # nothing goes out later
    report.status = "referred"
    assert not report_status_notify(report=report, event_key="status:2")
    assert [m.message for m in fake_sms.messages] == [SMS["en"]["stopped"]]


def test_the_bulk_sms_opt_out_notice_is_a_stop(fake_sms) -> None:
    report, queued = _opted_in_report_with_queued_sms()
    response = Client().post(OPT_OUT_URL, {"senderId": "TABARA", "phoneNumber": PHONE})
    assert response.status_code == 200
    queued.refresh_from_db()
    report.refresh_from_db()
    assert queued.status == NotificationStatus.CANCELLED and report.contact_phone == ""
    assert Client().post(OPT_OUT_URL, {"senderId": "TABARA"}).status_code == 400


def _sent(fake_sms) -> Notification:
    notification_enqueue(
        event_key="e1", channel=NotificationChannel.SMS, subject="", body="x", phone=PHONE
    )
    row = Notification.objects.get()
    assert notification_deliver(notification_id=row.pk)
    row.refresh_from_db()
    assert row.provider_id.startswith("ATXid_")
    return row


@pytest.mark.parametrize("status", ["Sent", "Submitted", "Buffered", "Success"])
def test_every_documented_progress_status_is_recorded_on_its_outbox_row(fake_sms, status) -> None:
    row = _sent(fake_sms)
    data = {"id": row.provider_id, "status": status, "phoneNumber": PHONE, "networkCode": "63510"}
    response = Client().post(DELIVERY_URL, data)
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.delivery_status == status and row.status == NotificationStatus.SENT
    assert SmsDeliveryReport.objects.get().status == status


@pytest.mark.parametrize(
    ("status", "reason"),
    [("Rejected", ""), ("Failed", "UserDoesNotExist"), ("Failed", "DeliveryFailure"),
     ("Failed", "UserInBlackList"), ("Rejected", "InvalidLinkId")],
)  # fmt: skip
def test_final_failures_are_final(fake_sms, status, reason) -> None:
    row = _sent(fake_sms)
    Client().post(DELIVERY_URL, {"id": row.provider_id, "status": status, "phoneNumber": PHONE,
                                 "networkCode": "63510", "failureReason": reason,
                                 "retryCount": "0"})  # fmt: skip
    row.refresh_from_db()
    assert row.status == NotificationStatus.FAILED and row.delivery_reason == reason
    assert not notification_deliver(notification_id=row.pk) and len(fake_sms.messages) == 1


def test_a_blacklisted_number_is_forgotten_like_stop(fake_sms) -> None:
    report, queued = _opted_in_report_with_queued_sms()
    assert notification_deliver(notification_id=queued.pk)
    queued.refresh_from_db()
    report_data = {"id": queued.provider_id, "status": "Failed", "phoneNumber": PHONE}
    Client().post(DELIVERY_URL, {**report_data, "failureReason": "UserInBlackList"})
    report.refresh_from_db()
    assert report.contact_phone == "" and not report.wants_contact


def test_an_undocumented_status_is_ignored(fake_sms) -> None:
    row = _sent(fake_sms)
    Client().post(DELIVERY_URL, {"id": row.provider_id, "status": "Delivered"})
    row.refresh_from_db()
    assert row.delivery_status == "" and not SmsDeliveryReport.objects.exists()


REFUSALS = [(403, "InvalidPhoneNumber"), (404, "UnsupportedNumberType"), (406, "UserInBlacklist")]


@pytest.mark.parametrize(("code", "status"), REFUSALS)
def test_a_permanent_refusal_is_not_retried(fake_sms, code, status) -> None:
    fake_sms.refuse[PHONE] = (code, status)
    notification_enqueue(
        event_key="e2", channel=NotificationChannel.SMS, subject="", body="x", phone=PHONE
    )
    row = Notification.objects.get()
    assert not notification_deliver(notification_id=row.pk)
    row.refresh_from_db()
    assert row.status == NotificationStatus.FAILED and row.attempts == 1
    assert status in row.last_error


def test_the_sandbox_application_uses_the_sandbox_host() -> None:
    assert messaging_url({"username": "sandbox", "base_url": ""}) == (
        "https://api.sandbox.africastalking.com/version1/messaging"
    )
    assert messaging_url({"username": "sandbox", "base_url": "https://api.africastalking.com"}) == (
        SANDBOX_HOST + "/version1/messaging"
    )
    assert messaging_url({"username": "tabara", "base_url": ""}) == (
        "https://api.africastalking.com/version1/messaging"
    )


def test_send_sms_speaks_the_documented_form_fields(fake_sms) -> None:
    send_sms(to=[PHONE], message="hi", sender="7080", link_id="L1")
    sent = fake_sms.messages[0]
    assert (sent.username, sent.to, sent.sender, sent.link_id) == ("sandbox", [PHONE], "7080", "L1")


def test_every_sms_fits_one_message_of_the_gsm_basic_set() -> None:
    from tabara.intake.ussd.gsm import septets
    from tabara.intake.ussd.texts import STATUS

    for lang, texts in SMS.items():
        for key, text in texts.items():
            for status in STATUS:
                shown = text.format(status=STATUS[status][lang], receipt="1234 5678 9012 3456")
                assert septets(shown) == len(shown) <= 160, (lang, key)
