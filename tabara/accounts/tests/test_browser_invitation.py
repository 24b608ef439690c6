"""Accepting an invitation in Chromium: password, TOTP from the key text, codes, sign-in.

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
"""

from __future__ import annotations

import os
import time
from base64 import b32decode

from django_otp.oath import TOTP
from playwright.sync_api import BrowserContext

from tabara.accounts.invitations import invitation_create
from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import OrganizationFactory, signed_in, staff_factory
from tabara.core.tests.browser import BROWSER_TEST, submit

pytestmark = BROWSER_TEST
PASSPHRASE = "a-long-new-passphrase-42"


def app_code(key_text: str, *, later: int = 0) -> str:
    """What an authenticator app given this key shows now (or `later` seconds from now)."""
    totp = TOTP(b32decode(key_text.replace(" ", "")), step=30, t0=0, digits=6)
    totp.time = time.time() + later
    return f"{totp.token():06d}"


def test_an_invitee_enrols_by_typing_the_key_and_signs_in(
    shots, live_server, desktop: BrowserContext
) -> None:
    organization = OrganizationFactory.create(name="Isange One Stop Centre Kacyiru")
    _invitation, link = invitation_create(
        by=None,
        email="aline.uwase@example.org",
        organization=organization,
        roles=[Role.CASE_WORKER],
        language="en",
    )
    page = desktop.new_page()
    page.goto(live_server.url + link.removeprefix("https://tabara.test"))
    assert page.locator(".qr svg").count() == 1
    if os.environ.get("TABARA_SCREENSHOTS"):  # TABARA_SCREENSHOTS=1 refreshes docs/screenshots
        page.screenshot(path=str(shots / "staff-enrolment.png"), full_page=True)
    key_text = page.inner_text("#totp-key")
    page.fill("input[name=password]", PASSPHRASE)
    page.fill("input[name=password_again]", PASSPHRASE)
    page.fill("input[name=otp_code]", app_code(key_text))
    assert submit(page).status == 200
    codes = page.locator("ol.codes li").all_inner_texts()
    assert len(codes) == 10
    page.click("text=I have kept them: sign in")
    page.fill("input[name=username]", "aline.uwase@example.org")
    page.fill("input[name=password]", PASSPHRASE)
    page.fill("input[name=otp_token]", app_code(key_text, later=30))  # the enrolment code is spent
    submit(page)
    assert "/en/staff/" in page.url and "sign-in" not in page.url
    assert "aline.uwase@example.org" in page.inner_text("header")


def test_staff_list_screenshot(shots, live_server, desktop: BrowserContext) -> None:
    organization = OrganizationFactory.create(name="Rwanda Investigation Bureau", short_name="RIB")
    admin = staff_factory(roles=[Role.ADMINISTRATOR], organization=organization)
    for roles in ([Role.INTAKE_OFFICER], [Role.SUPERVISOR, Role.CASE_WORKER], [Role.ANALYST]):
        staff_factory(roles=roles, organization=organization)
    client = signed_in(admin)
    page = desktop.new_page()
    desktop.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/en/staff/people/")
    assert page.locator("table tbody tr").count() == 4
    if os.environ.get("TABARA_SCREENSHOTS"):
        page.screenshot(path=str(shots / "staff-list.png"), full_page=True)
