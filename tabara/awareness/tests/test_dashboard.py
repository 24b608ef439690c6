"""The programme dashboard: reach by district on the map, breakdowns, exports, print."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.test import Client
from openpyxl import load_workbook

from tabara.accounts.roles import Role
from tabara.awareness.models import Participant
from tabara.awareness.selectors.reach import activities_in, reach_of
from tabara.awareness.services import knowledge
from tabara.awareness.services.activities import attendance_counts_set
from tabara.awareness.tests.factories import make_activity
from tabara.geo.svgmap import district_map_svg, district_shapes


@pytest.fixture
def programme(geography, staff_client):
    client, officer = staff_client(Role.PROGRAMME_OFFICER)
    training = make_activity(officer, district_code="", sector_code="3301")  # Rubavu sector
    for number, sex, band in ((1, "female", "18-24"), (2, "male", "15-17"), (3, "female", "18-24")):
        Participant.objects.create(activity=training, number=number, sex=sex, age_band=band)
    campaign = make_activity(
        officer,
        title="Outdoor campaign (synthetic)",
        kind="outdoor_campaign",
        held_on=date(2026, 11, 2),
        district_code="",
        border_post_code="gatuna",  # Gicumbi
        audiences=["transporters", "youth"],
    )
    attendance_counts_set(
        user=officer,
        activity=campaign,
        counts={("female", "25-35"): 120, ("male", "25-35"): 80, ("male", "60+"): 0},
    )
    test = knowledge.knowledge_test_for(activity=training)
    for person, (pre, post) in zip(
        training.participants.all(), [(25, 75), (50, 75), (0, 50)], strict=True
    ):
        knowledge.attempt_record(test=test, participant=person, phase="pre", score=pre)
        knowledge.attempt_record(test=test, participant=person, phase="post", score=post)
    return client, training, campaign


def test_reach_adds_registers_and_counts_in_every_breakdown(programme) -> None:
    _client, training, campaign = programme
    reach = reach_of(activities_in())
    assert (reach.activities, reach.people) == (2, 203)
    assert reach.by_activity == {training.pk: 3, campaign.pk: 200}
    assert dict(reach.by_district) == {"33": 3, "45": 200}
    assert dict(reach.by_month) == {"2026-10": 3, "2026-11": 200}
    assert dict(reach.by_kind) == {"training": 3, "outdoor_campaign": 200}
    assert dict(reach.by_audience) == {"youth": 203, "transporters": 200}
    assert dict(reach.by_sex) == {"female": 122, "male": 81}
    assert reach.by_sex_age[("female", "18-24")] == 2
    since = reach_of(activities_in(since=date(2026, 11, 1)))
    assert since.people == 200
    assert reach_of(activities_in(kind="training")).people == 3


def test_the_dashboard_map_shades_the_districts_reached(programme) -> None:
    client, _training, _campaign = programme
    response = client.get("/en/staff/awareness/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="d33"' in html and 'data-value="3"' in html
    assert "Gicumbi: 200 people reached" in html
    assert 'id="kpi-people">203<' in html
    assert 'id="kpi-gain">41.7<' in html  # gains 50, 25, 50


def test_filters_and_exports_carry_the_same_figures(programme) -> None:
    client, _training, _campaign = programme
    filtered = client.get("/en/staff/awareness/?since=2026-11-01&kind=bogus&until=x")
    assert 'id="kpi-people">200<' in filtered.content.decode()
    rows = list(
        csv.reader(
            io.StringIO(client.get("/en/staff/awareness/report.csv").content.decode("utf-8-sig"))
        )
    )
    assert ["Gicumbi", "200"] in rows and ["Rubavu", "3"] in rows
    book = load_workbook(io.BytesIO(client.get("/en/staff/awareness/report.xlsx").content))
    assert {"district", "month", "kind", "audience", "sex_age", "learning"} <= set(book.sheetnames)
    learning = list(book["learning"].iter_rows(values_only=True))
    assert learning[2][1:5] == (3, "25.0", "66.7", "41.7")
    printable = client.get("/en/staff/awareness/report/")
    assert printable.status_code == 200 and b"@media print" in printable.content
    assert client.get("/en/staff/awareness/report.pdf").status_code == 404


@pytest.mark.parametrize("role", [Role.INTAKE_OFFICER, Role.ANALYST, Role.CASE_WORKER])
def test_only_programme_staff_open_the_programme_pages(geography, staff_client, role) -> None:
    client, _user = staff_client(role)
    for path in ("", "activities/", "articles/", "newsletter/", "report.csv"):
        assert client.get(f"/en/staff/awareness/{path}").status_code == 404
    assert Client().get("/en/staff/awareness/").status_code == 302


def test_the_map_is_light_and_escapes_its_text(db) -> None:
    shapes, height = district_shapes()
    assert len(shapes) == 30 and 300 < height < 400
    svg = district_map_svg({}, title="<b>", label="{name} & {value}")
    assert len(svg.encode()) < 40_000
    assert "<b>" not in svg and "&amp;" in svg
