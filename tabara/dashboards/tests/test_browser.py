"""The statistics dashboard in a real browser: filters, chart-to-table links, download, print.

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser. The
world is conftest.py's five cases, with its snapshot built.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from playwright.sync_api import Browser, BrowserContext

from tabara.core.chromium import DESKTOP
from tabara.core.tests.axe import axe_check
from tabara.core.tests.browser import BROWSER_TEST, TIMEOUT_MS, sign_in, submit

pytestmark = BROWSER_TEST


@pytest.fixture
def world(fresh_world: SimpleNamespace) -> SimpleNamespace:
    """Committed for the live server's thread: built for each test, not shared."""
    return fresh_world


@pytest.fixture
def desktop(chromium: Browser) -> Iterator[BrowserContext]:
    """A desktop browser; axe-core goes in as an inline script, which the page's CSP refuses."""
    context = chromium.new_context(viewport=DESKTOP, bypass_csp=True, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


def test_analyst_filters_follows_a_chart_to_its_table_downloads_and_prints(
    live_server, world, desktop: BrowserContext
) -> None:
    base = live_server.url
    world.analyst.language = "en"
    world.analyst.save(update_fields=["language"])
    page = desktop.new_page()
    assert sign_in(page, base, world.analyst).status == 200
    page.goto(f"{base}/en/staff/statistics/")
    assert page.inner_text("#kpi-cases") == "5"
    assert page.locator("svg.chart").count() == 8  # the map is the district table's chart
    assert page.locator("svg.map").count() == 1
    assert axe_check(page, "statistics") == []

    # Filter to one district (Rubavu, 33): c3 and c4.
    page.select_option("select[name=district]", "33")
    assert submit(page, "form.filters button[type=submit]").status == 200
    assert "district=33" in page.url
    assert page.inner_text("#kpi-cases") == "fewer than 5"
    assert page.locator("select[name=district]").input_value() == "33"

    # A chart's link leads to the same figures as a table.
    page.click("#h-exploitation ~ p.tablelink a")
    assert page.url.endswith("#table-exploitation")
    assert page.locator("#table-exploitation").is_visible()

    # The download carries the filter.
    with page.expect_download() as download:
        page.click("p.downloads a:text('CSV')")
    text = download.value.path().read_text(encoding="utf-8-sig")
    assert "Cases and victims by district" in text and "Rubavu" in text
    assert "Nyarugenge" not in text

    # Printed, the page keeps the figures and drops the menus and the filters.
    page.emulate_media(media="print")
    assert not page.locator("header").is_visible()
    assert not page.locator("form.filters").is_visible()
    assert page.locator("#table-path").is_visible()
    assert page.locator("svg.map").is_visible()


@pytest.mark.parametrize("language", ["rw", "fr"])
def test_supervisor_reads_own_figures_in_kinyarwanda_and_french(
    live_server, world, desktop: BrowserContext, language: str
) -> None:
    world.rib.language = language
    world.rib.save(update_fields=["language"])
    page = desktop.new_page()
    assert sign_in(page, live_server.url, world.rib).status == 200
    page.goto(f"{live_server.url}/{language}/staff/statistics/")
    assert page.inner_text("#kpi-cases") == "3"
    assert page.locator("select[name=org]").count() == 0
    assert page.locator("tr.slow").count() == 1
    assert axe_check(page, f"statistics ({language})") == []
