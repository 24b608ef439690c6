"""Scenarios the interview was not fitted on: the public ones, perturbed under the law.

Each variant of a public scenario forgets some of its answers (they become "unknown"), learns
one or two answers it did not give, and sometimes has the person's age the other way round
(a child becomes an adult or the reverse, with the younger age questions made consistent).
Its expected outcome is what the rules (`evaluate`, checked against every labelled public
scenario in test_vignettes.py) give for its full answers, so a walk that stops too early, or
at the wrong outcome, is caught. Seeded: the same variants on every run.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from tabara.screening.engine import evaluate

YOUNGER = ("age_under_16", "age_under_13")


def _consistent_age(answers: dict[str, str]) -> None:
    """Under 13 implies under 16 implies under 18; 18 or over implies not under 16 or 13."""
    if answers.get("age_under_18") == "no":
        for key in YOUNGER:
            if key in answers:
                answers[key] = "no"
    elif answers.get("age_under_13") == "yes" or answers.get("age_under_16") == "yes":
        answers["age_under_18"] = "yes"
        if answers.get("age_under_13") == "yes":
            answers["age_under_16"] = "yes"


def perturbed(
    scenarios: Iterable[Mapping[str, Any]], questions: tuple[str, ...], per: int, seed: int = 17
) -> Iterator[dict[str, Any]]:
    """`per` variants of each scenario, labelled by the rules applied to their full answers."""
    rng = random.Random(seed)
    for scenario in scenarios:
        for k in range(per):
            answers = {q: v for q, v in scenario["answers"].items() if rng.random() >= 0.15}
            for q in rng.sample([q for q in questions if q not in answers], rng.randint(1, 2)):
                answers[q] = "yes" if rng.random() < 0.35 else "no"
            if rng.random() < 0.2 and "age_under_18" in answers:
                answers["age_under_18"] = "no" if answers["age_under_18"] == "yes" else "yes"
            _consistent_age(answers)
            yield {
                "id": f"{scenario['id']}.{k}",
                "source": scenario["id"],
                "expected_classification": evaluate(answers).outcome,
                "answers": answers,
            }
