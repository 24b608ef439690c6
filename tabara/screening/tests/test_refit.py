"""Refitting the question-choice prior from completed screenings: counts only."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tabara.accounts.roles import Role
from tabara.audit.models import AuditEvent
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
    call_command(
        "screening_refit_prior",
        *("--prior-version", "local-1", "--out", str(out), "--staff", user.username),
    )
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
def test_a_deployment_can_weigh_outcomes_by_its_own_counts(make_staff, tmp_path: Path) -> None:
    out = tmp_path / "prior.json"
    runner = make_staff(roles=[Role.ANALYST])
    published = json.loads((RULESET_DIR / "rw-2026.1.prior.json").read_bytes())
    assert published["outcome_weights"] == "equal"
    call_command(
        "screening_refit_prior",
        *("--prior-version", "local-2", "--out", str(out), "--outcome-weights", "counts"),
        *("--staff", runner.username),
    )
    assert json.loads(out.read_bytes())["outcome_weights"] == "counts"
    with pytest.raises(PriorError, match="outcome_weights"):
        refit(published, [], "local-3", "often")


@pytest.mark.django_db
def test_a_refit_is_audited_with_who_ran_it_and_the_new_version(make_staff, tmp_path) -> None:
    runner = make_staff(roles=[Role.ANALYST])
    out = tmp_path / "prior.json"
    args = ("--prior-version", "local-4", "--out", str(out), "--staff", runner.username)
    call_command("screening_refit_prior", *args)
    event = AuditEvent.objects.get(action="screening_prior_refitted")
    assert event.actor == runner and event.target_id == "local-4"
    assert event.extra["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert json.loads(out.read_bytes())["version"] == "local-4"


@pytest.mark.django_db
def test_no_refit_without_its_audit_event_and_none_by_an_unknown_account(
    make_staff, tmp_path
) -> None:
    runner = make_staff(roles=[Role.ANALYST])
    taken = tmp_path / "taken"
    taken.mkdir()  # a folder where the file should go: putting it in place fails
    with pytest.raises(OSError):
        call_command(
            "screening_refit_prior",
            *("--prior-version", "local-5", "--out", str(taken), "--staff", runner.username),
        )
    assert not AuditEvent.objects.filter(action="screening_prior_refitted").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]  # nothing half-written
    with pytest.raises(CommandError, match="no active staff account"):
        call_command(
            "screening_refit_prior",
            *("--prior-version", "local-6", "--out", str(tmp_path / "p.json"), "--staff", "nobody"),
        )
    assert not (tmp_path / "p.json").exists()
