"""One input row -> one prepared record for the model, or the reasons it cannot be used.

Pure Python. Each field is read on its own, so a bad date or an unreadable ID number
costs that field only (reported with the reason), never the row; only a row without a
record id cannot be kept. The national ID supplies sex and birth year when the record
has none, and is checked against the ones it has (docs/linkage.md).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tabara.core.phones import phone_normalise
from tabara.linkage.birth import Birth, BirthInvalid, Precision, birth_parse
from tabara.linkage.names import name_key, name_stems
from tabara.linkage.nin import NINInvalid, nin_conflicts, nin_parse

COLUMNS = (
    "record_id",
    "source",
    "full_name",
    "sex",
    "birth_date",
    "age",
    "nin",
    "phone",
    "district",
)
REQUIRED = ("record_id", "source", "full_name")
_SEXES = {
    **dict.fromkeys(("m", "male", "man", "gabo", "homme", "h", "masculin"), "M"),
    **dict.fromkeys(("f", "female", "woman", "gore", "femme", "feminin", "féminin"), "F"),
}
_ADMIN_UNITS = Path(__file__).resolve().parent.parent / "geo" / "data" / "admin_units.csv"


@lru_cache(maxsize=1)
def district_codes() -> frozenset[str]:
    """The 30 districts' 2-digit NISR codes (tabara/geo/data/admin_units.csv)."""
    with _ADMIN_UNITS.open(newline="", encoding="utf-8") as handle:
        return frozenset(
            row["code"] for row in csv.DictReader(handle) if row["level"] == "district"
        )


@dataclass(slots=True)
class Prepared:
    """A row as the model compares it; empty strings and None mean "not recorded"."""

    record_id: str
    source: str
    line: int
    tokens: tuple[str, ...] = ()
    stems: tuple[str, ...] = ()
    sex: str = ""
    birth: Birth | None = None
    nin: str = ""
    nin_core: str = ""
    phone: str = ""
    district: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def linkable(self) -> bool:
        """A record without a name token is kept in its own cluster, never linked."""
        return bool(self.tokens)


# The same numbers come back many times in a list: normalise each spelling once.
_phone_cached = lru_cache(maxsize=200_000)(phone_normalise)


def record_prepare(values: dict[str, str], *, line: int, today: dt.date) -> Prepared:
    """The prepared record of one row of text cells keyed by column name.

    The caller has checked that the record id is present. Problems are collected on the
    record (each names the field and the reason); a field with a problem is left empty.
    """
    record = Prepared(record_id=values["record_id"], source=values.get("source", ""), line=line)
    if not record.source:
        record.problems.append("source is empty: the record is on no list")
    record.tokens = name_key(values.get("full_name", ""))
    record.stems = name_stems(record.tokens)
    if not record.tokens:
        record.problems.append("full_name has no name in it: the record is not linked")
    sex = values.get("sex", "").strip().casefold()
    if sex:
        record.sex = _SEXES.get(sex, "")
        if not record.sex:
            record.problems.append(f"sex {values['sex']!r} is not M or F: ignored")
    try:
        record.birth = birth_parse(values.get("birth_date", ""), values.get("age", ""), today=today)
    except BirthInvalid as error:
        record.problems.append(f"{error}: ignored")
    _nin_read(record, values.get("nin", ""), today)
    phone = values.get("phone", "").strip()
    if phone:
        record.phone = _phone_cached(phone)
        if not record.phone:
            record.problems.append(f"phone {phone!r} is not a valid number: ignored")
    district = values.get("district", "").strip()
    if district:
        if district.isdigit() and len(district) == 1:
            district = "0" + district
        if district in district_codes():
            record.district = district
        else:
            record.problems.append(f"district {district!r} is not a district code: ignored")
    return record


def _nin_read(record: Prepared, text: str, today: dt.date) -> None:
    if not text.strip():
        return
    try:
        nin = nin_parse(text, current_year=today.year)
    except NINInvalid as error:
        record.problems.append(f"nin: {error}: ignored")
        return
    record.nin, record.nin_core = nin.number, nin.core
    birth = record.birth
    conflicts = nin_conflicts(
        nin,
        birth_year=birth.year if birth else None,
        sex=record.sex or None,
        year_tolerance=birth.tolerance if birth else 0,
    )
    # A conflict is reported and kept: the model weighs both fields, a person decides.
    record.problems.extend(f"nin: {conflict}" for conflict in conflicts)
    if not record.sex:
        record.sex = nin.sex
    if birth is None or (birth.precision is Precision.AGE and not conflicts):
        record.birth = Birth(year=nin.birth_year, precision=Precision.YEAR)
