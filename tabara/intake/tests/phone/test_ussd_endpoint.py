"""USSD through the gateway endpoint: reports, follow-up, retries, shortcuts, expiry."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from tabara.accounts.roles import Role
from tabara.core.phones import phone_hash
from tabara.intake.choices import Channel
from tabara.intake.models import Report, UssdSession
from tabara.intake.receipts import receipt_hash
from tabara.intake.services import report_reply
from tabara.intake.tests.phone.gateway import PHONE, USSD_URL, UssdPhone
from tabara.intake.ussd import texts

pytestmark = pytest.mark.django_db
T = texts.T


def receipt_of(screen: str) -> str:
    digits = "".join(c for c in screen.split(":")[1] if c.isdigit())[:16]
    assert len(digits) == 16
    return digits


def test_anonymous_report_in_kinyarwanda_is_stored_with_only_a_phone_hash(geography) -> None:
    phone = UssdPhone()
    assert phone.dial() == "CON " + T["rw"]["main"]
    # Report > job abroad > Western > Rubavu (5th) > first sector > children > 2 > social media
    assert "Rubavu" in phone.press("1", "1", "3")
    sectors = phone.press("5")
    assert sectors.startswith("CON " + T["rw"]["sector"])
    phone.press("1", "1", "2", "1", "2")
    done = phone.press("1")
    assert done.startswith("END Murakoze")
    report = Report.objects.get()
    assert report.channel == Channel.USSD and report.language == "rw"
    assert report.receipt_hash == receipt_hash(receipt_of(done))
    assert report.district is not None and report.district.code == "33"
    assert report.sector is not None and report.sector.parent_id == report.district.pk
    assert report.age_group == "child" and report.people_count == 2
    assert report.recruitment_channel == "social_media"
    assert report.what_happened.startswith("[USSD: job_abroad] Akazi")
    assert not report.wants_contact and report.contact_phone == ""
    assert report.contact_hash == phone_hash(PHONE) == phone_hash("0788 123 456")
    ended = UssdSession.objects.get()  # only the last screen is kept, for gateway retries
    assert ended.phase == UssdSession.Phase.ENDED and ended.state == "{}"


def test_call_back_keeps_the_number_and_follow_up_shows_the_staff_reply(
    geography, make_staff
) -> None:
    phone = UssdPhone()
    phone.dial()
    phone.press("4", "2", "1", "6", "A man keeps three girls at a bar", "8", "2", "3", "6", "1")
    done = phone.press("1")
    assert done.startswith("END Thank you")
    report = Report.objects.get()
    assert report.wants_contact and report.contact_phone == PHONE
    assert report.what_happened == "[USSD: other] A man keeps three girls at a bar"
    staff = make_staff(roles=[Role.INTAKE_OFFICER])
    report_reply(user=staff, report_id=report.pk, body="We have sent an officer. " * 12)

    follow = UssdPhone(phone="+250722000001")
    follow.dial()
    follow.press("4", "3", "2")
    status = follow.press(receipt_of(done))
    assert status.startswith("END Etat: en cours d'examen\nMessage: We have sent an officer.")
    assert status.endswith("...") and len(status) <= 182


def test_wrong_receipts_are_refused_then_the_session_ends() -> None:
    phone = UssdPhone()
    phone.dial()
    phone.press("2")
    assert phone.press("1111 2222 3333 4444").startswith("CON " + T["rw"]["not_found"])
    assert phone.press("12").startswith("CON " + T["rw"]["not_found"])
    assert phone.press("5555666677778888") == "END " + T["rw"]["too_many"]


def test_gateway_retry_gets_the_same_screen_without_advancing() -> None:
    phone = UssdPhone()
    phone.dial()
    first = phone.press("3")
    assert phone._post("3") == first  # the same request again
    assert phone.press("4").startswith("CON " + T["rw"]["sos"].split("\n")[0])


def test_unknown_session_with_inputs_is_replayed_from_the_first_screen() -> None:
    phone = UssdPhone()
    assert phone._post("4*2*3*4") == "CON " + T["en"]["sos"]


def test_idle_session_expires_and_starts_again() -> None:
    phone = UssdPhone()
    with time_machine.travel(dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC), tick=False):
        phone.dial()
        phone.press("4", "2")
    with time_machine.travel(dt.datetime(2026, 11, 28, 10, 6, tzinfo=dt.UTC), tick=False):
        # The stored English choice is gone: "4*2*3" is replayed from the start.
        assert phone.press("3") == "CON " + T["en"]["learn"]
        assert UssdSession.objects.count() == 1


def test_an_incomplete_session_keeps_its_state_and_a_successful_one_is_closed() -> None:
    phone = UssdPhone()
    phone.dial()
    phone.press("1", "1")
    assert phone.end("Incomplete") == 200
    kept = UssdSession.objects.get()
    assert kept.phase == UssdSession.Phase.DROPPED and '"s":"r_where"' in kept.state
    learning = UssdPhone(phone="+250722000333")
    learning.dial()
    learning.press("3")
    assert learning.end("Success") == 200
    closed = UssdSession.objects.get(phase=UssdSession.Phase.ENDED)
    assert closed.state == "{}"


def test_request_without_session_id_gets_an_end_screen() -> None:
    response = Client().post(USSD_URL, {"text": "1"})
    assert response.status_code == 200 and response.content.decode().startswith("END ")


def test_a_failing_step_still_answers_with_an_end_screen(monkeypatch) -> None:
    def broken(**_kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr("tabara.intake.ussd.views.ussd_respond", broken)
    assert UssdPhone().dial() == "END " + T["rw"]["failed"]


def test_a_database_error_on_submit_ends_with_an_apology(geography, monkeypatch) -> None:
    from django.db import OperationalError

    def locked(**_kwargs: object) -> None:
        raise OperationalError("database is locked")

    monkeypatch.setattr("tabara.intake.ussd.respond.report_submit", locked)
    phone = UssdPhone()
    phone.dial()
    assert phone.press("1", "1", "8", "4", "0", "6", "2", "1") == "END " + T["rw"]["failed"]


def test_a_dropped_report_is_offered_back_once_to_the_same_phone(geography) -> None:
    dropped = UssdPhone()
    dropped.dial()
    dropped.press("1", "2", "8", "1")  # forced work, place unknown, children: then 2G drops
    assert dropped.end("Failed") == 200
    other = UssdPhone(phone="+250722999888")
    assert other.dial() == "CON " + T["rw"]["main"]  # another phone is not offered it
    back = UssdPhone()
    assert back.dial() == "CON " + T["rw"]["resume"]
    assert back.press("1") == "CON " + T["rw"]["count"]
    done = back.press("3", "6", "2", "1")
    assert done.startswith("END Murakoze")
    report = Report.objects.get()
    assert report.what_happened.startswith("[USSD: forced_work]") and report.people_count == 3
    assert UssdPhone().dial() == "CON " + T["rw"]["main"]  # sent: nothing left to resume


def test_declining_the_offer_starts_afresh_and_forgets_it() -> None:
    dropped = UssdPhone()
    dropped.dial()
    dropped.press("1", "1")
    dropped.end("Incomplete")
    back = UssdPhone()
    back.dial()
    assert back.press("2") == "CON " + T["rw"]["main"]
    assert UssdPhone().dial() == "CON " + T["rw"]["main"]


def test_a_reused_session_id_starts_over_on_an_empty_text() -> None:
    phone = UssdPhone()
    phone.dial()
    phone.press("3", "1")
    assert phone._post("") == "CON " + T["rw"]["main"]


def test_a_wrong_key_over_the_gateway_says_what_to_type_and_the_report_goes_on() -> None:
    phone = UssdPhone()
    phone.dial()
    phone.press("4", "3", "1", "1", "8")  # French; report; job abroad; where? don't know
    wrong = phone.press("7")
    assert wrong == f"CON {T['fr']['invalid_menu']}\n{T['fr']['who']}"
    assert phone.press("2") == f"CON {T['fr']['count']}"  # adults: the next question
