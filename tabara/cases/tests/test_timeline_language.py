"""The timeline is read in the reader's language, whatever language its writer used.

Expected labels are the catalogues' translations (tabara/locale), written out here.
"""

from __future__ import annotations

from django.apps import apps
from django.utils import translation

from tabara.accounts.tests.factories import signed_in
from tabara.cases.choices import ClosureReason, ServiceStatus, ServiceType
from tabara.cases.closure import case_close
from tabara.cases.models import CaseEvent
from tabara.cases.plan import case_service_plan, case_service_update
from tabara.cases.services import case_consent_record

MIGRATION = __import__("tabara.cases.migrations.0006_event_codes", fromlist=["forwards"])


def test_entries_written_in_french_are_read_in_english_and_kinyarwanda(team) -> None:
    with translation.override("fr"):
        service = case_service_plan(
            user=team.worker,
            case_id=team.case.pk,
            service_type=ServiceType.SHELTER,
            provider_org=team.agencies["HOPE"],
        )
        case_service_update(
            user=team.shelter, service_id=service.pk, status=ServiceStatus.IN_PROGRESS
        )
        case_consent_record(user=team.worker, case_id=team.case.pk, consent=True)
        case_close(user=team.worker, case_id=team.case.pk, reason=ClosureReason.LOST_CONTACT)
    # Nothing in the writer's words is stored: codes, and the provider's short name.
    stored = {e.kind: (e.codes, e.note) for e in CaseEvent.objects.filter(case=team.case)}
    assert stored["service_planned"] == ([["service", "shelter"]], "HOPE")
    assert stored["service_updated"] == (
        [["service", "shelter"], ["service_status", "in_progress"]],
        "",
    )
    assert stored["closed"] == ([["closure", "lost_contact"]], "")
    client = signed_in(team.worker)
    en = client.get(f"/en/staff/cases/{team.case.pk}/").content.decode()
    timeline = en[en.index('id="timeline"') :]
    assert "Shelter · HOPE" in timeline and "Shelter · In progress" in timeline
    assert "Contact lost" in timeline and "Hébergement" not in timeline
    rw = client.get(f"/rw/staff/cases/{team.case.pk}/").content.decode()
    assert "Icumbi · Birakomeje" in rw[rw.index('id="timeline"') :]


def test_old_entries_in_any_language_become_codes(team) -> None:
    old = {
        "service_planned": "Hébergement · HOPE",
        "service_updated": "Icumbi · Birakomeje",
        "closed": "Contact lost",
        "consent": "True",
        "follow_up_done": "3 mois : Doing well",
        "status_changed": "A label from nowhere",
    }
    for kind, note in old.items():
        CaseEvent.objects.create(case=team.case, kind=kind, at=team.case.opened_at, note=note)
    MIGRATION.forwards(apps, None)
    stored = {
        e.kind: (e.codes, e.note)
        for e in CaseEvent.objects.filter(case=team.case, kind__in=list(old))
    }
    assert stored == {
        "service_planned": ([["service", "shelter"]], "HOPE"),
        "service_updated": ([["service", "shelter"], ["service_status", "in_progress"]], ""),
        "closed": ([["closure", "lost_contact"]], ""),
        "consent": ([["consent", "yes"]], ""),
        "follow_up_done": ([["months", "3"], ["follow_up", "stable"]], ""),
        "status_changed": ([], "A label from nowhere"),  # left as it was
    }
