"""Countries people are taken or promised to go to, named in the three languages.

The list is short on purpose: the destinations seen in East African trafficking plus
"another country" (ZZ, ISO 3166's user-assigned code). Codes are ISO 3166-1 alpha-2.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "countries.csv"


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    with DATA.open(encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


def country_codes() -> frozenset[str]:
    return frozenset(row["code"] for row in _rows())


@lru_cache(maxsize=4)
def country_choices(language: str) -> tuple[tuple[str, str], ...]:
    lang = language if language in {"rw", "en", "fr"} else "en"
    return tuple((row["code"], row[lang]) for row in _rows())


def country_name(code: str, language: str) -> str:
    return dict(country_choices(language)).get(code, code)
