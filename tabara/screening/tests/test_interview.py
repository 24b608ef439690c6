"""The API for the Django layer: next questions for an interview, and teaching texts."""

from __future__ import annotations

import pytest

from tabara.screening.engine import InvalidAnswers, evaluate
from tabara.screening.explain import explain, teaching_texts
from tabara.screening.interview import next_questions
from tabara.screening.model import Indicator
from tabara.screening.schema import OUTCOME_IDS


def test_an_empty_interview_starts_with_age_then_how_the_person_came() -> None:
    questions = next_questions({}, n=4)
    assert [q.id for q in questions][:1] == ["age_under_18"]
    assert all(isinstance(q, Indicator) for q in questions)
    assert len(questions) == 4


def test_a_question_answered_unknown_is_not_offered_again_by_default() -> None:
    answers = {"age_under_18": "unknown"}
    assert next_questions(answers, n=1)[0].id != "age_under_18"
    assert next_questions(answers, n=1, skip_asked=False)[0].id == "age_under_18"
    assert evaluate(answers).next_questions[0] == "age_under_18"


def test_next_questions_validates_answers() -> None:
    with pytest.raises(InvalidAnswers):
        next_questions({"no_such_question": "yes"})
    assert next_questions({}, n=0) == ()


@pytest.mark.parametrize("lang", ["rw", "en", "fr"])
def test_teaching_texts_cover_every_outcome(lang: str) -> None:
    texts = teaching_texts(lang)
    assert [t.outcome for t in texts] == list(OUTCOME_IDS)
    for text in texts:
        assert text.label and text.long
        assert 0 < len(text.short) <= 150


@pytest.mark.parametrize("lang", ["rw", "en", "fr"])
def test_explanations_flag_unconfirmed_law(lang: str) -> None:
    answers = {"age_under_18": "no", "sexwork_sells_sex": "yes", "sexwork_keeps_earnings": "yes"}
    answers |= {"sexwork_third_party_control": "no", "ctx_free_to_leave": "yes"}
    assessment = evaluate(answers)
    assert assessment.outcome == "sex_work" and assessment.needs_legal_confirmation
    words = explain(assessment, lang)
    review = words["notices"][-1]
    unconfirmed = [ref for ref in words["outcome"]["law"] if ref["unconfirmed"]]
    assert unconfirmed and all(ref["note"] == review for ref in unconfirmed)
    assert [w["id"] for w in words["warnings"]] == ["sex_work_legal_status"]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        teaching_texts("sw")
