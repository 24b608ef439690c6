"""The network exports (CSV, XLSX) escape cells a spreadsheet would run, and hold the table."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from django.utils import timezone
from openpyxl import load_workbook

from tabara.accounts.tests.factories import signed_in
from tabara.intake.models import Report
from tabara.networks.services import network_backfill
from tabara.networks.tests.conftest import new_report, open_case

NAME = "@SUM(1+9)*cmd|' /C calc'!A0"


def exported(world, fmt: str) -> tuple[bytes, set[str]]:
    rib = world.agencies["RIB"]
    rib.short_name = NAME  # an organization's name is typed by an administrator
    rib.save(update_fields=["short_name"])
    case = open_case(world.rib_worker, world.kigali, phone="0788100200")
    report = new_report("34", suspect_identifiers="0788 100 200")
    network_backfill()
    response = signed_in(world.analyst).get("/en/staff/networks/export/", {"format": fmt})
    assert response.status_code == 200
    return response.content, {case.reference, report.reference}


def test_the_csv_escapes_a_holders_name_and_lists_each_connection(world) -> None:
    content, references = exported(world, "csv")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:5] == [
        "Network",
        "Identifier kind",
        "Identifier (masked)",
        "Records carrying it",
        "Report or case",
    ]
    body = rows[1:3]
    assert {row[4] for row in body} == references
    assert {row[5] for row in body} == {"'" + NAME, "intake desk"}
    assert {row[2] for row in body} == {"'+25078••••200"}  # "+" and not a plain number


def test_the_xlsx_escapes_the_same_cells(world) -> None:
    sheet = load_workbook(io.BytesIO(exported(world, "xlsx")[0])).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "'" + NAME in cells
    assert NAME not in cells


def test_an_unknown_format_is_not_found(world) -> None:
    response = signed_in(world.analyst).get("/en/staff/networks/export/", {"format": "pdf"})
    assert response.status_code == 404


def test_the_export_holds_what_the_page_shows_by_default(world) -> None:
    exported(world, "csv")  # records made today: in the last year
    report = Report.objects.order_by("-pk")[0]
    Report.objects.filter(pk=report.pk).update(created_at=timezone.now() - timedelta(days=400))
    network_backfill()
    client = signed_in(world.analyst)
    body = client.get("/en/staff/networks/export/", {"format": "csv"}).content.decode()
    assert report.reference not in body  # the page opens on the last year, and so does this
    wider = client.get("/en/staff/networks/export/", {"format": "csv", "since": "2020-01-01"})
    assert report.reference in wider.content.decode()
