"""Staff find a person by a misspelled name and by a phone typed as people type it.

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
"""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import BrowserContext

from tabara.accounts.models import User
from tabara.accounts.roles import Role
from tabara.cases.choices import PersonRole
from tabara.cases.services import case_person_add
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.core.tests.browser import BROWSER_TEST, sign_in, submit

pytestmark = BROWSER_TEST


def test_a_misspelled_name_and_a_typed_phone_find_the_person(
    live_server, geography: None, desktop: BrowserContext, make_staff: Callable[..., User]
) -> None:
    agencies = agencies_create()
    worker = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    case = case_create(worker)
    for role, name, phone in (
        (PersonRole.PRESUMED_VICTIM, "Mutamuriza Jeanne", "+250788123456"),
        (PersonRole.WITNESS, "Habimana Eric", "+250722000111"),
    ):
        case_person_add(user=worker, case_id=case.pk, role=role, full_name=name, phone=phone)
    page = desktop.new_page()
    sign_in(page, live_server.url, worker)
    page.goto(f"{live_server.url}/en/staff/search/")
    for typed in ("jeanne mutamuliza", "0788 123 456"):
        page.fill("input[name=q]", typed)
        assert submit(page, "form[role=search] button").status == 200
        rows = page.locator("table tbody tr")
        assert rows.count() == 1
        assert "Mutamuriza Jeanne" in rows.first.inner_text()
        assert page.locator(f"a[href='/en/staff/cases/{case.pk}/']").count() == 1
        assert page.input_value("input[name=q]") == typed
