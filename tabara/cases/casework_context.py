"""What the case page shows of the work on a case, within the reader's view of it."""

from __future__ import annotations

from typing import Any

from tabara.cases.access import CaseAccess
from tabara.cases.assessing import assessment_answers
from tabara.cases.assessment_rules import NEED_AREAS, SAFETY_QUESTIONS
from tabara.cases.choices import AssessmentKind, Level, ServiceType
from tabara.cases.forms_work import NEED_CHOICES, SAFETY_CHOICES, SAFETY_LABELS
from tabara.cases.models import CaseAssessment, CaseNote


def _notes(access: CaseAccess) -> list[CaseNote]:
    notes = list(access.notes())
    corrected_by = {note.corrects_id: note for note in notes if note.corrects_id}
    for note in notes:
        note.corrected_by = corrected_by.get(note.pk)  # type: ignore[attr-defined]
    return notes


def assessment_rows(assessment: CaseAssessment) -> list[tuple[str, str]]:
    """(question, answer) in the reader's language, in the order the form asks them."""
    answers = assessment_answers(assessment)
    if assessment.kind == AssessmentKind.SAFETY:
        names = dict(SAFETY_CHOICES)
        return [(str(SAFETY_LABELS[q.key]), str(names[answers[q.key]])) for q in SAFETY_QUESTIONS]
    areas, names = dict(ServiceType.choices), dict(NEED_CHOICES)
    return [(str(areas[a]), str(names[answers[a]])) for a in NEED_AREAS]


def _assessments(access: CaseAccess) -> dict[str, Any]:
    history = list(access.assessments())
    levels = dict(Level.choices)
    for item in history:
        item.level_label = levels.get(item.level, item.level)  # type: ignore[attr-defined]
    latest: dict[str, CaseAssessment] = {}
    for item in history:  # newest first
        latest.setdefault(item.kind, item)
    return {
        "assessments": history,
        "latest_assessments": [
            (latest[kind], assessment_rows(latest[kind]))
            for kind in (AssessmentKind.SAFETY, AssessmentKind.NEEDS)
            if kind in latest
        ],
    }


def casework_context(access: CaseAccess) -> dict[str, Any]:
    """Notes, services, assessments and follow-ups the reader may see (their own query each)."""
    return {
        "notes": _notes(access),
        "services": list(access.services()),
        "follow_ups": list(access.follow_ups()),
        "can_note": access.full,
        **_assessments(access),
    }
