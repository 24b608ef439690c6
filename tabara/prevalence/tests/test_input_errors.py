"""Reading tables and records, and every kind of bad input the reader must refuse.

Each refusal is an MSEInputError whose message names the row (as a spreadsheet numbers
it, header = row 1) and the column.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np
import pytest

from tabara.prevalence.mse import MSEInputError, MSEModelError, capture_table, read_table
from tabara.prevalence.mse.report import run_estimation
from tabara.prevalence.tests.conftest import DATA


def write(tmp_path: Path, text: str, name: str = "table.csv") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_overlap_table_reads_like_the_shared_files() -> None:
    table = read_table(DATA / "hiv_rome_4lists.csv")
    assert table.lists == ("c1", "c2", "c3", "c4")
    assert table.observed == 1896
    assert len(table.counts) == 15  # explicit zero rows are kept, in file order
    assert table.cell_counts[0b0011] == 33  # c1 and c2 only


def test_wide_records_are_counted_per_pattern(tmp_path: Path) -> None:
    path = write(tmp_path, "person_id,A,B\np1,1,0\np2,1,1\np3,0,1\np2,1,0\np4,1,1\n")
    table = read_table(path)
    assert table.lists == ("A", "B")
    assert table.observed == 4  # p2 appears twice and is counted once
    assert table.cell_counts.tolist() == [0, 1, 1, 2]


def test_long_records_person_and_list(tmp_path: Path) -> None:
    rows = "person_id,list\n1,police\n1,ngo\n2,police\n3,ngo\n4,shelter\n4,police\n4,police\n"
    table = read_table(write(tmp_path, rows))
    assert table.lists == ("police", "ngo", "shelter")
    assert table.observed == 4
    assert table.cell_counts[0b011] == 1
    assert table.cell_counts[0b101] == 1


def test_xlsx_overlap_table(tmp_path: Path) -> None:
    openpyxl = importlib.import_module("openpyxl")  # no type hints; imported as the reader does
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["A", "B", "C", "count"])
    for row in (
        [1, 0, 0, 40],
        [0, 1, 0, 30],
        [0, 0, 1, 20],
        [1, 1, 0, 6.0],
    ):
        sheet.append(row)
    book.save(tmp_path / "t.xlsx")
    table = read_table(tmp_path / "t.xlsx")
    assert table.observed == 96
    assert table.lists == ("A", "B", "C")


@pytest.mark.parametrize(
    ("text", "row", "column", "fragment"),
    [
        ("A,B,count\n1,0,5\n0,2,3\n", 3, "B", "not 0 or 1"),
        ("A,B,count\n1,0,5\n0,1,-3\n1,1,1\n", 3, "count", "negative"),
        ("A,B,count\n1,0,5\n0,0,3\n1,1,1\n", 3, None, "on no list"),
        ("A,B,count\n1,0,5\n0,1,x\n", 3, "count", "not a whole number"),
        ("A,B,count\n1,0,5\n0,1,2.5\n", 3, "count", "not a whole number"),
        ("A,B,count\n1,0,5\n0,1\n", 3, None, "expected 3 values"),
        ("A,B,count\n1,0,5\n1,1,0\n", None, "B", "recorded nobody"),
        ("A,count\n1,5\n", None, None, "at least 2 lists"),
        ("A,A,count\n1,0,5\n0,1,2\n", None, "A", "used twice"),
        ("A,,count\n1,0,5\n", 1, None, "has no name"),
        ("A,B,count\n", None, None, "no data rows"),
        ("", None, None, "empty"),
        ("person_id,A,B\np1,1,0\np2,0,0\n", 3, None, "on no list"),
        ("person_id,A,B\np1,1,0\n,0,1\n", 3, "person_id", "person id is empty"),
        ("person_id,list\n1,police\n,ngo\n", 3, "person_id", "person id is empty"),
        ("person_id,list\n1,police\n2,\n", 3, "list", "list name is empty"),
    ],
)
def test_bad_input_names_the_row_and_column(
    tmp_path: Path, text: str, row: int | None, column: str | None, fragment: str
) -> None:
    with pytest.raises(MSEInputError, match=fragment) as caught:
        read_table(write(tmp_path, text))
    assert caught.value.row == row
    assert caught.value.column == column
    if row is not None:
        assert f"row {row}" in str(caught.value)
    if column is not None:
        assert f"column {column!r}" in str(caught.value)


def test_more_than_ten_lists_are_refused() -> None:
    with pytest.raises(MSEInputError, match="at most 10 lists"):
        capture_table([f"L{i}" for i in range(11)], np.eye(11, dtype=int), [1] * 11)


def test_array_input_is_checked_too() -> None:
    with pytest.raises(MSEInputError, match="one count per row"):
        capture_table(["A", "B"], [[1, 0], [0, 1]], [3])
    with pytest.raises(MSEInputError, match="one 0/1 value"):
        capture_table(["A", "B"], [[1, 0, 1]], [3])
    with pytest.raises(MSEInputError, match="no rows"):
        capture_table(["A", "B"], np.zeros((0, 2), dtype=int), [])
    with pytest.raises(MSEInputError, match="empty name"):
        capture_table(["A", " "], [[1, 0], [0, 1]], [1, 1])


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(MSEInputError, match="file not found"):
        read_table(tmp_path / "absent.csv")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(MSEInputError, match="could not be opened"):
        read_table(tmp_path / "bad.xlsx")
    (tmp_path / "latin.csv").write_bytes("A,B,count\n1,0,\xe9\n".encode("latin-1"))
    with pytest.raises(MSEInputError, match="UTF-8"):
        read_table(tmp_path / "latin.csv")


def test_lists_with_no_overlap_give_no_estimate(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "A,B,C,count\n1,0,0,5\n0,1,0,4\n0,0,1,3\n"))
    with pytest.raises(MSEModelError, match="overlap too little"):
        run_estimation(table)
