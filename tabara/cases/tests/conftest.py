"""Fixtures for case tests: agencies and staff in them."""

from __future__ import annotations

import pytest

from tabara.cases.tests.factories import agencies_create


@pytest.fixture
def agencies(geography):
    return agencies_create()


@pytest.fixture
def team(agencies, make_staff):
    """RIB owns a case (worker opened it); HOPE (limited) and NCDA (full) accepted referrals."""
    from types import SimpleNamespace

    from tabara.accounts.roles import Role
    from tabara.cases.choices import PersonRole, ViewScope
    from tabara.cases.services import case_person_add
    from tabara.cases.tests.factories import case_create
    from tabara.referrals.services import referral_accept, referral_send

    t = SimpleNamespace(agencies=agencies)
    t.supervisor = make_staff(roles=[Role.SUPERVISOR], organization=agencies["RIB"])
    t.worker = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    t.other_worker = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    t.shelter = make_staff(roles=[Role.CASE_WORKER], organization=agencies["HOPE"])
    t.ncda = make_staff(roles=[Role.CASE_WORKER], organization=agencies["NCDA"])
    t.outsider = make_staff(roles=[Role.SUPERVISOR], organization=agencies["NAR"])
    t.case = case_create(t.worker, consent_to_share=True)
    case_person_add(
        user=t.worker, case_id=t.case.pk, role=PersonRole.PRESUMED_VICTIM, full_name="Ineza Test"
    )
    for user, scope in ((t.shelter, ViewScope.VICTIM_NEEDS), (t.ncda, ViewScope.FULL)):
        sent = referral_send(
            user=t.worker, case_id=t.case.pk, to_org=user.organization, scope=scope
        )
        referral_accept(user=user, referral_id=sent.pk)
    return t
