"""The one phone normaliser, against Rwanda's numbering plan and the spellings people type.

Expectations come from the plan (RURA): country code 250, trunk prefix 0, mobile numbers
07X plus seven digits, with 072/073 (Airtel) and 078/079 (MTN) in service; 075 is not
assigned. Issue #13 lists the three faults this replaces: "788123456" read as +788123456,
"+250 (0)788..." read as +2500788..., and "hello" stored as a call-back number.
"""

from __future__ import annotations

import pytest
from django import forms
from django.utils import translation

from tabara.core.phones import (
    PhoneField,
    PhoneInvalid,
    phone_e164,
    phone_hash,
    phone_normalise,
)

SAME_MTN_PHONE = [
    "+250788123456",
    "250788123456",
    "0788123456",
    "0788 123 456",
    "788123456",
    "+250 (0)788 123 456",
    "+250 (0)788123456",
    "00250 788-123-456",
    " (+250) 788123456 ",
    "+250.788.123.456",
]


@pytest.mark.parametrize("raw", SAME_MTN_PHONE)
def test_every_spelling_of_one_rwandan_mobile_is_one_number(raw: str) -> None:
    assert phone_e164(raw) == "+250788123456"
    assert phone_hash(raw) == phone_hash("+250788123456") != ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("0722 000 111", "+250722000111"), ("0732000111", "+250732000111"),
     ("0792000111", "+250792000111"), ("0788000111", "+250788000111")],
)  # fmt: skip
def test_each_operator_range_is_a_rwandan_mobile(raw: str, expected: str) -> None:
    assert phone_e164(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "hello",
        "",
        "   ",
        "MTN",
        "0752 123 456",  # 075: not an assigned range
        "0788 123 45",  # one digit short
        "0788 123 4567",  # one digit too many
        "+254 711 000 000",  # a valid Kenyan mobile, not Rwandan
        "0252 123 456",  # a Rwandan fixed line
        "1-800-FLOWERS",
        "0788123456" * 5,
    ],
)
def test_anything_but_a_rwandan_mobile_is_refused_where_one_is_expected(raw: str) -> None:
    with pytest.raises(PhoneInvalid):
        phone_e164(raw)


def test_other_valid_numbers_pass_where_any_number_will_do() -> None:
    assert phone_e164("+254 711 000 000", rwanda_mobile=False) == "+254711000000"
    assert phone_e164("0252 123 456", rwanda_mobile=False) == "+250252123456"
    with pytest.raises(PhoneInvalid):
        phone_e164("hello", rwanda_mobile=False)


def test_normalise_never_guesses() -> None:
    assert phone_normalise("788123456") == "+250788123456"
    assert phone_normalise("hello") == phone_normalise("12") == "" == phone_hash("hello")
    assert phone_normalise("+250 788 12") == ""  # too short to be any number


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "Rwandan mobile"), ("fr", "mobile rwandais"), ("rw", "telefoni igendanwa")],
)
def test_the_refusal_is_translated(lang: str, words: str) -> None:
    with translation.override(lang):
        field = PhoneField(required=False)
        with pytest.raises(forms.ValidationError) as caught:
            field.clean("hello")
        assert words in str(caught.value.messages[0])
        assert field.clean("0788 123 456") == "+250788123456"
        assert field.clean("") == ""
