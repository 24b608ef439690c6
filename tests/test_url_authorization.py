"""Authorization of every URL, generated from the URL configuration.

1. Every URL pattern must declare who may use it: `staff_required(perm)` (tabara_perm),
   `public_route` (tabara_public), any verified staff (tabara_staff_any), or be one of the
   few listed below. A new view without a declaration fails here.
2. Every staff URL is requested as an anonymous visitor and as every role of an assigned
   and of an unassigned organization; the outcome must follow the permission matrix in
   tabara/accounts/roles.py: sign-in for anonymous users, 404 without the permission, and
   for a case or referral, 200 for the assigned organization and 404 for any other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp.plugins.otp_totp.models import TOTPDevice

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Perm, Role, permissions_for
from tabara.cases.choices import PersonRole
from tabara.cases.services import case_person_add
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.referrals.models import ViewScope
from tabara.referrals.services import referral_accept, referral_send

# Patterns open to everyone on purpose, with the reason.
UNDECLARED_OK = {
    "root": "redirects to a language prefix",
    "healthz": "liveness probe, no data",
    "login": "the sign-in page itself",
    "logout": "signing out needs no permission",
    "home": "staff landing (accounts:home): signs in, then redirects to a permitted section",
    "invitation": "the single-use token in the URL is the credential (accounts/tests)",
}
# The JSON API authorizes per operation; SMS/USSD gateway callbacks by a secret in the URL.
# Both are covered by their own tests.
UNDECLARED_PREFIXES = ("api/", "gateway/")


def patterns() -> Iterator[tuple[str, URLPattern]]:
    def walk(
        items: list[URLPattern | URLResolver], prefix: str
    ) -> Iterator[tuple[str, URLPattern]]:
        for item in items:
            if isinstance(item, URLResolver):
                yield from walk(item.url_patterns, prefix + str(item.pattern))
            else:
                yield prefix + str(item.pattern), item

    yield from walk(get_resolver().url_patterns, "")


World = tuple[dict[str, int], dict[tuple[Role, str], User], dict[str, Any]]
ALL = list(patterns())
STAFF = [(route, p) for route, p in ALL if getattr(p.callback, "tabara_perm", None)]


def test_every_pattern_declares_who_may_use_it() -> None:
    undeclared = [
        route
        for route, p in ALL
        if not any(
            getattr(p.callback, marker, False)
            for marker in ("tabara_perm", "tabara_public", "tabara_staff_any")
        )
        and p.name not in UNDECLARED_OK
        and not route.startswith(UNDECLARED_PREFIXES)
    ]
    assert undeclared == []
    assert len(STAFF) >= 9


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()
    return client


@pytest.fixture
def world(geography: None, make_staff: Callable[..., User]) -> World:
    """Org A owns a case and received a referral on another; org U has nothing."""
    agencies = agencies_create()
    assigned, other = agencies["NAR"], agencies["RIB"]
    unassigned = Organization.objects.create(name="Unassigned", short_name="UN", kind="shelter")
    owner = make_staff(roles=[Role.SUPERVISOR], organization=assigned)
    case = case_create(owner, consent_to_share=True)
    sender = make_staff(roles=[Role.CASE_WORKER], organization=other)
    referred = case_create(sender, consent_to_share=True)
    referral = referral_send(user=sender, case_id=referred.pk, to_org=assigned)
    users = {
        (role, org_key): make_staff(roles=[role], organization=org)
        for role in Role
        for org_key, org in (("assigned", assigned), ("unassigned", unassigned))
    }
    return {"case_id": case.pk, "referral_id": referral.pk}, users, agencies


def url_for(route: str, ids: dict[str, int]) -> str | None:
    """The path with our object ids filled in; unknown int ids get one that does not exist."""
    path = route
    for name in ("case_id", "referral_id"):
        path = path.replace(f"<int:{name}>", str(ids[name]))
    path = path.replace("<int:", "<missing:")
    while "<missing:" in path:
        start = path.index("<missing:")
        path = path[:start] + "987654" + path[path.index(">", start) + 1 :]
    return None if "<" in path else "/" + path


@pytest.mark.django_db
def test_every_staff_url_follows_the_permission_matrix(world: World) -> None:
    ids, users, _agencies = world
    clients = {key: signed_in(user) for key, user in users.items()}
    anonymous = Client()
    checked = 0
    for route, pattern in STAFF:
        url = url_for(route, ids)
        if url is None:
            continue  # string parameters (formats, tokens) belong to their own tests
        perm: Perm = pattern.callback.tabara_perm  # type: ignore[attr-defined]
        method = "get" if anonymous.get(url).status_code != 405 else "post"  # POST-only views
        response = getattr(anonymous, method)(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"], url
        ours = "<int:case_id>" in route or "<int:referral_id>" in route
        foreign_object = "<int:" in route and not ours
        for (role, org_key), client in clients.items():
            status = getattr(client, method)(url).status_code
            if perm not in permissions_for([role.value]):
                expected = 404
            elif foreign_object:
                expected = 404  # an object that does not exist
            elif ours:
                expected = 200 if org_key == "assigned" else 404
            else:
                expected = 200
            assert status == expected, (url, role, org_key, status)
            checked += 1
    assert checked >= 9 * len(clients)


@pytest.mark.django_db
def test_any_signed_in_staff_sees_only_their_notifications(world: World) -> None:
    _ids, users, _agencies = world
    assert Client().get("/en/staff/notifications/").status_code == 302
    for user in users.values():
        assert signed_in(user).get("/en/staff/notifications/").status_code == 200


@pytest.mark.django_db
def test_a_shelter_with_a_limited_referral_sees_the_victim_not_the_suspect(
    world: World, make_staff: Callable[..., User]
) -> None:
    _ids, _users, agencies = world
    rib = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    case = case_create(rib, consent_to_share=True, summary="Secret investigation summary")
    for role, name in (
        (PersonRole.PRESUMED_VICTIM, "Victim Synthetic"),
        (PersonRole.SUSPECTED_TRAFFICKER, "Suspect Synthetic"),
    ):
        case_person_add(user=rib, case_id=case.pk, role=role, full_name=name, needs="Shelter")
    shelter = make_staff(roles=[Role.CASE_WORKER], organization=agencies["HOPE"])
    referral = referral_send(
        user=rib, case_id=case.pk, to_org=agencies["HOPE"], scope=ViewScope.VICTIM_NEEDS
    )
    client = signed_in(shelter)
    assert client.get(f"/en/staff/cases/{case.pk}/").status_code == 404  # not accepted yet
    assert client.get(f"/en/staff/referrals/{referral.pk}/").status_code == 200
    referral_accept(user=shelter, referral_id=referral.pk)
    page = client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    assert "Victim Synthetic" in page and "Shelter" in page
    assert "Suspect Synthetic" not in page and "Secret investigation" not in page
    assert client.get(f"/en/staff/cases/{case.pk}/refer/").status_code == 404


@pytest.mark.django_db
def test_analysts_see_de_identified_counts_only(
    world: World, make_staff: Callable[..., User]
) -> None:
    _ids, users, agencies = world
    rib = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    for _ in range(6):
        case_create(rib, summary="Named person Synthetic")
    page = signed_in(users[(Role.ANALYST, "unassigned")]).get("/en/staff/cases/statistics/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Named person" not in text and "C-0" not in text
    assert "<td>8</td>" in text  # 8 active cases in all, from every organization
