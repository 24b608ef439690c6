"""The inbox in triage order, with what a triage officer needs on each row, and its filters.

The expected order comes from the rule written in tabara/intake/triage.py's docstring,
applied by hand to a table of reports below.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tabara.accounts.roles import Role
from tabara.geo.models import BorderPost
from tabara.intake import triage
from tabara.intake.choices import Channel
from tabara.intake.models import Report
from tabara.intake.selectors import report_inbox
from tabara.intake.tests.factories import submit_report
from tabara.screening.models import ScreeningInterview

pytestmark = pytest.mark.django_db

# name, age group, completed screening (outcome, found a child) or None, status, minutes waited
TABLE = [
    ("A", "adult", ("trafficking", False), "received", 10),
    ("B", "child", None, "received", 5),
    ("C", "adult", None, "received", 60),
    ("D", "adult", ("smuggling", False), "received", 120),
    ("E", "both", ("trafficking", True), "in_review", 1),
    ("F", "unknown", ("child_labour", True), "received", 30),
    ("G", "adult", ("insufficient_information", False), "received", 20),
    ("H", "child", ("trafficking", True), "referred", 3),
    ("I", "adult", None, "closed", 500),
    ("J", "adult", None, "closed", 2),
]
# Waiting before handled; child+trafficking (E), child (F waited longer than B), trafficking
# (A), undecided (C waited longer than G), other outcome (D); then handled: H's tier first,
# then among the two unscreened closed ones the newest (J) before I.
EXPECTED = ["E", "F", "B", "A", "C", "G", "D", "H", "J", "I"]


def ann(report: Report, name: str) -> Any:
    """An annotation the inbox query adds to each report."""
    return getattr(report, name)


def screen(report: Report, user, outcome: str, child: bool, *, status="completed") -> None:
    ScreeningInterview.objects.create(
        organization=user.organization,
        created_by=user,
        report=report,
        status=status,
        outcome=outcome,
        result={"outcome": outcome, "elements": {"child": "yes" if child else "no"}},
        ruleset_version="rw-2026.1",
        completed_at=timezone.now(),
    )


def build(table, officer) -> dict[int, str]:
    now = timezone.now()
    names = {}
    for name, age_group, screening, status, minutes in table:
        with time_machine.travel(now - timedelta(minutes=minutes), tick=False):
            report = submit_report(age_group=age_group).report
        Report.objects.filter(pk=report.pk).update(status=status)
        if screening:
            screen(report, officer, *screening)
        names[report.pk] = name
    return names


def test_reports_come_in_the_triage_order_of_the_table(make_staff) -> None:
    officer = make_staff(roles=[Role.INTAKE_OFFICER, Role.CASE_WORKER])
    names = build(TABLE, officer)
    assert [names[r.pk] for r in report_inbox(officer)] == EXPECTED


@pytest.mark.parametrize("child", [True, False])
@pytest.mark.parametrize(
    "outcome",
    ["trafficking", "insufficient_information", "smuggling", "sex_work", "no_indicators", None],
)
def test_the_query_ranks_like_the_rule(make_staff, child, outcome) -> None:
    officer = make_staff(roles=[Role.INTAKE_OFFICER, Role.CASE_WORKER])
    report = submit_report(age_group="child" if child else "adult").report
    if outcome:
        screen(report, officer, outcome, False)
    (row,) = report_inbox(officer)
    assert ann(row, "urgency") == triage.urgency_tier(child=child, outcome=outcome or "")


def test_the_tiers_follow_the_written_rule() -> None:
    tier = triage.urgency_tier
    assert tier(child=True, outcome="trafficking") == 0
    assert tier(child=True, outcome="") == tier(child=True, outcome="sex_work") == 1
    assert tier(child=False, outcome="trafficking") == 2
    assert tier(child=False, outcome="") == tier(child=False, outcome="insufficient_information")
    assert tier(child=False, outcome="") == 3
    assert tier(child=False, outcome="smuggling") == tier(child=False, outcome="no_indicators")
    assert tier(child=False, outcome="smuggling") == 4


def test_only_the_officers_own_organization_screenings_count(make_staff) -> None:
    officer = make_staff(roles=[Role.INTAKE_OFFICER, Role.CASE_WORKER])
    elsewhere = make_staff(roles=[Role.INTAKE_OFFICER, Role.CASE_WORKER])
    theirs = submit_report(age_group="adult").report
    screen(theirs, elsewhere, "trafficking", True)
    draft = submit_report(age_group="adult").report
    screen(draft, officer, "trafficking", True, status="draft")
    rows = {r.pk: r for r in report_inbox(officer)}
    for report in (theirs, draft):
        assert ann(rows[report.pk], "screening_outcome") is None
        assert ann(rows[report.pk], "urgency") == triage.UNDECIDED
    assert ann(report_inbox(elsewhere).get(pk=theirs.pk), "urgency") == triage.CHILD_TRAFFICKING


def test_the_latest_completed_screening_gives_the_outcome(make_staff) -> None:
    officer = make_staff(roles=[Role.INTAKE_OFFICER, Role.CASE_WORKER])
    report = submit_report(age_group="adult").report
    with time_machine.travel(timezone.now() - timedelta(hours=1)):
        screen(report, officer, "insufficient_information", False)
    screen(report, officer, "trafficking", False)
    assert ann(report_inbox(officer).get(), "screening_outcome") == "trafficking"


def test_a_row_shows_child_destination_channel_contact_screening_and_age(staff_client) -> None:
    client, officer = staff_client(Role.INTAKE_OFFICER)
    with time_machine.travel(timezone.now() - timedelta(hours=3, minutes=10)):
        report = submit_report(
            Channel.SMS,
            age_group="child",
            destination_country="AE",
            wants_contact=True,
            contact_phone="+250788000111",
        ).report
    screen(report, officer, "trafficking", True)
    html = client.get("/en/staff/reports/").content.decode()
    row = html[html.index(f'data-reference="{report.reference}"') :].split("</tr>")[0]
    for shown in ("Child", "United Arab Emirates", "SMS", "Yes", "Likely human trafficking"):
        assert shown in row
    assert "3 hours ago" in row
    assert "+250788000111" not in html  # contact details only on the audited report page
    fr = client.get("/fr/staff/reports/").content.decode()
    assert "Émirats arabes unis" in fr and "il y a 3 heures" in fr


def test_filters_by_district_channel_and_status(staff_client, geography) -> None:
    client, _officer = staff_client(Role.INTAKE_OFFICER)
    gisagara = submit_report(Channel.WEB, district_code="22").report  # Gisagara
    rulindo = submit_report(Channel.USSD, district_code="41").report  # Rulindo
    sms = submit_report(Channel.SMS, district_code="41").report
    Report.objects.filter(pk=sms.pk).update(status="in_review")

    def listed(query: str) -> set[str]:
        html = client.get(f"/en/staff/reports/?{query}").content.decode()
        return {r.reference for r in (gisagara, rulindo, sms) if f'"{r.reference}"' in html}

    assert listed("district=41") == {rulindo.reference, sms.reference}
    assert listed("channel=ussd") == {rulindo.reference}
    assert listed("status=in_review") == {sms.reference}
    assert listed("district=41&channel=sms&status=in_review") == {sms.reference}
    assert listed("district=22&channel=sms") == set()
    assert listed("") == {gisagara.reference, rulindo.reference, sms.reference}


def test_a_filter_value_not_offered_is_explained_not_a_server_error(staff_client) -> None:
    client, _officer = staff_client(Role.INTAKE_OFFICER)
    submit_report()
    response = client.get("/en/staff/reports/?channel=fax&district=99")
    assert response.status_code == 400
    assert "Please choose one of the options shown." in response.content.decode()


def test_the_inbox_costs_one_query_however_many_reports(make_staff, staff_client, geography):
    client, officer = staff_client(Role.INTAKE_OFFICER)
    screener = make_staff(roles=[Role.CASE_WORKER], organization=officer.organization)

    def page_queries() -> int:
        with CaptureQueriesContext(connection) as page:
            assert client.get("/en/staff/reports/?status=received").status_code == 200
        return len(page)

    post = BorderPost.objects.order_by("code").values_list("code", flat=True).first()
    page_queries()  # the first page caches the district list for the process
    for _n in range(2):
        report = submit_report(age_group="child", district_code="41").report
        screen(report, screener, "trafficking", True)
    few = page_queries()
    for _n in range(10):
        report = submit_report(Channel.SMS, location_kind="border", border_post_code=post).report
        screen(report, screener, "smuggling", False)
    assert page_queries() == few
    with CaptureQueriesContext(connection) as inbox:
        rows = list(report_inbox(officer))
        for row in rows:  # what the template reads of each row
            _ = (
                row.district,
                row.border_post,
                ann(row, "screening_outcome"),
                ann(row, "child"),
                ann(row, "urgency"),
            )
    assert len(rows) == 12
    assert len(inbox) == 1


def test_the_report_page_names_countries_and_outcomes_in_the_readers_language(
    staff_client,
) -> None:
    client, officer = staff_client(Role.INTAKE_OFFICER)
    report = submit_report(Channel.SMS, age_group="adult", destination_country="AE").report
    screen(report, officer, "trafficking", False)
    en = client.get(f"/en/staff/reports/{report.pk}/").content.decode()
    assert "United Arab Emirates" in en and "(Likely human trafficking)" in en
    assert " AE<" not in en and "(trafficking)" not in en  # no raw codes
    fr = client.get(f"/fr/staff/reports/{report.pk}/").content.decode()
    assert "Émirats arabes unis" in fr
