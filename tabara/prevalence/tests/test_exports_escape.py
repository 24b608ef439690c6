"""The estimation export escapes an analyst-chosen title that a spreadsheet would run."""

from __future__ import annotations

import csv
import io

import pytest

from tabara.accounts.roles import Role
from tabara.prevalence.models import Estimation
from tabara.prevalence.services import estimation_run
from tabara.prevalence.tests.test_estimation_pages import upload

TITLE = "@SUM(1+9)*cmd|' /C calc'!A0"


@pytest.mark.django_db
def test_the_export_escapes_the_title_and_keeps_negative_numbers(staff_client) -> None:
    client, _user = staff_client(Role.ANALYST)
    upload(client, title=TITLE, bootstrap="0")
    estimation = estimation_run(estimation_id=Estimation.objects.get().pk)
    body = client.get(f"/en/staff/prevalence/{estimation.pk}/export.csv").content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["title", "'" + TITLE]
    for row in rows[1:]:
        for cell in row:
            if cell[:1] in {"=", "+", "-", "@", "\t", "\r"}:
                float(cell)  # only plain numbers may start so (a negative bound, say)
