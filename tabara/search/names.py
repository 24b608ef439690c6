"""Fold people's names into order-free tokens that survive Rwandan spelling variants.

Pure Python, no Django. The rules follow docs/search.md (from the project's linkage notes):
names are an unordered set; case, accents, hyphens and apostrophes do not matter; French
particles (de, d', du, des, la, le) are dropped; and within a token the spelling variants of
Kinyarwanda collapse to one form:

- ch is written c;
- jy and cy before i or e became g and k in the 2014 orthography (umujyi -> umugi);
- l and r are one sound (Habyalimana = Habyarimana);
- a doubled vowel is the same vowel (vowel length is not written officially).
"""

from __future__ import annotations

import re
import unicodedata

PARTICLES = frozenset({"de", "d", "du", "des", "la", "le"})
_SEPARATORS = re.compile(r"[^a-z0-9]+")
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ch"), "c"),
    (re.compile(r"jy(?=[ie])"), "g"),
    (re.compile(r"cy(?=[ie])"), "k"),
    (re.compile(r"l"), "r"),
    (re.compile(r"([aeiou])\1+"), r"\1"),
)


def _plain(text: str) -> str:
    """Lower case without accents: "Léonce" -> "leonce"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def token_fold(token: str) -> str:
    """One lower-case, accent-free token with the Kinyarwanda spelling variants folded.

    The rules are applied until nothing changes ("cchhe" -> "cche" -> "cce"), so folding a
    folded token gives it back. Every rule shortens the token or removes an l: it ends.
    """
    while True:
        folded = token
        for pattern, replacement in _FOLDS:
            folded = pattern.sub(replacement, folded)
        if folded == token:
            return token
        token = folded


def name_tokens(name: str) -> list[str]:
    """The distinct folded tokens of a name, sorted: the same for any order or spelling.

    Single letters (initials) and particles are dropped because they would match too much,
    before folding and after it ("aa" folds to "a", "dee" to "de"), so that the tokens of
    the tokens are the tokens.
    """
    words = _SEPARATORS.split(_plain(name))
    folded = {token_fold(word) for word in words if _kept(word)}
    return sorted(token for token in folded if _kept(token))


def _kept(token: str) -> bool:
    return len(token) > 1 and token not in PARTICLES
