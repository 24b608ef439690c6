"""Phone numbers of reporters: one normal form, and the keyed hash that stands in for them.

A number is kept in clear only when its owner asked to be called back; otherwise only
`phone_hash()` is stored, which groups repeat reports from one phone without revealing it
(HMAC-SHA256 under TABARA_PHONE_HASH_KEY, a key held outside the database).
"""

from __future__ import annotations

import re

import phonenumbers

from tabara.core.crypto import keyed_hash

_NON_DIGITS = re.compile(r"[^0-9]")


def phone_normalise(raw: str) -> str:
    """E.164 form (+250...) of a Rwandan or international number; "" when it has no digits.

    "0788 000 111", "+250788000111", "250788000111", "00250 788 000 111" and "788000111"
    are the same phone (libphonenumber, Rwanda as the default region). A string it cannot
    read keeps its digits, so that two spellings of one odd number still hash alike.
    """
    digits = _NON_DIGITS.sub("", raw)[:15]
    if not digits:
        return ""
    try:
        number = phonenumbers.parse(raw, "RW")
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_possible_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if raw.strip().startswith("00"):
        digits = digits[2:]
    elif len(digits) == 10 and digits.startswith("07"):
        digits = "250" + digits[1:]
    return f"+{digits}"


def phone_hash(raw: str) -> str:
    """The keyed hash of a number in normal form ("" for no number)."""
    number = phone_normalise(raw)
    return keyed_hash(number, purpose="phone") if number else ""
