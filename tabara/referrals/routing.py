"""The routing evaluator: which organizations a case goes to, and how urgently.

Pure and Django-free. Rules are data (a RoutingRuleSet row, loaded from
tabara/referrals/rules/default.yaml at first); this module only reads them. Every rule
that matches contributes its routes; routes to the same organization merge into the most
urgent deadline and the widest view. See docs/referral-routing.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

URGENCIES = ("critical", "high", "normal")  # most urgent first
SCOPES = ("full", "victim_needs")  # widest first
CONDITIONS = frozenset(
    {"screening_outcome", "child_involved", "border_crossed", "abroad", "district", "province"}
    | {"exploitation"}
)


class RuleSetInvalid(ValueError):
    """A rule set that cannot be published; the message names the offending rule."""


@dataclass(frozen=True)
class CaseFacts:
    """What routing looks at: the screening outcome, a child, the place, a border."""

    screening_outcome: str
    child_involved: bool
    border_crossed: bool
    district_code: str = ""
    destination_country: str = ""
    exploitation_types: tuple[str, ...] = ()

    @property
    def abroad(self) -> bool:
        return self.destination_country not in {"", "RW"}


@dataclass(frozen=True)
class OrgEntry:
    """One organization that can receive referrals: short name, kind and home district."""

    short_name: str
    kind: str
    district_code: str = ""


@dataclass(frozen=True)
class Route:
    """A decision: refer to this organization, this urgently, with this view."""

    organization: str
    urgency: str
    scope: str
    rule_ids: tuple[str, ...]


def validate(ruleset: Mapping[str, Any]) -> None:
    """Raise RuleSetInvalid unless every rule has an id, known conditions and valid routes."""
    rules = ruleset.get("rules")
    if not isinstance(rules, list) or not rules:
        raise RuleSetInvalid("a rule set needs a non-empty list of rules")
    seen: set[str] = set()
    for rule in rules:
        rule_id = rule.get("id") if isinstance(rule, dict) else None
        if not isinstance(rule_id, str) or not rule_id or rule_id in seen:
            raise RuleSetInvalid(f"missing or repeated rule id: {rule_id!r}")
        seen.add(rule_id)
        unknown = set(rule.get("when", {})) - CONDITIONS
        if unknown:
            raise RuleSetInvalid(f"{rule_id}: unknown conditions {sorted(unknown)}")
        routes = rule.get("route")
        if not isinstance(routes, list) or not routes:
            raise RuleSetInvalid(f"{rule_id}: needs at least one route")
        for route in routes:
            if not isinstance(route, dict) or not route.get("to"):
                raise RuleSetInvalid(f"{rule_id}: every route needs 'to'")
            if route.get("urgency", "normal") not in URGENCIES:
                raise RuleSetInvalid(f"{rule_id}: urgency must be one of {URGENCIES}")
            if route.get("scope", "full") not in SCOPES:
                raise RuleSetInvalid(f"{rule_id}: scope must be one of {SCOPES}")


def _listed(value: object, wanted: Any) -> bool:
    return value in (wanted if isinstance(wanted, list) else [wanted])


def matches(when: Mapping[str, Any], facts: CaseFacts) -> bool:
    """True when every condition of a rule holds for the facts (no condition: always)."""
    checks = {
        "screening_outcome": lambda w: _listed(facts.screening_outcome, w),
        "child_involved": lambda w: facts.child_involved is bool(w),
        "border_crossed": lambda w: facts.border_crossed is bool(w),
        "abroad": lambda w: facts.abroad is bool(w),
        "district": lambda w: _listed(facts.district_code, w),
        "province": lambda w: _listed(facts.district_code[:1], w),
        "exploitation": lambda w: bool(set(facts.exploitation_types) & set(w)),
    }
    return all(checks[name](wanted) for name, wanted in when.items())


def resolve(target: str, facts: CaseFacts, directory: Sequence[OrgEntry]) -> str | None:
    """A short name, or `nearest:<kind>`: same district, else same province, else any."""
    if not target.startswith("nearest:"):
        known = {entry.short_name for entry in directory}
        return target if target in known else None
    kind = target.removeprefix("nearest:")
    candidates = sorted((e for e in directory if e.kind == kind), key=lambda e: e.short_name)
    if not candidates:
        return None
    district = facts.district_code
    if district:
        for prefix in (district, district[:1]):
            for entry in candidates:
                if entry.district_code.startswith(prefix):
                    return entry.short_name
    return candidates[0].short_name


def evaluate(
    ruleset: Mapping[str, Any], facts: CaseFacts, directory: Iterable[OrgEntry]
) -> list[Route]:
    """The merged routes of every matching rule, most urgent first, then by name."""
    orgs = list(directory)
    merged: dict[str, Route] = {}
    for rule in ruleset["rules"]:
        if not matches(rule.get("when", {}), facts):
            continue
        for spec in rule["route"]:
            name = resolve(str(spec["to"]), facts, orgs)
            if name is None:
                continue
            urgency = str(spec.get("urgency", "normal"))
            scope = str(spec.get("scope", "full"))
            old = merged.get(name)
            if old is not None:
                urgency = min(urgency, old.urgency, key=URGENCIES.index)
                scope = min(scope, old.scope, key=SCOPES.index)
            ids = (*old.rule_ids, rule["id"]) if old else (rule["id"],)
            merged[name] = Route(name, urgency, scope, ids)
    return sorted(merged.values(), key=lambda r: (URGENCIES.index(r.urgency), r.organization))
