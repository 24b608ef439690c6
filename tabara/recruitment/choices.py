"""The words of the register: an agency's licence status."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyStatus(models.TextChoices):
    LICENSED = "licensed", _("Licensed")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")


class ChangeSource(models.TextChoices):
    EDIT = "edit", _("Edited by staff")
    IMPORT = "import", _("Imported from the licensing authority's file")
