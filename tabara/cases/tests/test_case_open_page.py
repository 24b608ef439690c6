"""Opening a case: the curated country list, the report's facts shown, a preview of who
will receive the case before the officer confirms, and the consent question asked plainly.

Expected recipients are read by hand from tabara/referrals/rules/default.yaml and the test
agencies (tabara/cases/tests/factories.py), not computed by the code under test.
"""

from __future__ import annotations

import re

import pytest

from tabara.accounts.roles import Role
from tabara.cases.models import Case
from tabara.intake.tests.factories import submit_report
from tabara.referrals.models import Referral, RoutingRuleSet

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="previewed" value="([0-9a-f]+)"')

ANSWERS = {
    "screening_outcome": "presumed_victim",
    "exploitation_type": "domestic_servitude",
    "recruitment_channel": "relative",
    "origin_sector": "1101",  # Nyarugenge district (11), City of Kigali
    "destination_country": "AE",
    "summary": "Synthetic: a girl promised housework in Dubai.",
    "child_involved": "on",
    "consent_to_share": "yes",
}
# child-victim: RIB (owner, skipped), NCDA critical, nearest Isange in province 1: ISANGE-KCY
# critical; destination-abroad: IOM normal, nearest shelter (only HOPE) normal.
EXPECTED = ["ISANGE-KCY", "NCDA", "HOPE", "IOM"]


def preview(client, answers, url="/en/staff/cases/new/"):
    response = client.post(url, {**answers, "step": "preview"})
    html = response.content.decode()
    match = TOKEN.search(html)
    return response, html, match.group(1) if match else ""


def listed(html: str) -> list[str]:
    box = html[html.index('id="routing-preview"') :]
    return re.findall(r"<li><b>([^<]+)</b>", box.split("</ul>")[0])


def test_the_preview_names_the_recipients_and_confirming_sends_exactly_those(
    agencies, staff_client
) -> None:
    client, _user = staff_client(Role.INTAKE_OFFICER, organization=agencies["RIB"])
    versions = RoutingRuleSet.objects.count()
    response, html, token = preview(client, ANSWERS)
    assert response.status_code == 200
    assert "This case will be sent to:" in html
    assert listed(html) == EXPECTED
    assert "Within 4 hours" in html and "The presumed victims and their needs only" in html
    assert not Case.objects.exists()  # a preview writes nothing
    assert RoutingRuleSet.objects.count() == versions

    opened = client.post("/en/staff/cases/new/", {**ANSWERS, "step": "open", "previewed": token})
    assert opened.status_code == 302
    case = Case.objects.get()
    sent = Referral.objects.filter(case=case).select_related("to_org")
    assert sorted(r.to_org.short_name for r in sent) == sorted(EXPECTED)
    assert case.destination_country == "AE" and case.consent_to_share


def test_without_consent_the_preview_says_nobody_receives_it_and_nobody_does(
    agencies, staff_client
) -> None:
    client, _user = staff_client(Role.INTAKE_OFFICER, organization=agencies["RIB"])
    answers = {**ANSWERS, "consent_to_share": "no"}
    _response, html, token = preview(client, answers)
    assert "Without consent, this case will not be sent to anyone." in html
    assert "This case will be sent to:" not in html
    client.post("/en/staff/cases/new/", {**answers, "step": "open", "previewed": token})
    assert Case.objects.get().consent_to_share is False
    assert not Referral.objects.exists()


def test_changed_answers_after_the_preview_show_a_new_preview_not_a_case(
    agencies, staff_client
) -> None:
    client, _user = staff_client(Role.INTAKE_OFFICER, organization=agencies["RIB"])
    _response, _html, token = preview(client, ANSWERS)
    adult = {k: v for k, v in ANSWERS.items() if k != "child_involved"}
    response = client.post("/en/staff/cases/new/", {**adult, "step": "open", "previewed": token})
    html = response.content.decode()
    assert response.status_code == 200
    assert "The answers or the routing rules changed" in html
    assert "NCDA" not in listed(html)  # adult-victim: no child protection
    assert not Case.objects.exists()


def test_the_consent_question_must_be_answered(agencies, staff_client) -> None:
    client, _user = staff_client(Role.INTAKE_OFFICER, organization=agencies["RIB"])
    answers = {k: v for k, v in ANSWERS.items() if k != "consent_to_share"}
    response, html, _token = preview(client, answers)
    assert response.status_code == 400
    assert "Answer the consent question: Yes or No." in html
    assert "Synthetic: a girl promised housework in Dubai." in html  # what was typed stays
    fr = client.get("/fr/staff/cases/new/").content.decode()
    assert "La victime présumée a-t-elle accepté" in fr
    rw = client.get("/rw/staff/cases/new/").content.decode()
    assert "Ese uwakekwaho kuba yarakorewe icuruzwa yemeye" in rw


def test_the_destination_is_chosen_from_the_curated_countries(agencies, staff_client) -> None:
    client, _user = staff_client(Role.INTAKE_OFFICER, organization=agencies["RIB"])
    page = client.get("/en/staff/cases/new/").content.decode()
    assert '<option value="AE">United Arab Emirates</option>' in page
    assert '<option value="ZZ">Another country</option>' in page
    response, html, _token = preview(client, {**ANSWERS, "destination_country": "DU"})
    assert response.status_code == 400
    assert "Please choose one of the options shown." in html
    assert "Synthetic: a girl promised housework in Dubai." in html
    assert not Case.objects.exists()


def test_the_reports_facts_are_shown_and_fill_the_form(agencies, staff_client) -> None:
    client, _user = staff_client(Role.INTAKE_OFFICER, organization=agencies["RIB"])
    report = submit_report(
        location_kind="rwanda",
        sector_code="1101",
        age_group="child",
        destination_country="AE",
        recruitment_channel="relative",
    ).report
    html = client.get(f"/en/staff/cases/new/?report={report.pk}").content.decode()
    copied = html[html.index('id="copied"') : html.index("</dl>")]
    assert f"Copied from report {report.reference}" in copied
    for fact in ("In Rwanda", "Children (under 18)", "United Arab Emirates", "A relative"):
        assert fact in copied
    assert '<option value="AE" selected>' in html
    assert '<option value="1101" selected>' in html
    assert re.search(r'<input type="checkbox" name="child_involved"[^>]* checked', html)
