"""From a report to an accepted referral in Chromium, and the reporter sees the new status.

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
"""

from __future__ import annotations

import urllib.request

from playwright.sync_api import Browser, BrowserContext

from tabara.accounts.roles import Role
from tabara.cases.tests.factories import agencies_create
from tabara.core.tests.browser import BROWSER_TEST, label_in, open_followup, sign_in_at, submit
from tabara.intake.choices import AgeGroup, ReportStatus
from tabara.intake.tests.factories import submit_report
from tabara.referrals.models import Referral, ReferralStatus

pytestmark = BROWSER_TEST


def test_case_from_report_is_routed_accepted_and_the_reporter_sees_it(
    live_server, geography, chromium: Browser, desktop: BrowserContext, phone, make_staff
) -> None:
    agencies = agencies_create()
    submitted = submit_report(age_group=AgeGroup.CHILD, sector_code="1101")
    intake = make_staff(roles=[Role.INTAKE_OFFICER], organization=agencies["RIB"])
    worker = make_staff(roles=[Role.CASE_WORKER], organization=agencies["NCDA"])
    worker.language = "en"  # the intake officer reads Kinyarwanda, the case worker English
    worker.save(update_fields=["language"])
    base = live_server.url
    # The first request imports every view (and the API schema): warm up outside the timeout.
    urllib.request.urlopen(f"{base}/en/staff/sign-in/", timeout=60).close()  # noqa: S310

    page = sign_in_at(desktop, base, intake, f"/en/staff/reports/{submitted.report.pk}/")
    page.click("#open-case")
    page.select_option("select[name=screening_outcome]", "presumed_victim")
    page.select_option("select[name=exploitation_type]", "domestic_servitude")
    page.check("input[name=consent_to_share][value=yes]")
    assert submit(page, "#case-form button[value=preview]").status == 200
    assert "NCDA" in page.inner_text("#routing-preview")
    assert submit(page, "#confirm-open").status == 200
    assert "NCDA" in page.inner_text("#referrals")
    referral = Referral.objects.get(to_org=agencies["NCDA"])
    assert referral.urgency == "critical" and referral.rule_id == "child-victim"

    other = chromium.new_context()
    other.set_default_timeout(30_000)
    try:
        queue = sign_in_at(other, base, worker, "/en/staff/queue/")
        queue.click(f"#queue-referrals a:text-is('{referral.case.reference}')")
        assert submit(queue, "button[value=acknowledge]").status == 200
        assert queue.inner_text("#referral-status") == label_in("en", ReferralStatus.ACKNOWLEDGED)
        assert submit(queue, "button[value=accept]").status == 200
        assert queue.inner_text("#referral-status") == label_in("en", ReferralStatus.ACCEPTED)
        queue.click("#open-case")
        assert queue.locator("#limited").is_visible()  # NCDA sees the victim's needs only
    finally:
        other.close()

    reporter = phone.new_page()
    open_followup(reporter, base, submitted.receipt)
    assert reporter.inner_text("#status") == label_in("rw", ReportStatus.REFERRED)
