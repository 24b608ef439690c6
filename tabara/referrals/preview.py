"""Who a case would be referred to, shown to the officer before the case is opened.

The same rules in force, the same facts (case_facts, of a case drafted by case_draft as
case_open would store it) and the same evaluator as referrals_route_case, which calls
case_routes too; nothing is written (not even the shipped defaults when no version is
stored yet).
"""

from __future__ import annotations

from typing import Any

from tabara.accounts.models import Organization
from tabara.cases.models import Case
from tabara.cases.routing_preview import PlannedRecipient
from tabara.cases.services import CaseInput, case_draft
from tabara.referrals.models import Urgency, ViewScope
from tabara.referrals.routing import CaseFacts, OrgEntry, Route, evaluate
from tabara.referrals.rulesets import DEFAULT_RULES, routing_rules_parse
from tabara.referrals.selectors import routing_ruleset_current


def case_facts(case: Case) -> CaseFacts:
    """What routing sees of a case: the one derivation for the preview and the real routing."""
    return CaseFacts(
        screening_outcome=case.screening_outcome,
        child_involved=case.child_involved,
        border_crossed=case.border_crossed,
        district_code=case.district.code if case.district else "",
        destination_country=case.destination_country,
        exploitation_types=tuple(case.all_exploitation_types),
    )


def case_routes(case: Case, rules: dict[str, Any]) -> list[tuple[Route, Organization]]:
    """The routes the rules name for `case` and their organizations, the owner left out."""
    orgs = {o.short_name: o for o in Organization.objects.select_related("district")}
    directory = [
        OrgEntry(o.short_name, o.kind, o.district.code if o.district else "") for o in orgs.values()
    ]
    return [
        (route, orgs[route.organization])
        for route in evaluate(rules, case_facts(case), directory)
        if orgs[route.organization].pk != case.owner_org_id
    ]


def _rules_in_force() -> dict[str, Any]:
    current = routing_ruleset_current()
    if current is not None:
        return dict(current.rules)
    return routing_rules_parse(DEFAULT_RULES.read_text("utf-8"))


def routing_preview(owner_org_id: int | None, data: CaseInput) -> list[PlannedRecipient]:
    """The referrals opening this case with consent would send, most urgent first.

    The case is drafted by the same function case_open stores it with (case_draft), so the
    facts routed on are those the stored case will have.
    """
    owner = Organization.objects.filter(pk=owner_org_id).first() if owner_org_id else None
    case = case_draft(owner_org=owner, data=data)
    return [
        PlannedRecipient(
            organization=org,
            urgency=route.urgency,
            urgency_label=str(Urgency(route.urgency).label),
            scope=route.scope,
            scope_label=str(ViewScope(route.scope).label),
        )
        for route, org in case_routes(case, _rules_in_force())
    ]
