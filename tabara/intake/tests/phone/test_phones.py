"""One phone, one normal form, one keyed hash; no number, no hash."""

from __future__ import annotations

import pytest

from tabara.core.phones import phone_hash, phone_normalise
from tabara.intake.sms.replies import sms_reply_send
from tabara.intake.tests.phone.test_ussd_menu import WORLD
from tabara.intake.ussd import menu


@pytest.mark.parametrize(
    "raw",
    [
        "+250788000111",
        "250788000111",
        "0788 000 111",
        "00250 788-000-111",
        " (+250) 788000111 ",
        "788000111",
    ],
)
def test_the_same_rwandan_number_in_every_spelling(raw) -> None:
    assert phone_normalise(raw) == "+250788000111"
    assert phone_hash(raw) == phone_hash("+250788000111") != ""


def test_no_digits_is_no_number() -> None:
    assert phone_normalise("MTN") == "" and phone_hash("") == ""
    assert phone_normalise("+1 202 555 0100") == "+12025550100"
    assert sms_reply_send(to="MTN", message="hello") is False


def test_an_empty_description_is_asked_again() -> None:
    step = menu.start()
    for key in ("1", "6"):
        step = menu.advance(step.state, key, WORLD)
    again = menu.advance(step.state, "   ", WORLD)
    assert again.state["s"] == "r_other" and again.text.startswith("CON ")
