"""My queue, a referral's page, referring a case, the overdue board and the routing editor."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tabara.accounts.roles import Role
from tabara.cases.tests.factories import case_create
from tabara.referrals.models import Referral, RoutingRuleSet
from tabara.referrals.services import referral_send

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queue_lists_overdue_first_with_a_constant_query_count(
    agencies, staff_client, make_staff
) -> None:
    client, _worker = staff_client(Role.CASE_WORKER, organization=agencies["HOPE"])
    sender = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    first = referral_send(
        user=sender, case_id=case_create(sender, consent_to_share=True).pk, to_org=agencies["HOPE"]
    )
    few = count_queries(client, "/en/staff/queue/")
    with time_machine.travel(timezone.now() - timedelta(days=5)):
        late = referral_send(
            user=sender,
            case_id=case_create(sender, consent_to_share=True).pk,
            to_org=agencies["HOPE"],
        )
    for _ in range(10):
        case = case_create(sender, consent_to_share=True)
        referral_send(user=sender, case_id=case.pk, to_org=agencies["HOPE"])
    assert count_queries(client, "/en/staff/queue/") == few
    page = client.get("/en/staff/queue/").content.decode()
    assert page.index(late.case.reference) < page.index(first.case.reference)


def test_respond_on_the_referral_page(agencies, staff_client, make_staff) -> None:
    client, _worker = staff_client(Role.CASE_WORKER, organization=agencies["HOPE"])
    sender = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    case = case_create(sender, consent_to_share=True)
    referral = referral_send(user=sender, case_id=case.pk, to_org=agencies["HOPE"])
    url = f"/en/staff/referrals/{referral.pk}/"
    assert client.post(url, {"action": "decline", "text": ""}).status_code == 400
    assert client.post(url, {"action": "acknowledge"}).status_code == 302
    assert client.post(url, {"action": "accept"}).status_code == 302
    assert client.post(url, {"action": "close", "text": "Done"}).status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == ("closed", "Done")
    other = referral_send(user=sender, case_id=case.pk, to_org=agencies["HOPE"])
    client.post(f"/en/staff/referrals/{other.pk}/", {"action": "decline", "text": "Full"})
    assert Referral.objects.get(pk=other.pk).status == "declined"


def test_refer_page_needs_consent_or_override(agencies, staff_client) -> None:
    client, user = staff_client(Role.SUPERVISOR, organization=agencies["RIB"])
    case = case_create(user)
    url = f"/en/staff/cases/{case.pk}/refer/"
    assert client.get(url).status_code == 200
    form = {
        "to_org": agencies["HOPE"].pk,
        "kind": "referral",
        "urgency": "high",
        "scope": "victim_needs",
        "reason": "Shelter",
    }
    assert client.post(url, form).status_code == 400
    assert client.post(url, {**form, "override_consent": "on"}).status_code == 302
    assert client.post(url, {**form, "override_consent": "on"}).status_code == 400  # open already
    assert Referral.objects.get().consent_overridden


def test_overdue_board_for_supervisors(agencies, staff_client, make_staff) -> None:
    client, _boss = staff_client(Role.SUPERVISOR, organization=agencies["HOPE"])
    sender = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    with time_machine.travel(timezone.now() - timedelta(days=5)):
        late = referral_send(
            user=sender,
            case_id=case_create(sender, consent_to_share=True).pk,
            to_org=agencies["HOPE"],
        )
    assert late.case.reference in client.get("/en/staff/referrals/overdue/").content.decode()


def test_national_administrators_publish_a_new_routing_version(staff_client, agencies) -> None:
    url = "/en/staff/referrals/routing/"
    # One organization's administrator may not change where every organization's cases go.
    local, _admin = staff_client(Role.ADMINISTRATOR, organization=agencies["NAR"])
    assert local.get(url).status_code in {403, 404}
    rules = "rules:\n  - id: all-to-nar\n    route:\n      - {to: NAR}\n"
    assert local.post(url, {"rules": rules}).status_code in {403, 404}
    assert RoutingRuleSet.objects.count() <= 1
    client, _admin = staff_client(Role.NATIONAL_ADMINISTRATOR, organization=agencies["NAR"])
    page = client.get(url).content.decode()
    assert "child-victim" in page
    assert client.post(url, {"rules": "rules: []"}).status_code == 400
    rules = "rules:\n  - id: all-to-rib\n    route:\n      - {to: RIB}\n"
    assert client.post(url, {"rules": rules}).status_code == 302
    assert RoutingRuleSet.objects.order_by("-version").values_list("version", flat=True)[0] == 2
