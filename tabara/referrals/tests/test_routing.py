"""The pure routing evaluator and the shipped default rules, as tables."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tabara.referrals.routing import CaseFacts, OrgEntry, RuleSetInvalid, evaluate, validate

DEFAULT = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "rules" / "default.yaml").read_text("utf-8")
)
DOCS = Path(__file__).resolve().parents[3] / "docs" / "referral-routing.md"
DIRECTORY = [
    OrgEntry("RIB", "investigation", "11"),
    OrgEntry("DGIE", "immigration", "12"),
    OrgEntry("NCDA", "child_protection", "12"),
    OrgEntry("ISANGE-KCY", "one_stop_centre", "12"),
    OrgEntry("ISANGE-RBV", "one_stop_centre", "33"),
    OrgEntry("ISANGE-HYE", "one_stop_centre", "22"),
    OrgEntry("HOPE", "shelter", "33"),
    OrgEntry("IOM", "international", "11"),
]


def routes(**facts) -> dict[str, tuple[str, str]]:
    facts.setdefault("screening_outcome", "presumed_victim")
    facts.setdefault("child_involved", False)
    facts.setdefault("border_crossed", False)
    return {
        r.organization: (r.urgency, r.scope)
        for r in evaluate(DEFAULT, CaseFacts(**facts), DIRECTORY)
    }


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (
            {"child_involved": True, "district_code": "33"},
            {
                "RIB": ("critical", "full"),
                "NCDA": ("critical", "victim_needs"),
                "ISANGE-RBV": ("critical", "victim_needs"),
            },
        ),
        (
            {"screening_outcome": "not_screened", "border_crossed": True},
            {"DGIE": ("critical", "full"), "RIB": ("high", "full")},
        ),
        (
            {"district_code": "21"},  # Southern province: no centre in the district or province
            {"RIB": ("high", "full"), "ISANGE-HYE": ("high", "victim_needs")},
        ),
        (
            {"district_code": "12", "exploitation_types": ("sexual_exploitation",)},
            {"RIB": ("high", "full"), "ISANGE-KCY": ("critical", "victim_needs")},
        ),
        (
            {"district_code": "12", "destination_country": "AE"},
            {
                "RIB": ("high", "full"),
                "ISANGE-KCY": ("high", "victim_needs"),
                "IOM": ("normal", "victim_needs"),
                "HOPE": ("normal", "victim_needs"),
            },
        ),
        ({"screening_outcome": "not_a_victim"}, {}),
        ({"screening_outcome": "not_screened"}, {"RIB": ("normal", "full")}),
    ],
)
def test_default_rules(facts, expected) -> None:
    assert routes(**facts) == expected


def test_nearest_without_a_district_picks_the_first_by_name() -> None:
    assert "ISANGE-HYE" in routes()


def test_routes_to_unknown_organizations_are_skipped() -> None:
    rules = {"rules": [{"id": "x", "route": [{"to": "NOBODY"}, {"to": "nearest:ministry"}]}]}
    assert evaluate(rules, CaseFacts("possible_victim", False, False), DIRECTORY) == []


def test_the_most_urgent_and_widest_route_wins() -> None:
    rules = {
        "rules": [
            {"id": "a", "route": [{"to": "RIB", "urgency": "normal", "scope": "victim_needs"}]},
            {"id": "b", "route": [{"to": "RIB", "urgency": "critical", "scope": "full"}]},
            {"id": "c", "route": [{"to": "RIB", "urgency": "high", "scope": "victim_needs"}]},
        ]
    }
    [route] = evaluate(rules, CaseFacts("possible_victim", False, False), DIRECTORY)
    assert (route.urgency, route.scope, route.rule_ids) == ("critical", "full", ("a", "b", "c"))


@pytest.mark.parametrize(
    "rules",
    [
        {},
        {"rules": []},
        {"rules": [{"route": [{"to": "RIB"}]}]},
        {"rules": [{"id": "a", "route": [{"to": "RIB"}]}, {"id": "a", "route": [{"to": "RIB"}]}]},
        {"rules": [{"id": "a", "when": {"moon": "full"}, "route": [{"to": "RIB"}]}]},
        {"rules": [{"id": "a", "route": []}]},
        {"rules": [{"id": "a", "route": [{"urgency": "high"}]}]},
        {"rules": [{"id": "a", "route": [{"to": "RIB", "urgency": "yesterday"}]}]},
        {"rules": [{"id": "a", "route": [{"to": "RIB", "scope": "everything"}]}]},
    ],
)
def test_invalid_rule_sets_are_refused(rules) -> None:
    with pytest.raises(RuleSetInvalid):
        validate(rules)


def test_the_default_rules_are_valid_and_each_is_documented() -> None:
    validate(DEFAULT)
    docs = DOCS.read_text("utf-8")
    for rule in DEFAULT["rules"]:
        assert f"`{rule['id']}`" in docs, rule["id"]
