"""How the cases app learns about apps that build on it, without importing them.

Dependencies point one way: referrals (and any later app that shares cases) import cases,
never the reverse. What cases must know of them goes through this small interface, filled
in by those apps' `AppConfig.ready()`:

- `sharing`: who else may see a case (accepted referrals), and which cases have work overdue
  at another organization. Unset, no case is shared with anyone (access fails closed).
- `on_case_opened`: callbacks run inside `case_open()`'s transaction (routing a new case).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from django.db.models import QuerySet

if TYPE_CHECKING:
    from tabara.accounts.models import User
    from tabara.cases.models import Case


class CaseSharing(Protocol):
    """What an app that shares cases with other organizations tells the cases app."""

    def grants(self, org_id: int) -> QuerySet[Any]:
        """Rows giving `org_id` access to cases: `case_id`, `scope`, `case_opened_at`."""

    def late(self, case_ref: Any) -> QuerySet[Any]:
        """Rows of overdue work on the case `case_ref` (an id or an OuterRef)."""

    def late_case_ids(self, case_ids: list[int]) -> set[int]:
        """Which of these cases have overdue work."""

    def of_case(self, user: User, case_id: int, *, owner: bool) -> list[Any]:
        """The sharing records of one case the user may see (all of them for the owner)."""


class _Links:
    def __init__(self) -> None:
        self.sharing: CaseSharing | None = None
        self.on_case_opened: list[Callable[[User, Case], object]] = []


links = _Links()


def sharing_register(sharing: CaseSharing) -> None:
    """Called once by the app that shares cases (referrals)."""
    links.sharing = sharing


def case_opened_register(callback: Callable[[User, Case], object]) -> None:
    """Run `callback(user, case)` in the transaction of every case opened with consent."""
    if callback not in links.on_case_opened:
        links.on_case_opened.append(callback)
