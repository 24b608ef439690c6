"""Finding people by name, phone, ID number and reference, within need-to-know, audited."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.test import override_settings

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.choices import PersonRole
from tabara.cases.models import Case
from tabara.cases.services import case_person_add
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.intake.tests.factories import submit_report
from tabara.referrals.models import ViewScope
from tabara.referrals.services import referral_accept, referral_send
from tabara.search.models import SearchToken
from tabara.search.services import search_reindex, search_run

VICTIM = "HABYARIMANA Jean-de-Dieu"
VICTIM_NIN = "1199080012345012"
SUSPECT = "Mukamana Claire"


@dataclass
class World:
    rib: User
    case: Case
    agencies: dict[str, Organization]


@pytest.fixture
def world(geography: None, make_staff: Callable[..., User]) -> World:
    agencies = agencies_create()
    rib = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    case = case_create(rib, consent_to_share=True)
    case_person_add(
        user=rib,
        case_id=case.pk,
        role=PersonRole.PRESUMED_VICTIM,
        full_name=VICTIM,
        phone="+250788123456",
        identity_number=VICTIM_NIN,
    )
    case_person_add(
        user=rib,
        case_id=case.pk,
        role=PersonRole.SUSPECTED_TRAFFICKER,
        full_name=SUSPECT,
        phone="0722 000 111",
    )
    return World(rib=rib, case=case, agencies=agencies)


def names(user: User, text: str) -> list[str]:
    return [person.full_name for person in search_run(user=user, text=text).people]


@pytest.mark.parametrize(
    "typed",
    [
        "Jean de Dieu Habyarimana",
        "habyalimana jean-de-dieu",  # r/l and another order
        "HABYARIMANA",
        "Habyaarimana",  # a doubled vowel
        "Jean Dieu Habyarimana",
    ],
)
def test_a_name_is_found_in_any_order_and_spelling(world: World, typed: str) -> None:
    assert names(world.rib, typed) == [VICTIM]


@pytest.mark.parametrize(
    "typed", ["0788 123 456", "+250 788-123-456", "250788123456", "00250788123456", "788123456"]
)
def test_a_phone_is_found_in_any_rwandan_spelling(world: World, typed: str) -> None:
    assert names(world.rib, typed) == [VICTIM]


def test_an_id_number_a_reference_and_a_partial_name(world: World) -> None:
    assert names(world.rib, "1 1990 8 0012345 0 12") == [VICTIM]
    assert names(world.rib, "1199080012345013") == []  # one digit off is someone else
    found = search_run(user=world.rib, text=f"c-{world.case.pk}")
    assert [case.pk for case in found.cases] == [world.case.pk]
    assert names(world.rib, "Claire") == [SUSPECT]
    assert names(world.rib, "Claire Habyarimana") == []  # every name typed must match


def test_a_report_is_found_by_reference_and_by_its_reporter_phone(
    world: World, make_staff: Callable[..., User]
) -> None:
    report = submit_report(wants_contact=True, contact_phone="+250 733 444 555").report
    officer = make_staff(roles=[Role.INTAKE_OFFICER], organization=world.agencies["RIB"])
    assert [r.pk for r in search_run(user=officer, text="0733444555").reports] == [report.pk]
    assert [r.pk for r in search_run(user=officer, text=f"R-{report.pk:06d}").reports] == [
        report.pk
    ]
    assert search_run(user=world.rib, text=f"R-{report.pk}").reports == []  # no report.view


def test_a_partner_finds_only_whom_it_could_open(
    world: World, make_staff: Callable[..., User]
) -> None:
    shelter = make_staff(roles=[Role.CASE_WORKER], organization=world.agencies["HOPE"])
    stranger = make_staff(roles=[Role.CASE_WORKER], organization=world.agencies["IOM"])
    referral = referral_send(
        user=world.rib,
        case_id=world.case.pk,
        to_org=world.agencies["HOPE"],
        scope=ViewScope.VICTIM_NEEDS,
    )
    assert names(shelter, "Habyarimana") == []  # not accepted yet
    referral_accept(user=shelter, referral_id=referral.pk)
    assert names(shelter, "Habyarimana") == [VICTIM]
    assert names(shelter, "Mukamana") == []  # limited scope: no suspect
    assert names(shelter, "0722000111") == []
    assert search_run(user=shelter, text=f"C-{world.case.pk}").cases == [world.case]
    for text in ("Habyarimana", "Mukamana", "0788123456", VICTIM_NIN, f"C-{world.case.pk}"):
        found = search_run(user=stranger, text=text)
        assert found.people == [] and found.cases == []


def test_searches_are_audited_without_what_was_typed(world: World) -> None:
    search_run(user=world.rib, text="Habyalimana")
    search_run(user=world.rib, text="0788 123 456")
    events = list(AuditEvent.objects.filter(action=AuditAction.SEARCHED).order_by("id"))
    assert [e.extra["kind"] for e in events] == ["name", "phone"]
    assert all(e.actor_id == world.rib.pk and e.extra["cases"] == [world.case.pk] for e in events)
    stored = json.dumps([e.extra for e in events]).lower()
    tokens = set(SearchToken.objects.values_list("token", flat=True))
    assert "habya" not in stored and "788" not in stored
    assert not any(token in stored for token in tokens)


def test_the_index_holds_no_readable_term_and_follows_its_key(world: World) -> None:
    stored = " ".join(SearchToken.objects.values_list("token", flat=True))
    for clear in ("habyarimana", "habyarimana".replace("r", "l"), "788123456", VICTIM_NIN):
        assert clear not in stored
    with override_settings(TABARA_SEARCH_KEY="a-new-search-key"):
        assert names(world.rib, "Habyarimana") == []  # old tokens, new key
        assert search_reindex() == SearchToken.objects.count() > 0
        assert names(world.rib, "Habyarimana") == [VICTIM]
    assert names(world.rib, "Habyarimana") == []  # the index now follows the new key


def test_rotate_keys_rebuilds_the_index(world: World) -> None:
    with override_settings(TABARA_SEARCH_KEY="rotated-search-key"):
        call_command("rotate_keys", stdout=io.StringIO())
        assert names(world.rib, "Jean Habyarimana") == [VICTIM]


def test_nothing_to_search_is_not_audited(world: World) -> None:
    assert search_run(user=world.rib, text=" - ").query.kind == "empty"
    assert search_run(user=world.rib, text="a").people == []
    assert not AuditEvent.objects.filter(action=AuditAction.SEARCHED).exists()
