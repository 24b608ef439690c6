"""The staff page of the public releases: what each spent, what is left, and the policy."""

from __future__ import annotations

import re
from decimal import Decimal
from html import unescape

import pytest
from django.utils import timezone

from tabara.accounts.tests.factories import signed_in
from tabara.opendata.models import PrivacyBudget
from tabara.opendata.releases import BUDGET_NAME, release_publish

pytestmark = pytest.mark.django_db
URL = "/en/staff/statistics/releases/"


def cells(html: str) -> list[list[str]]:
    body = html.split('id="releases"', 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>", 1)[1], re.S)
    return [
        [unescape(c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r)] for r in rows
    ]


def test_each_release_its_spend_per_figure_and_the_budget_left(agencies, analyst) -> None:
    client = signed_in(analyst)
    html = client.get(URL).content.decode()
    assert 'id="no-budget"' in html and "No release yet." in html  # nothing made, nothing written
    assert not PrivacyBudget.objects.exists()
    release_publish(user=analyst, epsilon=Decimal("1"))
    release_publish(user=analyst, epsilon=Decimal("2.5"))
    html = client.get(URL).content.decode()
    # By hand: a budget of 10; 1 + 2.5 spent; five tables share each release's ε.
    assert re.search(r'id="budget-total">10<', html) and re.search(r'id="budget-left">6.5<', html)
    assert re.search(r'id="budget-spent">3.5<', html)
    rows = cells(html)
    who = analyst.get_full_name() or analyst.username
    assert [r[1:5] + r[6:] for r in rows] == [
        [who, "2.5", "0.5", rows[0][4], "6.5"],
        [who, "1", "0.2", "±16", "9"],  # ε 0.2 per table: ±16 (docs/open-data.md)
    ]
    assert 'id="exhausted"' not in html
    assert "for all releases, ever" in html  # the policy


def test_an_exhausted_budget_is_said_plainly_in_each_language(agencies, analyst) -> None:
    PrivacyBudget.objects.create(
        name=BUDGET_NAME, total_epsilon=Decimal("1.5"), created_at=timezone.now()
    )
    release_publish(user=analyst, epsilon=Decimal("1"))
    client = signed_in(analyst)
    assert 'id="exhausted"' in client.get(URL).content.decode()  # 0.5 left: less than one
    for language, title in (("rw", "Amatangazwa y'imibare"), ("fr", "Publications des stat")):
        html = unescape(client.get(f"/{language}/staff/statistics/releases/").content.decode())
        assert title in html and 'id="exhausted"' in html
