"""Prevalence from linked records: populations of known size, captured independently by four
agencies whose records vary (tabara/linkage/synthetic.py, its moderate variation), linked and
estimated at three thresholds. The expectations come from the known truth and the issue:

- the 95% interval covers the known number of people in most seeds at the lower thresholds
  (the first four seeds of bench/linkage.py's coverage run, not chosen: with the true clusters
  themselves, the interval of seed 100 misses too);
- missed links (a higher threshold) make one person several, so the count of people observed
  and the estimate go up with the threshold, past the truth, and the interval covers less
  often than at the lowest threshold.

bench/linkage.py --only coverage measures the same over 20 seeds (docs/linkage.md).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from tabara.linkage.prevalence import estimates_by_threshold, threshold_estimate
from tabara.linkage.reading import records_read
from tabara.linkage.synthetic import MODERATE, population_records, records_write

PEOPLE = 600
SEEDS = (100, 101, 102, 103)


def _rows(seed: int) -> list[tuple[int, dict[str, str]]]:
    return list(
        population_records(
            people=PEOPLE, sources=("a", "b", "c", "d"), capture=0.35, seed=seed,
            variation=MODERATE,
        )
    )  # fmt: skip


def test_the_interval_covers_the_known_size_in_most_seeds(tmp_path: Path) -> None:
    covered: Counter[float] = Counter()
    for seed in SEEDS:
        rows = _rows(seed)
        records_write(tmp_path / "records.csv", rows)
        records = records_read(tmp_path / "records.csv", today=dt.date(2026, 6, 30)).records
        seen = len({person for person, _ in rows})
        estimates = estimates_by_threshold(records)
        assert [e.threshold for e in estimates] == [0.2, 0.5, 0.9]
        observed = [e.observed for e in estimates]
        assert observed == sorted(observed)
        assert abs(observed[0] - seen) <= 0.05 * seen  # clusters are people, not records
        assert estimates[-1].estimate > max(PEOPLE, estimates[0].estimate)
        for estimate in estimates:
            assert estimate.low <= estimate.estimate <= estimate.high
            assert estimate.estimate >= estimate.observed
            covered[estimate.threshold] += estimate.low <= PEOPLE <= estimate.high
    assert covered[0.2] >= 3 and covered[0.5] >= 3  # most of the four seeds
    # Missed links push the interval above the truth: at p >= 0.9 it covers less often.
    assert covered[0.9] < covered[0.2]


def test_the_true_clusters_give_the_overlap_table_of_the_people() -> None:
    rows = _rows(100)
    sources = [record["source"] for _, record in rows]
    truth = threshold_estimate(1.0, sources, [person for person, _ in rows])
    # Counted by hand from the generated truth: one cluster per person seen.
    assert truth.observed == len({person for person, _ in rows})
    assert truth.table_rows()[0] == ["a", "b", "c", "d", "count"]
    on_all = sum(
        1
        for person in {p for p, _ in rows}
        if {r["source"] for q, r in rows if q == person} == {"a", "b", "c", "d"}
    )
    assert ["1", "1", "1", "1", str(on_all)] in truth.table_rows()
