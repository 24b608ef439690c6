"""Whatever the gateway sends as `text`, the reply is a CON/END screen of at most 160 septets."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tabara.intake.tests.phone.gateway import USSD_URL
from tabara.intake.tests.phone.test_ussd_menu import WORLD
from tabara.intake.ussd import menu
from tabara.intake.ussd.texts import T

FAILED = "END " + T["rw"]["failed"]

keys = st.sampled_from(["", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "00", "10", "99"])
inputs = st.one_of(
    keys,
    st.text(max_size=40),
    st.text(alphabet="0123456789* #", max_size=60),
    st.builds(lambda n: "9" * n, st.integers(0, 3000)),
)
texts = st.one_of(
    st.just(""),
    st.lists(inputs, max_size=300).map("*".join),
    st.text(max_size=5000),
    st.sampled_from(["**", "*", "***1**", "1*" * 400, "٣*٤", "1\x00*2", "\u202e1*2"]),
)


def check(screen: str) -> None:
    assert screen.startswith(("CON ", "END ")), screen
    assert len(screen) - 4 <= 160, screen  # the body after CON / END, in septets


@settings(max_examples=400, deadline=None)
@given(steps=st.lists(inputs, max_size=400))
def test_menu_always_answers_a_screen(steps: list[str]) -> None:
    step = menu.start()
    for typed in steps:
        step = menu.advance(step.state, typed, WORLD)
        check(step.text)
        if step.lookup is not None:
            step = menu.looked_up(step.state, None)
        if step.submit is not None:
            step = menu.submitted(step.state, "1234 5678 9012 3456")
        check(step.text)
        if step.end:
            step = menu.start()


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(session=st.lists(texts, min_size=1, max_size=6), same_session=st.booleans())
def test_endpoint_never_errors_on_any_text(session: list[str], same_session: bool) -> None:
    client = Client(raise_request_exception=True)
    session_id = uuid.uuid4().hex
    for text in session:
        response = client.post(
            USSD_URL,
            {"sessionId": session_id, "phoneNumber": "+250788000000", "text": text},
        )
        assert response.status_code == 200
        check(response.content.decode())
        assert response.content.decode() != FAILED  # the catch-all never had to answer
        if not same_session:
            session_id = uuid.uuid4().hex
