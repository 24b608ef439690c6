"""The screening JSON API, described in the project's OpenAPI schema (/api/openapi.json)."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from tabara.core.public import scrub_request
from tabara.core.ratelimit import over_limit
from tabara.screening.engine import InvalidAnswers, evaluate
from tabara.screening.explain import explain
from tabara.screening.ruleset import load_ruleset

router = Router(tags=["screening"])
Answer = Literal["yes", "no", "unknown"]


class ScreeningIn(Schema):
    answers: dict[str, Answer]
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


@router.post("/screening", response=ScreeningOut, summary="Screen a situation")
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
