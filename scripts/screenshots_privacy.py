"""Take the data-protection screenshots in docs/screenshots/ (method of scripts/screenshots.py).

A throwaway server over a fresh SQLite database with the demo data; Debian's Chromium on a
1280x800 desktop. The breach register (the demo 'admin' records one synthetic breach first)
and the subject-access page of a person in a demo case (the demo NCDA supervisor 'ncdaboss', of the
owning organization), each in English and in Kinyarwanda.

Usage: .venv/bin/python scripts/screenshots_privacy.py [--out DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import Page
from screenshots import ROOT, demo_site, shoot, staff_submit

from tabara.core.chromium import DESKTOP
from tabara.core.totp_now import code_for


def sign_in(page: Page, base: str, username: str, password: str, secret: str) -> None:
    page.goto(f"{base}/en/staff/sign-in/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.fill("input[name=otp_token]", code_for(secret))
    staff_submit(page, "form button[type=submit]")


def breach_register(out: Path) -> None:
    with demo_site("admin") as (base, browser, account):
        page = browser.new_context(viewport=DESKTOP).new_page()
        sign_in(page, base, "admin", account["password"], account["secret"])
        page.goto(f"{base}/en/staff/privacy/breaches/")
        page.fill("input[name=discovered_at]", "2026-11-30T09:15")
        page.fill(
            "textarea[name=nature]",
            "A printed list of three case references was left in a shared taxi (synthetic).",
        )
        page.fill("textarea[name=data_categories]", "Case references, districts, first names")
        page.fill("input[name=people_affected]", "3")
        page.fill("textarea[name=measures]", "List recovered by the driver; staff reminded.")
        staff_submit(page, "main form button[type=submit]")
        page.goto(f"{base}/en/staff/privacy/breaches/")
        shoot(page, out / "breach-register.png")
        page.goto(f"{base}/rw/staff/privacy/breaches/")
        shoot(page, out / "breach-register-rw.png")


def subject_access(out: Path) -> None:
    with demo_site("ncdaboss") as (base, browser, account):
        page = browser.new_context(viewport=DESKTOP).new_page()
        sign_in(page, base, "ncdaboss", account["password"], account["secret"])
        page.goto(f"{base}/en/staff/cases/")
        cases = [a.get_attribute("href") for a in page.locator("tbody tr a").all()]
        for href in cases:  # the first demo case of the supervisor's own with a person in it
            page.goto(f"{base}{href}")
            if page.locator("text=Personal data held").count():
                break
        else:
            raise SystemExit("No demo case lists a person with 'Personal data held'")
        page.click("text=Personal data held")
        shoot(page, out / "subject-access.png")
        page.goto(page.url.replace("/en/", "/rw/", 1))
        shoot(page, out / "subject-access-rw.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out: Path = parser.parse_args().out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    breach_register(out)
    subject_access(out)


if __name__ == "__main__":
    main()
