"""The HTCDS export against the mapping table of docs/open-data.md, row by row."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest

from tabara.opendata.htcds import COLUMNS, htcds_row
from tabara.opendata.records import VictimRecord

DOC = Path(__file__).resolve().parents[3] / "docs" / "open-data.md"
# Where each Tabara source of the table lands in the exports' record of a person.
SOURCES = {
    "Case.status": "case_status",
    "Case.closure_reason": "closure_reason",
    "Case.consent_to_share": "consent_to_share",
    "CasePerson.gender": "gender",
    "CasePerson.citizenship": "citizenship",
    "CasePerson.age": "age",
    "Case.screening_outcome": "screening_outcome",
    "Organization.kind": "owner_kind",
    "Case.recruitment_channel": "recruitment_channel",
    "Case.exploitation_type": "exploitation_types",
    "Case.destination_country": "destination_country",
}


def mapping_rows() -> list[tuple[str, str, str, str]]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## HTCDS mapping", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] in COLUMNS:
            rows.append((cells[0], cells[1], cells[2], cells[3]))
    return rows


def _value(attribute: str, text: str) -> object:
    kind = {f.name: f.type for f in dataclasses.fields(VictimRecord)}[attribute]
    if attribute == "exploitation_types":
        return (text,)
    if "bool" in str(kind):
        return text == "true"
    if "int" in str(kind):
        return int(text)
    return text


def test_the_table_covers_every_value_of_the_vocabularies() -> None:
    from tabara.accounts.models import Organization
    from tabara.cases.choices import CaseStatus, ClosureReason, ExploitationType, Gender

    documented = {(source, value) for _f, source, value, _h in mapping_rows()}
    for source, choices in (
        ("Case.status", CaseStatus),
        ("Case.closure_reason", ClosureReason),
        ("CasePerson.gender", Gender),
        ("Organization.kind", Organization.Kind),
    ):
        assert {(source, str(v)) for v in choices.values} <= documented, source
    types = {(s, v) for s, v in documented if s == "Case.exploitation_type"}
    assert types == {("Case.exploitation_type", str(v)) for v in ExploitationType.values} - {
        ("Case.exploitation_type", "unknown")
    }


@pytest.mark.parametrize(("field", "source", "value", "expected"), mapping_rows())
def test_each_row_of_the_documented_mapping(field, source, value, expected) -> None:
    attribute = SOURCES[source]
    record = dataclasses.replace(
        VictimRecord(case_id=7, opened_on=date(2026, 3, 1)),
        **cast(dict[str, Any], {attribute: _value(attribute, value)}),
    )
    if attribute == "destination_country":
        record = dataclasses.replace(record, border_crossed=True)
    assert htcds_row(record)[field] == expected


def test_an_unrecorded_value_leaves_the_field_empty() -> None:
    row = htcds_row(VictimRecord(case_id=7, opened_on=date(2026, 3, 1)))
    assert row["vic_TypeOfExploitation"] == "" and row["vic_MethodOfRecruitment"] == ""
    assert row["vic_AgeWhenTrafficked"] == "" and row["cas_CaseId"] == "C-000007"
