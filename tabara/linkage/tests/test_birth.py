"""Birth with its precision (linkage notes 3.4): full date, year only, age-derived, missing;
1 January and 31 December are placeholders for an unknown day."""

from __future__ import annotations

import datetime as dt

import pytest

from tabara.linkage.birth import BirthInvalid, Precision, birth_parse

TODAY = dt.date(2026, 6, 30)


@pytest.mark.parametrize(
    ("birth_date", "age", "year", "precision"),
    [
        ("2008-03-14", "", 2008, Precision.DATE),
        ("2008-3-4", "", 2008, Precision.DATE),
        ("2008", "", 2008, Precision.YEAR),
        ("2008-01-01", "", 2008, Precision.YEAR),
        ("2008-12-31", "", 2008, Precision.YEAR),
        ("", "17", 2009, Precision.AGE),
        ("2008-03-14", "40", 2008, Precision.DATE),  # the date is the more precise
    ],
)
def test_precision_is_kept(birth_date: str, age: str, year: int, precision: Precision) -> None:
    birth = birth_parse(birth_date, age, today=TODAY)
    assert birth is not None
    assert (birth.year, birth.precision) == (year, precision)
    assert (birth.date is not None) == (precision is Precision.DATE)


def test_nothing_recorded_is_none() -> None:
    assert birth_parse(" ", "", today=TODAY) is None


@pytest.mark.parametrize(
    ("birth_date", "age"),
    [("2008-02-30", ""), ("14/03/2008", ""), ("2027", ""), ("", "about 17"), ("", "130")],
)
def test_unreadable_births_say_why(birth_date: str, age: str) -> None:
    with pytest.raises(BirthInvalid):
        birth_parse(birth_date, age, today=TODAY)
