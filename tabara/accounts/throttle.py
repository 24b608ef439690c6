"""How long an account must wait after failed sign-ins: a pure table, no Django.

Only failures count. The first four cost nothing (people mistype); from the fifth on the
wait doubles, from one minute up to a cap of fifteen, and any successful sign-in clears the
count. Successful sign-ins never slow anyone down, so an office behind one address is never
locked out by its own colleagues.
"""

from __future__ import annotations

from datetime import timedelta

FREE_FAILURES = 4
FIRST_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(minutes=15)


def delay_after(failures: int) -> timedelta:
    """The wait imposed after `failures` consecutive failed sign-ins of one account."""
    if failures <= FREE_FAILURES:
        return timedelta(0)
    doublings = min(failures - FREE_FAILURES - 1, 10)
    delay: timedelta = FIRST_DELAY * (1 << doublings)
    return min(delay, MAX_DELAY)
