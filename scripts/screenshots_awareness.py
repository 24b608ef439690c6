"""Take the awareness screenshots in docs/screenshots/ (same method as scripts/screenshots.py).

A throwaway server over a fresh SQLite database with the demo data; Debian's Chromium.
The public home page and an article with comments are shot on a 360x740 phone with
JavaScript off; the programme dashboard on a 1280x800 desktop as the demo 'programme' user.

Usage: .venv/bin/python scripts/screenshots_awareness.py [--out DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from screenshots import ROOT, demo_site, shoot, staff_submit, submit

from tabara.core.chromium import DESKTOP, PHONE
from tabara.core.totp_now import code_for


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out: Path = parser.parse_args().out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with demo_site("programme") as (base, browser, account):
        phone = browser.new_context(java_script_enabled=False, viewport=PHONE)
        page = phone.new_page()
        page.goto(f"{base}/rw/")
        shoot(page, out / "home-rw-phone.png")
        page.goto(f"{base}/en/news/national-conference/")
        page.fill("input[name=name]", "Grace (synthetic)")
        page.fill("input[name=email]", "grace@demo.tabara.invalid")
        page.fill("textarea[name=body]", "Our church group wants a session too. (synthetic)")
        submit(page)
        shoot(page, out / "article-comments-phone.png")

        desktop = browser.new_context(viewport=DESKTOP)
        staff = desktop.new_page()
        staff.goto(f"{base}/en/staff/sign-in/?next=/en/staff/awareness/")
        staff.fill("input[name=username]", "programme")
        staff.fill("input[name=password]", account["password"])
        staff.fill("input[name=otp_token]", code_for(account["secret"]))
        staff_submit(staff, "form button[type=submit]")
        shoot(staff, out / "programme-dashboard.png")


if __name__ == "__main__":
    main()
