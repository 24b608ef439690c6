"""A small linkage world: an analyst of RIB, a shelter list that repeats RIB's victim and
another organization's victim, and the cases they come from (all synthetic)."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace
from typing import Any

import pytest

from tabara.accounts.roles import Role
from tabara.cases.choices import Gender, PersonRole
from tabara.cases.services import case_person_add
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.linkage.lists import list_map, list_upload, mapping_guess
from tabara.linkage.synthetic import MODERATE, population_records

HEADER = ["Record", "Names", "Gender", "DOB", "NIN", "Phone", "District"]
# Two victims recorded by cases (RIB's own, NAR's) and again, spelled differently, on the list.
OWN_VICTIM = {
    "full_name": "UWASE Marie Claire",
    "identity_number": "1199870012345017",
    "phone": "0788123456",
}
OTHER_VICTIM = {
    "full_name": "Habimana Jean Bosco",
    "identity_number": "1200180098765043",
    "phone": "0722987654",
}


def list_csv(extra_rows: list[list[str]] | None = None, people: int = 14) -> bytes:
    """A shelter's list: synthetic people (some twice) and the two victims, as CSV bytes."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for _person, r in population_records(
        people=people, sources=("shelter", "shelter2"), capture=0.8, seed=7, variation=MODERATE
    ):
        writer.writerow(
            [r["record_id"], r["full_name"], r["sex"], r["birth_date"], r["nin"], r["phone"],
             r["district"]]
        )  # fmt: skip
    writer.writerow(
        ["v1", "Marie-Claire Uwase", "F", "1998", "1 1998 7 0012345 0 17", "+250788123456", "11"]
    )
    writer.writerow(
        ["v2", "Jean Bosco HABYARIMANA", "M", "2001", "1 2001 8 0098765 0 43", "0722 987 654", ""]
    )
    for row in extra_rows or []:
        writer.writerow(row)
    return out.getvalue().encode()


@pytest.fixture
def linkage_world(geography: None, make_staff: Any) -> SimpleNamespace:
    agencies = agencies_create()
    w = SimpleNamespace(agencies=agencies)
    w.analyst = make_staff(roles=[Role.ANALYST], organization=agencies["RIB"])
    w.officer = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    w.other_officer = make_staff(roles=[Role.CASE_WORKER], organization=agencies["NAR"])
    w.own_case = case_create(w.officer)
    w.own_victim = case_person_add(
        user=w.officer, case_id=w.own_case.pk, role=PersonRole.PRESUMED_VICTIM,
        gender=Gender.FEMININE, age=28, **OWN_VICTIM,
    )  # fmt: skip
    w.other_case = case_create(w.other_officer)
    w.other_victim = case_person_add(
        user=w.other_officer, case_id=w.other_case.pk, role=PersonRole.PRESUMED_VICTIM,
        gender=Gender.MASCULINE, age=25, **OTHER_VICTIM,
    )  # fmt: skip
    upload = list_upload(
        user=w.analyst, agency="Shelter", file_name="shelter.csv", content=list_csv()
    )
    w.list = list_map(user=w.analyst, list_id=upload.pk, mapping=_mapping(upload.columns))
    return w


def _mapping(columns: list[str]) -> dict[str, int]:
    return mapping_guess(columns)
