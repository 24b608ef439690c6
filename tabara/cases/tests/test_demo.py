"""The demo data of `make run`: cases routed to the demo agencies, loaded once."""

from __future__ import annotations

import pytest

from tabara.accounts.models import User
from tabara.cases.models import Case
from tabara.core.demo import demo_load
from tabara.referrals.models import Referral
from tabara.referrals.selectors import referrals_overdue

pytestmark = pytest.mark.django_db


def test_demo_opens_routed_cases_once() -> None:
    accounts = demo_load(with_villages=False).accounts
    assert {"ncda", "hope", "isange"} <= {a.username for a in accounts}
    demo_load(with_villages=False)
    assert Case.objects.count() == 4
    assert Referral.objects.filter(to_org__short_name="RIB").exists()
    supervisor = User.objects.get(username="supervisor")
    assert referrals_overdue(supervisor).count() == 1
