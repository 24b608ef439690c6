"""Helpers shared by the awareness views."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language

from tabara.core.links import absolute_url


def site_base() -> str:
    """This site's address for links in e-mails, from TABARA_SITE_URL (no trailing slash).

    Never from the request: a forged Host header must not end up in a mailed link, and a
    link in an e-mail must not depend on which address the sender happened to use.
    """
    return absolute_url("/").rstrip("/")


def lang() -> str:
    return get_language() or settings.LANGUAGE_CODE
