"""Files sent with a public report: kept clean with the report, or refused with the text kept."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.test import Client
from PIL import Image

from tabara.accounts.models import User
from tabara.accounts.roles import Role
from tabara.attachments.models import Attachment
from tabara.attachments.tests import samples
from tabara.intake.models import Report
from tabara.intake.tests.factories import complete_form


def named(name: str, data: bytes) -> io.BytesIO:
    file = io.BytesIO(data)
    file.name = name
    return file


def test_a_geotagged_photo_reaches_staff_without_its_position(
    geography: None, staff_client: Callable[..., tuple[Client, User]]
) -> None:
    form = complete_form()
    response = Client().post(
        "/en/report/", {**form, "attachments": [named("job-advert.jpg", samples.photo())]}
    )
    assert response.status_code == 200 and "receipt" in response.content.decode().lower()
    report = Report.objects.get()
    attachment = Attachment.objects.get(report=report)
    client, _user = staff_client(Role.INTAKE_OFFICER)
    page = client.get(f"/en/staff/reports/{report.pk}/").content.decode()
    assert f"/en/staff/files/{attachment.pk}/" in page and "job-advert.jpg" in page
    served = client.get(f"/en/staff/files/{attachment.pk}/")
    with Image.open(io.BytesIO(served.content)) as image:
        assert image.format == "JPEG" and len(image.getexif()) == 0
    assert b"SyntheticPhone" not in served.content


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([("notes.txt", b"just text")], "“notes.txt” is not a photo"),
        ([("broken.jpg", samples.photo()[:300])], "“broken.jpg” could not be opened"),
        ([("huge.png", samples.png_bomb())], "“huge.png” is an image too large to open"),
        ([(f"p{n}.png", samples.photo("PNG")) for n in range(4)], "at most 3 files"),
    ],
)
def test_a_refused_file_keeps_everything_typed_and_says_what_to_choose_again(
    geography: None, files: list[tuple[str, bytes]], message: str
) -> None:
    form = complete_form()
    response = Client().post(
        "/en/report/", {**form, "attachments": [named(name, data) for name, data in files]}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "Choose these again: " + ", ".join(name for name, _ in files) in page
    assert "Synthetic Travel Ltd" in page and "Mama Synthetic" in page
    assert not Report.objects.exists() and not Attachment.objects.exists()
