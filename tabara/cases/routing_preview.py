"""Who a new case would be referred to, asked of the referrals app without importing it.

The cases app depends on no app built on it. The open-case page shows the officer where a
case will go before they confirm; the referrals app, which owns the routing rules,
registers the function that answers (in its AppConfig.ready()). Unregistered, the page
says no organization is named (it cannot be wrong about sharing: nothing is routed then).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tabara.accounts.models import Organization
from tabara.cases.services import CaseInput


@dataclass(frozen=True)
class PlannedRecipient:
    """One organization a case would be sent to, how urgently and with what view."""

    organization: Organization
    urgency: str
    urgency_label: str
    scope: str
    scope_label: str


Preview = Callable[[int | None, CaseInput], list[PlannedRecipient]]
_preview: list[Preview] = []


def routing_preview_register(preview: Preview) -> None:
    """Called once by the app that routes cases (referrals)."""
    _preview[:] = [preview]


def case_recipients_preview(*, owner_org_id: int | None, data: CaseInput) -> list[PlannedRecipient]:
    """The organizations opening this case with consent would send it to, most urgent first."""
    return _preview[0](owner_org_id, data) if _preview else []
