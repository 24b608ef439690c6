"""`tabara link dedupe FILE --output CLUSTERS.csv [--histories H.csv] [--threshold P]
[--backend duckdb|spark]`: find the records of one person across agencies' lists.

FILE (CSV or XLSX) has the columns record_id, source, full_name (required) and sex,
birth_date, age, nin, phone, district (optional); docs/linkage.md describes them. Problems
are reported on standard error as "line N: reason"; no bad row stops the command. Exit
status 0 when the outputs are written, 2 with a one-line message when they cannot be.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path
from typing import NoReturn

PROG = "tabara link"
DEFAULT_THRESHOLD = 0.5


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError("the threshold is a probability between 0 and 1")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Link the records of one person across lists.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    dedupe = commands.add_parser(
        "dedupe", help="cluster the records of FILE that belong to one person"
    )
    dedupe.add_argument("file", metavar="FILE", help="records (.csv or .xlsx)")
    dedupe.add_argument("--output", required=True, metavar="CLUSTERS.csv")
    dedupe.add_argument("--histories", metavar="HISTORIES.csv")
    dedupe.add_argument(
        "--threshold",
        type=_probability,
        default=DEFAULT_THRESHOLD,
        metavar="P",
        help=f"match probability at which two records are one person (default {DEFAULT_THRESHOLD})",
    )
    dedupe.add_argument("--backend", choices=("duckdb", "spark"), default="duckdb")
    return parser


def _write_clusters(path: Path, record_ids: list[str], cluster: list[int]) -> None:
    from tabara.core.spreadsheets import SafeCsvWriter

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = SafeCsvWriter(handle)
        writer.writerow(["record_id", "cluster_id"])
        writer.writerows(
            [record_id, record_ids[cluster[index]]] for index, record_id in enumerate(record_ids)
        )


def _write_histories(path: Path, sources: list[str], cluster: list[int]) -> None:
    from tabara.core.spreadsheets import SafeCsvWriter
    from tabara.linkage.histories import capture_histories

    lists, patterns = capture_histories(sources, cluster)
    if "count" in (name.casefold() for name in lists):
        raise _UsageError("a source is named 'count', which the histories table needs")
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = SafeCsvWriter(handle)
        writer.writerow([*lists, "count"])
        writer.writerows([*pattern, count] for pattern, count in patterns)


def _dedupe(args: argparse.Namespace) -> int:
    from tabara.linkage.engine import link
    from tabara.linkage.reading import records_read
    from tabara.linkage.review import clusters_to_review
    from tabara.linkage.table import model_columns

    started = time.monotonic()
    result = records_read(args.file, today=dt.datetime.now(dt.UTC).date())
    for problem in result.problems:
        print(f"{args.file}: line {problem.line}: {problem.message}", file=sys.stderr)
    records = result.records
    linked = link(
        model_columns(records), len(records), threshold=args.threshold, backend=args.backend
    )
    for note in linked.training_notes:
        print(f"{PROG}: training: {note}", file=sys.stderr)
    for line in clusters_to_review(records, linked.cluster):
        print(f"{PROG}: review {line}", file=sys.stderr)
    record_ids = [record.record_id for record in records]
    _write_clusters(Path(args.output), record_ids, linked.cluster)
    if args.histories:
        _write_histories(Path(args.histories), [r.source for r in records], linked.cluster)
    clusters = len(set(linked.cluster))
    print(
        f"{len(records)} records, {len(result.problems)} problems, "
        f"{linked.pairs_scored} pairs at p >= {args.threshold}, {clusters} clusters "
        f"({time.monotonic() - started:.1f} s, {args.backend})"
    )
    return 0


def main(argv: list[str]) -> int:
    """Run `tabara link` with the arguments after the command name."""
    from django.conf import settings

    from tabara.linkage.reading import InputUnreadable

    if not settings.configured:  # a command-line run: phone messages need no translation
        settings.configure(USE_I18N=False)
    try:
        args = _parser().parse_args(argv)
        return _dedupe(args)
    except (_UsageError, InputUnreadable, OSError) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except SystemExit as stop:  # --help
        return int(stop.code or 0)
