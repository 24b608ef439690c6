"""Helpers shared by the awareness views."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from tabara.accounts.access import verified_staff
from tabara.accounts.models import User


def base_url(request: HttpRequest) -> str:
    """Scheme and host of this site, for links in emails (no path, no trailing slash)."""
    return request.build_absolute_uri("/").rstrip("/")


def lang() -> str:
    return get_language() or settings.LANGUAGE_CODE


def staff_user(request: HttpRequest) -> User:
    """The verified staff member (the view is already wrapped in staff_required)."""
    user = verified_staff(request)
    assert user is not None  # noqa: S101 - guaranteed by staff_required
    return user
