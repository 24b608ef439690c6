"""Reads of screening interviews: staff see their own organization's, through these only."""

from __future__ import annotations

from django.db.models import QuerySet

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.core.domain_errors import NotFound
from tabara.screening.models import ScreeningInterview


class InterviewNotFound(NotFound):
    """The interview does not exist or belongs to another organization: the same answer."""


def interview_list_accessible(user: User) -> QuerySet[ScreeningInterview]:
    """Interviews of the user's organization, if the user may screen; none otherwise."""
    if not user.can(Perm.SCREENING_RUN) or user.organization_id is None:
        return ScreeningInterview.objects.none()
    return ScreeningInterview.objects.filter(organization_id=user.organization_id).select_related(
        "created_by", "report"
    )


def access_interview_by_id(user: User, interview_id: int) -> ScreeningInterview:
    """One interview the user may see, or InterviewNotFound."""
    interview = interview_list_accessible(user).filter(pk=interview_id).first()
    if interview is None:
        raise InterviewNotFound
    return interview


def interviews_for_report(user: User, report_id: int) -> QuerySet[ScreeningInterview]:
    """The user's organization's screenings attached to one report."""
    return interview_list_accessible(user).filter(report_id=report_id)


def interviews_completed_accessible(user: User) -> QuerySet[ScreeningInterview]:
    """Completed interviews the user may see (their organization's), without joins."""
    return (
        interview_list_accessible(user)
        .filter(status=ScreeningInterview.Status.COMPLETED)
        .select_related(None)
    )


def completed_outcomes_and_answers(ruleset_version: str) -> list[tuple[str, dict[str, str]]]:
    """(outcome, answers) of every completed interview under one rule set, for refitting the
    question-choice prior: no subject, notes, reporter, organization or date leaves here."""
    rows = ScreeningInterview.objects.filter(
        status=ScreeningInterview.Status.COMPLETED, ruleset_version=ruleset_version
    ).values_list("outcome", "answers")
    return [(outcome, dict(answers)) for outcome, answers in rows]
