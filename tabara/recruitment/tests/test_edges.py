"""Edges of the register: the staff list, a missing agency, odd files and odd cells."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.test import Client
from django.utils import translation

from tabara.accounts.roles import Role
from tabara.recruitment.importing import UnreadableFile, parse_agencies
from tabara.recruitment.models import AgencyChange
from tabara.recruitment.tests.factories import make_agency
from tabara.recruitment.tests.test_import import HEADER, MAPPING, xlsx_file

pytestmark = pytest.mark.django_db


def test_the_staff_list_shows_each_agency_with_its_answer(staff_client) -> None:
    agency = make_agency(licence_expires=None)
    client, _officer = staff_client(Role.PROGRAMME_OFFICER, language="en")
    page = client.get("/en/staff/agencies/").content.decode()
    assert f"/en/staff/agencies/{agency.pk}/" in page
    assert "Licensed to recruit for United Arab Emirates, Qatar." in page
    assert client.get(f"/en/staff/agencies/{agency.pk + 99}/").status_code == 404
    assert str(agency) == "Horizon Kazi Placement Ltd (RW-LMA-2025-0101)"
    assert str(agency.phones.get()) == "+250788100101"
    assert str(agency.keys.first()) == "horizon kazi pracement"
    assert "edit" in str(AgencyChange.objects.get())


def test_licensed_for_other_countries_says_which() -> None:
    make_agency()
    with time_machine.travel("2026-05-01 08:00Z", tick=False):
        page = Client().get("/en/job-offer/")
        assert page.status_code == 200
        result = Client().post("/en/job-offer/", {"q_destination": "SA", "agency": "Horizon"})
    assert "Licensed, but not to recruit for Saudi Arabia" in result.content.decode()


def test_odd_files_and_cells() -> None:
    with translation.override("en"):
        with pytest.raises(UnreadableFile, match="UTF-8"):
            parse_agencies("list.csv", "Nom,Statut\n".encode("utf-16"), MAPPING)
        with pytest.raises(UnreadableFile, match="empty"):
            parse_agencies("list.csv", b"", MAPPING)
        rows: list[list[object]] = [
            ["Long Ltd " * 30, "L" * 61, "licensed", date(2027, 1, 9), 250.0, "", "x" * 201],
            [None, None, None, None, None, None, None],
        ]
        parsed = parse_agencies("list.xlsx", xlsx_file(rows), MAPPING)
    (rejected,) = parsed.rejected
    assert len(rejected.reasons) == 4  # long name, long licence, a bad country, a long website
    assert HEADER[0] == "Raison sociale"
