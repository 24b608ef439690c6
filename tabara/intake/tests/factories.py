"""Report factories go through report_submit, exactly as the channels do."""

from __future__ import annotations

from typing import Any

from tabara.intake.choices import Channel
from tabara.intake.services import ReportInput, SubmittedReport, report_submit


def submit_report(channel: Channel = Channel.WEB, **fields: Any) -> SubmittedReport:
    fields.setdefault(
        "what_happened", "A neighbour's daughter was offered a job abroad by a stranger."
    )
    return report_submit(channel=channel, data=ReportInput(**fields))


def complete_form(**overrides: str) -> dict[str, str]:
    """A complete, valid web form submission with distinctive synthetic values."""
    data = {
        "what_happened": "Umugabo yabwiye umukobwa ko azamuha akazi i Dubai (synthetic).",
        "location_kind": "rwanda",
        "district": "",
        "sector": "3301",
        "border_post": "",
        "country": "",
        "occurred_on": "2026-10-01",
        "when_text": "last month",
        "people_count": "2",
        "age_group": "child",
        "sex": "female",
        "recruitment_channel": "social_media",
        "platform": "whatsapp",
        "agency_name": "Synthetic Travel Ltd",
        "destination": "Dubai",
        "destination_country": "AE",
        "suspect_identifiers": "+250 788 000 111, @synthetic_recruiter",
        "wants_contact": "on",
        "contact_name": "Mama Synthetic",
        "contact_phone": "+250 722 000 999",
        "website": "",
    }
    data.update(overrides)
    return data
