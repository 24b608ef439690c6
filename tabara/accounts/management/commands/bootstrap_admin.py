"""Create the first organization and its national administrator's invitation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from tabara.accounts.invitations import invitation_create
from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Role

ADMIN_ROLES = {Role.ADMINISTRATOR.value, Role.NATIONAL_ADMINISTRATOR.value}


class Command(BaseCommand):
    help = (
        "On a database without administrators, create the first organization and invite its "
        "national administrator; prints the single-use link (valid 72 hours)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org-name", required=True)
        parser.add_argument("--org-short-name", default="", help="defaults to the name")
        parser.add_argument(
            "--org-type", required=True, choices=[kind.value for kind in Organization.Kind]
        )
        parser.add_argument("--email", required=True)
        parser.add_argument("--language", default=settings.LANGUAGE_CODE)

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            if any(
                set(roles) & ADMIN_ROLES for roles in User.objects.values_list("roles", flat=True)
            ):
                raise CommandError(
                    "An administrator already exists: invite people from the staff pages."
                )
            name = options["org_name"].strip()
            organization = Organization(
                name=name,
                short_name=(options["org_short_name"] or name)[:30],
                kind=options["org_type"],
            )
            try:
                organization.full_clean()
            except ValidationError as error:
                raise CommandError(f"Organization refused: {error.message_dict}") from error
            organization.save()
            _invitation, link = invitation_create(
                by=None,
                email=options["email"],
                organization=organization,
                roles=[Role.NATIONAL_ADMINISTRATOR],
                language=options["language"],
            )
        self.stdout.write(f"Organization {organization.short_name} created.")
        self.stdout.write(f"Invitation for {options['email']} (single use, valid 72 hours):")
        self.stdout.write(link)
