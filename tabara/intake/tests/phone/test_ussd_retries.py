"""Gateway retries, parallel sessions of one phone, end notices and remembered languages.

Each test replays requests as Africa's Talking sends them (form fields sessionId,
serviceCode, phoneNumber, networkCode, text; end notices with status Success, Incomplete
or Failed) through the real gateway URL.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import IntegrityError, transaction

from tabara.core.phones import phone_hash
from tabara.intake.choices import Channel
from tabara.intake.models import Report, UssdLanguage, UssdSession
from tabara.intake.services import ReportAlreadySubmitted, ReportInput, report_submit
from tabara.intake.tests.phone.gateway import PHONE, UssdPhone
from tabara.intake.ussd import texts

pytestmark = pytest.mark.django_db
T = texts.T
# Report > job abroad > don't know where > adults > 2 > a stranger > no call back > (send)
REPORT = ("1", "1", "8", "2", "2", "5", "2")


def test_a_retried_final_request_gets_the_same_receipt_and_stores_nothing_more() -> None:
    phone = UssdPhone()
    phone.dial()
    phone.press(*REPORT)
    done = phone.press("1")
    assert done.startswith("END Murakoze")
    assert phone._post("*".join(phone.inputs)) == done  # the gateway's retry
    with time_machine.travel(dt.timedelta(minutes=10), tick=False):
        assert phone._post("*".join(phone.inputs)) == done  # still, ten minutes later
    with time_machine.travel(dt.timedelta(minutes=30), tick=False):
        late = phone._post("*".join(phone.inputs))  # forgotten: replayed, yet not stored again
    assert late == "END " + T["rw"]["already"]
    assert Report.objects.count() == 1


def test_a_retried_middle_request_gets_the_same_screen_and_does_not_advance() -> None:
    phone = UssdPhone()
    phone.dial()
    where = phone.press("1", "1")
    assert phone._post("1*1") == where
    assert phone.press("8").startswith("CON " + T["rw"]["who"][:10])


def test_the_database_refuses_a_second_report_from_one_source() -> None:
    data = ReportInput(what_happened="[USSD: held] x", source_key="k" * 64)
    report_submit(channel=Channel.USSD, data=data)
    with pytest.raises(ReportAlreadySubmitted):
        report_submit(channel=Channel.USSD, data=data)
    first = Report.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():  # the constraint, not a check
        Report.objects.create(
            channel=Channel.USSD,
            receipt_hash="other",
            what_happened="x",
            source_key=first.source_key,
        )
    assert Report.objects.count() == 1
    report_submit(channel=Channel.WEB, data=ReportInput(what_happened="a"))
    report_submit(channel=Channel.WEB, data=ReportInput(what_happened="b"))  # "" is no source
    assert Report.objects.count() == 3


def test_no_resume_is_offered_while_another_session_of_the_phone_is_live() -> None:
    first = UssdPhone()
    first.dial()
    first.press("1", "1", "8")
    second = UssdPhone()
    assert second.dial() == "CON " + T["rw"]["main"]  # the first one is still answering
    first.press("2", "2", "5", "2")
    assert first.press("1").startswith("END Murakoze")
    assert Report.objects.count() == 1


def test_without_an_end_notice_a_quiet_session_is_resumable_after_the_live_window(
    settings,
) -> None:
    first = UssdPhone()
    first.dial()
    first.press("1", "1", "8")
    with time_machine.travel(dt.timedelta(seconds=settings.USSD_LIVE_SECONDS + 1), tick=False):
        assert UssdPhone().dial() == "CON " + T["rw"]["resume"]


def test_a_dropped_session_that_comes_back_after_its_report_was_taken_sends_nothing() -> None:
    first = UssdPhone()
    first.dial()
    first.press("1", "1", "8")
    first.end("Incomplete")
    second = UssdPhone()
    second.dial()
    second.press("1", *REPORT[3:])
    assert second.press("1").startswith("END Murakoze")
    # A late request of the first session (the gateway delivered it after the notice).
    assert first.press("2") == "END " + T["rw"]["elsewhere"]
    assert Report.objects.count() == 1


def test_two_new_sessions_cannot_both_take_one_dropped_report() -> None:
    first = UssdPhone()
    first.dial()
    first.press("1", "1", "8")
    first.end("Failed")
    assert UssdPhone().dial() == "CON " + T["rw"]["resume"]
    assert UssdPhone().dial() == "CON " + T["rw"]["main"]


def test_end_notices_in_any_order_never_lose_the_state_of_a_report() -> None:
    phone = UssdPhone()
    phone.dial()
    phone.press("1", "1")
    phone.end("Success")  # Success on a half-written report: keep it
    assert UssdSession.objects.get().phase == UssdSession.Phase.DROPPED
    assert phone.press("8").startswith("CON " + T["rw"]["who"][:10])  # a late request carries on
    phone.press(*REPORT[3:])
    phone.press("1")
    phone.end("Incomplete")  # a notice after the final screen changes nothing
    assert UssdSession.objects.get().phase == UssdSession.Phase.ENDED
    assert Report.objects.count() == 1


def test_a_phone_is_answered_in_the_language_it_chose_last_time() -> None:
    first = UssdPhone()
    first.dial()
    assert first.press("4", "2") == "CON " + T["en"]["main"]
    assert UssdPhone().dial() == "CON " + T["en"]["main"]
    assert UssdPhone(phone="+250722000444").dial() == "CON " + T["rw"]["main"]
    remembered = UssdLanguage.objects.get()
    assert remembered.phone_hash == phone_hash(PHONE) and remembered.language == "en"
    again = UssdPhone()
    again.dial()
    again.press("4", "3")
    assert UssdPhone().dial() == "CON " + T["fr"]["main"]
    assert UssdLanguage.objects.count() == 1
