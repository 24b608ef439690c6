"""Helpers shared by the awareness views."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language


def base_url(request: HttpRequest) -> str:
    """Scheme and host of this site, for links in emails (no path, no trailing slash)."""
    return request.build_absolute_uri("/").rstrip("/")


def lang() -> str:
    return get_language() or settings.LANGUAGE_CODE
