"""Small-cell protection of one-way tables with their total (Django-free).

No count below THRESHOLD is shown (zero included). When cells are hidden, more are
hidden (the smallest shown first) until at least two are and the hidden cells add up to
at least THRESHOLD: then the total minus the shown cells tells only the sum of the hidden
ones, and any hidden cell could be anything from 0 to that sum, a small count or not.
When that would leave a single figure shown, the total is hidden instead. A total below
THRESHOLD hides the whole table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

THRESHOLD = 5


@dataclass(frozen=True)
class ProtectedTable:
    """The cells as shown (None: hidden), in the given order, and the total (None: hidden)."""

    cells: list[tuple[str, int | None]]
    total: int | None

    @property
    def hidden(self) -> int:
        return sum(1 for _label, value in self.cells if value is None)


def protect(counts: Mapping[str, int], threshold: int = THRESHOLD) -> ProtectedTable:
    """Hide small cells and enough others that the total cannot give one of them away."""
    if any(n < 0 for n in counts.values()):
        raise ValueError("counts cannot be negative")
    total = sum(counts.values())
    if total < threshold:
        return ProtectedTable([(label, None) for label in counts], None)
    hidden = {label for label, n in counts.items() if n < threshold}
    while hidden and (len(hidden) < 2 or sum(counts[h] for h in hidden) < threshold):
        shown = [label for label in counts if label not in hidden]
        if len(shown) <= 1:
            # Hiding the last figure would hide the whole table: hide the total instead,
            # and the hidden cells are bound by nothing.
            total_shown: int | None = None
            break
        hidden.add(min(shown, key=lambda label: (counts[label], label)))
    else:
        total_shown = total
    return ProtectedTable(
        [(label, None if label in hidden else n) for label, n in counts.items()], total_shown
    )
