"""Importing a register: good, bad and mixed files, CSV and XLSX; nothing valid is dropped."""

from __future__ import annotations

import pytest

from tabara.accounts.roles import Role
from tabara.audit.models import AuditEvent
from tabara.awareness.importing import UnreadableFile, parse_register, template_csv, template_xlsx
from tabara.awareness.models import Attempt, Participant
from tabara.awareness.services.activities import attendance_import
from tabara.awareness.tests.factories import csv_bytes, make_activity, xlsx_bytes
from tabara.geo.models import AdminUnit

GOOD: list[list[str]] = [
    ["1", "Aline U.", "F", "18-24", "youth", "Gasabo", "40", "80", "no", "yes"],
    ["2", "", "M", "16", "teachers", "11", "", "", "", ""],
    ["", "Eric H.", "gabo", "", "", "", "50", "", "", ""],
]


def unit(code: str) -> int:
    return AdminUnit.objects.get(code=code).pk


@pytest.fixture
def officer(make_staff):
    return make_staff(roles=[Role.PROGRAMME_OFFICER])


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_good_file_imports_every_row_and_its_scores(geography, officer, kind) -> None:
    activity = make_activity(officer)
    data = csv_bytes(GOOD) if kind == "csv" else xlsx_bytes(GOOD)
    report = attendance_import(
        user=officer, activity=activity, filename=f"register.{kind}", data=data
    )
    assert (report.imported, report.scores, report.rejected.rejected) == (3, 3, [])
    people = {p.number: p for p in Participant.objects.filter(activity=activity)}
    assert sorted(people) == [1, 2, 3]  # the row without a number got the next free one
    assert (people[1].sex, people[1].age_band, people[1].district_id) == (
        "female",
        "18-24",
        unit("12"),
    )
    assert (people[2].age_band, people[2].district_id) == ("15-17", unit("11"))
    assert people[3].sex == "male"
    assert people[1].name == "Aline U."
    attempts = Attempt.objects.filter(participant=people[1]).order_by("phase")
    assert [(a.phase, a.score, a.distinguishes) for a in attempts] == [
        ("post", 80.0, True),
        ("pre", 40.0, False),
    ]
    assert AuditEvent.objects.filter(action="attendance_imported").count() == 1


def test_a_bad_file_rejects_every_row_with_every_reason(geography, officer) -> None:
    activity = make_activity(officer)
    rows = [
        ["x", "", "woman", "old", "pilot", "Atlantis", "120", "", "maybe", ""],
        ["0", "", "F", "", "", "", "", "-1", "", ""],
    ]
    report = attendance_import(
        user=officer, activity=activity, filename="bad.csv", data=csv_bytes(rows)
    )
    assert report.imported == 0
    first, second = report.rejected.rejected
    assert first.line == 2 and len(first.reasons) == 7
    assert "Atlantis" in " ".join(first.reasons)
    assert second.line == 3 and len(second.reasons) == 2
    assert not Participant.objects.exists()


def test_a_mixed_file_keeps_the_good_rows_and_explains_the_bad(geography, officer) -> None:
    activity = make_activity(officer)
    Participant.objects.create(activity=activity, number=7)
    rows = [
        ["1", "", "F", "25-35", "parents", "Rubavu", "", "", "", ""],
        ["7", "", "F", "", "", "", "", "", "", ""],  # number already on the register
        ["2", "", "X", "", "", "", "", "", "", ""],  # unknown sex
        ["1", "", "M", "", "", "", "", "", "", ""],  # number repeated in the file
        ["", "", "", "", "", "", "", "", "", ""],  # blank lines are skipped silently
        ["3", "", "M", "60+", "", "", "", "", "", ""],
    ]
    report = attendance_import(
        user=officer, activity=activity, filename="mixed.CSV", data=csv_bytes(rows)
    )
    assert report.imported == 2
    assert [r.line for r in report.rejected.rejected] == [3, 4, 5]
    assert sorted(activity.participants.values_list("number", flat=True)) == [1, 3, 7]


def test_semicolon_csv_from_a_french_spreadsheet_is_read() -> None:
    data = "number;sex;age_band\n1;F;18-24\n".encode("utf-8-sig")
    parsed = parse_register("r.csv", data, districts={}, used_numbers=set())
    assert len(parsed.rows) == 1 and parsed.rejected == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("register.pdf", b"%PDF-1.4"),
        ("register.xlsx", b"not a zip"),
        ("register.csv", "number,sex\n".encode("utf-16")),
        ("register.csv", b"first,second\n1,2\n"),
        ("register.csv", b"x" * (2 * 1024 * 1024 + 1)),
    ],
)
def test_unreadable_files_are_refused_whole(name, data) -> None:
    with pytest.raises(UnreadableFile):
        parse_register(name, data, districts={}, used_numbers=set())


def test_the_templates_round_trip_through_the_importer() -> None:
    districts = {"gasabo": "12"}
    for name, data in (("t.xlsx", template_xlsx()), ("t.csv", template_csv())):
        parsed = parse_register(name, data, districts=districts, used_numbers=set())
        assert len(parsed.rows) == 1 and parsed.rejected == [], name


def test_staff_page_imports_and_lists_rejections(geography, staff_client) -> None:
    client, user = staff_client(Role.PROGRAMME_OFFICER)
    activity = make_activity(user)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("r.csv", csv_bytes([GOOD[0], ["2", "", "Z"] + [""] * 7]))
    response = client.post(
        f"/en/staff/awareness/activities/{activity.pk}/import/", {"file": upload}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 participants imported, 2 test scores recorded, 1 rows rejected." in html
    assert "Sex “Z” is not F or M." in html
    bad = client.post(
        f"/en/staff/awareness/activities/{activity.pk}/import/",
        {"file": SimpleUploadedFile("r.pdf", b"%PDF")},
    )
    assert bad.status_code == 400
