"""Subject access and erasure of a person: need-to-know, audited, chain intact."""

from __future__ import annotations

import json

import pytest

from tabara.accounts.roles import Role
from tabara.audit.models import AuditEvent
from tabara.audit.services import audit_chain_verify
from tabara.cases.choices import PersonRole
from tabara.cases.models import CasePerson
from tabara.cases.services import case_person_add
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.referrals.services import referral_accept, referral_send
from tabara.search.services import search_run

pytestmark = pytest.mark.django_db
NAME, PHONE, ID_NUMBER = "Synthetic Uwamahoro Subject", "+250788765432", "1199880012345678"


@pytest.fixture
def person(geography, staff_client):
    agencies = agencies_create()
    client, owner = staff_client(Role.SUPERVISOR, organization=agencies["RIB"])
    case = case_create(owner, consent_to_share=True)
    added = case_person_add(
        user=owner,
        case_id=case.pk,
        role=PersonRole.PRESUMED_VICTIM,
        full_name=NAME,
        phone=PHONE,
        identity_number=ID_NUMBER,
        needs="Shelter and counselling",
        age=19,
    )
    return client, owner, added, agencies


def test_the_owning_supervisor_gets_everything_as_a_page_and_as_json(person) -> None:
    client, _owner, added, _agencies = person
    case_page = client.get(f"/en/staff/cases/{added.case_id}/").content.decode()
    assert f"/en/staff/privacy/people/{added.pk}/" in case_page
    page = client.get(f"/en/staff/privacy/people/{added.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert (
        NAME in text and PHONE in text and ID_NUMBER in text and "Shelter and counselling" in text
    )
    assert page["Cache-Control"] == "no-store"
    data = json.loads(client.get(f"/en/staff/privacy/people/{added.pk}/json/").content)
    assert data["person"]["full_name"] == NAME
    assert data["person"]["identity_number"] == ID_NUMBER
    assert data["case"]["reference"].startswith("C-")
    assert data["search_tokens"] > 0
    events = AuditEvent.objects.filter(action="person_data_exported", target_id=str(added.pk))
    assert sorted(e.extra["output"] for e in events) == ["json", "page"]


def test_nobody_else_may_export_or_erase(person, staff_client) -> None:
    _client, owner, added, agencies = person
    hope_client, hope = staff_client(Role.SUPERVISOR, organization=agencies["HOPE"])
    referral = referral_send(user=owner, case_id=added.case_id, to_org=agencies["HOPE"])
    referral_accept(user=hope, referral_id=referral.pk)  # HOPE now sees the case...
    shared_page = hope_client.get(f"/en/staff/cases/{added.case_id}/")
    assert shared_page.status_code == 200
    assert "/staff/privacy/people/" not in shared_page.content.decode()
    worker_client, _worker = staff_client(Role.CASE_WORKER, organization=agencies["RIB"])
    for client in (hope_client, worker_client):  # ...but only the owner answers for it
        for suffix in ("", "json/", "erase/"):
            assert client.get(f"/en/staff/privacy/people/{added.pk}/{suffix}").status_code == 404
        response = client.post(
            f"/en/staff/privacy/people/{added.pk}/erase/", {"ground": "unlawful", "confirm": "on"}
        )
        assert response.status_code == 404
    assert CasePerson.objects.get(pk=added.pk).full_name == NAME
    assert not AuditEvent.objects.filter(action="person_data_exported").exists()


def test_erasure_blanks_the_person_forgets_the_tokens_and_keeps_the_chain(person) -> None:
    client, owner, added, _agencies = person
    before = list(AuditEvent.objects.order_by("id").values_list("id", "hash"))
    refused = client.post(f"/en/staff/privacy/people/{added.pk}/erase/", {"ground": "objection"})
    assert refused.status_code == 400  # not confirmed: the form comes back, choice kept
    assert 'value="objection" selected' in refused.content.decode()
    assert CasePerson.objects.get(pk=added.pk).full_name == NAME
    done = client.post(
        f"/en/staff/privacy/people/{added.pk}/erase/", {"ground": "objection", "confirm": "on"}
    )
    assert done.status_code == 302
    erased = CasePerson.objects.get(pk=added.pk)
    assert (erased.full_name, erased.phone, erased.identity_number, erased.needs) == (
        "",
        "",
        "",
        "",
    )
    assert (erased.role, erased.age) == (PersonRole.PRESUMED_VICTIM, 19)
    assert search_run(user=owner, text=NAME).people == []
    assert search_run(user=owner, text=PHONE).people == []
    after = list(AuditEvent.objects.order_by("id").values_list("id", "hash"))
    assert after[: len(before)] == before  # nothing earlier was touched
    last = AuditEvent.objects.get(action="person_erased")
    assert (last.action, last.target_id, last.extra["ground"]) == (
        "person_erased",
        str(added.pk),
        "objection",
    )
    assert audit_chain_verify().ok
