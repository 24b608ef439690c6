"""Hostile tables on the analysts' upload: declared giant sheets, zip bombs, oversize files."""

from __future__ import annotations

import csv
import io

import pytest

from tabara.accounts.roles import Role
from tabara.core.tests.xlsx_crafted import huge_declared_sheet, zip_bomb
from tabara.prevalence.models import Estimation
from tabara.prevalence.tests.test_estimation_pages import UK, upload

pytestmark = pytest.mark.django_db


def _uk_rows() -> list[list[object]]:
    rows = list(csv.reader(io.StringIO(UK.decode())))
    header: list[object] = list(rows[0])
    body: list[list[object]] = [[int(cell) for cell in row] for row in rows[1:]]
    return [header, *body]


def test_a_sheet_declaring_a_million_rows_gives_the_same_table_as_its_csv(staff_client) -> None:
    client, _user = staff_client(Role.ANALYST)
    assert upload(client, title="from csv").status_code == 302
    data = huge_declared_sheet(_uk_rows())
    assert upload(client, content=data, name="uk.xlsx", title="from xlsx").status_code == 302
    from_csv, from_xlsx = Estimation.objects.order_by("id")
    assert from_xlsx.rows == from_csv.rows


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (zip_bomb(40), "t.xlsx", "Une fois décompressé, ce fichier .xlsx dépasse 16 Mo."),
        (b"A,B,count\n" + b"1,0,5\n" * 400_000, "t.csv", "Le fichier dépasse 2 Mo."),
        (b"A,B,count\n" + b"1,0,5\n" * 50_001, "t.csv", "le tableau a plus de 50000 lignes"),
    ],
)
def test_refusals_are_translated_and_keep_the_form(staff_client, content, name, message) -> None:
    client, _user = staff_client(Role.ANALYST)
    response = client.post(
        "/fr/staff/prevalence/",
        {
            "title": "titre gardé",
            "method": "stepwise",
            "threshold": "0.02",
            "bootstrap": "40",
            "seed": "7",
            "table": _file(name, content),
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'value="titre gardé"' in html
    assert not Estimation.objects.exists()


def _file(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)
