"""Recording a case's safety and needs assessments; each one is kept (the history)."""

from __future__ import annotations

import json

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.access import Purpose, access_case_by_id
from tabara.cases.assessment_rules import needs_level, safety_level
from tabara.cases.choices import AssessmentKind, EventKind
from tabara.cases.models import CaseAssessment
from tabara.cases.services import case_event_record


@transaction.atomic
def case_assess(
    *, user: User, case_id: int, kind: AssessmentKind, answers: dict[str, str], notes: str = ""
) -> CaseAssessment:
    """Score and keep one assessment by the owning organization (answers encrypted at rest).

    Raises AnswersInvalid when a question is missing or answered with an unknown value.
    """
    case = access_case_by_id(user, case_id, purpose=Purpose.UPDATE).case
    level = safety_level(answers) if kind == AssessmentKind.SAFETY else needs_level(answers)
    assessment = CaseAssessment.objects.create(
        case=case,
        kind=kind,
        answers=json.dumps(answers, sort_keys=True),
        level=level,
        notes=notes.strip(),
        assessed_by=user,
        assessed_at=timezone.now(),
    )
    case_event_record(
        case=case,
        kind=EventKind.ASSESSED,
        actor=user,
        codes=[("assessment", kind), ("level", level)],
        needs_full_scope=kind == AssessmentKind.SAFETY,
    )
    audit_record(
        actor=user,
        action=AuditAction.CASE_ASSESSED,
        target_type="case",
        target_id=case.pk,
        extra={"kind": str(kind), "level": level, "assessment": assessment.pk},
    )
    return assessment


def assessment_answers(assessment: CaseAssessment) -> dict[str, str]:
    """The stored answers of an assessment the caller was allowed to read."""
    answers: dict[str, str] = json.loads(assessment.answers)
    return answers
