"""Both open-data files escape any cell a spreadsheet would run (tabara.core.spreadsheets)."""

from __future__ import annotations

import csv
import io

from tabara.accounts.models import Organization
from tabara.cli import main
from tabara.opendata.tests.factories import victims_create

FORMULA = '=HYPERLINK("http://evil.example","Open")'


def test_an_organization_name_that_is_a_formula_is_escaped_in_htcds(
    agencies, supervisor, right_code, tmp_path
) -> None:
    Organization.objects.filter(pk=supervisor.organization_id).update(name=FORMULA)
    victims_create(agencies["RIB"], [{"consent_to_share": True, "citizenship": "@X"}])
    right_code(supervisor)
    out = tmp_path / "htcds.csv"
    assert main(["export", "htcds", str(out), "--user", "sup"]) == 0
    row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert row["cas_CaseOwner"] == "'" + FORMULA
    assert row["prs_Citizenship"] == "'@X"


def test_a_code_that_is_a_formula_is_escaped_in_the_ctdc_file(
    agencies, analyst, right_code, tmp_path
) -> None:
    victims_create(agencies["RIB"], [{"citizenship": "@X", "gender": "feminine"}] * 12)
    right_code(analyst)
    out = tmp_path / "ctdc.csv"
    assert main(["export", "ctdc", str(out), "--user", "ana"]) == 0
    body = "\n".join(line for line in out.read_text().splitlines() if not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(body)))
    assert {row["citizenship"] for row in rows} == {"'@X"}
