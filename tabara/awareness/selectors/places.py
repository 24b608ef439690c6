"""Place lookups used when reading spreadsheets."""

from __future__ import annotations

from tabara.geo.selectors import district_choices


def district_lookup() -> dict[str, str]:
    """Lower-case district names and codes → district code (from the cached choice list)."""
    lookup: dict[str, str] = {}
    for code, name in district_choices():
        lookup[code.lower()] = code
        lookup[name.lower()] = code
    return lookup
