"""The intake pages in a real browser: a phone without JavaScript, and a staff desktop.

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
One browser serves the whole module; each test opens its own contexts.
"""

from __future__ import annotations

import re

from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import PASSWORD, totp_code
from tabara.core.tests.browser import BROWSER_TEST, label_in, open_followup, submit
from tabara.intake.choices import ReportStatus
from tabara.intake.models import Report, ReportMessage
from tabara.intake.tests.factories import submit_report

RECEIPT = re.compile(r"^\d{4} \d{4} \d{4} \d{4}$")

pytestmark = BROWSER_TEST


def test_phone_without_javascript_reports_and_follows_up(live_server, geography, phone) -> None:
    page = phone.new_page()
    page.goto(f"{live_server.url}/rw/report/")
    assert page.locator("html").get_attribute("lang") == "rw"
    page.fill("textarea[name=what_happened]", "Umuntu yampamagaye kuri WhatsApp (synthetic).")
    page.check("input[name=location_kind][value=rwanda]")
    page.select_option("select[name=sector]", "3301")
    page.fill("input[name=people_count]", "2")
    page.check("input[name=age_group][value=child]")
    page.check("input[name=sex][value=female]")
    page.check("input[name=recruitment_channel][value=social_media]")
    page.select_option("select[name=platform]", "whatsapp")
    page.fill("textarea[name=suspect_identifiers]", "+250 788 000 111")
    assert submit(page).status == 200

    receipt = page.inner_text("#receipt").strip()
    assert RECEIPT.match(receipt), receipt
    assert page.url == f"{live_server.url}/rw/report/"  # no report-specific address in history
    assert phone.cookies() == []
    report = Report.objects.get()
    assert report.what_happened == "Umuntu yampamagaye kuri WhatsApp (synthetic)."
    assert report.location_kind == "rwanda"
    assert report.sector is not None and report.sector.code == "3301"
    assert report.district == report.sector.parent
    assert (report.people_count, report.age_group, report.sex) == (2, "child", "female")
    assert (report.recruitment_channel, report.platform) == ("social_media", "whatsapp")
    assert report.suspect_identifiers == "+250 788 000 111"
    assert not report.wants_contact and report.contact_phone == ""

    open_followup(page, live_server.url, receipt)
    assert page.inner_text("#status") == label_in("rw", ReportStatus.RECEIVED)
    assert page.locator("textarea[name=body]").is_visible()
    page.fill("textarea[name=body]", "Yongeye kumpamagara uyu munsi.")
    assert submit(page, "form button[type=submit]:not([name=end])").status == 200
    assert page.locator(".msg p").last.inner_text() == "Yongeye kumpamagara uyu munsi."
    assert ReportMessage.objects.get().body == "Yongeye kumpamagara uyu munsi."
    assert page.url == f"{live_server.url}/rw/follow-up/thread/"
    assert phone.cookies() == []


def test_staff_reply_reaches_the_reporter(live_server, desktop, phone, make_staff) -> None:
    submitted = submit_report()
    user = make_staff(roles=[Role.INTAKE_OFFICER])
    user.language = "en"  # sign-in goes on in the language the staff member chose
    user.save(update_fields=["language"])
    inbox = f"{live_server.url}/en/staff/reports/"
    page = desktop.new_page()
    page.goto(f"{live_server.url}/en/staff/sign-in/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=otp_token]", totp_code(user))
    signed_in = submit(page)
    assert (signed_in.status, signed_in.url) == (200, inbox)

    page.click(f"a:text-is('{submitted.report.reference}')")
    page.wait_for_url(f"{inbox}{submitted.report.pk}/")
    assert "offered a job abroad" in page.inner_text("#what")
    page.fill("textarea[name=body]", "Murakoze. We are looking into it.")
    assert submit(page, "button[name=action][value=reply]").status == 200
    assert page.inner_text(".msg.staff div") == "Murakoze. We are looking into it."

    reporter = phone.new_page()
    open_followup(reporter, live_server.url, submitted.receipt)
    assert reporter.inner_text(".msg p") == "Murakoze. We are looking into it."
    assert phone.cookies() == []
