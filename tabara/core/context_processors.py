"""Template context shared by every page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language


def languages(request: HttpRequest) -> dict[str, object]:
    """Links to the same page in each language: a switcher that needs no JavaScript."""
    current = get_language() or settings.LANGUAGE_CODE
    path = request.path
    links = []
    for code, _name in settings.LANGUAGES:
        local_names = {"rw": "Ikinyarwanda", "en": "English", "fr": "Français"}
        links.append(
            {
                "code": code,
                "name": local_names[code],
                "url": translate_url(path, code),
                "current": code == current,
            }
        )
    return {"language_links": links, "current_language": current}
