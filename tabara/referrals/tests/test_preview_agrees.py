"""The routing preview shown before a case is opened names exactly the referrals sent.

Both go through case_draft (the case as case_open stores it), case_facts and case_routes;
this checks the promise across inputs that exercise every fact routing reads: where the
district comes from (a sector, a district, a border post), a child, a border crossing, a
destination abroad or at home, the screening outcome, a second exploitation type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Role
from tabara.cases.routing_preview import case_recipients_preview
from tabara.cases.services import CaseInput, case_open
from tabara.geo.models import AdminUnit, BorderPost
from tabara.referrals.models import Referral

pytestmark = pytest.mark.django_db

CASES: list[dict[str, Any]] = [
    {"screening_outcome": "presumed_victim", "child_involved": True, "sector": "1101"},
    {"screening_outcome": "presumed_victim", "sector": "3301", "destination_country": "AE"},
    {"screening_outcome": "possible_victim", "district": "12", "destination_country": "UG"},
    {"screening_outcome": "presumed_victim", "border_post": True, "child_involved": True},
    {"screening_outcome": "presumed_victim", "district": "33"},
    {
        "screening_outcome": "presumed_victim",
        "sector": "1201",
        "exploitation_type": "sexual_exploitation",
        "other_exploitation_types": ["forced_labour"],
        "destination_country": "KE",
    },
]


def _input(raw: dict[str, Any]) -> CaseInput:
    units = AdminUnit.objects
    return CaseInput(
        screening_outcome=raw["screening_outcome"],
        child_involved=raw.get("child_involved", False),
        exploitation_type=raw.get("exploitation_type", "unknown"),
        other_exploitation_types=raw.get("other_exploitation_types", []),
        origin_sector=units.get(code=raw["sector"]) if "sector" in raw else None,
        district=units.get(code=raw["district"]) if "district" in raw else None,
        border_post=BorderPost.objects.order_by("code").first() if "border_post" in raw else None,
        destination_country=raw.get("destination_country", ""),
        summary="Synthetic case for the routing preview.",
        consent_to_share=True,
    )


@pytest.mark.parametrize("raw", CASES)
def test_the_preview_and_the_routing_name_the_same_recipients(
    agencies: dict[str, Organization], make_staff: Callable[..., User], raw: dict[str, Any]
) -> None:
    officer = make_staff(roles=[Role.INTAKE_OFFICER], organization=agencies["RIB"])
    data = _input(raw)
    previewed = {
        (r.organization.short_name, r.urgency, r.scope)
        for r in case_recipients_preview(owner_org_id=officer.organization_id, data=data)
    }
    case = case_open(user=officer, data=data)
    sent = {
        (r.to_org.short_name, r.urgency, r.scope)
        for r in Referral.objects.filter(case=case).select_related("to_org")
    }
    assert sent, "every input here is routed somewhere"
    assert previewed == sent
