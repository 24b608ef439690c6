"""Property-based tests of the evaluator over random answer sets (Hypothesis)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tabara.screening.engine import evaluate
from tabara.screening.ruleset import load_ruleset
from tabara.screening.schema import ELEMENT_STATUSES, OUTCOME_IDS, PURPOSE_TYPE_IDS

RULESET = load_ruleset()
IDS = tuple(RULESET.indicators)
VALUES = ("yes", "no", "unknown")
GROUPS = RULESET.groups
MEANS = GROUPS["strong_means"] + GROUPS["medium_means"] + GROUPS["weak_means"]
# Means answers that the rules use for nothing but the means element. The others double as
# evidence of an act (act_sold_or_paid_for, smuggling_held_until_paid) or of a purpose
# (coercion for forced labour, payment for a child marriage): see the next test.
ALSO_ACT_OR_PURPOSE = set(GROUPS["act"]) | set(GROUPS["coercion"]) | set(GROUPS["conditions"])
ALSO_ACT_OR_PURPOSE |= set(GROUPS["child_marriage_payment"])
MEANS_ONLY = tuple(i for i in MEANS if i not in ALSO_ACT_OR_PURPOSE)

answer_sets = st.dictionaries(st.sampled_from(IDS), st.sampled_from(VALUES), max_size=len(IDS))


def with_age(answers: dict[str, str], value: str) -> dict[str, str]:
    return {**answers, "age_under_18": value}


@settings(max_examples=400, deadline=None)
@given(answer_sets)
def test_evaluator_is_total_and_deterministic(answers: dict[str, str]) -> None:
    first = evaluate(answers)
    assert first == evaluate(dict(reversed(list(answers.items()))))
    assert first.outcome in OUTCOME_IDS
    assert set(first.secondary) <= set(OUTCOME_IDS) - {first.outcome}
    statuses = first.element_statuses()
    for element, status in statuses.items():
        if element == "purpose" and isinstance(status, list):
            assert status and set(status) <= set(PURPOSE_TYPE_IDS)
        else:
            assert status in ELEMENT_STATUSES[element]
    assert json.loads(json.dumps(first.to_dict()))["ruleset"] == RULESET.version


@settings(deadline=None)  # a loaded CI machine must not make a property flaky
@given(answer_sets)
def test_missing_answer_means_unknown(answers: dict[str, str]) -> None:
    explicit = {key: answers.get(key, "unknown") for key in IDS}
    assert evaluate(answers) == evaluate(explicit)


@settings(deadline=None)  # a loaded CI machine must not make a property flaky
@given(answer_sets)
def test_a_child_is_never_classified_sex_work(answers: dict[str, str]) -> None:
    assessment = evaluate(with_age(answers, "yes"))
    assert assessment.outcome != "sex_work"
    assert "sex_work" not in assessment.secondary
    assert assessment.means.status == "not_required"


@settings(deadline=None)  # a loaded CI machine must not make a property flaky
@given(answer_sets, st.sampled_from(MEANS_ONLY), st.sampled_from(VALUES))
def test_for_a_child_means_answers_never_change_trafficking(
    answers: dict[str, str], means: str, value: str
) -> None:
    child = with_age(answers, "yes")
    if evaluate(child).outcome == "trafficking":
        assert evaluate({**child, means: value}).outcome == "trafficking"


@settings(deadline=None)  # a loaded CI machine must not make a property flaky
@given(answer_sets, st.sampled_from(MEANS), st.sampled_from(VALUES))
def test_for_a_child_means_count_only_as_evidence_of_act_or_purpose(
    answers: dict[str, str], means: str, value: str
) -> None:
    child = with_age(answers, "yes")
    before = evaluate(child)
    cited = set(before.act.yes) | set(before.purpose.yes)
    if before.outcome == "trafficking" and means not in cited:
        assert evaluate({**child, means: value}).outcome == "trafficking"


@settings(max_examples=300, deadline=None)
@given(answer_sets, st.sampled_from(GROUPS["strong_means"]))
def test_adult_trafficking_survives_a_strong_means_turning_yes(
    answers: dict[str, str], strong: str
) -> None:
    adult = with_age(answers, "no")
    if evaluate(adult).outcome == "trafficking" and adult.get(strong, "unknown") == "unknown":
        assert evaluate({**adult, strong: "yes"}).outcome == "trafficking"


@settings(max_examples=400, deadline=None)
@given(answer_sets)
def test_next_questions_never_lists_an_answered_indicator(answers: dict[str, str]) -> None:
    assessment = evaluate(answers)
    answered = {key for key, value in answers.items() if value != "unknown"}
    assert answered.isdisjoint(assessment.next_questions)
    assert len(set(assessment.next_questions)) == len(assessment.next_questions)
    assert set(assessment.next_questions) <= set(IDS)


@settings(deadline=None)  # a loaded CI machine must not make a property flaky
@given(answer_sets)
def test_unknown_age_is_asked_first(answers: dict[str, str]) -> None:
    assessment = evaluate({**answers, "age_under_18": "unknown"})
    assert assessment.next_questions[0] == "age_under_18"
