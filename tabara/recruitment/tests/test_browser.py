"""The lookup and the job-offer checker on a phone with JavaScript off, in a real browser."""

from __future__ import annotations

from datetime import date

from tabara.core.tests.browser import BROWSER_TEST, submit
from tabara.intake.models import Report
from tabara.recruitment.tests.factories import make_agency

pytestmark = BROWSER_TEST


def test_lookup_then_check_an_offer_then_report_it_without_javascript(
    shots, live_server, phone
) -> None:
    make_agency(name="Isoko Manpower", licence_number="RW-LMA-2023-0042", status="suspended",
                status_since=date(2026, 4, 1), phones=("+250788100142",))  # fmt: skip
    page = phone.new_page()
    page.goto(f"{live_server.url}/rw/agencies/")
    page.fill("input[name=q]", "0788 100 142")
    assert submit(page).status == 200
    assert "Uruhushya rwahagaritswe" in page.inner_text("main")
    page.fill("input[name=q]", "Inzozi Jobs Ltd")
    submit(page)
    assert "Kutakibona ntibivuze ko ari nta kibazo" in page.inner_text("main")

    page.click("a[href$='/job-offer/']")
    page.select_option("select[name=q_destination]", "SA")
    page.check("input[name=q_offered_by][value=online]")
    page.check("input[name=q_passport][value=employer]")
    page.check("input[name=q_fees][value=job]")
    page.fill("input[name=agency]", "isoko manpower")
    assert submit(page).status == 200
    assert page.inner_text("h1") == "Bimenyeshe"
    assert "Undi azabika pasiporo yawe" in page.inner_text("main")
    page.screenshot(path=str(shots / "job-offer-result-rw.png"), full_page=True)
    assert submit(page, "form[action$='/report/'] button").status == 200
    assert page.url.endswith("/rw/report/")
    assert "Pasiporo izabikwa na: Umukoresha" in page.input_value("textarea[name=what_happened]")
    assert page.input_value("input[name=agency_name]") == "isoko manpower"
    assert not Report.objects.exists() and phone.cookies() == []
