"""Refit the question-choice prior from this deployment's completed screenings (counts only)."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

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
        outcome_weights: str | None = None,
        **options: Any,
    ) -> None:
        name = f"{ruleset}.prior.json"
        if name not in PUBLISHED_PRIORS:
            raise CommandError(f"no published prior for rule set {ruleset}")
        raw = (RULESET_DIR / name).read_bytes()
        if sha256_hex(raw) != PUBLISHED_PRIORS[name]:
            raise CommandError(f"{name} does not match its pinned sha256")
        records = completed_outcomes_and_answers(ruleset)
        new = refit(json.loads(raw), records, prior_version, outcome_weights)
        out.write_bytes(new)
        self.stdout.write(f"{len(records)} completed screenings added; sha256 {sha256_hex(new)}")
