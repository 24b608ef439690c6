"""The public statistics page on a small phone without JavaScript (Debian's chromium)."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from playwright.sync_api import BrowserContext

from tabara.accounts.models import Organization
from tabara.cases.tests.factories import agencies_create
from tabara.core.tests.browser import BROWSER_TEST
from tabara.opendata.releases import release_publish
from tabara.opendata.tests.factories import victims_create

pytestmark = BROWSER_TEST


@pytest.fixture
def agencies(geography: None) -> dict[str, Organization]:
    """Committed for this test alone: the live server reads them from another thread."""
    return agencies_create()


def test_a_visitor_reads_the_statistics_in_kinyarwanda_on_a_phone(
    shots, live_server, agencies, analyst, phone: BrowserContext, tmp_path
) -> None:
    from tabara.geo.models import AdminUnit

    districts = list(AdminUnit.objects.filter(level="district"))
    victims_create(
        agencies["RIB"],
        [
            {
                "gender": ("feminine", "masculine")[i % 3 == 0],
                "age": 14 + i % 40,
                "district": districts[i % 7],
                "exploitation_type": ("forced_labour", "sexual_exploitation")[i % 2],
            }
            for i in range(200)
        ],
    )
    release = release_publish(user=analyst, epsilon=Decimal("2"))
    page = phone.new_page()
    response = page.goto(f"{live_server.url}/rw/statistics/")
    assert response is not None and response.status == 200
    assert page.locator("h1").inner_text() == "Icuruzwa ry'abantu mu mibare"
    assert f"±{release.margin}" in page.locator("p.note").inner_text()
    assert page.locator("table").count() == 5
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # The language links lead to the same figures in French.
    page.click("nav.lang a[lang=fr]")
    assert page.locator("h1").inner_text() == "La traite en chiffres"
    shot = tmp_path / "statistics.png"
    page.goto(f"{live_server.url}/rw/statistics/")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0
    if os.environ.get("TABARA_SCREENSHOTS"):  # TABARA_SCREENSHOTS=1 refreshes docs/screenshots
        page.screenshot(path=str(shots / "public-statistics-rw.png"), full_page=False)
        page.goto(f"{live_server.url}/en/statistics/")
        page.screenshot(path=str(shots / "public-statistics-en-full.png"), full_page=True)
