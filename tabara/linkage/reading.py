"""Read a list of people from CSV or XLSX into prepared records and numbered problems.

Pure Python. The header names the columns (any order, case and surrounding spaces
ignored; unknown columns ignored). A row is never fatal: a row without a record id, or
repeating one already seen, is reported and left out; every other problem costs a field.
Lines are numbered as a spreadsheet numbers rows (the header is line 1).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tabara.core.spreadsheets import RowLimitReached, SheetLimits, SpreadsheetRejected, xlsx_rows
from tabara.linkage.records import COLUMNS, REQUIRED, Prepared, record_prepare

# A local command reading a national list: an XLSX sheet holds at most 1,048,576 rows.
XLSX_LIMITS = SheetLimits(
    max_bytes=512 * 1024 * 1024, max_rows=1_048_576, max_cols=64, max_unzipped=4096 * 1024 * 1024
)


class InputUnreadable(ValueError):
    """The file as a whole cannot be read (no such file, no header, a required column missing)."""


@dataclass(slots=True)
class Problem:
    line: int
    message: str


@dataclass(slots=True)
class ReadResult:
    records: list[Prepared] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        try:
            for number, cells in enumerate(xlsx_rows(path.read_bytes(), XLSX_LIMITS), start=1):
                yield number, [_cell(value) for value in cells]
        except (SpreadsheetRejected, RowLimitReached) as error:
            raise InputUnreadable(f"{path.name}: {error}") from error
        return
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            for row in reader:
                yield reader.line_num, [cell.strip() for cell in row]
    except UnicodeDecodeError as error:
        raise InputUnreadable(f"{path.name} is not a UTF-8 text (CSV) file") from error
    except csv.Error as error:
        raise InputUnreadable(f"{path.name}: {error}") from error


def _header(row: list[str]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, name in enumerate(row):
        key = name.strip().casefold()
        if key in COLUMNS and key not in positions:
            positions[key] = index
    missing = [name for name in REQUIRED if name not in positions]
    if missing:
        raise InputUnreadable(
            "the header lacks the column(s) "
            + ", ".join(missing)
            + " (needed: "
            + ", ".join(REQUIRED)
            + "; optional: "
            + ", ".join(COLUMNS[3:])
            + ")"
        )
    return positions


def records_read(path: str | Path, *, today: dt.date) -> ReadResult:
    """Every usable row of the file as a prepared record, and every problem by line."""
    file = Path(path)
    if not file.is_file():
        raise InputUnreadable(f"file not found: {file}")
    result = ReadResult()
    positions: dict[str, int] | None = None
    seen: dict[str, int] = {}
    for line, row in _rows(file):
        if not any(row):
            continue
        if positions is None:
            positions = _header(row)
            continue
        values = {name: row[at] if at < len(row) else "" for name, at in positions.items()}
        record_id = values["record_id"]
        if not record_id:
            result.problems.append(Problem(line, "record_id is empty: the row is left out"))
            continue
        if record_id in seen:
            result.problems.append(
                Problem(line, f"record_id {record_id!r} repeats line {seen[record_id]}: left out")
            )
            continue
        seen[record_id] = line
        record = record_prepare(values, line=line, today=today)
        result.problems.extend(Problem(line, message) for message in record.problems)
        result.records.append(record)
    if positions is None:
        raise InputUnreadable(f"{file.name} is empty: it has no header")
    return result
