"""Demo referrals for `make run`: one already late, so the overdue board has something to show.

Called from tabara/core/demo.py right after the demo cases were first opened (and routed).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tabara.core.demo import DemoRun
from tabara.referrals.models import ACKNOWLEDGE_WITHIN, Referral


@transaction.atomic
def referrals_demo_load() -> int:
    """Move the first demo referral's deadline four days into the past; return how many moved."""
    late = Referral.objects.order_by("id").first()
    if late is None:
        return 0
    past = timezone.now() - timedelta(days=4)
    deadline = past + ACKNOWLEDGE_WITHIN[late.urgency]
    Referral.objects.filter(pk=late.pk).update(
        sent_at=past, deadline_at=deadline, next_escalation_at=deadline
    )
    return 1


def referrals_demo_step(run: DemoRun) -> None:
    """Demo referral states, only on the load that opened the demo cases."""
    if run.made.get("cases"):
        referrals_demo_load()
