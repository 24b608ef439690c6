"""The 16-digit national ID number: structure from the linkage notes 3.2 (position 1 status,
2-5 birth year, 6 sex 8 male / 7 female, 7-13 serial, 14 issue count, 15-16 check)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tabara.linkage.nin import NINInvalid, nin_conflicts, nin_parse


def test_a_citizens_number_reads_as_the_notes_describe() -> None:
    nin = nin_parse("1 1995 8 0012345 0 67", current_year=2026)
    assert (nin.status, nin.birth_year, nin.sex, nin.serial, nin.issue) == (
        1, 1995, "M", "0012345", 0,
    )  # fmt: skip
    assert nin.core == "1199580012345"
    assert nin_parse("1199570012345167", current_year=2026).sex == "F"


@pytest.mark.parametrize(
    "text",
    [
        "119958001234506",  # 15 digits
        "11995800123450677",  # 17
        "4199580012345067",  # status 4 does not exist
        "1189580012345067",  # born 1895: year must be 19xx or 20xx
        "1199590012345067",  # sex digit 9
        "1203080012345067",  # born 2030: in the future
        "1199580O12345067",  # a letter O
    ],
)
def test_malformed_numbers_are_refused(text: str) -> None:
    with pytest.raises(NINInvalid):
        nin_parse(text, current_year=2026)


def test_conflicts_with_the_stated_birth_year_and_sex() -> None:
    nin = nin_parse("1199580012345067", current_year=2026)
    assert nin_conflicts(nin, birth_year=1995, sex="M") == []
    assert len(nin_conflicts(nin, birth_year=1997, sex="F")) == 2
    assert nin_conflicts(nin, birth_year=1997, sex=None, year_tolerance=2) == []


@given(
    status=st.sampled_from("123"),
    year=st.integers(1900, 2026),
    sex=st.sampled_from("78"),
    rest=st.text(alphabet="0123456789", min_size=10, max_size=10),
    spaces=st.lists(st.integers(0, 16), max_size=5),
)
def test_every_well_formed_number_parses_back_to_its_parts(status, year, sex, rest, spaces):
    digits = f"{status}{year}{sex}{rest}"
    spaced = digits
    for at in sorted(spaces, reverse=True):
        spaced = spaced[:at] + " " + spaced[at:]
    nin = nin_parse(spaced, current_year=2026)
    assert nin.number == digits
    assert (nin.status, nin.birth_year) == (int(status), year)
    assert nin.sex == {"8": "M", "7": "F"}[sex]
    assert nin.core == digits[:13] and nin.serial == digits[6:13] and nin.issue == int(digits[13])
