"""Publishing routing rules: each change is a new immutable version, audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.referrals.models import RoutingRuleSet
from tabara.referrals.routing import RuleSetInvalid, validate

DEFAULT_RULES = Path(__file__).resolve().parent / "rules" / "default.yaml"


def routing_rules_parse(text: str) -> dict[str, Any]:
    """Parse YAML (or JSON, a subset of it) into a rule set and validate it."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleSetInvalid(str(exc)) from exc
    if not isinstance(data, dict):
        raise RuleSetInvalid("the rule set must be a mapping with a list of rules")
    validate(data)
    return data


@transaction.atomic
def routing_ruleset_publish(*, user: User | None, rules: dict[str, Any]) -> RoutingRuleSet:
    """Validate and publish rules as the next version; the newest version is in force."""
    validate(rules)
    latest = RoutingRuleSet.objects.select_for_update().aggregate(v=Max("version"))["v"] or 0
    ruleset = RoutingRuleSet.objects.create(
        version=latest + 1,
        rules=rules,
        published_at=timezone.now(),
        published_by=user,
        note=str(rules.get("note", ""))[:200],
    )
    audit_record(
        actor=user,
        action=AuditAction.ROUTING_PUBLISHED,
        target_type="routing",
        target_id=ruleset.version,
    )
    return ruleset


@transaction.atomic
def routing_load_default() -> RoutingRuleSet:
    """Publish the shipped default rules unless some version is already in force."""
    current = RoutingRuleSet.objects.order_by("-version").first()
    if current is not None:
        return current
    return routing_ruleset_publish(
        user=None, rules=routing_rules_parse(DEFAULT_RULES.read_text("utf-8"))
    )
