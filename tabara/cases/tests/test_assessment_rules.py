"""The scoring of assessments, as a table; the expectations restate the rules in words.

Safety: high when any severe danger is present (the trafficker in contact, threats, risk of
self-harm, urgent health needs, no safe place); medium when a lesser danger is present or a
severe question is unanswered; low otherwise. Needs: high with an urgent need, medium with
a need, low with none.
"""

from __future__ import annotations

import pytest

from tabara.cases.assessment_rules import (
    NEED_AREAS,
    AnswersInvalid,
    needed_services,
    needs_level,
    safety_level,
)
from tabara.cases.choices import ServiceType

CALM = {
    "trafficker_in_contact": "no",
    "threatened": "no",
    "self_harm": "no",
    "urgent_health": "no",
    "family_involved": "no",
    "safe_place": "yes",
    "stigma": "no",
    "re_recruitment": "no",
}


@pytest.mark.parametrize(
    ("changes", "level"),
    [
        ({}, "low"),
        ({"threatened": "yes"}, "high"),
        ({"trafficker_in_contact": "yes"}, "high"),
        ({"safe_place": "no"}, "high"),
        ({"urgent_health": "yes", "stigma": "yes"}, "high"),
        ({"stigma": "yes"}, "medium"),
        ({"family_involved": "yes", "re_recruitment": "yes"}, "medium"),
        ({"self_harm": "unknown"}, "medium"),
        ({"safe_place": "unknown"}, "medium"),
        ({"stigma": "unknown"}, "low"),
    ],
)
def test_safety_levels(changes: dict[str, str], level: str) -> None:
    assert safety_level({**CALM, **changes}) == level


@pytest.mark.parametrize(
    ("changes", "level"),
    [({}, "low"), ({"medical": "needed"}, "medium"), ({"shelter": "urgent"}, "high")],
)
def test_needs_levels(changes: dict[str, str], level: str) -> None:
    assert needs_level({**dict.fromkeys(NEED_AREAS, "none"), **changes}) == level


def test_needed_services_put_urgent_first() -> None:
    answers = {**dict.fromkeys(NEED_AREAS, "none"), "medical": "needed", "livelihood": "urgent"}
    assert needed_services(answers) == ["livelihood", "medical"]


def test_every_service_type_is_a_need_area() -> None:
    assert set(NEED_AREAS) == set(ServiceType.values)


@pytest.mark.parametrize(
    "answers",
    [
        {k: v for k, v in CALM.items() if k != "stigma"},
        {**CALM, "stigma": "maybe"},
        {**CALM, "extra": "no"},
    ],
)
def test_incomplete_or_unknown_answers_are_refused(answers: dict[str, str]) -> None:
    with pytest.raises(AnswersInvalid):
        safety_level(answers)
