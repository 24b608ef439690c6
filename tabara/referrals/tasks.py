"""Background work of referrals, run by the django-tasks database worker."""

from __future__ import annotations

from django_tasks import task

from tabara.referrals.services import referrals_escalate_due


@task()
def referrals_escalate_task() -> int:
    """Escalate every referral whose acknowledgement deadline has passed."""
    return referrals_escalate_due()
