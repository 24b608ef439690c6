"""Keyed tokens of the blind index: HMAC-SHA256 under TABARA_SEARCH_KEY, one per term.

The kind of a term (name token, phone, identity number) is part of the message, so a name
and a number can never share a token. The key is read from settings on each call (never
at import time) and an empty key refuses to work rather than index in clear.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from enum import StrEnum

from django.conf import settings

from tabara.core.phones import phone_normalise
from tabara.search.names import name_tokens

_NOT_ALNUM = re.compile(r"[^0-9A-Z]")


class TermKind(StrEnum):
    NAME = "n"
    PHONE = "p"
    IDENTITY = "i"


class SearchKeyMissing(RuntimeError):
    """TABARA_SEARCH_KEY is empty: the index would not be keyed."""


def blind_token(kind: TermKind, term: str) -> str:
    key = str(getattr(settings, "TABARA_SEARCH_KEY", "")).encode()
    if not key:
        raise SearchKeyMissing("TABARA_SEARCH_KEY is empty: refusing to build a search index.")
    digest = hmac.new(key, f"{kind}:{term}".encode(), hashlib.sha256).hexdigest()
    return digest[:32]


def identity_normalise(raw: str) -> str:
    """An identity number as upper-case letters and digits: "1 1990 8 0012345 0 12" -> 16 digits."""
    return _NOT_ALNUM.sub("", raw.upper())


def person_tokens(*, full_name: str, phone: str, identity_number: str) -> set[str]:
    """Every token under which a person can be found."""
    tokens = {blind_token(TermKind.NAME, token) for token in name_tokens(full_name)}
    if number := phone_normalise(phone):
        tokens.add(blind_token(TermKind.PHONE, number))
    if identity := identity_normalise(identity_number):
        tokens.add(blind_token(TermKind.IDENTITY, identity))
    return tokens
