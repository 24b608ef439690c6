"""Which case victims an organization may see in linkage results: the case page's rule."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tabara.accounts.roles import Role
from tabara.cases.choices import PersonRole, ViewScope
from tabara.cases.linkage_reads import people_open_to_organization
from tabara.cases.services import case_person_add
from tabara.referrals.services import referral_accept, referral_send

pytestmark = pytest.mark.django_db


def test_owned_and_referred_cases_are_open_others_are_not(
    linkage_world: SimpleNamespace, make_staff
) -> None:
    w = linkage_world
    ids = [w.own_victim.pk, w.other_victim.pk]
    rib, nar, hope = w.agencies["RIB"], w.agencies["NAR"], w.agencies["HOPE"]
    assert people_open_to_organization(rib.pk, ids) == {w.own_victim.pk}
    assert people_open_to_organization(nar.pk, ids) == {w.other_victim.pk}
    assert people_open_to_organization(hope.pk, ids) == set()
    assert people_open_to_organization(None, ids) == set()
    # A shelter that accepted a victims-only referral of RIB's case sees its victim...
    w.own_case.consent_to_share = True
    w.own_case.save(update_fields=["consent_to_share"])
    referral = referral_send(
        user=w.officer, case_id=w.own_case.pk, to_org=hope, scope=ViewScope.VICTIM_NEEDS
    )
    assert people_open_to_organization(hope.pk, ids) == set()  # not before accepting
    referral_accept(
        user=make_staff(roles=[Role.CASE_WORKER], organization=hope), referral_id=referral.pk
    )
    assert people_open_to_organization(hope.pk, ids) == {w.own_victim.pk}
    # ...but never a suspect of that case (linkage reads presumed victims only).
    suspect = case_person_add(
        user=w.officer, case_id=w.own_case.pk, role=PersonRole.SUSPECTED_TRAFFICKER,
        full_name="Synthetic Suspect",
    )  # fmt: skip
    assert people_open_to_organization(rib.pk, [suspect.pk]) == set()
