"""Authorization of every URL, held to the table in tests/url_access.py.

The expected access of each URL comes from that table alone, never from the view. One world
is built per test module: four organizations (OWN owns a real object for every `<int:...>`
parameter; SHARED and LIMITED accepted full and victim-only referrals of OWN's case; OTHER
has nothing to do with any of it), one signed-in user per role in each. Every staff URL is
then requested with GET and with POST, anonymously and by each of the 24 users, each request
in a savepoint that is rolled back so that no request changes what the next one sees:

- anonymous: the sign-in page (or 405 where the table refuses the method);
- a user whose role lacks the permission, or whose organization is outside the scope:
  404, the same answer as for an object that does not exist;
- everyone else: not refused (no 403, 404, 405, sign-in redirect or server error).

It fails when a view's permission changes. Changing `@staff_required(Perm.STATS_VIEW)` on
the case statistics view to `Perm.CASE_VIEW` gave (run once, then reverted):

    FAILED tests/test_url_authorization.py::test_staff_url_follows_the_table[cases:statistics]
    AssertionError: /en/staff/cases/statistics/: 16 requests did not get the expected answer
      GET intake_officer of own: got allowed, expected 404
      GET intake_officer of shared: got allowed, expected 404
      ... (the same for every intake officer and case worker)
      GET analyst of own: got 404, expected allowed
      ... (the same for every analyst and programme officer)

(The same change on prevalence's estimation_detail does not fail: its selector checks
prevalence.run again, so access does not change; the test judges access, not decorators.)
A URL that is not in the table fails test_every_url_is_in_the_table, naming the row to add.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Role, permissions_for
from tabara.accounts.tests.factories import signed_in, staff_factory
from tabara.attachments.files import file_inspect
from tabara.attachments.services import attachment_add_to_case
from tabara.attachments.tests import samples
from tabara.awareness.services.articles import comment_post
from tabara.awareness.services.newsletter import IssueInput, issue_save
from tabara.awareness.tests.factories import make_activity, make_article
from tabara.cases.choices import ClosureReason, PersonRole, ServiceType
from tabara.cases.closure import case_close
from tabara.cases.models import Case
from tabara.cases.plan import case_service_plan
from tabara.cases.services import case_person_add
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.geo.services import geography_load
from tabara.intake.tests.factories import submit_report
from tabara.prevalence.services import estimation_create, estimation_run
from tabara.privacy.services.breaches import breach_record
from tabara.recruitment.tests.factories import make_agency
from tabara.referrals.models import ViewScope
from tabara.referrals.services import referral_accept, referral_send
from tabara.screening.services import screening_start
from tests.url_access import EXPECTED, Relation, Rule, Staff

SAMPLE_TABLE = Path(__file__).parents[1] / "tabara/prevalence/tests/data/artificial_3lists.csv"


def named_patterns() -> Iterator[tuple[str, str]]:
    """(namespaced name, route) of every pattern in the URL configuration."""

    def walk(
        items: list[URLPattern | URLResolver], prefix: str, spaces: list[str]
    ) -> Iterator[tuple[str, str]]:
        for item in items:
            if isinstance(item, URLResolver):
                inner = [*spaces, item.namespace] if item.namespace else spaces
                yield from walk(item.url_patterns, prefix + str(item.pattern), inner)
            else:
                yield ":".join([*spaces, item.name or "<unnamed>"]), prefix + str(item.pattern)

    yield from walk(get_resolver().url_patterns, "", [])


ROUTES = list(named_patterns())
STAFF = sorted(name for name, row in EXPECTED.items() if isinstance(row, Staff))


def test_every_url_is_in_the_table() -> None:
    names = [name for name, _route in ROUTES]
    missing = [f"{name} ({route})" for name, route in ROUTES if name not in EXPECTED]
    assert not missing, (
        "URLs without a row in tests/url_access.py EXPECTED: "
        + ", ".join(missing)
        + '. Add e.g. "app:name": both(Perm.X, OWN_ONLY) with the access the law and the'
        " issue require (see that module's docstring)."
    )
    assert len(names) == len(set(names)), "each URL needs a name of its own"
    assert set(EXPECTED) <= set(names), set(EXPECTED) - set(names)
    assert len(STAFF) >= 40


@dataclass
class World:
    objects: dict[str, int]
    clients: dict[tuple[Role, Relation], Client]
    orgs: dict[Relation, Organization]


def _estimation(user: User) -> int:
    with SAMPLE_TABLE.open() as handle:
        rows = list(csv.reader(handle))
    estimation = estimation_create(
        user=user,
        title="Synthetic three lists",
        file_name="sample.csv",
        rows=rows,
        method="loglinear",
        threshold=0.05,
        bootstrap=2,
        seed=1,
    )
    return estimation_run(estimation_id=estimation.pk).pk


def _linkage_list(user: User, *, mapped: bool) -> int:
    from tabara.linkage.lists import list_map, list_upload, mapping_guess
    from tabara.linkage.tests.conftest import list_csv

    upload = list_upload(user=user, agency="Shelter", file_name="list.csv", content=list_csv())
    if mapped:
        list_map(user=user, list_id=upload.pk, mapping=mapping_guess(upload.columns))
    return upload.pk


def _link_run(user: User) -> int:
    """A finished run of the world's case victims and a list, with pairs to review."""
    from tabara.linkage.services import RunInput, link_run_create, link_run_execute

    data = RunInput(
        title="Synthetic run",
        include_cases=True,
        list_ids=(_linkage_list(user, mapped=True),),
        threshold=0.5,
    )
    return link_run_execute(run_id=link_run_create(user=user, data=data).pk).pk


