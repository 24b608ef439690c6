"""The public pages in three languages, light and free of script and tracking."""

from __future__ import annotations

import gzip
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tabara.accounts.roles import Role
from tabara.awareness.tests.factories import make_activity, make_article

PAGES = ["", "learn/signs/", "learn/practices/", "activities/", "news/", "newsletter/", "test/"]
PAGE_BUDGET_BYTES = 30 * 1024  # the budget: 30 KB compressed, all assets included
ASSET = re.compile(r'(?:src|href)="([^"#]+)"')


@pytest.mark.parametrize("language", ["rw", "en", "fr"])
def test_every_public_page_answers_in_each_language_without_a_cookie(db, language) -> None:
    for page in PAGES:
        response = Client().get(f"/{language}/{page}")
        assert response.status_code == 200, page
        assert f'<html lang="{language}"'.encode() in response.content
        assert not response.cookies and response["Cache-Control"] == "no-store"
        assert b"<script" not in response.content


def test_the_home_page_has_the_emergency_numbers_and_both_entries(db) -> None:
    html = Client().get("/en/").content.decode()
    for number in ("112", "116", "166", "3029"):
        assert f'href="tel:{number}"' in html
    assert 'href="/en/report/"' in html and 'href="/en/check/"' in html


def test_the_home_page_shows_news_and_coming_activities(geography, make_staff) -> None:
    officer = make_staff(roles=[Role.PROGRAMME_OFFICER])
    make_article(officer)
    make_activity(
        officer, title="Radio talk (synthetic)", held_on=timezone.localdate() + timedelta(days=3)
    )
    make_activity(officer, title="Old training (synthetic)", is_public=True)
    make_activity(officer, title="Private meeting", held_on=timezone.localdate(), is_public=False)
    html = Client().get("/rw/").content.decode()
    assert "Ibiganiro i Rubavu" in html and "Radio talk (synthetic)" in html
    listing = Client().get("/en/activities/").content.decode()
    assert "Old training (synthetic)" in listing and "Private meeting" not in listing


def test_the_signs_page_teaches_from_the_rule_set(db) -> None:
    html = Client().get("/fr/learn/signs/").content.decode()
    assert ("<h3>" in html and "passeurs" in html.lower()) or "trafic" in html.lower()


def page_weight(client: Client, path: str) -> int:
    html = client.get(path).content
    total = len(gzip.compress(html, compresslevel=6))
    for url in ASSET.findall(html.decode()):
        assert not url.startswith(("http://", "https://", "//")), url
        if url.startswith("/static/"):
            total += len(gzip.compress(client.get(url).content))
    assert b"@font-face" not in html
    return total


@pytest.mark.parametrize("language", ["rw", "en", "fr"])
def test_home_and_article_pages_fit_30_kb_compressed(geography, make_staff, language) -> None:
    officer = make_staff(roles=[Role.PROGRAMME_OFFICER])
    long_body = "\n\n".join(
        f"Paragraph {i}: awareness sessions in Rubavu, Rusizi and Nyagatare (synthetic)."
        for i in range(60)
    )
    article = make_article(officer, bodies={"en": long_body, "rw": long_body, "fr": long_body})
    for i in range(3):
        make_activity(officer, title=f"Coming activity {i}", held_on=timezone.localdate())
    from tabara.awareness.services.articles import comment_post

    for i in range(20):
        comment = comment_post(
            article=article,
            name=f"Reader {i}",
            email=f"r{i}@example.org",
            body="A thoughtful comment about prevention in our village. " * 4,
            language=language,
            base_url="http://testserver",
        )
        comment.status = "approved"
        comment.save(update_fields=["status"])
    client = Client()
    assert page_weight(client, f"/{language}/") <= PAGE_BUDGET_BYTES
    assert page_weight(client, f"/{language}/news/{article.slug}/") <= (PAGE_BUDGET_BYTES)
