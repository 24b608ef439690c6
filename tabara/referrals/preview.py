"""Who a case would be referred to, shown to the officer before the case is opened.

The same rules in force, the same facts and the same evaluator as referrals_route_case;
nothing is written (not even the shipped defaults when no version is stored yet).
"""

from __future__ import annotations

from typing import Any

from tabara.accounts.models import Organization
from tabara.cases.routing_preview import PlannedRecipient
from tabara.cases.services import CaseInput
from tabara.referrals.models import Urgency, ViewScope
from tabara.referrals.routing import CaseFacts, OrgEntry, evaluate
from tabara.referrals.rulesets import DEFAULT_RULES, routing_rules_parse
from tabara.referrals.selectors import routing_ruleset_current


def case_facts(data: CaseInput) -> CaseFacts:
    """What routing sees of a case opened with `data` (the district as case_open derives it)."""
    district = data.district or (data.origin_sector.parent if data.origin_sector else None)
    if district is None and data.border_post is not None:
        district = data.border_post.district
    return CaseFacts(
        screening_outcome=data.screening_outcome,
        child_involved=data.child_involved,
        border_crossed=data.border_post is not None,
        district_code=district.code if district else "",
        destination_country=data.destination_country,
        exploitation_types=(data.exploitation_type, *data.other_exploitation_types),
    )


def _rules_in_force() -> dict[str, Any]:
    current = routing_ruleset_current()
    if current is not None:
        return dict(current.rules)
    return routing_rules_parse(DEFAULT_RULES.read_text("utf-8"))


def routing_preview(owner_org_id: int | None, data: CaseInput) -> list[PlannedRecipient]:
    """The referrals opening this case with consent would send, most urgent first."""
    orgs = {o.short_name: o for o in Organization.objects.select_related("district")}
    directory = [
        OrgEntry(o.short_name, o.kind, o.district.code if o.district else "") for o in orgs.values()
    ]
    return [
        PlannedRecipient(
            organization=orgs[route.organization],
            urgency=route.urgency,
            urgency_label=str(Urgency(route.urgency).label),
            scope=route.scope,
            scope_label=str(ViewScope(route.scope).label),
        )
        for route in evaluate(_rules_in_force(), case_facts(data), directory)
        if orgs[route.organization].pk != owner_org_id
    ]
