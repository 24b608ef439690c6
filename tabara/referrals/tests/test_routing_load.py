"""routing_load: the shipped defaults once, or a file as a new version."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tabara.referrals.models import RoutingRuleSet
from tabara.referrals.routing import RuleSetInvalid
from tabara.referrals.rulesets import routing_rules_parse

pytestmark = pytest.mark.django_db


def test_defaults_are_in_force_after_migrating_and_files_add_versions(tmp_path) -> None:
    out = StringIO()
    call_command("routing_load", stdout=out)
    assert "version 1" in out.getvalue() and RoutingRuleSet.objects.count() == 1
    rules = tmp_path / "rules.yaml"
    rules.write_text("note: test\nrules:\n  - id: a\n    route: [{to: RIB}]\n", "utf-8")
    call_command("routing_load", str(rules), stdout=out)
    assert RoutingRuleSet.objects.order_by("-version").values_list("note", flat=True)[0] == "test"


@pytest.mark.parametrize("text", ["rules: [unclosed", "- just a list", "rules: []"])
def test_unreadable_rules_are_refused(text: str) -> None:
    with pytest.raises(RuleSetInvalid):
        routing_rules_parse(text)


def test_routing_falls_back_to_the_shipped_rules_when_none_are_stored(agencies, make_staff) -> None:
    from tabara.accounts.roles import Role
    from tabara.cases.tests.factories import case_create
    from tabara.referrals.models import Referral

    RoutingRuleSet.objects.all().delete()
    user = make_staff(roles=[Role.CASE_WORKER], organization=agencies["NAR"])
    case_create(user, route=True, consent_to_share=True, screening_outcome="not_screened")
    assert Referral.objects.get().to_org == agencies["RIB"]
    assert RoutingRuleSet.objects.get().version == 1
