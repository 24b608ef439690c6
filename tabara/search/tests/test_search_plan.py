"""The search plan: newest first within need-to-know, whichever way the rows are read.

people_matching() reads the rarest token within the searcher's own cases, then probes the
cases shared with it (a rare token read whole, a common one case by case, newest first).
Each path must give what the rule says (tabara/cases/access.py): everyone in owned cases
and cases shared with full scope, only presumed victims where the scope is limited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Role
from tabara.cases.choices import PersonRole
from tabara.cases.models import Case, CasePerson
from tabara.cases.services import case_owner_transfer, case_person_add
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.referrals.models import ViewScope
from tabara.referrals.services import referral_accept, referral_send
from tabara.search import selectors
from tabara.search.models import SearchToken
from tabara.search.query import query_parse
from tabara.search.selectors import people_matching
from tabara.search.services import search_reindex

pytestmark = pytest.mark.django_db


@dataclass
class World:
    rib: User
    shelter: User
    victims: dict[str, CasePerson]  # case label -> the presumed victim "Jean ..."
    suspects: dict[str, CasePerson]  # case label -> the suspect "Jean ..."


def _case(owner: User, label: str, day: int, phone: str) -> tuple[Case, CasePerson, CasePerson]:
    case = case_create(owner, consent_to_share=True)
    Case.objects.filter(pk=case.pk).update(opened_at=datetime(2026, 11, day, tzinfo=UTC))
    victim = case_person_add(
        user=owner,
        case_id=case.pk,
        role=PersonRole.PRESUMED_VICTIM,
        full_name=f"Jean {label}",
        phone=phone,
    )
    suspect = case_person_add(
        user=owner,
        case_id=case.pk,
        role=PersonRole.SUSPECTED_TRAFFICKER,
        full_name=f"Jean-Paul Uwimana {label}",
    )
    return case, victim, suspect


@pytest.fixture
def world(geography: None, make_staff: Callable[..., User]) -> World:
    """HOPE owns the cases of Amani (day 2) and Eza (day 6); RIB shares with HOPE in full
    Bora's (3) and Dusabe's (5), limited Cyusa's (4) and Fura's (7), and keeps Gatete's (8).
    In each case the presumed victim is "Jean <name>", the suspect "Jean-Paul Uwimana <name>".
    """
    agencies: dict[str, Organization] = agencies_create()
    rib = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    shelter = make_staff(roles=[Role.CASE_WORKER], organization=agencies["HOPE"])
    victims, suspects = {}, {}
    plan = [
        ("Amani", shelter, 2, None),
        ("Bora", rib, 3, ViewScope.FULL),
        ("Cyusa", rib, 4, ViewScope.VICTIM_NEEDS),
        ("Dusabe", rib, 5, ViewScope.FULL),
        ("Eza", shelter, 6, None),
        ("Fura", rib, 7, ViewScope.VICTIM_NEEDS),
        ("Gatete", rib, 8, None),
    ]
    for n, (label, owner, day, scope) in enumerate(plan):
        case, victims[label], suspects[label] = _case(owner, label, day, f"07881000{n:02d}")
        if scope is not None:
            referral = referral_send(
                user=rib, case_id=case.pk, to_org=agencies["HOPE"], scope=scope
            )
            referral_accept(user=shelter, referral_id=referral.pk)
    return World(rib=rib, shelter=shelter, victims=victims, suspects=suspects)


def found(user: User, text: str, *, limit: int = 50) -> list[str]:
    return [p.full_name for p in people_matching(user, query_parse(text), limit=limit)]


# What HOPE may see, newest case first, the victim before the suspect within a case.
HOPE_SEES = [
    "Jean Fura",
    "Jean Eza",
    "Jean-Paul Uwimana Eza",
    "Jean Dusabe",
    "Jean-Paul Uwimana Dusabe",
    "Jean Cyusa",
    "Jean Bora",
    "Jean-Paul Uwimana Bora",
    "Jean Amani",
    "Jean-Paul Uwimana Amani",
]


@pytest.mark.parametrize("first", [1, 2, 500])
def test_a_common_name_finds_what_the_rule_allows_newest_first(
    world: World, monkeypatch: pytest.MonkeyPatch, first: int
) -> None:
    # However many shared cases are probed first, the answer is the same.
    monkeypatch.setattr(selectors, "SHARED_FIRST", first)
    assert found(world.shelter, "Jean") == HOPE_SEES
    assert found(world.shelter, "Jean", limit=4) == HOPE_SEES[:4]
    # Two tokens: only the suspects carry Uwimana, and limited cases hide them.
    suspects = [name for name in HOPE_SEES if "Uwimana" in name]
    assert found(world.shelter, "Uwimana Jean-Paul") == suspects
    assert found(world.shelter, "Uwimana", limit=1) == suspects[:1]


def test_a_rare_token_is_read_whole_within_the_same_rule(world: World) -> None:
    assert found(world.shelter, "Jean Fura") == ["Jean Fura"]
    assert found(world.shelter, "Uwimana Fura") == []  # a suspect in a limited case
    assert found(world.shelter, "Uwimana Dusabe") == ["Jean-Paul Uwimana Dusabe"]
    assert found(world.shelter, "Gatete") == []
    assert found(world.shelter, "0788100005") == ["Jean Fura"]
    assert found(world.shelter, "0788100006") == []  # the unshared case's victim
    assert found(world.rib, "0788100006") == ["Jean Gatete"]


def test_a_transferred_case_is_found_by_its_new_owner_only(
    world: World, make_staff: Callable[..., User]
) -> None:
    case_id = world.victims["Gatete"].case_id
    to_org = Organization.objects.get(short_name="IOM")
    iom = make_staff(
        roles=[Role.CASE_WORKER], organization=Organization.objects.get(short_name="IOM")
    )
    assert found(iom, "Gatete") == []
    case_owner_transfer(actor=iom, case=Case.objects.get(pk=case_id), to_org=to_org)
    assert found(iom, "Gatete") == ["Jean Gatete", "Jean-Paul Uwimana Gatete"]
    assert found(world.rib, "Gatete") == []
    # A rebuilt index keeps the new owner.
    search_reindex()
    assert found(iom, "Gatete") == ["Jean Gatete", "Jean-Paul Uwimana Gatete"]


def test_each_token_row_carries_its_case_owner_and_opening_time(world: World) -> None:
    for person in CasePerson.objects.select_related("case"):
        rows = SearchToken.objects.filter(person=person)
        assert rows.exists()
        assert set(rows.values_list("case_id", "owner_org_id", "opened_at")) == {
            (person.case_id, person.case.owner_org_id, person.case.opened_at)
        }
