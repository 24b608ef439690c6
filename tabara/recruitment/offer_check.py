"""The job-offer check as a service: answers plus the named agency's standing -> result.

Nothing is stored: the check reads the register and runs the pure rules (offers.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tabara.recruitment import selectors, verdict
from tabara.recruitment.models import Agency
from tabara.recruitment.offers import (
    AGENCY_STATUS,
    OfferResult,
    evaluate_offer,
    load_offer_rules,
    offer_marker,
)

# How the offer came -> the report form's recruitment channel.
CHANNELS = {
    "agency": "agency",
    "relative": "relative",
    "friend": "acquaintance",
    "online": "social_media",
    "stranger": "stranger",
}


@dataclass(frozen=True)
class OfferCheck:
    """The result, the agency the name or phone found (if any) and its standing."""

    result: OfferResult
    answers: dict[str, str]
    agency: Agency | None
    standing: str


def offer_check(
    *, answers: dict[str, str], agency_text: str, agency_phone: str, today: date
) -> OfferCheck:
    """Look the named agency up in the register, then evaluate the answers with its standing."""
    rules = load_offer_rules()
    found: Agency | None = None
    standing = ""
    for text in (agency_phone, agency_text):
        if text and found is None:
            agencies = selectors.agency_find(text).agencies
            found = agencies[0] if agencies else None
            standing = verdict.NOT_FOUND
    if found is not None:
        destination = answers.get("destination", "")
        standing = verdict.standing_for(
            found.status, found.licence_expires, found.destinations, destination, today
        )
    full = {**answers, AGENCY_STATUS: standing} if standing else dict(answers)
    return OfferCheck(evaluate_offer(full, rules), answers, found, standing)


def report_prefill(check: OfferCheck, lang: str, agency_text: str, phone: str) -> dict[str, Any]:
    """The report form's fields filled from the check, to carry over in one tap."""
    rules = load_offer_rules()
    lines = []
    for question in rules.questions:
        value = check.answers.get(question.id)
        if not value:
            continue
        label = next((o.label[lang] for o in question.options if o.id == value), value)
        lines.append(f"{question.short[lang]} {label}")
    lines += [f"! {flag.title[lang]}" for flag in check.result.flags]
    lines.append(offer_marker(check.result))  # read back by the analysts' page
    destination = check.answers.get("destination", "")
    return {
        "what_happened": "\n".join(lines),
        "recruitment_channel": CHANNELS.get(check.answers.get("offered_by", ""), "unknown"),
        "agency_name": agency_text,
        "destination_country": destination if len(destination) == 2 else "",
        "suspect_identifiers": phone,
    }
