"""The shared spreadsheet reader stays within its bounds whatever a file declares."""

from __future__ import annotations

import io
import itertools
import zipfile

import pytest
from django.utils import translation

from tabara.core.spreadsheets import (
    RowLimitReached,
    SheetLimits,
    SpreadsheetRejected,
    csv_rows,
    upload_size_check,
    xlsx_rows,
    zip_check,
)
from tabara.core.tests.xlsx_crafted import huge_declared_sheet, workbook_bytes, zip_bomb

LIMITS = SheetLimits(max_bytes=2 * 1024 * 1024, max_rows=100, max_cols=10)


def test_a_sheet_that_declares_a_million_rows_yields_only_its_real_rows() -> None:
    data = huge_declared_sheet([["number", "sex"], [1, "f"]])
    assert len(data) < 6000  # a few kilobytes...
    # islice: a reader that trusts the declaration fails here fast instead of running for hours
    rows = list(itertools.islice(xlsx_rows(data, LIMITS), 1000))  # ...that claim A1:XFD1048576
    assert rows == [["number", "sex"], [1, "f"]]


def test_columns_beyond_the_limit_are_not_read() -> None:
    rows = list(xlsx_rows(workbook_bytes([list(range(1, 40))]), LIMITS))
    assert rows == [list(range(1, 11))]


@pytest.mark.parametrize("reader", ["xlsx", "csv"])
def test_rows_stop_at_the_limit_and_say_so(reader: str) -> None:
    table = [[f"r{i}"] for i in range(1, 106)]
    if reader == "xlsx":
        rows = xlsx_rows(workbook_bytes(table), LIMITS)
    else:
        rows = csv_rows("\n".join(r[0] for r in table), LIMITS)  # type: ignore[assignment]
    seen: list[list[object]] = []
    with pytest.raises(RowLimitReached) as caught:
        seen.extend(rows)
    assert caught.value.limit == 100
    assert len(seen) == 100 and seen[-1] == ["r100"]


def test_exactly_at_the_limit_is_not_over_it() -> None:
    table = [[f"r{i}"] for i in range(1, 101)] + [[None]]
    assert len(list(xlsx_rows(workbook_bytes(table), LIMITS))) == 100


def test_a_zip_bomb_is_refused_from_its_directory_before_any_parsing() -> None:
    data = zip_bomb(padding_mb=40)
    assert len(data) < 200_000
    with pytest.raises(SpreadsheetRejected, match="unpacks to more than 16 MB"):
        list(xlsx_rows(data, LIMITS))


def test_a_small_but_absurdly_compressed_member_is_refused() -> None:
    with pytest.raises(SpreadsheetRejected, match="compressed suspiciously well"):
        zip_check(zip_bomb(padding_mb=4), LIMITS)


def test_too_many_members_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i in range(101):
            archive.writestr(f"m{i}.xml", "<a/>")
    with pytest.raises(SpreadsheetRejected, match="unpacks to more than"):
        zip_check(out.getvalue(), LIMITS)


@pytest.mark.parametrize("data", [b"not a zip", b"PK\x03\x04broken"])
def test_damaged_files_are_refused_not_crashed_on(data: bytes) -> None:
    with pytest.raises(SpreadsheetRejected, match="could not be opened"):
        list(xlsx_rows(data, LIMITS))


def test_a_file_over_the_size_limit_is_refused_by_its_size() -> None:
    upload_size_check(LIMITS.max_bytes, LIMITS)
    with pytest.raises(SpreadsheetRejected, match="larger than 2 MB"):
        upload_size_check(LIMITS.max_bytes + 1, LIMITS)


def test_a_csv_field_over_the_csv_module_limit_is_refused() -> None:
    with pytest.raises(SpreadsheetRejected, match="CSV file could not be read"):
        list(csv_rows('"' + "x" * 200_000 + '"\n', LIMITS))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Le fichier dépasse 2 Mo."), ("rw", "Fayili irengeje MB 2.")],
)
def test_refusals_are_translated(language: str, expected: str) -> None:
    with pytest.raises(SpreadsheetRejected) as caught:
        upload_size_check(LIMITS.max_bytes + 1, LIMITS)
    with translation.override(language):
        assert caught.value.translated() == expected
