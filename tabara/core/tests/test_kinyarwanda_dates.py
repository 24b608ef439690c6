"""Dates on Kinyarwanda pages are in Kinyarwanda, as the Unicode CLDR writes them.

The expected words are CLDR's, copied from unicode-org/cldr common/main/rw.xml (gregorian
calendar, format context; Unicode-3.0 licence), not from Tabara's catalogue.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

# <monthWidth type="wide"> and <monthWidth type="abbreviated">, months 1 to 12.
CLDR_RW_MONTHS_WIDE = (
    "Mutarama", "Gashyantare", "Werurwe", "Mata", "Gicurasi", "Kamena",
    "Nyakanga", "Kanama", "Nzeri", "Ukwakira", "Ugushyingo", "Ukuboza",
)  # fmt: skip
CLDR_RW_MONTHS_ABBREVIATED = (
    "Mut.", "Gas.", "Wer.", "Mat.", "Gic.", "Kam.",
    "Nya.", "Kan.", "Nze.", "Ukw.", "Ugu.", "Uku.",
)  # fmt: skip
# <dayWidth type="wide"> and <dayWidth type="abbreviated">, Monday to Sunday.
CLDR_RW_DAYS_WIDE = (
    "Kuwa mbere", "Kuwa kabiri", "Kuwa gatatu", "Kuwa kane",
    "Kuwa gatanu", "Kuwa gatandatu", "Ku cyumweru",
)  # fmt: skip
CLDR_RW_DAYS_ABBREVIATED = ("Mbe.", "Kab.", "Gtu.", "Kan.", "Gnu.", "Gnd.", "Cyu.")
ENGLISH = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "a.m.", "p.m.", "noon", "midnight",
)  # fmt: skip
MONDAY = date(2026, 11, 30)  # a Monday


def render(source: str, **context: object) -> str:
    with translation.override("rw"):
        return Template(source).render(Context(context))


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_is_named_as_cldr_names_it(month: int) -> None:
    day = date(2026, month, 9)
    wide, abbreviated = CLDR_RW_MONTHS_WIDE[month - 1], CLDR_RW_MONTHS_ABBREVIATED[month - 1]
    shown = render('{{ d|date:"F" }}|{{ d|date:"E" }}|{{ d|date:"N" }}|{{ d|date:"M" }}', d=day)
    assert shown.split("|") == [wide, wide, abbreviated, abbreviated[:3]]
    # The default format, used wherever a template prints a date as it is: CLDR's yMMMd.
    assert render("{{ d }}", d=day) == f"9 {wide} 2026"


def test_every_day_of_the_week_is_named_as_cldr_names_it() -> None:
    week = [MONDAY + timedelta(days=n) for n in range(7)]
    assert [render('{{ d|date:"l" }}', d=d) for d in week] == list(CLDR_RW_DAYS_WIDE)
    assert [render('{{ d|date:"D" }}', d=d) for d in week] == list(CLDR_RW_DAYS_ABBREVIATED)


def test_a_moment_printed_as_it_is_has_no_english_word_and_a_24_hour_clock() -> None:
    moment = datetime(2026, 5, 1, 12, 5, tzinfo=ZoneInfo("Africa/Kigali"))
    shown = render("{{ m }}|{{ m|date }}|{{ m|time }}", m=moment)
    assert shown == "1 Gicurasi 2026 12:05|1 Gicurasi 2026|12:05"
    assert not any(word in shown for word in ENGLISH)
