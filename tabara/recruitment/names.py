"""Agency names folded for lookup: like people's names, without company noise.

Pure Python, no Django. It reuses search's folding (tabara/search/names.py: case, accents,
hyphens, apostrophes, Kinyarwanda spelling variants, word order) and drops the words that
only say an agency is a company ("Ltd", "Company", "SARL", "Agency"...), so that
"Horizon Jobs Ltd" and "HORIZON JOBS COMPANY LIMITED" give the same key.
"""

from __future__ import annotations

from collections.abc import Iterable

from tabara.search.names import name_tokens, token_fold

# Legal forms and generic words of agency names in English, French and Kinyarwanda.
_NOISE = (
    "ltd", "limited", "company", "co", "compagnie", "cie", "sarl", "sa", "srl", "llc", "plc",
    "inc", "corp", "corporation", "group", "groupe", "enterprise", "enterprises",
    "entreprise", "ets", "etablissement", "etablissements", "agency", "agence", "agencies",
    "the", "and", "et", "na", "ikigo", "sosiyete",
)  # fmt: skip
NOISE = frozenset(token_fold(word) for word in _NOISE)


def agency_key(name: str) -> tuple[str, ...]:
    """The sorted, distinct folded tokens of an agency name without company noise.

    A name made only of noise ("The Company Ltd") keeps its tokens, so it is still findable.
    """
    tokens = name_tokens(name)
    kept = tuple(token for token in tokens if token not in NOISE)
    return kept or tuple(tokens)


def key_text(key: Iterable[str]) -> str:
    """A key as stored in the database: its tokens joined by single spaces."""
    return " ".join(key)


def key_matches(query: tuple[str, ...], stored: tuple[str, ...]) -> bool:
    """True when every token of the query is a token of the stored name (order-free).

    "Horizon" finds "Horizon Jobs Ltd"; "Horizon Travel" does not.
    """
    return bool(query) and set(query) <= set(stored)
