"""Refitting the question-choice prior from completed screenings: counts only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from tabara.accounts.roles import Role
from tabara.screening.models import ScreeningInterview
from tabara.screening.prior import PriorError, refit
from tabara.screening.ruleset import RULESET_DIR


@pytest.mark.django_db
def test_command_adds_completed_interviews_counts(staff_client, tmp_path: Path) -> None:
    _client, user = staff_client(Role.INTAKE_OFFICER)
    common = {"organization": user.organization, "created_by": user, "ruleset_version": "rw-2026.1"}
    ScreeningInterview.objects.create(
        **common,
        subject="Secret Name",
        status=ScreeningInterview.Status.COMPLETED,
        outcome="smuggling",
        answers={"smuggling_paid_facilitator": "yes", "border_irregular_crossing": "no"},
    )
    ScreeningInterview.objects.create(  # a draft does not count
        **common, status=ScreeningInterview.Status.DRAFT, outcome="", answers={"age_under_18": "no"}
    )
    out = tmp_path / "prior.json"
    call_command("screening_refit_prior", "--prior-version", "local-1", "--out", str(out))
    before = json.loads((RULESET_DIR / "rw-2026.1.prior.json").read_bytes())
    after = json.loads(out.read_bytes())
    assert after["version"] == "local-1"
    old, new = before["counts"], after["counts"]
    assert new["outcomes"]["smuggling"] == old["outcomes"]["smuggling"] + 1
    assert new["outcomes"]["trafficking"] == old["outcomes"]["trafficking"]
    paid = "smuggling_paid_facilitator"
    assert new["answers"]["smuggling"][paid][0] == old["answers"]["smuggling"][paid][0] + 1
    irregular = "border_irregular_crossing"
    assert (
        new["answers"]["smuggling"][irregular][1] == old["answers"]["smuggling"][irregular][1] + 1
    )
    age = new["answers"]["smuggling"]["age_under_18"]
    assert age[2] == old["answers"]["smuggling"]["age_under_18"][2] + 1  # not asked: unknown
    assert "Secret Name" not in out.read_text(encoding="utf-8")


@pytest.mark.django_db
def test_a_deployment_can_weigh_outcomes_by_its_own_counts(tmp_path: Path) -> None:
    out = tmp_path / "prior.json"
    published = json.loads((RULESET_DIR / "rw-2026.1.prior.json").read_bytes())
    assert published["outcome_weights"] == "equal"
    call_command(
        "screening_refit_prior",
        *("--prior-version", "local-2", "--out", str(out), "--outcome-weights", "counts"),
    )
    assert json.loads(out.read_bytes())["outcome_weights"] == "counts"
    with pytest.raises(PriorError, match="outcome_weights"):
        refit(published, [], "local-3", "often")
