from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tabara.core.demo import demo_load


class Command(BaseCommand):
    help = "Load synthetic demo data (idempotent) and print the demo accounts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-villages", action="store_true", help="skip cells and villages")

    def handle(self, *args: Any, **options: Any) -> None:
        run = demo_load(with_villages=not options["no_villages"])
        self.stdout.write("Demo staff accounts (synthetic; sign in at /en/staff/sign-in/):")
        for account in run.accounts:
            self.stdout.write(
                f"  {account.username:<11} password {account.password:<24} "
                f"role {account.role:<18} org {account.organization:<9} "
                f"TOTP secret {account.totp_secret}"
            )
        self.stdout.write("  Add the TOTP secret to any authenticator app, or run:")
        self.stdout.write("  .venv/bin/python -m tabara.core.totp_now SECRET")
        for line in run.lines:
            self.stdout.write(line)
