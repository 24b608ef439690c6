"""Take the screenshots in docs/screenshots/ with Debian's Chromium against a throwaway server.

The server is `manage.py runserver` with the local settings on a free port, over a fresh
SQLite database in a temporary directory (migrate + demo_load --no-villages), so nothing in
var/ is touched. Public pages are shot on a 360x740 phone with JavaScript off, in
Kinyarwanda; staff pages on a 1280x800 desktop, in English, as the demo 'intake' user.

Usage: .venv/bin/python scripts/screenshots.py [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import (
    Browser,
    BrowserContext,
    FilePayload,
    Page,
    Response,
    sync_playwright,
)

from tabara.attachments.picture import advert_picture
from tabara.core.chromium import DESKTOP, PHONE, launch
from tabara.core.totp_now import code_for

ROOT = Path(__file__).resolve().parent.parent
DEMO_USER = "intake"


def account_line(username: str) -> re.Pattern[str]:
    """The line demo_load prints for one demo account: its password and TOTP secret."""
    return re.compile(
        rf"^\s*{username}\s+password\s+(?P<password>\S+).*TOTP secret\s+(?P<secret>[A-Z2-7=]+)\s*$",
        re.MULTILINE,
    )


@contextmanager
def demo_site(
    username: str, *, before_serving: Callable[[dict[str, str]], None] | None = None
) -> Iterator[tuple[str, Browser, re.Match[str]]]:
    """A throwaway demo database served locally, Chromium, and one demo account's line
    (its `.string` is all that demo_load printed, other accounts included).

    `before_serving(env)` may add to the demo database (through `manage(env, ...)`)."""
    with tempfile.TemporaryDirectory(prefix="tabara-screenshots-") as var_dir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.django.local",
            "TABARA_VAR_DIR": var_dir,
            "PYTHONUNBUFFERED": "1",
        }
        manage(env, "migrate", "-v", "0")
        printed = manage(env, "demo_load", "--no-villages")
        account = account_line(username).search(printed)
        if account is None:
            raise SystemExit(f"demo_load printed no '{username}' account")
        if before_serving is not None:
            before_serving(env)
        with server(env, Path(var_dir) / "server.log") as base, sync_playwright() as playwright:
            browser = launch(playwright)
            yield base, browser, account
            browser.close()


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def server(env: dict[str, str], log: Path) -> Iterator[str]:
    """Run the development server until the block ends; yield its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"The server did not start:\n{log.read_text()}")
                try:
                    with urllib.request.urlopen(f"{base}/healthz", timeout=2):  # noqa: S310
                        break
                except (urllib.error.URLError, ConnectionError):
                    time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)


def submit(page: Page, button: str = "form button[type=submit]") -> Response:
    """Click a submit button and return the final response of the navigation it starts."""
    with page.expect_navigation() as navigation:
        page.click(button)
    response = navigation.value
    if response is None:
        raise SystemExit(f"No response after clicking {button} on {page.url}")
    return response


def staff_submit(page: Page, button: str) -> None:
    """Submit a staff form and insist that it was accepted."""
    response = submit(page, button)
    if response.status >= 400:
        raise SystemExit(f"POST from {page.url} was refused: {response.status}")


def shoot(page: Page, path: Path, *, full_page: bool = True) -> None:
    page.screenshot(path=path, full_page=full_page, animations="disabled", caret="hide")
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def report_and_follow_up(phone: BrowserContext, base: str, out: Path) -> str:
    """Shoot the empty form, send a report, shoot the receipt, write one message back."""
    page = phone.new_page()
    page.goto(f"{base}/rw/report/")
    shoot(page, out / "report-form-rw-phone.png")
    page.fill(
        "textarea[name=what_happened]",
        "Umugabo yabwiye umukobwa w'umuturanyi ko azamuha akazi ko mu rugo i Dubai, "
        "amusaba indangamuntu ye. Azagenda mu cyumweru gitaha. (synthetic)",
    )
    page.check("input[name=location_kind][value=rwanda]")
    page.select_option("select[name=sector]", "3301")
    page.fill("input[name=people_count]", "1")
    page.check("input[name=age_group][value=child]")
    page.check("input[name=sex][value=female]")
    page.check("input[name=recruitment_channel][value=social_media]")
    page.select_option("select[name=platform]", "whatsapp")
    page.fill("textarea[name=suspect_identifiers]", "+250 788 000 111, @synthetic_recruiter")
    if submit(page).status != 200:
        raise SystemExit(f"The report was not accepted:\n{page.inner_text('main')}")
    receipt = page.inner_text("#receipt").strip()
    shoot(page, out / "receipt-phone.png")
    followup(page, base, receipt)
    page.fill("textarea[name=body]", "Yongeye kumuhamagara uyu munsi. (synthetic)")
    submit(page, "form button[type=submit]:not([name=end])")
    page.close()
    return receipt


def followup(page: Page, base: str, receipt: str) -> None:
    page.goto(f"{base}/rw/follow-up/")
    page.fill("input[name=receipt]", receipt)
    if submit(page).status != 200:
        raise SystemExit(f"The receipt did not open the report:\n{page.inner_text('main')}")


