"""Step-by-step interviews: which questions to ask next, given the answers so far."""

from __future__ import annotations

from collections.abc import Mapping

from tabara.screening.engine import evaluate
from tabara.screening.model import Indicator, Ruleset
from tabara.screening.ruleset import load_ruleset


def next_questions(
    answers: Mapping[str, object],
    n: int = 3,
    ruleset: Ruleset | None = None,
    *,
    skip_asked: bool = True,
) -> tuple[Indicator, ...]:
    """The `n` most decisive questions still to ask, most decisive first (section 4.4).

    With `skip_asked` (the default) a question already answered "unknown" is not offered
    again, so an interview always moves on; without it only yes/no answers are skipped.
    Raises InvalidAnswers for unknown ids or values, like `evaluate`.
    """
    rs = ruleset if ruleset is not None else load_ruleset()
    ranked = evaluate(answers, rs).next_questions
    if skip_asked:
        ranked = tuple(iid for iid in ranked if iid not in answers)
    return tuple(rs.indicators[iid] for iid in ranked[: max(n, 0)])
