"""A reporter and a staff member do their work with the keyboard alone, in Chromium.

Nothing is clicked or filled: every step presses Tab until the field or button wanted has
the focus (checking at each stop that the focus can be seen: an outline or a box shadow),
then types, presses Space or Enter. The public report is first refused (a call back asked
for without a phone number): the error summary must take the focus and its link lead to
the field. The staff member signs in with a wrong TOTP code first, then the right one,
opens a case from the report and sends a referral.

How it fails: before the pages had a focus style of their own, Chromium drew none on a date
field whose day or month had the focus:

    AssertionError: no visible focus (outline none 3px, shadow none) on
    <input type="date" name="occurred_on" id="id_occurred_on">
"""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, Response

from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import PASSWORD, totp_code
from tabara.cases.models import Case
from tabara.cases.tests.factories import agencies_create
from tabara.core.tests.browser import BROWSER_TEST
from tabara.intake.models import Report, ReportMessage
from tabara.intake.tests.factories import submit_report
from tabara.referrals.models import Referral

pytestmark = BROWSER_TEST

MAX_TABS = 150
# How the focused element looks: "" when it has the focus ring it needs, else why not.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "nothing has the focus";
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  return outline || shadow ? "" : `no visible focus (outline ${style.outlineStyle} ${
    style.outlineWidth}, shadow ${style.boxShadow}) on ${el.outerHTML.slice(0, 120)}`;
}"""


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until an element matching `selector` has the focus; each stop shows it."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS) == ""
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the focus in {MAX_TABS} presses of Tab")


def press_enter(page: Page) -> Response:
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    response = navigation.value
    assert response is not None
    return response


def choose(page: Page, selector: str, value: str) -> None:
    """Focus a drop-down list and type the start of the wanted option's text."""
    tab_to(page, selector)
    label = page.evaluate(
        "([s, v]) => document.querySelector(s).querySelector(`option[value='${v}']`).text",
        [selector, value],
    )
    page.keyboard.type(label)
    assert page.evaluate("(s) => document.querySelector(s).value", selector) == value


def focused(page: Page) -> str:
    return str(page.evaluate("document.activeElement.id || document.activeElement.className"))


def test_a_report_and_its_follow_up_by_keyboard(live_server, geography, phone_js) -> None:
    page = phone_js.new_page()
    page.goto(f"{live_server.url}/en/report/")
    tab_to(page, "textarea[name=what_happened]")
    page.keyboard.type("A man promised jobs in a hotel abroad (synthetic).")
    tab_to(page, "input[name=wants_contact]")
    page.keyboard.press("Space")
    tab_to(page, "main form button[type=submit]:not([name])")
    assert press_enter(page).status == 400
    assert focused(page) == "error-summary"
    page.keyboard.press("Tab")  # the summary's link to the field in error
    assert page.evaluate("document.activeElement.hash") == "#id_contact_phone"
    page.keyboard.press("Enter")
    assert focused(page) == "id_contact_phone"
    page.keyboard.type("0788 123 456")
    tab_to(page, "main form button[type=submit]:not([name])")
    assert press_enter(page).status == 200
    receipt = page.inner_text("#receipt").strip()
    report = Report.objects.get()
    assert report.wants_contact and report.contact_phone

    page.goto(f"{live_server.url}/en/follow-up/")
    tab_to(page, "input[name=receipt]")
    page.keyboard.type(receipt)
    assert press_enter(page).status == 200
    tab_to(page, "textarea[name=body]")
    page.keyboard.type("He called again today.")
    tab_to(page, "form button[type=submit]:not([name=end])")
    assert press_enter(page).status == 200
    assert ReportMessage.objects.get().body == "He called again today."


def test_sign_in_open_a_case_and_refer_it_by_keyboard(
    live_server, geography, desktop: BrowserContext, make_staff
) -> None:
    agencies = agencies_create()
    report = submit_report().report
    officer = make_staff(
        roles=[Role.INTAKE_OFFICER, Role.CASE_WORKER], organization=agencies["RIB"]
    )
    officer.language = "en"
    officer.save(update_fields=["language"])
    page = desktop.new_page()
    page.goto(f"{live_server.url}/en/staff/sign-in/")
    for code in ("000000", totp_code(officer)):
        tab_to(page, "input[name=username]")
        page.keyboard.press("Control+A")
        page.keyboard.type(officer.username)
        tab_to(page, "input[name=password]")
        page.keyboard.type(PASSWORD)
        tab_to(page, "input[name=otp_token]")
        page.keyboard.type(code)
        response = press_enter(page)
        if code == "000000":
            assert response.status in (200, 400) and focused(page) == "error-summary"
    assert page.url == f"{live_server.url}/en/staff/reports/"

    tab_to(page, f"a[href$='/reports/{report.pk}/']")
    press_enter(page)
    tab_to(page, "#open-case")
    press_enter(page)
    choose(page, "select[name=screening_outcome]", "presumed_victim")
    choose(page, "select[name=exploitation_type]", "forced_labour")
    tab_to(page, "input[name=consent_to_share][value=yes]")
    page.keyboard.press("Space")
    tab_to(page, "#case-form button[value=preview]")
    assert press_enter(page).status == 200
    tab_to(page, "#confirm-open")
    assert press_enter(page).status == 200
    case = Case.objects.get()

    tab_to(page, f"a[href$='/cases/{case.pk}/refer/']")
    press_enter(page)
    to_org = agencies["HOPE"]
    choose(page, "select[name=to_org]", str(to_org.pk))
    tab_to(page, "main form button[type=submit]")
    press_enter(page)
    assert Referral.objects.filter(case=case, to_org=to_org).exists()
