"""The audit log holds no personal data, so erasing a person never needs to touch it.

Every kind of event that concerns a person is produced with distinctive synthetic values
(report, case, person, search, subject access, erasure, breach); then every stored audit
field is searched for any of those values or a word of them.
"""

from __future__ import annotations

import json

import pytest

from tabara.accounts.roles import Role
from tabara.audit.models import AuditEvent
from tabara.cases.choices import PersonRole
from tabara.cases.services import CaseInput, case_open_from_report, case_person_add
from tabara.cases.tests.factories import agencies_create
from tabara.intake.tests.factories import submit_report
from tabara.privacy.services.breaches import breach_record
from tabara.privacy.services.subject import ErasureGround, person_data_export, person_erase
from tabara.search.services import search_run

pytestmark = pytest.mark.django_db
SECRETS = {
    "reporter name": "Zawadi Nyirabarame",
    "reporter phone": "+250788111999",
    "what happened": "Quokkafarm recruitment at Gisenyi",
    "person name": "Umutoniwase Kabagwira",
    "person phone": "+250722333444",
    "identity number": "1198870098765432",
    "needs": "Xylophone lessons",
    "summary": "Brightwater agency recruited",
    "breach": "Stolen tablet of Zebraline",
}


def test_no_audit_event_carries_a_value_about_a_person(geography, make_staff) -> None:
    agencies = agencies_create()
    user = make_staff(roles=[Role.SUPERVISOR, Role.ADMINISTRATOR], organization=agencies["RIB"])
    report = submit_report(
        what_happened=SECRETS["what happened"],
        wants_contact=True,
        contact_name=SECRETS["reporter name"],
        contact_phone=SECRETS["reporter phone"],
    ).report
    case = case_open_from_report(
        user=user, report_id=report.pk, data=CaseInput(summary=SECRETS["summary"])
    )
    person = case_person_add(
        user=user,
        case_id=case.pk,
        role=PersonRole.PRESUMED_VICTIM,
        full_name=SECRETS["person name"],
        phone=SECRETS["person phone"],
        identity_number=SECRETS["identity number"],
        needs=SECRETS["needs"],
    )
    for text in (SECRETS["person name"], SECRETS["person phone"], SECRETS["identity number"]):
        assert search_run(user=user, text=text).people  # searched and found
    person_data_export(user=user, person_id=person.pk, output="json")
    person_erase(user=user, person_id=person.pk, ground=ErasureGround.OBJECTION)
    breach_record(
        user=user,
        data={
            "discovered_at": report.created_at,
            "nature": SECRETS["breach"],
            "data_categories": "x",
        },
    )

    events = list(AuditEvent.objects.all())
    assert {e.action for e in events} >= {
        "report_submitted",
        "case_opened",
        "case_person_added",
        "searched",
        "person_data_exported",
        "person_erased",
        "breach_recorded",
    }
    stored = json.dumps(
        [[e.actor_label, e.action, e.target_type, e.target_id, e.extra] for e in events],
        ensure_ascii=False,
    ).lower()
    words = {w.lower() for value in SECRETS.values() for w in value.split() if len(w) > 3}
    leaked = sorted(w for w in words if w in stored)
    assert leaked == []
    assert "250788" not in stored and "250722" not in stored