def staff_pages(desktop: BrowserContext, base: str, out: Path, password: str, secret: str) -> None:
    """Sign in, shoot the inbox, open the newest report, reply and shoot it."""
    page = desktop.new_page()
    page.goto(f"{base}/en/staff/sign-in/")
    page.fill("input[name=username]", DEMO_USER)
    page.fill("input[name=password]", password)
    page.fill("input[name=otp_token]", code_for(secret))
    staff_submit(page, "form button[type=submit]")
    # Sign-in continues in the user's own language; the staff shots are in English.
    if not page.url.endswith("/staff/reports/"):
        raise SystemExit(f"Sign-in failed:\n{page.inner_text('main')}")
    page.goto(f"{base}/en/staff/reports/")
    shoot(page, out / "staff-inbox.png")
    page.click("tbody tr:first-child a")
    page.fill("textarea[name=body]", "Murakoze. We have passed this to RIB in Gasabo. (synthetic)")
    staff_submit(page, "button[name=action][value=reply]")
    shoot(page, out / "staff-report.png")
    screening_interview(page, base, out)
    page.close()


def screening_interview(page: Page, base: str, out: Path) -> None:
    """Start a screening from the open report, answer the first questions, shoot both steps."""
    page.click("text=Screen this situation")
    page.fill("input[name=subject]", "Young woman met at the bus park (synthetic)")
    staff_submit(page, "main form button[type=submit]")
    for field in page.locator("fieldset.q").all()[:4]:
        field.locator("input[value=yes]").check()
    staff_submit(page, "button[name=action][value=save]")
    shoot(page, out / "screening-interview.png")
    staff_submit(page, "button[name=action][value=finish]")
    shoot(page, out / "screening-result.png")
    open_case_preview(page, out)


def open_case_preview(page: Page, out: Path) -> None:
    """Open a case from the screening: the report's facts, consent, and who will receive it."""
    page.click("text=Open a case from this screening")
    page.check("input[name=consent_to_share][value=yes]")
    staff_submit(page, "#case-form button[value=preview]")
    shoot(page, out / "staff-open-case.png")


def casework_pages(desktop: BrowserContext, base: str, out: Path, printed: str) -> None:
    """As the demo NCDA case worker: search by a misspelled name and a typed phone, then the
    case found, with its notes, services and file."""
    account = account_line("ncda").search(printed)
    if account is None:
        raise SystemExit("demo_load printed no 'ncda' account")
    page = desktop.new_page()
    page.goto(f"{base}/en/staff/sign-in/")
    page.fill("input[name=username]", "ncda")
    page.fill("input[name=password]", account["password"])
    page.fill("input[name=otp_token]", code_for(account["secret"]))
    staff_submit(page, "form button[type=submit]")
    if "/staff/sign-in/" in page.url:
        raise SystemExit(f"Sign-in as ncda failed:\n{page.inner_text('main')}")
    page.goto(f"{base}/en/staff/search/?q=mutamuliza+jeanne")
    shoot(page, out / "staff-search-name.png")
    page.goto(f"{base}/en/staff/search/?q=0788+123+456")
    shoot(page, out / "staff-search-phone.png")
    page.click("main table a >> nth=0")
    shoot(page, out / "staff-case-files.png")
    page.close()


def report_with_photo(phone: BrowserContext, base: str, out: Path) -> None:
    """The public report form on a phone, JavaScript off, with a photo chosen to send."""
    page = phone.new_page()
    page.goto(f"{base}/en/report/")
    page.fill(
        "textarea[name=what_happened]", "This job advert was posted in our group. (synthetic)"
    )
    page.set_input_files(
        "input[name=attachments]",
        files=[FilePayload(name="job-advert.jpg", mimeType="image/jpeg", buffer=advert_picture())],
    )
    shoot(page, out / "report-photo-phone.png")
    page.close()


def self_check(phone: BrowserContext, base: str, out: Path) -> None:
    """The public self-check in Kinyarwanda: the first questions, then a result."""
    page = phone.new_page()
    page.goto(f"{base}/rw/check/")
    shoot(page, out / "self-check-rw-phone.png")
    for field in page.locator("main fieldset").all():
        field.locator("input[value=yes]").check()
    submit(page, "button[name=action][value=next]")
    submit(page, "button[name=action][value=result]")
    shoot(page, out / "self-check-result-rw-phone.png")
    page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out: Path = parser.parse_args().out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with demo_site(DEMO_USER) as (base, browser, account):
        phone = browser.new_context(java_script_enabled=False, viewport=PHONE)
        desktop = browser.new_context(viewport=DESKTOP)
        receipt = report_and_follow_up(phone, base, out)
        staff_pages(desktop, base, out, account["password"], account["secret"])
        page = phone.new_page()
        followup(page, base, receipt)
        shoot(page, out / "followup-phone.png")
        self_check(phone, base, out)
        report_with_photo(phone, base, out)
        casework_pages(browser.new_context(viewport=DESKTOP), base, out, account.string)


if __name__ == "__main__":
    main()
