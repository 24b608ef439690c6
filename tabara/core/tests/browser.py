"""Browser fixtures shared by every app's Playwright tests (a pytest plugin, see conftest.py).

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
One browser serves each test module; each test opens its own contexts.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Response,
    sync_playwright,
)

from tabara.accounts.models import User
from tabara.accounts.tests.factories import PASSWORD
from tabara.core.chromium import DESKTOP, PHONE, launch

TIMEOUT_MS = 20_000


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


@pytest.fixture
def phone(chromium: Browser) -> Iterator[BrowserContext]:
    """A small phone with JavaScript switched off."""
    context = chromium.new_context(java_script_enabled=False, viewport=PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def desktop(chromium: Browser) -> Iterator[BrowserContext]:
    context = chromium.new_context(viewport=DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


def totp_code(user: User) -> str:
    device = TOTPDevice.objects.get(user=user)
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


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
