"""The demo register loads once and answers the public lookup in every standing."""

from __future__ import annotations

import pytest
from django.test import Client

from tabara.core.demo import DemoRun
from tabara.recruitment.demo import recruitment_demo_step
from tabara.recruitment.models import Agency

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_shows_every_standing() -> None:
    run = DemoRun()
    recruitment_demo_step(run)
    recruitment_demo_step(run)
    assert Agency.objects.count() == 6 and len(run.lines) == 1
    client = Client()
    said = {
        typed: client.get("/en/agencies/", {"q": typed}).content.decode()
        for typed in ("Horizon Jobs", "Isoko", "Nyenyeri", "Gakondo")
    }
    assert "Licensed to recruit for" in said["Horizon Jobs"]
    assert "Licence suspended" in said["Isoko"]
    assert "Licence revoked" in said["Nyenyeri"]
    assert "Licence expired" in said["Gakondo"]  # listed as licensed, end date passed
