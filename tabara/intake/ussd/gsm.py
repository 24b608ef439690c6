"""The GSM 7-bit default alphabet (3GPP TS 23.038, section 6.2.1) and septet counting.

Django-free. Built from the standard's two tables, position by position: the basic set
(128 positions, one septet each; 0x1B is the escape to the extension table, not a
character) and the extension table, whose characters cost two septets (escape + code).
Tabara's screens and SMS keep to the basic set: handsets and USSD gateways render the
extension table unreliably, and a screen's length is then exactly its septet count.
"""

from __future__ import annotations

import unicodedata
from typing import Final

# Positions 0x00-0x7F of the basic character set, in order, 16 to a line; "\x1b" is ESC.
BASIC_TABLE: Final = (
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNO"
    "PQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmno"
    "pqrstuvwxyzäöñüà"
)
BASIC: Final = frozenset(BASIC_TABLE) - {"\x1b"}
# The extension table: code after ESC -> character.
EXTENSION_TABLE: Final = {
    0x0A: "\f", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\",
    0x3C: "[", 0x3D: "~", 0x3E: "]", 0x40: "|", 0x65: "€",
}  # fmt: skip
EXTENSION: Final = frozenset(EXTENSION_TABLE.values())

# Plain stand-ins for common characters outside the basic set (typography, the extension).
_STAND_INS = str.maketrans(
    {
        "‘": "'", "’": "'", "`": "'", "´": "'", "“": '"', "”": '"', "«": '"', "»": '"',
        "–": "-", "—": "-", "…": "...", "[": "(", "]": ")", "{": "(", "}": ")",
        "~": "-", "|": "/", "\\": "/", "^": "", "€": "EUR", "\t": " ", "\u00a0": " ",
    }
)  # fmt: skip


def septets(text: str) -> int | None:
    """How many septets `text` takes in the GSM 7-bit alphabet; None if it cannot be sent so."""
    total = 0
    for char in text:
        if char in BASIC:
            total += 1
        elif char in EXTENSION:
            total += 2
        else:
            return None
    return total


def gsm_fold(text: str) -> str:
    """`text` in plain ASCII letters of the basic set: accents dropped, marks simplified.

    Accents are dropped even where the basic set has the letter (é, à), because
    Kinyarwanda and French screens are written and measured without them and some USSD
    gateways mangle the few accented letters GSM has. What is left outside the basic set
    is removed, so the result always counts one septet per character.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_STAND_INS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = stripped.translate(_STAND_INS)
    return "".join(c for c in folded if c in BASIC and (c == "\n" or " " <= c <= "~"))
