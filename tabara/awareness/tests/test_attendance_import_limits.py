"""Hostile registers: a sheet declaring a million rows, a zip bomb, a file over the limit."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tabara.accounts.roles import Role
from tabara.awareness.importing import COLUMNS, MAX_BYTES
from tabara.awareness.models import Participant
from tabara.awareness.tests.factories import make_activity
from tabara.core.tests.xlsx_crafted import huge_declared_sheet, zip_bomb

ROWS = [
    ["1", "Aline U.", "F", "18-24", "youth", "Gasabo", "40", "80", "no", "yes"],
    ["2", "", "M", "16", "teachers", "11", "", "", "", ""],
]


def _post(client, activity, upload: SimpleUploadedFile, language: str = "en"):
    return client.post(
        f"/{language}/staff/awareness/activities/{activity.pk}/import/", {"file": upload}
    )


def test_a_sheet_declaring_a_million_rows_imports_its_real_rows(geography, staff_client) -> None:
    client, user = staff_client(Role.PROGRAMME_OFFICER)
    activity = make_activity(user)
    data = huge_declared_sheet([list(COLUMNS), *ROWS])
    response = _post(client, activity, SimpleUploadedFile("r.xlsx", data))
    assert response.status_code == 200
    assert "2 participants imported" in response.content.decode()
    assert Participant.objects.filter(activity=activity).count() == 2


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "This .xlsx file unpacks to more than 16 MB."),
        ("fr", "Une fois décompressé, ce fichier .xlsx dépasse 16 Mo."),
    ],
)
def test_a_zip_bomb_is_refused_with_a_translated_message(
    geography, staff_client, language, message
) -> None:
    client, user = staff_client(Role.PROGRAMME_OFFICER)
    activity = make_activity(user)
    response = _post(client, activity, SimpleUploadedFile("r.xlsx", zip_bomb(40)), language)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Participant.objects.exists()


def test_a_file_over_the_limit_is_refused_by_its_size(geography, staff_client) -> None:
    client, user = staff_client(Role.PROGRAMME_OFFICER)
    activity = make_activity(user)
    big = SimpleUploadedFile("r.csv", b"number,sex\n" + b"1,F\n" * (MAX_BYTES // 4))
    response = _post(client, activity, big, "rw")
    assert response.status_code == 400
    assert "Fayili irengeje MB 2." in response.content.decode()
    assert not Participant.objects.exists()
