"""Privacy budget: the ledger never spends more than the budget, in exact decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tabara.opendata.budget import BudgetExhausted, charge, epsilon, remaining, split

amounts = st.decimals(Decimal("0.0001"), Decimal("3"), places=4)


@settings(max_examples=300, deadline=None)
@given(amounts, st.lists(amounts, max_size=40))
def test_accepted_spends_never_add_up_past_the_budget(total: Decimal, asks: list[Decimal]) -> None:
    ledger: list[Decimal] = []
    for ask in asks:
        before = remaining(total, ledger)
        try:
            left = charge(total, ledger, ask)
        except BudgetExhausted as refused:
            assert ask > before and refused.left == before
            continue
        ledger.append(ask)
        assert left == total - sum(ledger)
    assert sum(ledger, Decimal(0)) <= total


def test_the_last_exact_fit_is_allowed_and_then_nothing() -> None:
    total = Decimal("1.0")
    ledger = [Decimal("0.3"), Decimal("0.3"), Decimal("0.3")]
    assert charge(total, ledger, Decimal("0.1")) == 0
    with pytest.raises(BudgetExhausted):
        charge(total, [*ledger, Decimal("0.1")], Decimal("0.0001"))


@pytest.mark.parametrize("bad", ["0", "-1", "NaN", "0.00001"])
def test_epsilon_must_be_positive_on_the_ledger_s_scale(bad: str) -> None:
    with pytest.raises(ValueError, match="positive"):
        epsilon(bad)


def test_shares_are_rounded_down_so_their_sum_stays_within_the_whole() -> None:
    share = split(Decimal("1.0000"), 3)
    assert share == Decimal("0.3333") and share * 3 <= 1
    with pytest.raises(ValueError, match="too small"):
        split(Decimal("0.0001"), 5)
