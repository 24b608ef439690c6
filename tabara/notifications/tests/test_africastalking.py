"""The Africa's Talking client against the fake server that speaks the same API."""

from __future__ import annotations

import pytest

from tabara.notifications.africastalking import SmsDisabled, SmsGatewayError, send_sms


def test_send_sms_posts_the_documented_fields_and_parses_recipients(fake_sms) -> None:
    results = send_sms(to=["+250788000111", "+250738000222"], message="Muraho")
    assert [r.number for r in results] == ["+250788000111", "+250738000222"]
    assert all(r.ok and r.status == "Success" and r.message_id for r in results)
    sms = fake_sms.messages[0]
    assert (sms.username, sms.to, sms.message) == (
        "sandbox",
        ["+250788000111", "+250738000222"],
        "Muraho",
    )
    assert (sms.sender, sms.api_key) == ("TABARA", "test-key")


def test_server_errors_raise_so_the_caller_can_retry(fake_sms) -> None:
    fake_sms.fail_first = 1
    with pytest.raises(SmsGatewayError):
        send_sms(to=["+250788000111"], message="x")
    assert send_sms(to=["+250788000111"], message="x")[0].ok


def test_a_repeated_idempotency_key_is_sent_once(fake_sms) -> None:
    first = send_sms(to=["+250788000111"], message="x", idempotency_key="k1")
    again = send_sms(to=["+250788000111"], message="x", idempotency_key="k1")
    assert first == again and len(fake_sms.messages) == 1


def test_switched_off_sends_nothing(settings) -> None:
    settings.USE_AFRICASTALKING = False
    with pytest.raises(SmsDisabled):
        send_sms(to=["+250788000111"], message="x")


def test_only_http_urls_are_used(fake_sms, settings) -> None:
    settings.AFRICASTALKING = {**settings.AFRICASTALKING, "base_url": "file:///etc"}
    with pytest.raises(SmsGatewayError):
        send_sms(to=["+250788000111"], message="x")
