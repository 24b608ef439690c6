"""Benchmark: follow the interview's own suggestions through every public scenario.

From an empty interview, ask the first proposed question, answer it from the scenario
("unknown" when the scenario gives no answer), and repeat until the interview proposes
nothing. Prints each scenario's length and end, the distribution of lengths for the fixed
ranking of rule set rw-2026.1 ("before") and the decision-theoretic choice ("after"), and the
time one question choice takes. A third walk leaves each scenario out of the prior's counts
(leave-one-out), to show how the choice does on a scenario it was not fitted on; a fourth
walks variants of the public scenarios perturbed under the law (tests/perturb.py), each with a
prior that left its source scenario out, before and after.

"Reached" counts the questions asked until the outcome was the final one for good (the
measure of issue #17's aims); "done" counts them until the interview proposed nothing more.

The variants' seed is printed: 17 (the default) is the seed question choice was tuned on, so a
change is judged on another (`--seed 2027` in docs/performance.md).

Usage: .venv/bin/python bench/interview.py [--repeat 200] [--variants 10] [--seed 17]
       .venv/bin/python bench/interview.py --tiny   # 5 timing repeats, 2 variants: CI's
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any

from tabara.screening.engine import evaluate
from tabara.screening.interview import interview_choice, next_questions
from tabara.screening.prior import Prior, build_prior, fit_counts
from tabara.screening.ruleset import RULESET_DIR, load_ruleset
from tabara.screening.schema import OUTCOME_IDS
from tabara.screening.tests.helpers import vignettes
from tabara.screening.tests.perturb import perturbed
from tabara.screening.walk import Walk, percentile, walk

Chooser = Callable[[Mapping[str, str]], str | None]


def fixed_ranking(answers: Mapping[str, str]) -> str | None:
    """The rule set's fixed tiers (the engine's `next_questions` before issue #17)."""
    ranked = [iid for iid in evaluate(answers).next_questions if iid not in answers]
    return ranked[0] if ranked else None


def decision_theoretic(answers: Mapping[str, str]) -> str | None:
    found = next_questions(answers, 1)
    return found[0].id if found else None


def report(name: str, walks: list[Walk], each: bool = True) -> None:
    lengths = [w.length for w in walks]
    wrong = [w.id for w in walks if w.outcome != w.expected]
    print(f"{name}:")
    for w in walks if each else ():
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


def held_out_prior(scenarios: tuple[dict[str, Any], ...], left_out: str) -> Prior:
    """The published prior refitted without scenario `left_out`: a stand-in for unseen ones."""
    ruleset = load_ruleset()
    published = json.loads((RULESET_DIR / f"{ruleset.version}.prior.json").read_bytes())
    others = [
        (v["expected_classification"], v["answers"]) for v in scenarios if v["id"] != left_out
    ]
    counts = fit_counts(others, OUTCOME_IDS, ruleset.question_order)
    return build_prior({**published, "counts": counts}, ruleset.question_order, "held-out")


def chooser(prior: Prior) -> Chooser:
    ruleset = load_ruleset()

    def choose(answers: Mapping[str, str]) -> str | None:
        ranked = interview_choice(answers, ruleset, prior=prior).ranked
        return ranked[0] if ranked else None

    return choose


def held_out(scenarios: tuple[dict[str, Any], ...], variants: int, seed: int) -> None:
    """Each scenario walked with a prior refitted without it, then its perturbed variants."""
    priors = {v["id"]: held_out_prior(scenarios, v["id"]) for v in scenarios}
    walks = [walk(v, chooser(priors[v["id"]])) for v in scenarios]
    report("after, each scenario left out of the prior's counts (expert counts kept)", walks)
    questions = load_ruleset().question_order
    variations = list(perturbed(scenarios, questions, variants, seed))
    outcomes = sorted({v["expected_classification"] for v in variations})
    print(
        f"{len(variations)} variants ({variants} per public scenario, seed {seed}), "
        "outcomes by the rules: "
        + ", ".join(
            f"{o} {sum(v['expected_classification'] == o for v in variations)}" for o in outcomes
        )
    )
    report("variants, before (fixed ranking)", [walk(v, fixed_ranking) for v in variations], False)
    after = [walk(v, chooser(priors[v["source"]])) for v in variations]
    report("variants, after (prior without the variant's source scenario)", after, False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200, help="timing passes per step")
    parser.add_argument("--variants", type=int, default=10, help="perturbed variants per scenario")
    parser.add_argument(
        "--seed",
        type=int,
        default=17,
        help="seed of the perturbed variants; 17 is the seed question choice was tuned on, "
        "so judge a change on another one",
    )
    parser.add_argument("--tiny", action="store_true", help="5 timing passes, 2 variants (CI)")
    args = parser.parse_args()
    if args.tiny:
        args.repeat, args.variants = 5, 2
    ruleset = load_ruleset()
    scenarios = vignettes()
    print(
        f"rule set {ruleset.version}, {len(scenarios)} public scenarios, "
        f"{len(ruleset.indicators)} questions; one process"
    )
    before = [walk(v, fixed_ranking) for v in scenarios]
    report("before (fixed ranking)", before)
    after = [walk(v, decision_theoretic) for v in scenarios]
    report("after (expected information gain)", after)
    for label, field in (("reached", "reached"), ("done", "length")):
        ratio = statistics.median(getattr(w, field) for w in after) / max(
            1, statistics.median(getattr(w, field) for w in before)
        )
        print(f"ratio median questions until {label}, after/before: {ratio:.2f}")
    held_out(scenarios, args.variants, args.seed)
    # Every step of every walk, the last one (where the interview says it is done) included.
    steps = [dict(list(w.answers.items())[:k]) for w in after for k in range(w.length + 1)]
    wall, cpu = [], []
    for answers in steps:
        started, started_cpu = time.perf_counter(), time.process_time()
        for _ in range(args.repeat):
            next_questions(answers, 1, ruleset)
        wall.append((time.perf_counter() - started) / args.repeat)
        cpu.append((time.process_time() - started_cpu) / args.repeat)
    print(f"question choice over the {len(steps)} steps of these walks, {args.repeat} passes each:")
    for label, times in (("wall", wall), ("cpu ", cpu)):
        print(
            f"  {label} median {statistics.median(times) * 1000:.2f} ms, "
            f"90th percentile {percentile(times, 90) * 1000:.2f} ms, "
            f"max {max(times) * 1000:.2f} ms per step"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