def _attachment(user: User) -> int:
    """A PDF on the case that the OWN organization opened last (its shared case)."""
    case = Case.objects.filter(owner_org=user.organization).order_by("-id").first()
    assert case is not None
    return attachment_add_to_case(
        user=user, case_id=case.pk, file=file_inspect(samples.pdf()), name="synthetic.pdf"
    ).pk


def _comment(user: User) -> int:
    article = make_article(user, slug="world-article")
    return comment_post(
        article=article,
        name="Synthetic reader",
        email="reader@example.org",
        body="A synthetic comment.",
        language="en",
        base_url="http://testserver",
    ).pk


# For each `<int:...>` path parameter: a real object of the OWN organization, made by a
# user of it who holds every role. A new parameter needs a builder here.
OBJECTS: dict[str, Callable[[User, dict[Relation, Organization]], int]] = {
    "report_id": lambda user, orgs: submit_report().report.pk,
    "interview_id": lambda user, orgs: screening_start(user=user, subject="Synthetic").pk,
    "estimation_id": lambda user, orgs: _estimation(user),
    # An uploaded list whose columns are still to be mapped (its page shows the mapping form).
    "list_id": lambda user, orgs: _linkage_list(user, mapped=False),
    "run_id": lambda user, orgs: _link_run(user),
    "activity_id": lambda user, orgs: make_activity(user).pk,
    "article_id": lambda user, orgs: make_article(user).pk,
    "comment_id": lambda user, orgs: _comment(user),
    "breach_id": lambda user, orgs: (
        breach_record(
            user=user,
            data={"discovered_at": timezone.now(), "nature": "Synthetic", "data_categories": "x"},
        ).pk
    ),
    "person_id": lambda user, orgs: (
        case_person_add(
            user=user,
            case_id=Case.objects.filter(owner_org=user.organization).order_by("id")[0].pk,
            role=PersonRole.PRESUMED_VICTIM,
            full_name="Synthetic Person",
        ).pk
    ),
    "organization_id": lambda user, orgs: orgs[Relation.OWN].pk,
    "user_id": lambda user, orgs: (
        staff_factory(roles=[Role.INTAKE_OFFICER], organization=orgs[Relation.OWN]).pk
    ),
    "attachment_id": lambda user, orgs: _attachment(user),
    "issue_id": lambda user, orgs: (
        issue_save(
            user=user, data=IssueInput(subjects={"en": "Synthetic"}, bodies={"en": "Body"})
        ).pk
    ),
    "agency_id": lambda user, orgs: make_agency().pk,
    # Last: it opens (and closes) a case of its own, and _attachment uses the newest case.
    "follow_up_id": lambda user, orgs: _follow_up(user),
}


