"""Timeline details stored as codes and named in the reader's language.

A timeline entry keeps `codes`: pairs of (code set, value) such as ("service", "shelter"),
never a label translated for whoever wrote it. `event_detail()` names them with the
choices of this app in the language active when the page is read; `note` keeps only what
has no translation (an organization's short name, a person's name, a free reason).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext as _

from tabara.cases.choices import (
    AssessmentKind,
    CaseStatus,
    ClosureReason,
    FollowUpOutcome,
    Level,
    PersonRole,
    ServiceStatus,
    ServiceType,
)

CODE_SETS: dict[str, type[models.TextChoices]] = {
    "status": CaseStatus,
    "role": PersonRole,
    "service": ServiceType,
    "service_status": ServiceStatus,
    "assessment": AssessmentKind,
    "level": Level,
    "closure": ClosureReason,
    "follow_up": FollowUpOutcome,
}


def code_label(code_set: str, value: str) -> str:
    """One code named in the active language; an unknown code is shown as it is."""
    if code_set == "consent":
        return _("Yes") if value == "yes" else _("No")
    if code_set == "months":
        return _("%(months)s months") % {"months": value}
    choices = CODE_SETS.get(code_set)
    if choices is None or value not in choices.values:
        return value
    return str(choices(value).label)


def event_detail(codes: Iterable[Iterable[str]], note: str) -> str:
    """The detail of a timeline entry: its codes named, then its note, joined by " · "."""
    parts = [code_label(*pair) for pair in codes]
    return " · ".join([*parts, note] if note else parts)
