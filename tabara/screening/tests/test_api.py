"""The screening API and its place in the OpenAPI schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from tabara.screening.engine import evaluate

# Rate limits and sign-in throttles live in the cache: each test starts clean.
pytestmark = pytest.mark.usefixtures("fresh_limits")


def post(body: object) -> tuple[int, dict[str, Any]]:
    response = Client().post("/api/screening", json.dumps(body), content_type="application/json")
    return response.status_code, response.json()


@pytest.mark.django_db
def test_the_api_returns_what_the_evaluator_returns() -> None:
    answers = {"age_under_18": "yes", "act_recruited": "yes", "purpose_forced_work": "yes"}
    status, body = post({"answers": answers})
    expected = evaluate(answers)
    assert status == 200
    assert body["outcome"] == expected.outcome
    assert body["elements"] == expected.element_statuses()
    assert body["next_questions"] == list(expected.next_questions)
    assert body["explanation"] is None


@pytest.mark.django_db
def test_lang_adds_explanations_in_that_language() -> None:
    status, body = post({"answers": {"age_under_18": "yes"}, "lang": "fr"})
    assert status == 200 and body["explanation"]["lang"] == "fr"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [{"answers": {"age_under_18": "maybe"}}, {"answers": {"not_an_id": "yes"}}, {"nothing": 1}],
)
def test_bad_input_is_a_clear_4xx(body) -> None:
    status, payload = post(body)
    assert status == 422
    assert payload["detail"]


@pytest.mark.django_db
def test_openapi_schema_documents_the_endpoint() -> None:
    schema = Client().get("/api/openapi.json").json()
    operation = schema["paths"]["/api/screening"]["post"]
    assert operation["summary"] == "Screen a situation"
    assert "ScreeningIn" in json.dumps(operation["requestBody"])
