"""What a search box's text means: a reference, an identity number, a phone or a name.

Checked in that order: "C-000123" / "R-45" name a case or report; 16 digits (spaces and
dashes ignored) are a national ID number (docs/search.md); 9 or more digits are a phone in
any Rwandan or international spelling; a word of a few letters then digits is a passport
or foreign document number; anything else with letters is a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from tabara.core.phones import phone_normalise
from tabara.search.blind import TermKind, blind_token, identity_normalise
from tabara.search.names import name_tokens

_REFERENCE = re.compile(r"^\s*([CR])\s*-?\s*0*(\d{1,12})\s*$", re.IGNORECASE)
_NUMBER = re.compile(r"^[\s+()\-./0-9]+$")
_DIGITS = re.compile(r"\D")
# A passport or foreign ID: letters then digits, as one word ("PC1234567").
_DOCUMENT = re.compile(r"^[A-Za-z]{1,3}[0-9]{5,}$")


class QueryKind(StrEnum):
    EMPTY = "empty"
    CASE = "case"
    REPORT = "report"
    IDENTITY = "identity"
    PHONE = "phone"
    NAME = "name"


@dataclass(frozen=True)
class Query:
    """A parsed query: its kind, the record id for a reference, the tokens otherwise."""

    kind: QueryKind
    record_id: int = 0
    phone: str = ""
    tokens: tuple[str, ...] = ()


def query_parse(text: str) -> Query:
    text = text.strip()[:200]
    if match := _REFERENCE.match(text):
        kind = QueryKind.CASE if match.group(1).upper() == "C" else QueryKind.REPORT
        return Query(kind=kind, record_id=int(match.group(2)))
    if _NUMBER.match(text):
        digits = _DIGITS.sub("", text)
        if len(digits) == 16:
            token = blind_token(TermKind.IDENTITY, identity_normalise(digits))
            return Query(kind=QueryKind.IDENTITY, tokens=(token,))
        if len(digits) >= 9 and (number := phone_normalise(text)):
            token = blind_token(TermKind.PHONE, number)
            return Query(kind=QueryKind.PHONE, phone=number, tokens=(token,))
        return Query(kind=QueryKind.EMPTY)
    if _DOCUMENT.match(text):
        token = blind_token(TermKind.IDENTITY, identity_normalise(text))
        return Query(kind=QueryKind.IDENTITY, tokens=(token,))
    tokens = tuple(blind_token(TermKind.NAME, token) for token in name_tokens(text))
    return Query(kind=QueryKind.NAME if tokens else QueryKind.EMPTY, tokens=tokens)
