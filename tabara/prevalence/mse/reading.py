"""Read a list-overlap table or individual records from CSV or XLSX.

Three layouts are recognised from the header row (names compared case-insensitively):

* overlap table: one 0/1 column per list and a `count` column (as in the shared MSE folder);
* long records: exactly the columns `person_id,list`, one row per (person, list) record;
* wide records: one row per person and one 0/1 column per list, with an optional
  `person_id` column (rows of the same person are merged).

Errors name the row as a spreadsheet numbers it (the header is row 1) and the column.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from tabara.core.spreadsheets import RowLimitReached, SheetLimits, SpreadsheetRejected, xlsx_rows
from tabara.prevalence.mse.errors import MSEInputError
from tabara.prevalence.mse.table import CaptureTable, capture_table

# A capture table has a handful of list columns; long records have a row per (person, list).
LIMITS = SheetLimits(max_bytes=2 * 1024 * 1024, max_rows=50_000, max_cols=32)
COUNT = "count"
PERSON = "person_id"
LIST = "list"


def read_table(path: str | Path) -> CaptureTable:
    """Load a capture table from a .csv or .xlsx file (layout detected from the header)."""
    file = Path(path)
    if not file.is_file():
        raise MSEInputError(f"file not found: {file}")
    if file.suffix.lower() in {".xlsx", ".xlsm"}:
        try:
            rows = xlsx_text_rows(file.read_bytes())
        except (SpreadsheetRejected, RowLimitReached) as error:
            raise MSEInputError(f"{file.name}: {error}") from error
    else:
        try:
            with file.open(newline="", encoding="utf-8-sig") as handle:
                rows = [list(row) for row in csv.reader(handle)]
        except UnicodeDecodeError as error:
            raise MSEInputError(f"{file.name} is not a UTF-8 text (CSV) file") from error
    return parse_rows(rows)


def parse_rows(rows: Sequence[Sequence[str]]) -> CaptureTable:
    """Build a table from rows of text cells, the first row being the header."""
    numbered = [
        (number, [cell.strip() for cell in row])
        for number, row in enumerate(rows, start=1)
        if any(cell.strip() for cell in row)
    ]
    if not numbered:
        raise MSEInputError("the file is empty")
    header_number, header = numbered[0]
    body = numbered[1:]
    if not body:
        raise MSEInputError("the file has a header but no data rows")
    for column, name in enumerate(header):
        if not name:
            raise MSEInputError(f"column {column + 1} has no name", row=header_number)
    lowered = [name.lower() for name in header]
    for number, row in body:
        if len(row) != len(header):
            raise MSEInputError(
                f"expected {len(header)} values like the header, found {len(row)}", row=number
            )
    if COUNT in lowered:
        return _overlap_table(header, lowered.index(COUNT), body)
    if lowered == [PERSON, LIST]:
        return _long_records(body)
    return _wide_records(header, lowered, body)


def _overlap_table(
    header: list[str], count_at: int, body: list[tuple[int, list[str]]]
) -> CaptureTable:
    lists = [name for k, name in enumerate(header) if k != count_at]
    patterns, counts = [], []
    for number, row in body:
        patterns.append(
            [
                _binary(value, number, name)
                for k, (name, value) in enumerate(zip(header, row, strict=True))
                if k != count_at
            ]
        )
        counts.append(_count(row[count_at], number, header[count_at]))
    return capture_table(lists, patterns, counts, row_numbers=[number for number, _ in body])


def _wide_records(
    header: list[str], lowered: list[str], body: list[tuple[int, list[str]]]
) -> CaptureTable:
    id_at = lowered.index(PERSON) if PERSON in lowered else None
    lists = [name for k, name in enumerate(header) if k != id_at]
    people: dict[str, tuple[int, list[int]]] = {}
    for number, row in body:
        values = [
            _binary(value, number, name)
            for k, (name, value) in enumerate(zip(header, row, strict=True))
            if k != id_at
        ]
        if not any(values):
            raise MSEInputError(
                "this person is on no list; only people some list recorded can be counted",
                row=number,
            )
        key = row[id_at] if id_at is not None else f"row {number}"
        if id_at is not None and not key:
            raise MSEInputError("the person id is empty", row=number, column=header[id_at])
        first, seen = people.get(key, (number, [0] * len(values)))
        people[key] = (first, [a | b for a, b in zip(seen, values, strict=True)])
    return _aggregate(lists, list(people.values()))


def _long_records(body: list[tuple[int, list[str]]]) -> CaptureTable:
    lists: list[str] = []
    people: dict[str, tuple[int, set[int]]] = {}
    for number, (person, name) in body:
        if not person:
            raise MSEInputError("the person id is empty", row=number, column=PERSON)
        if not name:
            raise MSEInputError("the list name is empty", row=number, column=LIST)
        if name not in lists:
            lists.append(name)
        _, on = people.setdefault(person, (number, set()))
        on.add(lists.index(name))
    return _aggregate(
        lists,
        [
            (first, [1 if k in on else 0 for k in range(len(lists))])
            for first, on in people.values()
        ],
    )


def _aggregate(lists: list[str], people: list[tuple[int, list[int]]]) -> CaptureTable:
    """One row per distinct pattern, in order of the first person showing it."""
    counts: dict[tuple[int, ...], int] = {}
    first_row: dict[tuple[int, ...], int] = {}
    for number, pattern in people:
        key = tuple(pattern)
        counts[key] = counts.get(key, 0) + 1
        first_row.setdefault(key, number)
    patterns = list(counts)
    return capture_table(
        lists,
        [list(p) for p in patterns],
        [counts[p] for p in patterns],
        row_numbers=[first_row[p] for p in patterns],
    )


def _binary(value: str, row: int, column: str) -> int:
    if value in {"0", "1", "0.0", "1.0"}:
        return int(value[0])
    shown = value if value else "an empty cell"
    raise MSEInputError(f"{shown!s} is not 0 or 1", row=row, column=column)


def _count(value: str, row: int, column: str) -> int:
    text = value[:-2] if value.endswith(".0") else value
    try:
        number = int(text)
    except ValueError:
        shown = value if value else "an empty cell"
        raise MSEInputError(f"{shown} is not a whole number", row=row, column=column) from None
    if number < 0:
        raise MSEInputError(f"count {number} is negative", row=row, column=column)
    return number


def xlsx_text_rows(data: bytes) -> list[list[str]]:
    """The first sheet's rows as text, read within LIMITS (tabara/core/spreadsheets.py)."""
    return [[_cell_text(value) for value in row] for row in xlsx_rows(data, LIMITS)]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
