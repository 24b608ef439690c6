"""Triage in Chromium: the inbox filters, then opening a case with its routing preview.

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import get_resolver
from playwright.sync_api import BrowserContext

from tabara.accounts.roles import Role
from tabara.core.tests.browser import sign_in, submit
from tabara.intake.choices import AgeGroup, Channel
from tabara.intake.tests.factories import submit_report

pytestmark = pytest.mark.django_db(transaction=True)  # the live server reads committed rows


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()  # rate limits and sign-in throttles live in the server's memory
    yield
    cache.clear()


@pytest.fixture(autouse=True, scope="module")
def _views_imported() -> None:
    """Import every view (scipy included) before the server's first request has to.

    On a busy machine that first import alone can outlast the browser's 20 s timeout.
    """
    assert get_resolver().url_patterns


def rows(page) -> list[str]:
    found = page.eval_on_selector_all(
        "#inbox tbody tr[data-reference]", "trs => trs.map(tr => tr.dataset.reference)"
    )
    return [str(reference) for reference in found]


def test_inbox_filters_narrow_the_list_and_keep_the_choice(
    live_server, geography, desktop: BrowserContext, make_staff
) -> None:
    adult_web = submit_report(Channel.WEB, district_code="41", age_group=AgeGroup.ADULT).report
    child_ussd = submit_report(Channel.USSD, district_code="41", age_group=AgeGroup.CHILD).report
    child_other = submit_report(Channel.USSD, district_code="22", age_group=AgeGroup.CHILD).report
    officer = make_staff(roles=[Role.INTAKE_OFFICER])
    page = desktop.new_page()
    sign_in(page, live_server.url, officer)
    page.goto(f"{live_server.url}/en/staff/reports/")
    # The children first (the one that waited longest first), then the adult.
    assert rows(page) == [child_ussd.reference, child_other.reference, adult_web.reference]
    assert page.locator(f'tr[data-reference="{child_ussd.reference}"] .tag.child').is_visible()

    page.select_option("select[name=district]", "41")
    page.select_option("select[name=channel]", "ussd")
    assert submit(page, "#inbox-filters button[type=submit]").status == 200
    assert rows(page) == [child_ussd.reference]
    assert page.locator("select[name=district]").input_value() == "41"
    assert page.locator("select[name=channel]").input_value() == "ussd"

    page.select_option("select[name=channel]", "")
    page.select_option("select[name=status]", "received")
    assert submit(page, "#inbox-filters button[type=submit]").status == 200
    assert rows(page) == [child_ussd.reference, adult_web.reference]
