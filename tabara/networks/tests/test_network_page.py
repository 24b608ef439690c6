"""The analysts' page: the network as SVG and table, masked, filtered, linked only where allowed."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import signed_in
from tabara.audit.models import AuditAction, AuditEvent
from tabara.intake.models import Report
from tabara.networks.models import IdentifierOccurrence
from tabara.networks.services import network_backfill
from tabara.networks.tests.conftest import new_report, open_case

URL = "/en/staff/networks/"


def three_districts(world):
    """One phone in a RIB case (Kigali) and two reports (Rubavu, Huye); a lone report."""
    case = open_case(world.rib_worker, world.kigali, phone="0788 100 200", full_name="Kalisa")
    first = new_report("34", what_happened="He called from 0788100200.")
    second = new_report("22", suspect_identifiers="+250 788 100 200, tiktok.com/@jobs_gulf")
    lone = new_report("22", suspect_identifiers="0733 999 000")
    network_backfill()
    return case, first, second, lone


def test_an_analyst_sees_the_records_a_phone_connects_masked_and_unlinked(world) -> None:
    case, first, second, lone = three_districts(world)
    page = signed_in(world.analyst).get(URL)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "<table" in html
    for record in (case, first, second):
        assert record.reference in html
    assert lone.reference not in html  # connects nothing
    assert "+25078••••200" in html
    assert "788100200" not in html and "788 100 200" not in html
    assert "jobs_gulf" not in html  # on one record only, and masked anyway
    main = html.split("<main>")[1]
    assert reverse("cases:detail", args=[case.pk]) not in main  # an analyst opens no case
    assert reverse("intake:report_detail", args=[first.pk]) not in main  # nor a report
    assert "<a href" not in main.split("<svg")[1]
    assert "RIB" in html  # who holds the case: whom to put in touch


def test_a_viewer_who_may_open_a_record_gets_its_link(world, make_staff) -> None:
    case, first, _second, _lone = three_districts(world)
    both = make_staff(roles=[Role.ANALYST, Role.SUPERVISOR], organization=world.agencies["RIB"])
    both.language = "en"
    both.save(update_fields=["language"])
    html = signed_in(both).get(URL).content.decode()
    assert reverse("cases:detail", args=[case.pk]) in html
    assert reverse("intake:report_detail", args=[first.pk]) in html


def test_period_and_district_filter_the_network(world) -> None:
    case, first, second, _lone = three_districts(world)
    long_ago = timezone.now() - timedelta(days=400)
    Report.objects.filter(pk=second.pk).update(created_at=long_ago)
    network_backfill()
    client = signed_in(world.analyst)
    since = (timezone.localdate() - timedelta(days=30)).isoformat()
    html = client.get(URL, {"since": since}).content.decode()
    assert first.reference in html and second.reference not in html
    html = client.get(URL).content.decode()  # the page opens on the last year
    assert first.reference in html and second.reference not in html
    html = client.get(URL, {"district": "22"}).content.decode()  # only the old Huye report
    assert second.reference in html and case.reference in html
    html = client.get(URL, {"district": "22", "since": since}).content.decode()
    assert second.reference not in html and case.reference not in html


def test_a_period_that_ends_before_it_starts_is_refused_with_what_was_typed(world) -> None:
    page = signed_in(world.analyst).get(URL, {"since": "2026-05-01", "until": "2026-04-01"})
    assert page.status_code == 400
    html = page.content.decode()
    assert "The end of the period comes before its start." in html
    assert 'value="2026-05-01"' in html


def test_hubs_are_listed_with_their_counts_and_not_drawn(world, settings) -> None:
    settings.TABARA_NETWORK_HUB_CAP = 2
    _case, first, _second, _lone = three_districts(world)
    html = signed_in(world.analyst).get(URL).content.decode()
    hubs = html.split("Hubs</h2>")[1]
    assert "+25078••••200" in hubs and "<td>3</td>" in hubs
    assert first.reference not in html


def test_every_read_and_export_is_audited(world) -> None:
    three_districts(world)
    client = signed_in(world.analyst)
    client.get(URL, {"district": "34"})
    assert client.get("/en/staff/networks/export/", {"format": "xlsx"}).status_code == 200
    events = AuditEvent.objects.filter(actor=world.analyst).order_by("seq")
    actions = [e.action for e in events if e.action.startswith("network")]
    assert actions == [AuditAction.NETWORK_VIEWED, AuditAction.NETWORK_EXPORTED]
    assert events.get(action=AuditAction.NETWORK_VIEWED).extra["district"] == "34"


def test_staff_without_the_permission_get_a_404(world) -> None:
    three_districts(world)
    for user in (world.rib_worker, world.rib_boss):
        assert signed_in(user).get(URL).status_code == 404
    assert IdentifierOccurrence.objects.count() == 5


def test_the_table_is_paged_on_the_server_with_the_filters_kept(world, monkeypatch) -> None:
    monkeypatch.setattr("tabara.networks.views.PAGE_ROWS", 2)
    case, first, second, _lone = three_districts(world)
    client = signed_in(world.analyst)
    since = (timezone.localdate() - timedelta(days=30)).isoformat()
    html = client.get(URL, {"since": since}).content.decode()
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    # One phone and three records: the case's C-… row, then the reports' R-… rows by number.
    assert case.reference in table and first.reference in table
    assert second.reference not in table
    assert "Page 1 of 2" in html and f"?since={since}&amp;page=2#table" in html
    html = client.get(URL, {"since": since, "page": "2"}).content.decode()
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    assert second.reference in table and case.reference not in table
    assert "Page 2 of 2" in html and "Next page" not in html
    for odd in ("99", "x", "-1"):  # past the end: the last page; not a number: the first
        page = client.get(URL, {"since": since, "page": odd})
        assert page.status_code == 200
        assert ("Page 2 of 2" if odd == "99" else "Page 1 of 2") in page.content.decode()
    last = AuditEvent.objects.filter(action=AuditAction.NETWORK_VIEWED).order_by("seq").last()
    assert last is not None and last.extra["page"] == 1


def test_the_graph_says_what_it_leaves_out(world, monkeypatch) -> None:
    case, first, second, _lone = three_districts(world)
    other = new_report("11", agency_name="Trans-Border Jobs Ltd")
    again = new_report("22", agency_name="TRANSBORDER JOBS")
    network_backfill()
    monkeypatch.setattr("tabara.networks.selectors.DRAWN", 1)
    monkeypatch.setattr("tabara.networks.selectors.DRAWN_RECORDS", 2)
    html = signed_in(world.analyst).get(URL).content.decode()
    svg = html.split("<svg")[1].split("</svg>")[0]
    assert "Network 1: 3 records, 2 drawn" in svg  # the phone's three records, two drawn
    assert other.reference not in svg and again.reference not in svg
    assert "Networks drawn: 1 of 2" in html
    assert "Not drawn: 1 smaller networks with 2 records." in html
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    for record in (case, first, second, other, again):
        assert record.reference in table  # the table holds them all


def _row_of(html: str, label: str) -> str:
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    return next(row for row in table.split("<tr>") if f"<td>{label}</td>" in row)


def test_agencies_and_their_phones_show_their_standing_in_the_register(world) -> None:
    from tabara.recruitment.tests.factories import make_agency

    make_agency(name="Trans-Border Jobs Ltd", phones=())  # licensed until 2027-01-09
    make_agency(name="Isoko Manpower", licence_number="RW-LMA-2023-0042", status="suspended",
                phones=())  # fmt: skip
    make_agency(name="Umurava Travel", licence_number="RW-LMA-2022-0007", status="revoked",
                phones=("0788 100 142",))  # fmt: skip
    new_report("34", agency_name="Trans-Border Jobs Ltd")  # the register's name, hyphen kept
    new_report("22", agency_name="TRANSBORDER JOBS")
    new_report("34", agency_name="RW-LMA-2023-0042")  # named by its licence number
    new_report("22", agency_name="rw-lma-2023-0042")
    new_report("34", agency_name="RW LMA 2022 0007")  # the index drops a word "RW"
    new_report("22", agency_name="LMA 2022 0007")
    new_report("34", agency_name="Kazi Nje Recruiters")  # in no register
    new_report("22", agency_name="Kazi Nje Recruiters")
    new_report("34", suspect_identifiers="+250788100142")  # the revoked agency's phone
    new_report("22", suspect_identifiers="0788100142")
    new_report("34", suspect_identifiers="0733 999 000")  # nobody's phone in the register
    new_report("22", suspect_identifiers="0733999000")
    network_backfill()
    html = signed_in(world.analyst).get(URL).content.decode()
    assert "<td>Licensed</td>" in _row_of(html, "transborder jobs")
    assert "<td>Suspended</td>" in _row_of(html, "rwlma20230042")
    assert "<td>Revoked</td>" in _row_of(html, "lma 2022 0007")
    assert "<td>Not in register</td>" in _row_of(html, "kazi nje recruiters")
    assert "<td>Revoked</td>" in _row_of(html, "+25078••••142")
    assert _row_of(html, "+25073••••000").endswith("<td></td></tr>")  # a phone, no agency
    assert "agency name: transborder jobs (Licensed)" in html.split("<svg")[1]
