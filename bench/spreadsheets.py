"""Benchmark: how long one hostile 5 KB XLSX ties up a worker, before and after the bounds.

The file is a real workbook with two rows whose sheet declares A1:XFD1048576 and holds one
cell in the very last row. "Naive" is the reader the attendance import used before (openpyxl
read-only mode, every row turned into text, as tabara/awareness/importing.py did); it is
stopped after --cap seconds. "Bounded" is tabara/core/spreadsheets.xlsx_rows with the
attendance import's limits. A zip bomb (40 MB of sheet XML in ~40 KB) is timed too.

Usage: .venv/bin/python bench/spreadsheets.py [--cap 10] [--runs 5]
       .venv/bin/python bench/spreadsheets.py --tiny   # 0.5 s cap, 2 runs: CI's smoke run
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import time

import openpyxl

from tabara.core.spreadsheets import SheetLimits, SpreadsheetRejected, xlsx_rows
from tabara.core.tests.xlsx_crafted import huge_declared_sheet, zip_bomb

LIMITS = SheetLimits(max_bytes=2 * 1024 * 1024, max_rows=5001, max_cols=20)
ROWS: list[list[object]] = [["number", "name", "sex"], [1, "Synthetic", "F"]]


def naive(data: bytes, cap: float) -> tuple[float, int, bool]:
    """(seconds, rows seen, finished) for the unbounded reader, stopped after `cap` seconds."""
    start = time.perf_counter()
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = 0
    for cells in book.worksheets[0].iter_rows(values_only=True):
        texts = ["" if cell is None else str(cell).strip() for cell in cells]
        rows += 1 if texts else 0
        if time.perf_counter() - start > cap:
            return time.perf_counter() - start, rows, False
    return time.perf_counter() - start, rows, True


def bounded(data: bytes) -> tuple[float, int]:
    start = time.perf_counter()
    rows = 0
    try:
        for cells in xlsx_rows(data, LIMITS):
            _texts = ["" if cell is None else str(cell).strip() for cell in cells]
            rows += 1
    except SpreadsheetRejected:
        rows = -1
    return time.perf_counter() - start, rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cap", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tiny", action="store_true", help="0.5 s cap, 2 runs (CI)")
    args = parser.parse_args()
    if args.tiny:
        args.cap, args.runs = 0.5, 2
    hostile = huge_declared_sheet(ROWS)
    bomb = zip_bomb(40)
    print(
        f"python {platform.python_version()}, openpyxl {openpyxl.__version__}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
        f"hostile file {len(hostile)} bytes, zip bomb {len(bomb)} bytes; limits {LIMITS}"
    )
    seconds, rows, finished = naive(hostile, args.cap)
    state = "finished" if finished else f"stopped at the {args.cap:g} s cap"
    print(f"naive   : {seconds:6.2f} s, {rows} rows of 16384 cells, {state}")
    times = [bounded(hostile) for _ in range(args.runs)]
    best = statistics.median(t for t, _ in times)
    print(f"bounded : {best * 1000:6.1f} ms median of {args.runs}, {times[0][1]} rows")
    bomb_times = [bounded(bomb) for _ in range(args.runs)]
    verdict = "refused" if bomb_times[0][1] == -1 else "read"
    median = statistics.median(t for t, _ in bomb_times)
    print(f"zip bomb: {median * 1000:6.1f} ms median of {args.runs}, {verdict}")
    print(f"ratio naive/bounded (naive capped): {seconds / best:.0f}")


if __name__ == "__main__":
    main()
