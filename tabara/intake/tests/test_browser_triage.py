"""Triage in Chromium: the inbox filters, then opening a case with its routing preview.

Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
"""

from __future__ import annotations

from playwright.sync_api import BrowserContext

from tabara.accounts.roles import Role
from tabara.cases.models import Case
from tabara.cases.tests.factories import agencies_create
from tabara.core.tests.browser import BROWSER_TEST, sign_in, submit
from tabara.intake.choices import AgeGroup, Channel
from tabara.intake.tests.factories import submit_report
from tabara.referrals.models import Referral

pytestmark = BROWSER_TEST


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


def test_open_case_preview_shows_the_recipients_before_confirming(
    live_server, geography, desktop: BrowserContext, make_staff
) -> None:
    agencies = agencies_create()
    report = submit_report(
        location_kind="rwanda",
        sector_code="1101",
        age_group=AgeGroup.CHILD,
        destination_country="AE",
    ).report
    officer = make_staff(roles=[Role.INTAKE_OFFICER], organization=agencies["RIB"])
    page = desktop.new_page()
    sign_in(page, live_server.url, officer)
    page.goto(f"{live_server.url}/en/staff/reports/{report.pk}/")
    page.click("#open-case")
    assert "United Arab Emirates" in page.inner_text("#copied")
    assert page.locator("select[name=destination_country]").input_value() == "AE"
    assert page.locator("#confirm-open").count() == 0  # nothing to confirm before a preview
    page.select_option("select[name=screening_outcome]", "presumed_victim")
    page.check("input[name=consent_to_share][value=no]")
    assert submit(page, "#case-form button[value=preview]").status == 200
    assert "will not be sent to anyone" in page.inner_text("#routing-preview")

    page.check("input[name=consent_to_share][value=yes]")
    assert submit(page, "#case-form button[value=preview]").status == 200
    shown = page.locator("#routing-preview li b").all_inner_texts()
    # Read by hand from default.yaml: child victim in Nyarugenge (NCDA, Isange of province 1),
    # destination abroad (IOM and the only shelter, HOPE); RIB owns the case.
    assert shown == ["ISANGE-KCY", "NCDA", "HOPE", "IOM"]
    assert not Case.objects.exists()
    assert submit(page, "#confirm-open").status == 200
    case = Case.objects.get()
    assert page.url.endswith(f"/en/staff/cases/{case.pk}/")
    sent = Referral.objects.filter(case=case).values_list("to_org__short_name", flat=True)
    assert sorted(sent) == sorted(shown)
