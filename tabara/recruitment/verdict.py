"""What the register says about an agency on a given day, in one word. Pure Python.

An agency listed as licensed whose licence end date has passed is *expired*, whatever the
list still says: a job seeker must not be told "licensed" on the strength of an old row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Final

LICENSED: Final = "licensed"
SUSPENDED: Final = "suspended"
REVOKED: Final = "revoked"
EXPIRED: Final = "expired"
NOT_FOUND: Final = "not_found"
# Licensed, but not for the destination the offer names.
NOT_FOR_DESTINATION: Final = "not_for_destination"


def standing(status: str, licence_expires: date | None, today: date) -> str:
    """licensed, suspended, revoked or expired, as of `today`."""
    if status == LICENSED and licence_expires is not None and licence_expires < today:
        return EXPIRED
    return status if status in {LICENSED, SUSPENDED, REVOKED, EXPIRED} else EXPIRED


def standing_for(
    status: str,
    licence_expires: date | None,
    destinations: Sequence[str],
    destination: str,
    today: date,
) -> str:
    """The standing for an offer to `destination` ("" or "ZZ": any destination will do)."""
    now = standing(status, licence_expires, today)
    if now == LICENSED and destination not in {"", "ZZ"} and destination not in destinations:
        return NOT_FOR_DESTINATION
    return now