def _follow_up(user: User) -> int:
    case = case_create(user)
    case_close(user=user, case_id=case.pk, reason=ClosureReason.REINTEGRATED)
    return case.follow_ups.order_by("months").values_list("pk", flat=True)[0]


def _case_and_referrals(owner: User, orgs: dict[Relation, Organization]) -> dict[str, int]:
    case = case_create(owner, consent_to_share=True, summary="Synthetic investigation summary")
    case_person_add(
        user=owner, case_id=case.pk, role=PersonRole.PRESUMED_VICTIM, full_name="Victim Synth"
    )
    ids = {"case_id": case.pk}
    for relation, scope in (
        (Relation.SHARED, ViewScope.FULL),
        (Relation.LIMITED, ViewScope.VICTIM_NEEDS),
    ):
        referral = referral_send(user=owner, case_id=case.pk, to_org=orgs[relation], scope=scope)
        receiver = staff_factory(roles=[Role.CASE_WORKER], organization=orgs[relation])
        referral_accept(user=receiver, referral_id=referral.pk)
        if relation == Relation.SHARED:
            ids["referral_id"] = referral.pk
    service = case_service_plan(
        user=owner,
        case_id=case.pk,
        service_type=ServiceType.SHELTER,
        provider_org=orgs[Relation.LIMITED],
    )
    return ids | {"service_id": service.pk}


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    """Built once per module inside a transaction that is rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        geography_load(levels=("province", "district", "sector"))
        agencies = agencies_create()
        orgs = {
            Relation.OWN: agencies["RIB"],
            Relation.SHARED: agencies["ISANGE-KCY"],
            Relation.LIMITED: agencies["HOPE"],
            Relation.OTHER: agencies["NAR"],
        }
        owner = staff_factory(roles=list(Role), organization=orgs[Relation.OWN])
        objects = _case_and_referrals(owner, orgs)
        objects |= {name: build(owner, orgs) for name, build in OBJECTS.items()}
        clients = {
            (role, relation): signed_in(staff_factory(roles=[role], organization=org))
            for role in Role
            for relation, org in orgs.items()
        }
        yield World(objects=objects, clients=clients, orgs=orgs)
        transaction.set_rollback(True)


def url_of(name: str, row: Staff, objects: dict[str, int]) -> str:
    route = dict(ROUTES)[name]
    kwargs: dict[str, Any] = dict(row.params)
    for part in route.split("<")[1:]:
        converter, _, param = part.split(">")[0].rpartition(":")
        if converter == "int":
            assert param in objects, (
                f"{name}: no object for <int:{param}>; add a builder to OBJECTS in {__file__}"
            )
            kwargs[param] = objects[param]
        else:
            assert param in kwargs, f"{name}: give <{converter}:{param}> a value in its row"
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def staff_pages(objects: dict[str, int]) -> Iterator[tuple[str, str]]:
    """(name, path) of every staff URL that answers a GET, with the world's objects."""
    for name in STAFF:
        row = EXPECTED[name]
        assert isinstance(row, Staff)
        if row.get is not None:
            yield name, url_of(name, row, objects)


def _request(client: Client, method: str, url: str, data: dict[str, str]) -> HttpResponse:
    """One request whose changes are rolled back, so every user meets the same world."""
    with transaction.atomic():
        response: HttpResponse = getattr(client, method)(url, data if method == "post" else {})
        transaction.set_rollback(True)
    return response


def _outcome(response: HttpResponse) -> str:
    location = response.get("Location", "")
    if response.status_code == 302 and "/sign-in/" in location:
        return "sign-in"
    if response.status_code in (403, 404, 405) or response.status_code >= 500:
        return str(response.status_code)
    return "allowed"


