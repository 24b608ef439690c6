"""Step-by-step interviews: which questions to ask next, given the answers so far."""

from __future__ import annotations

from collections.abc import Mapping

from tabara.screening.choice import Choice, choose
from tabara.screening.compiled import compiled
from tabara.screening.engine import encode_answers
from tabara.screening.model import Indicator, Ruleset
from tabara.screening.prior import Prior, load_prior
from tabara.screening.ruleset import load_ruleset


def interview_choice(
    answers: Mapping[str, object],
    ruleset: Ruleset | None = None,
    *,
    skip_asked: bool = True,
    prior: Prior | None = None,
) -> Choice:
    """The decision-theoretic choice for these answers (see choice.py and docs/screening-rules.md).

    With `skip_asked` (the default) a question already answered "unknown" is not offered
    again, so an interview always moves on; without it only yes/no answers are skipped.
    Raises InvalidAnswers for unknown ids or values, like `evaluate`. `prior` replaces the
    published prior (for a benchmark that leaves scenarios out of it).
    """
    rs = ruleset if ruleset is not None else load_ruleset()
    c = compiled(rs)
    yes, no = encode_answers(c, answers)
    asked = 0
    for key in answers:
        asked |= c.bit_of[key]
    if prior is None:
        prior = load_prior(rs.version, rs.question_order)
    return choose(c, prior, yes, no, asked & ~(yes | no), skip_asked=skip_asked)


def next_questions(
    answers: Mapping[str, object],
    n: int = 3,
    ruleset: Ruleset | None = None,
    *,
    skip_asked: bool = True,
) -> tuple[Indicator, ...]:
    """The `n` most informative questions still to ask; none once the interview is done."""
    rs = ruleset if ruleset is not None else load_ruleset()
    ranked = interview_choice(answers, rs, skip_asked=skip_asked).ranked
    return tuple(rs.indicators[iid] for iid in ranked[: max(n, 0)])
