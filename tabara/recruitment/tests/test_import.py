"""Importing the licensing authority's list: its own column names, a mapping, rejections."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from django.utils import translation
from openpyxl import Workbook

from tabara.accounts.roles import Role
from tabara.audit.models import AuditEvent
from tabara.recruitment.importing import UnreadableFile, parse_agencies
from tabara.recruitment.models import Agency, AgencyChange
from tabara.recruitment.services import agencies_import

# The authority's own header: three names the importer knows, two it needs a mapping for.
HEADER = ["Raison sociale", "Licence No.", "Statut", "Expiry date", "Pays", "Téléphone", "Web"]
ROWS: list[list[object]] = [
    ["Horizon Kazi Placement Ltd", "rw-lma-2025-0101", "Licensed", "2027-01-09",
     "AE; Qatar", "0788 100 101 / +250 252 100 177", "https://horizon.example"],
    ["Isoko Manpower", "RW-LMA-2023-0042", "suspendu", "09/05/2026", "Arabie saoudite",
     "", ""],
    ["", "RW-LMA-2023-0043", "licensed", "", "", "", ""],  # no name
    ["Nyenyeri Travel", "RW-LMA-2022-0013", "closed", "2026-13-01", "Atlantis", "07x", ""],
    ["Twice Ltd", "RW-LMA-2025-0101", "revoked", "", "", "", ""],  # licence seen above
]  # fmt: skip
MAPPING = {"name": "Raison sociale", "destinations": "Pays"}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def csv_file(rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_file(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_good_rows_read_and_every_bad_row_rejected_with_its_reasons(kind) -> None:
    rows = [list(r) for r in ROWS]
    if kind == "xlsx":
        rows[0][3] = datetime(2027, 1, 9)  # noqa: DTZ001 - a spreadsheet's own date cell
    data = csv_file(rows) if kind == "csv" else xlsx_file(rows)
    parsed = parse_agencies(f"list.{kind}", data, MAPPING)
    first, second = parsed.rows
    assert first.licence_number == "RW-LMA-2025-0101" and first.status == "licensed"
    assert first.licence_expires == date(2027, 1, 9)
    assert first.destinations == ("AE", "QA")
    assert first.phones == ("+250788100101", "+250252100177")
    assert second.status == "suspended" and second.licence_expires == date(2026, 5, 9)
    assert second.destinations == ("SA",)
    rejected = {r.line: r.reasons for r in parsed.rejected}
    assert sorted(rejected) == [4, 5, 6]
    assert len(rejected[4]) == 1 and "name" in rejected[4][0]
    assert len(rejected[5]) == 4  # status, date, country, phone: every reason at once
    assert "twice" in rejected[6][0]


def test_without_a_mapping_the_missing_columns_are_named() -> None:
    with pytest.raises(UnreadableFile, match="Name"):
        parse_agencies("list.csv", csv_file(ROWS), {})
    with pytest.raises(UnreadableFile):
        parse_agencies("list.pdf", b"%PDF", MAPPING)


@pytest.mark.django_db
def test_import_creates_then_changes_by_licence_number_and_audits(make_staff) -> None:
    officer = make_staff(roles=[Role.PROGRAMME_OFFICER])
    parsed = parse_agencies("list.csv", csv_file(ROWS), MAPPING)
    first = agencies_import(user=officer, rows=parsed.rows, filename="list.csv")
    assert sorted(first.created) == ["RW-LMA-2023-0042", "RW-LMA-2025-0101"]
    again = [list(r) for r in ROWS[:2]]
    again[1][2] = "revoked"
    parsed = parse_agencies("list.csv", csv_file(again), MAPPING)
    second = agencies_import(user=officer, rows=parsed.rows, filename="list.csv")
    assert (second.created, second.changed, second.unchanged) == (
        [],
        ["RW-LMA-2023-0042"],
        ["RW-LMA-2025-0101"],
    )
    assert Agency.objects.get(licence_number="RW-LMA-2023-0042").status == "revoked"
    assert AgencyChange.objects.filter(source="import").count() == 3
    assert AuditEvent.objects.filter(action="agencies_imported").count() == 2
