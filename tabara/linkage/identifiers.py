"""Identifiers that connect reports and cases to a recruiter network (issue #14).

Pure rules (Django only for the keyed hash): find phone numbers, social-media accounts and
links, and vehicle plates in free text; normalise each (phones E.164; accounts lower-cased
per platform, without "@" or the URL around them; WhatsApp links are phones; plates
upper-cased without spaces); fold agency names (case, accents, punctuation and legal
suffixes go), and a suspected recruiter's name as its order-free folded tokens (names.py);
and index each by a keyed hash, so the index never holds the identifier.
The linkage notes (5.2) say why: these are the deterministic keys of network linkage.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from tabara.core.crypto import keyed_hash
from tabara.core.phones import phone_normalise
from tabara.linkage.names import name_key


class Kind(StrEnum):
    PHONE = "phone"
    ACCOUNT = "account"
    PLATE = "plate"
    AGENCY = "agency"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class Identifier:
    """One normalised identifier: `value` is comparable as it stands."""

    kind: Kind
    value: str

    @property
    def key(self) -> str:
        """The keyed hash that the index stores instead of the identifier."""
        return keyed_hash(f"{self.kind}:{self.value}", purpose="identifier")


_PLATFORMS = {
    "facebook.com": "facebook", "fb.com": "facebook", "m.facebook.com": "facebook",
    "instagram.com": "instagram", "tiktok.com": "tiktok", "x.com": "x", "twitter.com": "x",
    "t.me": "telegram", "telegram.me": "telegram", "linkedin.com/in": "linkedin",
}  # fmt: skip
_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?P<host>(?:m\.)?facebook\.com|fb\.com|instagram\.com|tiktok\.com"
    r"|x\.com|twitter\.com|t\.me|telegram\.me|linkedin\.com/in)/@?(?P<handle>[A-Za-z0-9_.\-]+)",
    re.IGNORECASE,
)
_WHATSAPP = re.compile(r"(?:https?://)?(?:wa\.me|api\.whatsapp\.com/send\?phone=)/?\+?(\d{9,15})")
_HANDLE = re.compile(r"(?<![\w@/.])@(?P<handle>[A-Za-z0-9_][A-Za-z0-9_.]{1,29})\b")
# Rwandan plates: R + two letters, three digits, a letter (RAB 123 A); also the state's GR.
_PLATE = re.compile(r"\b(R[A-Z]{2}|GR)\s?-?(\d{3})\s?-?([A-Z])\b")
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d .\-()]{7,17}\d(?!\w)")
_LEGAL = frozenset({"ltd", "limited", "sarl", "sa", "plc", "inc", "co", "company", "llc", "rw"})
_WORDS = re.compile(r"[^a-z0-9]+")


def _account(platform: str, handle: str) -> Identifier:
    return Identifier(Kind.ACCOUNT, f"{platform}:{handle.strip('.').lower()}")


def identifiers_extract(text: str) -> list[Identifier]:
    """Every identifier in `text`, each once, in order of first appearance."""
    found: list[Identifier] = []
    used: list[tuple[int, int]] = []
    for match in _WHATSAPP.finditer(text):
        if phone := phone_normalise("+" + match.group(1)):
            found.append(Identifier(Kind.PHONE, phone))
        used.append(match.span())
    for match in _URL.finditer(text):
        host = match.group("host").lower()
        found.append(_account(_PLATFORMS[host], match.group("handle")))
        used.append(match.span())
    for match in _HANDLE.finditer(text):
        found.append(_account("unknown", match.group("handle")))
    for match in _PLATE.finditer(text.upper()):
        found.append(Identifier(Kind.PLATE, "RW:" + "".join(match.groups())))
    for match in _PHONE.finditer(text):
        if any(start <= match.start() < end for start, end in used):
            continue
        if phone := phone_normalise(match.group(0)):
            found.append(Identifier(Kind.PHONE, phone))
    return list(dict.fromkeys(found))


def agency_fold(name: str) -> Identifier | None:
    """An agency's name folded: "Trans-Border Jobs Ltd." = "TRANSBORDER JOBS"; None if empty."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    words = [w for w in _WORDS.split(plain.replace("-", "")) if w and w not in _LEGAL]
    return Identifier(Kind.AGENCY, " ".join(words)) if words else None


def recruiter_name_fold(name: str) -> Identifier | None:
    """A suspected recruiter's name as its sorted folded tokens; None under two tokens.

    "NSENGIMANA Jean-Paul" = "Pawulo Yohani Nsengimana". A single name ("Eric") is too
    common to connect two records on its own, so it is not an identifier.
    """
    tokens = name_key(name)
    return Identifier(Kind.NAME, " ".join(tokens)) if len(tokens) >= 2 else None
