"""Knowledge tests: questions, keyed-in paper answers and one-time phone links."""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.awareness.choices import Phase
from tabara.awareness.models import (
    Activity,
    Attempt,
    AttemptCode,
    KnowledgeTest,
    Participant,
    Question,
)
from tabara.awareness.stats import score_answers
from tabara.core.crypto import keyed_hash
from tabara.screening.ruleset import load_ruleset

# Outcomes whose teaching texts make "tell it apart" questions: the four things people
# most often confuse (conference of 12 December 2019, Never Again Rwanda).
TELL_APART = ("trafficking", "smuggling", "sex_work", "child_labour")
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class InviteInvalid(Exception):
    """The code is unknown or was already used."""


def screening_questions() -> list[Question]:
    """One question per confusable outcome, from the rule set's teaching texts (idempotent).

    The situation is the outcome's short teaching text; the options are the outcome
    labels, in all three languages as the rule set words them.
    """
    ruleset = load_ruleset()
    outcomes = [ruleset.outcomes[key] for key in TELL_APART if key in ruleset.outcomes]
    options = [[o.id, {lang: o.label.get(lang) for lang in ("rw", "en", "fr")}] for o in outcomes]
    questions = []
    for outcome in outcomes:
        question, _created = Question.objects.get_or_create(
            source=f"screening:{ruleset.version}:{outcome.id}",
            defaults={
                "prompt": {lang: outcome.short.get(lang) for lang in ("rw", "en", "fr")},
                "options": options,
                "answer": outcome.id,
                "distinguishes": True,
            },
        )
        questions.append(question)
    return questions


@transaction.atomic
def question_create(
    *,
    user: User,
    prompt: dict[str, str],
    options: Sequence[dict[str, str]],
    answer: int,
    distinguishes: bool = False,
) -> Question:
    """A staff-written question; `options` are {language: label} and `answer` is an index."""
    question = Question(
        prompt={k: v for k, v in prompt.items() if v},
        options=[
            [f"o{i}", {k: v for k, v in labels.items() if v}] for i, labels in enumerate(options)
        ],
        answer=f"o{answer}",
        distinguishes=distinguishes,
        source=f"staff:{user.pk}",
    )
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def knowledge_test_for(*, activity: Activity) -> KnowledgeTest:
    """The activity's test, created with the rule-set questions the first time."""
    test, created = KnowledgeTest.objects.get_or_create(activity=activity)
    if created:
        test.questions.set(screening_questions())
    return test


@transaction.atomic
def knowledge_test_set_questions(
    *, user: User, activity: Activity, question_ids: list[int]
) -> KnowledgeTest:
    """Choose the questions of an activity's test."""
    test = knowledge_test_for(activity=activity)
    test.questions.set(Question.objects.filter(pk__in=question_ids))
    audit_record(
        actor=user,
        action=AuditAction.TEST_RECORDED,
        target_type="activity",
        target_id=activity.pk,
        extra={"questions": sorted(question_ids)},
    )
    return test


def answer_key(test: KnowledgeTest) -> list[tuple[str, str, bool]]:
    """(question id, right answer, tells-apart) for every question of the test."""
    return [(str(q.pk), q.answer, q.distinguishes) for q in test.questions.order_by("id")]


@transaction.atomic
def attempt_record(
    *,
    test: KnowledgeTest,
    participant: Participant,
    phase: str,
    answers: dict[str, str] | None = None,
    score: float | None = None,
    distinguishes: bool | None = None,
    channel: str = Attempt.Channel.PAPER,
    user: User | None = None,
    audit: bool = True,
) -> Attempt:
    """Record (or correct) one participant's test in one phase.

    Given answers, the score is computed against the test's key; a paper total can be
    keyed in as `score` instead. A later record for the same phase replaces the earlier.
    """
    if answers is not None:
        score, distinguishes = score_answers(answers, answer_key(test))
    if score is None or not 0 <= score <= 100:
        raise ValueError("score must be between 0 and 100")
    attempt, _created = Attempt.objects.update_or_create(
        test=test,
        participant=participant,
        phase=Phase(phase),
        defaults={
            "answers": answers or {},
            "score": score,
            "distinguishes": distinguishes,
            "channel": channel,
        },
    )
    if audit:
        audit_record(
            actor=user,
            action=AuditAction.TEST_RECORDED,
            target_type="test_attempt",
            target_id=attempt.pk,
            extra={"phase": phase, "channel": channel},
        )
    return attempt


def _code_hash(code: str) -> str:
    return keyed_hash(code.strip().upper().replace(" ", "").replace("-", ""), purpose="test-invite")


@transaction.atomic
def invites_issue(*, user: User, activity: Activity, phase: str) -> list[tuple[Participant, str]]:
    """A fresh one-time code for every participant who has not yet taken this phase.

    Earlier unused codes for the same phase stop working. The codes are returned once,
    to be printed or read out; only their keyed hashes are stored.
    """
    test = knowledge_test_for(activity=activity)
    done = set(test.attempts.filter(phase=phase).values_list("participant_id", flat=True))
    AttemptCode.objects.filter(test=test, phase=phase, used_at__isnull=True).delete()
    issued = []
    for participant in activity.participants.order_by("number"):
        if participant.pk in done:
            continue
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        AttemptCode.objects.create(
            test=test, participant=participant, phase=phase, code_hash=_code_hash(code)
        )
        issued.append((participant, code))
    audit_record(
        actor=user,
        action=AuditAction.TEST_RECORDED,
        target_type="activity",
        target_id=activity.pk,
        extra={"invites": len(issued), "phase": phase},
    )
    return issued


def invite_open(*, code: str) -> AttemptCode:
    """The unused invite for `code`, with its test and questions, or InviteInvalid."""
    invite = (
        AttemptCode.objects.select_related("test", "test__activity", "participant")
        .filter(code_hash=_code_hash(code), used_at__isnull=True)
        .first()
    )
    if invite is None:
        raise InviteInvalid(code)
    return invite


@transaction.atomic
def invite_answer(*, code: str, answers: dict[str, str]) -> Attempt:
    """Score a phone test and use up its code; a second use of the code is refused."""
    invite = invite_open(code=code)
    used = AttemptCode.objects.filter(pk=invite.pk, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    if not used:  # pragma: no cover - another request used the code since invite_open
        raise InviteInvalid(code)
    return attempt_record(
        test=invite.test,
        participant=invite.participant,
        phase=invite.phase,
        answers=answers,
        channel=Attempt.Channel.PHONE,
    )
