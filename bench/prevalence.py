"""Benchmark: MSE stepwise fits and 1000-replicate BCa bootstraps against R (SparseMSE).

For each of the five reference tables, times one p-value stepwise selection (median of
repeated runs, as R's figure was taken: until 2 s or 25 runs, at least 3) and a
1000-replicate bootstrap with BCa, jackknife included (the work of one R call
`estimatepopulation(z, nboot = 1000, iseed = 1234)`; median of `--repeat` runs, so that
a passing load on the machine does not decide the figure), and prints them beside the R
timings of reference-r.json with the speed-up and both BCa intervals, so the speed is
shown at the same accuracy.

Usage: .venv/bin/python bench/prevalence.py [--replicates 1000] [--workers 2] [--repeat 3]
       .venv/bin/python bench/prevalence.py --tiny   # 20 replicates, 1 run: CI's smoke run
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tabara.prevalence.mse import Selector, bootstrap, read_table, stepwise_fit  # noqa: E402

DATA = ROOT / "tabara" / "prevalence" / "tests" / "data"
DATASETS = (
    "uk_2013_5lists",
    "new_orleans_5lists",
    "western_us_5lists",
    "hiv_rome_4lists",
    "artificial_3lists",
)


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds and CPU seconds (this process and its finished workers)."""

    wall: float
    cpu: float


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def time_stepwise(name: str) -> Timing:
    table = read_table(DATA / f"{name}.csv")
    stepwise_fit(table.n_lists, table.cell_counts)  # warm the design caches once
    walls: list[float] = []
    cpus: list[float] = []
    started = time.perf_counter()
    while len(walls) < 3 or (time.perf_counter() - started < 2.0 and len(walls) < 25):
        wall, cpu = time.perf_counter(), time.process_time()
        stepwise_fit(table.n_lists, table.cell_counts)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return Timing(statistics.median(walls), statistics.median(cpus))


def time_bootstrap(
    name: str, replicates: int, workers: int, repeat: int
) -> tuple[Timing, tuple[float, float]]:
    table = read_table(DATA / f"{name}.csv")
    walls: list[float] = []
    cpus: list[float] = []
    bca = (float("nan"), float("nan"))
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), _cpu_seconds()
        result = bootstrap(
            table, Selector("stepwise"), replicates=replicates, seed=1234, workers=workers
        )
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu_seconds() - cpu)
        bca = result.bca or bca
    return Timing(statistics.median(walls), statistics.median(cpus)), bca


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tiny", action="store_true", help="20 replicates, 1 run, 1 worker (CI)")
    args = parser.parse_args()
    if args.tiny:
        args.replicates, args.repeat, args.workers = 20, 1, 1
    reference = json.loads((DATA / "reference-r.json").read_text())["datasets"]
    load_before = os.getloadavg()[0]
    print(
        "| table | stepwise fit: R | ours (wall / CPU) | speed-up (wall / CPU) "
        f"| {args.replicates}-bootstrap + BCa: R | ours (wall / CPU) | speed-up (wall / CPU) "
        "| BCa 95% R | BCa 95% ours |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|---|")
    for name in DATASETS:
        timing = reference[name]["timing"]
        r_bca = reference[name]["sparsemse_stepwise"]["bootstrap"]["bca95"]
        fit = time_stepwise(name)
        boot, bca = time_bootstrap(name, args.replicates, args.workers, args.repeat)
        r_fit, r_boot = timing["stepwise_fit_median_s"], timing["bootstrap_seconds"]
        print(
            f"| {name} | {r_fit * 1000:.0f} ms "
            f"| {fit.wall * 1000:.2f} / {fit.cpu * 1000:.2f} ms "
            f"| {r_fit / fit.wall:.0f}x / {r_fit / fit.cpu:.0f}x "
            f"| {r_boot:.1f} s | {boot.wall:.2f} / {boot.cpu:.2f} s "
            f"| {r_boot / boot.wall:.0f}x / {r_boot / boot.cpu:.0f}x "
            f"| {r_bca[0]:,.0f}-{r_bca[1]:,.0f} | {bca[0]:,.0f}-{bca[1]:,.0f} |"
        )
    print(
        f"\n{args.workers} worker processes; median of {args.repeat} bootstrap runs; "
        f"1-minute load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after. "
        "R: one core of the same machine, nothing else heavy running."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
