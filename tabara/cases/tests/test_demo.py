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


def test_demo_shows_casework_in_use_and_searchable_people() -> None:
    from tabara.attachments.models import Attachment
    from tabara.cases.models import CaseNote, CaseService
    from tabara.search.services import search_run

    demo_load(with_villages=False)
    demo_load(with_villages=False)  # a second load adds nothing
    child = Case.objects.get(owner_org__short_name="NCDA")
    assert (child.assigned_to_id, child.supervisor_id) == (
        User.objects.get(username="ncda").pk,
        User.objects.get(username="ncdaboss").pk,
    )
    assert CaseNote.objects.filter(case=child).count() == 3
    assert CaseNote.objects.filter(corrects__isnull=False).count() == 1
    assert {s.service_type: s.status for s in CaseService.objects.filter(case=child)} == {
        "shelter": "in_progress",
        "medical": "planned",
    }
    assert Attachment.objects.filter(case=child).count() == 1
    ncda = User.objects.get(username="ncda")
    found = search_run(user=ncda, text="mutamuliza jeanne").people
    assert [p.full_name for p in found] == ["Jeanne Mutamuriza"]
    assert [p.full_name for p in search_run(user=ncda, text="0788 123 456").people] == [
        "Jeanne Mutamuriza"
    ]
