"""Publish routing rules from a YAML file (default: the shipped rules, once)."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from tabara.referrals.rulesets import (
    routing_load_default,
    routing_rules_parse,
    routing_ruleset_publish,
)


class Command(BaseCommand):
    help = "Publish routing rules: the shipped defaults if none exist, or a given file."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", nargs="?", help="YAML rule set to publish as a new version")

    def handle(self, *args: Any, path: str | None, **options: Any) -> None:
        if path is None:
            ruleset = routing_load_default()
        else:
            rules = routing_rules_parse(Path(path).read_text("utf-8"))
            ruleset = routing_ruleset_publish(user=None, rules=rules)
        self.stdout.write(f"routing rules in force: version {ruleset.version}")
