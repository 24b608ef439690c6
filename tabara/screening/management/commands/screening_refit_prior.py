"""Refit the question-choice prior from this deployment's completed screenings (counts only).

The staff member running it is named with --staff and audited, with the new prior's version
and sha256, in the transaction that puts the file in place: the file is written beside
`--out` first and renamed inside that transaction, so there is no refit without its event.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.screening.prior import OUTCOME_WEIGHTS, PUBLISHED_PRIORS, refit
from tabara.screening.ruleset import DEFAULT_VERSION, RULESET_DIR, sha256_hex
from tabara.screening.selectors import completed_outcomes_and_answers


class Command(BaseCommand):
    help = (
        "Add the outcome and answer counts of completed screenings to the published prior and "
        "write a new prior file; publish it by pinning the printed sha256 in PUBLISHED_PRIORS."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--ruleset", default=DEFAULT_VERSION, help="rule-set version")
        parser.add_argument("--prior-version", required=True, help="version name of the new prior")
        parser.add_argument("--out", type=Path, required=True, help="file to write")
        parser.add_argument(
            "--staff", required=True, help="username of the staff member running the refit"
        )
        parser.add_argument(
            "--outcome-weights",
            choices=OUTCOME_WEIGHTS,
            help="counts: weigh outcomes by how often they occurred; equal; default: keep",
        )

    def handle(
        self,
        *args: Any,
        ruleset: str,
        prior_version: str,
        out: Path,
        staff: str,
        outcome_weights: str | None = None,
        **options: Any,
    ) -> None:
        actor = User.objects.filter(username=staff.strip(), is_active=True).first()
        if actor is None:
            raise CommandError(f"no active staff account named {staff!r}")
        name = f"{ruleset}.prior.json"
        if name not in PUBLISHED_PRIORS:
            raise CommandError(f"no published prior for rule set {ruleset}")
        raw = (RULESET_DIR / name).read_bytes()
        if sha256_hex(raw) != PUBLISHED_PRIORS[name]:
            raise CommandError(f"{name} does not match its pinned sha256")
        records = completed_outcomes_and_answers(ruleset)
        new = refit(json.loads(raw), records, prior_version, outcome_weights)
        partial = out.with_name(out.name + ".partial")
        partial.write_bytes(new)
        try:
            with transaction.atomic():
                audit_record(
                    actor=actor,
                    action=AuditAction.SCREENING_PRIOR_REFITTED,
                    target_type="screening_prior",
                    target_id=prior_version,
                    extra={
                        "ruleset": ruleset,
                        "sha256": sha256_hex(new),
                        "screenings": len(records),
                        "outcome_weights": outcome_weights or "",
                    },
                )
                partial.replace(out)
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(f"{len(records)} completed screenings added; sha256 {sha256_hex(new)}")
