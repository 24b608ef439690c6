"""Absolute links for texts read outside the site: emails, SMS and in-app alerts."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def absolute_url(path: str) -> str:
    """The site address (TABARA_SITE_URL) followed by an absolute path such as /en/staff/."""
    base = str(getattr(settings, "TABARA_SITE_URL", "")).rstrip("/")
    if not base:
        raise ImproperlyConfigured("TABARA_SITE_URL is not set: links in alerts need it.")
    if not path.startswith("/"):
        raise ValueError(f"not an absolute path: {path!r}")
    return base + path
