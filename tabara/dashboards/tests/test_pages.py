"""The dashboard page and its downloads: who sees whose cases counted, and how."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest
from openpyxl import load_workbook

from tabara.accounts.tests.factories import signed_in

pytestmark = pytest.mark.django_db
URL = "/en/staff/statistics/"


def client_of(user):
    user.language = "en"
    user.save(update_fields=["language"])
    return signed_in(user)


def kpi(html: str, name: str) -> str:
    found = re.search(rf'id="kpi-{name}">([^<]+)<', html)
    return found.group(1) if found else ""


def row(html: str, table: str, label: str) -> list[str]:
    """The cells of one row of one table, as text."""
    body = html.split(f'id="table-{table}"', 1)[1].split("</table>", 1)[0]
    found = re.search(rf"<th scope=\"row\">{re.escape(label)}</th>(.*?)</tr>", body)
    return re.findall(r"<td[^>]*>([^<]*)</td>", found.group(1)) if found else []


def test_supervisor_sees_exact_counts_of_own_cases_only(world) -> None:
    html = client_of(world.rib).get(URL).content.decode()
    assert kpi(html, "cases") == "3" and kpi(html, "victims") == "3"
    assert 'id="kpi-reports"' not in html  # reports are national
    assert row(html, "district", "Nyarugenge") == ["2", "3"]  # c1, c2
    assert row(html, "path", "Referral accepted") == ["1", "1.0", "Referred to a partner", ""]
    # The slowest shown step (service, 5 days) is named in the table and in the chart.
    assert row(html, "path", "Service started") == ["1", "5.0", "Case opened", "slowest step"]
    assert "(slowest)" in html
    assert 'name="org"' not in html  # no organization filter outside a national scope
    assert "Counting the cases owned by RIB" in html


def test_another_organization_is_never_counted(world) -> None:
    hope = client_of(world.hope)
    html = hope.get(URL, {"org": world.orgs["RIB"].pk}).content.decode()
    assert kpi(html, "cases") == "2" and kpi(html, "victims") == "2"
    assert row(html, "exploitation", "Forced labour") == []  # RIB's two cases
    text = hope.get("/en/staff/statistics/export.csv").content.decode("utf-8-sig")
    assert "Forced labour" not in text


def test_analyst_sees_every_organization_with_small_cells_hidden(world) -> None:
    html = client_of(world.analyst).get(URL).content.decode()
    assert kpi(html, "cases") == "5" and kpi(html, "victims") == "5"
    assert kpi(html, "reports") == "2"
    assert row(html, "district", "Nyarugenge") == ["fewer than 5", "fewer than 5"]
    # Medians over fewer than 5 cases are not shown either.
    assert row(html, "path", "Case opened") == ["5", "—", "Report received", ""]
    assert 'name="org"' in html and "Counting the cases of every organization" in html
    filtered = client_of(world.analyst).get(URL, {"org": world.orgs["RIB"].pk}).content.decode()
    assert kpi(filtered, "cases") == "fewer than 5"  # RIB's 3


def test_programme_officer_without_case_access_gets_own_cases_with_small_cells_hidden(
    world,
) -> None:
    html = client_of(world.officer).get(URL).content.decode()
    assert kpi(html, "cases") == "fewer than 5"  # RIB's 3 cases


def test_filters_are_kept_and_a_bad_date_is_explained(world) -> None:
    page = client_of(world.rib).get(URL, {"since": "2026-02-30", "district": "33"})
    html = page.content.decode()
    assert page.status_code == 400
    assert "not a real date" in html and 'value="2026-02-30"' in html
    assert '<option value="33" selected>' in html
    assert kpi(html, "cases") == "1"  # c3, the only RIB case in district 33


def test_page_without_snapshot_says_so(make_staff, snapshot_file) -> None:
    from tabara.accounts.roles import Role

    user = make_staff(roles=[Role.ANALYST])
    page = client_of(user).get(URL)
    assert page.status_code == 200 and 'id="no-snapshot"' in page.content.decode()
    export = client_of(user).get("/en/staff/statistics/export.csv")
    assert export.status_code == 200
    assert "not been computed yet" in export.content.decode("utf-8-sig")


def test_the_age_of_the_figures_is_shown(world) -> None:
    html = client_of(world.rib).get(URL).content.decode()
    assert re.search(r'id="age">Figures as of 2026-03-01 13:05 UTC \(\d+ minutes? ago\)', html)


def test_csv_and_xlsx_hold_every_table(world) -> None:
    client = client_of(world.rib)
    text = client.get("/en/staff/statistics/export.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert ["Type of exploitation", "Cases", "Victims"] in rows
    assert ["Forced labour", "2", "1"] in rows
    assert ["9-17", "1", "0", "0", "1"] in rows
    assert ["Total", "2", "1", "0", "3"] in rows
    data = client.get("/en/staff/statistics/export.xlsx").content
    book = load_workbook(io.BytesIO(data))
    assert set(book.sheetnames) >= {"month", "district", "country", "age_sex", "path"}
    values = [list(r) for r in book["country"].iter_rows(values_only=True)]
    assert ["Saudi Arabia", 1, 1] in values
    assert client.get("/en/staff/statistics/export.pdf").status_code == 404


def test_every_chart_has_a_text_alternative_and_a_table(world) -> None:
    html = client_of(world.rib).get(URL).content.decode()
    charts = re.findall(r'<svg [^>]*aria-labelledby="([^"]+)"', html)
    assert len(charts) == 8  # seven bar charts and the map
    for key in ("month", "province", "exploitation", "channel", "country", "age_sex", "path"):
        assert f'id="chart-{key}-t"' in html and f'id="chart-{key}-d"' in html
        assert f'href="#table-{key}"' in html and f'id="table-{key}"' in html
    assert "@media print" in html


def test_pages_in_kinyarwanda_and_french(world) -> None:
    client = client_of(world.rib)
    for language, words in (("rw", "Imibare y"), ("fr", "Statistiques des dossiers")):
        html = client.get(f"/{language}/staff/statistics/").content.decode()
        assert words in html
    # Provinces by their official names (organic law No. 29/2005), not the geography's English.
    for language, kigali, western in (
        ("rw", "Umujyi wa Kigali", "Intara y'Iburengerazuba"),
        ("fr", "Ville de Kigali", "Province de l'Ouest"),
    ):
        html = unescape(client.get(f"/{language}/staff/statistics/").content.decode())
        assert row(html, "province", kigali) == ["2", "3"]  # c1, c2
        assert row(html, "province", western) == ["1", "0"]  # c3
        assert "Kigali City" not in html and "Western Province" not in html
        text = client.get(f"/{language}/staff/statistics/export.csv").content.decode("utf-8-sig")
        assert [kigali, "2", "3"] in list(csv.reader(io.StringIO(text)))


def test_every_download_is_audited_with_who_which_filters_and_format(world) -> None:
    from tabara.audit.models import AuditEvent

    hope = world.orgs["HOPE"].pk
    analyst, supervisor = client_of(world.analyst), client_of(world.rib)
    analyst.get(URL)  # viewing the page is not a download
    asked = {"since": "2026-02-01", "until": "2026-02-28", "district": "33", "org": hope}
    analyst.get("/en/staff/statistics/export.xlsx", asked)
    supervisor.get("/en/staff/statistics/export.csv", {"org": hope})  # not theirs to choose
    events = AuditEvent.objects.filter(action="statistics_downloaded").order_by("seq")
    assert [(e.actor_id, e.organization_id, e.extra) for e in events] == [
        (
            world.analyst.pk,
            world.orgs["IOM"].pk,
            {
                "format": "xlsx",
                "scope": "national",
                "since": "2026-02-01",
                "until": "2026-02-28",
                "org": hope,
                "district": "33",
            },
        ),
        (
            world.rib.pk,
            world.orgs["RIB"].pk,
            {
                "format": "csv",
                "scope": f"organization {world.orgs['RIB'].pk}",
                "since": "",
                "until": "",
                "org": "",
                "district": "",
            },
        ),
    ]
