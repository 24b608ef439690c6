"""Raising the privacy budget: only the data-protection side, only upwards, with a reason,
audited with the old and new totals (docs/open-data.md, "When exhausted")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cli import main
from tabara.opendata.models import PrivacyBudget
from tabara.opendata.operators import OperatorRefused
from tabara.opendata.releases import BUDGET_NAME, ReleaseRefused, budget_raise


@pytest.fixture
def administrator(agencies, make_staff):
    # The role that holds privacy.breaches: the organization's data-protection work.
    return make_staff(roles=[Role.ADMINISTRATOR], organization=agencies["RIB"], username="dpo")


def test_the_cli_raises_the_budget_and_audits_old_new_and_why(
    administrator, right_code, capsys
) -> None:
    right_code(administrator)
    status = main(
        ["export", "budget", "--user", "dpo", "--total", "12", "--reason", "Board decision 4"]
    )
    assert status == 0
    assert "raised to ε 12.0000; ε 12.0000 left" in capsys.readouterr().out
    assert PrivacyBudget.objects.get(name=BUDGET_NAME).total_epsilon == Decimal("12")
    event = AuditEvent.objects.get(action=AuditAction.PRIVACY_BUDGET_RAISED)
    assert event.actor_id == administrator.pk
    # The policy's first budget is ε 10 (docs/open-data.md).
    assert event.extra == {"from": "10.0000", "to": "12.0000", "reason": "Board decision 4"}


def test_a_lower_or_equal_total_or_no_reason_is_refused_and_changes_nothing(
    administrator,
) -> None:
    with pytest.raises(ReleaseRefused, match="only be raised"):
        budget_raise(user=administrator, total=Decimal("10"), reason="same")
    with pytest.raises(ReleaseRefused, match="only be raised"):
        budget_raise(user=administrator, total=Decimal("3"), reason="lower")
    with pytest.raises(ReleaseRefused, match="--reason"):
        budget_raise(user=administrator, total=Decimal("20"), reason="  ")
    assert PrivacyBudget.objects.get(name=BUDGET_NAME).total_epsilon == Decimal("10")
    assert not AuditEvent.objects.filter(action=AuditAction.PRIVACY_BUDGET_RAISED).exists()


def test_an_analyst_who_publishes_may_not_raise_the_budget(analyst, right_code, capsys) -> None:
    with pytest.raises(OperatorRefused, match=r"privacy\.breaches"):
        budget_raise(user=analyst, total=Decimal("50"), reason="more releases")
    right_code(analyst)
    assert main(["export", "budget", "--user", "ana", "--total", "50", "--reason", "x"]) == 2
    assert "refused" in capsys.readouterr().err
    assert not PrivacyBudget.objects.filter(total_epsilon=Decimal("50")).exists()
    assert AuditEvent.objects.filter(action=AuditAction.OPEN_DATA_REFUSED).count() == 2
