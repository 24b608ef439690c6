"""The public statistics' tables: counts of presumed victims on fixed categories (Django-free).

Every table lists the same categories whatever the data, so that the presence of a
category tells nothing; years are the last YEARS calendar years plus "earlier".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from tabara.opendata.ctdc import AGE_GROUPS, age_band
from tabara.opendata.records import VictimRecord

YEARS = 5
EARLIER = "earlier"
NOT_RECORDED = "not_recorded"
DIMENSIONS = ("year", "province", "exploitation", "sex", "age")
EXPLOITATION_TYPES = (
    "sexual_exploitation",
    "forced_labour",
    "domestic_servitude",
    "forced_marriage",
    "organ_removal",
    "forced_criminality",
    "illegal_adoption",
    "other",
    "unknown",
)
SEXES = ("feminine", "masculine", NOT_RECORDED)
AGE_GROUP_CODES = ("0--17", "18--29", "30--47", "48+", NOT_RECORDED)


def categories(today: date, provinces: Sequence[str]) -> dict[str, list[str]]:
    """The categories of each table, in the order shown."""
    years = [str(year) for year in range(today.year - YEARS + 1, today.year + 1)]
    return {
        "year": [EARLIER, *years],
        "province": [*provinces, NOT_RECORDED],
        "exploitation": list(EXPLOITATION_TYPES),
        "sex": list(SEXES),
        "age": list(AGE_GROUP_CODES),
    }


def _cell(dimension: str, record: VictimRecord, domain: list[str]) -> str:
    if dimension == "year":
        year = str(record.opened_on.year)
        return year if year in domain else EARLIER
    if dimension == "province":
        return record.province if record.province in domain else NOT_RECORDED
    if dimension == "exploitation":
        return record.exploitation_types[0]
    if dimension == "sex":
        return record.gender if record.gender in SEXES else NOT_RECORDED
    band = age_band(record.age, record.is_child)
    return AGE_GROUPS.get(band, NOT_RECORDED)


def count_tables(
    records: Iterable[VictimRecord], today: date, provinces: Sequence[str]
) -> dict[str, dict[str, int]]:
    """Exact counts per category of each dimension (each record in one cell of each table)."""
    domains = categories(today, provinces)
    tables = {dim: dict.fromkeys(domain, 0) for dim, domain in domains.items()}
    for record in records:
        for dim, domain in domains.items():
            cell = _cell(dim, record, domain)
            tables[dim][cell if cell in tables[dim] else domain[-1]] += 1
    return tables
