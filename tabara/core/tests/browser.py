"""Browser fixtures shared by every app's Playwright tests (a pytest plugin, see conftest.py).

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
One browser serves each test module; each test opens its own contexts.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.urls import get_resolver
from django.utils import translation
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Response,
    sync_playwright,
)

from tabara.accounts.models import User
from tabara.accounts.tests.factories import PASSWORD, totp_code
from tabara.core.chromium import DESKTOP, PHONE, launch

TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def views_imported() -> None:
    """Import every view (scipy included) before the live server's first request has to.

    On a busy machine that first import alone can outlast the browser's 20 s timeout.
    """
    assert get_resolver().url_patterns


@pytest.fixture
def fresh_limits() -> Iterator[None]:
    """Rate limits and sign-in throttles live in the server's cache: each test starts clean."""
    cache.clear()
    yield
    cache.clear()


# A browser test module's marks: the live server reads committed rows, in a warm process,
# with no rate limit left over from another test.
BROWSER_TEST = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("views_imported", "fresh_limits"),
]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    # Playwright's sync API keeps an event loop running in the test thread, so Django
    # refuses ORM calls there; they are in fact synchronous, so allow them in browser tests.
    # One browser per module: a session-wide one would leave that loop running under
    # tests that start their own (the crash and restart harnesses use asyncio.run).
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = launch(playwright)
            yield browser
            browser.close()


def _context(chromium: Browser, **options: object) -> Iterator[BrowserContext]:
    context = chromium.new_context(**options)  # type: ignore[arg-type]
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def phone(chromium: Browser) -> Iterator[BrowserContext]:
    """A small phone with JavaScript switched off."""
    yield from _context(chromium, java_script_enabled=False, viewport=PHONE)


@pytest.fixture
def phone_js(chromium: Browser) -> Iterator[BrowserContext]:
    """A small phone with JavaScript on, for a test that reads the page (the focus, say)."""
    yield from _context(chromium, viewport=PHONE)


@pytest.fixture
def desktop(chromium: Browser) -> Iterator[BrowserContext]:
    context = chromium.new_context(viewport=DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


def submit(page: Page, button: str = "main form button[type=submit]") -> Response:
    """Click a submit button and return the final response of the navigation it starts."""
    with page.expect_navigation() as navigation:
        page.click(button)
    response = navigation.value
    assert response is not None
    return response


def sign_in(page: Page, base: str, user: User) -> Response:
    """Sign a staff user in with password and TOTP code through the real form."""
    page.goto(f"{base}/en/staff/sign-in/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=otp_token]", totp_code(user))
    return submit(page)


def sign_in_at(context: BrowserContext, base: str, user: User, start: str) -> Page:
    """Open `start` signed out, sign in through the form it leads to, and land back on it."""
    page = context.new_page()
    page.goto(f"{base}{start}")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=otp_token]", totp_code(user))
    assert submit(page, "form button[type=submit]").status == 200
    # Sign-in goes on in the language the staff member chose, whatever the page's.
    assert page.url == f"{base}/{user.language}/{start.split('/', 2)[2]}"
    return page


def label_in(language: str, choice: object) -> str:
    """A choice's label as a reader of `language` sees it."""
    with translation.override(language):
        return str(choice.label)  # type: ignore[attr-defined]


def open_followup(page: Page, base: str, receipt: str) -> None:
    """A reporter opens their report's follow-up page with its receipt (Kinyarwanda)."""
    page.goto(f"{base}/rw/follow-up/")
    page.fill("input[name=receipt]", receipt)
    assert submit(page).status == 200
