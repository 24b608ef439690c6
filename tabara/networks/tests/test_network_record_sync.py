"""The index follows each record: identifiers by keyed hash, values sealed, nothing left over."""

from __future__ import annotations

from django.db import connection

from tabara.cases.models import Case
from tabara.intake.models import Report
from tabara.linkage.identifiers import Identifier, Kind
from tabara.networks.models import IdentifierOccurrence, NetworkIdentifier
from tabara.networks.services import network_backfill, network_record_sync
from tabara.networks.tests.conftest import new_report, open_case

PHONE = Identifier(Kind.PHONE, "+250788100200")


def test_a_reports_identifiers_are_stored_by_keyed_hash_with_the_value_sealed(world) -> None:
    report = new_report("34", suspect_identifiers="0788 100 200")
    assert network_record_sync(kind="report", pk=report.pk).added == 1
    row = NetworkIdentifier.objects.get()
    assert (row.key, row.kind, row.value) == (PHONE.key, "phone", "+250788100200")
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, value FROM networks_networkidentifier")
        stored = " ".join(str(v) for v in cursor.fetchone())
    assert "788100200" not in stored
    occurrence = IdentifierOccurrence.objects.get()
    assert (occurrence.report_id, occurrence.case_id, occurrence.situation) == (
        report.pk,
        None,
        f"r{report.pk}",
    )
    assert (occurrence.district_id, occurrence.holder_org_id) == (world.rubavu.pk, None)
    assert occurrence.fields == "suspect_identifiers"
    assert network_record_sync(kind="report", pk=report.pk).added == 0  # idempotent


def test_blanked_text_takes_its_identifiers_out_and_leaves_no_orphan(world) -> None:
    report = new_report("34", suspect_identifiers="0788 100 200, @agent_k")
    other = new_report("11", what_happened="Again 0788100200")
    network_record_sync(kind="report", pk=report.pk)
    network_record_sync(kind="report", pk=other.pk)
    assert NetworkIdentifier.objects.count() == 2
    Report.objects.filter(pk=report.pk).update(suspect_identifiers="")
    assert network_record_sync(kind="report", pk=report.pk).removed == 2
    assert [row.value for row in NetworkIdentifier.objects.all()] == ["+250788100200"]
    Report.objects.filter(pk=other.pk).delete()
    network_record_sync(kind="report", pk=other.pk)
    assert not NetworkIdentifier.objects.exists()
    assert not IdentifierOccurrence.objects.exists()


def test_a_case_carries_its_owner_district_and_the_report_it_came_from(world) -> None:
    report = new_report("34", suspect_identifiers="0788 100 200")
    case = open_case(world.rib_worker, world.kigali, phone="0788100200", full_name="Kalisa Eric")
    Case.objects.filter(pk=case.pk).update(report=report)
    network_record_sync(kind="case", pk=case.pk)
    rows = IdentifierOccurrence.objects.filter(case=case)
    assert {(r.situation, r.holder_org_id, r.district_id) for r in rows} == {
        (f"r{report.pk}", world.agencies["RIB"].pk, world.kigali.pk)
    }
    assert rows.count() == 2  # the phone and the recruiter's name
    Case.objects.filter(pk=case.pk).update(owner_org=world.agencies["ISANGE-RBV"])
    network_record_sync(kind="case", pk=case.pk)
    assert set(rows.values_list("holder_org_id", flat=True)) == {world.agencies["ISANGE-RBV"].pk}


def test_the_backfill_reads_every_record_without_alerting(world) -> None:
    open_case(world.rib_worker, world.kigali, phone="0788100200")
    new_report("34", suspect_identifiers="0788 100 200")
    result = network_backfill(batch=1)
    assert (result.added, result.alerted) == (2, 0)
    assert network_backfill().added == 0
