"""Age bands of victims, as the CTDC global dataset groups ages (`ageBroad`). Django-free.

CTDC publishes ages in these bands so that no exact age travels with a record; counting
victims in the same bands lets an analyst compare Rwanda's figures with the global ones.
"""

from __future__ import annotations

# (code, lowest age, highest age); the codes are the labels, the same in every language.
BANDS: tuple[tuple[str, int, int], ...] = (
    ("0-8", 0, 8),
    ("9-17", 9, 17),
    ("18-20", 18, 20),
    ("21-23", 21, 23),
    ("24-26", 24, 26),
    ("27-29", 27, 29),
    ("30-38", 30, 38),
    ("39-47", 39, 47),
    ("48+", 48, 200),
)
UNKNOWN = "unknown"
CODES = (*(code for code, _low, _high in BANDS), UNKNOWN)


def age_band(age: int | None) -> str:
    """The band of an age in years; UNKNOWN when it was not recorded."""
    if age is None:
        return UNKNOWN
    for code, low, high in BANDS:
        if low <= age <= high:
            return code
    return UNKNOWN


def age_band_sql(column: str) -> str:
    """The same banding as a SQL CASE expression over an integer column (for DuckDB)."""
    whens = " ".join(
        f"WHEN {column} BETWEEN {low} AND {high} THEN '{code}'" for code, low, high in BANDS
    )
    return f"CASE {whens} ELSE '{UNKNOWN}' END"
