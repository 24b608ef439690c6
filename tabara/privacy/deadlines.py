"""Where a breach stands against the law's deadlines (Django-free apart from the model)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from tabara.privacy.models import Breach


class Standing(StrEnum):
    DONE_IN_TIME = "in_time"
    DONE_LATE = "late"
    DUE = "due"
    OVERDUE = "overdue"


def standing(done_at: datetime | None, due: datetime, now: datetime) -> Standing:
    """In time, late, still due, or overdue: one deadline of a breach."""
    if done_at is not None:
        return Standing.DONE_IN_TIME if done_at <= due else Standing.DONE_LATE
    return Standing.DUE if now <= due else Standing.OVERDUE


def breach_standing(breach: Breach, now: datetime) -> dict[str, Standing]:
    """The notice to the authority (48 h) and the written report (72 h)."""
    return {
        "notice": standing(breach.authority_notified_at, breach.authority_notice_due, now),
        "report": standing(breach.authority_report_at, breach.authority_report_due, now),
    }
