"""Words of the networks app: the kinds of identifier, named for readers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class IdentifierKind(models.TextChoices):
    """The kinds of identifier a recruiter leaves (the values of linkage.identifiers.Kind)."""

    PHONE = "phone", _("phone number")
    ACCOUNT = "account", _("social-media account")
    PLATE = "plate", _("vehicle plate")
    AGENCY = "agency", _("agency name")
    NAME = "name", _("suspected recruiter's name")


class RecordKind(models.TextChoices):
    REPORT = "report", _("report")
    CASE = "case", _("case")
