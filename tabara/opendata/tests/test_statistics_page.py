"""The public statistics page: three languages, no script, no cookie, within 30 KB."""

from __future__ import annotations

import gzip
import re
from decimal import Decimal
from html import unescape

import pytest
from django.db import transaction
from django.test import Client

from tabara.opendata.releases import release_publish
from tabara.opendata.tests.factories import victims_create

PAGE_BUDGET_BYTES = 30 * 1024  # the budget, compressed


@pytest.fixture(scope="module")
def shared_release(shared_agencies, django_db_blocker):
    """150 victims and one release, once for the module's tests that only read the page."""
    from tabara.accounts.models import Organization
    from tabara.accounts.roles import Role
    from tabara.accounts.tests.factories import staff_factory
    from tabara.geo.models import AdminUnit

    with django_db_blocker.unblock(), transaction.atomic():
        organization = Organization.objects.get(pk=shared_agencies["NCDA"])
        analyst = staff_factory(
            roles=[Role.ANALYST], organization=organization, username="page-analyst"
        )
        yield _release(AdminUnit, shared_agencies["RIB"], analyst)
        transaction.set_rollback(True)


@pytest.fixture
def released(shared_release, db):
    return shared_release


def _release(admin_unit, owner_id, analyst):
    from tabara.accounts.models import Organization

    districts = list(admin_unit.objects.filter(level="district"))
    specs = [
        {
            "gender": ("feminine", "masculine")[i % 2],
            "age": 12 + i % 50,
            "district": districts[i % len(districts)],
            "exploitation_type": ("forced_labour", "sexual_exploitation", "organ_removal")[i % 3],
        }
        for i in range(150)
    ]
    victims_create(Organization.objects.get(pk=owner_id), specs)
    return release_publish(user=analyst, epsilon=Decimal("1"))


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("rw", "Abafatwa nk'abahohotewe"),
        ("en", "Presumed victims"),
        ("fr", "Victimes présumées"),
    ],
)
def test_the_page_answers_in_each_language_without_cookie_or_script(
    released, language, words
) -> None:
    response = Client().get(f"/{language}/statistics/")
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert f'<html lang="{language}"' in html and words in html
    assert not response.cookies and response["Cache-Control"] == "no-store"
    assert "<script" not in html
    assert len(gzip.compress(response.content, compresslevel=6)) <= PAGE_BUDGET_BYTES


def test_the_page_shows_the_release_as_released_with_its_margin(released) -> None:
    html = Client().get("/en/statistics/").content.decode()
    assert f"±{released.margin} of the true count" in html
    shown = [int(n) for n in re.findall(r'<td class="n">(\d+)</td>', html)]
    assert shown and min(shown) >= 5
    hidden = sum(v is None for t in released.tables.values() for _c, v in t["cells"])
    assert html.count('<td class="n">—</td>') >= hidden
    for table in released.tables.values():
        for _code, value in table["cells"]:
            if value is not None:
                assert f'<td class="n">{value}</td>' in html


def test_provinces_are_named_in_the_page_s_language(released) -> None:
    # Their official names (organic law No. 29/2005 determining Rwanda's administrative
    # entities), never the geography's English.
    rw = unescape(Client().get("/rw/statistics/").content.decode())
    assert "Intara y'Amajyepfo" in rw and "Umujyi wa Kigali" in rw
    assert "Southern Province" not in rw and "Kigali City" not in rw
    fr = unescape(Client().get("/fr/statistics/").content.decode())
    assert "Ville de Kigali" in fr and "Province de l'Ouest" in fr


def test_the_estimate_is_shown_when_one_was_published(agencies, analyst) -> None:
    from tabara.opendata.models import StatisticsRelease

    release = release_publish(user=analyst)
    StatisticsRelease.objects.filter(pk=release.pk).update(
        estimate={
            "estimate": 1184,
            "low": 950,
            "high": 1491,
            "title": "Lists 2026",
            "finished": "2026-11-30",
        }
    )
    html = Client().get("/en/statistics/").content.decode()
    assert "at 1184 (95% interval: 950 to 1491)" in html and "Lists 2026" in html