def _expected(rule: Rule | None, role: Role, relation: Relation) -> str:
    if rule is None:
        return "405"
    held = permissions_for([role.value])
    if rule.anywhere is not None and rule.anywhere in held:
        return "allowed"
    holds = rule.perm is None or rule.perm in held
    return "allowed" if holds and relation in rule.scope else "404"


@pytest.mark.django_db
@pytest.mark.parametrize("name", STAFF)
def test_staff_url_follows_the_table(world: World, name: str) -> None:
    row = EXPECTED[name]
    assert isinstance(row, Staff)
    url = url_of(name, row, world.objects)
    wrong = []
    for method, rule in (("get", row.get), ("post", row.post)):
        anonymous = _outcome(_request(Client(), method, url, row.post_data))
        if anonymous != ("405" if rule is None else "sign-in"):
            wrong.append(f"{method.upper()} anonymous: got {anonymous}")
        for (role, relation), client in world.clients.items():
            got = _outcome(_request(client, method, url, row.post_data))
            expected = _expected(rule, role, relation)
            if got != expected:
                wrong.append(
                    f"{method.upper()} {role} of {relation}: got {got}, expected {expected}"
                )
    assert not wrong, f"{url}: {len(wrong)} requests did not get the expected answer\n" + "\n".join(
        wrong
    )


@pytest.mark.django_db
def test_a_limited_partner_sees_the_victim_not_the_suspect(world: World) -> None:
    owner = staff_factory(roles=[Role.CASE_WORKER], organization=world.orgs[Relation.OWN])
    case_id = world.objects["case_id"]
    case_person_add(
        user=owner,
        case_id=case_id,
        role=PersonRole.SUSPECTED_TRAFFICKER,
        full_name="Suspect Synthetic",
    )
    shared = world.clients[(Role.CASE_WORKER, Relation.SHARED)].get(f"/en/staff/cases/{case_id}/")
    assert "Suspect Synthetic" in shared.content.decode()
    limited = world.clients[(Role.CASE_WORKER, Relation.LIMITED)]
    page = limited.get(f"/en/staff/cases/{case_id}/").content.decode()
    assert "Victim Synth" in page
    assert "Suspect Synthetic" not in page and "Synthetic investigation" not in page


@pytest.mark.django_db
def test_a_referral_is_not_visible_before_it_is_accepted(world: World) -> None:
    owner = staff_factory(roles=[Role.CASE_WORKER], organization=world.orgs[Relation.OWN])
    case = case_create(owner, consent_to_share=True)
    referral = referral_send(
        user=owner, case_id=case.pk, to_org=world.orgs[Relation.OTHER], scope=ViewScope.FULL
    )
    client = world.clients[(Role.CASE_WORKER, Relation.OTHER)]
    assert client.get(f"/en/staff/cases/{case.pk}/").status_code == 404
    assert client.get(f"/en/staff/referrals/{referral.pk}/").status_code == 200
    referral_accept(
        user=staff_factory(roles=[Role.CASE_WORKER], organization=world.orgs[Relation.OTHER]),
        referral_id=referral.pk,
    )
    assert client.get(f"/en/staff/cases/{case.pk}/").status_code == 200


@pytest.mark.django_db
def test_analysts_see_de_identified_counts_only(world: World, settings, tmp_path) -> None:
    from tabara.cases.models import Case
    from tabara.dashboards.snapshot import snapshot_refresh

    settings.DASHBOARDS_SNAPSHOT = tmp_path / "snapshot.duckdb"
    owner = staff_factory(roles=[Role.CASE_WORKER], organization=world.orgs[Relation.OWN])
    for _ in range(6):
        case_create(owner, summary="Named person Synthetic")
    snapshot_refresh()
    page = world.clients[(Role.ANALYST, Relation.OTHER)].get("/en/staff/statistics/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Named person" not in text and "C-0" not in text
    # Every organization's cases are counted: the world's own and these 6 (the database's
    # own count, not the dashboard's).
    assert f'id="kpi-cases">{Case.objects.count()}<' in text
