"""Alerts to case owners (issue #14, "Recruiter networks"): who hears, what they learn, when not.

The rules, from the issue and the need-to-know invariants (ARCHITECTURE.md): the owner of
a case that shares an identifier with a record held by another organization or in another
district is told so, naming only its own case and the kind of identifier; the new record's
content, the identifier and other organizations' cases are never in the alert. Records of
one situation, and one organization's records in one district, are not news. An
identifier in more records than the hub cap alerts nobody.
"""

from __future__ import annotations

from django.utils import timezone

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.services import CaseInput, case_open
from tabara.networks.services import network_record_sync
from tabara.networks.tests.conftest import new_report, open_case
from tabara.notifications.models import Channel, Notification


def sync(record) -> int:
    kind = "case" if record.reference.startswith("C-") else "report"
    return network_record_sync(kind=kind, pk=record.pk).alerted


def in_app(user) -> list[str]:
    return [n.subject for n in Notification.objects.filter(user=user, channel=Channel.IN_APP)]


def test_a_new_report_alerts_the_owner_of_the_case_it_shares_a_phone_with(world) -> None:
    case = open_case(world.rib_worker, world.kigali, phone="0788 100 200", full_name="Kalisa")
    assert sync(case) == 0  # nothing to connect yet
    report = new_report("34", what_happened="The agent's number: +250-788-100-200, call him.")
    assert sync(report) > 0
    [subject] = in_app(world.rib_worker)
    assert case.reference in subject
    assert "phone number" in subject
    assert "national desk" in subject
    for secret in ("788", "100 200", report.reference, "call him"):
        assert secret not in subject
    assert in_app(world.isange_worker) == []
    event = AuditEvent.objects.get(action=AuditAction.NETWORK_ALERTED)
    assert (event.target_id, event.extra) == (str(case.pk), {"record": report.reference})


def test_a_case_elsewhere_alerts_both_owners_and_names_no_other_case(world) -> None:
    rib = open_case(world.rib_worker, world.kigali, summary="Recruiter on tiktok.com/@jobs_gulf")
    sync(rib)
    isange = open_case(
        world.isange_worker,
        world.rubavu,
        summary="She met @jobs_gulf on TikTok (tiktok.com/@Jobs_Gulf)",
    )
    assert sync(isange) > 0
    [to_rib] = in_app(world.rib_worker)
    [to_isange] = in_app(world.isange_worker)
    assert rib.reference in to_rib and isange.reference not in to_rib
    assert isange.reference in to_isange and rib.reference not in to_isange
    assert "social-media account" in to_rib
    assert " 1 other records" in to_isange
    assert "jobs_gulf" not in to_rib + to_isange


def test_one_organizations_cases_in_one_district_are_not_news_but_another_district_is(
    world,
) -> None:
    first = open_case(world.rib_worker, world.kigali, phone="0788100200")
    sync(first)
    same_place = open_case(world.rib_worker, world.kigali, phone="0788100200")
    assert sync(same_place) == 0
    elsewhere = open_case(world.rib_worker, world.rubavu, phone="0788100200")
    assert sync(elsewhere) > 0
    assert len(in_app(world.rib_worker)) == 3  # the two Kigali cases, and the Rubavu one


def test_a_case_opened_from_a_report_is_one_situation_with_it(world) -> None:
    report = new_report("34", suspect_identifiers="0788 100 200")
    sync(report)
    case = case_open(
        user=world.isange_worker,
        data=CaseInput(district=world.rubavu, summary="Reported number 0788100200"),
        report_id=report.pk,
        route=False,
    )
    assert sync(case) == 0
    assert in_app(world.isange_worker) == []


def test_a_hub_alerts_nobody(world, settings) -> None:
    settings.TABARA_NETWORK_HUB_CAP = 3
    case = open_case(world.rib_worker, world.kigali, phone="0788100200")
    sync(case)
    assert sync(new_report("34", what_happened="Bus company: 0788100200")) > 0
    assert sync(new_report("34", what_happened="Bus company: 0788100200")) > 0  # 3 records
    assert sync(new_report("34", what_happened="Bus company: 0788100200")) == 0  # 4: a hub


def test_without_a_worker_or_supervisor_the_owners_supervisors_hear(world, make_staff) -> None:
    intake = make_staff(roles=[Role.INTAKE_OFFICER], organization=world.agencies["RIB"])
    case = case_open(
        user=intake,
        data=CaseInput(district=world.kigali, summary="Call 0788100200"),
        route=False,
    )
    case.refresh_from_db()
    assert case.assigned_to_id is None and case.supervisor_id is None
    sync(case)
    sync(new_report("34", suspect_identifiers="0788100200"))
    assert len(in_app(world.rib_boss)) == 1
    assert in_app(world.rib_worker) == []


def test_alerts_are_written_in_the_readers_language(world) -> None:
    world.rib_worker.language = "fr"
    world.rib_worker.save(update_fields=["language"])
    sync(open_case(world.rib_worker, world.kigali, phone="0788100200"))
    sync(new_report("34", suspect_identifiers="0788100200", occurred_on=timezone.localdate()))
    [subject] = in_app(world.rib_worker)
    assert "numéro de téléphone" in subject


def test_analysts_hear_of_reports_joining_a_network_that_no_case_owner_holds(world) -> None:
    sync(new_report("34", suspect_identifiers="@agent_k"))
    assert in_app(world.analyst) == []
    second = new_report("22", what_happened="Recruited by @agent_k on Instagram")
    assert sync(second) == 1  # the analyst's in-app note; no case, so no owner
    [note] = in_app(world.analyst)
    assert second.reference in note and "social-media account" in note and " 1 records" in note
    assert "agent_k" not in note
    assert Notification.objects.filter(user=world.analyst, channel=Channel.EMAIL).count() == 0
