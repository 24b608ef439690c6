"""Retry timing for outbox delivery: exponential backoff with a ceiling."""

from __future__ import annotations

from datetime import timedelta

MAX_ATTEMPTS = 8
LEASE = timedelta(minutes=2)


def retry_delay(attempt: int) -> timedelta:
    """Delay before the next try after `attempt` failed tries: 30 s, 1 min, 2 min… ≤ 1 h."""
    return timedelta(seconds=min(30 * 2 ** max(attempt - 1, 0), 3600))
