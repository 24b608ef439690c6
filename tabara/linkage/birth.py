"""Birth with its precision: a full date, a year only, a year derived from an age, or nothing.

Pure Python. Agencies record a full date, a year (the NIN carries only the year), an age
stated at the interview ("about 17"), or nothing (docs/linkage.md). 1 January and
31 December are common placeholders for an unknown day, so they count as year-only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")
_AGE = re.compile(r"^(\d{1,3})$")
OLDEST = 120


class Precision(StrEnum):
    DATE = "date"
    YEAR = "year"
    AGE = "age"


class BirthInvalid(ValueError):
    """The birth date or age cannot be read (the message says why)."""


@dataclass(frozen=True, slots=True)
class Birth:
    """A year of birth, the full date when known, and how precise it is."""

    year: int
    precision: Precision
    date: dt.date | None = None

    @property
    def tolerance(self) -> int:
        """How many years off the year may be and still be this person's."""
        return 2 if self.precision is Precision.AGE else 0


def _check_year(year: int, today: dt.date) -> int:
    if year > today.year:
        raise BirthInvalid(f"the birth year {year} is in the future")
    if year < today.year - OLDEST:
        raise BirthInvalid(f"the birth year {year} is more than {OLDEST} years ago")
    return year


def birth_parse(birth_date: str, age: str, *, today: dt.date) -> Birth | None:
    """The birth recorded as YYYY-MM-DD or YYYY, else as an age in whole years on `today`.

    None when neither is given; BirthInvalid when the one given cannot be read. The date
    wins when both are given (it is the more precise).
    """
    birth_date, age = birth_date.strip(), age.strip()
    if birth_date:
        return _from_date(birth_date, today)
    if not age:
        return None
    if (match := _AGE.match(age)) is None:
        raise BirthInvalid(f"the age {age!r} is not a whole number of years")
    years = int(match.group(1))
    if years > OLDEST:
        raise BirthInvalid(f"the age {years} is more than {OLDEST}")
    return Birth(year=today.year - years, precision=Precision.AGE)


def _from_date(text: str, today: dt.date) -> Birth:
    if match := _YEAR.match(text):
        return Birth(year=_check_year(int(match.group(1)), today), precision=Precision.YEAR)
    if (match := _DATE.match(text)) is None:
        raise BirthInvalid(f"the birth date {text!r} is neither YYYY-MM-DD nor YYYY")
    try:
        date = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError as error:
        raise BirthInvalid(f"the birth date {text!r} does not exist") from error
    if date > today:
        raise BirthInvalid(f"the birth date {text} is in the future")
    year = _check_year(date.year, today)
    if (date.month, date.day) in {(1, 1), (12, 31)}:
        return Birth(year=year, precision=Precision.YEAR)
    return Birth(year=year, precision=Precision.DATE, date=date)
