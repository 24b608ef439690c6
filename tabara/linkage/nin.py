"""Rwanda's 16-digit national ID number (NIN, indangamuntu), parsed for linkage.

Pure Python. Structure (docs/linkage.md, from the linkage notes 3.2):

    position  1      status: 1 citizen; 2 and 3 refugee / foreigner (sources disagree which)
              2-5    year of birth
              6      sex: 8 male, 7 female
              7-13   serial among people of that birth year and sex
              14     issue count (0 first issue)
              15-16  check digits (NIDA's algorithm is not public: not verified here)

The same person may hold several numbers (corrections were issued as new numbers), so
linkage compares the whole number and, separately, its first 13 digits (the *core*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATORS = re.compile(r"[\s.\-/]")
_NIN = re.compile(r"^[123](?:19|20)\d{2}[78]\d{10}$")
SEX_BY_DIGIT = {"8": "M", "7": "F"}


class NINInvalid(ValueError):
    """The text is not a well-formed NIN (the message says why)."""


@dataclass(frozen=True, slots=True)
class NIN:
    """A well-formed national ID number and what its digits say."""

    number: str
    status: int
    birth_year: int
    sex: str  # "M" or "F"
    serial: str
    issue: int

    @property
    def core(self) -> str:
        """Status, birth year, sex and serial: the part a re-issued card may keep."""
        return self.number[:13]


def nin_parse(text: str, *, current_year: int) -> NIN:
    """The NIN in `text` (spaces, dots and dashes ignored); NINInvalid with the reason.

    A birth year after `current_year` is refused; the check digits cannot be verified.
    """
    digits = _SEPARATORS.sub("", text)
    if not digits.isdigit() or len(digits) != 16:
        raise NINInvalid("a national ID number has 16 digits")
    if not _NIN.match(digits):
        raise NINInvalid(
            "not a national ID number: it starts with 1, 2 or 3, then a birth year "
            "19xx or 20xx, then 8 (male) or 7 (female)"
        )
    year = int(digits[1:5])
    if year > current_year:
        raise NINInvalid(f"the birth year in the national ID number ({year}) is in the future")
    return NIN(
        number=digits,
        status=int(digits[0]),
        birth_year=year,
        sex=SEX_BY_DIGIT[digits[5]],
        serial=digits[6:13],
        issue=int(digits[13]),
    )


def nin_conflicts(
    nin: NIN, *, birth_year: int | None, sex: str | None, year_tolerance: int = 0
) -> list[str]:
    """Why the number disagrees with the stated birth year or sex (empty when it agrees).

    A stated year derived from an age may be `year_tolerance` years off without conflict.
    """
    problems = []
    if birth_year is not None and abs(birth_year - nin.birth_year) > year_tolerance:
        problems.append(
            f"the national ID number says born {nin.birth_year}, the record says {birth_year}"
        )
    if sex and sex != nin.sex:
        problems.append(f"the national ID number says sex {nin.sex}, the record says {sex}")
    return problems
