"""An analyst reads the network without JavaScript, in English and in Kinyarwanda.

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
TABARA_SCREENSHOTS=1 refreshes docs/screenshots/networks*.png.
"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Browser

from tabara.core.chromium import DESKTOP
from tabara.core.tests.browser import BROWSER_TEST, sign_in, submit
from tabara.networks.services import network_backfill
from tabara.networks.tests.conftest import new_report, open_case

pytestmark = BROWSER_TEST


@pytest.fixture
def network(world, settings):
    """Two networks across three organizations and four districts, and one hub."""
    settings.TABARA_NETWORK_HUB_CAP = 4
    open_case(world.rib_worker, world.kigali, phone="0788 100 200", full_name="Kalisa Eric")
    open_case(world.isange_worker, world.rubavu, summary="Met on tiktok.com/@jobs_gulf")
    new_report("34", what_happened="He called from 0788100200, tiktok.com/@jobs_gulf")
    new_report("22", suspect_identifiers="+250 788 100 200", agency_name="Trans-Border Jobs Ltd")
    new_report("41", agency_name="TRANSBORDER JOBS")
    new_report("51", agency_name="Trans-border Jobs", suspect_identifiers="RAB 123 A")
    new_report("51", suspect_identifiers="RAB 123 A, plate")
    for district in ("11", "22", "34", "41", "51"):
        new_report(district, suspect_identifiers="Volcano Express bus 0722 000 111")
    network_backfill()
    return world


def test_the_network_reads_without_javascript_in_english_and_kinyarwanda(
    shots, live_server, chromium: Browser, network
) -> None:
    context = chromium.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    assert sign_in(page, live_server.url, network.analyst).status == 200
    page.goto(f"{live_server.url}/en/staff/networks/")
    assert page.locator("svg[role=img] path").count() == 4  # phone, account, agency, plate
    rows = page.locator("main table").first.locator("tbody tr")
    assert rows.count() == 10  # 3 phone + 2 account + 3 agency + 2 plate connections
    hubs = page.locator("main table").nth(1).inner_text()
    assert "+25072••••111" in hubs and "5" in hubs
    page.select_option("select[name=district]", "41")
    assert submit(page, "main form button[type=submit]").status == 200
    assert "district=41" in page.url
    assert page.locator("svg[role=img] path").count() == 1  # the agency only
    if os.environ.get("TABARA_SCREENSHOTS"):
        page.goto(f"{live_server.url}/en/staff/networks/")
        page.screenshot(path=str(shots / "networks.png"), full_page=True)
    page.goto(f"{live_server.url}/rw/staff/networks/")
    assert page.locator("h1").inner_text() == "Urusobe rw'abashuka abantu"
    assert "Raporo cyangwa dosiye" in page.locator("main table").first.inner_text()
    if os.environ.get("TABARA_SCREENSHOTS"):
        page.screenshot(path=str(shots / "networks-rw.png"), full_page=True)
    context.close()
