"""Phone numbers: the one normaliser every channel uses, and the keyed hash that stands in for them.

`phone_e164()` is the only place a number the project receives (web form, hotline desk,
USSD, SMS, case files, imports, search) becomes a number: libphonenumber parses it with
Rwanda as the default region and it must be a valid number, written back in E.164. Where a
Rwandan mobile is expected (anything Tabara may text or call back), only `+2507[2389]` and
seven digits pass. Anything else raises `PhoneInvalid`, whose message is translated.

A number is kept in clear only when its owner asked to be called back; otherwise only
`phone_hash()` is stored, which groups repeat reports from one phone without revealing it
(HMAC-SHA256 under TABARA_PHONE_HASH_KEY, a key held outside the database).
"""

from __future__ import annotations

import re
from typing import Any, Final

import phonenumbers
from django import forms
from django.utils.translation import gettext_lazy as _

from tabara.core.crypto import keyed_hash

# MTN Rwanda (078, 079) and Airtel Rwanda (072, 073): the mobile ranges of the national plan.
RWANDA_MOBILE: Final = re.compile(r"\+2507[2389][0-9]{7}")
MAX_INPUT = 40  # a number with spaces, brackets and a prefix; longer is not a phone number
_LETTERS = re.compile(r"[^\W\d_]")

NOT_A_NUMBER = _("Enter a phone number with its country code, such as +250 788 123 456.")
NOT_RWANDAN_MOBILE = _("Enter a Rwandan mobile number: 07 and 8 more digits, such as 0788 123 456.")


class PhoneInvalid(ValueError):
    """The text is not a phone number of the kind expected; `message` says so, translated."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def phone_e164(raw: str, *, rwanda_mobile: bool = True) -> str:
    """The E.164 form of `raw` (Rwanda by default), or PhoneInvalid.

    "0788 123 456", "788123456", "+250 (0)788 123 456" and "00250788123456" all give
    "+250788123456". Letters are refused (libphonenumber would read "1-800-FLOWERS").
    """
    text = raw.strip()
    expected = str(NOT_RWANDAN_MOBILE if rwanda_mobile else NOT_A_NUMBER)  # in the active language
    if not text or len(text) > MAX_INPUT or _LETTERS.search(text):
        raise PhoneInvalid(expected)
    try:
        number = phonenumbers.parse(text, "RW")
    except phonenumbers.NumberParseException:
        raise PhoneInvalid(expected) from None
    if not phonenumbers.is_valid_number(number):
        raise PhoneInvalid(expected)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if rwanda_mobile and not RWANDA_MOBILE.fullmatch(e164):
        raise PhoneInvalid(str(NOT_RWANDAN_MOBILE))
    return e164


_SEPARATORS = re.compile(r"[\s\-.()]")
_MOBILE_SPELLING = re.compile(r"(?:\+250|00250|250|0)?(7[2389][0-9]{7})")


def phone_normalise(raw: str) -> str:
    """E.164 of any valid number, "" for anything else: for matching and hashing, never a guess.

    A Rwandan mobile in its usual spellings (0788 123 456, 788123456, 250…, +250…, 00250…)
    is read directly: libphonenumber takes about 0.25 ms a number, half the time of reading
    a list to link. Everything else is parsed; a property test checks both agree.
    """
    if match := _MOBILE_SPELLING.fullmatch(_SEPARATORS.sub("", raw)):
        return "+250" + match.group(1)
    try:
        return phone_e164(raw, rwanda_mobile=False)
    except PhoneInvalid:
        return ""


def phone_hash(raw: str) -> str:
    """The keyed hash of a number in normal form ("" for no valid number)."""
    number = phone_normalise(raw)
    return keyed_hash(number, purpose="phone") if number else ""


class PhoneField(forms.CharField):
    """A form field that cleans to E.164 through `phone_e164`, keeping what was typed on error."""

    def __init__(self, *, rwanda_mobile: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", MAX_INPUT)
        super().__init__(**kwargs)
        self.rwanda_mobile = rwanda_mobile
        self.widget.attrs.setdefault("inputmode", "tel")
        self.widget.attrs.setdefault("autocomplete", "tel")

    def clean(self, value: Any) -> str:
        text: str = super().clean(value)
        if not text:
            return ""
        try:
            return phone_e164(text, rwanda_mobile=self.rwanda_mobile)
        except PhoneInvalid as exc:
            raise forms.ValidationError(exc.message, code="phone") from None
