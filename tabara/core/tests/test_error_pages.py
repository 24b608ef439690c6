"""Error pages: branded, in the language of the URL prefix, emergency numbers, small, no script."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client, override_settings
from django.utils import translation

from tabara.core.errors import TEXTS

BUDGET = 14 * 1024
EMERGENCY = ("112", "166", "116", "3029")


def bad_request(lang: str) -> object:
    return Client().get(f"/{lang}/report/", HTTP_HOST="not-ours.example")


def forbidden(lang: str) -> object:
    return Client(enforce_csrf_checks=True).post(f"/{lang}/staff/sign-in/", {"username": "x"})


def not_found(lang: str) -> object:
    return Client().get(f"/{lang}/no-such-page/")


def not_allowed(lang: str) -> object:
    return Client().put(f"/{lang}/report/")


@override_settings(PUBLIC_RATE_LIMITS={"default": "1/m"})
def too_many(lang: str) -> object:
    client = Client()
    client.post(f"/{lang}/newsletter/unsubscribe/not-a-token/")
    return client.post(f"/{lang}/newsletter/unsubscribe/not-a-token/")


def server_error(lang: str) -> object:
    return Client(raise_request_exception=False).get(f"/{lang}/")


CASES: dict[int, Callable[[str], object]] = {
    400: bad_request,
    403: forbidden,
    404: not_found,
    405: not_allowed,
    429: too_many,
    500: server_error,
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["rw", "en", "fr"])
@pytest.mark.parametrize("status", sorted(CASES))
def test_error_page(status, lang, monkeypatch) -> None:
    def broken(language: str) -> dict[str, object]:
        raise RuntimeError("synthetic failure")

    monkeypatch.setattr("tabara.awareness.views.public_home.home_highlights", broken)
    response = CASES[status](lang)
    assert response.status_code == status  # type: ignore[attr-defined]
    page = response.content.decode()  # type: ignore[attr-defined]
    with translation.override(lang):
        title = str(TEXTS[status][0])
    with translation.override("en"):
        english = str(TEXTS[status][0])
    assert (title != english) == (lang != "en")  # really translated
    assert f'<html lang="{lang}">' in page
    assert f"<h1>{title}</h1>" in page
    assert all(number in page for number in EMERGENCY)
    assert f'href="/{lang}/"' in page
    assert "<script" not in page.lower()
    assert len(response.content) <= BUDGET  # type: ignore[attr-defined]
    if status == 405:
        assert "GET" in response["Allow"]  # type: ignore[index]
