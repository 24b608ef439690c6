"""Importing an agency's list: bad files refused with a reason, bad rows reported by line
and never stopping the import, identifying fields encrypted at rest."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.db import connection
from django.utils import translation

from tabara.linkage.lists import (
    ListNotFound,
    ListUnreadable,
    file_rows,
    list_map,
    list_upload,
    mapping_guess,
    problem_text,
)
from tabara.linkage.tests.conftest import HEADER, list_csv

pytestmark = pytest.mark.django_db


def test_rows_are_kept_and_each_bad_one_reported_by_line(linkage_world: SimpleNamespace) -> None:
    w = linkage_world
    bad = [
        ["", "Nameless Id", "F", "", "", "", ""],  # no record id: left out
        ["v1", "Repeat Of V1", "F", "", "", "", ""],  # repeats v1: left out
        ["b3", "Ingabire Grace", "X", "31/02/2001", "12345", "12", "99"],  # fields lost
        ["b4", "", "F", "2001", "", "", ""],  # no name: kept, never linked
    ]
    content = list_csv(bad)
    lines = content.decode().count("\n")  # header + data rows, one per line
    upload = list_upload(user=w.analyst, agency="Shelter B", file_name="b.csv", content=content)
    imported = list_map(user=w.analyst, list_id=upload.pk, mapping=mapping_guess(upload.columns))
    assert imported.row_count == lines - 1 - 2
    first_bad = lines - 3  # spreadsheet line numbers: the header is line 1
    got = {(p["line"], p["code"]) for p in imported.problems}
    assert {
        (first_bad, "no_id"),
        (first_bad + 1, "repeat"),
        (first_bad + 2, "sex"),
        (first_bad + 2, "birth"),
        (first_bad + 2, "nin"),
        (first_bad + 2, "phone"),
        (first_bad + 2, "district"),
        (first_bad + 3, "no_name"),
    } <= got
    repeat = next(p for p in imported.problems if p["code"] == "repeat")
    with translation.override("fr"):
        assert problem_text(repeat) == (
            f"l'identifiant répète celui de la ligne {repeat['params']['other']} : "
            "la ligne est écartée"
        )
    assert imported.pending == ""  # the raw upload is gone once mapped
    with pytest.raises(ListNotFound):  # mapped once only
        list_map(user=w.analyst, list_id=upload.pk, mapping={"full_name": 1})


def test_identifying_fields_are_encrypted_at_rest(linkage_world: SimpleNamespace) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT full_name, nin, phone, birth_date, record_id FROM linkage_importedrecord"
        )
        stored = " ".join(" ".join(row) for row in cursor.fetchall())
    assert "Uwase" not in stored and "Marie" not in stored
    assert "0012345" not in stored and "788123456" not in stored
    names = {r.full_name for r in linkage_world.list.records.all()}
    assert "Marie-Claire Uwase" in names


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("x.csv", b"", "the file is empty: it has no header row"),
        ("x.csv", b"Names,Phone\n", "the file has a header row but no records"),
        (
            "x.csv",
            "Izina\nUwase\n".encode("utf-16"),
            "the file is neither UTF-8 text (CSV) nor XLSX",
        ),
        ("x.xlsx", b"not a zip", "This .xlsx file could not be opened."),
    ],
)
def test_bad_files_are_refused_with_a_reason(name: str, content: bytes, reason: str) -> None:
    with translation.override("en"), pytest.raises(ListUnreadable) as refused:
        file_rows(name, content)
    assert str(refused.value) == reason


def test_xlsx_lists_are_read_like_csv() -> None:
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["a1", "Mukamana Aline", "F", 2003, "", "0788000111", "11"])
    buffer = io.BytesIO()
    book.save(buffer)
    rows = file_rows("list.xlsx", buffer.getvalue())
    assert rows == [
        ["1", *HEADER],
        ["2", "a1", "Mukamana Aline", "F", "2003", "", "0788000111", "11"],
    ]


def test_a_mapping_is_proposed_from_usual_headers() -> None:
    guess = mapping_guess(["Amazina", "Igitsina", "Telephone", "Notes", "ID"])
    assert guess == {"full_name": 0, "sex": 1, "phone": 2, "record_id": 4}
