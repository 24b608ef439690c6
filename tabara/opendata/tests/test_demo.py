"""`make run` publishes a first release, once, as the demo analyst."""

from __future__ import annotations

import io

from django.core.management import call_command
from django.test import Client

from tabara.opendata.models import StatisticsRelease


def test_the_demo_releases_the_statistics_once(geography) -> None:
    call_command("demo_load", "--no-villages", stdout=io.StringIO())
    call_command("demo_load", "--no-villages", stdout=io.StringIO())
    release = StatisticsRelease.objects.get()
    assert release.released_by.username == "analyst"
    html = Client().get("/en/statistics/").content.decode()
    assert f"±{release.margin} of the true count" in html
