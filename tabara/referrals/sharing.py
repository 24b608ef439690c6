"""What the cases app learns from referrals, through its interface (tabara/cases/links.py).

An accepted referral grants its receiving organization a view of the case within the
referral's scope; a referral sent and not acknowledged by its deadline is overdue work.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from tabara.accounts.models import User
from tabara.cases.links import case_opened_register, sharing_register
from tabara.cases.models import Case
from tabara.referrals.models import Referral, ReferralStatus
from tabara.referrals.selectors import referrals_of_case
from tabara.referrals.services import referrals_route_case


class ReferralSharing:
    """Accepted referrals share cases; unacknowledged late ones are overdue work."""

    def grants(self, org_id: int) -> QuerySet[Any]:
        return Referral.objects.filter(to_org_id=org_id, status=ReferralStatus.ACCEPTED)

    def late(self, case_ref: Any) -> QuerySet[Any]:
        return Referral.objects.filter(
            case_id=case_ref, status=ReferralStatus.SENT, deadline_at__lt=timezone.now()
        )

    def late_case_ids(self, case_ids: list[int]) -> set[int]:
        return set(
            Referral.objects.filter(
                case_id__in=case_ids, status=ReferralStatus.SENT, deadline_at__lt=timezone.now()
            ).values_list("case_id", flat=True)
        )

    def of_case(self, user: User, case_id: int, *, owner: bool) -> list[Any]:
        return list(referrals_of_case(user, case_id=case_id, owner=owner))


def _route(user: User, case: Case) -> None:
    referrals_route_case(user=user, case=case)


def register() -> None:
    """Tell the cases app about referrals (called from ReferralsConfig.ready)."""
    sharing_register(ReferralSharing())
    case_opened_register(_route)
