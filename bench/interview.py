"""Benchmark: follow the interview's own suggestions through every public scenario.

From an empty interview, ask the first proposed question, answer it from the scenario
("unknown" when the scenario gives no answer), and repeat until the interview proposes
nothing. Prints each scenario's length and end, the distribution of lengths for the fixed
ranking of rule set rw-2026.1 ("before") and the decision-theoretic choice ("after"), and the
time one question choice takes.

Usage: .venv/bin/python bench/interview.py [--repeat 200]
       .venv/bin/python bench/interview.py --tiny   # 5 timing repeats: CI's
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Mapping

from tabara.screening.engine import evaluate
from tabara.screening.interview import next_questions
from tabara.screening.ruleset import load_ruleset
from tabara.screening.tests.helpers import vignettes
from tabara.screening.walk import Walk, percentile, walk

Chooser = Callable[[Mapping[str, str]], str | None]


def fixed_ranking(answers: Mapping[str, str]) -> str | None:
    """The rule set's fixed tiers (the engine's `next_questions` before issue #17)."""
    ranked = [iid for iid in evaluate(answers).next_questions if iid not in answers]
    return ranked[0] if ranked else None


def decision_theoretic(answers: Mapping[str, str]) -> str | None:
    found = next_questions(answers, 1)
    return found[0].id if found else None


def report(name: str, walks: list[Walk]) -> None:
    lengths = [w.length for w in walks]
    wrong = [w.id for w in walks if w.outcome != w.expected]
    print(f"{name}:")
    for w in walks:
        mark = "ok" if w.outcome == w.expected else "WRONG"
        print(
            f"  {w.id} outcome reached after {w.reached:2d}, done after {w.length:2d} questions"
            f" -> {w.outcome} (expected {w.expected}) {mark}"
        )
    for label, values in (("reached", [w.reached for w in walks]), ("done", lengths)):
        print(
            f"  questions until {label}: median {statistics.median(values):g}, "
            f"90th percentile {percentile(values, 90):g}, max {max(values)}"
        )
    print(f"  wrong ends: {wrong or 'none'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200, help="timing passes per step")
    parser.add_argument("--tiny", action="store_true", help="5 timing passes (CI)")
    args = parser.parse_args()
    if args.tiny:
        args.repeat = 5
    ruleset = load_ruleset()
    scenarios = vignettes()
    print(
        f"rule set {ruleset.version}, {len(scenarios)} public scenarios, "
        f"{len(ruleset.indicators)} questions; one process"
    )
    report("before (fixed ranking)", [walk(v, fixed_ranking) for v in scenarios])
    after = [walk(v, decision_theoretic) for v in scenarios]
    report("after (expected information gain)", after)
    steps = [dict(list(w.answers.items())[:k]) for w in after for k in range(w.length)]
    timings = []
    for answers in steps:
        started = time.perf_counter()
        for _ in range(args.repeat):
            next_questions(answers, 1, ruleset)
        timings.append((time.perf_counter() - started) / args.repeat)
    print(
        f"question choice over the {len(steps)} steps of these walks, {args.repeat} passes each: "
        f"median {statistics.median(timings) * 1000:.2f} ms, "
        f"max {max(timings) * 1000:.2f} ms per step"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
