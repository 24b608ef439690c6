"""The screening JSON API, described in the project's OpenAPI schema (/api/openapi.json)."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from pydantic import JsonValue

from tabara.core.public import scrub_request
from tabara.core.ratelimit import over_limit
from tabara.screening.engine import InvalidAnswers, evaluate
from tabara.screening.explain import explain
from tabara.screening.ruleset import load_ruleset

router = Router(tags=["screening"])
Answer = Literal["yes", "no", "unknown"]
# The schema names the indicators the published rule set asks about, so a request the schema
# calls valid is one the evaluator accepts (an unknown id is still refused with 422).
INDICATORS: list[JsonValue] = list(load_ruleset().question_order)


class ScreeningIn(Schema):
    answers: dict[str, Answer] = Field(json_schema_extra={"propertyNames": {"enum": INDICATORS}})
    lang: Literal["rw", "en", "fr"] | None = None


class Elements(Schema):
    child: Literal["yes", "no", "unknown"]
    act: Literal["met", "not_met", "unknown"]
    means: Literal["met", "partial", "not_met", "unknown", "not_required"]
    purpose: list[str] | str
    smuggling: Literal["met", "not_met", "unknown"]


class ScreeningOut(Schema):
    outcome: str
    secondary: list[str]
    elements: Elements
    next_questions: list[str]
    warnings: list[str]
    referrals: list[str]
    needs_legal_confirmation: bool
    ruleset: str
    ruleset_sha256: str
    explanation: dict[str, Any] | None = None


class Refusal(Schema):
    """Why a request was refused: a sentence, or the validator's list of faulty fields."""

    detail: str | list[dict[str, Any]]


# Every status the endpoint answers is in the schema, so clients (and schemathesis) can rely on it.
@router.post(
    "/screening",
    response={200: ScreeningOut, 400: Refusal, 422: Refusal, 429: Refusal},
    summary="Screen a situation",
)
def screen(request: HttpRequest, payload: ScreeningIn) -> dict[str, Any]:
    """Evaluate answers (indicator id → yes/no/unknown; missing means unknown).

    Nothing is stored. With `lang` the response adds human explanations in Kinyarwanda,
    English or French, citing the law and flagging what awaits legal confirmation.
    """
    if over_limit(request, group="screening-api", token="", content=""):
        raise HttpError(429, "Too many requests; wait a minute.")
    scrub_request(request)
    ruleset = load_ruleset()
    try:
        assessment = evaluate(payload.answers, ruleset)
    except InvalidAnswers as exc:
        raise HttpError(422, str(exc)) from exc
    body = assessment.to_dict()
    if payload.lang:
        body["explanation"] = explain(assessment, payload.lang, ruleset)
    return body
