"""Every red-flag rule, checked against what its sources say; the level never drops.

The table below is written from the sources (docs/job-offers.md), not read from the rule
file: for each situation, the flag the source calls for and the advice a labour-migration
officer would give. ILO fair recruitment general principles (GP) 6-11, C181 Art 7(1) and
3(2), the ILO forced-labour indicators and the ILO/EC operational indicators.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tabara.recruitment.offers import (
    AGENCY_STATUS,
    AGENCY_STATUSES,
    PUBLISHED,
    RULES_DIR,
    OfferRulesError,
    build_offer_rules,
    clean_offer_answers,
    evaluate_offer,
    load_offer_rules,
)

RULES = load_offer_rules()
BE_CAREFUL, CHECK_FIRST, REPORT = 1, 2, 3
# (answers, the one flag they raise, the level that flag alone gives, its source)
TABLE = [
    ({"fees": "job"}, "fee_charged", CHECK_FIRST, "ILO-FR"),  # GP 7: no fee borne by workers
    ({"fees": "travel"}, "fee_charged", CHECK_FIRST, "C181"),  # Art 7(1): nor related costs
    ({"passport": "recruiter"}, "passport_taken", REPORT, "ILO11"),  # indicator 7; GP 11
    ({"passport": "employer"}, "passport_taken", REPORT, "ILO-FR"),
    ({"contract": "none"}, "no_written_contract", CHECK_FIRST, "ILO-FR"),  # GP 8
    ({"contract": "later"}, "no_written_contract", CHECK_FIRST, "DELPHI"),
    ({"contract": "foreign"}, "contract_not_understood", CHECK_FIRST, "ILO-FR"),  # GP 8, 10
    ({"salary": "much_higher"}, "pay_too_good", BE_CAREFUL, "PAL"),  # Art 3(a) deception
    ({"visa": "tourist"}, "wrong_visa", CHECK_FIRST, "ILO-FR"),  # GP 6
    ({"visa": "id_only"}, "wrong_visa", CHECK_FIRST, "NEWTIMES-2019"),
    ({"travel_repaid": "yes"}, "debt_for_travel", CHECK_FIRST, "ILO11"),  # indicator 9
    ({"hurry": "yes"}, "pushed_to_hurry", BE_CAREFUL, "ILO-FR"),  # GP 9
    ({"lie": "yes"}, "told_to_lie", REPORT, "DELPHI"),  # forced to lie to authorities
    ({"family": "no"}, "cut_off_from_family", CHECK_FIRST, "ILO11"),  # indicator 4
    ({"work": "not_said"}, "work_not_said", CHECK_FIRST, "DELPHI"),  # nature of job (strong)
    ({"offered_by": "online"}, "stranger_online", BE_CAREFUL, "ILO-FR"),  # GP 5
    ({AGENCY_STATUS: "not_found"}, "agency_not_in_register", CHECK_FIRST, "C181"),  # Art 3(2)
    ({AGENCY_STATUS: "expired"}, "agency_not_licensed_now", CHECK_FIRST, "C181"),
    ({AGENCY_STATUS: "not_for_destination"}, "agency_not_licensed_now", CHECK_FIRST, "C181"),
    ({AGENCY_STATUS: "suspended"}, "agency_stopped", REPORT, "C181"),
    ({AGENCY_STATUS: "revoked"}, "agency_stopped", REPORT, "C181"),
]
SAFE = {
    "destination": "AE", "work": "hotel", "offered_by": "agency", "fees": "none",
    "passport": "me", "contract": "understood", "salary": "usual", "visa": "work",
    "travel_repaid": "no", "hurry": "no", "lie": "no", "family": "yes",
    AGENCY_STATUS: "licensed",
}  # fmt: skip


@pytest.mark.parametrize(("answers", "flag", "rank", "source"), TABLE)
def test_each_rule_raises_its_flag_with_its_source(answers, flag, rank, source) -> None:
    result = evaluate_offer({**SAFE, **answers}, RULES)
    assert [f.id for f in result.flags] == [flag]
    assert result.level.rank == rank and not result.escalated
    assert source in {s for s, _cite in result.flags[0].sources}


def test_every_rule_is_in_the_table() -> None:
    assert {flag.id for flag in RULES.flags} == {row[1] for row in TABLE}


def test_a_safe_offer_shows_no_flag_and_unknowns_alone_raise_none() -> None:
    assert evaluate_offer(SAFE, RULES).level.id == "no_flags"
    unknown = {"fees": "unknown", "passport": "unknown", "visa": "unknown", "family": "unknown"}
    assert evaluate_offer(unknown, RULES).flags == ()


def test_three_serious_flags_together_mean_report_it() -> None:
    # ILO/EC combination rule: three medium indicators make a dimension positive.
    two = evaluate_offer({"fees": "job", "contract": "none"}, RULES)
    three = evaluate_offer({"fees": "job", "contract": "none", "visa": "tourist"}, RULES)
    assert (two.level.id, two.escalated) == ("check_first", False)
    assert (three.level.id, three.escalated) == ("report", True)


ANSWER_CHOICES = {q.id: [o.id for o in q.options] for q in RULES.questions}
ANSWER_CHOICES[AGENCY_STATUS] = list(AGENCY_STATUSES)
RED = [(flag.question, answer) for flag in RULES.flags for answer in sorted(flag.answers)]
answers_strategy = st.fixed_dictionaries(
    {}, optional={q: st.sampled_from(options) for q, options in ANSWER_CHOICES.items()}
)


@given(answers=answers_strategy, red=st.sampled_from(RED))
def test_adding_a_red_flag_answer_never_lowers_the_advice(answers, red) -> None:
    question, answer = red
    if any(answers.get(question) in f.answers for f in RULES.flags if f.question == question):
        answers = {k: v for k, v in answers.items() if k != question}  # not yet a red flag
    before = evaluate_offer(answers, RULES)
    after = evaluate_offer({**answers, question: answer}, RULES)
    assert after.level.rank >= before.level.rank
    assert len(after.flags) == len(before.flags) + 1


def test_answers_outside_the_rules_are_dropped_or_refused() -> None:
    raw = {"fees": "job", "destination": "QA", "colour": "blue", "passport": "lost"}
    assert clean_offer_answers(raw, RULES) == {"fees": "job", "destination": "QA"}
    with pytest.raises(ValueError, match="colour"):
        clean_offer_answers(raw, RULES, strict=True)


def test_the_published_file_is_pinned_and_a_changed_one_refused(tmp_path: Path) -> None:
    data = json.loads((RULES_DIR / "offer-2026.1.json").read_bytes())
    assert RULES.sha256 == PUBLISHED["offer-2026.1"] and data["version"] == "offer-2026.1"
    with pytest.raises(OfferRulesError, match="unknown"):
        load_offer_rules("offer-1999.1")
    broken = json.loads(json.dumps(data))
    broken["flags"][0]["sources"] = [{"source": "NOWHERE", "cite": "x"}]
    with pytest.raises(OfferRulesError, match="source"):
        build_offer_rules(broken, sha256="x")
    broken = json.loads(json.dumps(data))
    broken["flags"][0]["when"]["answers"] = ["maybe"]
    with pytest.raises(OfferRulesError, match="unknown"):
        build_offer_rules(broken, sha256="x")
    broken = json.loads(json.dumps(data))
    del broken["levels"][0]["advice"]["rw"]
    with pytest.raises(OfferRulesError, match="rw"):
        build_offer_rules(broken, sha256="x")


def test_the_checker_needs_no_django() -> None:
    source = (Path(__file__).parents[1] / "offers.py").read_text()
    assert "django" not in source
