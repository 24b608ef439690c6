"""`tabara estimate FILE`: estimate the hidden number of victims from overlapping lists.

Exit status 0 on success, 2 with a one-line message on bad input or arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import NoReturn

from tabara.prevalence.mse.errors import MSEError
from tabara.prevalence.mse.methods import METHODS
from tabara.prevalence.mse.reading import read_table
from tabara.prevalence.mse.render import render_text
from tabara.prevalence.mse.report import run_estimation
from tabara.prevalence.mse.stepwise import DEFAULT_THRESHOLD

PROG = "tabara estimate"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Multiple systems estimation from a list-overlap table or individual "
        "records (CSV or XLSX). See docs/prevalence.md.",
    )
    parser.add_argument("file", metavar="FILE", help="overlap table or records (.csv, .xlsx)")
    parser.add_argument("--method", choices=METHODS, default="stepwise", help="default: stepwise")
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help="p-value threshold of the stepwise method (default: 0.02)",
    )
    parser.add_argument(
        "--bootstrap",
        type=int,
        default=0,
        metavar="N",
        help="bootstrap resamples for percentile and BCa intervals (e.g. 1000)",
    )
    parser.add_argument("--seed", type=int, default=1234, help="bootstrap seed (default: 1234)")
    parser.add_argument(
        "--generator",
        choices=("r", "numpy"),
        default="r",
        help="random stream: 'r' repeats R/SparseMSE's resamples for a seed (default)",
    )
    parser.add_argument("--level", type=float, default=0.95, help="interval level (0.95)")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def main(argv: list[str]) -> int:
    """Run `tabara estimate` with the arguments after the subcommand name."""
    try:
        args = _parser().parse_args(argv)
        if args.bootstrap < 0:
            raise _UsageError("--bootstrap must be 0 or more")
        if args.workers is not None and args.workers < 1:
            raise _UsageError("--workers must be at least 1")
        table = read_table(args.file)
        report = run_estimation(
            table,
            method=args.method,
            threshold=args.threshold,
            bootstrap=args.bootstrap,
            seed=args.seed,
            level=args.level,
            generator=args.generator,
            workers=args.workers,
        )
    except (_UsageError, MSEError) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except SystemExit as stop:  # --help
        return int(stop.code or 0)
    if args.json:
        print(json.dumps(report.to_json(), allow_nan=False))
    else:
        print(render_text(report, source=args.file))
    return 0
