"""Writes of screening interviews: start, save answers, complete. Each is audited."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.intake.selectors import access_report_by_id
from tabara.screening.engine import evaluate
from tabara.screening.models import ScreeningInterview
from tabara.screening.ruleset import load_ruleset
from tabara.screening.selectors import access_interview_by_id

ANSWER_VALUES = frozenset({"yes", "no", "unknown"})


class InterviewClosed(Exception):
    """A completed interview is a record: it can be read, not changed."""


def clean_answers(raw: Mapping[str, object]) -> dict[str, str]:
    """Keep only known indicator ids with yes/no/unknown: what the evaluator accepts."""
    indicators = load_ruleset().indicators
    return {
        key: str(value)
        for key, value in raw.items()
        if key in indicators and value in ANSWER_VALUES
    }


@transaction.atomic
def screening_start(
    *, user: User, report_id: int | None = None, subject: str = ""
) -> ScreeningInterview:
    """Open a draft interview under the current rule set, optionally about a report."""
    report = access_report_by_id(user, report_id) if report_id is not None else None
    ruleset = load_ruleset()
    assert user.organization_id is not None  # noqa: S101 - user.can() requires an organization
    interview = ScreeningInterview.objects.create(
        organization_id=user.organization_id,
        created_by=user,
        report=report,
        subject=subject,
        ruleset_version=ruleset.version,
        ruleset_sha256=ruleset.sha256,
    )
    audit_record(
        actor=user,
        action=AuditAction.SCREENING_STARTED,
        target_type="screening",
        target_id=interview.pk,
        extra={"report": report_id} if report_id else {},
    )
    return interview


@transaction.atomic
def screening_answers_save(
    *, user: User, interview_id: int, answers: Mapping[str, object], notes: str | None = None
) -> ScreeningInterview:
    """Merge new or changed answers into a draft; blank answers leave the stored ones alone."""
    interview = access_interview_by_id(user, interview_id)
    if interview.status == ScreeningInterview.Status.COMPLETED:
        raise InterviewClosed
    merged = dict(interview.answers)
    merged.update(clean_answers(answers))
    interview.answers = merged
    fields = ["answers", "updated_at"]
    if notes is not None:
        interview.notes = notes
        fields.append("notes")
    interview.save(update_fields=fields)
    return interview


@transaction.atomic
def screening_complete(*, user: User, interview_id: int) -> ScreeningInterview:
    """Evaluate the answers with the interview's rule set and keep the result as it is."""
    interview = access_interview_by_id(user, interview_id)
    if interview.status == ScreeningInterview.Status.COMPLETED:
        raise InterviewClosed
    assessment = evaluate(interview.answers, load_ruleset(interview.ruleset_version))
    interview.status = ScreeningInterview.Status.COMPLETED
    interview.outcome = assessment.outcome
    interview.result = assessment.to_dict()
    interview.completed_at = timezone.now()
    interview.save(update_fields=["status", "outcome", "result", "completed_at", "updated_at"])
    audit_record(
        actor=user,
        action=AuditAction.SCREENING_COMPLETED,
        target_type="screening",
        target_id=interview.pk,
        extra={"outcome": assessment.outcome, "ruleset": assessment.ruleset},
    )
    return interview
