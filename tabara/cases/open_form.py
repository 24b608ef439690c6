"""The open-case page's helpers: what a report fills in, shown; and the preview's token."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tabara.cases.choices import RecruitmentChannel
from tabara.cases.routing_preview import PlannedRecipient
from tabara.geo.countries import country_name
from tabara.intake.choices import AgeGroup, LocationKind
from tabara.intake.models import Report


def from_report(report: Report | None) -> dict[str, object]:
    """Initial answers of the case form taken from the report, so the officer sees them."""
    if report is None:
        return {}
    initial: dict[str, object] = {
        "child_involved": report.age_group in {AgeGroup.CHILD, AgeGroup.BOTH},
        "destination_country": report.destination_country,
    }
    if report.sector is not None:
        initial["origin_sector"] = report.sector.code
    if report.border_post is not None and report.location_kind == LocationKind.BORDER:
        initial["border_post"] = report.border_post.code
    if report.recruitment_channel in RecruitmentChannel.values:
        initial["recruitment_channel"] = report.recruitment_channel
    return initial


def copied_rows(report: Report | None) -> list[tuple[str, str]]:
    """(what, value) of each report fact the case form starts from, in the reader's language."""
    if report is None:
        return []
    place = report.border_post or report.sector or report.district
    language = get_language() or "rw"
    destination = report.destination_country
    return [
        (_("Where"), f"{report.get_location_kind_display()}{f' · {place}' if place else ''}"),
        (_("People at risk"), report.get_age_group_display()),
        (_("Destination country"), country_name(destination, language) if destination else "—"),
        (_("Recruitment"), report.get_recruitment_channel_display()),
    ]


def preview_token(answers: dict[str, Any], recipients: list[PlannedRecipient]) -> str:
    """A fingerprint of the answers and of the organizations previewed for them."""
    seen = {
        "answers": {key: str(value) for key, value in answers.items()},
        "to": [(r.organization.pk, r.urgency, r.scope) for r in recipients],
    }
    return hashlib.sha256(json.dumps(seen, sort_keys=True).encode()).hexdigest()[:32]
