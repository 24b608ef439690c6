"""Follow an interview's own suggestions through one labelled scenario (issue #17's walk)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tabara.screening.engine import evaluate


@dataclass(frozen=True)
class Walk:
    id: str
    expected: str
    outcome: str
    length: int
    answers: dict[str, str]
    reached: int  # questions asked when the final outcome was reached for good


def walk(scenario: Mapping[str, Any], choose: Callable[[Mapping[str, str]], str | None]) -> Walk:
    """Ask `choose`'s question, answer it from the scenario ("unknown" if it gives none), repeat.

    Stops when `choose` proposes nothing; a guard of one pass over every question stops a
    chooser that would propose an answered question forever.
    """
    given: Mapping[str, str] = scenario["answers"]
    answers: dict[str, str] = {}
    outcomes = [evaluate(answers).outcome]
    for _ in range(1000):
        question = choose(answers)
        if question is None or question in answers:
            break
        answers[question] = given.get(question, "unknown")
        outcomes.append(evaluate(answers).outcome)
    reached = len(outcomes) - 1
    while reached > 0 and outcomes[reached - 1] == outcomes[-1]:
        reached -= 1
    return Walk(
        id=scenario["id"],
        expected=scenario["expected_classification"],
        outcome=outcomes[-1],
        length=len(answers),
        answers=answers,
        reached=reached,
    )


def percentile(values: Sequence[float], p: float) -> float:
    """The nearest-rank percentile: the smallest value with at least p% of values at or below."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]
