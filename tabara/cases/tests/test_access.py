"""access_case_by_id and case_list_accessible: need-to-know, failing closed."""

from __future__ import annotations

import pytest

from tabara.accounts.roles import Role
from tabara.cases.access import CaseNotFound, Purpose, access_case_by_id, case_list_accessible
from tabara.cases.choices import PersonRole
from tabara.cases.services import case_person_add
from tabara.cases.tests.factories import case_create
from tabara.referrals.models import ViewScope
from tabara.referrals.services import referral_accept, referral_close, referral_send

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(agencies, make_staff):
    rib = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    case = case_create(rib, consent_to_share=True)
    case_person_add(user=rib, case_id=case.pk, role=PersonRole.PRESUMED_VICTIM, full_name="A. U.")
    case_person_add(user=rib, case_id=case.pk, role=PersonRole.SUSPECTED_TRAFFICKER, full_name="X")
    shelter = make_staff(roles=[Role.CASE_WORKER], organization=agencies["HOPE"])
    return rib, case, shelter


def assert_hidden(user, case_id: int, purpose: Purpose = Purpose.VIEW) -> None:
    with pytest.raises(CaseNotFound):
        access_case_by_id(user, case_id, purpose=purpose)


def test_the_owning_organization_sees_everything(world, make_staff, agencies) -> None:
    rib, case, _shelter = world
    colleague = make_staff(roles=[Role.SUPERVISOR], organization=agencies["RIB"])
    access = access_case_by_id(colleague, case.pk, purpose=Purpose.VIEW)
    assert access.owner and access.full and access.people().count() == 2
    assert list(case_list_accessible(rib)) == [case]


def test_other_organizations_and_missing_cases_look_the_same(world) -> None:
    _rib, case, shelter = world
    assert_hidden(shelter, case.pk)
    assert_hidden(shelter, case.pk + 1000)
    assert not case_list_accessible(shelter).exists()


def test_a_limited_referral_shows_the_victim_not_the_suspects(world) -> None:
    rib, case, shelter = world
    referral = referral_send(
        user=rib, case_id=case.pk, to_org=shelter.organization, scope=ViewScope.VICTIM_NEEDS
    )
    assert_hidden(shelter, case.pk)  # sent, not yet accepted
    referral_accept(user=shelter, referral_id=referral.pk)
    access = access_case_by_id(shelter, case.pk, purpose=Purpose.VIEW)
    assert not access.owner and not access.full
    assert [p.role for p in access.people()] == [PersonRole.PRESUMED_VICTIM]
    assert all(not event.needs_full_scope for event in access.timeline())
    assert access.timeline().count() < case.events.count()
    assert_hidden(shelter, case.pk, Purpose.UPDATE)
    assert_hidden(shelter, case.pk, Purpose.REFER)
    referral_close(user=shelter, referral_id=referral.pk, outcome="Sheltered for two weeks")
    assert_hidden(shelter, case.pk)


def test_roles_without_case_view_see_nothing(world, make_staff, agencies) -> None:
    _rib, case, _shelter = world
    for role in (Role.ANALYST, Role.PROGRAMME_OFFICER, Role.ADMINISTRATOR):
        user = make_staff(roles=[role], organization=agencies["RIB"])
        assert_hidden(user, case.pk)
        assert not case_list_accessible(user).exists()


def test_intake_officers_may_not_refer(world, make_staff, agencies) -> None:
    _rib, case, _shelter = world
    intake = make_staff(roles=[Role.INTAKE_OFFICER], organization=agencies["RIB"])
    assert access_case_by_id(intake, case.pk, purpose=Purpose.VIEW).full
    assert_hidden(intake, case.pk, Purpose.REFER)


def test_a_limited_partner_never_learns_who_else_received_the_case(world, agencies) -> None:
    rib, case, shelter = world
    for org, scope in ((agencies["NCDA"], ViewScope.FULL), (agencies["IOM"], ViewScope.FULL)):
        referral_send(user=rib, case_id=case.pk, to_org=org, scope=scope)
    ours = referral_send(
        user=rib, case_id=case.pk, to_org=shelter.organization, scope=ViewScope.VICTIM_NEEDS
    )
    referral_accept(user=shelter, referral_id=ours.pk)
    timeline = list(access_case_by_id(shelter, case.pk, purpose=Purpose.VIEW).timeline())
    seen = {event.organization_id for event in timeline} | {e.subject_org_id for e in timeline}
    assert seen <= {rib.organization_id, shelter.organization_id, None}
    assert not any("NCDA" in event.note or "IOM" in event.note for event in timeline)
    kinds = [event.kind for event in timeline]
    assert kinds.count("referral_sent") == 1 and "referral_accepted" in kinds  # its own
