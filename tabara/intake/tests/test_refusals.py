"""A refused public report keeps everything typed: rate limits, cross-site POSTs, old forms.

Expectations come from the issue (#10, #12): 50 people behind one carrier address all get
receipts; a script replaying one form is slowed; every refusal shows the text again.
"""

from __future__ import annotations

import html
import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client, override_settings
from django.utils import timezone

from tabara.awareness.models import Subscriber
from tabara.awareness.services.newsletter import subscriber_subscribe
from tabara.awareness.tokens import make_token
from tabara.intake.models import Report
from tabara.intake.tests.factories import complete_form

URL = "/rw/report/"
CARRIER = "198.51.100.7"  # one mobile carrier's address for everyone behind it
NO_BROWSER_HEADERS: dict[str, Any] = {"HTTP_SEC_FETCH_SITE": ""}


def form_token(client: Client, url: str = URL) -> str:
    page = client.get(url).content.decode()
    found = re.search(r'name="form_token" value="([^"]+)"', page)
    assert found, "every public form carries a signed token"
    return found.group(1)


def shows_typed(response, text: str) -> bool:
    return html.escape(text, quote=False) in response.content.decode()


@pytest.mark.django_db
def test_fifty_people_behind_one_address_each_get_a_receipt(geography) -> None:
    receipts = 0
    for person in range(50):
        client = Client(REMOTE_ADDR=CARRIER)
        token = form_token(client)
        text = f"Person {person} saw a recruiter take three girls to the bus (synthetic)."
        response = client.post(URL, {**complete_form(what_happened=text), "form_token": token})
        assert response.status_code == 200, response.content.decode()[:300]
        receipts += 'id="receipt"' in response.content.decode()
    assert receipts == 50
    assert Report.objects.count() == 50


@pytest.mark.django_db
def test_a_script_replaying_one_form_is_slowed_and_every_refusal_keeps_the_text(
    geography,
) -> None:
    client = Client(REMOTE_ADDR=CARRIER)
    token = form_token(client)
    text = "Flooding the same report again and again (synthetic)."
    statuses = []
    for _ in range(10):
        response = client.post(URL, {**complete_form(what_happened=text), "form_token": token})
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert shows_typed(response, text)
            assert shows_typed(response, "Synthetic Travel Ltd")
            assert 'id="receipt"' not in response.content.decode()
    assert statuses[:3] == [200, 200, 200]  # PUBLIC_FORM_RATE_LIMITS: 3 per token and text
    assert statuses[3:] == [429] * 7
    assert Report.objects.count() == 3


@pytest.mark.django_db
@override_settings(PUBLIC_RATE_LIMITS={"default": "60/m", "report-submit": "20/m"})
def test_fresh_forms_from_one_address_meet_the_address_budget(geography) -> None:
    client = Client(REMOTE_ADDR=CARRIER)
    statuses = []
    for n in range(22):
        token = form_token(client)
        text = f"Report number {n} from a script (synthetic)."
        data = {**complete_form(what_happened=text), "form_token": token}
        response = client.post(URL, data)
        statuses.append(response.status_code)
    assert statuses == [200] * 20 + [429] * 2
    assert shows_typed(response, "Report number 21 from a script")
    # Another address is not affected.
    other = Client(REMOTE_ADDR="192.0.2.44")
    data = {**complete_form(), "form_token": form_token(other)}
    assert other.post(URL, data).status_code == 200


@pytest.mark.django_db
def test_a_post_without_origin_headers_needs_the_signed_form_token(geography) -> None:
    client = Client(**NO_BROWSER_HEADERS)
    text = "Sent from an old phone browser that sends no Origin (synthetic)."
    refused = client.post(URL, complete_form(what_happened=text))
    assert refused.status_code == 403
    assert shows_typed(refused, text)
    assert Report.objects.count() == 0
    # The page that came back carries a fresh token: sending it again works.
    token = re.search(r'name="form_token" value="([^"]+)"', refused.content.decode())
    assert token
    again = client.post(URL, {**complete_form(what_happened=text), "form_token": token.group(1)})
    assert again.status_code == 200 and 'id="receipt"' in again.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "", "HTTP_ORIGIN": "https://evil.example"},
    ],
)
def test_a_cross_site_post_is_refused_and_keeps_the_text(geography, headers: Any) -> None:
    client = Client(**headers)
    token = form_token(client)
    text = "A forged report (synthetic)."
    response = client.post(URL, {**complete_form(what_happened=text), "form_token": token})
    assert response.status_code == 403
    assert shows_typed(response, text)
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_a_tampered_token_is_refused(geography) -> None:
    client = Client(**NO_BROWSER_HEADERS)
    token = form_token(client)
    data = {**complete_form(), "form_token": token[:-2] + "xx"}
    assert client.post(URL, data).status_code == 403
    assert client.post(URL, {**complete_form(), "form_token": "ñandú:é"}).status_code == 403


@pytest.mark.django_db
def test_a_form_left_open_too_long_comes_back_with_the_text(geography) -> None:
    client = Client()
    start = timezone.now()
    text = "Typed slowly over a whole day (synthetic)."
    with time_machine.travel(start, tick=False) as traveller:
        token = form_token(client)
        traveller.shift(timedelta(hours=13))
        data = {**complete_form(what_happened=text), "form_token": token}
        response = client.post("/en/report/", data)
    assert response.status_code == 400
    assert shows_typed(response, text)
    assert "This page was open for too long" in response.content.decode()
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_a_view_that_ignores_the_refusal_changes_nothing() -> None:
    """The newsletter confirmation has nothing typed: a refused POST is rolled back."""
    subscriber = subscriber_subscribe(
        email="reader@example.org", language="en", base_url="http://testserver"
    )
    path = f"/en/newsletter/confirm/{make_token('confirm', subscriber.pk)}/"
    forged = Client(HTTP_SEC_FETCH_SITE="cross-site").post(path)
    assert forged.status_code == 403
    assert Subscriber.objects.get().status == "pending"
    assert Client().post(path).status_code == 200  # the same POST from the site confirms
    assert Subscriber.objects.get().status == "confirmed"
