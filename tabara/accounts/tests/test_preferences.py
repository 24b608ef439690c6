"""My preferences: staff choose the language of their pages and of their alerts."""

from __future__ import annotations

import pytest
from django.test import Client

from tabara.accounts.roles import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", list(Role))
def test_every_role_may_choose_a_language(staff_client, role) -> None:
    client, user = staff_client(role)
    page = client.get("/en/staff/preferences/")
    assert page.status_code == 200
    assert 'value="fr"' in page.content.decode()
    response = client.post("/en/staff/preferences/", {"language": "fr"})
    # The next page is already in the language chosen.
    assert response.status_code == 302
    assert response["Location"] == "/fr/staff/preferences/?saved=1"
    user.refresh_from_db()
    assert user.language == "fr"
    saved = client.get(response["Location"]).content.decode()
    assert "Enregistré." in saved


def test_an_unknown_language_is_refused_with_a_message_and_nothing_changes(staff_client) -> None:
    client, user = staff_client(Role.CASE_WORKER)
    response = client.post("/en/staff/preferences/", {"language": "de"})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    user.refresh_from_db()
    assert user.language == "rw"


def test_anonymous_visitors_are_sent_to_sign_in() -> None:
    response = Client().post("/en/staff/preferences/", {"language": "fr"})
    assert response.status_code == 302 and "/staff/sign-in/" in response["Location"]
