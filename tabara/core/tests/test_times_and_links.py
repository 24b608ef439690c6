"""Times read on Kigali's clock (UTC+2), and links in alerts that work outside the site."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured

from tabara.accounts.roles import Role
from tabara.core.links import absolute_url
from tabara.core.times import kigali_time
from tabara.intake.tests.factories import submit_report

# Rwanda keeps Central Africa Time, UTC+2, all year: 22:30 UTC is half past midnight in Kigali.
LATE_EVENING_UTC = datetime(2026, 12, 4, 22, 30, tzinfo=UTC)


def test_a_utc_instant_reads_on_kigali_clock_even_across_midnight() -> None:
    assert kigali_time(LATE_EVENING_UTC) == "2026-12-05 00:30"
    assert kigali_time(datetime(2026, 6, 1, 6, 0, tzinfo=UTC)) == "2026-06-01 08:00"


def test_a_naive_time_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError, match="naive"):
        kigali_time(datetime(2026, 12, 4, 22, 30))  # noqa: DTZ001 - the naive value under test


@pytest.mark.django_db
def test_staff_pages_show_when_a_report_arrived_in_kigali_time(staff_client) -> None:
    with time_machine.travel(LATE_EVENING_UTC, tick=False):
        submitted = submit_report()
    client, _user = staff_client(Role.INTAKE_OFFICER)
    inbox = client.get("/en/staff/reports/").content.decode()
    page = client.get(f"/en/staff/reports/{submitted.report.pk}/").content.decode()
    for html in (inbox, page):
        assert "2026-12-05 00:30" in html
        assert "2026-12-04 22:30" not in html


def test_links_start_with_the_site_address(settings) -> None:
    settings.TABARA_SITE_URL = "https://tabara.example.org"
    assert absolute_url("/fr/staff/queue/") == "https://tabara.example.org/fr/staff/queue/"
    with pytest.raises(ValueError, match="absolute path"):
        absolute_url("staff/queue/")


def test_without_a_site_address_no_link_is_made(settings) -> None:
    settings.TABARA_SITE_URL = ""
    with pytest.raises(ImproperlyConfigured):
        absolute_url("/en/staff/")
