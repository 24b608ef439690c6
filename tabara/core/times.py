"""Times as people in Rwanda read them: Africa/Kigali (UTC+2), whatever the server's clock.

Templates already show times in TIME_ZONE (Africa/Kigali) through the `date` filter; texts
built outside templates (emails, SMS, in-app alerts) format their times here.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

KIGALI = ZoneInfo("Africa/Kigali")


def kigali_time(moment: datetime) -> str:
    """An aware instant as 'YYYY-MM-DD HH:MM' on Kigali's clock."""
    if moment.tzinfo is None:
        raise ValueError("a naive datetime has no place on a clock")
    return moment.astimezone(KIGALI).strftime("%Y-%m-%d %H:%M")
