"""The public self-check: step by step without JavaScript, nothing stored, within budget."""

from __future__ import annotations

import gzip
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client

from tabara.screening.explain import teaching_texts

# Rate limits and sign-in throttles live in the cache: each test starts clean.
pytestmark = pytest.mark.usefixtures("fresh_limits")

URL = "/en/check/"


def row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def carried(html: str) -> dict[str, str]:
    return dict(re.findall(r'name="a_([a-z0-9_]+)" value="(yes|no|unknown)"', html))


@pytest.mark.django_db
def test_answers_travel_between_pages_and_nothing_is_stored() -> None:
    before = row_counts()
    client = Client()
    first = client.get(URL).content.decode()
    asked = list(dict.fromkeys(re.findall(r'name="q_([a-z0-9_]+)"', first)))
    assert len(asked) == 3
    second = client.post(URL, {f"q_{asked[0]}": "yes", "action": "next"}).content.decode()
    state = carried(second)
    assert state[asked[0]] == "yes"
    assert state[asked[1]] == state[asked[2]] == "unknown"  # blank means don't know
    assert not set(re.findall(r'name="q_([a-z0-9_]+)"', second)) & set(state)
    assert row_counts() == before
    assert "Set-Cookie" not in str(client.get(URL).serialize_headers())


@pytest.mark.django_db
def test_result_teaches_every_outcome_and_offers_the_report_form() -> None:
    answers = {
        "a_age_under_18": "yes",
        "a_act_recruited": "yes",
        "a_act_transported": "yes",
        "a_purpose_forced_work": "yes",
    }
    html = Client().post(URL, answers | {"action": "result"}).content.decode()
    assert "What your answers suggest" in html
    for teaching in teaching_texts("en"):
        assert teaching.label.replace("'", "&#x27;") in html
    assert 'href="/en/report/"' in html


@pytest.mark.django_db
def test_forged_hidden_answers_are_ignored_not_an_error() -> None:
    response = Client().post(URL, {"a_not_an_indicator": "yes", "a_age_under_18": "maybe"})
    assert response.status_code == 200
    state = carried(response.content.decode())
    assert "not_an_indicator" not in state
    assert state.get("age_under_18") in {None, "unknown"}  # "maybe" was dropped


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["rw", "en", "fr"])
def test_self_check_pages_fit_the_public_budget(language) -> None:
    client = Client()
    pages = [
        client.get(f"/{language}/check/").content,
        client.post(f"/{language}/check/", {"a_age_under_18": "no", "action": "result"}).content,
    ]
    for page in pages:
        assert b"<script" not in page
        assert len(gzip.compress(page)) <= settings.REPORT_PAGE_BUDGET_BYTES
