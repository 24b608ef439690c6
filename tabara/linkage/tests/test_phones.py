"""Phones in any format become one E.164 number (linkage notes 3.3: +250, trunk 0, prefix
00; mobiles 7[2389]XXXXXXX: "0788 123 456", "250788123456", "+250 788-123-456", "00250…",
"788123456" are one phone)."""

from __future__ import annotations

import phonenumbers
from hypothesis import given
from hypothesis import strategies as st

from tabara.core.phones import phone_normalise

MOBILE = st.builds(
    lambda prefix, rest: f"7{prefix}{rest}",
    st.sampled_from("2389"),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)


def _spaced(number: str, cuts: list[int], separator: str) -> str:
    for at in sorted(cuts, reverse=True):
        number = number[:at] + separator + number[at:]
    return number


@given(
    MOBILE,
    st.sampled_from(["0{}", "250{}", "+250{}", "00250{}", "{}", "+250 {}"]),
    st.lists(st.integers(1, 8), max_size=3),
    st.sampled_from([" ", "-", "."]),
)
def test_every_spelling_of_a_mobile_is_one_e164(national, form, cuts, separator) -> None:
    written = form.format(_spaced(national, cuts, separator))
    assert phone_normalise(written) == f"+250{national}"


@given(MOBILE)
def test_normalising_twice_changes_nothing(national: str) -> None:
    once = phone_normalise("0" + national)
    assert phone_normalise(once) == once


@given(
    st.one_of(
        st.builds(
            lambda national, form, cuts, sep: form.format(_spaced(national, cuts, sep)),
            st.one_of(
                MOBILE,
                st.builds(
                    lambda d: f"7{d}", st.text(alphabet="0123456789", min_size=7, max_size=9)
                ),
            ),
            st.sampled_from(["0{}", "250{}", "+250{}", "00250{}", "{}", "+250 ({})", "+2500{}"]),
            st.lists(st.integers(1, 8), max_size=3),
            st.sampled_from([" ", "-", ".", ""]),
        ),
        st.text(alphabet="0123456789 +-().", max_size=20),
    )
)
def test_the_fast_path_agrees_with_libphonenumber(written: str) -> None:
    """Rwandan mobiles are read without parsing; libphonenumber itself is the reference."""
    try:
        number = phonenumbers.parse(written, "RW")
    except phonenumbers.NumberParseException:
        expected = ""
    else:
        valid = phonenumbers.is_valid_number(number)
        expected = (
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if valid else ""
        )
    assert phone_normalise(written) == expected
