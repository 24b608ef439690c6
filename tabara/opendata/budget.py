"""Privacy-budget arithmetic for repeated releases (Django-free).

Releases of the same people's data add up (sequential composition): the ε of every
release is charged to one budget, in exact decimals, and a charge that would take the
spent total past the budget is refused whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

EPSILON_PLACES = Decimal("0.0001")


class BudgetExhausted(Exception):
    """The charge would spend more than what is left of the budget."""

    def __init__(self, asked: Decimal, left: Decimal) -> None:
        super().__init__(f"ε {asked} asked, {left} left")
        self.asked = asked
        self.left = left


def epsilon(value: Decimal | str | int) -> Decimal:
    """A positive ε rounded to the ledger's four places; anything else is refused."""
    amount = Decimal(value).quantize(EPSILON_PLACES)
    if not amount.is_finite() or amount <= 0:
        raise ValueError("ε must be a positive number")
    return amount


def remaining(total: Decimal, spends: Iterable[Decimal]) -> Decimal:
    """What is left of `total` after the recorded spends."""
    return total - sum(spends, Decimal(0))


def charge(total: Decimal, spends: Iterable[Decimal], asked: Decimal) -> Decimal:
    """The budget left after spending `asked`, or BudgetExhausted if it does not fit."""
    left = remaining(total, spends)
    if asked > left:
        raise BudgetExhausted(asked, left)
    return left - asked


def split(amount: Decimal, parts: int) -> Decimal:
    """An equal share of `amount` for each of `parts` queries, rounded down (never over)."""
    share = (amount / parts).quantize(EPSILON_PLACES, rounding="ROUND_DOWN")
    if share <= 0:
        raise ValueError("ε is too small to share")
    return share
