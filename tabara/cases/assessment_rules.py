"""The structured assessments of a case and how they are scored. Pure: no Django.

HTCDS 2.0 ("Assessment and Planning") replaces a single vulnerability field with risk
questions at three levels (individual, household, community), asked several times during
a case. The safety assessment below asks eight such questions, each answered yes, no or
unknown; the needs assessment rates each service of the plan as not needed, needed or
urgent. Each assessment is kept, so the history shows how risk and needs changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["low", "medium", "high"]
YES, NO, UNKNOWN = "yes", "no", "unknown"
NOT_NEEDED, NEEDED, URGENT = "none", "needed", "urgent"


@dataclass(frozen=True)
class Question:
    """One safety question: its key, HTCDS level, the answer that signals danger, severity."""

    key: str
    level: Literal["individual", "household", "community"]
    danger: str
    severe: bool


SAFETY_QUESTIONS = (
    Question("trafficker_in_contact", "individual", YES, severe=True),
    Question("threatened", "individual", YES, severe=True),
    Question("self_harm", "individual", YES, severe=True),
    Question("urgent_health", "individual", YES, severe=True),
    Question("family_involved", "household", YES, severe=False),
    Question("safe_place", "household", NO, severe=True),
    Question("stigma", "community", YES, severe=False),
    Question("re_recruitment", "community", YES, severe=False),
)
SAFETY_ANSWERS = (YES, NO, UNKNOWN)

# The services a needs assessment rates: the same keys as the plan's service types.
NEED_AREAS = (
    "shelter",
    "medical",
    "psychosocial",
    "legal_aid",
    "family_tracing",
    "repatriation",
    "reintegration",
    "education",
    "livelihood",
)
NEED_ANSWERS = (NOT_NEEDED, NEEDED, URGENT)


class AnswersInvalid(ValueError):
    """An assessment must answer every question with one of its allowed answers."""


def safety_level(answers: dict[str, str]) -> Level:
    """High if any severe danger is present; medium if another danger is present or a
    severe question could not be answered; low otherwise."""
    _require(answers, [q.key for q in SAFETY_QUESTIONS], SAFETY_ANSWERS)
    if any(q.severe and answers[q.key] == q.danger for q in SAFETY_QUESTIONS):
        return "high"
    if any(answers[q.key] == q.danger for q in SAFETY_QUESTIONS) or any(
        q.severe and answers[q.key] == UNKNOWN for q in SAFETY_QUESTIONS
    ):
        return "medium"
    return "low"


def needs_level(answers: dict[str, str]) -> Level:
    """High if any need is urgent; medium if any is needed; low if none is."""
    _require(answers, list(NEED_AREAS), NEED_ANSWERS)
    values = set(answers.values())
    if URGENT in values:
        return "high"
    return "medium" if NEEDED in values else "low"


def needed_services(answers: dict[str, str]) -> list[str]:
    """The service types rated needed or urgent, urgent ones first."""
    urgent = [area for area in NEED_AREAS if answers.get(area) == URGENT]
    return urgent + [area for area in NEED_AREAS if answers.get(area) == NEEDED]


def _require(answers: dict[str, str], keys: list[str], allowed: tuple[str, ...]) -> None:
    if sorted(answers) != sorted(keys) or any(answers[k] not in allowed for k in keys):
        raise AnswersInvalid
