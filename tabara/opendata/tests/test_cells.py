"""Small cells: none below 5 is shown, and the total cannot give a hidden one away."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from tabara.opendata.cells import THRESHOLD, protect


def _range(values: list[int | None], total: int, index: int) -> tuple[float, float]:
    """What an attacker can learn of hidden cell `index`: min and max over every table of
    non-negative counts that shows the same cells and the same total (a linear program)."""
    hidden = [i for i, v in enumerate(values) if v is None]
    rest = total - sum(v for v in values if v is not None)
    objective = [1.0 if i == index else 0.0 for i in hidden]
    bounds = [(0, None)] * len(hidden)
    low = linprog(objective, A_eq=[[1.0] * len(hidden)], b_eq=[rest], bounds=bounds)
    high = linprog([-c for c in objective], A_eq=[[1.0] * len(hidden)], b_eq=[rest], bounds=bounds)
    assert low.status == 0 and high.status == 0
    assert low.fun is not None and high.fun is not None
    return float(low.fun), -float(high.fun)


tables = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=3), st.integers(0, 40), min_size=1, max_size=8
)


@settings(max_examples=300, deadline=None)
@given(tables)
def test_no_small_cell_is_shown_and_no_hidden_cell_can_be_worked_out(
    counts: dict[str, int],
) -> None:
    table = protect(counts)
    assert [label for label, _v in table.cells] == list(counts)
    for label, shown in table.cells:
        assert shown is None or (shown >= THRESHOLD and shown == counts[label])
    if table.total is None:
        # Either the whole table is small, or the total is what is hidden: then nothing
        # binds the hidden cells (at most one figure is shown).
        small = sum(counts.values()) < THRESHOLD
        assert (small and table.hidden == len(counts)) or table.hidden >= len(counts) - 1
        return
    assert table.total == sum(counts.values())
    values = [v for _label, v in table.cells]
    for index, value in enumerate(values):
        if value is None:
            low, high = _range(values, table.total, index)
            # Not pinned down, and the attacker cannot even tell it is a small count.
            assert high - low >= THRESHOLD
            assert high >= THRESHOLD


def test_one_small_cell_takes_the_smallest_other_with_it() -> None:
    table = protect({"North": 3, "South": 9, "Kigali": 40})
    assert table.cells == [("North", None), ("South", None), ("Kigali", 40)]
    assert table.total == 52


def test_when_only_one_figure_would_remain_the_total_is_hidden_instead() -> None:
    table = protect({"2024": 1, "2025": 0, "2026": 200})
    assert table.cells == [("2024", None), ("2025", None), ("2026", 200)]
    assert table.total is None


def test_a_table_whose_total_is_small_shows_nothing() -> None:
    table = protect({"a": 2, "b": 2})
    assert table.total is None and table.hidden == 2


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        protect({"a": -1})
