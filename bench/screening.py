"""Benchmark: screening assessments per second, and `tabara screen` start-up time.

1. The pure evaluator on one core, over a fixed set of random answer sets (seeded): each set
   answers a random subset of the indicators with yes, no or unknown. Reported as wall-clock
   and CPU-time rates (best and median of several passes), so a busy machine shows as such.
2. The command's start-up: the median wall time of several `tabara screen FILE` runs, with
   `python -c pass` timed in the same run (interleaved) and the ratio of the two.

Usage: .venv/bin/python bench/screening.py [--sets 20000] [--passes 5] [--runs 15]
       .venv/bin/python bench/screening.py --tiny   # 200 sets, 2 passes, 3 runs: CI's
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tabara.screening.engine import evaluate
from tabara.screening.ruleset import load_ruleset

SEED = 2026
VALUES = ("yes", "no", "unknown")


def answer_sets(count: int, ids: list[str]) -> list[dict[str, str]]:
    rng = random.Random(SEED)
    return [
        {iid: rng.choice(VALUES) for iid in rng.sample(ids, rng.randint(0, len(ids)))}
        for _ in range(count)
    ]


def rates(sets: list[dict[str, str]], passes: int) -> tuple[list[float], list[float]]:
    ruleset = load_ruleset()
    for answers in sets[:1000]:  # warm up: compile the rule set, fill the memo tables
        evaluate(answers, ruleset)
    wall, cpu = [], []
    for _ in range(passes):
        started, started_cpu = time.perf_counter(), time.process_time()
        for answers in sets:
            evaluate(answers, ruleset)
        wall.append(len(sets) / (time.perf_counter() - started))
        cpu.append(len(sets) / (time.process_time() - started_cpu))
    return wall, cpu


def startup(runs: int) -> tuple[float, float]:
    tabara = Path(sys.executable).with_name("tabara")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answers.json"
        path.write_text(json.dumps({"answers": {"age_under_18": "no"}}), encoding="utf-8")
        screen = [str(tabara), "screen", str(path)]
        bare = [sys.executable, "-c", "pass"]

        def timed(command: list[str]) -> Callable[[], float]:
            def run() -> float:
                started = time.perf_counter()
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
                return time.perf_counter() - started

            return run

        screen_run, bare_run = timed(screen), timed(bare)
        screen_run(), bare_run()  # warm the file cache
        screen_times, bare_times = [], []
        for _ in range(runs):
            screen_times.append(screen_run())
            bare_times.append(bare_run())
    return statistics.median(screen_times), statistics.median(bare_times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", type=int, default=20000)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--tiny", action="store_true", help="200 sets, 2 passes, 3 runs (CI)")
    args = parser.parse_args()
    if args.tiny:
        args.sets, args.passes, args.runs = 200, 2, 3
    ruleset = load_ruleset()
    sets = answer_sets(args.sets, list(ruleset.indicators))
    wall, cpu = rates(sets, args.passes)
    answered = statistics.mean(len(s) for s in sets)
    print(
        f"evaluator, rule set {ruleset.version}: {args.sets} random answer sets "
        f"(seed {SEED}, {answered:.0f} of {len(ruleset.indicators)} answered on average), "
        f"{args.passes} passes, one process"
    )
    print(
        f"  wall  best {max(wall):,.0f}/s  median {statistics.median(wall):,.0f}/s  "
        f"({1e6 / max(wall):.1f} us per assessment)"
    )
    print(f"  cpu   best {max(cpu):,.0f}/s  median {statistics.median(cpu):,.0f}/s")
    screen, bare = startup(args.runs)
    print(f"start-up, median of {args.runs} runs each, interleaved:")
    print(f"  tabara screen FILE  {screen * 1000:.0f} ms")
    print(f"  python -c pass      {bare * 1000:.0f} ms")
    print(f"  ratio {screen / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
