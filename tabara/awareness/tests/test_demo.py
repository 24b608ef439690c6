"""The demo data loads, is idempotent, and fills every public and staff page."""

from __future__ import annotations

from django.test import Client

from tabara.accounts.roles import Role
from tabara.awareness.demo import awareness_demo_load
from tabara.awareness.models import Activity, Article, Subscriber


def test_demo_loads_once_and_shows_everywhere(geography, staff_client) -> None:
    client, officer = staff_client(Role.PROGRAMME_OFFICER)
    awareness_demo_load(officer=officer)
    awareness_demo_load(officer=officer)
    assert Activity.objects.count() == 4
    assert Article.objects.get().comments.get().status == "approved"
    assert Subscriber.objects.get().status == "confirmed"
    assert "Gicumbi" in client.get("/en/staff/awareness/").content.decode()
    page = Client().get("/fr/news/national-conference/").content.decode()
    assert "Conférence nationale" in page and "Jean-Paul (demo)" in page
